/* SPDX-License-Identifier: MIT */
/*
 * The daily plan on synthetic day histories: what is done today, which item
 * is next, the gentle progression (a week of complete days earns +2 s, a
 * missed day pauses it, the cap holds), and one item done set by set with
 * its rests, moving on by itself. Also the plan's keys in the settings file.
 */
#include <string.h>

#include "coach/coach.h"
#include "coach/daily_plan.h"
#include "coach/settings.h"
#include "support/test_support.h"

/* Bridge 3 x 10 holding 5 s, rest 30 s; then cat-cow 1 x 8. */
static bc_plan_settings two_item_plan(void)
{
	bc_plan_settings p = { 0 };
	p.items[0] = (bc_plan_item){ BC_EXERCISE_BRIDGE, 3, 10, 5, 30 };
	p.items[2] = (bc_plan_item){ BC_EXERCISE_CAT_COW, 1, 8, 0, 20 }; /* a gap is skipped */
	p.progress_hold_s = 2;
	p.progress_days = 7;
	p.progress_max_hold_s = 9;
	return p;
}

static const float holds[BC_EXERCISE_COUNT] = {
	[BC_EXERCISE_BRIDGE] = 2, [BC_EXERCISE_PELVIC_TILT] = 10
};

/* The bridge's 30 reps on each of days first..last (days back from today). */
static void complete_days(bc_plan_days *d, int first, int last)
{
	for (int day = first; day <= last; day++)
		d->reps[day][BC_EXERCISE_BRIDGE] = 30;
}

/* Today: complete sets from today's reps (a partial set is not one), the next item. */
static void test_today_counts_whole_sets_and_finds_the_next_item(void **state)
{
	(void)state;
	bc_plan_settings p = two_item_plan();
	static bc_plan_days d;
	memset(&d, 0, sizeof(d));
	bc_plan_today t;
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.next, 0);
	assert_int_equal(t.sets_total, 4);
	assert_int_equal(t.entry[1].slot, 2);
	assert_int_equal(t.entry[1].item.reps, 8);
	assert_float_near(t.entry[0].item.hold_s, 5, 1e-6);

	d.reps[0][BC_EXERCISE_BRIDGE] = 29; /* two sets and most of a third */
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.entry[0].sets_done, 2);
	assert_int_equal(t.next, 0);
	d.reps[0][BC_EXERCISE_BRIDGE] = 45; /* more than planned is still three */
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.entry[0].sets_done, 3);
	assert_int_equal(t.next, 1);
	d.reps[0][BC_EXERCISE_CAT_COW] = 8;
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.next, -1);
	assert_int_equal(t.sets_done, 4);
}

/* An item without reps or hold takes target_reps and the exercise's hold. */
static void test_item_defaults_come_from_the_settings(void **state)
{
	(void)state;
	bc_plan_settings p = { 0 };
	p.items[0] = (bc_plan_item){ BC_EXERCISE_PELVIC_TILT, 2, 0, 0, 30 };
	p.items[1] = (bc_plan_item){ BC_EXERCISE_BRIDGE, 0, 10, 0, 30 }; /* 0 sets: unused */
	bc_plan_today t;
	bc_plan_today_compute(&p, 12, holds, NULL, &t);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.entry[0].item.reps, 12);
	assert_float_near(t.entry[0].item.hold_s, 10, 1e-6);
}

/*
 * Progression: seven complete days in a row earn one step (+2 s); six do
 * not; a missed day in the middle starts the run again; today never counts;
 * the cap holds however long the wearer keeps going.
 */
static void test_a_week_of_complete_days_adds_two_seconds(void **state)
{
	(void)state;
	bc_plan_settings p = two_item_plan();
	static bc_plan_days d;
	bc_plan_today t;

	memset(&d, 0, sizeof(d));
	complete_days(&d, 1, 6);
	d.reps[0][BC_EXERCISE_BRIDGE] = 30; /* today: not over, not counted */
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.entry[0].level, 0);
	assert_float_near(t.entry[0].item.hold_s, 5, 1e-6);

	complete_days(&d, 7, 7);
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.entry[0].level, 1);
	assert_float_near(t.entry[0].item.hold_s, 7, 1e-6);
	assert_float_near(t.entry[0].base_hold_s, 5, 1e-6);

	/* A day with only two sets breaks the run: 3 + 4 days are no week. */
	memset(&d, 0, sizeof(d));
	complete_days(&d, 1, 3);
	d.reps[4][BC_EXERCISE_BRIDGE] = 20;
	complete_days(&d, 5, 8);
	assert_int_equal(bc_plan_level(&p, &t.entry[0].item, &d), 0);

	/* Eight weeks: eight steps would be 21 s; the cap is 9 s. */
	memset(&d, 0, sizeof(d));
	complete_days(&d, 1, 56);
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_int_equal(t.entry[0].level, 8);
	assert_float_near(t.entry[0].item.hold_s, 9, 1e-6);

	/* No progression set: nothing changes. */
	p.progress_hold_s = 0;
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	assert_float_near(t.entry[0].item.hold_s, 5, 1e-6);
	/* No hold (cat-cow): nothing to grow. */
	assert_float_near(bc_plan_hold_at_level(&p, 0, 3), 0, 1e-6);
	/* A cap below the base never shortens the hold. */
	p.progress_hold_s = 2;
	p.progress_max_hold_s = 3;
	assert_float_near(bc_plan_hold_at_level(&p, 5, 2), 5, 1e-6);
}

/*
 * One item, set by set: the tenth rep ends set 1 and the rest begins; the
 * rest runs out by itself and set 2 counts from the session's 10th rep;
 * skipping the last rest moves on at once; the item's last set leads to a
 * rest before the next item, then to starting it.
 */
static void test_item_runs_set_by_set_with_rests(void **state)
{
	(void)state;
	bc_plan_settings p = two_item_plan();
	bc_plan_today t;
	bc_plan_today_compute(&p, 10, holds, NULL, &t);
	bc_plan_run r;
	bc_plan_run_begin(&r, &t, 0);
	assert_int_equal(r.phase, BC_PLAN_RUN_EXERCISE);
	assert_int_equal(r.set, 0);

	assert_int_equal(bc_plan_run_reps(&r, 9, 100), BC_PLAN_STEP_NONE);
	assert_int_equal(bc_plan_run_reps(&r, 10, 101), BC_PLAN_STEP_SET_DONE);
	assert_int_equal(r.phase, BC_PLAN_RUN_REST);
	assert_float_near(bc_plan_run_rest_left_s(&r, 111), 20, 1e-3);
	assert_int_equal(bc_plan_run_tick(&r, 130), BC_PLAN_STEP_NONE);
	assert_int_equal(bc_plan_run_tick(&r, 131), BC_PLAN_STEP_RESUME);
	assert_int_equal(r.phase, BC_PLAN_RUN_EXERCISE);
	assert_int_equal(r.set, 1);
	assert_int_equal(bc_plan_run_set_reps(&r, 13), 3);

	assert_int_equal(bc_plan_run_reps(&r, 20, 200), BC_PLAN_STEP_SET_DONE);
	assert_int_equal(bc_plan_run_skip_rest(&r, 205), BC_PLAN_STEP_RESUME);
	assert_int_equal(r.set, 2);
	assert_int_equal(bc_plan_run_reps(&r, 30, 300), BC_PLAN_STEP_ITEM_DONE);
	assert_int_equal(r.phase, BC_PLAN_RUN_NEXT_ITEM);
	assert_int_equal(r.next_entry, 1);
	assert_int_equal(bc_plan_run_tick(&r, 331), BC_PLAN_STEP_START_NEXT);
	assert_int_equal(r.entry, 1);
	assert_int_equal(r.phase, BC_PLAN_RUN_EXERCISE);
	assert_int_equal(r.reps_per_set, 8);
	/* A new session: its count starts again at 0. The plan's last set: done. */
	assert_int_equal(bc_plan_run_reps(&r, 8, 400), BC_PLAN_STEP_PLAN_DONE);
	assert_int_equal(r.phase, BC_PLAN_RUN_DONE);
	assert_int_equal(bc_plan_run_tick(&r, 1000), BC_PLAN_STEP_NONE);
}

/* A plan left half-way goes on where it was: set 3 of the bridge. */
static void test_item_resumes_after_the_sets_done_today(void **state)
{
	(void)state;
	bc_plan_settings p = two_item_plan();
	static bc_plan_days d;
	memset(&d, 0, sizeof(d));
	d.reps[0][BC_EXERCISE_BRIDGE] = 20;
	d.reps[0][BC_EXERCISE_CAT_COW] = 8;
	bc_plan_today t;
	bc_plan_today_compute(&p, 10, holds, &d, &t);
	bc_plan_run r;
	bc_plan_run_begin(&r, &t, t.next);
	assert_int_equal(r.set, 2);
	/* The last set of the bridge is the plan's last (cat-cow is done). */
	assert_int_equal(bc_plan_run_reps(&r, 10, 50), BC_PLAN_STEP_PLAN_DONE);
}

/* The plan in the settings file: written, read back, checked. */
static void test_plan_keys_in_the_settings_file(void **state)
{
	(void)state;
	bc_coach_settings s;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	const char *text = "plan.1 = knee-to-chest\n"
			   "plan.1.sets = 3\n"
			   "plan.1.reps = 6\n"
			   "plan.1.hold_s = 20\n"
			   "plan.2 = none\n"
			   "plan.3 = none\n"
			   "plan.4 = deep-squat\n"
			   "plan.progress_hold_s = 1.5\n";
	assert_int_equal(bc_settings_parse(text, &s, &err), 0);
	assert_int_equal(s.plan.items[0].exercise, BC_EXERCISE_KNEE_TO_CHEST);
	assert_int_equal(s.plan.items[0].sets, 3);
	assert_int_equal(s.plan.items[0].reps, 6);
	assert_float_near(s.plan.items[0].hold_s, 20, 1e-6);
	assert_int_equal(s.plan.items[1].exercise, BC_EXERCISE_NONE);
	assert_int_equal(s.plan.items[3].exercise, BC_EXERCISE_DEEP_SQUAT);
	assert_int_equal(s.plan.items[3].sets, 2); /* a free slot's default */
	assert_float_near(s.plan.progress_hold_s, 1.5, 1e-6);

	static char buf[32768];
	assert_true(bc_settings_format(&s, buf, sizeof(buf)) < sizeof(buf));
	assert_non_null(strstr(buf, "plan.1 = knee-to-chest\n"));
	assert_non_null(strstr(buf, "plan.2 = none\n"));
	bc_coach_settings back;
	bc_coach_settings_init(&back);
	assert_int_equal(bc_settings_parse(buf, &back, &err), 0);
	assert_memory_equal(&back.plan, &s.plan, sizeof(s.plan));

	/* Bad values: a clear error naming the line and the key. */
	bc_coach_settings_init(&s);
	assert_int_equal(bc_settings_parse("\nplan.2 = bridges\n", &s, &err), -1);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.key, "plan.2");
	assert_non_null(strstr(err.message, "not an exercise"));
	assert_int_equal(bc_settings_parse("plan.1 = posture\n", &s, &err), -1);
	assert_non_null(strstr(err.message, "monitor"));
	assert_int_equal(bc_settings_parse("plan.7 = bridge\n", &s, &err), -1);
	assert_non_null(strstr(err.message, "unknown setting"));
	assert_int_equal(bc_settings_parse("plan.1.sets = 11\n", &s, &err), -1);
	assert_non_null(strstr(err.message, "out of range"));
	/* Nothing half-applied. */
	assert_int_equal(s.plan.items[0].exercise, bc_plan_settings_default.items[0].exercise);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_today_counts_whole_sets_and_finds_the_next_item),
		cmocka_unit_test(test_item_defaults_come_from_the_settings),
		cmocka_unit_test(test_a_week_of_complete_days_adds_two_seconds),
		cmocka_unit_test(test_item_runs_set_by_set_with_rests),
		cmocka_unit_test(test_item_resumes_after_the_sets_done_today),
		cmocka_unit_test(test_plan_keys_in_the_settings_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
