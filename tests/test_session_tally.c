/* SPDX-License-Identifier: MIT */
/*
 * The one session tally (coach/session_tally.h): counts, reasons, holds and
 * the range reached, the same fed whole or in pieces; posture alerts carry
 * no hold or range.
 */
#include <math.h>
#include <string.h>

#include "coach/session_tally.h"
#include "support/test_support.h"

static const bc_coach_event session[] = {
	{ .type = BC_EVENT_CALIBRATION, .t_s = 2.0, .stage = 1 },
	{ .type = BC_EVENT_HOLD_START, .t_s = 9.0, .hold_target_s = 2.0f },
	{ .type = BC_EVENT_REP, .t_s = 12.0, .hold_s = 2.5f, .peak_deg = 21.0f },
	{ .type = BC_EVENT_CUE, .t_s = 12.5, .text = "Lift your hips" },
	{ .type = BC_EVENT_REJECTED,
	  .t_s = 20.0,
	  .reason = BC_REJECT_HOLD_TOO_SHORT,
	  .hold_s = 0.8f,
	  .peak_deg = 40.0f },
	{ .type = BC_EVENT_REP, .t_s = 30.0, .hold_s = 3.5f, .peak_deg = 27.0f },
	{ .type = BC_EVENT_REJECTED, .t_s = 35.0, .reason = BC_REJECT_COUNT }, /* a newer coach's */
	{ .type = BC_EVENT_SUMMARY, .t_s = 40.0, .reps = 2, .rejected = 2 },
};
#define N_EVENTS (sizeof(session) / sizeof(session[0]))

/* A rejected attempt's range is no achievement: the peak is the counted reps' best. */
static void test_counts_holds_and_range(void **state)
{
	(void)state;
	bc_session_tally t;
	bc_session_tally_init(&t, BC_EXERCISE_BRIDGE);
	bc_session_tally_add_events(&t, session, N_EVENTS);
	assert_int_equal(t.reps, 2);
	assert_int_equal(t.rejected, 2);
	assert_int_equal(t.rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT], 1);
	assert_int_equal(t.rejected_by_reason[BC_REJECT_NONE], 1);
	assert_int_equal(t.holds, 2);
	assert_float_near(t.best_hold_s, 3.5, 1e-6);
	assert_float_near(t.total_hold_s, 6.0, 1e-6);
	assert_float_near(t.peak_deg, 27.0, 1e-6);
}

static void test_pieces_add_up_to_the_whole(void **state)
{
	(void)state;
	bc_session_tally whole, pieces;
	bc_session_tally_init(&whole, BC_EXERCISE_BRIDGE);
	bc_session_tally_add_events(&whole, session, N_EVENTS);
	bc_session_tally_init(&pieces, BC_EXERCISE_BRIDGE);
	for (size_t i = 0; i < N_EVENTS; i++)
		bc_session_tally_add(&pieces, &session[i]);
	assert_memory_equal(&whole, &pieces, sizeof(whole));
}

/* One-sided exercises: counted reps per side; a rejection counts on no side. */
static void test_reps_per_side(void **state)
{
	(void)state;
	static const bc_coach_event sided[] = {
		{ .type = BC_EVENT_REP, .t_s = 10.0, .side = BC_SIDE_LEFT },
		{ .type = BC_EVENT_REJECTED, .t_s = 20.0, .side = BC_SIDE_RIGHT },
		{ .type = BC_EVENT_REP, .t_s = 30.0, .side = BC_SIDE_RIGHT },
		{ .type = BC_EVENT_REP, .t_s = 40.0, .side = BC_SIDE_LEFT },
	};
	bc_session_tally t;
	bc_session_tally_init(&t, BC_EXERCISE_CROSSOVER);
	assert_true(t.per_side);
	bc_session_tally_add_events(&t, sided, 4);
	assert_int_equal(t.side_reps[BC_SIDE_LEFT], 2);
	assert_int_equal(t.side_reps[BC_SIDE_RIGHT], 1);
	assert_int_equal(t.side_reps[BC_SIDE_LEFT] + t.side_reps[BC_SIDE_RIGHT], t.reps);
	bc_session_tally_init(&t, BC_EXERCISE_BRIDGE);
	assert_false(t.per_side);
}

static void test_nothing_counted_has_no_range(void **state)
{
	(void)state;
	bc_session_tally t;
	bc_session_tally_init(&t, BC_EXERCISE_CAT_COW);
	bc_session_tally_add_events(&t, &session[4], 1);
	assert_int_equal(t.reps, 0);
	assert_int_equal(t.holds, 0);
	assert_true(isnan(t.peak_deg));
}

/* Posture: REP events are slouch alerts, counted as the replay's "reps", nothing more. */
static void test_posture_alerts_carry_no_hold_or_range(void **state)
{
	(void)state;
	bc_session_tally t;
	bc_session_tally_init(&t, BC_EXERCISE_POSTURE);
	bc_session_tally_add_events(&t, session, N_EVENTS);
	assert_true(t.monitor);
	assert_int_equal(t.reps, 2);
	assert_int_equal(t.holds, 0);
	assert_true(isnan(t.peak_deg));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_holds_and_range),
		cmocka_unit_test(test_reps_per_side),
		cmocka_unit_test(test_pieces_add_up_to_the_whole),
		cmocka_unit_test(test_nothing_counted_has_no_range),
		cmocka_unit_test(test_posture_alerts_carry_no_hold_or_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
