/* SPDX-License-Identifier: MIT */
/*
 * The status bar, on every screen: where the samples come from (live sensor,
 * replay, DEMO, reconnecting), the sample rate, the exercise and the session
 * time, so the wearer always knows whether the coach is really listening.
 * Read up close (notes): what must be read from the floor is on the
 * screens and overlays, large (a problem to tell: render_overlays.c).
 */
#include "app/screens.h"

#include <stdio.h>

#include "app/layout.h"
#include "coach/exercise_table.h"

static void source_text(const bc_app_state *s, char *buf, size_t size, SDL_Color *dot)
{
	const bc_app_source_info *src = &s->source;
	char rate[32] = "";
	if (src->rate_hz > 0)
		snprintf(rate, sizeof(rate), " \xc2\xb7 %.0f Hz", (double)src->rate_hz);
	switch (src->status) {
	case BC_SOURCE_CONNECTED:
		*dot = bc_col_good;
		snprintf(buf, size, "Sensor connected%s", rate);
		break;
	case BC_SOURCE_REPLAYING:
		*dot = bc_col_info;
		snprintf(buf, size, "Replaying%s", rate);
		break;
	case BC_SOURCE_RECONNECTING:
		*dot = bc_col_hold;
		snprintf(buf, size, "Sensor lost \xc2\xb7 reconnecting\xe2\x80\xa6");
		break;
	case BC_SOURCE_ENDED:
	default:
		*dot = bc_col_dim;
		snprintf(buf, size, "%s",
			 src->demo || s->exercise != BC_EXERCISE_NONE ? "Replay finished"
								      : "No sensor");
		break;
	}
	/* The sensor gave what no body can (coach.h): the wearer should check the cable. */
	if (s->have_view && s->view.sensor_glitch) {
		*dot = bc_col_hold;
		snprintf(buf, size, "%s", bc_coach_glitch_text);
	}
	/* A problem to tell (bad settings file, history) is shown large (render_overlays.c). */
	if (bc_app_notice_up(s)) {
		*dot = bc_col_bad;
		snprintf(buf, size, "A problem: read the message");
	}
}

void bc_render_status_bar(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	bc_draw_fill(d, area, bc_col_panel);
	int cy = area.y + area.h / 2, pad = bc_dp(d, 14);
	int x = area.x + pad;
	int font = 20;

	if (s->source.demo) {
		/* DEMO in a loud pill: nobody should mistake a replay for their own back. */
		int w = 0;
		bc_text_measure(d->text, "DEMO", bc_dp(d, font), BC_FONT_BOLD, &w, NULL);
		SDL_Rect pill = { x, area.y + bc_dp(d, 7), w + bc_dp(d, 20),
				  area.h - bc_dp(d, 14) };
		bc_draw_panel(d, pill, bc_dp(d, 8), bc_col_hold);
		bc_draw_note(d, "DEMO", font, BC_FONT_BOLD, bc_col_bg, pill.x + pill.w / 2, cy,
			     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
		x += pill.w + pad;
	}

	char src[BC_APP_TEXT_MAX + 8];
	SDL_Color dot;
	source_text(s, src, sizeof(src), &dot);
	int r = bc_dp(d, 7);
	bc_draw_disc(d, x + r, cy, r, dot);
	x += 2 * r + bc_dp(d, 8);
	SDL_Rect t = bc_draw_note(d, src, font, BC_FONT_REGULAR, bc_col_text, x, cy, BC_ALIGN_LEFT,
				  BC_VALIGN_MIDDLE, d->w / 2 - x);
	(void)t;

	/* Right: the exercise and the session time. */
	char right[96] = "";
	const bc_exercise_info *info = bc_exercise_info_get(s->exercise);
	if (info && s->have_view) {
		int secs = (int)bc_app_session_s(s); /* pauses left out */
		snprintf(right, sizeof(right), "%s%s  %d:%02d%s",
			 s->muted ? "muted  \xc2\xb7  " : "", info->title, secs / 60, secs % 60,
			 s->paused ? "  paused" : "");
	} else if (info) {
		snprintf(right, sizeof(right), "%s%s", s->muted ? "muted  \xc2\xb7  " : "",
			 info->title);
	} else {
		snprintf(right, sizeof(right), "%sbackcoach", s->muted ? "muted  \xc2\xb7  " : "");
	}
	bc_draw_note(d, right, font, BC_FONT_BOLD, bc_col_text, area.x + area.w - pad, cy,
		     BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, area.w / 2 - 2 * pad);
}
