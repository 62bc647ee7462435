/* SPDX-License-Identifier: MIT */
/*
 * The session history store: one SQLite connection per handle, statements
 * prepared per call with bound parameters (no SQL is ever built from data),
 * every failure turned into a message in the handle.
 */
#include "history/history.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "history/history_internal.h"
#include "history/local_day.h"

/* Definitions */

/* Open and close */

/*
 * Journal and durability. WAL: readers never block the writer and a crash
 * mid-write leaves the last commit intact. synchronous=FULL: a commit is on
 * the disk when it returns, so a set the screen called saved survives a
 * power cut (NORMAL may drop the latest commits there). It costs one fsync
 * per saved set, a few a session.
 */
static int set_journal(sqlite3 *db)
{
	int rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

/* A damaged file is found at open, not in the middle of a session. SQLite code. */
static int quick_check(sqlite3 *db, bool *ok)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *verdict = sqlite3_column_text(st, 0);
		*ok = verdict && !strcmp((const char *)verdict, "ok");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

bc_history *bc_history_open(const char *path, char *err, size_t err_size)
{
	char default_path[4096];
	const char *doing = "opening";
	bc_history_set_error(err, err_size, "%s", "");
	if (!path) {
		path = bc_history_default_path(default_path, sizeof(default_path));
		if (!path) {
			bc_history_set_error(
				err, err_size,
				"no place for the history: set HOME or BACKCOACH_HOME");
			return NULL;
		}
	}
	bc_history *h = calloc(1, sizeof(*h));
	if (!h || !(h->path = strdup(path))) {
		bc_history_set_error(err, err_size, "%s: out of memory opening the history", path);
		goto fail;
	}
	bool in_memory = !strcmp(path, ":memory:");
	if (!in_memory && bc_history_make_parent_dirs(path) < 0) {
		bc_history_set_error(err, err_size, "%s: cannot create its directory (%s)", path,
				     strerror(errno));
		goto fail;
	}
	int rc = sqlite3_open_v2(path, &h->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		goto sqlite_failed;
	sqlite3_extended_result_codes(h->db, 1);
	sqlite3_busy_timeout(h->db, BC_HISTORY_BUSY_TIMEOUT_MS);

	/* look before writing anything: a foreign or newer file stays as it is */
	int version;
	if (bc_history_schema_check(h->db, path, &version, err, err_size) < 0)
		goto fail;
	if (version > 0) {
		bool ok = false;
		doing = "checking";
		if ((rc = quick_check(h->db, &ok)) != SQLITE_OK)
			goto sqlite_failed;
		if (!ok) {
			bc_history_set_error(
				err, err_size,
				"%s: the history file is damaged (integrity check "
				"failed); move it aside and backcoach starts a new one",
				path);
			goto fail;
		}
	}
	doing = "setting up";
	if ((rc = set_journal(h->db)) != SQLITE_OK)
		goto sqlite_failed;
	if (bc_history_schema_migrate(h->db, path, err, err_size) < 0)
		goto fail;
	return h;

sqlite_failed:
	bc_history_describe_error(h->db, rc, path, doing, err, err_size);
fail:
	bc_history_close(h);
	return NULL;
}

void bc_history_close(bc_history *h)
{
	if (!h)
		return;
	sqlite3_close(h->db); /* NULL-safe; every statement is finalized by its caller */
	free(h->path);
	free(h);
}

const char *bc_history_error(const bc_history *h)
{
	return h ? h->error : "history not open";
}

const char *bc_history_path(const bc_history *h)
{
	return h ? h->path : NULL;
}

/* Helpers */

/* Helpers (history_internal.h) */

int bc_history_failed(bc_history *h, int rc, const char *doing)
{
	bc_history_describe_error(h->db, rc, h->path, doing, h->error, sizeof(h->error));
	return -1;
}

bc_reject_reason bc_history_reason_index(const char *text)
{
	for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT; r++)
		if (!strcmp(text, bc_reject_reason_text(r)))
			return r;
	return BC_REJECT_NONE; /* "unknown", or a reason from a newer backcoach */
}

const char *bc_history_reason_stored(bc_reject_reason r)
{
	return r == BC_REJECT_NONE ? BC_HISTORY_UNKNOWN_REASON : bc_reject_reason_text(r);
}

/* Adding a session */

/* Checks the record adds up before it goes in; 0 ok, -1 with h->error. */
static int validate(bc_history *h, const bc_history_session *s)
{
	int by_reason = 0;
	for (int r = 0; r < BC_REJECT_COUNT; r++) {
		if (s->rejected_by_reason[r] < 0)
			goto bad;
		by_reason += s->rejected_by_reason[r];
	}
	if (!s->exercise[0] || memchr(s->exercise, '\0', sizeof(s->exercise)) == NULL)
		goto bad;
	if (s->reps < 0 || s->rejected < 0 || s->target_reps < 0 || s->posture_alerts < 0 ||
	    !(s->duration_s >= 0) || !isfinite(s->duration_s) || !(s->hold_target_s >= 0) ||
	    !isfinite(s->hold_target_s))
		goto bad;
	if (s->per_side && (s->reps_left < 0 || s->reps_right < 0))
		goto bad;
	if (s->n_attempts < 0 || s->n_attempts > BC_HISTORY_ATTEMPTS_MAX || s->sensor_glitches < 0)
		goto bad;
	if (s->per_side && s->reps_left + s->reps_right != s->reps) {
		bc_history_set_error(h->error, sizeof(h->error),
				     "%s: session not stored: reps per side add up to %d, not %d",
				     h->path, s->reps_left + s->reps_right, s->reps);
		return -1;
	}
	if (by_reason != s->rejected) {
		bc_history_set_error(h->error, sizeof(h->error),
				     "%s: session not stored: rejected attempts by reason add up "
				     "to %d, not %d",
				     h->path, by_reason, s->rejected);
		return -1;
	}
	return 0;
bad:
	bc_history_set_error(h->error, sizeof(h->error),
			     "%s: session not stored: no exercise name, or a negative or "
			     "non-finite count or time",
			     h->path);
	return -1;
}

/* Parameters idx and idx + 1: reps left and right, NULL when the session has no sides. */
static void bind_side_reps(sqlite3_stmt *st, int idx, const bc_history_session *s)
{
	if (s->per_side) {
		sqlite3_bind_int(st, idx, s->reps_left);
		sqlite3_bind_int(st, idx + 1, s->reps_right);
	} else {
		sqlite3_bind_null(st, idx);
		sqlite3_bind_null(st, idx + 1);
	}
}

/*
 * Writes the session row: a new one when id is 0, else over row id (*changed
 * says whether it existed). Both statements number their parameters alike.
 */
static int write_session(sqlite3 *db, const bc_history_session *s, int64_t id, bool *changed)
{
	static const char insert_sql[] =
		"INSERT INTO session (started_utc, started_unix_s, exercise, duration_s, reps,"
		" rejected, target_reps, hold_target_s, mean_hold_s, max_hold_s, peak_deg_max,"
		" posture_alerts, trace_path, reps_left, reps_right, mean_hold_sd_deg,"
		" mean_smoothness, mean_time_to_zone_s, sensor_glitches)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15, ?16,"
		" ?17, ?18, ?19, ?20)";
	static const char update_sql[] =
		"UPDATE session SET started_utc = ?1, started_unix_s = ?2, exercise = ?3,"
		" duration_s = ?4, reps = ?5, rejected = ?6, target_reps = ?7,"
		" hold_target_s = ?8, mean_hold_s = ?9, max_hold_s = ?10, peak_deg_max = ?11,"
		" posture_alerts = ?12, trace_path = ?13, reps_left = ?15, reps_right = ?16,"
		" mean_hold_sd_deg = ?17, mean_smoothness = ?18, mean_time_to_zone_s = ?19,"
		" sensor_glitches = ?20"
		" WHERE id = ?14";
	char utc[BC_HISTORY_UTC_TEXT_MAX];
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, id ? update_sql : insert_sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	/* bind calls only fail for misuse or memory: the step reports it */
	bc_sql_bind_text(st, 1, bc_utc_iso8601(s->started_unix_s, utc, sizeof(utc)));
	sqlite3_bind_int64(st, 2, s->started_unix_s);
	bc_sql_bind_text(st, 3, s->exercise);
	sqlite3_bind_double(st, 4, s->duration_s);
	sqlite3_bind_int(st, 5, s->reps);
	sqlite3_bind_int(st, 6, s->rejected);
	sqlite3_bind_int(st, 7, s->target_reps);
	sqlite3_bind_double(st, 8, s->hold_target_s);
	bc_sql_bind_float(st, 9, s->mean_hold_s);
	bc_sql_bind_float(st, 10, s->max_hold_s);
	bc_sql_bind_float(st, 11, s->peak_deg_max);
	sqlite3_bind_int(st, 12, s->posture_alerts);
	bc_sql_bind_text(st, 13, s->trace_path);
	bind_side_reps(st, 15, s);
	bc_sql_bind_float(st, 17, s->mean_hold_sd_deg);
	bc_sql_bind_float(st, 18, s->mean_smoothness);
	bc_sql_bind_float(st, 19, s->mean_time_to_zone_s);
	sqlite3_bind_int(st, 20, s->sensor_glitches);
	if (id)
		sqlite3_bind_int64(st, 14, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
		*changed = sqlite3_changes(db) > 0;
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/* Replaces the rejection rows of session id with the record's counts. */
static int write_rejections(sqlite3 *db, int64_t id, const bc_history_session *s)
{
	static const char delete_sql[] = "DELETE FROM session_rejection WHERE session_id = ?1";
	static const char insert_sql[] =
		"INSERT INTO session_rejection (session_id, reason, count) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, delete_sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, insert_sql, -1, &st, NULL);
	for (int r = 0; rc == SQLITE_OK && r < BC_REJECT_COUNT; r++) {
		if (s->rejected_by_reason[r] == 0)
			continue;
		const char *reason = bc_history_reason_stored(r);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		bc_sql_bind_text(st, 2, reason);
		sqlite3_bind_int(st, 3, s->rejected_by_reason[r]);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The session and its rejections in one transaction: new (id 0) or over row id. */
static int64_t store(bc_history *h, const bc_history_session *s, int64_t id)
{
	if (validate(h, s) < 0)
		return -1;
	const char *doing = "writing to";
	bool changed = false;
	int rc = sqlite3_exec(h->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto sqlite_failed;
	if ((rc = write_session(h->db, s, id, &changed)) != SQLITE_OK)
		goto sqlite_failed;
	if (!changed) {
		bc_history_set_error(h->error, sizeof(h->error),
				     "%s: session %lld not stored: it is no longer in the history",
				     h->path, (long long)id);
		goto rollback;
	}
	if (!id)
		id = sqlite3_last_insert_rowid(h->db);
	if ((rc = write_rejections(h->db, id, s)) != SQLITE_OK)
		goto sqlite_failed;
	if ((rc = bc_history_write_attempts(h->db, id, s)) != SQLITE_OK)
		goto sqlite_failed;
	doing = "saving to";
	if ((rc = sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
		goto sqlite_failed;
	return id;

sqlite_failed:
	bc_history_failed(h, rc, doing); /* before ROLLBACK replaces SQLite's message */
rollback:
	if (!sqlite3_get_autocommit(h->db))
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int64_t bc_history_add_session(bc_history *h, const bc_history_session *s)
{
	if (!h || !s)
		return -1;
	return store(h, s, 0);
}

int bc_history_save_session(bc_history *h, bc_history_session *s)
{
	if (!h || !s)
		return -1;
	int64_t id = store(h, s, s->id > 0 ? s->id : 0);
	if (id < 0)
		return -1;
	s->id = id;
	return 0;
}

/* Daily totals and streak */

int bc_history_today(bc_history *h, int64_t now_unix_s, const char *exercise,
		     bc_history_totals *out)
{
	static const char sql[] =
		"SELECT count(*), total(reps), total(rejected), total(posture_alerts),"
		" total(duration_s), max(max_hold_s)"
		" FROM session WHERE started_unix_s >= ?1 AND started_unix_s < ?2"
		" AND (?3 IS NULL OR exercise = ?3)";
	if (!h || !out)
		return -1;
	*out = (bc_history_totals){ .max_hold_s = NAN };
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, bc_local_day_start(now_unix_s, 0));
	sqlite3_bind_int64(st, 2, bc_local_day_start(now_unix_s, 1));
	bc_sql_bind_text(st, 3, exercise);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->sessions = sqlite3_column_int(st, 0);
		out->reps = (int)sqlite3_column_int64(st, 1);
		out->rejected = (int)sqlite3_column_int64(st, 2);
		out->posture_alerts = (int)sqlite3_column_int64(st, 3);
		out->duration_s = sqlite3_column_double(st, 4);
		out->max_hold_s = bc_sql_column_float(st, 5);
		rc = SQLITE_OK;
	}
out:
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : bc_history_failed(h, rc, "reading");
}

int bc_history_streak_days(bc_history *h, int64_t now_unix_s)
{
	static const char sql[] =
		"SELECT started_unix_s FROM session WHERE reps > 0 AND started_unix_s < ?1"
		" ORDER BY started_unix_s DESC";
	if (!h)
		return -1;
	int64_t today_start = bc_local_day_start(now_unix_s, 0);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, bc_local_day_start(now_unix_s, 1));
	/*
	 * Walk back through the days with reps, newest first: day_start is the
	 * day being looked at, counted says it had a rep. Only today may be
	 * empty (it is not over); any other empty day ends the streak.
	 */
	int streak = 0;
	int64_t day_start = today_start;
	bool counted = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t t = sqlite3_column_int64(st, 0);
		bool gap = false;
		while (t < day_start && !gap) {
			if (!counted && day_start != today_start)
				gap = true;
			day_start = bc_local_day_start(day_start, -1);
			counted = false;
		}
		if (gap)
			break;
		if (!counted) {
			streak++;
			counted = true;
		}
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? streak : bc_history_failed(h, rc, "reading");
}

/* Recent sessions */

/* Fills rejected_by_reason of s from its rejection rows. SQLite code. */
static int read_rejections(sqlite3 *db, bc_history_session *s)
{
	static const char sql[] = "SELECT reason, count FROM session_rejection"
				  " WHERE session_id = ?1";
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *reason = sqlite3_column_text(st, 0);
		if (reason)
			s->rejected_by_reason[bc_history_reason_index((const char *)reason)] +=
				sqlite3_column_int(st, 1);
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	return rc;
}

/* One row of the recent-sessions query into s (text columns copied or pointed to). */
static void read_session(sqlite3_stmt *st, bc_history_session *s)
{
	*s = (bc_history_session){ 0 };
	s->id = sqlite3_column_int64(st, 0);
	s->started_unix_s = sqlite3_column_int64(st, 1);
	const unsigned char *utc = sqlite3_column_text(st, 2);
	snprintf(s->started_utc, sizeof(s->started_utc), "%s", utc ? (const char *)utc : "");
	const unsigned char *exercise = sqlite3_column_text(st, 3);
	snprintf(s->exercise, sizeof(s->exercise), "%s", exercise ? (const char *)exercise : "");
	s->duration_s = sqlite3_column_double(st, 4);
	s->reps = sqlite3_column_int(st, 5);
	s->rejected = sqlite3_column_int(st, 6);
	s->target_reps = sqlite3_column_int(st, 7);
	s->hold_target_s = (float)sqlite3_column_double(st, 8);
	s->mean_hold_s = bc_sql_column_float(st, 9);
	s->max_hold_s = bc_sql_column_float(st, 10);
	s->peak_deg_max = bc_sql_column_float(st, 11);
	s->posture_alerts = sqlite3_column_int(st, 12);
	s->trace_path = (const char *)sqlite3_column_text(st, 13); /* NULL stays NULL */
	s->per_side = sqlite3_column_type(st, 14) != SQLITE_NULL &&
		      sqlite3_column_type(st, 15) != SQLITE_NULL;
	s->reps_left = s->per_side ? sqlite3_column_int(st, 14) : 0;
	s->reps_right = s->per_side ? sqlite3_column_int(st, 15) : 0;
	s->mean_hold_sd_deg = bc_sql_column_float(st, 16);
	s->mean_smoothness = bc_sql_column_float(st, 17);
	s->mean_time_to_zone_s = bc_sql_column_float(st, 18);
	s->sensor_glitches = sqlite3_column_int(st, 19);
}

int bc_history_recent(bc_history *h, int max_sessions, int64_t since_unix_s,
		      bc_history_session_fn fn, void *user)
{
	static const char sql[] =
		"SELECT id, started_unix_s, started_utc, exercise, duration_s, reps, rejected,"
		" target_reps, hold_target_s, mean_hold_s, max_hold_s, peak_deg_max,"
		" posture_alerts, trace_path, reps_left, reps_right, mean_hold_sd_deg,"
		" mean_smoothness, mean_time_to_zone_s, sensor_glitches"
		" FROM session WHERE started_unix_s >= ?1"
		" ORDER BY started_unix_s DESC, id DESC LIMIT ?2";
	if (!h || !fn)
		return -1;
	int passed = 0;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, since_unix_s);
	sqlite3_bind_int(st, 2, max_sessions > 0 ? max_sessions : -1); /* -1: no limit */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bc_history_session s;
		read_session(st, &s);
		if ((rc = read_rejections(h->db, &s)) != SQLITE_OK)
			goto out;
		if ((rc = bc_history_read_attempts(h->db, &s)) != SQLITE_OK)
			goto out;
		passed++;
		if (fn(&s, user) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? passed : bc_history_failed(h, rc, "reading");
}
