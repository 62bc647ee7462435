/* SPDX-License-Identifier: MIT */
/*
 * The app's reducer alone (no SDL): which screen the coach's events lead to,
 * what the counter, feedback line and summary tally say, and what the input
 * actions ask the main loop to do.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app_state.h"
#include "support/test_support.h"

static bc_coach_view view_at(double t_s, bc_calib_stage stage, bool started)
{
	bc_coach_view v = { .exercise = BC_EXERCISE_BRIDGE,
			    .stage = stage,
			    .started = started,
			    .target_reps = 10,
			    .hold_target_s = 2,
			    .t_s = t_s,
			    .zone_min_deg = 15,
			    .zone_max_deg = 40,
			    .phase_name = "" };
	return v;
}

static bc_coach_event event(bc_event_type type, double t_s)
{
	bc_coach_event e = { .type = type, .t_s = t_s };
	return e;
}

/* Home to the exercise list as a button press would: NEXT to its tile, SELECT. */
static void to_exercises(bc_app_state *s)
{
	while (s->home_tile != BC_HOME_TILE_EXERCISES)
		bc_app_apply_action(s, BC_ACTION_NEXT);
	bc_app_apply_action(s, BC_ACTION_SELECT);
	assert_int_equal(s->screen, BC_SCREEN_EXERCISES);
}

static void test_starts_on_home_and_picks(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	assert_int_equal(s.target_reps, bc_coach_settings_default.target_reps);
	to_exercises(&s);
	bc_app_apply_action(&s, BC_ACTION_PREV);
	assert_int_equal(s.home_selection, BC_EXERCISE_COUNT); /* wraps to "Today" */
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.home_selection, 1);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.start_requested, 1);
	assert_false(s.plan_session);
	bc_app_init(&s, NULL);
	bc_app_pick(&s, BC_EXERCISE_POSTURE); /* a tap on home's list does nothing on home */
	assert_int_equal(s.start_requested, BC_EXERCISE_NONE);
	to_exercises(&s);
	bc_app_pick(&s, BC_EXERCISE_POSTURE);
	assert_int_equal(s.start_requested, BC_EXERCISE_POSTURE);
	bc_app_apply_action(&s, BC_ACTION_BACK); /* the list: back home */
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	bc_app_apply_action(&s, BC_ACTION_BACK); /* home: quit */
	assert_true(s.quit_requested);
}

/*
 * With only the GPIO buttons (SELECT and NEXT: no BACK, no touch), every
 * exercise can be reached and started, and after a session NEXT on the
 * summary leads back to the list, on to the next tile; the list's last tile
 * leads home: the whole programme, buttons only.
 */
static void test_gpio_buttons_alone_reach_every_exercise(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	to_exercises(&s);
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		assert_int_equal(s.screen, BC_SCREEN_EXERCISES);
		assert_int_equal(s.home_selection, ex);
		bc_app_apply_action(&s, BC_ACTION_SELECT); /* START */
		assert_int_equal(s.start_requested, ex);
		bc_app_begin_session(&s, (bc_exercise_id)ex); /* what the loop does */
		bc_coach_event done = event(BC_EVENT_SUMMARY, 60);
		bc_app_apply_event(&s, &done);
		assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
		bc_app_apply_action(&s, BC_ACTION_NEXT); /* NEXT: the list... */
		assert_int_equal(s.screen, BC_SCREEN_EXERCISES);
		assert_int_equal(s.exercise, BC_EXERCISE_NONE);
		bc_app_apply_action(&s, BC_ACTION_NEXT); /* ...and on to the next tile */
	}
	assert_int_equal(s.home_selection, BC_EXERCISE_COUNT); /* "Today" */
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	/* a set summary too: NEXT ends the session and goes back */
	to_exercises(&s);
	bc_app_begin_session(&s, BC_EXERCISE_LAT_STRETCH);
	bc_coach_view v = view_at(10, BC_CALIB_DONE, true);
	bc_app_apply_view(&s, &v, NULL);
	bc_coach_event set = event(BC_EVENT_SET_DONE, 11);
	bc_app_apply_event(&s, &set);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISES);
	assert_int_equal(s.home_selection, BC_EXERCISE_LAT_STRETCH);
	/* NEXT during an exercise with a rep done asks before it ends the set */
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	bc_app_apply_view(&s, &v, NULL);
	bc_coach_event rep = event(BC_EVENT_REP, 12);
	rep.reps = 1;
	bc_app_apply_event(&s, &rep);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	assert_true(s.confirm_leave);
}

/* Calibration guide until the coach says the start is reached, then the exercise. */
static void test_screens_follow_the_coach(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	assert_int_equal(s.screen, BC_SCREEN_CALIBRATION);
	bc_coach_view v = view_at(1, BC_CALIB_STAND, false);
	bc_app_apply_view(&s, &v, NULL);
	assert_int_equal(s.screen, BC_SCREEN_CALIBRATION);
	bc_coach_event e = event(BC_EVENT_CALIBRATION, 4);
	e.stage = BC_CALIB_GO_TO_START;
	assert_int_equal(bc_app_apply_event(&s, &e), BC_TONE_STEP_DONE);
	v = view_at(8, BC_CALIB_DONE, false); /* calibrated, start not yet held */
	bc_app_apply_view(&s, &v, NULL);
	assert_int_equal(s.screen, BC_SCREEN_CALIBRATION);
	e = event(BC_EVENT_START_REACHED, 9);
	bc_app_apply_event(&s, &e);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);

	/* Recalibration (the coach's CALIBRATION back to STAND) returns to the guide. */
	e = event(BC_EVENT_CALIBRATION, 20);
	e.stage = BC_CALIB_STAND;
	bc_app_apply_event(&s, &e);
	assert_int_equal(s.screen, BC_SCREEN_CALIBRATION);

	bc_app_begin_session(&s, BC_EXERCISE_POSTURE);
	v = view_at(30, BC_CALIB_DONE, true);
	bc_app_apply_view(&s, &v, NULL);
	assert_int_equal(s.screen, BC_SCREEN_POSTURE);
}

static void test_outcomes_counter_and_feedback(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	bc_coach_view v = view_at(10, BC_CALIB_DONE, true);
	snprintf(v.feedback, sizeof(v.feedback), "Lift your hips");
	bc_app_apply_view(&s, &v, NULL);

	bc_coach_event rep = event(BC_EVENT_REP, 12);
	rep.reps = 1;
	rep.hold_s = 3.5f;
	rep.peak_deg = 24;
	assert_int_equal(bc_app_apply_event(&s, &rep), BC_TONE_REP);
	assert_int_equal(s.view.reps, 1);

	bc_coach_event rej = event(BC_EVENT_REJECTED, 20);
	rej.reason = BC_REJECT_HOLD_TOO_SHORT;
	rej.hold_s = 0.8f;
	rej.hold_target_s = 2;
	rej.rejected = 1;
	rej.reps = 1;
	assert_int_equal(bc_app_apply_event(&s, &rej), BC_TONE_REJECTED);
	assert_int_equal(s.view.rejected, 1);

	/* While fresh, the feedback line says the coach's why it did not count, in red. */
	v = view_at(21, BC_CALIB_DONE, true);
	v.reps = 1;
	v.rejected = 1;
	snprintf(v.not_counted, sizeof(v.not_counted), "hold too short (0.8 of 2 s)");
	snprintf(v.feedback, sizeof(v.feedback), "Not counted: hold too short (0.8 of 2 s)");
	v.feedback_of = BC_EVENT_REJECTED;
	bc_app_apply_view(&s, &v, NULL);
	char buf[BC_APP_TEXT_MAX];
	bc_feedback_kind kind;
	bc_app_feedback(&s, buf, sizeof(buf), &kind);
	assert_int_equal(kind, BC_FEEDBACK_BAD);
	assert_non_null(strstr(buf, "hold too short"));
	assert_non_null(strstr(buf, "0.8 of 2 s"));
	/* Later the coach's cue again; the reason stays in the counter panel. */
	v.t_s = 40;
	snprintf(v.feedback, sizeof(v.feedback), "Lift your hips");
	v.feedback_of = BC_EVENT_CUE;
	bc_app_apply_view(&s, &v, NULL);
	bc_app_feedback(&s, buf, sizeof(buf), &kind);
	assert_int_equal(kind, BC_FEEDBACK_NEUTRAL);
	assert_string_equal(buf, "Lift your hips");
	assert_non_null(strstr(bc_app_last_rejection(&s, buf, sizeof(buf)), "hold too short"));

	/* The summary's figures. */
	assert_int_equal(s.tally.events.rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT], 1);
	assert_int_equal(s.tally.events.holds, 1);
	assert_float_near(s.tally.events.best_hold_s, 3.5, 1e-6);
	assert_float_near(s.tally.events.peak_deg, 24, 1e-6);
}

static void test_set_and_session_summary(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	bc_app_tick(&s, 100);
	bc_coach_view v = view_at(10, BC_CALIB_DONE, true);
	bc_app_apply_view(&s, &v, NULL);
	bc_coach_event done = event(BC_EVENT_SET_DONE, 11);
	done.reps = 10;
	bc_app_apply_event(&s, &done);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_false(s.session_over);
	/* The set summary goes away by itself (the coach counts on)... */
	bc_app_tick(&s, 100 + BC_APP_SET_SUMMARY_S + 0.1);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	/* ...or at a press. */
	bc_app_apply_event(&s, &done);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);

	bc_coach_event sum = event(BC_EVENT_SUMMARY, 200);
	sum.reps = 11;
	sum.rejected = 2;
	bc_app_apply_event(&s, &sum);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_true(s.session_over);
	assert_int_equal(s.view.reps, 11);
	assert_int_equal(s.view.rejected, 2);
	/* Again: the same exercise is asked for. Back: where it was chosen (home here). */
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.start_requested, BC_EXERCISE_BRIDGE);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
}

static void test_posture_slouch_time_and_alerts(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_POSTURE);
	/* 100 Hz for 3 s: 1 s upright, 2 s slouched 14 deg past a +-10 deg zone. */
	for (int i = 0; i <= 300; i++) {
		bc_coach_view v = { .exercise = BC_EXERCISE_POSTURE,
				    .stage = BC_CALIB_DONE,
				    .started = true,
				    .t_s = 50 + i * 0.01,
				    .gauge_deg = i > 100 ? 14.0f : 2.0f,
				    .zone_min_deg = -10,
				    .zone_max_deg = 10,
				    .phase_name = "" };
		bc_app_apply_view(&s, &v, NULL);
	}
	assert_float_near(s.tally.slouched_s, 2.0, 0.02);
	/* A dropout (a step over 0.5 s) is not slouching time. */
	bc_coach_view gap = s.view;
	gap.t_s += 5;
	bc_app_apply_view(&s, &gap, NULL);
	assert_float_near(s.tally.slouched_s, 2.0, 0.02);
	bc_coach_event alert = event(BC_EVENT_REP, 60);
	alert.reps = 1;
	assert_int_equal(bc_app_apply_event(&s, &alert), BC_TONE_SLOUCH_ALERT);
}

static void test_requests_for_the_loop(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_CAT_COW);
	bc_app_apply_action(&s, BC_ACTION_RECALIBRATE);
	assert_true(s.recalibrate_requested);
	bc_app_apply_action(&s, BC_ACTION_MUTE);
	assert_true(s.muted);
	bc_app_apply_action(&s, BC_ACTION_QUIT);
	assert_true(s.quit_requested);
	/* Events arriving after going home change nothing. */
	bc_app_init(&s, NULL);
	bc_coach_event rep = event(BC_EVENT_REP, 1);
	assert_int_equal(bc_app_apply_event(&s, &rep), BC_TONE_NONE);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_on_home_and_picks),
		cmocka_unit_test(test_gpio_buttons_alone_reach_every_exercise),
		cmocka_unit_test(test_screens_follow_the_coach),
		cmocka_unit_test(test_outcomes_counter_and_feedback),
		cmocka_unit_test(test_set_and_session_summary),
		cmocka_unit_test(test_posture_slouch_time_and_alerts),
		cmocka_unit_test(test_requests_for_the_loop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
