/* SPDX-License-Identifier: MIT */
/*
 * The exercise screen, glanced at from the floor: the rep counter (counted /
 * target; one-sided exercises: the side asked for and the counts per side)
 * on the left, the hold ring counting down in the middle with the phase
 * under it (cat-cow: a breathing pace guide; shoulder squeeze: the coach's
 * pace), the gauge on the right (the lower back's angle with the target
 * zone, the crossover's turn and its side, the squat's depth in cm), and
 * one line of feedback at the bottom: above all, why the last attempt did
 * not count.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/feedback_line.h"
#include "app/layout.h"
#include "app/side_words.h"
#include "app/widgets.h"
#include "coach/exercise_table.h"

/* A counted rep turns the counter green this long, seconds. */
#define REP_FLASH_S 1.2
/* Breathing pace for cat-cow: in (cow) then out (cat), seconds each. */
#define BREATH_HALF_S 4.0

SDL_Rect bc_exercise_counter_rect(const bc_draw *d)
{
	return bc_design_rect(d, 26, 104, 250, 190);
}

/*
 * Above the counter: what is counted, or for a guided one-sided exercise the
 * side asked for now ("LEFT LEG"), big and in the information colour; under
 * it the counts per side ("Left 2/5 · Right 1/5").
 */
static void draw_counter_head(const bc_draw *d, const bc_app_state *s, SDL_Rect panel)
{
	const bc_coach_view *v = &s->view;
	const bc_exercise_row *row = bc_exercise_row_of(s->exercise);
	char asked[32] = "";
	if (row && row->sides == BC_SIDES_GUIDED)
		bc_app_side_name(s->exercise, v->side, asked, sizeof(asked));
	if (asked[0])
		bc_draw_text(d, asked, 26, BC_FONT_BOLD, bc_col_info, panel.x + panel.w / 2,
			     panel.y + bc_dp(d, 26), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     panel.w - bc_dp(d, 20));
	else
		bc_draw_text(d, s->exercise == BC_EXERCISE_CAT_COW ? "CYCLES" : "REPS", 20,
			     BC_FONT_BOLD, bc_col_dim, panel.x + panel.w / 2,
			     panel.y + bc_dp(d, 26), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
	if (!bc_app_per_side(s->exercise))
		return;
	char counts[64];
	bc_app_side_counts(v->side_reps, v->target_reps, counts, sizeof(counts));
	bc_draw_text(d, counts, 22, BC_FONT_BOLD, bc_col_text, panel.x + panel.w / 2,
		     panel.y + bc_dp(d, 248), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
		     panel.w - bc_dp(d, 20));
}

static void draw_counter_panel(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect panel = bc_design_rect(d, 16, 56, 270, 324);
	bc_draw_panel(d, panel, bc_dp(d, 16), bc_col_panel);
	bool flash = s->now_s - s->rep_flash_at_s < REP_FLASH_S;
	draw_counter_head(d, s, panel);
	SDL_Rect counter = bc_exercise_counter_rect(d);
	if (bc_app_per_side(s->exercise)) /* room for the counts per side under it */
		counter = bc_design_rect(d, 26, 96, 250, 170);
	bc_widget_counter(d, counter, s->view.reps, s->view.target_reps,
			  flash ? bc_col_good : bc_col_text);
	char rej[48], why[BC_APP_TEXT_MAX];
	snprintf(rej, sizeof(rej), "%d not counted", s->view.rejected);
	bc_draw_text(d, rej, 24, BC_FONT_BOLD, s->view.rejected ? bc_col_bad : bc_col_dim,
		     panel.x + panel.w / 2, panel.y + panel.h - bc_dp(d, 46), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, panel.w - bc_dp(d, 20));
	/* Why the last one did not count stays here after the feedback line moves on. */
	if (*bc_app_last_rejection(s, why, sizeof(why)))
		bc_draw_text(d, why, 17, BC_FONT_REGULAR, bc_col_dim, panel.x + panel.w / 2,
			     panel.y + panel.h - bc_dp(d, 18), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     panel.w - bc_dp(d, 20));
}

/* Hold ring: fills while holding and counts the remaining seconds down. */
static void draw_hold(const bc_draw *d, const bc_app_state *s, int cx, int cy, int r)
{
	const bc_coach_view *v = &s->view;
	float target = v->hold_target_s;
	float frac = target > 0 ? v->hold_s / target : 0;
	bool done = v->holding && frac >= 1.0f;
	SDL_Color c = done ? bc_col_good : bc_col_hold;
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 26), v->holding ? frac : 0, c);
	char big[16], small[32];
	if (v->holding && !done) {
		snprintf(big, sizeof(big), "%.0f", ceilf(target - v->hold_s));
		snprintf(small, sizeof(small), "HOLD");
	} else if (done) {
		snprintf(big, sizeof(big), "\xe2\x9c\x93");
		snprintf(small, sizeof(small), "RELEASE");
	} else {
		snprintf(big, sizeof(big), "%.0f", target);
		snprintf(small, sizeof(small), "s HOLD");
	}
	bc_draw_text(d, big, 96, BC_FONT_BOLD, v->holding ? c : bc_col_text, cx, cy - bc_dp(d, 8),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
	bc_draw_text(d, small, 20, BC_FONT_BOLD, bc_col_dim, cx, cy + bc_dp(d, 50), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 0);
}

/*
 * Cat-cow has no hold; the ring paces the breath instead: it fills while
 * breathing in (into cow) and empties while breathing out (into cat). It is
 * a clock for the wearer to follow, not a judgement of what they did.
 */
static void draw_breath(const bc_draw *d, const bc_app_state *s, int cx, int cy, int r)
{
	double t = fmod(s->now_s, 2 * BREATH_HALF_S);
	bool in = t < BREATH_HALF_S;
	float frac = (float)(in ? t / BREATH_HALF_S : 2.0 - t / BREATH_HALF_S);
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 26), frac, bc_col_info);
	const char *name = s->view.phase_name && *s->view.phase_name ? s->view.phase_name : "ready";
	char up[24];
	snprintf(up, sizeof(up), "%s", name);
	for (char *p = up; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	bc_draw_text(d, up, 52, BC_FONT_BOLD, bc_col_text, cx, cy - bc_dp(d, 10), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 2 * r - bc_dp(d, 70));
	bc_draw_text(d, in ? "breathe in" : "breathe out", 20, BC_FONT_BOLD, bc_col_info, cx,
		     cy + bc_dp(d, 40), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
}

/*
 * The shoulder squeeze is paced by the coach: the ring fills through each
 * phase (breathe in, squeeze and hold, relax) and counts its seconds down.
 */
static void draw_pace(const bc_draw *d, const bc_app_state *s, int cx, int cy, int r)
{
	const bc_coach_view *v = &s->view;
	static const char *const names[] = { "READY", "BREATHE IN", "SQUEEZE", "RELAX" };
	bc_pace_phase ph = v->pace_phase <= BC_PACE_RELAX ? v->pace_phase : BC_PACE_NONE;
	float frac = v->pace_phase_s > 0 ? v->pace_s / v->pace_phase_s : 0;
	SDL_Color c = ph == BC_PACE_SQUEEZE ? bc_col_hold : bc_col_info;
	bc_widget_ring(d, cx, cy, r, bc_dp(d, 26), frac, c);
	char left[16] = "";
	if (v->pace_phase_s > 0)
		snprintf(left, sizeof(left), "%.0f", ceilf(v->pace_phase_s - v->pace_s));
	bc_draw_text(d, left, 80, BC_FONT_BOLD, bc_col_text, cx, cy - bc_dp(d, 22), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 0);
	bc_draw_text(d, names[ph], 30, BC_FONT_BOLD, c, cx, cy + bc_dp(d, 44), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, 2 * r - bc_dp(d, 60));
}

/* The line under the ring: the phase, or what the exercise's gauge can and cannot see. */
static void ring_line(const bc_app_state *s, char *line, size_t size)
{
	const char *phase = s->view.phase_name && *s->view.phase_name ? s->view.phase_name : "";
	if (s->exercise == BC_EXERCISE_CAT_COW)
		snprintf(line, size, "cow \xe2\x86\x94 cat, slowly");
	else if (s->view.gauge_kind == BC_GAUGE_PACE)
		/* The sensor on the lower back cannot see shoulder blades: say so. */
		snprintf(line, size, "checks posture and pace");
	else
		snprintf(line, size, "%s", phase);
}

/*
 * The gauge shows what matters: how far the hips went down (deep squat),
 * the turn and its side (crossover), else the lower back's angle.
 */
static void draw_gauge(const bc_draw *d, const bc_app_state *s)
{
	const bc_coach_view *v = &s->view;
	SDL_Rect area = bc_design_rect(d, 576, 52, 208, 332);
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

void bc_render_exercise(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	draw_counter_panel(d, s);

	SDL_Rect mid = bc_design_rect(d, 296, 56, 270, 324);
	int cx = mid.x + mid.w / 2, cy = mid.y + bc_dp(d, 136), r = bc_dp(d, 124);
	if (s->exercise == BC_EXERCISE_CAT_COW)
		draw_breath(d, s, cx, cy, r);
	else if (s->view.gauge_kind == BC_GAUGE_PACE)
		draw_pace(d, s, cx, cy, r);
	else
		draw_hold(d, s, cx, cy, r);

	char line[48];
	ring_line(s, line, sizeof(line));
	bc_draw_text(d, line, 28, BC_FONT_BOLD, bc_col_info, cx, mid.y + mid.h - bc_dp(d, 24),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, mid.w);
	draw_gauge(d, s);

	bc_render_feedback(d, s, bc_design_rect(d, 16, 392, 768, 76));
}
