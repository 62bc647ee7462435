/* SPDX-License-Identifier: MIT */
/*
 * Each attempt of a session, counted or rejected, with its form: the rows of
 * session_attempt (schema v3). Written with the session in its transaction,
 * replaced whole on every save of a session still going on.
 */
#include <stdio.h>
#include <string.h>

#include "history/history.h"
#include "history/history_internal.h"

static int delete_attempts(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM session_attempt WHERE session_id = ?1", -1,
				    &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Parameters 4..12 of the insert: the attempt's verdict, side and figures. */
static void bind_attempt(sqlite3_stmt *st, const bc_history_attempt *a)
{
	sqlite3_bind_int(st, 4, a->counted ? 1 : 0);
	bc_sql_bind_text(st, 5, a->counted ? NULL : bc_history_reason_stored(a->reason));
	bool sided = a->side == BC_SIDE_LEFT || a->side == BC_SIDE_RIGHT;
	bc_sql_bind_text(st, 6, sided ? bc_side_text(a->side) : NULL);
	bc_sql_bind_float(st, 7, a->hold_s);
	bc_sql_bind_float(st, 8, a->peak_deg);
	bc_sql_bind_float(st, 9, a->depth_cm);
	bc_sql_bind_float(st, 10, a->hold_sd_deg);
	bc_sql_bind_float(st, 11, a->smoothness);
	bc_sql_bind_float(st, 12, a->time_to_zone_s);
}

int bc_history_write_attempts(sqlite3 *db, int64_t id, const bc_history_session *s)
{
	static const char sql[] =
		"INSERT INTO session_attempt (session_id, seq, t_s, counted, reason, side,"
		" hold_s, peak_deg, depth_cm, hold_sd_deg, smoothness, time_to_zone_s)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
	int rc = delete_attempts(db, id);
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < s->n_attempts; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_double(st, 3, isfinite(s->attempts[i].t_s) ? s->attempts[i].t_s : 0.0);
		bind_attempt(st, &s->attempts[i]);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static bc_side side_of(const unsigned char *text)
{
	if (!text)
		return BC_SIDE_NONE;
	if (!strcmp((const char *)text, "left"))
		return BC_SIDE_LEFT;
	return !strcmp((const char *)text, "right") ? BC_SIDE_RIGHT : BC_SIDE_NONE;
}

static void read_attempt(sqlite3_stmt *st, bc_history_attempt *a)
{
	a->t_s = sqlite3_column_double(st, 0);
	a->counted = sqlite3_column_int(st, 1) != 0;
	const unsigned char *reason = sqlite3_column_text(st, 2);
	a->reason = a->counted ? BC_REJECT_NONE
		    : reason   ? bc_history_reason_index((const char *)reason)
			       : BC_REJECT_NONE;
	a->side = side_of(sqlite3_column_text(st, 3));
	a->hold_s = bc_sql_column_float(st, 4);
	a->peak_deg = bc_sql_column_float(st, 5);
	a->depth_cm = bc_sql_column_float(st, 6);
	a->hold_sd_deg = bc_sql_column_float(st, 7);
	a->smoothness = bc_sql_column_float(st, 8);
	a->time_to_zone_s = bc_sql_column_float(st, 9);
}

int bc_history_read_attempts(sqlite3 *db, bc_history_session *s)
{
	static const char sql[] =
		"SELECT t_s, counted, reason, side, hold_s, peak_deg, depth_cm, hold_sd_deg,"
		" smoothness, time_to_zone_s FROM session_attempt WHERE session_id = ?1"
		" ORDER BY seq";
	s->n_attempts = 0;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (s->n_attempts < BC_HISTORY_ATTEMPTS_MAX)
			read_attempt(st, &s->attempts[s->n_attempts++]);
		else
			s->attempts_dropped++;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	return rc;
}
