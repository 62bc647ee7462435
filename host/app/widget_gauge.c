/* SPDX-License-Identifier: MIT */
/* Vertical angle gauge with target zone: see widgets.h. */
#include "app/widgets.h"

#include <math.h>
#include <stdio.h>

#include "app/screen_words.h"

/*
 * Scale of the gauge: the zone with a wide margin, never narrower than
 * -20..+30 deg. Fixed for a session (it depends on the zone only), so the
 * scale never jumps under the wearer's eyes; a value beyond it pins the
 * marker to the end and the number above still says it.
 */
static void scale_range(const bc_gauge_spec *g, float *lo, float *hi)
{
	float zmin = g->zone_min_deg, zmax = g->zone_max_deg;
	*lo = fminf(-20.0f, fminf(zmin, zmax) - 15.0f);
	*hi = fmaxf(30.0f, fmaxf(zmin, zmax) + 15.0f);
	/* Round outwards to the 10 deg ticks. */
	*lo = floorf(*lo / 10.0f) * 10.0f;
	*hi = ceilf(*hi / 10.0f) * 10.0f;
}

void bc_widget_gauge(const bc_draw *d, SDL_Rect area, const bc_gauge_spec *g)
{
	float lo, hi;
	scale_range(g, &lo, &hi);
	int value_h = bc_dp(d, 50), label_h = g->label ? bc_dp(d, 26) : 0;
	int bar_w = bc_dp(d, 34);
	int bar_x = area.x + area.w - bar_w - bc_dp(d, 18);
	SDL_Rect bar = { bar_x, area.y + value_h + bc_dp(d, 10), bar_w,
			 area.h - value_h - label_h - bc_dp(d, 20) };
	if (bar.h < 20)
		return;
		/* Screen y of an angle: positive (the exercise's direction) is up. */
#define Y_OF(deg) (bar.y + (int)((hi - (deg)) / (hi - lo) * bar.h))

	bc_draw_panel(d, bar, bc_dp(d, 8), bc_col_track);
	bool has_zone = g->zone_max_deg > g->zone_min_deg;
	if (has_zone) {
		int y0 = Y_OF(g->zone_max_deg), y1 = Y_OF(g->zone_min_deg);
		SDL_Rect zone = { bar.x, y0, bar.w, y1 - y0 };
		bc_draw_fill(d, zone, bc_color_dim(bc_col_good, 0.55f));
	}
	for (int deg = (int)lo; deg <= (int)hi; deg += 10) {
		char lab[16];
		int y = Y_OF(deg);
		SDL_Rect tick = { bar.x - bc_dp(d, 10), y - bc_dp(d, deg == 0 ? 2 : 1), bc_dp(d, 8),
				  bc_dp(d, deg == 0 ? 4 : 2) };
		bc_draw_fill(d, tick, deg == 0 ? bc_col_text : bc_col_dim);
		snprintf(lab, sizeof(lab), "%d", deg);
		bc_draw_note(d, lab, 17, BC_FONT_REGULAR, bc_col_dim, bar.x - bc_dp(d, 14), y,
			     BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, 0);
	}

	char val[24] = "--";
	SDL_Color vc = bc_col_dim;
	if (g->valid) {
		float v = g->value_deg;
		bool in_zone = has_zone && v >= g->zone_min_deg && v <= g->zone_max_deg;
		vc = in_zone ? bc_col_good : bc_col_text;
		float shown = fmaxf(lo, fminf(hi, v));
		int y = Y_OF(shown);
		int m = bc_dp(d, 7);
		SDL_Rect marker = { bar.x - m, y - m, bar.w + 2 * m, 2 * m };
		bc_draw_panel(d, marker, m, vc);
		bc_app_deg_text(v, val, sizeof(val));
	}
	int cx = bar.x + bar.w / 2 - bc_dp(d, 12);
	bc_draw_text(d, val, 44, BC_FONT_BOLD, vc, cx, area.y + value_h / 2 + bc_dp(d, 4),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, area.w);
	if (g->label)
		bc_draw_note(d, g->label, 16, BC_FONT_BOLD, bc_col_dim, area.x + area.w / 2,
			     area.y + area.h - label_h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     area.w);
#undef Y_OF
}
