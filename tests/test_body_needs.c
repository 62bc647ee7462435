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
#include <string.h>

#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

#define MAX_EVENTS 4096

typedef struct {
	bc_coach_event ev[MAX_EVENTS];
	size_t n;
} event_log;

static bool same_float(float a, float b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

static bool same_event(const bc_coach_event *a, const bc_coach_event *b)
{
	return a->type == b->type && a->t_s == b->t_s && a->stage == b->stage &&
	       a->phase == b->phase && a->reps == b->reps && a->rejected == b->rejected &&
	       a->reason == b->reason && a->hint == b->hint && same_float(a->hold_s, b->hold_s) &&
	       same_float(a->peak_deg, b->peak_deg) && same_float(a->depth_cm, b->depth_cm) &&
	       strcmp(a->text, b->text) == 0;
}

static void coach_trace(const char *path, bc_exercise_id as, bool all_outputs, event_log *log)
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
		for (size_t i = 0; i < got && log->n < MAX_EVENTS; i++)
			log->ev[log->n++] = ev[i];
	}
	size_t got = bc_coach_finish(&c, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
	for (size_t i = 0; i < got && log->n < MAX_EVENTS; i++)
		log->ev[log->n++] = ev[i];
	assert_true(log->n < MAX_EVENTS);
	bc_trace_reader_free(r);
}

static void same_as(const char *path, const char *name, bc_exercise_id as)
{
	static event_log declared, all;
	coach_trace(path, as, false, &declared);
	coach_trace(path, as, true, &all);
	if (declared.n != all.n)
		fail_msg("%s: %zu events with the declared outputs, %zu with all", name, declared.n,
			 all.n);
	for (size_t i = 0; i < all.n; i++)
		if (!same_event(&declared.ev[i], &all.ev[i]))
			fail_msg("%s: event %zu (at %.3f s) differs with all outputs", name, i,
				 all.ev[i].t_s);
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
