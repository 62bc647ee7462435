/* SPDX-License-Identifier: MIT */
/*
 * A history record built from the coach's event stream, so the live app and
 * `replay` store exactly what the screen and the JSON showed.
 */
#include "history/history.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coach/exercise_table.h"
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
		.mean_hold_sd_deg = NAN,
		.mean_smoothness = NAN,
		.mean_time_to_zone_s = NAN,
	};
	bc_utc_iso8601(started_unix_s, s->started_utc, sizeof(s->started_utc));
	const bc_exercise_info *info = bc_exercise_info_get(exercise);
	if (info)
		snprintf(s->exercise, sizeof(s->exercise), "%s", info->name);
	bc_session_tally_init(&s->tally, exercise);
}

/* The record's counts and statistics, as the tally has them now. */
static void take_tally(bc_history_session *s)
{
	const bc_session_tally *t = &s->tally;
	if (t->monitor) {
		s->posture_alerts = t->reps; /* a slouch alert is no achievement */
	} else {
		s->reps = t->reps;
		s->mean_hold_s = t->holds ? t->total_hold_s / (float)t->holds : NAN;
		s->max_hold_s = t->holds ? t->best_hold_s : NAN;
		s->peak_deg_max = t->peak_deg;
	}
	s->per_side = t->per_side;
	s->reps_left = t->per_side ? t->side_reps[BC_SIDE_LEFT] : 0;
	s->reps_right = t->per_side ? t->side_reps[BC_SIDE_RIGHT] : 0;
	s->mean_hold_sd_deg = bc_tally_mean_of(&t->hold_sd_deg);
	s->mean_smoothness = bc_tally_mean_of(&t->smoothness);
	s->mean_time_to_zone_s = bc_tally_mean_of(&t->time_to_zone_s);
	s->sensor_glitches = t->sensor_glitches;
	s->rejected = t->rejected;
	memcpy(s->rejected_by_reason, t->rejected_by_reason, sizeof(s->rejected_by_reason));
}

/* A REP or REJECTED event kept one by one, while there is room. */
static void keep_attempt(bc_history_session *s, const bc_coach_event *e)
{
	if (s->n_attempts >= BC_HISTORY_ATTEMPTS_MAX) {
		s->attempts_dropped++;
		return;
	}
	bool counted = e->type == BC_EVENT_REP;
	s->attempts[s->n_attempts++] = (bc_history_attempt){
		.t_s = e->t_s - s->start_t_s,
		.counted = counted,
		.reason = counted || e->reason < 0 || e->reason >= BC_REJECT_COUNT ? BC_REJECT_NONE
										   : e->reason,
		.side = e->side,
		.hold_s = e->hold_s,
		.peak_deg = e->peak_deg,
		.depth_cm = e->depth_cm > 0.0f ? e->depth_cm : NAN,
		.hold_sd_deg = e->hold_sd_deg,
		.smoothness = e->smoothness,
		.time_to_zone_s = e->time_to_zone_s,
	};
}

void bc_history_session_add_events(bc_history_session *s, const bc_coach_event *events, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const bc_coach_event *e = &events[i];
		if (e->type == BC_EVENT_REP || e->type == BC_EVENT_REJECTED)
			keep_attempt(s, e);
		double elapsed_s = e->t_s - s->start_t_s;
		if (elapsed_s > s->duration_s)
			s->duration_s = elapsed_s;
		if (e->hold_target_s > 0) /* HOLD_START carries it; others may */
			s->hold_target_s = e->hold_target_s;
	}
	bc_session_tally_add_events(&s->tally, events, n);
	take_tally(s);
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
