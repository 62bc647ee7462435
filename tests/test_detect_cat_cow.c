/* SPDX-License-Identifier: MIT */
/* Cat-cow: phases reported continuously, full cycles counted, rushed and
 * shallow cycles rejected with their reason. */
#include <math.h>
#include <string.h>

#include "support/angle_script.h"
#include "support/test_support.h"

#define RUN(segs, rate, noise, r)                                                                  \
	bc_script_run(BC_EXERCISE_CAT_COW, NULL, 0.0f, rate, segs, sizeof(segs) / sizeof(segs[0]), \
		      90.0f, noise, r)

/* One cycle: cat at +c held hold_s, back, cow at -c held hold_s, back. */
#define CYCLE(c, ramp_s, hold_s)                                                              \
	SEG(ramp_s, c), SEG(hold_s, c), SEG(ramp_s, 0), SEG(ramp_s, -(c)), SEG(hold_s, -(c)), \
		SEG(ramp_s, 0)

static void test_counts_cycles_and_reports_phases(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0), CYCLE(10, 1, 1.5), CYCLE(12, 0.8, 2), CYCLE(9, 1.2, 1.2),
				SEG(2, 0) };
	bc_script_result r;
	RUN(segs, 100, 0.3f, &r);
	assert_int_equal(r.reps, 3);
	assert_int_equal(r.rejected, 0);
	/* Phase stream: cat, neutral, cow, neutral, cat, ... */
	const char *want[] = { "cat", "neutral", "cow", "neutral", "cat", "neutral" };
	for (int i = 0; i < 6; i++)
		assert_string_equal(bc_script_nth(&r, BC_EVENT_PHASE, i)->phase_name, want[i]);
	/* The first cycle is timed where the cow's return passes halfway. */
	double mid = 1.0 + 2.0 + 3 * 1.0 + 2 * 1.5 + 0.5;
	assert_float_near(bc_script_nth(&r, BC_EVENT_REP, 0)->t_s, mid, 0.05);
}

/* Flowing straight from cat into cow, without a pause at neutral. */
static void test_continuous_flow_counts(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0),     SEG(1, 10), SEG(1.5, 10), SEG(2, -10),
				SEG(1.5, -10), SEG(2, 10), SEG(1.5, 10), SEG(2, -10),
				SEG(1.5, -10), SEG(1, 0),  SEG(2, 0) };
	bc_script_result r;
	RUN(segs, 50, 0.2f, &r);
	assert_int_equal(r.reps, 2);
	assert_int_equal(r.rejected, 0);
}

static void test_rushed_cycle_is_rejected(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0), CYCLE(10, 0.3, 0.3), SEG(2, 0), CYCLE(10, 1, 1.5),
				SEG(2, 0) };
	bc_script_result r;
	RUN(segs, 200, 0.2f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 1);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 0)->reason, BC_REJECT_RUSHED);
}

static void test_shallow_cycle_is_too_little_range(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0), CYCLE(3.8f, 1, 2), SEG(2, 0) };
	bc_script_result r;
	RUN(segs, 100, 0.2f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 1);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 0)->reason,
			 BC_REJECT_TOO_LITTLE_RANGE);
}

/* A cat without a cow is not a cycle: its cow was too shallow to see. */
static void test_half_cycles_do_not_count(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0), SEG(1, 10), SEG(2, 10),	  SEG(1, -1.5f),
				SEG(1, 0), SEG(2, 0),  CYCLE(10, 1, 1.5), SEG(2, 0) };
	bc_script_result r;
	RUN(segs, 100, 0.2f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 1);
	const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REJECTED, 0);
	assert_int_equal(e->reason, BC_REJECT_TOO_LITTLE_RANGE);
	/* Timed where the cat's return passed halfway (5°): 6 + 5 / 11.5 s. */
	assert_true(e->t_s > 6.0 && e->t_s < 6.7);
}

/*
 * Kneeling up tall from hands and knees (sagittal past max_deg) and back
 * down: the way back overshoots 2.8 deg the cow way for 2 s before the body
 * is still again. Not a half-cycle, no rejection (regression: a ghost "too
 * little range" after every sit-up); a real cycle afterwards still counts.
 */
static void test_back_from_kneeling_is_not_a_cow(void **state)
{
	(void)state;
	bc_seg segs[] = {
		SEG(2, 0),   SEG(2, 60), SEG(3, 60), SEG(2, -2.8f), SEG(1.5, -2.8f),
		SEG(0.5, 0), SEG(4, 0),	 SEG(1, 8),  SEG(2, 8),	    SEG(1, 0),
		SEG(1, -8),  SEG(2, -8), SEG(1, 0),  SEG(3, 0),
	};
	for (int i = 1; i <= 5; i++)
		segs[i].moving = true;
	bc_script_result r;
	RUN(segs, 100, 0.2f, &r);
	assert_int_equal(r.rejected, 0);
	assert_int_equal(r.reps, 1);
}

static void test_rate_does_not_matter(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0), CYCLE(7, 0.6, 1.1), CYCLE(7, 0.6, 0.4), SEG(2, 0) };
	bc_script_result a, b;
	RUN(segs, 50, 0.0f, &a);
	RUN(segs, 400, 0.0f, &b);
	assert_int_equal(a.reps, 1);
	assert_int_equal(b.reps, 1);
	assert_int_equal(a.rejected, 1);
	assert_int_equal(b.rejected, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_cycles_and_reports_phases),
		cmocka_unit_test(test_continuous_flow_counts),
		cmocka_unit_test(test_rushed_cycle_is_rejected),
		cmocka_unit_test(test_shallow_cycle_is_too_little_range),
		cmocka_unit_test(test_half_cycles_do_not_count),
		cmocka_unit_test(test_rate_does_not_matter),
		cmocka_unit_test(test_back_from_kneeling_is_not_a_cow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
