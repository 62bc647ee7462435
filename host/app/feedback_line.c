/* SPDX-License-Identifier: MIT */
/* The feedback line: see feedback_line.h. */
#include "app/feedback_line.h"

void bc_render_feedback(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	char buf[BC_APP_TEXT_MAX];
	bc_feedback_kind kind;
	const char *text = bc_app_feedback(s, buf, sizeof(buf), &kind);
	SDL_Color fg = bc_col_text, bg = bc_col_panel;
	if (kind == BC_FEEDBACK_BAD) {
		fg = bc_col_bad;
		bg = bc_color_dim(bc_col_bad, 0.22f);
	} else if (kind == BC_FEEDBACK_GOOD) {
		fg = bc_col_good;
		bg = bc_color_dim(bc_col_good, 0.18f);
	}
	bc_draw_panel(d, area, bc_dp(d, 14), bg);
	if (text && *text)
		bc_draw_text(d, text, 34, BC_FONT_BOLD, fg, area.x + area.w / 2,
			     area.y + area.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     area.w - bc_dp(d, 24));
}
