/* SPDX-License-Identifier: MIT */
/*
 * Calibration guide (the wearing protocol, contract §3): "Stand upright and
 * still", then the exercise's start position, each with a progress ring that
 * the coach's stage_progress fills and a check mark once the coach confirms
 * the step. Readable from across the room: one instruction, very large.
 */
#include "app/screens.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app/layout.h"
#include "app/widgets.h"
#include "coach/exercise_table.h"

typedef enum { STEP_TODO, STEP_NOW, STEP_DONE } step_state;

/* One step of the list: a numbered disc and its words (read up close: the title says it large). */
static void draw_step(const bc_draw *d, SDL_Rect r, int number, const char *text, step_state st)
{
	int cy = r.y + r.h / 2, rad = bc_dp(d, 15);
	int cx = r.x + rad;
	SDL_Color c = st == STEP_DONE ? bc_col_good : st == STEP_NOW ? bc_col_info : bc_col_track;
	bc_draw_disc(d, cx, cy, rad, c);
	char num[8];
	snprintf(num, sizeof(num), "%d", number);
	/* A step still to come: grey on grey would vanish; dim text reads. */
	bc_draw_note(d, st == STEP_DONE ? "\xe2\x9c\x93" : num, 19, BC_FONT_BOLD,
		     st == STEP_TODO ? bc_col_dim : bc_col_bg, cx, cy, BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 0);
	bc_draw_note(d, text, 19, st == STEP_NOW ? BC_FONT_BOLD : BC_FONT_REGULAR,
		     st == STEP_TODO ? bc_col_dim : bc_col_text, cx + rad + bc_dp(d, 8), cy,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, r.w - 2 * rad - bc_dp(d, 8));
}

/*
 * The coach's cue while calibrating, as a title and a smaller line of why:
 * "You are lying on your back: cat-cow starts on hands and knees" reads
 * from the floor as two lines, not as one line shrunk to fit.
 */
static void split_cue(const char *cue, char *title, size_t title_size, char *why, size_t why_size)
{
	const char *cut = strstr(cue, ": ");
	const char *stop = strstr(cue, ". ");
	if (!cut || (stop && stop < cut))
		cut = stop;
	if (!cut) {
		snprintf(title, title_size, "%s", cue);
		why[0] = '\0';
		return;
	}
	snprintf(title, title_size, "%.*s", (int)(cut - cue), cue);
	snprintf(why, why_size, "%s", cut + 2);
	why[0] = (char)toupper((unsigned char)why[0]);
}

void bc_render_calibration(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	const bc_exercise_info *info = bc_exercise_info_get(s->exercise);
	const char *start_hint = info ? info->start_hint : "Get into the start position";
	/* Step 2 in the list, short: the title above says it in full. */
	const char *start_step_short = info && info->start_pose == BC_POSE_STANDING
					       ? "Stand 2 s more"
					       : "Start position";
	const bc_coach_view *v = &s->view;
	int step = 0; /* 0 stand, 1 start position, 2 confirmed */
	float progress = 0;
	if (s->have_view) {
		step = v->stage == BC_CALIB_STAND ? 0 : v->stage == BC_CALIB_GO_TO_START ? 1 : 2;
		progress = step == 2 ? 1.0f : v->stage_progress;
	}

	/* The instruction, large: the coach's cue as a title and the why under it. */
	char title[96], why[96] = "";
	if (!s->have_view)
		snprintf(title, sizeof(title), "Waiting for the sensor\xe2\x80\xa6");
	else if (step < 2 && v->feedback[0])
		split_cue(v->feedback, title, sizeof(title), why, sizeof(why));
	else if (step < 2)
		snprintf(title, sizeof(title), "%s",
			 step == 0 ? "Stand upright and still" : start_hint);
	else
		snprintf(title, sizeof(title), "Stay still: ready to start");
	SDL_Rect head = bc_design_rect(d, 20, 48, 760, why[0] ? 100 : 150);
	bc_draw_text_wrapped(d, title, 44, BC_FONT_BOLD, bc_col_text, head, why[0] ? 2 : 3);
	if (why[0])
		bc_draw_text_wrapped(d, why, BC_TEXT_READ_PX, BC_FONT_REGULAR, bc_col_text,
				     bc_design_rect(d, 20, 150, 760, 94), 2);

	/* The ring: how far through the current step. */
	SDL_Rect ring = bc_design_rect(d, 16, 246, 206, 206);
	int cx = ring.x + ring.w / 2, cy = ring.y + ring.h / 2, r = ring.w / 2 - bc_dp(d, 6);
	SDL_Color rc = step == 2 ? bc_col_good : bc_col_info;
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 20), progress, rc);
	char pct[16];
	if (step == 2)
		snprintf(pct, sizeof(pct), "\xe2\x9c\x93");
	else
		snprintf(pct, sizeof(pct), "%d%%", (int)(progress * 100 + 0.5f));
	bc_draw_text(d, pct, step == 2 ? 90 : 56, BC_FONT_BOLD, rc, cx, cy, BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 2 * r - bc_dp(d, 40));

	/* The exercise's picture: its start position, then the movement to come. */
	SDL_Rect pic = bc_design_rect(d, 232, 246, 318, 206);
	bc_draw_panel(d, pic, bc_dp(d, 16), bc_col_panel);
	SDL_Rect fig = bc_design_rect(d, 244, 256, 294, 186);
	bc_widget_figure(d, fig, s->exercise, s->now_s);

	/* The steps, checked off as the coach confirms them. */
	draw_step(d, bc_design_rect(d, 562, 256, 222, 56), 1, "Stand still",
		  step > 0 ? STEP_DONE : STEP_NOW);
	draw_step(d, bc_design_rect(d, 562, 322, 222, 56), 2, start_step_short,
		  step > 1    ? STEP_DONE
		  : step == 1 ? STEP_NOW
			      : STEP_TODO);
	draw_step(d, bc_design_rect(d, 562, 388, 222, 56), 3, info ? info->title : "Exercise",
		  step == 2 ? STEP_NOW : STEP_TODO);
	(void)area;
}
