/* SPDX-License-Identifier: MIT */
/*
 * Profiles: a device that was used before profiles keeps its data as the
 * first profile ("Me"), found where it always was and never touched; new
 * profiles are directories with their own history and settings; names are
 * checked; the last chosen one is remembered; `backcoach run` switching to
 * a profile takes its history and settings (a replay: its plan only);
 * `backcoach profile` and `backcoach history --profile` use the same files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "coach/exercise_table.h"
#include "history/history.h"
#include "profiles.h"
#include "run_profile.h"
#include "support/run_command.h"
#include "support/test_support.h"

static char home[512];

/* A fresh data directory for each test: $BACKCOACH_HOME. */
static int fresh_home(void **state)
{
	(void)state;
	static int n;
	snprintf(home, sizeof(home), "%s/profiles-home-%d", bc_test_tmpdir(), n++);
	mkdir(home, 0700);
	setenv("BACKCOACH_HOME", home, 1);
	setenv("XDG_CONFIG_HOME", home, 1); /* the first profile's settings: none */
	return 0;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* One bridge session of reps into the history at path. */
static void store_session(const char *path, int reps)
{
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(path, err, sizeof(err));
	if (!h)
		fail_msg("%s", err);
	bc_history_session s;
	bc_history_session_begin(&s, BC_EXERCISE_BRIDGE, (int64_t)time(NULL) - 60, 0);
	s.reps = reps;
	assert_true(bc_history_add_session(h, &s) > 0);
	bc_history_close(h);
}

/*
 * Old data still found: the history a single-user device made is the first
 * profile's, adding profiles changes no byte of it, and the app's path for
 * the first profile is exactly the history's default path.
 */
static void test_existing_data_is_the_first_profile(void **state)
{
	(void)state;
	char old[600], path[600], deflt[600];
	snprintf(old, sizeof(old), "%s/history.sqlite3", home);
	store_session(old, 7);
	size_t before_n;
	char *before = bc_test_read_file(old, &before_n);

	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], err[256];
	assert_int_equal(bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err)), 1);
	assert_string_equal(names[0], BC_PROFILE_FIRST);
	assert_string_equal(bc_profile_file(NULL, "history.sqlite3", path, sizeof(path)), old);
	assert_string_equal(bc_history_default_path(deflt, sizeof(deflt)), old);

	assert_int_equal(bc_profile_add("Ben", err, sizeof(err)), 0);
	assert_int_equal(bc_profile_add("Anna", err, sizeof(err)), 0);
	assert_int_equal(bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err)), 3);
	assert_string_equal(names[0], "Me");
	assert_string_equal(names[1], "Anna"); /* the others by name */
	assert_string_equal(names[2], "Ben");
	assert_string_equal(bc_profile_file("Me", "history.sqlite3", path, sizeof(path)), old);
	char anna[600];
	snprintf(anna, sizeof(anna), "%s/profiles/Anna/history.sqlite3", home);
	assert_string_equal(bc_profile_file("Anna", "history.sqlite3", path, sizeof(path)), anna);

	size_t after_n;
	char *after = bc_test_read_file(old, &after_n);
	assert_int_equal(after_n, before_n);
	assert_memory_equal(after, before, before_n);
	free(before);
	free(after);
}

/* Names: no paths, no hidden directories, not the first's, unique ignoring case. */
static void test_names_are_checked(void **state)
{
	(void)state;
	char err[256];
	const char *bad[] = {
		"",   ".hidden", "a/b",	  "..",	       "Me",
		"me", " Anna",	 "Anna ", "tab\there", "a-name-that-is-far-too-long-for-the-tile"
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_false(bc_profile_name_valid(bad[i]));
		assert_int_equal(bc_profile_add(bad[i], err, sizeof(err)), -1);
	}
	assert_true(bc_profile_name_valid("Zo\xc3\xab"));
	assert_int_equal(bc_profile_add("Zo\xc3\xab", err, sizeof(err)), 0);
	assert_int_equal(bc_profile_add("ZO\xc3\xab", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "already"));
	/* Stray files and hidden directories in profiles/ are not profiles. */
	char stray[600];
	snprintf(stray, sizeof(stray), "%s/profiles/notes.txt", home);
	write_file(stray, "x");
	snprintf(stray, sizeof(stray), "%s/profiles/.trash", home);
	mkdir(stray, 0700);
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX];
	assert_int_equal(bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err)), 2);
	/* No more than the chooser shows. */
	for (int i = 0; i < BC_PROFILES_MAX - 2; i++) {
		char name[16];
		snprintf(name, sizeof(name), "P%d", i);
		assert_int_equal(bc_profile_add(name, err, sizeof(err)), 0);
	}
	assert_int_equal(bc_profile_add("OneTooMany", err, sizeof(err)), -1);
}

/* The last chosen is remembered; one that is gone falls back to the first. */
static void test_the_last_chosen_is_remembered(void **state)
{
	(void)state;
	char err[256], cur[BC_PROFILE_NAME_MAX];
	assert_string_equal(bc_profile_current(cur, sizeof(cur)), "Me");
	assert_int_equal(bc_profile_add("Anna", err, sizeof(err)), 0);
	assert_int_equal(bc_profile_set_current("Anna", err, sizeof(err)), 0);
	assert_string_equal(bc_profile_current(cur, sizeof(cur)), "Anna");
	char dir[600];
	snprintf(dir, sizeof(dir), "%s/profiles/Anna", home);
	assert_int_equal(rmdir(dir), 0);
	assert_string_equal(bc_profile_current(cur, sizeof(cur)), "Me");
}

/*
 * Switching in `backcoach run`: the profile's history, its whole settings
 * file live, only its plan in a replay (the counts stay replay's).
 */
static void test_switching_takes_the_profiles_files(void **state)
{
	(void)state;
	char err[512], path[600];
	assert_int_equal(bc_profile_add("Anna", err, sizeof(err)), 0);
	snprintf(path, sizeof(path), "%s/profiles/Anna/settings.conf", home);
	write_file(path, "target_reps = 6\nplan.1 = crossover\nplan.1.sets = 4\n");

	bc_app_config cfg = { 0 };
	bc_coach_settings_init(&cfg.settings);
	bc_run_profile live = { .live = true };
	assert_int_equal(bc_run_profile_open(&live, "anna", &cfg, err, sizeof(err)), 0);
	assert_int_equal(cfg.profiles.n, 2);
	assert_int_equal(cfg.profiles.current, 1);
	assert_string_equal(cfg.profiles.name[1], "Anna");
	assert_non_null(strstr(cfg.history_path, "/profiles/Anna/history.sqlite3"));
	assert_int_equal(cfg.settings.target_reps, 6);
	assert_int_equal(cfg.settings.plan.items[0].exercise, BC_EXERCISE_CROSSOVER);
	char cur[BC_PROFILE_NAME_MAX];
	assert_string_equal(bc_profile_current(cur, sizeof(cur)), "Anna");

	/* Back to the first: its defaults (it has no file here), its history. */
	assert_int_equal(cfg.switch_profile(cfg.profile_ctx, "Me", &cfg, err, sizeof(err)), 0);
	assert_int_equal(cfg.settings.target_reps, 10);
	char deflt[600];
	assert_string_equal(cfg.history_path, bc_history_default_path(deflt, sizeof(deflt)));

	/* A replay: Anna's plan, the defaults' counting. */
	bc_app_config rcfg = { 0 };
	bc_coach_settings_init(&rcfg.settings);
	bc_run_profile replay = { .live = false };
	assert_int_equal(bc_run_profile_open(&replay, "Anna", &rcfg, err, sizeof(err)), 0);
	assert_int_equal(rcfg.settings.target_reps, 10);
	assert_int_equal(rcfg.settings.plan.items[0].exercise, BC_EXERCISE_CROSSOVER);

	/* A bad file: a notice naming it, and the defaults. */
	write_file(path, "plan.1 = flying\n");
	assert_int_equal(cfg.switch_profile(cfg.profile_ctx, "Anna", &cfg, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "settings.conf:1"));
	assert_int_equal(cfg.settings.plan.items[0].exercise, BC_EXERCISE_PELVIC_TILT);
	/* No such profile. */
	bc_app_config none = { 0 };
	assert_int_equal(bc_run_profile_open(&live, "Bob", &none, err, sizeof(err)), 1);
}

/*
 * The chooser's "+ New wearer" (no keyboard): the first free "Wearer N",
 * made as `profile add` makes one; a name taken by hand is skipped; at the
 * limit an error that says so, and nothing made.
 */
static void test_new_wearer_from_the_device(void **state)
{
	(void)state;
	char err[512], name[BC_PROFILE_NAME_MAX];
	bc_app_config cfg = { 0 };
	bc_coach_settings_init(&cfg.settings);
	bc_run_profile live = { .live = true };
	assert_int_equal(bc_run_profile_open(&live, NULL, &cfg, err, sizeof(err)), 0);
	assert_non_null(cfg.add_profile);
	assert_int_equal(cfg.add_profile(cfg.profile_ctx, name, sizeof(name), err, sizeof(err)), 0);
	assert_string_equal(name, "Wearer 2");
	assert_int_equal(bc_profile_add("wearer 3", err, sizeof(err)), 0); /* by hand */
	assert_int_equal(cfg.add_profile(cfg.profile_ctx, name, sizeof(name), err, sizeof(err)), 0);
	assert_string_equal(name, "Wearer 4");
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX];
	assert_int_equal(bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err)), 4);
	assert_true(bc_profiles_find(names, 4, "Wearer 4") >= 0);
	/* the switch the app makes next takes the new wearer's (empty) files */
	assert_int_equal(cfg.switch_profile(cfg.profile_ctx, name, &cfg, err, sizeof(err)), 0);
	assert_non_null(strstr(cfg.history_path, "/profiles/Wearer 4/history.sqlite3"));
	while (cfg.add_profile(cfg.profile_ctx, name, sizeof(name), err, sizeof(err)) == 0)
		;
	assert_non_null(strstr(err, "profiles already"));
	assert_int_equal(bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err)),
			 BC_PROFILES_MAX);
}

/* The commands: profile add/list/use, history --profile reads that wearer's file. */
static void test_commands_take_a_profile(void **state)
{
	(void)state;
	char me[600], anna[600];
	bc_test_output o;
	bc_run_backcoach(&o, "profile", "add", "Anna");
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	snprintf(me, sizeof(me), "%s/history.sqlite3", home);
	snprintf(anna, sizeof(anna), "%s/profiles/Anna/history.sqlite3", home);
	store_session(me, 3);
	store_session(anna, 9);

	bc_run_backcoach(&o, "history", "--profile", "Anna", "--json");
	assert_int_equal(o.status, 0);
	assert_non_null(strstr(o.out, "\"reps\": 9"));
	assert_null(strstr(o.out, "\"reps\": 3"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "history", "--json");
	assert_non_null(strstr(o.out, "\"reps\": 3"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "history", "--profile", "Bob");
	assert_int_equal(o.status, 1);
	assert_non_null(strstr(o.err, "no profile 'Bob'"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "history", "--profile", "Anna", "--db", me);
	bc_test_assert_usage_error(&o, "contradict");
	bc_test_output_free(&o);

	bc_run_backcoach(&o, "profile", "use", "Anna");
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "profile", "list");
	assert_int_equal(o.status, 0);
	assert_non_null(strstr(o.out, "* Anna"));
	assert_non_null(strstr(o.out, "  Me"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "profile", "add", "a/b");
	assert_int_equal(o.status, 1);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "profile", "remove", "Anna");
	bc_test_assert_usage_error(&o, "expected");
	bc_test_output_free(&o);
}

/* The physiotherapist's report of one wearer: their history and their plan. */
static void test_report_takes_a_profile(void **state)
{
	(void)state;
	if (access("/usr/bin/pdftotext", X_OK) != 0) {
		print_message("test_profiles: SKIPPED the report: no pdftotext (poppler-utils, "
			      "make deps)\n");
		skip();
	}
	char err[256], path[600], pdf[600], txt[600];
	assert_int_equal(bc_profile_add("Anna", err, sizeof(err)), 0);
	snprintf(path, sizeof(path), "%s/profiles/Anna/settings.conf", home);
	write_file(path, "plan.1 = crossover\nplan.1.sets = 4\nplan.2 = none\nplan.3 = none\n");
	snprintf(path, sizeof(path), "%s/profiles/Anna/history.sqlite3", home);
	store_session(path, 9);
	snprintf(pdf, sizeof(pdf), "%s/anna.pdf", home);
	snprintf(txt, sizeof(txt), "%s/anna.txt", home);
	bc_test_output o;
	bc_run_backcoach(&o, "report", "--profile", "Anna", "--days", "7", "--out", pdf);
	if (o.status != 0)
		fail_msg("report: %s", o.err);
	bc_test_output_free(&o);
	bc_test_run_started(&o, (const char *const[]){ "/usr/bin/pdftotext", pdf, txt, NULL });
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	size_t n;
	char *text = bc_test_read_file(txt, &n);
	assert_non_null(strstr(text, "Crossover: 4 sets of 10, hold 15 s, rest 30 s"));
	assert_null(strstr(text, "Pelvic tilt: 2 sets"));
	free(text);
	bc_run_backcoach(&o, "report", "--profile", "Bob");
	assert_int_equal(o.status, 1);
	bc_test_output_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_existing_data_is_the_first_profile, fresh_home),
		cmocka_unit_test_setup(test_names_are_checked, fresh_home),
		cmocka_unit_test_setup(test_the_last_chosen_is_remembered, fresh_home),
		cmocka_unit_test_setup(test_switching_takes_the_profiles_files, fresh_home),
		cmocka_unit_test_setup(test_new_wearer_from_the_device, fresh_home),
		cmocka_unit_test_setup(test_commands_take_a_profile, fresh_home),
		cmocka_unit_test_setup(test_report_takes_a_profile, fresh_home),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
