/* SPDX-License-Identifier: MIT */
/*
 * The daily plan in the app's reducer (no SDL): SELECT on home starts the
 * plan's next item with its own reps and hold; each set ends in a rest that
 * runs out by itself or is skipped; the last set of an item rests, then the
 * next item starts by itself; the plan's last set shows the summary, then
 * home with everything ticked. Also: progress pages and the profile chooser
 * with the buttons alone, and home's figures from the day table.
 */
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app_plan.h"
#include "app/app_state.h"
#include "app/session_history.h"
#include "history/local_day.h"
#include "support/test_support.h"

/* Pelvic tilt 2 x 3 holding 12 s, rest 20 s; then bridge 1 x 2. */
static void init_plan(bc_app_state *s)
{
	bc_coach_settings cs;
	bc_coach_settings_init(&cs);
	memset(&cs.plan.items, 0, sizeof(cs.plan.items));
	for (int i = 0; i < BC_PLAN_MAX_ITEMS; i++)
		cs.plan.items[i].exercise = BC_EXERCISE_NONE;
	cs.plan.items[0] = (bc_plan_item){ BC_EXERCISE_PELVIC_TILT, 2, 3, 12, 20 };
	cs.plan.items[1] = (bc_plan_item){ BC_EXERCISE_BRIDGE, 1, 2, 0, 20 };
	bc_app_init(s, &cs);
}

/* What the main loop does with a start request: a session begins, calibrated. */
static void loop_starts(bc_app_state *s, bc_exercise_id expect, double t_s)
{
	assert_int_equal(s->start_requested, expect);
	bc_exercise_id ex = s->start_requested;
	s->start_requested = BC_EXERCISE_NONE;
	bc_app_begin_session(s, ex);
	bc_coach_view v = { .exercise = ex,
			    .stage = BC_CALIB_DONE,
			    .started = true,
			    .target_reps = s->session_target_reps > 0 ? s->session_target_reps
								      : s->target_reps,
			    .t_s = t_s,
			    .phase_name = "" };
	bc_app_apply_view(s, &v, NULL);
	assert_int_equal(s->screen, BC_SCREEN_EXERCISE);
}

/* The coach counts rep n (its count this session), then the view follows. */
static void rep(bc_app_state *s, int n, double t_s)
{
	bc_coach_event e = { .type = BC_EVENT_REP, .t_s = t_s, .reps = n, .hold_s = 12 };
	bc_app_apply_event(s, &e);
	bc_coach_view v = s->view;
	v.reps = n; /* the coach's own count */
	v.t_s = t_s;
	bc_app_apply_view(s, &v, NULL);
}

static void test_plan_runs_by_itself_set_after_set(void **state)
{
	(void)state;
	bc_app_state s;
	init_plan(&s);
	assert_int_equal(s.plan.n, 2);
	assert_int_equal(s.plan.next, 0);
	assert_int_equal(s.home_tile, BC_HOME_TILE_START);

	/* One button: SELECT on the first tile starts the next item, its reps and hold. */
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_true(s.plan_session);
	assert_int_equal(s.session_target_reps, 3);
	assert_float_near(s.session_hold_s, 12, 1e-6);
	loop_starts(&s, BC_EXERCISE_PELVIC_TILT, 10);
	assert_int_equal(s.view.target_reps, 3);

	bc_app_tick(&s, 100);
	rep(&s, 1, 20);
	rep(&s, 2, 40);
	assert_int_equal(s.view.reps, 2);
	rep(&s, 3, 60);
	/* The coach's SET_DONE after the third: the plan's rest, not the summary. */
	bc_coach_event done = { .type = BC_EVENT_SET_DONE, .t_s = 60, .reps = 3 };
	bc_app_apply_event(&s, &done);
	assert_int_equal(s.screen, BC_SCREEN_REST);
	assert_true(bc_app_coach_held(&s)); /* a rep while resting is not set 2's */
	assert_int_equal(s.today.days.reps[0][BC_EXERCISE_PELVIC_TILT], 3);
	assert_int_equal(s.plan.entry[0].sets_done, 1); /* home already knows */

	/* The rest runs out by itself: set 2, counted from the session's 3rd rep. */
	bc_app_tick(&s, 119);
	assert_int_equal(s.screen, BC_SCREEN_REST);
	bc_app_tick(&s, 120.5);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	assert_false(bc_app_coach_held(&s));
	assert_int_equal(s.view.reps, 0);
	rep(&s, 4, 80);
	assert_int_equal(s.view.reps, 1);
	rep(&s, 5, 100);
	rep(&s, 6, 120);
	/* The item's last set: a rest, then the next item starts by itself. */
	assert_int_equal(s.screen, BC_SCREEN_REST);
	assert_int_equal(s.plan_run.phase, BC_PLAN_RUN_NEXT_ITEM);
	assert_true(bc_app_coach_held(&s));
	bc_app_apply_action(&s, BC_ACTION_SELECT); /* skipped */
	assert_false(bc_app_coach_held(&s)); /* the next item's session counts from its start */
	assert_int_equal(s.session_target_reps, 2);
	loop_starts(&s, BC_EXERCISE_BRIDGE, 5);
	assert_int_equal(s.view.reps, 0);
	rep(&s, 1, 10);
	rep(&s, 2, 20);
	/* The plan's last set: its summary (the whole session), then home, all ticked. */
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_int_equal(s.view.reps, 2);
	bc_app_tick(&s, 200);
	bc_app_tick(&s, 200 + BC_APP_SET_SUMMARY_S + 0.1);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	assert_int_equal(s.exercise, BC_EXERCISE_NONE); /* the loop ends the session */
	assert_int_equal(s.plan.next, -1);
	assert_int_equal(s.plan.sets_done, 3);
	assert_false(s.plan_session);
}

/* A rep on one side: the coach's event, then its view with the session's counts by side. */
static void side_rep(bc_app_state *s, int n, bc_side side, const int session_sides[BC_SIDE_COUNT],
		     double t_s)
{
	bc_coach_event e = { .type = BC_EVENT_REP, .t_s = t_s, .reps = n, .side = side };
	bc_app_apply_event(s, &e);
	bc_coach_view v = s->view;
	v.reps = n;
	v.t_s = t_s;
	memcpy(v.side_reps, session_sides, sizeof(v.side_reps));
	bc_app_apply_view(s, &v, NULL);
}

/* A one-sided item's second set shows its own reps by side, not the session's. */
static void test_sides_count_per_set(void **state)
{
	(void)state;
	bc_app_state s;
	bc_coach_settings cs;
	bc_coach_settings_init(&cs);
	for (int i = 0; i < BC_PLAN_MAX_ITEMS; i++)
		cs.plan.items[i] = (bc_plan_item){ .exercise = BC_EXERCISE_NONE };
	cs.plan.items[0] = (bc_plan_item){ BC_EXERCISE_CROSSOVER, 2, 2, 0, 20 };
	bc_app_init(&s, &cs);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	loop_starts(&s, BC_EXERCISE_CROSSOVER, 10);
	bc_app_tick(&s, 100);
	side_rep(&s, 1, BC_SIDE_LEFT, (int[BC_SIDE_COUNT]){ 0, 1, 0 }, 20);
	assert_int_equal(s.view.side_reps[BC_SIDE_LEFT], 1);
	side_rep(&s, 2, BC_SIDE_RIGHT, (int[BC_SIDE_COUNT]){ 0, 1, 1 }, 30);
	assert_int_equal(s.screen, BC_SCREEN_REST);
	bc_app_apply_action(&s, BC_ACTION_SELECT); /* rest skipped: set 2 */
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	bc_coach_view v = s.view;
	memcpy(v.side_reps, (int[BC_SIDE_COUNT]){ 0, 1, 1 }, sizeof(v.side_reps));
	bc_app_apply_view(&s, &v, NULL);
	assert_int_equal(s.view.side_reps[BC_SIDE_LEFT], 0);
	assert_int_equal(s.view.side_reps[BC_SIDE_RIGHT], 0);
	side_rep(&s, 3, BC_SIDE_LEFT, (int[BC_SIDE_COUNT]){ 0, 2, 1 }, 40);
	assert_int_equal(s.view.reps, 1);
	assert_int_equal(s.view.side_reps[BC_SIDE_LEFT], 1);
	assert_int_equal(s.view.side_reps[BC_SIDE_RIGHT], 0);
	/* the plan's last set: the summary counts the whole session, by side too */
	side_rep(&s, 4, BC_SIDE_RIGHT, (int[BC_SIDE_COUNT]){ 0, 2, 2 }, 50);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_int_equal(s.view.side_reps[BC_SIDE_LEFT], 2);
	assert_int_equal(s.view.side_reps[BC_SIDE_RIGHT], 2);
}

/* BACK during the rest ends the session: home, the plan where it was. */
static void test_back_from_the_rest_goes_home(void **state)
{
	(void)state;
	bc_app_state s;
	init_plan(&s);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	loop_starts(&s, BC_EXERCISE_PELVIC_TILT, 10);
	rep(&s, 1, 11);
	rep(&s, 2, 12);
	rep(&s, 3, 13);
	assert_int_equal(s.screen, BC_SCREEN_REST);
	bc_app_apply_action(&s, BC_ACTION_NEXT); /* nothing */
	assert_int_equal(s.screen, BC_SCREEN_REST);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	assert_int_equal(s.plan.next, 0);
	assert_int_equal(s.plan.entry[0].sets_done, 1);
	/* SELECT again goes on with set 2 of the same item. */
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.plan_run.set, 1);
	assert_int_equal(s.start_requested, BC_EXERCISE_PELVIC_TILT);
}

/* A free session (from the list) is not the plan's: the coach's SET_DONE shows the summary. */
static void test_free_session_keeps_the_set_summary(void **state)
{
	(void)state;
	bc_app_state s;
	init_plan(&s);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISES);
	bc_app_apply_action(&s, BC_ACTION_NEXT); /* bridge */
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_false(s.plan_session);
	assert_int_equal(s.session_target_reps, 0);
	loop_starts(&s, BC_EXERCISE_BRIDGE, 1);
	assert_int_equal(s.view.target_reps, s.target_reps);
	rep(&s, 1, 2);
	bc_coach_event done = { .type = BC_EVENT_SET_DONE, .t_s = 3, .reps = 1 };
	bc_app_apply_event(&s, &done);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	/* ...and the bridge's rep still counts for the plan on home. */
	assert_int_equal(s.today.days.reps[0][BC_EXERCISE_BRIDGE], 1);
}

/* Progress: NEXT turns pages (calendar, then the plan's exercises), SELECT goes home. */
static void test_progress_pages_with_buttons(void **state)
{
	(void)state;
	bc_app_state s;
	init_plan(&s);
	s.today.days.reps[3][BC_EXERCISE_CAT_COW] = 10; /* done lately, not in the plan */
	s.today.days.reps[3][BC_EXERCISE_POSTURE] = 4;	/* a monitor: no page */
	assert_int_equal(bc_app_progress_pages(&s), 4);
	assert_int_equal(bc_app_progress_exercise(&s, 0), BC_EXERCISE_NONE);
	assert_int_equal(bc_app_progress_exercise(&s, 1), BC_EXERCISE_PELVIC_TILT);
	assert_int_equal(bc_app_progress_exercise(&s, 2), BC_EXERCISE_BRIDGE);
	assert_int_equal(bc_app_progress_exercise(&s, 3), BC_EXERCISE_CAT_COW);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.home_tile, BC_HOME_TILE_PROGRESS);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_PROGRESS);
	assert_int_equal(s.progress_page, 0);
	for (int i = 0; i < 4; i++)
		bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.progress_page, 0); /* wraps */
	bc_app_apply_action(&s, BC_ACTION_PREV);
	assert_int_equal(s.progress_page, 3);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
}

/*
 * The chooser: NEXT steps through the wearers and "+ New wearer", SELECT asks
 * the loop to switch (or to make a new wearer) and goes home.
 */
static void test_profile_chooser_with_buttons(void **state)
{
	(void)state;
	bc_app_state s;
	init_plan(&s);
	s.profiles.n = 3;
	strcpy(s.profiles.name[0], "Me");
	strcpy(s.profiles.name[1], "Anna");
	strcpy(s.profiles.name[2], "Ben");
	s.profiles.current = 0;
	for (int i = 0; i < 3; i++)
		bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.home_tile, BC_HOME_TILE_PROFILE);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_PROFILES);
	assert_int_equal(s.profiles.selection, 0);
	bc_app_apply_action(&s, BC_ACTION_SELECT); /* the same wearer: nothing to switch */
	assert_int_equal(s.profiles.requested, -1);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_PROFILES);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.profiles.selection, bc_app_new_wearer_tile(&s.profiles));
	bc_app_apply_action(&s, BC_ACTION_NEXT); /* wraps to Me, then Anna */
	bc_app_apply_action(&s, BC_ACTION_NEXT);
	assert_int_equal(s.profiles.selection, 1);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.profiles.requested, 1);
	assert_false(s.profiles.create_requested);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	bc_app_profile_pick(&s, 7); /* no such tile */
	assert_int_equal(s.profiles.requested, 1);

	/* "+ New wearer": the loop makes one (run_profile.c) and switches to them. */
	s.profiles.requested = -1;
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.screen, BC_SCREEN_PROFILES);
	bc_app_apply_action(&s, BC_ACTION_PREV);
	assert_int_equal(s.profiles.selection, 3);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_true(s.profiles.create_requested);
	assert_int_equal(s.profiles.requested, -1);
	assert_int_equal(s.screen, BC_SCREEN_HOME);

	/* None fits beside eight wearers, and none without profiles (history off). */
	s.profiles.n = BC_APP_PROFILES_MAX;
	assert_int_equal(bc_app_new_wearer_tile(&s.profiles), -1);
	s.profiles.n = 0;
	assert_int_equal(bc_app_new_wearer_tile(&s.profiles), -1);
}

/* A session of exercise with reps counted and a best hold, started days_back days ago. */
static void store(bc_history *h, time_t now, int days_back, bc_exercise_id ex, int reps)
{
	bc_history_session r;
	/* An hour past that day's midnight, whatever its length (summer time). */
	bc_history_session_begin(&r, ex, bc_local_day_start((int64_t)now, -days_back) + 3600, 0);
	r.reps = reps;
	r.max_hold_s = 3.5f;
	r.mean_hold_s = 3.0f;
	r.peak_deg_max = 21.0f;
	assert_true(bc_history_add_session(h, &r) > 0);
}

/*
 * Home's streak and plan come from the history (issue 10: home showed no
 * streak): three days in a row with reps make "Streak: 3 days"; today's
 * bridge reps tick off its sets; the progress screen gets each day's best
 * hold. Without a history, home says so instead of a streak.
 */
static void test_home_shows_the_streak_and_the_plan_from_the_history(void **state)
{
	(void)state;
	char path[600];
	bc_test_tmp_path("plan-history.sqlite3", path, sizeof(path));
	unlink(path);
	bc_app_history ah;
	char err[BC_HISTORY_ERROR_MAX], text[64];
	assert_int_equal(bc_app_history_open(&ah, path, err, sizeof(err)), 0);
	time_t now = time(NULL);
	store(ah.hist, now, 2, BC_EXERCISE_PELVIC_TILT, 10);
	store(ah.hist, now, 1, BC_EXERCISE_BRIDGE, 6);
	store(ah.hist, now, 0, BC_EXERCISE_PELVIC_TILT, 3);
	store(ah.hist, now, 0, BC_EXERCISE_PELVIC_TILT, 4);

	bc_app_state s;
	init_plan(&s);
	bool good;
	assert_string_equal(bc_app_streak_text(&s, text, sizeof(text), &good), "No history");
	s.source.demo = true;
	assert_string_equal(bc_app_streak_text(&s, text, sizeof(text), &good), "Demo: no history");
	assert_false(good);

	bc_app_history_refresh(&ah, &s, now);
	assert_true(s.today.known);
	assert_int_equal(s.today.streak_days, 3);
	assert_string_equal(bc_app_streak_text(&s, text, sizeof(text), &good), "Streak: 3 days");
	assert_true(good);
	assert_int_equal(s.today.days.reps[0][BC_EXERCISE_PELVIC_TILT], 7);
	assert_int_equal(s.today.days.reps[1][BC_EXERCISE_BRIDGE], 6);
	assert_int_equal(s.today.days.reps[2][BC_EXERCISE_PELVIC_TILT], 10);
	assert_int_equal(s.plan.entry[0].sets_done, 2); /* 7 reps: two sets of 3 */
	assert_int_equal(s.plan.next, 1);
	assert_float_near(s.today.best_hold_s[1][BC_EXERCISE_BRIDGE], 3.5, 1e-4);
	assert_true(isnan(s.today.best_hold_s[1][BC_EXERCISE_CAT_COW]));

	/* A plan's set ends without the coach's SET_DONE: the loop saves it. */
	bc_app_history_expect(&ah, BC_EXERCISE_BRIDGE, 2, 0, NULL);
	bc_coach_event reps[2] = { { .type = BC_EVENT_REP, .t_s = 5, .reps = 1 },
				   { .type = BC_EVENT_REP, .t_s = 9, .reps = 2 } };
	assert_int_equal(bc_app_history_add(&ah, reps, 2, 0), 0);
	assert_int_equal(bc_app_history_save(&ah), 1);
	bc_app_history_refresh(&ah, &s, now);
	assert_int_equal(s.today.days.reps[0][BC_EXERCISE_BRIDGE], 2);
	assert_int_equal(s.plan.entry[1].sets_done, 1);
	bc_app_history_close(&ah);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_runs_by_itself_set_after_set),
		cmocka_unit_test(test_sides_count_per_set),
		cmocka_unit_test(test_back_from_the_rest_goes_home),
		cmocka_unit_test(test_free_session_keeps_the_set_summary),
		cmocka_unit_test(test_progress_pages_with_buttons),
		cmocka_unit_test(test_profile_chooser_with_buttons),
		cmocka_unit_test(test_home_shows_the_streak_and_the_plan_from_the_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
