/* SPDX-License-Identifier: MIT */
/*
 * A history record built from the coach's event stream, so the live app and
 * `replay` store exactly what the screen and the JSON showed.
 */
#include "history/history.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "history/local_day.h"

void bc_history_session_begin(bc_history_session *s, bc_exercise_id exercise,
			      int64_t started_unix_s, double start_t_s)
{
	*s = (bc_history_session){
		.started_unix_s = started_unix_s,
		.start_t_s = start_t_s,
		.mean_hold_s = NAN,
		.max_hold_s = NAN,
		.peak_deg_max = NAN,
	};
	bc_utc_iso8601(started_unix_s, s->started_utc, sizeof(s->started_utc));
	const bc_exercise_info *info = bc_exercise_info_get(exercise);
	if (info)
		snprintf(s->exercise, sizeof(s->exercise), "%s", info->name);
}

/* A counted rep: running mean and maxima of its hold and peak. */
static void add_rep(bc_history_session *s, const bc_coach_event *e)
{
	s->reps++;
	float hold_s = e->hold_s;
	if (s->reps == 1) {
		s->mean_hold_s = hold_s;
		s->max_hold_s = hold_s;
		s->peak_deg_max = e->peak_deg;
		return;
	}
	/* incremental mean: no running sum to overflow or lose precision */
	s->mean_hold_s += (hold_s - s->mean_hold_s) / (float)s->reps;
	if (hold_s > s->max_hold_s)
		s->max_hold_s = hold_s;
	if (e->peak_deg > s->peak_deg_max)
		s->peak_deg_max = e->peak_deg;
}

static void add_rejected(bc_history_session *s, const bc_coach_event *e)
{
	bc_reject_reason r = e->reason;
	if (r <= BC_REJECT_NONE || r >= BC_REJECT_COUNT)
		r = BC_REJECT_NONE; /* counted, under "unknown" */
	s->rejected_by_reason[r]++;
	s->rejected++;
}

void bc_history_session_add_events(bc_history_session *s, const bc_coach_event *events,
				   size_t n)
{
	bool posture = bc_exercise_from_name(s->exercise) == BC_EXERCISE_POSTURE;
	for (size_t i = 0; i < n; i++) {
		const bc_coach_event *e = &events[i];
		double elapsed_s = e->t_s - s->start_t_s;
		if (elapsed_s > s->duration_s)
			s->duration_s = elapsed_s;
		if (e->hold_target_s > 0) /* HOLD_START carries it; others may */
			s->hold_target_s = e->hold_target_s;
		switch (e->type) {
		case BC_EVENT_REP:
			if (posture)
				s->posture_alerts++; /* a slouch alert is no achievement */
			else
				add_rep(s, e);
			break;
		case BC_EVENT_REJECTED:
			add_rejected(s, e);
			break;
		default:
			break;
		}
	}
}

void bc_history_session_from_events(bc_history_session *s, bc_exercise_id exercise,
				    int64_t started_unix_s, double start_t_s,
				    const bc_coach_event *events, size_t n)
{
	bc_history_session_begin(s, exercise, started_unix_s, start_t_s);
	bc_history_session_add_events(s, events, n);
}

bc_reject_reason bc_history_session_top_reason(const bc_history_session *s)
{
	bc_reject_reason top = BC_REJECT_NONE;
	int most = 0;
	for (int r = 0; r < BC_REJECT_COUNT; r++) {
		if (s->rejected_by_reason[r] > most) {
			most = s->rejected_by_reason[r];
			top = (bc_reject_reason)r;
		}
	}
	return top;
}
