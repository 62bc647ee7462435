/* SPDX-License-Identifier: MIT */
/* One frame from the app state: see render.h. */
#include "app/render.h"

#include "app/layout.h"
#include "app/screens.h"

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
	case BC_SCREEN_PLUG_IN:
		bc_render_plug_in(d, s, area);
		break;
	case BC_SCREEN_EXERCISES:
		bc_render_exercises(d, s, area);
		break;
	case BC_SCREEN_REST:
		bc_render_rest(d, s, area);
		break;
	case BC_SCREEN_PROGRESS:
		bc_render_progress(d, s, area);
		break;
	case BC_SCREEN_PROFILES:
		bc_render_profiles(d, s, area);
		break;
	case BC_SCREEN_SUMMARY:
	case BC_SCREEN_COUNT:
		bc_render_summary(d, s, area);
		break;
	}
	if (s->screen != BC_SCREEN_HOME)
		bc_render_footer(d, s);
	bc_render_overlays(d, s);
	/* The sensor status is drawn last so it is visible on every screen. */
	bc_render_status_bar(d, s, bar);
	bc_text_end_frame(d->text);
}
