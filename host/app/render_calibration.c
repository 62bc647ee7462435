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

static void draw_step(const bc_draw *d, SDL_Rect r, int number, const char *text, step_state st)
{
	int cy = r.y + r.h / 2, rad = bc_dp(d, 20);
	int cx = r.x + rad;
	SDL_Color c = st == STEP_DONE ? bc_col_good : st == STEP_NOW ? bc_col_info : bc_col_track;
	bc_draw_disc(d, cx, cy, rad, c);
	char num[8];
	snprintf(num, sizeof(num), "%d", number);
	/* A step still to come: grey on grey would vanish from the floor; dim text reads. */
	bc_draw_text(d, st == STEP_DONE ? "\xe2\x9c\x93" : num, 24, BC_FONT_BOLD,
		     st == STEP_TODO ? bc_col_dim : bc_col_bg, cx, cy, BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 0);
	bc_draw_text(d, text, 22, st == STEP_NOW ? BC_FONT_BOLD : BC_FONT_REGULAR,
		     st == STEP_TODO ? bc_col_dim : bc_col_text, cx + rad + bc_dp(d, 14), cy,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, r.w - 2 * rad - bc_dp(d, 14));
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

/*
 * Step 2's words in the list: the start position (contract §3). Standing
 * exercises start where step 1 ended, so theirs is to stay standing 2 s more
 * (the title above still says how: "Stand upright, feet apart (no chair)").
 */
static void start_step_text(const bc_exercise_info *info, char *buf, size_t size)
{
	if (!info)
		snprintf(buf, size, "Get into the start position");
	else if (info->start_pose == BC_POSE_STANDING)
		snprintf(buf, size, "Stay standing still, 2 s more");
	else
		snprintf(buf, size, "%s", info->start_hint);
}

void bc_render_calibration(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	const bc_exercise_info *info = bc_exercise_info_get(s->exercise);
	const char *start_hint = info ? info->start_hint : "Get into the start position";
	char start_step[96];
	start_step_text(info, start_step, sizeof(start_step));
	const bc_coach_view *v = &s->view;
	int step = 0; /* 0 stand, 1 start position, 2 confirmed */
	float progress = 0;
	if (s->have_view) {
		step = v->stage == BC_CALIB_STAND ? 0 : v->stage == BC_CALIB_GO_TO_START ? 1 : 2;
		progress = step == 2 ? 1.0f : v->stage_progress;
	}

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
	SDL_Rect head = bc_design_rect(d, 20, 44, 760, 60);
	bc_draw_text(d, title, 42, BC_FONT_BOLD, bc_col_text, head.x + head.w / 2,
		     head.y + head.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, head.w);
	SDL_Rect sub = bc_design_rect(d, 20, 102, 760, 36);
	if (why[0])
		bc_draw_text(d, why, 28, BC_FONT_REGULAR, bc_col_text, sub.x + sub.w / 2,
			     sub.y + sub.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, sub.w);

	/* The ring: how far through the current step. */
	SDL_Rect ring = bc_design_rect(d, 30, 140, 300, 300);
	int cx = ring.x + ring.w / 2, cy = ring.y + ring.h / 2, r = ring.w / 2 - bc_dp(d, 10);
	SDL_Color rc = step == 2 ? bc_col_good : bc_col_info;
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 26), progress, rc);
	char pct[16];
	if (step == 2)
		snprintf(pct, sizeof(pct), "\xe2\x9c\x93");
	else
		snprintf(pct, sizeof(pct), "%d%%", (int)(progress * 100 + 0.5f));
	bc_draw_text(d, pct, step == 2 ? 110 : 70, BC_FONT_BOLD, rc, cx, cy, BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 2 * r - bc_dp(d, 60));

	/* The steps, checked off as the coach confirms them. */
	SDL_Rect s1 = bc_design_rect(d, 360, 168, 420, 64);
	SDL_Rect s2 = bc_design_rect(d, 360, 258, 420, 64);
	SDL_Rect s3 = bc_design_rect(d, 360, 348, 420, 64);
	draw_step(d, s1, 1, "Stand upright and still", step > 0 ? STEP_DONE : STEP_NOW);
	draw_step(d, s2, 2, start_step, step > 1 ? STEP_DONE : step == 1 ? STEP_NOW : STEP_TODO);
	draw_step(d, s3, 3, info ? info->title : "Exercise", step == 2 ? STEP_NOW : STEP_TODO);
	(void)area;
}
