/* SPDX-License-Identifier: MIT */
/*
 * Progress over local days: per day, the counts, holds, range and form of
 * one exercise or of all, for the progress screens and the report. Day
 * boundaries come from local_day.c (summer time: days of 23 or 25 hours).
 * A few small queries per day, with the start-time index: a year of days
 * takes milliseconds.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "history/history.h"
#include "history/history_internal.h"
#include "history/local_day.h"

/*
 * Every query takes ?1, ?2 (the day's range) and ?3 (the exercise, NULL:
 * all), so one binder serves them all. Mean hold: the sessions' means
 * weighted by their counted reps.
 */
static const char totals_sql[] =
	"SELECT count(*), total(reps), total(rejected), total(posture_alerts), total(duration_s),"
	" max(max_hold_s),"
	" total(mean_hold_s * reps) / nullif(total(CASE WHEN mean_hold_s IS NOT NULL"
	" THEN reps END), 0),"
	" max(peak_deg_max)"
	" FROM session WHERE started_unix_s >= ?1 AND started_unix_s < ?2"
	" AND (?3 IS NULL OR exercise = ?3)";
static const char reasons_sql[] = "SELECT r.reason, total(r.count) FROM session_rejection r"
				  " JOIN session s ON s.id = r.session_id"
				  " WHERE s.started_unix_s >= ?1 AND s.started_unix_s < ?2"
				  " AND (?3 IS NULL OR s.exercise = ?3) GROUP BY r.reason";
static const char form_sql[] =
	"SELECT avg(a.hold_sd_deg), avg(a.smoothness), avg(a.time_to_zone_s)"
	" FROM session_attempt a JOIN session s ON s.id = a.session_id"
	" WHERE a.counted = 1 AND s.started_unix_s >= ?1 AND s.started_unix_s < ?2"
	" AND (?3 IS NULL OR s.exercise = ?3)";

static int prepare_for_day(sqlite3 *db, const char *sql, int64_t from, int64_t to,
			   const char *exercise, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(*st, 1, from);
		sqlite3_bind_int64(*st, 2, to);
		bc_sql_bind_text(*st, 3, exercise);
	}
	return rc;
}

static void read_totals(sqlite3_stmt *st, bc_history_day *d)
{
	d->sessions = sqlite3_column_int(st, 0);
	d->reps = (int)sqlite3_column_int64(st, 1);
	d->rejected = (int)sqlite3_column_int64(st, 2);
	d->posture_alerts = (int)sqlite3_column_int64(st, 3);
	d->duration_s = sqlite3_column_double(st, 4);
	d->best_hold_s = bc_sql_column_float(st, 5);
	d->mean_hold_s = bc_sql_column_float(st, 6);
	d->best_peak_deg = bc_sql_column_float(st, 7);
}

static void read_form(sqlite3_stmt *st, bc_history_day *d)
{
	d->mean_hold_sd_deg = bc_sql_column_float(st, 0);
	d->mean_smoothness = bc_sql_column_float(st, 1);
	d->mean_time_to_zone_s = bc_sql_column_float(st, 2);
}

/* One day [from, to) into d. SQLite code. */
static int read_day(sqlite3 *db, int64_t from, int64_t to, const char *exercise, bc_history_day *d)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare_for_day(db, totals_sql, from, to, exercise, &st);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_totals(st, d);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == SQLITE_OK && d->sessions > 0)
		rc = prepare_for_day(db, reasons_sql, from, to, exercise, &st);
	while (st && rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *reason = sqlite3_column_text(st, 0);
		d->rejected_by_reason[bc_history_reason_index(
			reason ? (const char *)reason : "")] += (int)sqlite3_column_int64(st, 1);
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	st = NULL;
	if (rc == SQLITE_OK && d->sessions > 0 &&
	    (rc = prepare_for_day(db, form_sql, from, to, exercise, &st)) == SQLITE_OK &&
	    (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_form(st, d);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* An empty record from from_unix_s: zero counts, no figures. */
static void clear_day(bc_history_day *d, int64_t from_unix_s)
{
	*d = (bc_history_day){
		.day_start_unix_s = from_unix_s,
		.best_hold_s = NAN,
		.mean_hold_s = NAN,
		.best_peak_deg = NAN,
		.mean_hold_sd_deg = NAN,
		.mean_smoothness = NAN,
		.mean_time_to_zone_s = NAN,
	};
}

int bc_history_days(bc_history *h, int64_t now_unix_s, int days, const char *exercise,
		    bc_history_day *out)
{
	if (!h || !out || days < 1)
		return -1;
	int rc = SQLITE_OK;
	for (int i = 0; i < days && rc == SQLITE_OK; i++) {
		int offset = i - (days - 1);
		bc_history_day *d = &out[i];
		clear_day(d, bc_local_day_start(now_unix_s, offset));
		rc = read_day(h->db, d->day_start_unix_s,
			      bc_local_day_start(now_unix_s, offset + 1), exercise, d);
	}
	return rc == SQLITE_OK ? 0 : bc_history_failed(h, rc, "reading");
}

int bc_history_span(bc_history *h, int64_t from_unix_s, int64_t to_unix_s, const char *exercise,
		    bc_history_day *out)
{
	if (!h || !out)
		return -1;
	clear_day(out, from_unix_s);
	int rc = read_day(h->db, from_unix_s, to_unix_s, exercise, out);
	return rc == SQLITE_OK ? 0 : bc_history_failed(h, rc, "reading");
}

int bc_history_exercises(bc_history *h, int64_t since_unix_s, char names[][BC_HISTORY_EXERCISE_MAX],
			 int max)
{
	static const char sql[] = "SELECT DISTINCT exercise FROM session"
				  " WHERE started_unix_s >= ?1 ORDER BY exercise";
	if (!h || (!names && max > 0))
		return -1;
	int n = 0;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, since_unix_s);
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(st, 0);
		snprintf(names[n++], BC_HISTORY_EXERCISE_MAX, "%s", name ? (const char *)name : "");
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? n : bc_history_failed(h, rc, "reading");
}
