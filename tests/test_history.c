/* SPDX-License-Identifier: MIT */
/*
 * The session history store: schema creation and marks, add + read back,
 * today's totals on local-day boundaries (including a 23-hour summer-time
 * day), the streak across gaps, files that are not (our) databases, two
 * handles at once, records that do not add up, reps per side, and a file
 * of schema v1 migrated without losing a value.
 *
 * Expected totals and streaks are worked out here from the sessions the
 * test wrote, with localtime_r() dates, not taken from the library.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "coach/exercise_table.h"
#include "history/history.h"
#include "support/test_support.h"

/* A zone with summer time: 2024-03-10 has 23 hours, 2024-11-03 has 25. */
#define TZ_SUMMER_TIME "EST5EDT,M3.2.0,M11.1.0"
/* A zone ten hours ahead of UTC: local and UTC dates differ every evening (UTC). */
#define TZ_AHEAD "AEST-10"

/* Helpers */

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* A fresh file name under the test's temporary directory. */
static const char *db_path(const char *name)
{
	static char paths[8][512];
	static int next;
	char *p = paths[next++ % 8];
	snprintf(p, 512, "%s/%s", bc_test_tmpdir(), name);
	remove(p);
	return p;
}

static bc_history *open_ok(const char *path)
{
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(path, err, sizeof(err));
	if (!h)
		print_error("open %s: %s\n", path ? path : "(default)", err);
	assert_non_null(h);
	return h;
}

/* Local wall-clock time to unix seconds (mktime decides summer time). */
static int64_t local_time(int year, int month, int day, int hour, int minute, int second)
{
	struct tm tm = { .tm_year = year - 1900,
			 .tm_mon = month - 1,
			 .tm_mday = day,
			 .tm_hour = hour,
			 .tm_min = minute,
			 .tm_sec = second,
			 .tm_isdst = -1 };
	return (int64_t)mktime(&tm);
}

/* Local calendar day of t as one comparable number (year * 1000 + day of year). */
static long local_day_number(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	assert_non_null(localtime_r(&tt, &tm));
	return (long)tm.tm_year * 1000 + tm.tm_yday;
}

static bc_history_session make_session(const char *exercise, int64_t started, int reps,
				       int rejected_hold, int rejected_range)
{
	bc_history_session s;
	bc_history_session_begin(&s, bc_exercise_from_name(exercise), started, 0.0);
	s.duration_s = 60.0 + reps;
	s.reps = reps;
	s.target_reps = 10;
	s.hold_target_s = 2.0f;
	if (reps > 0) {
		s.mean_hold_s = 2.5f;
		s.max_hold_s = 2.0f + 0.1f * (float)reps;
		s.peak_deg_max = 20.0f + (float)reps;
	}
	s.rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT] = rejected_hold;
	s.rejected_by_reason[BC_REJECT_TOO_LITTLE_RANGE] = rejected_range;
	s.rejected = rejected_hold + rejected_range;
	return s;
}

static void add_ok(bc_history *h, const bc_history_session *s)
{
	int64_t id = bc_history_add_session(h, s);
	if (id <= 0)
		print_error("add: %s\n", bc_history_error(h));
	assert_true(id > 0);
}

/* A session as read back, with its trace path copied out of the query. */
typedef struct {
	bc_history_session s;
	char trace[256];
	bool has_trace;
} stored_session;

typedef struct {
	stored_session items[64];
	int n;
	int stop_after; /* 0: never stop */
} collected;

static int collect(const bc_history_session *s, void *user)
{
	collected *c = user;
	assert_true(c->n < 64);
	stored_session *o = &c->items[c->n++];
	o->s = *s;
	o->has_trace = s->trace_path != NULL;
	if (s->trace_path)
		snprintf(o->trace, sizeof(o->trace), "%s", s->trace_path);
	o->s.trace_path = NULL; /* points into the query; gone after the callback */
	return c->stop_after && c->n >= c->stop_after;
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

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void assert_float_same(float a, float b)
{
	if (isnan(a) || isnan(b))
		assert_true(isnan(a) && isnan(b));
	else
		assert_float_near(a, b, 1e-6);
}

/* Tests: schema */

static void test_schema_created(void **state)
{
	char dir[512], path[600];
	snprintf(dir, sizeof(dir), "%s/new/nested", bc_test_tmpdir());
	snprintf(path, sizeof(path), "%s/history.sqlite3", dir);
	bc_history *h = open_ok(path);
	assert_string_equal(bc_history_path(h), path);
	struct stat st;
	assert_int_equal(stat(dir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);

	/* look at the file with SQLite itself while the history is open */
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(query_int(db, "PRAGMA user_version"), BC_HISTORY_SCHEMA_VERSION);
	assert_int_equal(query_int(db, "PRAGMA application_id"), 0x62636873);
	assert_int_equal(query_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
				       " AND name IN ('session', 'session_rejection')"),
			 2);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
	sqlite3_finalize(q);
	sqlite3_close(db);

	/* opening again keeps what was stored */
	bc_history_session s = make_session("bridge", local_time(2024, 5, 1, 8, 0, 0), 7, 1, 0);
	add_ok(h, &s);
	bc_history_close(h);
	h = open_ok(path);
	collected c = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 1);
	assert_int_equal(c.items[0].s.reps, 7);
	bc_history_close(h);
}

static void test_empty_file_gets_schema(void **state)
{
	/* an existing empty file is a version-0 database: migrated to the current schema */
	const char *path = db_path("empty.sqlite3");
	write_file(path, "", 0);
	bc_history *h = open_ok(path);
	bc_history_close(h);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(query_int(db, "PRAGMA user_version"), BC_HISTORY_SCHEMA_VERSION);
	sqlite3_close(db);
}

/* Tests: add and read back */

static void test_round_trip(void **state)
{
	set_tz(TZ_AHEAD);
	bc_history *h = open_ok(db_path("round.sqlite3"));
	int64_t t0 = local_time(2024, 5, 1, 7, 30, 0);
	bc_history_session in[4];
	in[0] = make_session("pelvic-tilt", t0, 9, 2, 1);
	in[0].trace_path = "/data/traces/2024-05-01-0730.csv.gz";
	in[1] = make_session("bridge", t0 + 600, 0, 0, 3); /* no rep: no hold values */
	in[2] = make_session("posture", t0 + 1200, 0, 0, 0);
	in[2].posture_alerts = 4;
	in[2].hold_target_s = 0;
	in[3] = make_session("cat-cow", t0 + 1800, 5, 0, 0);
	in[3].rejected_by_reason[BC_REJECT_NONE] = 2; /* no known reason: stored as unknown */
	in[3].rejected_by_reason[BC_REJECT_RUSHED] = 1;
	in[3].rejected = 3;
	in[3].trace_path = "caf\xc3\xa9 'quoted'; DROP TABLE session; --.csv";
	for (int i = 0; i < 4; i++)
		add_ok(h, &in[i]);

	collected c = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 4);
	for (int k = 0; k < 4; k++) {
		const bc_history_session *want = &in[3 - k]; /* newest first */
		const stored_session *got = &c.items[k];
		assert_true(got->s.id > 0);
		assert_true(got->s.started_unix_s == want->started_unix_s);
		assert_string_equal(got->s.started_utc, want->started_utc);
		assert_string_equal(got->s.exercise, want->exercise);
		assert_float_near(got->s.duration_s, want->duration_s, 1e-9);
		assert_int_equal(got->s.reps, want->reps);
		assert_int_equal(got->s.rejected, want->rejected);
		assert_int_equal(got->s.target_reps, want->target_reps);
		assert_float_same(got->s.hold_target_s, want->hold_target_s);
		assert_float_same(got->s.mean_hold_s, want->mean_hold_s);
		assert_float_same(got->s.max_hold_s, want->max_hold_s);
		assert_float_same(got->s.peak_deg_max, want->peak_deg_max);
		assert_int_equal(got->s.posture_alerts, want->posture_alerts);
		for (int r = 0; r < BC_REJECT_COUNT; r++)
			assert_int_equal(got->s.rejected_by_reason[r], want->rejected_by_reason[r]);
		assert_int_equal(got->has_trace, want->trace_path != NULL);
		if (want->trace_path)
			assert_string_equal(got->trace, want->trace_path);
	}
	/* ISO text is UTC: 07:30 at UTC+10 is 21:30 the day before */
	assert_string_equal(c.items[3].s.started_utc, "2024-04-30T21:30:00Z");
	assert_int_equal(bc_history_session_top_reason(&c.items[3].s), BC_REJECT_HOLD_TOO_SHORT);

	/* limit, since, and a callback that stops early */
	collected two = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 2, 0, collect, &two), 2);
	assert_true(two.items[1].s.started_unix_s == in[2].started_unix_s);
	collected since = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, t0 + 600, collect, &since), 3);
	collected stop = { .n = 0, .stop_after = 1 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &stop), 1);
	bc_history_close(h);
}

static void test_bad_record_rejected(void **state)
{
	bc_history *h = open_ok(db_path("bad-record.sqlite3"));
	bc_history_session s = make_session("bridge", 1714550000, 5, 1, 1);
	s.rejected = 3; /* reasons add up to 2 */
	assert_int_equal(bc_history_add_session(h, &s), -1);
	assert_non_null(strstr(bc_history_error(h), "add up to 2, not 3"));
	s = make_session("bridge", 1714550000, -1, 0, 0);
	assert_int_equal(bc_history_add_session(h, &s), -1);
	s = make_session("bridge", 1714550000, 1, 0, 0);
	s.exercise[0] = '\0';
	assert_int_equal(bc_history_add_session(h, &s), -1);
	s = make_session("bridge", 1714550000, 1, 0, 0);
	s.duration_s = NAN;
	assert_int_equal(bc_history_add_session(h, &s), -1);
	collected c = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 0); /* nothing stored */
	bc_history_close(h);
}

static void test_save_as_session_goes_on(void **state)
{
	bc_history *h = open_ok(db_path("save.sqlite3"));
	bc_history_session s = make_session("bridge", 1714550000, 3, 1, 0);
	assert_int_equal(bc_history_save_session(h, &s), 0);
	int64_t id = s.id;
	assert_true(id > 0);
	/* the set goes on: more reps, the reasons change */
	s.reps = 10;
	s.rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT] = 0;
	s.rejected_by_reason[BC_REJECT_NOT_LEVEL] = 2;
	s.rejected = 2;
	s.duration_s = 300.0;
	assert_int_equal(bc_history_save_session(h, &s), 0);
	assert_true(s.id == id);
	collected c = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 1);
	assert_true(c.items[0].s.id == id);
	assert_int_equal(c.items[0].s.reps, 10);
	assert_float_near(c.items[0].s.duration_s, 300.0, 1e-9);
	for (int r = 0; r < BC_REJECT_COUNT; r++)
		assert_int_equal(c.items[0].s.rejected_by_reason[r], s.rejected_by_reason[r]);
	/* a row that is gone is an error, not a silent new row */
	s.id = id + 100;
	assert_int_equal(bc_history_save_session(h, &s), -1);
	assert_true(s.id == id + 100);
	assert_non_null(strstr(bc_history_error(h), "no longer in the history"));
	c.n = 0;
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 1);
	bc_history_close(h);
}

/* Tests: sides and the migration from schema v1 */

/* Every row of a query as text, "a|b|NULL\n" a row, so two dumps compare whole. */
static char *dump(sqlite3 *db, const char *sql)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const unsigned char *v = sqlite3_column_text(st, c);
			fprintf(out, "%s%s", c ? "|" : "", v ? (const char *)v : "NULL");
		}
		fputc('\n', out);
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(fclose(out), 0);
	return text;
}

/* The schema v1 as it shipped (history_schema.c's first step), and sessions in it. */
static const char v1_file_sql[] =
	"CREATE TABLE session ("
	" id INTEGER PRIMARY KEY,"
	" started_utc TEXT NOT NULL,"
	" started_unix_s INTEGER NOT NULL,"
	" exercise TEXT NOT NULL CHECK (exercise <> ''),"
	" duration_s REAL NOT NULL CHECK (duration_s >= 0),"
	" reps INTEGER NOT NULL CHECK (reps >= 0),"
	" rejected INTEGER NOT NULL CHECK (rejected >= 0),"
	" target_reps INTEGER NOT NULL CHECK (target_reps >= 0),"
	" hold_target_s REAL NOT NULL CHECK (hold_target_s >= 0),"
	" mean_hold_s REAL,"
	" max_hold_s REAL,"
	" peak_deg_max REAL,"
	" posture_alerts INTEGER NOT NULL CHECK (posture_alerts >= 0),"
	" trace_path TEXT"
	");"
	"CREATE INDEX session_by_start ON session (started_unix_s);"
	"CREATE TABLE session_rejection ("
	" session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
	" reason TEXT NOT NULL,"
	" count INTEGER NOT NULL CHECK (count > 0),"
	" PRIMARY KEY (session_id, reason)"
	") WITHOUT ROWID;"
	"PRAGMA application_id = 1650681971;"
	"PRAGMA user_version = 1;"
	"INSERT INTO session VALUES (1, '2024-05-01T08:30:00Z', 1714552200, 'bridge', 181.5,"
	" 8, 3, 10, 2.0, 2.4, 3.1, 27.5, 0, '/t/a.csv.gz');"
	"INSERT INTO session VALUES (2, '2024-05-01T09:00:00Z', 1714554000, 'knee-to-chest',"
	" 300.25, 4, 1, 10, 15.0, 15.5, 16.0, 12.0, 0, NULL);"
	"INSERT INTO session VALUES (3, '2024-05-02T07:00:00Z', 1714633200, 'posture', 600.0,"
	" 0, 0, 0, 0.0, NULL, NULL, NULL, 5, NULL);"
	"INSERT INTO session_rejection VALUES (1, 'hold too short', 2);"
	"INSERT INTO session_rejection VALUES (1, 'pelvis not level', 1);"
	"INSERT INTO session_rejection VALUES (2, 'unknown', 1);";

#define V1_COLUMNS                                                                            \
	"id, started_utc, started_unix_s, exercise, duration_s, reps, rejected, target_reps," \
	" hold_target_s, mean_hold_s, max_hold_s, peak_deg_max, posture_alerts, trace_path"

/* A history written by schema v1 opens as the latest with every value it held, sides unknown. */
static void test_migrates_v1_file_and_loses_nothing(void **state)
{
	const char *path = db_path("v1.sqlite3");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v1_file_sql, NULL, NULL, NULL), SQLITE_OK);
	char *sessions_before = dump(db, "SELECT " V1_COLUMNS " FROM session ORDER BY id");
	char *reasons_before = dump(db, "SELECT * FROM session_rejection ORDER BY 1, 2");
	sqlite3_close(db);

	bc_history *h = open_ok(path);
	collected c = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 3);
	const bc_history_session *knee = &c.items[1].s; /* newest first: posture, knee, bridge */
	assert_string_equal(knee->exercise, "knee-to-chest");
	assert_int_equal(knee->reps, 4);
	assert_false(knee->per_side); /* stored before sides were counted: unknown, not 0/0 */
	assert_int_equal(knee->rejected_by_reason[BC_REJECT_NONE], 1);
	assert_int_equal(c.items[2].s.rejected_by_reason[BC_REJECT_NOT_LEVEL], 1);
	/* a new one-sided session goes in beside them */
	bc_history_session s = make_session("knee-to-chest", 1714640000, 5, 0, 0);
	s.per_side = true;
	s.reps_left = 2;
	s.reps_right = 3;
	add_ok(h, &s);
	bc_history_close(h);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(query_int(db, "PRAGMA user_version"), BC_HISTORY_SCHEMA_VERSION);
	char *sessions_after = dump(db,
				    "SELECT " V1_COLUMNS " FROM session WHERE id <= 3 ORDER BY id");
	char *reasons_after = dump(
		db, "SELECT * FROM session_rejection WHERE session_id <= 3 ORDER BY 1, 2");
	assert_string_equal(sessions_after, sessions_before);
	assert_string_equal(reasons_after, reasons_before);
	char *sides = dump(db, "SELECT id, reps_left, reps_right FROM session ORDER BY id");
	assert_string_equal(sides, "1|NULL|NULL\n2|NULL|NULL\n3|NULL|NULL\n4|2|3\n");
	sqlite3_close(db);
	free(sessions_before);
	free(reasons_before);
	free(sessions_after);
	free(reasons_after);
	free(sides);
}

/* Per-side counts go in and come back; sides that do not add up to reps do not go in. */
static void test_sides_round_trip(void **state)
{
	bc_history *h = open_ok(db_path("sides.sqlite3"));
	bc_history_session s = make_session("lat-stretch", 1714550000, 6, 1, 0);
	s.per_side = true;
	s.reps_left = 4;
	s.reps_right = 2;
	add_ok(h, &s);
	bc_history_session none = make_session("bridge", 1714550600, 3, 0, 0);
	add_ok(h, &none);
	collected c = { .n = 0 };
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 2);
	assert_false(c.items[0].s.per_side);
	assert_true(c.items[1].s.per_side);
	assert_int_equal(c.items[1].s.reps_left, 4);
	assert_int_equal(c.items[1].s.reps_right, 2);

	s.reps_right = 1; /* 4 + 1 is not 6 */
	assert_int_equal(bc_history_add_session(h, &s), -1);
	assert_non_null(strstr(bc_history_error(h), "per side add up to 5, not 6"));
	s.reps_left = -1;
	s.reps_right = 7;
	assert_int_equal(bc_history_add_session(h, &s), -1);
	c.n = 0;
	assert_int_equal(bc_history_recent(h, 0, 0, collect, &c), 2);
	bc_history_close(h);
}

static void test_null_handle(void **state)
{
	bc_history_session s = make_session("bridge", 1714550000, 1, 0, 0);
	bc_history_totals t;
	collected c = { .n = 0 };
	assert_int_equal(bc_history_add_session(NULL, &s), -1);
	assert_int_equal(bc_history_save_session(NULL, &s), -1);
	assert_int_equal(bc_history_today(NULL, 0, NULL, &t), -1);
	assert_int_equal(bc_history_streak_days(NULL, 0), -1);
	assert_int_equal(bc_history_recent(NULL, 0, 0, collect, &c), -1);
	assert_true(strlen(bc_history_error(NULL)) > 0);
	bc_history_close(NULL);
}

/* Tests: local days */

/* Totals the test expects for the local day of now, from the sessions themselves. */
static bc_history_totals expected_today(const bc_history_session *s, int n, int64_t now,
					const char *exercise)
{
	bc_history_totals t = { .max_hold_s = NAN };
	for (int i = 0; i < n; i++) {
		if (local_day_number(s[i].started_unix_s) != local_day_number(now))
			continue;
		if (exercise && strcmp(exercise, s[i].exercise))
			continue;
		t.sessions++;
		t.reps += s[i].reps;
		t.rejected += s[i].rejected;
		t.posture_alerts += s[i].posture_alerts;
		t.duration_s += s[i].duration_s;
		if (!isnan(s[i].max_hold_s) &&
		    (isnan(t.max_hold_s) || s[i].max_hold_s > t.max_hold_s))
			t.max_hold_s = s[i].max_hold_s;
	}
	return t;
}

static void check_today(bc_history *h, const bc_history_session *s, int n, int64_t now,
			const char *exercise)
{
	bc_history_totals want = expected_today(s, n, now, exercise), got;
	assert_int_equal(bc_history_today(h, now, exercise, &got), 0);
	assert_int_equal(got.sessions, want.sessions);
	assert_int_equal(got.reps, want.reps);
	assert_int_equal(got.rejected, want.rejected);
	assert_int_equal(got.posture_alerts, want.posture_alerts);
	assert_float_near(got.duration_s, want.duration_s, 1e-6);
	assert_float_same(got.max_hold_s, want.max_hold_s);
}

/* Sessions one second either side of the local midnights around day y-m-d. */
static int sessions_around(int y, int m, int d, bc_history_session *s)
{
	int64_t start = local_time(y, m, d, 0, 0, 0);
	int64_t next = local_time(y, m, d + 1, 0, 0, 0);
	int64_t times[] = { start - 1, start, start + 3600, next - 1, next, next + 1 };
	const char *names[] = { "bridge",  "pelvic-tilt", "bridge",
				"posture", "bridge",	  "pelvic-tilt" };
	int n = 0;
	for (int i = 0; i < 6; i++) {
		s[n] = make_session(names[i], times[i], 3 + i, i % 2, 1);
		if (!strcmp(names[i], "posture")) {
			s[n].reps = 0;
			s[n].posture_alerts = 2;
			s[n].max_hold_s = s[n].mean_hold_s = s[n].peak_deg_max = NAN;
		}
		n++;
	}
	return n;
}

static void test_today_local_day(void **state)
{
	/* ten hours ahead of UTC: the UTC date changes at 10:00 local */
	set_tz(TZ_AHEAD);
	bc_history *h = open_ok(db_path("today-ahead.sqlite3"));
	bc_history_session s[6];
	int n = sessions_around(2024, 5, 1, s);
	for (int i = 0; i < n; i++)
		add_ok(h, &s[i]);
	int64_t nows[] = { local_time(2024, 5, 1, 0, 0, 0),  local_time(2024, 5, 1, 9, 59, 59),
			   local_time(2024, 5, 1, 10, 0, 0), local_time(2024, 5, 1, 23, 59, 59),
			   local_time(2024, 5, 2, 0, 0, 0),  local_time(2024, 4, 30, 12, 0, 0),
			   local_time(2024, 6, 1, 12, 0, 0) };
	for (size_t i = 0; i < sizeof(nows) / sizeof(nows[0]); i++) {
		check_today(h, s, n, nows[i], NULL);
		check_today(h, s, n, nows[i], "bridge");
		check_today(h, s, n, nows[i], "cat-cow");
	}
	/* the test is only worth something if today holds some but not all sessions */
	bc_history_totals t;
	assert_int_equal(bc_history_today(h, nows[1], NULL, &t), 0);
	assert_true(t.sessions > 0 && t.sessions < n);
	bc_history_close(h);

	/* 2024-03-10 has 23 hours in New York: the next midnight is 23 h after this one */
	set_tz(TZ_SUMMER_TIME);
	h = open_ok(db_path("today-dst.sqlite3"));
	n = sessions_around(2024, 3, 10, s);
	for (int i = 0; i < n; i++)
		add_ok(h, &s[i]);
	assert_true(local_time(2024, 3, 11, 0, 0, 0) - local_time(2024, 3, 10, 0, 0, 0) ==
		    23 * 3600);
	int64_t day = local_time(2024, 3, 10, 12, 0, 0);
	check_today(h, s, n, day, NULL);
	assert_int_equal(bc_history_today(h, day, NULL, &t), 0);
	assert_int_equal(t.sessions, 3); /* start, start + 1 h, next - 1 s */
	check_today(h, s, n, local_time(2024, 3, 11, 0, 30, 0), NULL);
	check_today(h, s, n, local_time(2024, 3, 9, 23, 0, 0), NULL);
	bc_history_close(h);
}

/* Tests: streak */

/*
 * The streak the test expects: rep_day[k] says whether day today-k had a rep.
 * Today may still be empty; every other day in the run must have reps.
 */
static int expected_streak(const bool *rep_day, int days)
{
	int k = rep_day[0] ? 0 : 1;
	int streak = 0;
	while (k < days && rep_day[k]) {
		streak++;
		k++;
	}
	return streak;
}

static void test_streak(void **state)
{
	set_tz(TZ_SUMMER_TIME);
	enum { DAYS = 40, ROUNDS = 12 };
	unsigned seed = 12345;
	for (int round = 0; round < ROUNDS; round++) {
		char name[64];
		snprintf(name, sizeof(name), "streak-%d.sqlite3", round);
		bc_history *h = open_ok(db_path(name));
		/* today is 2024-03-20 or 2024-11-10: the runs cross a summer-time change */
		int month = round % 2 ? 3 : 11, today = round % 2 ? 20 : 10;
		bool rep_day[DAYS];
		for (int k = 0; k < DAYS; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 100;
			/* long runs, the odd gap; round 0 has reps every day */
			rep_day[k] = round == 0 || r < 88 || (k == 0 && r < 94);
			seed = seed * 1103515245u + 12345u;
			int hour = (int)((seed >> 16) % 24), minute = (int)((seed >> 8) % 60);
			int64_t t = local_time(2024, month, today - k, hour, minute, 0);
			/* every day gets a session; days without reps get a rep-less one */
			bc_history_session s = make_session("bridge", t, rep_day[k] ? 4 : 0, 1, 0);
			add_ok(h, &s);
			if (k % 3 == 0) { /* a posture session: alerts are not reps */
				s = make_session("posture", t + 60, 0, 0, 0);
				s.posture_alerts = 3;
				add_ok(h, &s);
			}
		}
		int64_t now = local_time(2024, month, today, 23, 59, 59);
		int want = expected_streak(rep_day, DAYS);
		assert_int_equal(bc_history_streak_days(h, now), want);
		/* seen from tomorrow morning, today is "yesterday": same streak, or 0 if empty */
		int64_t tomorrow = local_time(2024, month, today + 1, 6, 0, 0);
		assert_int_equal(bc_history_streak_days(h, tomorrow), rep_day[0] ? want : 0);
		/* two days later the run is broken */
		assert_int_equal(
			bc_history_streak_days(h, local_time(2024, month, today + 2, 6, 0, 0)), 0);
		/* sessions after now (a clock set back) do not count */
		bc_history_session future = make_session("bridge", tomorrow + 86400 * 3, 5, 0, 0);
		add_ok(h, &future);
		assert_int_equal(bc_history_streak_days(h, now), want);
		bc_history_close(h);
	}
	bc_history *h = open_ok(db_path("streak-empty.sqlite3"));
	assert_int_equal(bc_history_streak_days(h, local_time(2024, 3, 20, 12, 0, 0)), 0);
	bc_history_close(h);
}

/* Tests: files that cannot be used */

static void assert_open_fails(const char *path, const char *needle)
{
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(path, err, sizeof(err));
	assert_null(h);
	if (!strstr(err, needle) || !strstr(err, path))
		print_error("message '%s' lacks '%s' or the path\n", err, needle);
	assert_non_null(strstr(err, needle));
	assert_non_null(strstr(err, path));
}

static void test_not_a_database(void **state)
{
	const char *path = db_path("not-a-db.sqlite3");
	char text[4096];
	for (size_t i = 0; i < sizeof(text); i++)
		text[i] = (char)('a' + i % 26);
	write_file(path, text, sizeof(text));
	assert_open_fails(path, "not an SQLite database");
	size_t len;
	char *after = bc_test_read_file(path, &len); /* left untouched */
	assert_int_equal(len, sizeof(text));
	assert_memory_equal(after, text, sizeof(text));
	free(after);
	bc_history_open(path, NULL, 0); /* err may be NULL */

	/* a directory where the file should be */
	char dir[600];
	snprintf(dir, sizeof(dir), "%s/a-directory", bc_test_tmpdir());
	mkdir(dir, 0700);
	assert_open_fails(dir, "cannot open");

	/* a file where a parent directory should be */
	char under_file[700];
	snprintf(under_file, sizeof(under_file), "%s/sub/history.sqlite3", path);
	assert_open_fails(under_file, "cannot create its directory");
}

static void test_foreign_and_newer_database(void **state)
{
	const char *foreign = db_path("foreign.sqlite3");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(foreign, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_open_fails(foreign, "not a backcoach history");
	assert_int_equal(sqlite3_open(foreign, &db), SQLITE_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM sqlite_master"), 1);
	assert_int_equal(query_int(db, "PRAGMA user_version"), 0);
	sqlite3_close(db);

	const char *newer = db_path("newer.sqlite3");
	bc_history *h = open_ok(newer);
	bc_history_close(h);
	assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_open_fails(newer, "newer backcoach");
}

static void test_damaged_database(void **state)
{
	const char *path = db_path("damaged.sqlite3");
	bc_history *h = open_ok(path);
	for (int i = 0; i < 200; i++) { /* a few pages of sessions */
		bc_history_session s = make_session("bridge", 1714550000 + 60 * i, 5, 1, 1);
		s.trace_path = "/a/long/enough/path/to/fill/pages/with/rows/of/session/data.csv";
		add_ok(h, &s);
	}
	bc_history_close(h); /* the last close folds the WAL into the file */
	size_t len;
	char *bytes = bc_test_read_file(path, &len);
	assert_true(len >= 4 * 4096);
	memset(bytes + 4096 + 100, 0x5a, 2 * 4096); /* scribble over b-tree pages */
	write_file(path, bytes, len);
	free(bytes);
	char err[BC_HISTORY_ERROR_MAX];
	h = bc_history_open(path, err, sizeof(err));
	assert_null(h);
	assert_non_null(strstr(err, "damaged"));
	assert_non_null(strstr(err, path));
}

/* Tests: two handles */

typedef struct {
	bc_history *other;
	int seen;
} concurrent_ctx;

/* While the first handle is reading, the second writes: WAL lets both go on. */
static int write_while_reading(const bc_history_session *s, void *user)
{
	concurrent_ctx *c = user;
	if (c->seen++ == 0) {
		bc_history_session more = make_session("cat-cow", s->started_unix_s + 1, 6, 0, 0);
		int64_t id = bc_history_add_session(c->other, &more);
		if (id <= 0)
			print_error("second handle: %s\n", bc_history_error(c->other));
		assert_true(id > 0);
	}
	return 0;
}

static void test_two_handles(void **state)
{
	set_tz(TZ_AHEAD);
	const char *path = db_path("shared.sqlite3");
	bc_history *a = open_ok(path);
	bc_history *b = open_ok(path);
	int64_t now = local_time(2024, 5, 1, 12, 0, 0);
	bc_history_session s = make_session("bridge", now - 60, 8, 0, 0);
	add_ok(a, &s);
	bc_history_totals t;
	assert_int_equal(bc_history_today(b, now, NULL, &t), 0);
	assert_int_equal(t.reps, 8);

	concurrent_ctx c = { .other = b };
	assert_int_equal(bc_history_recent(a, 0, 0, write_while_reading, &c), 1);
	assert_int_equal(bc_history_today(a, now, NULL, &t), 0);
	assert_int_equal(t.sessions, 2);
	assert_int_equal(t.reps, 8 + 6);
	bc_history_close(a);
	bc_history_close(b);
}

/* Tests: default path */

static void test_default_path(void **state)
{
	char buf[1024];
	setenv("BACKCOACH_HOME", "/srv/coach", 1);
	setenv("XDG_DATA_HOME", "/home/u/data", 1);
	setenv("HOME", "/home/u", 1);
	assert_string_equal(bc_history_default_path(buf, sizeof(buf)),
			    "/srv/coach/history.sqlite3");
	setenv("BACKCOACH_HOME", "", 1); /* empty counts as unset */
	assert_string_equal(bc_history_default_path(buf, sizeof(buf)),
			    "/home/u/data/backcoach/history.sqlite3");
	setenv("XDG_DATA_HOME", "relative/data", 1); /* the XDG spec says ignore it */
	assert_string_equal(bc_history_default_path(buf, sizeof(buf)),
			    "/home/u/.local/share/backcoach/history.sqlite3");
	unsetenv("HOME");
	assert_null(bc_history_default_path(buf, sizeof(buf)));
	setenv("HOME", "/home/u", 1);
	assert_null(bc_history_default_path(buf, 10)); /* too small: no cut path */

	/* open(NULL) uses it, creating the directories */
	char home[512];
	snprintf(home, sizeof(home), "%s/coach-home/sub", bc_test_tmpdir());
	setenv("BACKCOACH_HOME", home, 1);
	bc_history *h = open_ok(NULL);
	snprintf(buf, sizeof(buf), "%s/history.sqlite3", home);
	assert_string_equal(bc_history_path(h), buf);
	bc_history_close(h);
	struct stat st;
	assert_int_equal(stat(buf, &st), 0);
	unsetenv("BACKCOACH_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_created),
		cmocka_unit_test(test_empty_file_gets_schema),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_bad_record_rejected),
		cmocka_unit_test(test_save_as_session_goes_on),
		cmocka_unit_test(test_migrates_v1_file_and_loses_nothing),
		cmocka_unit_test(test_sides_round_trip),
		cmocka_unit_test(test_null_handle),
		cmocka_unit_test(test_today_local_day),
		cmocka_unit_test(test_streak),
		cmocka_unit_test(test_not_a_database),
		cmocka_unit_test(test_foreign_and_newer_database),
		cmocka_unit_test(test_damaged_database),
		cmocka_unit_test(test_two_handles),
		cmocka_unit_test(test_default_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
