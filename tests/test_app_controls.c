/* SPDX-License-Identifier: MIT */
/*
 * Full control without a keyboard: the three GPIO buttons' short and long
 * presses, what they mean on each screen, and the controls they reach:
 * pause (the session clock and the coach's hold clock stop), ending a set
 * early (asks once, the summary always follows), home, mute.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app_state.h"
#include "app/button_gesture.h"
#include "app/input.h"
#include "coach/coach.h"
#include "support/test_support.h"

#define MS 1000000ull

static bc_coach_view view_at(double t_s)
{
	bc_coach_view v = { .exercise = BC_EXERCISE_BRIDGE,
			    .stage = BC_CALIB_DONE,
			    .started = true,
			    .target_reps = 10,
			    .hold_target_s = 2,
			    .t_s = t_s,
			    .zone_min_deg = 15,
			    .zone_max_deg = 40,
			    .phase_name = "" };
	return v;
}

/* The posture monitor's view: upright zone +-10 deg, upright. */
static bc_coach_view posture_at(double t_s)
{
	bc_coach_view v = view_at(t_s);
	v.exercise = BC_EXERCISE_POSTURE;
	v.zone_min_deg = -10;
	v.zone_max_deg = 10;
	return v;
}

/* A bridge session on the exercise screen with n counted reps. */
static void exercising(bc_app_state *s, int reps)
{
	bc_app_init(s, NULL);
	bc_app_begin_session(s, BC_EXERCISE_BRIDGE);
	bc_coach_view v = view_at(10);
	bc_app_apply_view(s, &v, NULL);
	for (int i = 1; i <= reps; i++) {
		bc_coach_event rep = {
			.type = BC_EVENT_REP, .t_s = 10 + i, .reps = i, .hold_s = 2.5f
		};
		bc_app_apply_event(s, &rep);
	}
	assert_int_equal(s->screen, BC_SCREEN_EXERCISE);
}

/* Presses button for press_ms at 10 ms polls; returns the gestures given. */
static int press(bc_button_gestures *g, uint64_t *t_ns, bc_button_id b, int press_ms,
		 bc_button_gesture *out)
{
	int n = 0;
	for (int ms = 0; ms < press_ms; ms += 10, *t_ns += 10 * MS)
		n += bc_button_gestures_update(g, 1u << b, *t_ns, out + n, 4 - n);
	for (int ms = 0; ms < 50; ms += 10, *t_ns += 10 * MS)
		n += bc_button_gestures_update(g, 0, *t_ns, out + n, 4 - n);
	return n;
}

/*
 * A press let go before BC_BUTTON_HOLD_S is short; held that long it is
 * long, given once while still held and nothing more at the release; a
 * button held when the app starts gives nothing until pressed again.
 */
static void test_short_and_long_presses(void **state)
{
	(void)state;
	bc_button_gestures g;
	bc_button_gesture out[4];
	uint64_t t = 0;
	bc_button_gestures_init(&g);
	/* held at start */
	assert_int_equal(bc_button_gestures_update(&g, 1u << BC_BUTTON_NEXT, t, out, 4), 0);
	for (int i = 0; i < 200; i++, t += 10 * MS)
		assert_int_equal(bc_button_gestures_update(&g, 1u << BC_BUTTON_NEXT, t, out, 4), 0);
	assert_int_equal(bc_button_gestures_update(&g, 0, t, out, 4), 0);

	assert_int_equal(press(&g, &t, BC_BUTTON_START, 200, out), 1);
	assert_int_equal(out[0].button, BC_BUTTON_START);
	assert_false(out[0].held);

	/* long: given at 0.8 s, while held */
	int n = 0;
	uint64_t t0 = t;
	for (; n == 0 && t - t0 < 2000 * MS; t += 10 * MS)
		n = bc_button_gestures_update(&g, 1u << BC_BUTTON_RECALIBRATE, t, out, 4);
	assert_int_equal(n, 1);
	assert_true(out[0].held);
	assert_int_equal(out[0].button, BC_BUTTON_RECALIBRATE);
	assert_true(t - t0 >= (uint64_t)(BC_BUTTON_HOLD_S * 1e9));
	assert_true(t - t0 <= (uint64_t)(BC_BUTTON_HOLD_S * 1e9) + 20 * MS);
	assert_int_equal(press(&g, &t, BC_BUTTON_RECALIBRATE, 1500, out), 0); /* held on, let go */
}

/* The app's side of a button press: the map, then the reducer. */
static void button(bc_app_state *s, bc_button_id b, bool held)
{
	bc_app_apply_action(s, bc_input_button_action(s, b, held));
}

/*
 * Every control from the three buttons alone: choose (NEXT, hold NEXT back),
 * start, pause and resume, end the set with its summary, home, mute,
 * recalibrate.
 */
static void test_every_action_from_the_buttons_alone(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	/* Home is today's plan: NEXT to its "Exercises" tile, START opens the list. */
	button(&s, BC_BUTTON_NEXT, false);
	assert_int_equal(s.home_tile, BC_HOME_TILE_EXERCISES);
	button(&s, BC_BUTTON_START, false);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISES);
	button(&s, BC_BUTTON_NEXT, false);
	button(&s, BC_BUTTON_NEXT, false);
	assert_int_equal(s.home_selection, 2);
	button(&s, BC_BUTTON_NEXT, true); /* held: back one */
	assert_int_equal(s.home_selection, 1);
	button(&s, BC_BUTTON_START, false);
	assert_int_equal(s.start_requested, 1);

	exercising(&s, 2);
	button(&s, BC_BUTTON_START, false);
	assert_true(s.paused);
	button(&s, BC_BUTTON_START, false);
	assert_false(s.paused);
	button(&s, BC_BUTTON_RECALIBRATE, false);
	assert_true(s.recalibrate_requested);
	button(&s, BC_BUTTON_RECALIBRATE, true);
	assert_true(s.muted);
	button(&s, BC_BUTTON_RECALIBRATE, true);
	assert_false(s.muted);

	exercising(&s, 2);
	button(&s, BC_BUTTON_NEXT, false); /* end the set: asks */
	assert_true(s.confirm_leave);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	button(&s, BC_BUTTON_NEXT, false); /* again: ends it */
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_true(s.end_requested);
	assert_int_equal(s.view.reps, 2);
	button(&s, BC_BUTTON_START, false); /* again */
	assert_int_equal(s.start_requested, BC_EXERCISE_BRIDGE);
	button(&s, BC_BUTTON_NEXT, false); /* home */
	assert_int_equal(s.screen, BC_SCREEN_HOME);

	exercising(&s, 1);
	button(&s, BC_BUTTON_NEXT, true); /* held: ends it at once */
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_true(s.end_requested);
}

/*
 * Leaving a set early (Esc, a tap on the top bar, NEXT) asks once; anything
 * else, or time, carries on; the second leave shows the summary of what
 * was done, the counts kept. With nothing done yet it goes straight home.
 */
static void test_leaving_asks_once_and_keeps_the_summary(void **state)
{
	(void)state;
	bc_app_state s;
	exercising(&s, 3);
	bc_app_tick(&s, 100);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_true(s.confirm_leave);
	bc_app_apply_action(&s, BC_ACTION_SELECT); /* carry on */
	assert_false(s.confirm_leave);
	assert_false(s.paused);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);

	bc_app_apply_action(&s, BC_ACTION_BACK);
	bc_app_tick(&s, 100 + BC_APP_CONFIRM_S + 0.1); /* unanswered: carry on */
	assert_false(s.confirm_leave);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);

	bc_app_apply_action(&s, BC_ACTION_BACK);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_true(s.session_over);
	assert_true(s.end_requested);
	assert_int_equal(s.exercise, BC_EXERCISE_BRIDGE);
	assert_int_equal(s.view.reps, 3);
	assert_int_equal(s.tally.events.reps, 3);
	/* the coach's closing events still arrive and count */
	bc_coach_event sum = { .type = BC_EVENT_SUMMARY, .t_s = 30, .reps = 3, .rejected = 1 };
	bc_app_apply_event(&s, &sum);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_int_equal(s.view.rejected, 1);

	/* paused, then leaving: the same question, and the pause ends with the set */
	exercising(&s, 1);
	bc_app_apply_action(&s, BC_ACTION_PAUSE);
	bc_app_apply_action(&s, BC_ACTION_END_SET);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_false(s.paused);

	/* nothing done: nothing to lose, home at once */
	exercising(&s, 0);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	assert_false(s.end_requested);
}

/*
 * Pause stops the session clock: the views keep coming (the body is still
 * tracked) but the time shown and slouching time do not grow.
 */
static void test_pause_stops_the_session_clock(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_POSTURE);
	bc_app_source_info src = { .status = BC_SOURCE_CONNECTED,
				   .has_first_t = true,
				   .first_t_s = 10 };
	double t = 10;
	for (; t <= 20.001; t += 0.02) {
		bc_coach_view v = posture_at(t);
		bc_app_apply_view(&s, &v, &src);
	}
	bc_app_apply_action(&s, BC_ACTION_PAUSE);
	assert_true(s.paused);
	for (; t <= 50.001; t += 0.02) {
		bc_coach_view v = posture_at(t);
		v.gauge_deg = 60; /* up and about: not slouching time */
		bc_app_apply_view(&s, &v, &src);
	}
	bc_app_apply_action(&s, BC_ACTION_PAUSE);
	assert_false(s.paused);
	for (; t <= 60.001; t += 0.02) {
		bc_coach_view v = posture_at(t);
		bc_app_apply_view(&s, &v, &src);
	}
	assert_float_near(bc_app_session_s(&s), 20.0, 0.1);
	assert_float_near(s.tally.slouched_s, 0.0, 1e-6);
}

/* Body states for a pelvic tilt: calibrated, at sagittal_deg, at time t_s. */
static bc_body_state body(double t_s, float sagittal_deg)
{
	bc_body_state b = { .t_s = t_s,
			    .still = true,
			    .stage = BC_CALIB_DONE,
			    .calib_wait = BC_WAIT_NONE,
			    .angles_valid = true,
			    .angles = { .sagittal_deg = sagittal_deg },
			    .trunk_incline_deg = 90.0f,
			    .heading_known = true };
	return b;
}

/* Feeds [t0, t1) at 50 Hz at sagittal_deg; returns REPs seen, every event counted in *events. */
static int run(bc_coach *c, double t0, double t1, float sagittal_deg, int *events, float *hold_s)
{
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	int reps = 0;
	for (long k = 0; t0 + k * 0.02 < t1; k++) {
		bc_body_state b = body(t0 + k * 0.02, sagittal_deg);
		size_t n = bc_coach_update_body(c, &b, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		*events += (int)n;
		for (size_t i = 0; i < n; i++)
			if (ev[i].type == BC_EVENT_REP) {
				reps++;
				*hold_s = ev[i].hold_s;
			}
	}
	return reps;
}

/*
 * The coach counts no time while paused: a pelvic tilt held 4 s, then 30 s
 * paused still tilted, then resumed, gives no rep and no event; the hold
 * starts again from nothing once the start position is held after resuming.
 */
static void test_pause_stops_the_hold_clock(void **state)
{
	(void)state;
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_PELVIC_TILT);
	int events = 0;
	float hold_s = 0;
	run(&c, 0, 4, 0.0f, &events, &hold_s); /* the start gate */
	assert_true(bc_coach_get_view(&c)->started);
	run(&c, 4, 8, 10.0f, &events, &hold_s); /* into the hold */
	assert_true(bc_coach_get_view(&c)->holding);

	bc_coach_pause(&c, true);
	events = 0;
	assert_int_equal(run(&c, 8, 38, 10.0f, &events, &hold_s), 0);
	assert_int_equal(events, 0);
	assert_false(bc_coach_get_view(&c)->holding);
	assert_float_near(bc_coach_get_view(&c)->t_s, 37.98, 0.01); /* still tracked */

	bc_coach_pause(&c, false);
	assert_int_equal(run(&c, 38, 45, 10.0f, &events, &hold_s), 0); /* not from the start */
	run(&c, 45, 48, 0.0f, &events, &hold_s);		       /* back to the start */
	assert_true(bc_coach_get_view(&c)->started);
	assert_int_equal(run(&c, 48, 60, 10.0f, &events, &hold_s) +
				 run(&c, 60, 64, 0.0f, &events, &hold_s),
			 1);
	assert_true(hold_s >= 10.0f && hold_s < 13.0f); /* none of the pause in it */
}

/* The footer's button map says what START and NEXT do on each screen. */
static void test_button_hint_follows_the_screen(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	assert_non_null(strstr(bc_input_button_hint(&s), "START: start"));
	exercising(&s, 1);
	assert_non_null(strstr(bc_input_button_hint(&s), "START: pause"));
	bc_app_apply_action(&s, BC_ACTION_PAUSE);
	assert_non_null(strstr(bc_input_button_hint(&s), "START: resume"));
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_non_null(strstr(bc_input_button_hint(&s), "NEXT again"));
}

/* --press: names and times, in order; anything else is an error that says the form. */
static void test_scripted_presses(void **state)
{
	(void)state;
	bc_app_press p[BC_APP_PRESSES_MAX];
	char err[256];
	assert_int_equal(bc_input_parse_presses("pause@5.2,back@6,end-set@6.5", p,
						BC_APP_PRESSES_MAX, err, sizeof(err)),
			 3);
	assert_int_equal(p[0].action, BC_ACTION_PAUSE);
	assert_float_near(p[0].at_s, 5.2, 1e-9);
	assert_int_equal(p[2].action, BC_ACTION_END_SET);
	const char *bad[] = { "pause", "pause@", "jump@1", "back@2,pause@1", "mute@1x", "@1" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(
			bc_input_parse_presses(bad[i], p, BC_APP_PRESSES_MAX, err, sizeof(err)),
			-1);
		assert_non_null(strstr(err, "NAME@SECONDS"));
	}
	assert_int_equal(bc_input_parse_presses("next@1,next@2,next@3", p, 2, err, sizeof(err)),
			 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_and_long_presses),
		cmocka_unit_test(test_every_action_from_the_buttons_alone),
		cmocka_unit_test(test_leaving_asks_once_and_keeps_the_summary),
		cmocka_unit_test(test_pause_stops_the_session_clock),
		cmocka_unit_test(test_pause_stops_the_hold_clock),
		cmocka_unit_test(test_button_hint_follows_the_screen),
		cmocka_unit_test(test_scripted_presses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
