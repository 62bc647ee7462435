/* SPDX-License-Identifier: MIT */
/* Vertical depth bar: see widgets.h. */
#include "app/widgets.h"

#include <math.h>
#include <stdio.h>

/*
 * Standing (0 cm) at the top, down to twice the target (real squats lower
 * the lower back 30-55 cm, so a deep one stays on the bar): the marker falls as the hips do, and the band from the target down is the
 * depth that counts. Fixed for a session (it depends on the target only).
 */
void bc_widget_depth(const bc_draw *d, SDL_Rect area, float depth_cm, float target_cm, bool valid)
{
	float bottom_cm = fmaxf(10.0f, ceilf(target_cm * 2.0f / 10.0f) * 10.0f);
	int value_h = bc_dp(d, 50), label_h = bc_dp(d, 26), bar_w = bc_dp(d, 34);
	SDL_Rect bar = { area.x + area.w - bar_w - bc_dp(d, 18), area.y + value_h + bc_dp(d, 10),
			 bar_w, area.h - value_h - label_h - bc_dp(d, 20) };
	if (bar.h < 20)
		return;
#define Y_OF(cm) (bar.y + (int)((cm) / bottom_cm * bar.h))
	bc_draw_panel(d, bar, bc_dp(d, 8), bc_col_track);
	if (target_cm > 0) {
		SDL_Rect zone = { bar.x, Y_OF(target_cm), bar.w, bar.y + bar.h - Y_OF(target_cm) };
		bc_draw_fill(d, zone, bc_color_dim(bc_col_good, 0.55f));
	}
	for (int cm = 0; cm <= (int)bottom_cm; cm += 10) {
		char lab[16];
		int y = Y_OF(cm);
		SDL_Rect tick = { bar.x - bc_dp(d, 10), y - bc_dp(d, 1), bc_dp(d, 8), bc_dp(d, 2) };
		bc_draw_fill(d, tick, bc_col_dim);
		snprintf(lab, sizeof(lab), "%d", cm);
		bc_draw_note(d, lab, 17, BC_FONT_REGULAR, bc_col_dim, bar.x - bc_dp(d, 14), y,
			     BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, 0);
	}
	char val[24] = "--";
	SDL_Color vc = bc_col_dim;
	if (valid) {
		bool deep = target_cm > 0 && depth_cm >= target_cm;
		vc = deep ? bc_col_good : bc_col_text;
		int y = Y_OF(fmaxf(0.0f, fminf(bottom_cm, depth_cm)));
		int m = bc_dp(d, 7);
		SDL_Rect marker = { bar.x - m, y - m, bar.w + 2 * m, 2 * m };
		bc_draw_panel(d, marker, m, vc);
		float cm = roundf(depth_cm);
		snprintf(val, sizeof(val), "%.0f cm", cm == 0.0f ? 0.0 : (double)cm); /* never -0 */
	}
	bc_draw_text(d, val, 44, BC_FONT_BOLD, vc, area.x + area.w / 2,
		     area.y + value_h / 2 + bc_dp(d, 4), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, area.w);
	bc_draw_note(d, "HIPS DOWN", 16, BC_FONT_BOLD, bc_col_dim, area.x + area.w / 2,
		     area.y + area.h - label_h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, area.w);
#undef Y_OF
}
