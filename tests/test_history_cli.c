/* SPDX-License-Identifier: MIT */
/*
 * `backcoach history` as a user and a script see it: JSON that parses and
 * agrees with what was stored (per side for a one-sided exercise), --days, the text listing, an absent file
 * (empty, not created), a file that is not a database (exit 1, a message, no
 * output), usage errors (exit 2) and --help.
 *
 * The sessions are placed at fixed local times of today and earlier days, so
 * the test is right all day except within a second of midnight.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "coach/exercise_table.h"
#include "history/history.h"
#include "support/mini_json.h"
#include "support/run_command.h"
#include "support/test_support.h"

/* Helpers */

/* Local midnight days_back days before today, plus seconds. */
static int64_t local_day_plus(int days_back, int seconds)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = seconds;
	tm.tm_mday -= days_back;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

#define N_SESSIONS 7

/* The sessions the test stores: day (days back), exercise, reps, rejected. */
static const struct {
	int days_back;
	int second_of_day;
	const char *exercise;
	int reps, hold_short, not_level, alerts;
	const char *trace;
} plan[N_SESSIONS] = {
	{ 0, 1, "bridge", 8, 2, 1, 0, "/traces/a \"quoted\".csv" },
	{ 0, 2, "pelvic-tilt", 10, 0, 0, 0, NULL },
	{ 0, 3, "posture", 0, 0, 0, 3, NULL },
	{ 1, 3600, "bridge", 6, 0, 4, 0, NULL },
	{ 2, 7200, "cat-cow", 5, 0, 0, 0, NULL },
	{ 9, 7200, "bridge", 7, 1, 0, 0, NULL },	/* outside the default 7 days */
	{ 1, 7300, "knee-to-chest", 5, 1, 0, 0, NULL }, /* per side: 3 left, 2 right */
};

/* The one-sided session's reps on the left (the rest on the right). */
#define KNEE_LEFT 3

static bc_history_session planned(int i)
{
	bc_history_session s;
	bc_history_session_begin(&s, bc_exercise_from_name(plan[i].exercise),
				 local_day_plus(plan[i].days_back, plan[i].second_of_day), 0.0);
	s.duration_s = 120.0 + i;
	s.reps = plan[i].reps;
	s.target_reps = 10;
	s.hold_target_s = 2.0f;
	s.rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT] = plan[i].hold_short;
	s.rejected_by_reason[BC_REJECT_NOT_LEVEL] = plan[i].not_level;
	s.rejected = plan[i].hold_short + plan[i].not_level;
	s.posture_alerts = plan[i].alerts;
	if (s.reps > 0) {
		s.mean_hold_s = 2.4f;
		s.max_hold_s = 2.0f + 0.25f * (float)i;
		s.peak_deg_max = 20.0f;
	}
	s.trace_path = plan[i].trace;
	if (!strcmp(plan[i].exercise, "knee-to-chest")) {
		s.per_side = true;
		s.reps_left = KNEE_LEFT;
		s.reps_right = s.reps - KNEE_LEFT;
	}
	return s;
}

static const char *stored_db(void)
{
	static char path[512];
	if (path[0])
		return path;
	bc_test_tmp_path("cli-history.sqlite3", path, sizeof(path));
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(path, err, sizeof(err));
	if (!h)
		print_error("%s\n", err);
	assert_non_null(h);
	for (int i = 0; i < N_SESSIONS; i++) {
		bc_history_session s = planned(i);
		assert_true(bc_history_add_session(h, &s) > 0);
	}
	bc_history_close(h);
	return path;
}

static bc_test_json_value *parse_ok(const char *text)
{
	char err[256];
	bc_test_json_value *v = bc_test_json_parse(text, err, sizeof(err));
	if (!v)
		print_error("%s\n%s\n", err, text);
	assert_non_null(v);
	return v;
}

/* Tests */

static void test_json_agrees_with_store(void **state)
{
	const char *db = stored_db();
	for (int days = 1; days <= 10; days += 3) {
		char days_text[16];
		snprintf(days_text, sizeof(days_text), "%d", days);
		bc_test_output o;
		bc_run_backcoach(&o, "history", "--db", db, "--json", "--days", days_text);
		assert_int_equal(o.status, 0);
		assert_int_equal(bc_test_count_lines(o.out), 1);
		bc_test_json_value *v = parse_ok(o.out);
		assert_string_equal(bc_test_json_get(v, "db")->string, db);
		assert_true(bc_test_json_get(v, "exists")->boolean);
		assert_int_equal((int)bc_test_json_number(v, "days"), days);

		/* today's totals and the streak, from the plan */
		int sessions = 0, reps = 0, rejected = 0, alerts = 0, listed = 0;
		bool rep_day[16] = { false };
		for (int i = 0; i < N_SESSIONS; i++) {
			if (plan[i].reps > 0)
				rep_day[plan[i].days_back] = true;
			if (plan[i].days_back < days)
				listed++;
			if (plan[i].days_back != 0)
				continue;
			sessions++;
			reps += plan[i].reps;
			rejected += plan[i].hold_short + plan[i].not_level;
			alerts += plan[i].alerts;
		}
		int streak = 0;
		for (int d = rep_day[0] ? 0 : 1; rep_day[d]; d++)
			streak++;
		const bc_test_json_value *today = bc_test_json_get(v, "today");
		assert_int_equal((int)bc_test_json_number(today, "sessions"), sessions);
		assert_int_equal((int)bc_test_json_number(today, "reps"), reps);
		assert_int_equal((int)bc_test_json_number(today, "rejected"), rejected);
		assert_int_equal((int)bc_test_json_number(today, "posture_alerts"), alerts);
		assert_int_equal((int)bc_test_json_number(v, "streak_days"), streak);

		/* the sessions of the last `days` days, newest first, as stored */
		const bc_test_json_value *list = bc_test_json_get(v, "sessions");
		assert_int_equal(list->type, BC_TEST_JSON_ARRAY);
		assert_int_equal((int)list->n, listed);
		for (size_t k = 0; k < list->n; k++) {
			/* newest first: by day, and within a day in reverse plan order */
			int i = -1, seen = 0;
			for (int d = 0; d < days && i < 0; d++)
				for (int j = N_SESSIONS - 1; j >= 0; j--)
					if (plan[j].days_back == d && seen++ == (int)k)
						i = j;
			assert_true(i >= 0);
			bc_history_session want = planned(i);
			const bc_test_json_value *s = list->items[k];
			assert_string_equal(bc_test_json_get(s, "exercise")->string, want.exercise);
			assert_string_equal(bc_test_json_get(s, "started")->string,
					    want.started_utc);
			assert_true(bc_test_json_number(s, "started_unix_s") ==
				    (double)want.started_unix_s);
			assert_int_equal((int)bc_test_json_number(s, "reps"), want.reps);
			assert_int_equal((int)bc_test_json_number(s, "target_reps"),
					 want.target_reps);
			assert_int_equal((int)bc_test_json_number(s, "rejected"), want.rejected);
			assert_int_equal((int)bc_test_json_number(s, "posture_alerts"),
					 want.posture_alerts);
			const bc_test_json_value *by = bc_test_json_get(s, "rejected_by_reason");
			assert_int_equal(by->type, BC_TEST_JSON_OBJECT);
			int sum = 0;
			for (size_t m = 0; m < by->n; m++)
				sum += (int)by->items[m]->number;
			assert_int_equal(sum, want.rejected);
			const bc_test_json_value *top = bc_test_json_get(s, "top_reason");
			if (want.rejected == 0) {
				assert_int_equal(top->type, BC_TEST_JSON_NULL);
			} else {
				const char *name = bc_reject_reason_text(
					bc_history_session_top_reason(&want));
				assert_string_equal(top->string, name);
			}
			const bc_test_json_value *hold = bc_test_json_get(s, "max_hold_s");
			if (isnan(want.max_hold_s))
				assert_int_equal(hold->type, BC_TEST_JSON_NULL);
			else
				assert_float_near(hold->number, want.max_hold_s, 0.006);
			/* "sides" for the one-sided exercise only, as replay --json has it */
			const bc_test_json_value *sides = bc_test_json_get(s, "sides");
			if (want.per_side) {
				assert_non_null(sides);
				assert_int_equal((int)bc_test_json_number(sides, "left"),
						 want.reps_left);
				assert_int_equal((int)bc_test_json_number(sides, "right"),
						 want.reps_right);
			} else {
				assert_null(sides);
			}
			const bc_test_json_value *trace = bc_test_json_get(s, "trace");
			if (want.trace_path)
				assert_string_equal(trace->string, want.trace_path);
			else
				assert_int_equal(trace->type, BC_TEST_JSON_NULL);
		}
		bc_test_json_free(v);
		bc_test_output_free(&o);
	}
}

static void test_text_listing(void **state)
{
	const char *db = stored_db();
	bc_test_output o;
	bc_run_backcoach(&o, "history", "--db", db);
	assert_int_equal(o.status, 0);
	assert_non_null(strstr(o.out, "streak: "));
	assert_non_null(strstr(o.out, "today ("));
	/* one line per session of the last 7 days, each naming its exercise */
	int listed = 0;
	for (int i = 0; i < N_SESSIONS; i++)
		listed += plan[i].days_back < 7;
	const char *p = strstr(o.out, "sessions in the last 7 days:\n");
	assert_non_null(p);
	p = strchr(p, '\n') + 1;
	assert_int_equal((int)bc_test_count_lines(p), listed);
	assert_non_null(strstr(p, "8/10 reps  3 rejected (hold too short)"));
	assert_non_null(strstr(p, "3 slouch alerts"));
	assert_non_null(strstr(p, "5/10 reps (left 3, right 2)"));
	assert_non_null(strstr(p, "cat-cow")); /* two days ago: listed */
	assert_null(strstr(p, " 7/10 reps"));  /* nine days ago: not */
	bc_test_output_free(&o);
}

static void test_absent_file_is_empty(void **state)
{
	char path[512];
	bc_test_tmp_path("never/made/history.sqlite3", path, sizeof(path));
	bc_test_output o;
	bc_run_backcoach(&o, "history", "--db", path, "--json");
	assert_int_equal(o.status, 0);
	bc_test_json_value *v = parse_ok(o.out);
	assert_false(bc_test_json_get(v, "exists")->boolean);
	assert_int_equal(bc_test_json_get(v, "sessions")->n, 0);
	assert_int_equal((int)bc_test_json_number(v, "streak_days"), 0);
	bc_test_json_free(v);
	bc_test_output_free(&o);
	struct stat st;
	char dir[512];
	bc_test_tmp_path("never", dir, sizeof(dir));
	assert_int_equal(stat(dir, &st), -1); /* looking created nothing */
}

static void test_not_a_database(void **state)
{
	char path[512];
	bc_test_tmp_path("garbage.sqlite3", path, sizeof(path));
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 200; i++)
		fputs("this is not a database\n", f);
	fclose(f);
	bc_test_output o;
	bc_run_backcoach(&o, "history", "--db", path, "--json");
	assert_int_equal(o.status, 1);
	assert_int_equal(o.out_len, 0);
	assert_non_null(strstr(o.err, path));
	assert_non_null(strstr(o.err, "not an SQLite database"));
	assert_int_equal(bc_test_count_lines(o.err), 1);
	bc_test_output_free(&o);
}

static void test_usage(void **state)
{
	const char *db = stored_db();
	const char *bad_days[] = { "0", "-3", "abc", "7x", "99999999999" };
	for (size_t i = 0; i < sizeof(bad_days) / sizeof(bad_days[0]); i++) {
		bc_test_output o;
		bc_run_backcoach(&o, "history", "--db", db, "--days", bad_days[i]);
		assert_int_equal(o.status, 2);
		assert_int_equal(o.out_len, 0);
		assert_non_null(strstr(o.err, "--days"));
		bc_test_output_free(&o);
	}
	bc_test_output o;
	bc_run_backcoach(&o, "history", "--db", db, "stray");
	assert_int_equal(o.status, 2);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "history", "--frobnicate");
	assert_int_equal(o.status, 2);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "history", "--db");
	assert_int_equal(o.status, 2);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "history", "--help");
	assert_int_equal(o.status, 0);
	assert_non_null(strstr(o.out, "usage: backcoach history"));
	assert_non_null(strstr(o.out, "--days N"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "--help");
	assert_non_null(strstr(o.out, "history"));
	bc_test_output_free(&o);
}

int main(void)
{
	/* a fixed zone for this process and the commands it runs */
	setenv("TZ", "AEST-10", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_agrees_with_store),
		cmocka_unit_test(test_text_listing),
		cmocka_unit_test(test_absent_file_is_empty),
		cmocka_unit_test(test_not_a_database),
		cmocka_unit_test(test_usage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
