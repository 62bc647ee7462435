/* SPDX-License-Identifier: MIT */
/*
 * Each detector declares the body outputs it reads beyond the angles
 * (bc_detector_body_needs), and the tracker leaves the others out (NaN) to
 * save a rotation and an atan2f a sample. A declaration that forgets an
 * output would not crash: the detector would read NaN and quietly decide
 * otherwise. So every committed trace is coached with the declared outputs
 * and with all of them, as its own exercise and as the posture monitor, and
 * every event must be the same, field for field.
 */
#include <stdio.h>
#include <string.h>

#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "support/coach_events.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

static void coach_trace(const char *path, bc_exercise_id as, bool all_outputs, bc_event_log *log)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		fail_msg("%s", err.message);
	static bc_coach c;
	if (as == BC_EXERCISE_NONE)
		as = bc_exercise_from_name(bc_trace_reader_meta(r, "exercise"));
	bc_coach_init(&c, NULL, as);
	if (all_outputs)
		bc_body_tracker_set_needs(&c.body, BC_BODY_NEEDS_ALL);
	log->n = 0;
	bc_sample s;
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	while (bc_trace_reader_next(r, &s, &err) == 1) {
		size_t got = bc_coach_update(&c, &s, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		bc_event_log_add(log, ev, got);
	}
	bc_event_log_add(log, ev, bc_coach_finish(&c, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE));
	bc_trace_reader_free(r);
}

static void same_as(const char *path, const char *name, bc_exercise_id as)
{
	static bc_event_log declared, all;
	coach_trace(path, as, false, &declared);
	coach_trace(path, as, true, &all);
	char what[256];
	snprintf(what, sizeof(what), "%s as %s, with all outputs", name,
		 as == BC_EXERCISE_POSTURE ? "posture" : "its own exercise");
	bc_event_logs_same(what, &declared, &all);
}

/*
 * As its own exercise, and as the posture monitor, whose fallback (the tilt
 * only while the heading is unknown) the floor exercises' traces reach.
 */
static void same_with_all_outputs(const char *path, const char *name, void *ctx)
{
	(void)ctx;
	same_as(path, name, BC_EXERCISE_NONE);
	same_as(path, name, BC_EXERCISE_POSTURE);
}

static void test_declared_outputs_change_nothing(void **state)
{
	(void)state;
	assert_true(bc_test_each_file("traces", ".csv", same_with_all_outputs, NULL) >= 30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_declared_outputs_change_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
