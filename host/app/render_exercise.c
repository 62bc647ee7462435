/* SPDX-License-Identifier: MIT */
/*
 * The exercise screen, glanced at from the floor 2 m away: the rep counter
 * (counted / target; one-sided exercises: the side asked for, and the
 * counts per side) with the exercise's moving picture under it on the
 * left; the hold ring counting down in the middle with the state word
 * under it (cat-cow: the breath, tied to its phase; shoulder squeeze: the
 * coach's pace); the gauge on the right (the lower back's angle with the
 * target zone, the crossover's turn and its side, the squat's depth in cm);
 * and across the bottom, large, why the last attempt did not count (until
 * the next attempt starts), else the coach's line.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/layout.h"
#include "app/screen_words.h"
#include "app/side_words.h"
#include "app/widgets.h"
#include "coach/exercise_table.h"

/* A counted rep turns the counter green this long, seconds. */
#define REP_FLASH_S 1.2

SDL_Rect bc_exercise_counter_rect(const bc_draw *d)
{
	return bc_design_rect(d, 26, 86, 250, 104);
}

SDL_Rect bc_exercise_figure_rect(const bc_draw *d)
{
	return bc_design_rect(d, 24, 226, 254, 124);
}

SDL_Rect bc_exercise_message_rect(const bc_draw *d)
{
	return bc_design_rect(d, 16, 360, 768, 92);
}

/*
 * Above the counter: for a guided one-sided exercise the side asked for now
 * ("LEFT LEG"), big, in the information colour; else what is counted, as a
 * label. Under it, small, the counts per side and how many did not count.
 */
static void draw_counter_panel(const bc_draw *d, const bc_app_state *s)
{
	const bc_coach_view *v = &s->view;
	SDL_Rect panel = bc_design_rect(d, 16, 50, 270, 164);
	bc_draw_panel(d, panel, bc_dp(d, 16), bc_col_panel);
	int cx = panel.x + panel.w / 2;
	const bc_exercise_row *row = bc_exercise_row_of(s->exercise);
	char asked[32] = "";
	if (row && row->sides == BC_SIDES_GUIDED)
		bc_app_side_name(s->exercise, v->side, asked, sizeof(asked));
	if (asked[0])
		bc_draw_text(d, asked, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_info, cx,
			     panel.y + bc_dp(d, 22), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     panel.w - bc_dp(d, 8));
	else
		bc_draw_note(d, s->exercise == BC_EXERCISE_CAT_COW ? "CYCLES" : "REPS", 20,
			     BC_FONT_BOLD, bc_col_dim, cx, panel.y + bc_dp(d, 20), BC_ALIGN_CENTER,
			     BC_VALIGN_MIDDLE, 0);
	bool flash = s->now_s - s->rep_flash_at_s < REP_FLASH_S;
	bc_widget_counter(d, bc_exercise_counter_rect(d), v->reps, v->target_reps,
			  flash ? bc_col_good : bc_col_text);
	char line[96], counts[64] = "";
	if (bc_app_per_side(s->exercise))
		bc_app_side_counts(v->side_reps, v->target_reps, counts, sizeof(counts));
	snprintf(line, sizeof(line), "%s%s%d not counted", counts, counts[0] ? "  \xc2\xb7  " : "",
		 v->rejected);
	bc_draw_note(d, line, 20, BC_FONT_BOLD, v->rejected ? bc_col_bad : bc_col_dim, cx,
		     panel.y + panel.h - bc_dp(d, 16), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
		     panel.w - bc_dp(d, 16));
}

/* The exercise's picture: the start position and the movement, moving. */
static void draw_picture(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect panel = bc_design_rect(d, 16, 222, 270, 132);
	bc_draw_panel(d, panel, bc_dp(d, 16), bc_col_panel);
	bc_widget_figure(d, bc_exercise_figure_rect(d), s->exercise, s->now_s);
}

/* Hold ring: fills while holding and counts the remaining seconds down. */
static void draw_hold(const bc_draw *d, const bc_app_state *s, int cx, int cy, int r)
{
	const bc_coach_view *v = &s->view;
	float target = v->hold_target_s;
	float frac = target > 0 ? v->hold_s / target : 0;
	bool done = v->holding && frac >= 1.0f;
	SDL_Color c = done ? bc_col_good : bc_col_hold;
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 22), v->holding ? frac : 0, c);
	char big[16];
	if (v->holding && !done)
		snprintf(big, sizeof(big), "%.0f", ceilf(target - v->hold_s));
	else if (done)
		snprintf(big, sizeof(big), "\xe2\x9c\x93");
	else
		snprintf(big, sizeof(big), "%.0f", target);
	bc_draw_text(d, big, 90, BC_FONT_BOLD, v->holding ? c : bc_col_text, cx, cy - bc_dp(d, 10),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
	/* What the number is: seconds left, or the hold to come. */
	bc_draw_note(d,
		     v->holding && !done ? "s left"
		     : done		 ? "held"
					 : "s hold",
		     20, BC_FONT_BOLD, bc_col_dim, cx, cy + bc_dp(d, 46), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 0);
}

/*
 * Cat-cow has no hold; the ring paces the breath instead, tied to the
 * detector's phase: it fills through each cat (breathing out) and each cow
 * (breathing in), so the breath follows what the wearer really does.
 */
static void draw_breath(const bc_draw *d, const bc_app_state *s, int cx, int cy, int r)
{
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 22), bc_app_breath_fraction(s), bc_col_info);
	const char *breath = bc_app_breath_word(s), *way = strrchr(breath, ' ');
	bc_draw_note(d, "breathe", 22, BC_FONT_BOLD, bc_col_dim, cx, cy - bc_dp(d, 46),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
	if (way) /* "IN" / "OUT", as big as the hold's countdown */
		bc_draw_text(d, way[1] == 'i' ? "IN" : "OUT", 80, BC_FONT_BOLD, bc_col_text, cx,
			     cy + bc_dp(d, 8), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     2 * r - bc_dp(d, 50));
}

/*
 * The shoulder squeeze is paced by the coach: the ring fills through each
 * phase (breathe in, squeeze and hold, relax) and counts its seconds down.
 */
static void draw_pace(const bc_draw *d, const bc_app_state *s, int cx, int cy, int r)
{
	const bc_coach_view *v = &s->view;
	float frac = v->pace_phase_s > 0 ? v->pace_s / v->pace_phase_s : 0;
	SDL_Color c = v->pace_phase == BC_PACE_SQUEEZE ? bc_col_hold : bc_col_info;
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 22), frac, c);
	char left[16] = "";
	if (v->pace_phase_s > 0)
		snprintf(left, sizeof(left), "%.0f", ceilf(v->pace_phase_s - v->pace_s));
	bc_draw_text(d, left, 90, BC_FONT_BOLD, bc_col_text, cx, cy - bc_dp(d, 10), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 0);
	/* The sensor on the lower back cannot see shoulder blades: say so. */
	bc_draw_note(d, "checks posture and pace", 17, BC_FONT_BOLD, bc_col_dim, cx,
		     cy + bc_dp(d, 48), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 2 * r - bc_dp(d, 40));
}

/*
 * The gauge shows what matters: how far the hips went down (deep squat),
 * the turn and its side (crossover), else the lower back's angle.
 */
static void draw_gauge(const bc_draw *d, const bc_app_state *s)
{
	const bc_coach_view *v = &s->view;
	SDL_Rect area = bc_design_rect(d, 576, 48, 208, 308);
	bool valid = s->have_view && v->stage == BC_CALIB_DONE;
	if (v->gauge_kind == BC_GAUGE_DEPTH) {
		bc_widget_depth(d, area, v->depth_cm, v->depth_target_cm, valid);
		return;
	}
	char label[40] = "LOWER BACK", side[32];
	const bc_exercise_row *row = bc_exercise_row_of(s->exercise);
	if (row && row->sides == BC_SIDES_MEASURED) {
		bc_app_side_name(s->exercise, v->side, side, sizeof(side));
		snprintf(label, sizeof(label), "TURN%s%s", side[0] ? ": " : "", side);
	} else if (v->gauge_kind == BC_GAUGE_PACE) {
		snprintf(label, sizeof(label), "UPRIGHT");
	}
	bc_gauge_spec g = {
		.value_deg = v->gauge_deg,
		.zone_min_deg = v->zone_min_deg,
		.zone_max_deg = v->zone_max_deg,
		.label = label,
		.valid = valid,
	};
	bc_widget_gauge(d, area, &g);
}

void bc_render_message(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	char buf[BC_APP_TEXT_MAX + 8];
	SDL_Color fg = bc_col_text, bg = bc_col_panel;
	if (s->reason_up && s->view.not_counted[0]) {
		/* Why the last one did not count: large, until the next attempt starts. */
		snprintf(buf, sizeof(buf), "Not counted: %s", s->view.not_counted);
		fg = bc_col_bad;
		bg = bc_color_dim(bc_col_bad, 0.22f);
	} else {
		bc_feedback_kind kind;
		bc_app_feedback(s, buf, sizeof(buf), &kind);
		if (kind == BC_FEEDBACK_BAD) {
			fg = bc_col_bad;
			bg = bc_color_dim(bc_col_bad, 0.22f);
		} else if (kind == BC_FEEDBACK_GOOD) {
			fg = bc_col_good;
			bg = bc_color_dim(bc_col_good, 0.18f);
		}
	}
	bc_draw_panel(d, area, bc_dp(d, 14), bg);
	SDL_Rect text = { area.x + bc_dp(d, 12), area.y, area.w - bc_dp(d, 24), area.h };
	if (buf[0])
		bc_draw_text_wrapped(d, buf, BC_TEXT_READ_PX, BC_FONT_BOLD, fg, text, 2);
}

void bc_render_exercise(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	draw_counter_panel(d, s);
	draw_picture(d, s);

	SDL_Rect mid = bc_design_rect(d, 296, 50, 270, 304);
	bc_draw_panel(d, mid, bc_dp(d, 16), bc_col_panel);
	int cx = mid.x + mid.w / 2, cy = mid.y + bc_dp(d, 124), r = bc_dp(d, 108);
	if (s->exercise == BC_EXERCISE_CAT_COW)
		draw_breath(d, s, cx, cy, r);
	else if (s->view.gauge_kind == BC_GAUGE_PACE)
		draw_pace(d, s, cx, cy, r);
	else
		draw_hold(d, s, cx, cy, r);
	/* What to do now: from the same hint as the coach's line, so never its opposite. */
	bc_draw_text(d, bc_app_state_word(&s->view), BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_info, cx,
		     mid.y + mid.h - bc_dp(d, 30), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
		     mid.w - bc_dp(d, 12));
	draw_gauge(d, s);

	bc_render_message(d, s, bc_exercise_message_rect(d));
}
