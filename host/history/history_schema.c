/* SPDX-License-Identifier: MIT */
/*
 * The history's SQLite schema and its migrations. PRAGMA user_version holds
 * the schema version and PRAGMA application_id marks the file as ours, so
 * a newer file or someone else's database is refused, never rewritten.
 */
#include <stdbool.h>

#include "history/history.h"
#include "history/history_internal.h"

/* Definitions */

/*
 * migrations[v] takes the schema from version v to v + 1. Each ends by
 * setting user_version (and runs inside one transaction with the check of
 * the version, so a migration never runs twice). To change the schema,
 * append a step and bump BC_HISTORY_SCHEMA_VERSION; never edit a step that
 * has shipped.
 */
static const char *const migrations[] = {
	/* 0 -> 1: sessions and their rejected attempts by reason */
	"CREATE TABLE session ("
	" id INTEGER PRIMARY KEY,"
	" started_utc TEXT NOT NULL,"	    /* ISO 8601 UTC, 2024-05-01T08:30:00Z */
	" started_unix_s INTEGER NOT NULL," /* the same instant, seconds since 1970 */
	" exercise TEXT NOT NULL CHECK (exercise <> ''),"
	" duration_s REAL NOT NULL CHECK (duration_s >= 0),"
	" reps INTEGER NOT NULL CHECK (reps >= 0),"
	" rejected INTEGER NOT NULL CHECK (rejected >= 0),"
	" target_reps INTEGER NOT NULL CHECK (target_reps >= 0),"
	" hold_target_s REAL NOT NULL CHECK (hold_target_s >= 0),"
	" mean_hold_s REAL," /* NULL: no counted rep */
	" max_hold_s REAL,"
	" peak_deg_max REAL,"
	" posture_alerts INTEGER NOT NULL CHECK (posture_alerts >= 0),"
	" trace_path TEXT" /* NULL: no trace recorded */
	");"
	"CREATE INDEX session_by_start ON session (started_unix_s);"
	"CREATE TABLE session_rejection ("
	" session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
	" reason TEXT NOT NULL," /* bc_reject_reason_text(), or unknown */
	" count INTEGER NOT NULL CHECK (count > 0),"
	" PRIMARY KEY (session_id, reason)"
	") WITHOUT ROWID;"
	"PRAGMA application_id = 1650681971;" /* BC_HISTORY_APPLICATION_ID */
	"PRAGMA user_version = 1;",
	/*
	 * 1 -> 2: counted reps per side for one-sided exercises; NULL for the
	 * others and for sessions stored before sides were counted (unknown).
	 */
	"ALTER TABLE session ADD COLUMN reps_left INTEGER CHECK (reps_left >= 0);"
	"ALTER TABLE session ADD COLUMN reps_right INTEGER CHECK (reps_right >= 0);"
	"PRAGMA user_version = 2;",
	/*
	 * 2 -> 3: each attempt with its form (detect/rep_form.h), the session's
	 * form means and its sensor faults. Older sessions keep no attempts
	 * and NULL means (not measured); their glitches read as 0.
	 */
	"ALTER TABLE session ADD COLUMN mean_hold_sd_deg REAL;"
	"ALTER TABLE session ADD COLUMN mean_smoothness REAL;"
	"ALTER TABLE session ADD COLUMN mean_time_to_zone_s REAL;"
	"ALTER TABLE session ADD COLUMN sensor_glitches INTEGER NOT NULL DEFAULT 0"
	" CHECK (sensor_glitches >= 0);"
	"CREATE TABLE session_attempt ("
	" session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL CHECK (seq >= 1)," /* 1, 2, ... in the session's order */
	" t_s REAL NOT NULL,"			  /* seconds after the first sample */
	" counted INTEGER NOT NULL CHECK (counted IN (0, 1)),"
	" reason TEXT," /* rejected: bc_reject_reason_text(), or unknown; counted: NULL */
	" side TEXT,"	/* "left", "right"; NULL: no sides */
	" hold_s REAL,"
	" peak_deg REAL,"
	" depth_cm REAL,"
	" hold_sd_deg REAL,"
	" smoothness REAL,"
	" time_to_zone_s REAL,"
	" PRIMARY KEY (session_id, seq)"
	") WITHOUT ROWID;"
	"PRAGMA user_version = 3;",
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == BC_HISTORY_SCHEMA_VERSION,
	       "one migration step per schema version");
_Static_assert(BC_HISTORY_APPLICATION_ID == 1650681971, "application_id in the SQL above");

/* Functions */

/* The single integer a statement returns (a PRAGMA or a count). SQLite code. */
static int query_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_ERROR; /* a PRAGMA or count always returns a row */
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/* Version and ownership as stored; SQLite code. */
static int read_marks(sqlite3 *db, int *app_id, int *version, int *objects)
{
	int rc = query_int(db, "PRAGMA application_id", app_id);
	if (rc == SQLITE_OK)
		rc = query_int(db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = query_int(db, "SELECT count(*) FROM sqlite_master", objects);
	return rc;
}

/* 0 when the marks say "ours (any version) or empty"; -1 + err otherwise. */
static int judge_marks(const char *path, int app_id, int version, int objects, char *err,
		       size_t err_size)
{
	if (app_id == 0 && version == 0 && objects == 0)
		return 0; /* a new, empty file */
	if (app_id != BC_HISTORY_APPLICATION_ID || version <= 0) {
		bc_history_set_error(err, err_size,
				     "%s: an SQLite database, but not a backcoach history "
				     "(left untouched; move it or choose another file)",
				     path);
		return -1;
	}
	if (version > BC_HISTORY_SCHEMA_VERSION) {
		bc_history_set_error(err, err_size,
				     "%s: written by a newer backcoach (history schema v%d; "
				     "this one reads up to v%d); left untouched",
				     path, version, BC_HISTORY_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

int bc_history_schema_check(sqlite3 *db, const char *path, int *version, char *err, size_t err_size)
{
	int app_id = 0, objects = 0;
	*version = 0;
	int rc = read_marks(db, &app_id, version, &objects);
	if (rc != SQLITE_OK) {
		bc_history_describe_error(db, rc, path, "reading", err, err_size);
		return -1;
	}
	return judge_marks(path, app_id, *version, objects, err, err_size);
}

int bc_history_schema_migrate(sqlite3 *db, const char *path, char *err, size_t err_size)
{
	const char *doing = "starting to update";
	int app_id = 0, version = 0, objects = 0;
	/* IMMEDIATE: take the write lock before reading the version */
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto sqlite_failed;
	doing = "reading";
	rc = read_marks(db, &app_id, &version, &objects);
	if (rc != SQLITE_OK)
		goto sqlite_failed;
	if (judge_marks(path, app_id, version, objects, err, err_size) < 0)
		goto rollback;
	doing = "updating the schema of";
	for (int v = version; v < BC_HISTORY_SCHEMA_VERSION; v++) {
		rc = sqlite3_exec(db, migrations[v], NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			goto sqlite_failed;
	}
	doing = "saving the schema of";
	rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto sqlite_failed;
	return 0;

sqlite_failed:
	bc_history_describe_error(db, rc, path, doing, err, err_size);
rollback:
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
