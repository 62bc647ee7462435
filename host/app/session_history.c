/* SPDX-License-Identifier: MIT */
/* Sessions into the history store, today's figures out: see session_history.h. */
#include "app/session_history.h"

#include <stdio.h>
#include <string.h>

#include "app/app_plan.h"
#include "coach/exercise_table.h"
#include "history/local_day.h"

int bc_app_history_open(bc_app_history *h, const char *path, char *err, size_t err_size)
{
	*h = (bc_app_history){ .exercise = BC_EXERCISE_NONE, .last_yday = -1 };
	h->hist = bc_history_open(path, err, err_size);
	return h->hist ? 0 : -1;
}

void bc_app_history_close(bc_app_history *h)
{
	bc_history_close(h->hist);
	h->hist = NULL;
}

void bc_app_history_expect(bc_app_history *h, bc_exercise_id exercise, int target_reps,
			   float hold_target_s, const char *trace_path)
{
	h->begun = false;
	h->anything = false;
	h->exercise = exercise;
	h->target_reps = target_reps;
	h->hold_target_s = hold_target_s;
	snprintf(h->trace_path, sizeof(h->trace_path), "%s", trace_path ? trace_path : "");
}

int bc_app_history_add(bc_app_history *h, const bc_coach_event *events, size_t n, double first_t_s)
{
	if (!h->hist || h->exercise == BC_EXERCISE_NONE || n == 0)
		return 0;
	if (!h->begun) {
		bc_history_session_begin(&h->rec, h->exercise, (int64_t)time(NULL), first_t_s);
		h->rec.target_reps = h->target_reps;
		h->rec.hold_target_s = h->hold_target_s;
		h->rec.trace_path = h->trace_path[0] ? h->trace_path : NULL;
		h->begun = true;
	}
	bc_history_session_add_events(&h->rec, events, n);
	bool save = false;
	for (size_t i = 0; i < n; i++) {
		bc_event_type t = events[i].type;
		h->anything |= t == BC_EVENT_REP || t == BC_EVENT_REJECTED;
		save |= t == BC_EVENT_SET_DONE || t == BC_EVENT_SUMMARY;
	}
	/* A session where nothing happened is not worth a row. */
	if (!save || !h->anything)
		return 0;
	return bc_history_save_session(h->hist, &h->rec) == 0 ? 1 : -1;
}

/*
 * The last BC_PLAN_HISTORY_DAYS local days of every exercise from the
 * history's per-day query, d days back at [d]: counted reps for the plan,
 * and for the progress screen its days' best hold and furthest range.
 * 0, or -1 (the history's error).
 */
static int read_days(bc_app_history *h, time_t now, bc_app_today *t)
{
	bc_history_day out[BC_PLAN_HISTORY_DAYS];
	memset(&t->days, 0, sizeof(t->days));
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		if (ex == BC_EXERCISE_POSTURE)
			continue; /* alerts, not reps */
		if (bc_history_days(h->hist, (int64_t)now, BC_PLAN_HISTORY_DAYS,
				    bc_exercise_info_get(ex)->name, out) != 0)
			return -1;
		for (int d = 0; d < BC_PLAN_HISTORY_DAYS; d++) {
			const bc_history_day *day = &out[BC_PLAN_HISTORY_DAYS - 1 - d];
			t->days.reps[d][ex] = day->reps;
			if (d >= BC_APP_PROGRESS_DAYS)
				continue;
			t->day_start_unix_s[d] = day->day_start_unix_s;
			t->best_hold_s[d][ex] = day->best_hold_s;
			t->best_peak_deg[d][ex] = day->best_peak_deg;
		}
	}
	return 0;
}

int bc_app_history_save(bc_app_history *h)
{
	if (!h->hist || !h->begun || !h->anything)
		return 0;
	return bc_history_save_session(h->hist, &h->rec) == 0 ? 1 : -1;
}

void bc_app_history_refresh(bc_app_history *h, bc_app_state *s, time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	h->last_yday = tm.tm_yday;
	bc_history_totals t;
	s->today.known = false;
	/* The calendar's days even without a history (the demo): counts stay the app's. */
	for (int d = 0; d < BC_APP_PROGRESS_DAYS; d++)
		s->today.day_start_unix_s[d] = bc_local_day_start((int64_t)now, -d);
	if (!h->hist || bc_history_today(h->hist, (int64_t)now, NULL, &t) != 0)
		return;
	int streak = bc_history_streak_days(h->hist, (int64_t)now);
	if (read_days(h, now, &s->today) != 0)
		return;
	bc_app_plan_refresh(s);
	s->today.known = true;
	s->today.reps_today = t.reps;
	s->today.sessions_today = t.sessions;
	s->today.streak_days = streak > 0 ? streak : 0;
}

bool bc_app_history_new_day(const bc_app_history *h, time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	return h->last_yday != tm.tm_yday;
}
