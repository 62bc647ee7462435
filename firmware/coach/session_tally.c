/* SPDX-License-Identifier: MIT */
/* One session's counts and figures from the coach's events: see session_tally.h. */
#include "coach/session_tally.h"

#include <math.h>

#include "coach/exercise_table.h"

void bc_session_tally_init(bc_session_tally *t, bc_exercise_id exercise)
{
	const bc_exercise_row *row = bc_exercise_row_of(exercise);
	*t = (bc_session_tally){
		.monitor = row && row->monitor,
		.per_side = row && row->sides != BC_SIDES_NONE,
		.peak_deg = NAN,
	};
}

static void add_to_mean(bc_tally_mean *m, float v)
{
	if (isfinite(v)) {
		m->n++;
		m->sum += v;
	}
}

/* A counted rep: its hold and range, unless it is a posture alert (no achievement). */
static void add_rep(bc_session_tally *t, const bc_coach_event *e)
{
	t->reps++;
	t->side_reps[e->side >= 0 && e->side < BC_SIDE_COUNT ? e->side : BC_SIDE_NONE]++;
	if (t->monitor)
		return;
	if (e->hold_s > 0) {
		t->holds++;
		t->total_hold_s += e->hold_s;
		if (e->hold_s > t->best_hold_s)
			t->best_hold_s = e->hold_s;
	}
	if (isnan(t->peak_deg) || e->peak_deg > t->peak_deg)
		t->peak_deg = e->peak_deg;
	add_to_mean(&t->hold_sd_deg, e->hold_sd_deg);
	add_to_mean(&t->smoothness, e->smoothness);
	add_to_mean(&t->time_to_zone_s, e->time_to_zone_s);
}

static void add_rejected(bc_session_tally *t, const bc_coach_event *e)
{
	bc_reject_reason r = e->reason;
	if (r <= BC_REJECT_NONE || r >= BC_REJECT_COUNT)
		r = BC_REJECT_NONE; /* a reason from a newer coach: counted, as unknown */
	t->rejected_by_reason[r]++;
	t->rejected++;
}

void bc_session_tally_add(bc_session_tally *t, const bc_coach_event *e)
{
	if (e->type == BC_EVENT_REP)
		add_rep(t, e);
	else if (e->type == BC_EVENT_REJECTED)
		add_rejected(t, e);
}

void bc_session_tally_add_events(bc_session_tally *t, const bc_coach_event *events, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bc_session_tally_add(t, &events[i]);
}
