/* SPDX-License-Identifier: MIT */
/* Posture monitor: slouch alerts after the delay, repeated while the slouch
 * lasts, silent while standing or walking. */
#include <math.h>
#include <string.h>

#include "support/angle_script.h"
#include "support/test_support.h"

#define RUN(segs, r)                                                                              \
	bc_script_run(BC_EXERCISE_POSTURE, NULL, 0.0f, 100, segs, sizeof(segs) / sizeof(segs[0]), \
		      12.0f, 0.3f, r)

static void test_alert_after_delay_then_repeats(void **state)
{
	(void)state;
	/* Slumped 15° for 45 s: alerts at 10 s and 40 s of slouching. */
	const bc_seg segs[] = { SEG(2, 0), SEG(1, 15), SEG(45, 15), SEG(1, 0), SEG(20, 0) };
	bc_script_result r;
	RUN(segs, &r);
	assert_int_equal(r.reps, 2);
	const bc_coach_event *a = bc_script_nth(&r, BC_EVENT_REP, 0);
	const bc_coach_event *b = bc_script_nth(&r, BC_EVENT_REP, 1);
	assert_string_equal(a->text, "slouch alert");
	/* 10° is reached 2/3 of the way into the 1 s slump. */
	double slouch_t0 = 1.0 + 2.0 + 2.0 / 3.0;
	assert_float_near(a->t_s, slouch_t0 + 10.0, 0.1);
	assert_float_near(b->t_s, slouch_t0 + 40.0, 0.1);
}

static void test_short_slouch_and_forward_hunch(void **state)
{
	(void)state;
	const bc_seg segs[] = {
		SEG(2, 0),   SEG(1, 14),   SEG(8, 14), SEG(1, 0), SEG(5, 0), /* 8 s: no alert */
		SEG(1, -13), SEG(12, -13), SEG(1, 0),  SEG(5, 0),	     /* hunch: alert */
	};
	bc_script_result r;
	RUN(segs, &r);
	assert_int_equal(r.reps, 1);
	assert_true(bc_script_nth(&r, BC_EVENT_REP, 0)->peak_deg < -12.0f);
}

/* Sitting back up for 0.5 s does not restart the delay. */
static void test_brief_correction_does_not_reset(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0),     SEG(0.01, 15), SEG(6, 15), SEG(0.01, 2), SEG(0.5, 2),
				SEG(0.01, 15), SEG(6, 15),    SEG(1, 0),  SEG(2, 0) };
	bc_script_result r;
	RUN(segs, &r);
	assert_int_equal(r.reps, 1);
}

static void test_silent_while_walking_or_standing(void **state)
{
	(void)state;
	bc_seg segs[] = {
		SEG(2, 0),  SEG(1, -12), SEG(30, -12), SEG(1, 0),
		SEG(3, 0),					  /* stood up: upright again */
		SEG(1, 15), SEG(30, 15), SEG(1, 0),    SEG(3, 0), /* bent, but walking */
	};
	segs[1].incline_deg = 0.0f;
	segs[3].incline_deg = 12.0f;
	for (int i = 5; i < 8; i++)
		segs[i].moving = true;
	bc_script_result r;
	RUN(segs, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 0);
}

/*
 * Slumping slowly (3 s, turning at 8 deg/s: not still, but not walking
 * either) starts the slouch clock where 10 deg is passed; the movement must
 * not restart it (regression: "not still" for over a second was taken for
 * walking and alerts came 1-3 s late).
 */
static void test_slow_slump_is_not_walking(void **state)
{
	(void)state;
	bc_seg segs[] = { SEG(2, 0), SEG(3, 15), SEG(20, 15), SEG(1, 0), SEG(3, 0) };
	segs[1].moving = true;
	segs[1].rate_dps = 8.0f;
	bc_script_result r;
	RUN(segs, &r);
	assert_int_equal(r.reps, 1);
	/* 10 deg is passed 2/3 of the way into the slump. */
	double slouch_t0 = 1.0 + 2.0 + 3.0 * 2.0 / 3.0;
	assert_float_near(bc_script_nth(&r, BC_EVENT_REP, 0)->t_s, slouch_t0 + 10.0, 0.1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alert_after_delay_then_repeats),
		cmocka_unit_test(test_short_slouch_and_forward_hunch),
		cmocka_unit_test(test_brief_correction_does_not_reset),
		cmocka_unit_test(test_silent_while_walking_or_standing),
		cmocka_unit_test(test_slow_slump_is_not_walking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
