/* SPDX-License-Identifier: MIT */
/*
 * SQLite failures turned into one sentence a user can act on. The library
 * only fills buffers; the command or the app decides where to show them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "history/history.h"
#include "history/history_internal.h"

void bc_history_set_error(char *err, size_t err_size, const char *fmt, ...)
{
	if (!err || err_size == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, err_size, fmt, ap);
	va_end(ap);
}

/* The operating system's reason behind an I/O failure, "" when none. */
static const char *os_reason(sqlite3 *db)
{
	int e = db ? sqlite3_system_errno(db) : 0;
	return e ? strerror(e) : "";
}

void bc_history_describe_error(sqlite3 *db, int rc, const char *path, const char *doing, char *err,
			       size_t err_size)
{
	const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	const char *os = os_reason(db);
	const char *sep = *os ? ": " : "";
	switch (rc & 0xff) { /* the primary code of an extended one */
	case SQLITE_NOTADB:
		bc_history_set_error(err, err_size,
				     "%s: not an SQLite database, so not a backcoach history "
				     "(%s); left untouched",
				     path, detail);
		break;
	case SQLITE_CORRUPT:
		bc_history_set_error(err, err_size,
				     "%s: the history file is damaged (%s); move it aside and "
				     "backcoach starts a new one",
				     path, detail);
		break;
	case SQLITE_CANTOPEN:
		bc_history_set_error(err, err_size, "%s: cannot open the history file (%s%s%s)",
				     path, detail, sep, os);
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		bc_history_set_error(err, err_size,
				     "%s: no permission to write the history (%s%s%s)", path,
				     detail, sep, os);
		break;
	case SQLITE_FULL:
		bc_history_set_error(err, err_size, "%s: disk full while %s the history", path,
				     doing);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		bc_history_set_error(err, err_size,
				     "%s: the history is locked by another program (waited %d ms "
				     "while %s it)",
				     path, BC_HISTORY_BUSY_TIMEOUT_MS, doing);
		break;
	case SQLITE_IOERR:
		bc_history_set_error(err, err_size, "%s: I/O error while %s the history (%s%s%s)",
				     path, doing, detail, sep, os);
		break;
	default:
		bc_history_set_error(err, err_size, "%s: failed while %s the history (%s)", path,
				     doing, detail);
		break;
	}
}
