/* SPDX-License-Identifier: MIT */
/*
 * History schema v3 and the progress queries: each attempt stored with its
 * form, a file of schema v2 migrated without losing a value (and then
 * filled), the sensor-glitch count, and per-day progress of one exercise
 * and of all (counts, reasons, holds, range, form means, empty days).
 *
 * Expected figures are worked out here from the sessions the test wrote.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "coach/exercise_table.h"
#include "history/history.h"
#include "support/test_support.h"

/* Helpers */

static const char *db_path(const char *name)
{
	static char paths[4][512];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, 512, "%s/%s", bc_test_tmpdir(), name);
	remove(p);
	return p;
}

static bc_history *open_ok(const char *path)
{
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(path, err, sizeof(err));
	if (!h)
		print_error("open %s: %s\n", path, err);
	assert_non_null(h);
	return h;
}

static int64_t local_noon(int year, int month, int day)
{
	struct tm tm = { .tm_year = year - 1900,
			 .tm_mon = month - 1,
			 .tm_mday = day,
			 .tm_hour = 12,
			 .tm_isdst = -1 };
	return (int64_t)mktime(&tm);
}

static bc_coach_event rep(double t_s, float hold_s, float peak_deg, float sd_deg, float smooth,
			  float to_zone_s)
{
	return (bc_coach_event){ .type = BC_EVENT_REP,
				 .t_s = t_s,
				 .hold_s = hold_s,
				 .hold_target_s = 2.0f,
				 .peak_deg = peak_deg,
				 .hold_sd_deg = sd_deg,
				 .smoothness = smooth,
				 .time_to_zone_s = to_zone_s };
}

static bc_coach_event rejected(double t_s, bc_reject_reason why, float peak_deg)
{
	return (bc_coach_event){ .type = BC_EVENT_REJECTED,
				 .t_s = t_s,
				 .reason = why,
				 .peak_deg = peak_deg,
				 .hold_sd_deg = NAN,
				 .smoothness = NAN,
				 .time_to_zone_s = NAN };
}

/* A bridge session from events: two reps and one shallow attempt. */
static void bridge_session(bc_history_session *s, int64_t started, float scale)
{
	bc_coach_event ev[] = {
		rep(10.0, 2.5f * scale, 20.0f * scale, 0.5f, 0.9f, 1.5f),
		rejected(20.0, BC_REJECT_TOO_LITTLE_RANGE, 8.0f),
		rep(30.0, 3.5f * scale, 24.0f * scale, 1.5f, 0.7f, 2.5f),
	};
	bc_history_session_from_events(s, BC_EXERCISE_BRIDGE, started, 5.0, ev, 3);
}

typedef struct {
	bc_history_session s;
	int n;
} last_session;

static int keep_first(const bc_history_session *s, void *user)
{
	last_session *l = user;
	if (l->n++ == 0) {
		l->s = *s;
		l->s.trace_path = NULL;
	}
	return 0;
}

static int query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Tests: attempts */

/* Each attempt goes in with its form, in order, and comes back as it was. */
static void test_attempts_round_trip(void **state)
{
	bc_history *h = open_ok(db_path("attempts.sqlite3"));
	static bc_history_session s;
	bridge_session(&s, local_noon(2024, 5, 1), 1.0f);
	assert_int_equal(s.n_attempts, 3);
	assert_float_near(s.mean_hold_sd_deg, 1.0, 1e-6); /* (0.5 + 1.5) / 2, counted only */
	assert_float_near(s.mean_smoothness, 0.8, 1e-6);
	assert_float_near(s.mean_time_to_zone_s, 2.0, 1e-6);
	s.sensor_glitches = 4;
	assert_true(bc_history_add_session(h, &s) > 0);

	static last_session back;
	back.n = 0;
	assert_int_equal(bc_history_recent(h, 1, 0, keep_first, &back), 1);
	const bc_history_session *r = &back.s;
	assert_int_equal(r->n_attempts, 3);
	assert_int_equal(r->sensor_glitches, 4);
	assert_float_near(r->mean_hold_sd_deg, 1.0, 1e-6);
	assert_true(r->attempts[0].counted);
	assert_float_near(r->attempts[0].t_s, 5.0, 1e-9); /* 10 s on a clock that began at 5 */
	assert_float_near(r->attempts[0].hold_sd_deg, 0.5, 1e-6);
	assert_false(r->attempts[1].counted);
	assert_int_equal(r->attempts[1].reason, BC_REJECT_TOO_LITTLE_RANGE);
	assert_true(isnan(r->attempts[1].smoothness));
	assert_float_near(r->attempts[2].time_to_zone_s, 2.5, 1e-6);
	assert_float_near(r->attempts[2].peak_deg, 24.0, 1e-5);
	bc_history_close(h);
}

/* More attempts than are kept one by one: the counts still add up. */
static void test_attempts_beyond_the_cap(void **state)
{
	static bc_coach_event ev[BC_HISTORY_ATTEMPTS_MAX + 5];
	for (int i = 0; i < BC_HISTORY_ATTEMPTS_MAX + 5; i++)
		ev[i] = rep(i, 2.0f, 20.0f, 0.4f, 0.9f, 1.0f);
	static bc_history_session s;
	bc_history_session_from_events(&s, BC_EXERCISE_BRIDGE, local_noon(2024, 5, 2), 0.0, ev,
				       BC_HISTORY_ATTEMPTS_MAX + 5);
	assert_int_equal(s.reps, BC_HISTORY_ATTEMPTS_MAX + 5);
	assert_int_equal(s.n_attempts, BC_HISTORY_ATTEMPTS_MAX);
	assert_int_equal(s.attempts_dropped, 5);
	bc_history *h = open_ok(db_path("cap.sqlite3"));
	assert_true(bc_history_add_session(h, &s) > 0);
	bc_history_close(h);
}

/* Tests: migration from v2 */

/* Schema v1 and the step to v2, as they shipped, and a session in them. */
static const char v2_file_sql[] =
	"CREATE TABLE session ("
	" id INTEGER PRIMARY KEY, started_utc TEXT NOT NULL, started_unix_s INTEGER NOT NULL,"
	" exercise TEXT NOT NULL CHECK (exercise <> ''),"
	" duration_s REAL NOT NULL CHECK (duration_s >= 0), reps INTEGER NOT NULL CHECK (reps >= "
	"0),"
	" rejected INTEGER NOT NULL CHECK (rejected >= 0),"
	" target_reps INTEGER NOT NULL CHECK (target_reps >= 0),"
	" hold_target_s REAL NOT NULL CHECK (hold_target_s >= 0), mean_hold_s REAL,"
	" max_hold_s REAL, peak_deg_max REAL,"
	" posture_alerts INTEGER NOT NULL CHECK (posture_alerts >= 0), trace_path TEXT);"
	"CREATE INDEX session_by_start ON session (started_unix_s);"
	"CREATE TABLE session_rejection ("
	" session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
	" reason TEXT NOT NULL, count INTEGER NOT NULL CHECK (count > 0),"
	" PRIMARY KEY (session_id, reason)) WITHOUT ROWID;"
	"PRAGMA application_id = 1650681971;"
	"ALTER TABLE session ADD COLUMN reps_left INTEGER CHECK (reps_left >= 0);"
	"ALTER TABLE session ADD COLUMN reps_right INTEGER CHECK (reps_right >= 0);"
	"PRAGMA user_version = 2;"
	"INSERT INTO session VALUES (1, '2024-05-01T08:30:00Z', 1714552200, 'lat-stretch', 181.5,"
	" 5, 1, 10, 15.0, 15.4, 16.1, 33.5, 0, NULL, 3, 2);"
	"INSERT INTO session_rejection VALUES (1, 'hold too short', 1);";

/* A v2 file opens as v3: its session as it was, form unknown, no glitches, no attempts. */
static void test_migrates_v2_file(void **state)
{
	const char *path = db_path("v2.sqlite3");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v2_file_sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	bc_history *h = open_ok(path);
	static last_session back;
	back.n = 0;
	assert_int_equal(bc_history_recent(h, 0, 0, keep_first, &back), 1);
	assert_int_equal(back.s.reps, 5);
	assert_int_equal(back.s.reps_left, 3);
	assert_float_near(back.s.peak_deg_max, 33.5, 1e-5);
	assert_true(isnan(back.s.mean_hold_sd_deg));
	assert_int_equal(back.s.sensor_glitches, 0);
	assert_int_equal(back.s.n_attempts, 0);
	static bc_history_session s;
	bridge_session(&s, 1714640000, 1.0f);
	assert_true(bc_history_add_session(h, &s) > 0);
	bc_history_close(h);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(query_int(db, "PRAGMA user_version"), 3);
	assert_int_equal(query_int(db, "SELECT count(*) FROM session_attempt"), 3);
	assert_int_equal(query_int(db, "SELECT sum(sensor_glitches) FROM session"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM session WHERE mean_smoothness"
				       " IS NULL"),
			 1);
	sqlite3_close(db);
}

/* Tests: progress */

/*
 * Three days ago two bridge sessions, yesterday one bridge and a
 * knee-to-chest, today nothing: per-day figures of the bridge and of all.
 */
static void test_days_of_one_exercise_and_of_all(void **state)
{
	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	bc_history *h = open_ok(db_path("days.sqlite3"));
	int64_t today = local_noon(2024, 3, 11); /* the 10th has 23 hours */
	static bc_history_session s;
	bridge_session(&s, local_noon(2024, 3, 8) - 3600, 1.0f);
	assert_true(bc_history_add_session(h, &s) > 0);
	bridge_session(&s, local_noon(2024, 3, 8) + 3600, 2.0f);
	assert_true(bc_history_add_session(h, &s) > 0);
	bridge_session(&s, local_noon(2024, 3, 10), 1.0f);
	assert_true(bc_history_add_session(h, &s) > 0);
	bc_coach_event knee[] = { rep(5.0, 15.5f, 12.0f, 0.3f, 0.95f, 1.0f),
				  rejected(9.0, BC_REJECT_HOLD_TOO_SHORT, 10.0f) };
	knee[0].side = BC_SIDE_LEFT;
	knee[1].side = BC_SIDE_RIGHT;
	bc_history_session_from_events(&s, BC_EXERCISE_KNEE_TO_CHEST, local_noon(2024, 3, 10) + 60,
				       0.0, knee, 2);
	assert_true(bc_history_add_session(h, &s) > 0);

	bc_history_day d[5];
	assert_int_equal(bc_history_days(h, today, 5, "bridge", d), 0);
	assert_int_equal(d[4].day_start_unix_s, local_noon(2024, 3, 11) - 12 * 3600);
	assert_int_equal(d[0].sessions, 0);
	assert_true(isnan(d[0].best_hold_s));
	assert_int_equal(d[1].sessions, 2); /* the 8th */
	assert_int_equal(d[1].reps, 4);
	assert_int_equal(d[1].rejected_by_reason[BC_REJECT_TOO_LITTLE_RANGE], 2);
	assert_float_near(d[1].best_hold_s, 7.0, 1e-5);
	assert_float_near(d[1].mean_hold_s, (2.5 + 3.5 + 5.0 + 7.0) / 4, 1e-5);
	assert_float_near(d[1].best_peak_deg, 48.0, 1e-5);
	assert_float_near(d[1].mean_hold_sd_deg, 1.0, 1e-6);
	assert_float_near(d[1].mean_smoothness, 0.8, 1e-6);
	assert_int_equal(d[2].sessions, 0); /* the 9th */
	assert_int_equal(d[3].reps, 2);	    /* the 10th: bridge only */
	assert_int_equal(d[4].sessions, 0); /* today */

	assert_int_equal(bc_history_days(h, today, 5, NULL, d), 0);
	assert_int_equal(d[3].sessions, 2);
	assert_int_equal(d[3].reps, 3);
	assert_int_equal(d[3].rejected, 2);
	assert_int_equal(d[3].rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT], 1);
	assert_float_near(d[3].best_hold_s, 15.5, 1e-5);
	assert_float_near(d[3].mean_smoothness, (0.9 + 0.7 + 0.95) / 3, 1e-6);
	assert_float_near(d[3].mean_time_to_zone_s, (1.5 + 2.5 + 1.0) / 3, 1e-6);

	bc_history_day all;
	assert_int_equal(bc_history_span(h, local_noon(2024, 3, 1), today, "bridge", &all), 0);
	assert_int_equal(all.sessions, 3);
	assert_int_equal(all.reps, 6);
	assert_int_equal(all.rejected_by_reason[BC_REJECT_TOO_LITTLE_RANGE], 3);
	assert_float_near(all.best_hold_s, 7.0, 1e-5);

	char names[4][BC_HISTORY_EXERCISE_MAX];
	assert_int_equal(bc_history_exercises(h, local_noon(2024, 3, 9), names, 4), 2);
	assert_string_equal(names[0], "bridge");
	assert_string_equal(names[1], "knee-to-chest");
	assert_int_equal(bc_history_exercises(h, local_noon(2024, 3, 11), names, 4), 0);
	assert_int_equal(bc_history_days(h, today, 0, NULL, d), -1);
	assert_int_equal(bc_history_days(NULL, today, 5, NULL, d), -1);
	bc_history_close(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attempts_round_trip),
		cmocka_unit_test(test_attempts_beyond_the_cap),
		cmocka_unit_test(test_migrates_v2_file),
		cmocka_unit_test(test_days_of_one_exercise_and_of_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
