/* SPDX-License-Identifier: MIT */
/* Private to host/history/: schema upkeep, paths and error text. */
#ifndef BC_HISTORY_INTERNAL_H
#define BC_HISTORY_INTERNAL_H

#include <stddef.h>

#include <sqlite3.h>

#include <math.h>
#include <string.h>

#include "history/history.h"

/* The handle: one SQLite connection and the last failure's message. */
struct bc_history {
	sqlite3 *db;
	char *path;
	char error[BC_HISTORY_ERROR_MAX];
};

/* Stored in place of bc_reject_reason_text(BC_REJECT_NONE), which is "". */
#define BC_HISTORY_UNKNOWN_REASON "unknown"

/* PRAGMA application_id of a backcoach history: "bchs" in ASCII. */
#define BC_HISTORY_APPLICATION_ID 0x62636873

/*
 * Reads, without writing, whether db can be used: a backcoach history of
 * this schema or an older one, or an empty file. Refuses a newer schema and
 * any other database. Sets *version (0: empty, schema to be created).
 * 0 usable; -1 with a message in err.
 */
int bc_history_schema_check(sqlite3 *db, const char *path, int *version, char *err,
			    size_t err_size);

/*
 * Brings a checked database to BC_HISTORY_SCHEMA_VERSION in one write
 * transaction: creates the schema in an empty file or runs the migrations
 * of an older one. The version is read again inside the transaction, so two
 * processes opening a new file at once create it once. 0 done; -1 + err.
 */
int bc_history_schema_migrate(sqlite3 *db, const char *path, char *err, size_t err_size);

/* Creates the missing parent directories of path (mode 0700). 0, or -1 with errno. */
int bc_history_make_parent_dirs(const char *path);

/*
 * One sentence for a failed SQLite call: "PATH: what went wrong", naming
 * the usual causes (not a database, damaged, read-only, disk full, busy)
 * in words a user can act on. doing says what was attempted ("reading").
 */
void bc_history_describe_error(sqlite3 *db, int rc, const char *path, const char *doing, char *err,
			       size_t err_size);

/* printf into err (when not NULL and err_size > 0), always NUL-terminated. */
void bc_history_set_error(char *err, size_t err_size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records a failed SQLite call in the handle's error; returns -1. */
int bc_history_failed(bc_history *h, int rc, const char *doing);

/* The reason a stored text names; BC_REJECT_NONE for "unknown" or a newer one. */
bc_reject_reason bc_history_reason_index(const char *text);

/* The text stored for reason r ("unknown" for BC_REJECT_NONE). */
const char *bc_history_reason_stored(bc_reject_reason r);

/* A float column that may be NULL (no value: NAN). */
static inline float bc_sql_column_float(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN
							   : (float)sqlite3_column_double(st, col);
}

/* NAN and infinities stored as NULL, which reads back as NAN. */
static inline int bc_sql_bind_float(sqlite3_stmt *st, int idx, double v)
{
	return isfinite(v) ? sqlite3_bind_double(st, idx, v) : sqlite3_bind_null(st, idx);
}

static inline int bc_sql_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
	return text ? sqlite3_bind_text(st, idx, text, -1, SQLITE_TRANSIENT)
		    : sqlite3_bind_null(st, idx);
}

/* Attempts of a session (history_attempts.c); SQLite codes. */

/* Replaces the stored attempts of session id with s's. */
int bc_history_write_attempts(sqlite3 *db, int64_t id, const bc_history_session *s);

/* Reads the stored attempts of session s->id into s. */
int bc_history_read_attempts(sqlite3 *db, bc_history_session *s);

#endif /* BC_HISTORY_INTERNAL_H */
