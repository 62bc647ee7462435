/* SPDX-License-Identifier: MIT */
/*
 * A history record built from a coach event stream: counts, rejected
 * reasons, hold and peak statistics and duration, computed here from the
 * same synthetic event array in a plain second pass; fed whole or in
 * pieces; posture alerts apart from reps; reps per side; and stored and read back intact.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "history/history.h"
#include "support/test_support.h"

/* Definitions */

#define MAX_EVENTS 400

/* A small deterministic generator, so a failure can be replayed. */
typedef struct {
	unsigned state;
} rng;

static unsigned next_u(rng *r)
{
	r->state = r->state * 1103515245u + 12345u;
	return r->state >> 8;
}

static float uniform(rng *r, float lo, float hi)
{
	return lo + (hi - lo) * (float)(next_u(r) % 10000) / 9999.0f;
}

/* Helpers */

/*
 * A session's worth of events in time order starting at start_t_s: reps,
 * rejected attempts (sometimes with no or an out-of-range reason), and the
 * events a history must ignore (cues, phases, hold progress, dropouts), ending
 * with SUMMARY. Returns the count.
 */
static size_t synth_events(rng *r, double start_t_s, float hold_target_s, bc_coach_event *ev,
			   size_t max)
{
	size_t n = 0;
	double t = start_t_s + uniform(r, 3.0f, 8.0f); /* calibration first */
	int reps = 0, rejected = 0;
	ev[n++] = (bc_coach_event){ .type = BC_EVENT_CALIBRATION, .t_s = t, .stage = 1 };
	while (n + 4 < max) {
		t += uniform(r, 0.5f, 6.0f);
		unsigned kind = next_u(r) % 10;
		bc_coach_event e = { .t_s = t, .hold_target_s = 0 };
		if (kind < 4) {
			e.type = BC_EVENT_REP;
			e.hold_s = hold_target_s + uniform(r, 0.0f, 3.0f);
			e.peak_deg = uniform(r, 5.0f, 40.0f);
			e.reps = ++reps;
		} else if (kind < 7) {
			e.type = BC_EVENT_REJECTED;
			unsigned pick = next_u(r) % (BC_REJECT_COUNT + 1);
			/* BC_REJECT_COUNT stands in for a reason from a newer coach */
			e.reason = (bc_reject_reason)pick;
			e.hold_s = uniform(r, 0.0f, hold_target_s);
			e.peak_deg = uniform(r, 0.0f,
					     50.0f); /* bigger than any rep: must not count */
			e.rejected = ++rejected;
		} else if (kind == 7) {
			e.type = BC_EVENT_HOLD_START;
			e.hold_target_s = hold_target_s;
		} else if (kind == 8) {
			e.type = BC_EVENT_CUE;
			snprintf(e.text, sizeof(e.text), "lift a little higher");
		} else {
			e.type = next_u(r) % 2 ? BC_EVENT_HOLD_PROGRESS : BC_EVENT_DROPOUT;
			e.hold_s = 1.0f;
		}
		ev[n++] = e;
	}
	t += 1.0;
	ev[n++] = (bc_coach_event){
		.type = BC_EVENT_SUMMARY, .t_s = t, .reps = reps, .rejected = rejected
	};
	return n;
}

/* What the record must hold, worked out from the array in one plain pass. */
typedef struct {
	int reps, rejected, by_reason[BC_REJECT_COUNT];
	double hold_sum_s, hold_max_s, peak_max_deg, last_t_s;
	float hold_target_s;
} expectation;

static expectation expect(const bc_coach_event *ev, size_t n)
{
	expectation x = { .hold_max_s = -INFINITY, .peak_max_deg = -INFINITY };
	for (size_t i = 0; i < n; i++) {
		x.last_t_s = ev[i].t_s > x.last_t_s ? ev[i].t_s : x.last_t_s;
		if (ev[i].hold_target_s > 0)
			x.hold_target_s = ev[i].hold_target_s;
		if (ev[i].type == BC_EVENT_REP) {
			x.reps++;
			x.hold_sum_s += ev[i].hold_s;
			x.hold_max_s = fmax(x.hold_max_s, ev[i].hold_s);
			x.peak_max_deg = fmax(x.peak_max_deg, ev[i].peak_deg);
		} else if (ev[i].type == BC_EVENT_REJECTED) {
			x.rejected++;
			int r = (int)ev[i].reason;
			x.by_reason[r > 0 && r < BC_REJECT_COUNT ? r : 0]++;
		}
	}
	return x;
}

static void check_against(const bc_history_session *s, const expectation *x, double start_t_s)
{
	assert_int_equal(s->reps, x->reps);
	assert_int_equal(s->rejected, x->rejected);
	int sum = 0;
	for (int r = 0; r < BC_REJECT_COUNT; r++) {
		assert_int_equal(s->rejected_by_reason[r], x->by_reason[r]);
		sum += s->rejected_by_reason[r];
	}
	assert_int_equal(sum, s->rejected);
	assert_true(x->reps > 0);
	assert_float_near(s->mean_hold_s, x->hold_sum_s / x->reps, 1e-4);
	assert_float_near(s->max_hold_s, x->hold_max_s, 1e-6);
	assert_float_near(s->peak_deg_max, x->peak_max_deg, 1e-6);
	assert_float_near(s->duration_s, x->last_t_s - start_t_s, 1e-9);
	assert_float_near(s->hold_target_s, x->hold_target_s, 1e-6);
	assert_int_equal(s->posture_alerts, 0);
}

/* Tests */

static void test_counts_and_stats(void **state)
{
	static bc_coach_event ev[MAX_EVENTS];
	rng r = { 2024 };
	for (int round = 0; round < 20; round++) {
		double start_t_s = uniform(&r, 0.0f, 1000.0f);
		float hold_target_s = uniform(&r, 1.0f, 30.0f);
		size_t n = synth_events(&r, start_t_s, hold_target_s, ev,
					40 + next_u(&r) % (MAX_EVENTS - 40));
		expectation x = expect(ev, n);
		bc_history_session s;
		bc_history_session_from_events(&s, BC_EXERCISE_BRIDGE, 1714550000 + round,
					       start_t_s, ev, n);
		assert_string_equal(s.exercise, "bridge");
		assert_true(s.started_unix_s == 1714550000 + round);
		check_against(&s, &x, start_t_s);

		/* the app feeds events as they come: any split gives the same record */
		bc_history_session piecewise;
		bc_history_session_begin(&piecewise, BC_EXERCISE_BRIDGE, 1714550000 + round,
					 start_t_s);
		for (size_t i = 0; i < n;) {
			size_t chunk = 1 + next_u(&r) % 8;
			if (chunk > n - i)
				chunk = n - i;
			bc_history_session_add_events(&piecewise, &ev[i], chunk);
			i += chunk;
		}
		check_against(&piecewise, &x, start_t_s);
	}
}

static void test_no_reps(void **state)
{
	bc_coach_event ev[] = {
		{ .type = BC_EVENT_CALIBRATION, .t_s = 2.0 },
		{ .type = BC_EVENT_REJECTED,
		  .t_s = 9.0,
		  .reason = BC_REJECT_NOT_LEVEL,
		  .peak_deg = 30.0f },
		{ .type = BC_EVENT_REJECTED, .t_s = 14.0, .reason = BC_REJECT_NOT_LEVEL },
		{ .type = BC_EVENT_REJECTED, .t_s = 19.0, .reason = BC_REJECT_RUSHED },
		{ .type = BC_EVENT_SUMMARY, .t_s = 25.5, .rejected = 3 },
	};
	size_t n = sizeof(ev) / sizeof(ev[0]);
	bc_history_session s;
	bc_history_session_from_events(&s, BC_EXERCISE_BRIDGE, 1714550000, 0.5, ev, n);
	assert_int_equal(s.reps, 0);
	assert_int_equal(s.rejected, 3);
	assert_true(isnan(s.mean_hold_s) && isnan(s.max_hold_s) && isnan(s.peak_deg_max));
	assert_float_near(s.duration_s, ev[n - 1].t_s - 0.5, 1e-9);
	assert_int_equal(bc_history_session_top_reason(&s), BC_REJECT_NOT_LEVEL);
	bc_history_session none;
	bc_history_session_from_events(&none, BC_EXERCISE_BRIDGE, 1714550000, 0.0, NULL, 0);
	assert_int_equal(bc_history_session_top_reason(&none), BC_REJECT_NONE);
	assert_float_near(none.duration_s, 0.0, 0.0);
}

static void test_posture_alerts_are_not_reps(void **state)
{
	static bc_coach_event ev[MAX_EVENTS];
	rng r = { 7 };
	size_t n = synth_events(&r, 0.0, 10.0f, ev, 120);
	expectation x = expect(ev, n);
	bc_history_session s;
	bc_history_session_from_events(&s, BC_EXERCISE_POSTURE, 1714550000, 0.0, ev, n);
	assert_string_equal(s.exercise, "posture");
	assert_int_equal(s.reps, 0);
	assert_int_equal(s.posture_alerts, x.reps);
	assert_true(isnan(s.max_hold_s));
}

/* A one-sided exercise's record counts its reps per side, from the events' sides. */
static void test_reps_per_side(void **state)
{
	const bc_side sides[] = { BC_SIDE_LEFT, BC_SIDE_RIGHT, BC_SIDE_LEFT, BC_SIDE_LEFT };
	bc_coach_event ev[8];
	size_t n = 0;
	for (int i = 0; i < 4; i++)
		ev[n++] = (bc_coach_event){ .type = BC_EVENT_REP,
					    .t_s = 20.0 + 20 * i,
					    .hold_s = 15.5f,
					    .side = sides[i],
					    .reps = i + 1 };
	ev[n++] = (bc_coach_event){ .type = BC_EVENT_REJECTED,
				    .t_s = 100.0,
				    .reason = BC_REJECT_HOLD_TOO_SHORT,
				    .side = BC_SIDE_RIGHT,
				    .rejected = 1 };
	bc_history_session s;
	bc_history_session_from_events(&s, BC_EXERCISE_KNEE_TO_CHEST, 1714550000, 0.0, ev, n);
	assert_true(s.per_side);
	assert_int_equal(s.reps, 4);
	assert_int_equal(s.reps_left, 3);
	assert_int_equal(s.reps_right, 1); /* the rejected right one does not count */
	/* an exercise done with both sides at once has none */
	bc_history_session_from_events(&s, BC_EXERCISE_BRIDGE, 1714550000, 0.0, ev, n);
	assert_false(s.per_side);
}

static void test_stored_record_matches(void **state)
{
	static bc_coach_event ev[MAX_EVENTS];
	rng r = { 99 };
	size_t n = synth_events(&r, 12.0, 2.0f, ev, 200);
	bc_history_session s;
	bc_history_session_from_events(&s, BC_EXERCISE_CAT_COW, 1714550000, 12.0, ev, n);
	s.target_reps = 10;
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(":memory:", err, sizeof(err));
	assert_non_null(h);
	assert_true(bc_history_add_session(h, &s) > 0);
	bc_history_totals t;
	assert_int_equal(bc_history_today(h, s.started_unix_s, "cat-cow", &t), 0);
	assert_int_equal(t.sessions, 1);
	assert_int_equal(t.reps, s.reps);
	assert_int_equal(t.rejected, s.rejected);
	assert_float_near(t.max_hold_s, s.max_hold_s, 1e-6);
	assert_float_near(t.duration_s, s.duration_s, 1e-9);
	bc_history_close(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_stats),
		cmocka_unit_test(test_no_reps),
		cmocka_unit_test(test_posture_alerts_are_not_reps),
		cmocka_unit_test(test_reps_per_side),
		cmocka_unit_test(test_stored_record_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
