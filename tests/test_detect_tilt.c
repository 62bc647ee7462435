/* SPDX-License-Identifier: MIT */
/*
 * The tilt-and-hold machine (pelvic tilt, knee-to-chest, child's pose,
 * bridge) on synthetic angle sequences: counting, hysteresis, wobble
 * tolerance, every rejection reason, the start gate and rate independence.
 */
#include <math.h>

#include "coach/exercise_table.h"
#include "support/angle_script.h"
#include "support/test_support.h"

/* NULL: the defaults, each exercise's from its row. */
static const bc_detect_settings *defaults = NULL;

#define RUN(ex, hold, rate, segs, incline, noise, r)                                           \
	bc_script_run(ex, defaults, hold, rate, segs, sizeof(segs) / sizeof(segs[0]), incline, \
		      noise, r)

/* Three good pelvic tilts: 8° for 11 s each, released over 1 s. */
static const bc_seg three_tilts[] = {
	SEG(2, 0), SEG(1, 8), SEG(11, 8), SEG(1, 0),  SEG(3, 0), SEG(1, 8), SEG(11, 8),
	SEG(1, 0), SEG(3, 0), SEG(1, 8),  SEG(11, 8), SEG(1, 0), SEG(3, 0),
};

static void test_counts_good_reps_when_released(void **state)
{
	(void)state;
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, three_tilts, 0, 0.0f, &r);
	assert_int_equal(r.reps, 3);
	assert_int_equal(r.rejected, 0);
	/* Rep i: the 1 s release starts at 1 + 2 + 12 + 16 * i; it is timed
	 * where it passes halfway back (4°). */
	for (int i = 0; i < 3; i++) {
		const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REP, i);
		double release_mid = 1.0 + 2.0 + 12.0 + 16.0 * i + 0.5;
		assert_float_near(e->t_s, release_mid, 0.02);
		/* Past 5° from 0.625 s into the rise to 0.375 s into the release. */
		double in_zone = (1.0 - 0.625) + 11.0 + 0.375;
		assert_float_near(e->hold_s, in_zone, 0.05);
		assert_float_near(e->peak_deg, 8.0, 0.01);
	}
	assert_true(r.start_t_s >= 1.5 && r.start_t_s < 1.6);
}

static void test_same_angles_at_50_and_400_hz_agree(void **state)
{
	(void)state;
	bc_script_result slow, fast;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 50, three_tilts, 0, 0.3f, &slow);
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 400, three_tilts, 0, 0.3f, &fast);
	assert_int_equal(slow.reps, 3);
	assert_int_equal(fast.reps, 3);
	for (int i = 0; i < 3; i++) {
		const bc_coach_event *a = bc_script_nth(&slow, BC_EVENT_REP, i);
		const bc_coach_event *b = bc_script_nth(&fast, BC_EVENT_REP, i);
		assert_float_near(a->hold_s, b->hold_s, 0.1);
		assert_float_near(a->t_s, b->t_s, 0.1);
	}
}

/* A gauge hovering around the zone edge, with noise: one attempt, one outcome. */
static void test_hovering_at_threshold_counts_once(void **state)
{
	(void)state;
	const bc_seg hover[] = { SEG(2, 0), SEG(1, 4.6f), SEG(20, 4.6f), SEG(1, 0), SEG(2, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 200, hover, 0, 0.9f, &r);
	assert_int_equal(r.reps + r.rejected, 1);

	/* Hovering at the attempt threshold: at most one "too little range". */
	const bc_seg low[] = { SEG(2, 0), SEG(1, 2.5f), SEG(20, 2.5f), SEG(1, 0), SEG(2, 0) };
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 200, low, 0, 0.6f, &r);
	assert_int_equal(r.reps, 0);
	assert_true(r.rejected <= 1);
	for (size_t i = 0; i < r.n; i++)
		if (r.ev[i].type == BC_EVENT_REJECTED)
			assert_int_equal(r.ev[i].reason, BC_REJECT_TOO_LITTLE_RANGE);
}

/* 0.6 s out of the zone pauses the hold; the time outside is not counted. */
static void test_brief_wobble_pauses_the_hold(void **state)
{
	(void)state;
	const bc_seg wobble[] = {
		SEG(2, 0),    SEG(0.01, 8), SEG(6, 8),	  SEG(0.01, 3), SEG(0.6, 3),
		SEG(0.01, 8), SEG(5, 8),    SEG(0.01, 0), SEG(2, 0),
	};
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, wobble, 0, 0.0f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
	assert_float_near(bc_script_nth(&r, BC_EVENT_REP, 0)->hold_s, 11.0, 0.1);
	assert_non_null(bc_script_nth(&r, BC_EVENT_HOLD_DONE, 0));
	assert_null(bc_script_nth(&r, BC_EVENT_HOLD_START, 1));
}

/*
 * A quick slip right down to rest (8 -> 0.5 deg and straight back, 0.75 s
 * out of the zone) in a long hold is a wobble, not a release: one rep, no
 * "hold too short" (regression: reaching rest ended the attempt at once).
 */
static void test_slip_down_to_rest_is_a_wobble(void **state)
{
	(void)state;
	const bc_seg slip[] = {
		SEG(2, 0),   SEG(0.01, 8), SEG(6, 8), SEG(0.3, 0.5f), SEG(0.15, 0.5f),
		SEG(0.3, 8), SEG(6, 8),	   SEG(1, 0), SEG(2, 0),
	};
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, slip, 0, 0.1f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
}

/* 1.2 s out of the zone ends the hold: two 6 s holds are not one 12 s hold. */
static void test_long_wobble_ends_the_hold(void **state)
{
	(void)state;
	const bc_seg broken[] = {
		SEG(2, 0),    SEG(0.01, 8), SEG(6, 8),	  SEG(0.01, 3), SEG(1.2, 3),
		SEG(0.01, 8), SEG(6, 8),    SEG(0.01, 0), SEG(2, 0),
	};
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, broken, 0, 0.0f, &r);
	/* The dip ended the first hold: two holds, each too short. */
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 2);
	for (int i = 0; i < 2; i++) {
		const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REJECTED, i);
		assert_int_equal(e->reason, BC_REJECT_HOLD_TOO_SHORT);
		assert_float_near(e->hold_s, 6.0, 0.1);
	}
}

static void test_anterior_tilt_is_wrong_direction(void **state)
{
	(void)state;
	const bc_seg arch[] = { SEG(2, 0), SEG(1, -8), SEG(11, -8), SEG(1, 0), SEG(2, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, arch, 0, 0.2f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 1);
	const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REJECTED, 0);
	assert_int_equal(e->reason, BC_REJECT_WRONG_DIRECTION);
	assert_true(e->peak_deg < -7.0f);
}

static void test_too_little_range_and_too_short(void **state)
{
	(void)state;
	const bc_seg weak[] = {
		SEG(2, 0), SEG(1, 3.5f), SEG(2, 3.5f), SEG(1, 0), SEG(2, 0), /* too little */
		SEG(1, 8), SEG(4, 8),	 SEG(1, 0),    SEG(2, 0),	     /* too short */
	};
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, weak, 0, 0.2f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 2);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 0)->reason,
			 BC_REJECT_TOO_LITTLE_RANGE);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 1)->reason, BC_REJECT_HOLD_TOO_SHORT);
}

/*
 * A shallow tilt (3.5 deg, under the 5 deg zone) held 16 s, longer than the
 * 10 s target: one "too little range", timed where the release passes
 * halfway back, as a rep would be (regression: it was reported 13 s into
 * the hold, while the wearer was still holding).
 */
static void test_long_shallow_hold_is_judged_on_release(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0), SEG(1, 3.5f), SEG(16, 3.5f), SEG(1, 0), SEG(3, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, segs, 0, 0.2f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 1);
	const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REJECTED, 0);
	assert_int_equal(e->reason, BC_REJECT_TOO_LITTLE_RANGE);
	double release_mid = 1.0 + 2.0 + 1.0 + 16.0 + 0.5;
	assert_float_near(e->t_s, release_mid, 0.1);
}

/* Nothing counts while calibrating, nor before the start position is held. */
static void test_nothing_counts_before_start(void **state)
{
	(void)state;
	bc_seg segs[] = {
		SEG(1, 8),    SEG(11, 8), SEG(1, 0), /* a full rep during calibration */
		SEG(0.01, 8), SEG(11, 8),	     /* calibrated, but not at the start */
		SEG(1, 0),    SEG(2, 0),	     /* now at the start */
		SEG(1, 8),    SEG(11, 8), SEG(1, 0), SEG(2, 0),
	};
	segs[0].invalid = segs[1].invalid = segs[2].invalid = true;
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, segs, 0, 0.0f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
	assert_true(r.start_t_s > 1.0 + 13.0 + 11.0);
	assert_true(bc_script_nth(&r, BC_EVENT_REP, 0)->t_s > r.start_t_s + 12.0);
}

static void test_bridge_level_and_not_level(void **state)
{
	(void)state;
	const bc_seg bridges[] = {
		SEG(2, 0),	   SEG_AX(1, 20, 3),  SEG_AX(3, 20, 3), SEG(1, 0),
		SEG(2, 0),							   /* level */
		SEG_AX(1, 20, 14), SEG_AX(3, 20, 14), SEG(1, 0),	SEG(2, 0), /* rolled */
		SEG(1, 11),	   SEG(3, 11),	      SEG(1, 0),	SEG(2, 0), /* too low */
	};
	bc_script_result r;
	RUN(BC_EXERCISE_BRIDGE, 2.0f, 100, bridges, 0, 0.3f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 2);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 0)->reason, BC_REJECT_NOT_LEVEL);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 1)->reason,
			 BC_REJECT_TOO_LITTLE_RANGE);
	/* Phases: resting -> rising -> holding -> lowering -> resting. */
	const char *want[] = { "rising", "holding", "lowering", "resting" };
	for (int i = 0; i < 4; i++)
		assert_string_equal(bc_script_nth(&r, BC_EVENT_PHASE, i)->phase_name, want[i]);
}

/*
 * Knee-to-chest counts on release by default (hold 17 s, counted as the
 * release passes halfway); with count_at_hold_done, the moment the hold
 * target is reached.
 */
static void test_knee_to_chest_count_moment(void **state)
{
	(void)state;
	const bc_seg hold[] = { SEG(2, 0), SEG(0.01, 9), SEG(17, 9), SEG(1, 0), SEG(2, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_KNEE_TO_CHEST, 15.0f, 100, hold, 0, 0.0f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
	const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REP, 0);
	assert_float_near(e->t_s, 1.0 + 2.0 + 17.01 + 0.5, 0.05);
	assert_float_near(e->hold_s, 17.0 + 4.0 / 9.0, 0.05);

	bc_detect_settings s;
	bc_exercise_detect_defaults(&s);
	s.tilt[BC_EXERCISE_KNEE_TO_CHEST].count_at_hold_done = true;
	bc_script_run(BC_EXERCISE_KNEE_TO_CHEST, &s, 15.0f, 100, hold,
		      sizeof(hold) / sizeof(hold[0]), 0, 0.0f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
	e = bc_script_nth(&r, BC_EVENT_REP, 0);
	assert_float_near(e->t_s, 1.0 + 2.0 + 15.0, 0.05);
	assert_float_near(e->hold_s, 15.0, 0.05);
}

/* Sitting up or rolling onto the side during a session is nothing at all. */
static void test_sitting_up_and_rolling_over_are_ignored(void **state)
{
	(void)state;
	const bc_seg segs[] = {
		SEG(2, 0),	     SEG(3, -80),	SEG(8, -80), SEG(3, 0), SEG(3, 0),
		SEG_AX(2.5, -2, 85), SEG_AX(5, -2, 85), SEG(2.5, 0), SEG(3, 0),
	};
	bc_script_result r;
	for (int ex = 0; ex < BC_EXERCISE_CAT_COW; ex++) {
		RUN((bc_exercise_id)ex, 2.0f, 100, segs, 0, 0.2f, &r);
		assert_int_equal(r.reps, 0);
		assert_int_equal(r.rejected, 0);
	}
	RUN(BC_EXERCISE_KNEE_TO_CHEST, 15.0f, 100, segs, 0, 0.2f, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

/*
 * Rolled onto the side and back: on the way back the angles overshoot
 * 2.5 deg the tilt way for 2 s before the body is still again. Not an
 * attempt (regression: a ghost "too little range" after rolling back); a
 * real tilt afterwards still counts.
 */
static void test_back_from_rolling_over_is_not_an_attempt(void **state)
{
	(void)state;
	bc_seg segs[] = {
		SEG_AX(2, 0, 0),      SEG_AX(2, 0, 80), SEG_AX(3, 0, 80), SEG_AX(2, 2.5f, 0),
		SEG_AX(1.5, 2.5f, 0), SEG(0.5, 0),	SEG(4, 0),	  SEG(1, 8),
		SEG(11, 8),	      SEG(1, 0),	SEG(3, 0),
	};
	for (int i = 1; i <= 5; i++)
		segs[i].moving = true;
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, segs, 0, 0.1f, &r);
	assert_int_equal(r.rejected, 0);
	assert_int_equal(r.reps, 1);
}

/*
 * Fidgeting: settled 1.1 deg the wrong way for 5 s (rest settles there),
 * then 1.3 deg the tilt way for 2 s: 2.4 deg above that rest, but only
 * 1.3 deg from the start position. Not an attempt (regression: a ghost
 * "too little range" in fidget sessions).
 */
static void test_fidget_either_side_of_start_is_no_attempt(void **state)
{
	(void)state;
	const bc_seg segs[] = { SEG(2, 0),    SEG(0.3, -1.1f), SEG(5, -1.1f), SEG(0.8, 1.3f),
				SEG(2, 1.3f), SEG(0.8, 0),     SEG(3, 0) };
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, segs, 0, 0.05f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 0);
}

/*
 * Rest is where the gauge settled, not where it first came within a degree
 * of it: after a shallow tilt the wearer rests at 0.3 deg, then tilts to
 * 2.6 deg -- 2.3 deg past that rest, another shallow attempt (regression:
 * rest was taken as ~1 deg, the first sample inside the settling band on
 * the way down, and the second attempt went unseen).
 */
static void test_rest_level_is_where_it_settled(void **state)
{
	(void)state;
	const bc_seg segs[] = {
		SEG(2, 0),    SEG(1, 3),     SEG(12, 3),   SEG(1.5, 0.3f), SEG(4, 0.3f),
		SEG(1, 2.6f), SEG(12, 2.6f), SEG(1, 0.3f), SEG(4, 0.3f),
	};
	bc_script_result r;
	RUN(BC_EXERCISE_PELVIC_TILT, 10.0f, 100, segs, 0, 0.05f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 2);
	assert_int_equal(bc_script_nth(&r, BC_EVENT_REJECTED, 1)->reason,
			 BC_REJECT_TOO_LITTLE_RANGE);
}

/* Standing up from the tabletop is not a child's pose. */
static void test_standing_up_is_not_childs_pose(void **state)
{
	(void)state;
	bc_seg segs[] = {
		SEG(2, 0),  SEG(2, 25),	 SEG(32, 25), SEG(2, 0), SEG(2, 0), /* a good pose */
		SEG(3, 85), SEG(40, 85), SEG(3, 0),   SEG(2, 0),	    /* stood up */
	};
	segs[5].incline_deg = 5.0f;
	segs[7].incline_deg = 90.0f;
	bc_script_result r;
	RUN(BC_EXERCISE_CHILDS_POSE, 30.0f, 100, segs, 90.0f, 0.3f, &r);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
}

/*
 * A deep child's pose: the pelvis rolls back 48 deg from a level tabletop,
 * so the trunk incline falls from 90 to 42 deg with it. Still a child's
 * pose (regression: a 45 deg incline limit dropped the deepest holds).
 */
static void test_deep_childs_pose_counts(void **state)
{
	(void)state;
	bc_seg segs[] = {
		SEG(2, 0),  SEG(3, 48),	 SEG(32, 48), SEG(3, 0), SEG(2, 0),
		SEG(3, 48), SEG(32, 48), SEG(3, 0),   SEG(2, 0),
	};
	for (size_t i = 0; i < sizeof(segs) / sizeof(segs[0]); i++)
		segs[i].incline_deg = 90.0f - segs[i].sag_deg;
	bc_script_result r;
	RUN(BC_EXERCISE_CHILDS_POSE, 30.0f, 100, segs, 90.0f, 0.3f, &r);
	assert_int_equal(r.reps, 2);
	assert_int_equal(r.rejected, 0);
}
/* Every exercise has a row in the exercise table naming a detector, with a phase to show. */
static void test_every_exercise_has_a_detector(void **state)
{
	(void)state;
	bc_detector d;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		const bc_exercise_row *r = bc_exercise_row_of(ex);
		assert_non_null(r);
		assert_non_null(r->info.name);
		assert_int_equal(bc_detector_init(&d, NULL, ex, &r->detect, 0.0f), 0);
		assert_non_null(bc_detector_view(&d)->phase_name);
	}
	assert_null(bc_exercise_row_of(BC_EXERCISE_COUNT));
	assert_null(bc_exercise_row_of(BC_EXERCISE_NONE));
	assert_int_equal(bc_detector_init(&d, NULL, BC_EXERCISE_COUNT, NULL, 0.0f), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_good_reps_when_released),
		cmocka_unit_test(test_same_angles_at_50_and_400_hz_agree),
		cmocka_unit_test(test_hovering_at_threshold_counts_once),
		cmocka_unit_test(test_brief_wobble_pauses_the_hold),
		cmocka_unit_test(test_long_wobble_ends_the_hold),
		cmocka_unit_test(test_slip_down_to_rest_is_a_wobble),
		cmocka_unit_test(test_anterior_tilt_is_wrong_direction),
		cmocka_unit_test(test_too_little_range_and_too_short),
		cmocka_unit_test(test_long_shallow_hold_is_judged_on_release),
		cmocka_unit_test(test_nothing_counts_before_start),
		cmocka_unit_test(test_bridge_level_and_not_level),
		cmocka_unit_test(test_knee_to_chest_count_moment),
		cmocka_unit_test(test_sitting_up_and_rolling_over_are_ignored),
		cmocka_unit_test(test_standing_up_is_not_childs_pose),
		cmocka_unit_test(test_deep_childs_pose_counts),
		cmocka_unit_test(test_back_from_rolling_over_is_not_an_attempt),
		cmocka_unit_test(test_fidget_either_side_of_start_is_no_attempt),
		cmocka_unit_test(test_rest_level_is_where_it_settled),
		cmocka_unit_test(test_every_exercise_has_a_detector),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
