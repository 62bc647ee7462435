/* SPDX-License-Identifier: MIT */
/* Private to host/history/: schema upkeep, paths and error text. */
#ifndef BC_HISTORY_INTERNAL_H
#define BC_HISTORY_INTERNAL_H

#include <stddef.h>

#include <sqlite3.h>

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

#endif /* BC_HISTORY_INTERNAL_H */
