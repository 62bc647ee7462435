/* SPDX-License-Identifier: MIT */
/*
 * The downward dog and the crossover (contract §4) on the tilt-and-hold
 * machine, from synthetic angle sequences: correct holds, each mistake with
 * its reason, the crossover's side from the sign of the turn, and the other
 * exercises from the same start pose, which must give nothing at all. The
 * simulated sessions of both (tests/traces/downward-dog-*, crossover-*,
 * bridge-distractor-crossover) are replayed by test_replay_traces.
 */
#include <math.h>
#include <string.h>

#include "coach/coach.h"
#include "coach/settings.h"
#include "support/angle_script.h"
#include "support/test_support.h"

#define LYING_DEG 90.0f /* trunk incline on the back or on hands and knees */
#define RUN(ex, segs, r)                                                                           \
	bc_script_run(ex, NULL, 15.0f, 100, segs, sizeof(segs) / sizeof(segs[0]), LYING_DEG, 0.3f, \
		      r)
#define SEG_INC(d, s, inc)                                         \
	{                                                          \
		.dur_s = (d), .sag_deg = (s), .incline_deg = (inc) \
	}

static const bc_coach_event *nth_outcome(const bc_script_result *r, int k)
{
	for (size_t i = 0; i < r->n; i++)
		if ((r->ev[i].type == BC_EVENT_REP || r->ev[i].type == BC_EVENT_REJECTED) &&
		    k-- == 0)
			return &r->ev[i];
	return NULL;
}

/* ---- Downward dog: the cow way, at least 30 deg, held ------------------ */

/* A dog turns the lower back 45 deg the cow way (sagittal -45) and holds 16 s. */
static void test_dog_counts_a_held_dog(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0), SEG(2, -45), SEG(16, -45), SEG(2, 0), SEG(3, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_DOWNWARD_DOG, segs, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
	assert_float_near(nth_outcome(&r, 0)->peak_deg, 45.0, 1.0);
}

/* A cow-sized turn (18 deg) held as long as a dog, and a dog held 5 s. */
static void test_dog_rejects_a_cow_sized_turn_and_a_short_hold(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0),   SEG(2, -18), SEG(16, -18), SEG(2, 0), SEG(4, 0),
				SEG(2, -45), SEG(5, -45), SEG(2, 0),	SEG(4, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_DOWNWARD_DOG, segs, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 2);
	assert_int_equal(nth_outcome(&r, 0)->reason, BC_REJECT_TOO_LITTLE_RANGE);
	assert_int_equal(nth_outcome(&r, 1)->reason, BC_REJECT_HOLD_TOO_SHORT);
}

/*
 * Cat-cow is another exercise: a cat (flexion), then a cow swung into
 * straight from it, is neither a dog nor a shallow one; a child's pose goes
 * the other way. Nothing at all -- while the same cow with no cat before it
 * is a shallow dog (the rule above), so the cat is what tells them apart.
 */
static void test_dog_ignores_cat_cow_and_childs_pose(void **state)
{
	(void)state;
	const bc_seg segs[] = {
		SEG(3, 0), SEG(1.2, 14), SEG(1.5, 14), SEG(2, -15), SEG(1.5, -15), SEG(1.2, 0),
		SEG(1, 0), SEG(1.2, 12), SEG(1.5, 12), SEG(2, -17), SEG(1.5, -17), SEG(1.2, 0),
		SEG(3, 0), SEG(2.5, 35), SEG(20, 35),  SEG(2.5, 0), SEG(4, 0),
	};
	bc_script_result r;
	RUN(BC_EXERCISE_DOWNWARD_DOG, segs, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 0);
}

/* Kneeling or standing up (the trunk near vertical) is not a dog, however the pelvis turned. */
static void test_dog_not_when_upright(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0), SEG_INC(2, -40, 10), SEG_INC(16, -40, 10),
				SEG_INC(2, 0, LYING_DEG), SEG(5, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_DOWNWARD_DOG, segs, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

/* ---- Crossover: the turn about the spine, 20 to 70 deg, held ----------- */

/* Right leg over (positive turn), then left leg over: one rep each side. */
static void test_crossover_counts_each_side(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0),	     SEG_AX(2, 1, 35), SEG_AX(16, 1, 35),
				SEG_AX(2, 0, 0),     SEG(4, 0),	       SEG_AX(2, -1, -40),
				SEG_AX(16, -1, -40), SEG_AX(2, 0, 0),  SEG(3, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_CROSSOVER, segs, &r);
	assert_int_equal(r.reps, 2);
	assert_int_equal(r.rejected, 0);
	assert_int_equal(nth_outcome(&r, 0)->side, BC_SIDE_RIGHT);
	assert_int_equal(nth_outcome(&r, 1)->side, BC_SIDE_LEFT);
	assert_float_near(nth_outcome(&r, 1)->peak_deg, 40.0, 0.5);
}

/* Too little (14 deg), too short (5 s), and on past 70 onto the side: each
 * rejected with its reason, each keeping its side. */
static void test_crossover_rejects_each_mistake_with_its_side(void **state)
{
	(void)state;
	const bc_seg segs[] = {
		SEG(3, 0), SEG_AX(2, 0, -14), SEG_AX(16, 0, -14), SEG_AX(2, 0, 0),
		SEG(4, 0), SEG_AX(2, 0, 40),  SEG_AX(5, 0, 40),	  SEG_AX(2, 0, 0),
		SEG(4, 0), SEG_AX(3, 0, -85), SEG_AX(8, 0, -85),  SEG_AX(3, 0, 0),
		SEG(4, 0),
	};
	bc_script_result r;
	RUN(BC_EXERCISE_CROSSOVER, segs, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 3);
	assert_int_equal(nth_outcome(&r, 0)->reason, BC_REJECT_TOO_LITTLE_RANGE);
	assert_int_equal(nth_outcome(&r, 0)->side, BC_SIDE_LEFT);
	assert_int_equal(nth_outcome(&r, 1)->reason, BC_REJECT_HOLD_TOO_SHORT);
	assert_int_equal(nth_outcome(&r, 1)->side, BC_SIDE_RIGHT);
	assert_int_equal(nth_outcome(&r, 2)->reason, BC_REJECT_ROLLED_ONTO_SIDE);
	assert_int_equal(nth_outcome(&r, 2)->side, BC_SIDE_LEFT);
}

/* A long hold at 40 deg that ends rolled onto the side is no rep. */
static void test_crossover_rolled_onto_side_after_a_hold(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0),	  SEG_AX(2, 0, 40), SEG_AX(16, 0, 40),
				SEG_AX(2, 0, 80), SEG_AX(3, 0, 80), SEG_AX(3, 0, 0),
				SEG(4, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_CROSSOVER, segs, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 1);
	assert_int_equal(nth_outcome(&r, 0)->reason, BC_REJECT_ROLLED_ONTO_SIDE);
}

/* Rolling right over (past 135 deg) and back is not the exercise: nothing. */
static void test_crossover_rolling_right_over_gives_nothing(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0), SEG_AX(3, 0, 165), SEG_AX(6, 0, 165), SEG_AX(3, 0, 0),
				SEG(5, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_CROSSOVER, segs, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

/* Pelvic tilts, knee-to-chest and a bridge turn the pelvis sagittally: nothing. */
static void test_crossover_ignores_sagittal_exercises(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0),	    SEG_AX(1.5, 12, 2), SEG_AX(10, 12, 2),
				SEG_AX(1.5, 0, 0),  SEG(3, 0),		SEG_AX(2, 18, -4),
				SEG_AX(15, 18, -4), SEG_AX(2, 0, 0),	SEG(3, 0),
				SEG_AX(2, 26, 4),   SEG_AX(4, 26, 4),	SEG_AX(2, 0, 0),
				SEG(4, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_CROSSOVER, segs, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

/* ...and the bridge ignores crossovers, on either side. */
static void test_bridge_ignores_crossovers(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(3, 0),	    SEG_AX(2, 1, 30), SEG_AX(12, 1, 30),
				SEG_AX(2, 0, 0),    SEG(3, 0),	      SEG_AX(2, 1, -50),
				SEG_AX(12, 1, -50), SEG_AX(2, 0, 0),  SEG(4, 0) };
	bc_script_result r;
	bc_script_run(BC_EXERCISE_BRIDGE, NULL, 2.0f, 100, segs, sizeof(segs) / sizeof(segs[0]),
		      LYING_DEG, 0.3f, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

/* The far limit is a setting, kept between the zone and the roll-over. */
static void test_far_limit_is_a_checked_setting(void **state)
{
	(void)state;
	bc_coach_settings s;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	assert_int_equal(bc_settings_parse("crossover.far_deg = 75\n", &s, &err), 0);
	assert_float_near(s.detect.tilt[BC_EXERCISE_CROSSOVER].far_deg, 75.0, 1e-6);
	assert_int_equal(bc_settings_parse("crossover.far_deg = 150\n", &s, &err), -1);
	assert_string_equal(err.key, "crossover.far_deg");
	assert_int_equal(bc_settings_parse("crossover.far_deg = 15\n", &s, &err), -1);
	/* Exercises without a far limit have no such key. */
	assert_int_equal(bc_settings_parse("bridge.far_deg = 50\n", &s, &err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dog_counts_a_held_dog),
		cmocka_unit_test(test_dog_rejects_a_cow_sized_turn_and_a_short_hold),
		cmocka_unit_test(test_dog_ignores_cat_cow_and_childs_pose),
		cmocka_unit_test(test_dog_not_when_upright),
		cmocka_unit_test(test_crossover_counts_each_side),
		cmocka_unit_test(test_crossover_rejects_each_mistake_with_its_side),
		cmocka_unit_test(test_crossover_rolled_onto_side_after_a_hold),
		cmocka_unit_test(test_crossover_rolling_right_over_gives_nothing),
		cmocka_unit_test(test_crossover_ignores_sagittal_exercises),
		cmocka_unit_test(test_bridge_ignores_crossovers),
		cmocka_unit_test(test_far_limit_is_a_checked_setting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
