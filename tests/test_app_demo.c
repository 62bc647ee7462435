/* SPDX-License-Identifier: MIT */
/*
 * The demo (`make run` with no sensor): every exercise has a bundled session
 * of its own (host/data/demo-NAME.csv.gz, host/data/make_demo.sh), found the
 * way the app finds it, and the coach with the app's default settings counts
 * in it exactly what the session's '# expect_*' lines say: some reps, the
 * right number, and per side for the one-sided exercises. A demo of another
 * exercise, or one the detector cannot count, fails here by name.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "coach/session_tally.h"
#include "demo.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

#define WHY_MAX 640

/* What a demo's metadata promises. */
typedef struct {
	long reps;		       /* -1: the trace promises nothing */
	long side_reps[BC_SIDE_COUNT]; /* -1: the trace names no sides */
} promise;

/* '# expect_reps:' and '# expect_sides: left:N,right:N' of an open trace. */
static promise read_promise(const bc_trace_reader *r)
{
	promise p = { .reps = -1, .side_reps = { -1, -1, -1 } };
	const char *reps = bc_trace_reader_meta(r, "expect_reps");
	if (reps)
		p.reps = strtol(reps, NULL, 10);
	const char *sides = bc_trace_reader_meta(r, "expect_sides");
	if (sides && sscanf(sides, "left:%ld,right:%ld", &p.side_reps[BC_SIDE_LEFT],
			    &p.side_reps[BC_SIDE_RIGHT]) != 2)
		p.side_reps[BC_SIDE_LEFT] = p.side_reps[BC_SIDE_RIGHT] = -1;
	return p;
}

/* The whole demo through the coach, as a session on the demo does it; 0, or -1 and why. */
static int replay(bc_trace_reader *r, bc_exercise_id ex, bc_session_tally *t, char *why)
{
	static bc_coach coach;
	bc_coach_settings settings;
	bc_coach_settings_init(&settings);
	bc_coach_init(&coach, &settings, ex);
	bc_session_tally_init(t, ex);
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_sample s;
	bc_trace_error err = { { 0 } };
	int got;
	while ((got = bc_trace_reader_next(r, &s, &err)) == 1)
		bc_session_tally_add_events(
			t, events,
			bc_coach_update(&coach, &s, events, BC_COACH_MAX_EVENTS_PER_SAMPLE));
	if (got < 0) {
		snprintf(why, WHY_MAX, "%s", err.message);
		return -1;
	}
	bc_session_tally_add_events(
		t, events, bc_coach_finish(&coach, events, BC_COACH_MAX_EVENTS_PER_SAMPLE));
	return 0;
}

/* What the tally misses of the promise ("" nothing), into why. */
static void compare(const char *name, const bc_session_tally *t, const promise *p, char *why)
{
	if (p->reps <= 0)
		snprintf(why, WHY_MAX, "a demo must promise counted reps ('# expect_reps: %ld')",
			 p->reps);
	else if (t->reps != p->reps)
		snprintf(why, WHY_MAX, "counted %d reps of the %ld promised", t->reps, p->reps);
	else if (t->per_side && p->side_reps[BC_SIDE_LEFT] < 0)
		snprintf(why, WHY_MAX, "one-sided, but no '# expect_sides: left:N,right:N'");
	else if (t->per_side && (t->side_reps[BC_SIDE_LEFT] != p->side_reps[BC_SIDE_LEFT] ||
				 t->side_reps[BC_SIDE_RIGHT] != p->side_reps[BC_SIDE_RIGHT]))
		snprintf(why, WHY_MAX, "left %d right %d counted, left %ld right %ld promised",
			 t->side_reps[BC_SIDE_LEFT], t->side_reps[BC_SIDE_RIGHT],
			 p->side_reps[BC_SIDE_LEFT], p->side_reps[BC_SIDE_RIGHT]);
	printf("  %-17s %2d reps of %ld", name, t->reps, p->reps);
	if (t->per_side)
		printf(" (left %d of %ld, right %d of %ld)", t->side_reps[BC_SIDE_LEFT],
		       p->side_reps[BC_SIDE_LEFT], t->side_reps[BC_SIDE_RIGHT],
		       p->side_reps[BC_SIDE_RIGHT]);
	printf("\n");
}

/* One exercise's demo: found as the app finds it, of that exercise, counted as promised. */
static bool demo_counts(bc_exercise_id ex, char *why)
{
	const char *name = bc_exercise_info_get(ex)->name;
	char path[4096];
	why[0] = '\0';
	if (!bc_demo_find(ex, path, sizeof(path))) {
		snprintf(why, WHY_MAX, "no bundled demo (host/data/make_demo.sh %s)", name);
		return false;
	}
	bc_trace_error err = { { 0 } };
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r) {
		snprintf(why, WHY_MAX, "%s", err.message);
		return false;
	}
	const char *of = bc_trace_reader_meta(r, "exercise");
	if (!of || strcmp(of, name)) {
		snprintf(why, WHY_MAX, "the demo is a session of '%s'", of ? of : "(none)");
	} else {
		promise p = read_promise(r);
		bc_session_tally t;
		if (replay(r, ex, &t, why) == 0)
			compare(name, &t, &p, why);
	}
	bc_trace_reader_free(r);
	return !why[0];
}

/* Every exercise, each checked even when another fails; the failures named together. */
static void test_every_exercise_has_a_demo_that_counts(void **state)
{
	(void)state;
	char failures[BC_EXERCISE_COUNT * (WHY_MAX + 40)] = "", why[WHY_MAX];
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (!demo_counts((bc_exercise_id)ex, why))
			snprintf(failures + strlen(failures), sizeof(failures) - strlen(failures),
				 "\n  %s: %s", bc_exercise_info_get(ex)->name, why);
	if (failures[0])
		fail_msg("demo sessions that do not count as promised:%s", failures);
}

/* The app's name for a demo, and none for no exercise. */
static void test_demo_file_names(void **state)
{
	(void)state;
	char name[64];
	assert_string_equal(bc_demo_file_name(BC_EXERCISE_BRIDGE, name, sizeof(name)),
			    "demo-bridge.csv.gz");
	assert_string_equal(bc_demo_file_name(BC_EXERCISE_SHOULDER_SQUEEZE, name, sizeof(name)),
			    "demo-shoulder-squeeze.csv.gz");
	assert_null(bc_demo_file_name(BC_EXERCISE_NONE, name, sizeof(name)));
	assert_null(bc_demo_file_name(BC_EXERCISE_COUNT, name, sizeof(name)));
	assert_null(bc_demo_file_name(BC_EXERCISE_BRIDGE, name, 8)); /* too small: no half name */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_file_names),
		cmocka_unit_test(test_every_exercise_has_a_demo_that_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
