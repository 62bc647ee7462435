/* SPDX-License-Identifier: MIT */
/* One frame from the app state: see render.h. */
#include "app/render.h"

int bc_status_bar_h(const bc_draw *d)
{
	return bc_dp(d, BC_STATUS_BAR_H);
}

/*
 * Layouts are written in 800x480 coordinates. A frame of another aspect
 * ratio gets the design scaled by the smaller factor and centred, with the
 * spare room split evenly, so nothing is ever cut off or stretched.
 */
SDL_Rect bc_design_rect(const bc_draw *d, int x, int y, int w, int h)
{
	int off_x = (d->w - bc_dp(d, BC_DESIGN_W)) / 2;
	int off_y = (d->h - bc_dp(d, BC_DESIGN_H)) / 2;
	if (off_x < 0)
		off_x = 0;
	if (off_y < 0)
		off_y = 0;
	SDL_Rect r = { off_x + (int)(x * d->k + 0.5f), off_y + (int)(y * d->k + 0.5f),
		       (int)(w * d->k + 0.5f), (int)(h * d->k + 0.5f) };
	return r;
}

void bc_render_frame(const bc_draw *d, const bc_app_state *s)
{
	SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
	SDL_SetRenderDrawColor(d->r, bc_col_bg.r, bc_col_bg.g, bc_col_bg.b, 255);
	SDL_RenderClear(d->r);
	int bar_h = bc_status_bar_h(d);
	SDL_Rect bar = { 0, 0, d->w, bar_h };
	SDL_Rect area = { 0, bar_h, d->w, d->h - bar_h };
	switch (s->screen) {
	case BC_SCREEN_HOME:
		bc_render_home(d, s, area);
		break;
	case BC_SCREEN_CALIBRATION:
		bc_render_calibration(d, s, area);
		break;
	case BC_SCREEN_EXERCISE:
		bc_render_exercise(d, s, area);
		break;
	case BC_SCREEN_POSTURE:
		bc_render_posture(d, s, area);
		break;
	case BC_SCREEN_SUMMARY:
	case BC_SCREEN_COUNT:
		bc_render_summary(d, s, area);
		break;
	}
	/* The sensor status is drawn last so it is visible on every screen. */
	bc_render_status_bar(d, s, bar);
	bc_text_end_frame(d->text);
}

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
