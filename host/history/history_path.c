/* SPDX-License-Identifier: MIT */
/* Where the history lives by default, and making its directory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "history/history.h"
#include "history/history_internal.h"

/* An environment variable's value when set and non-empty (XDG: empty = unset). */
static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* buf if "fmt" fitted, else NULL. */
static const char *fit(char *buf, size_t size, int n)
{
	return n >= 0 && (size_t)n < size ? buf : NULL;
}

const char *bc_history_default_path(char *buf, size_t size)
{
	const char *dir;
	if (!buf || size == 0)
		return NULL;
	if ((dir = env("BACKCOACH_HOME")))
		return fit(buf, size, snprintf(buf, size, "%s/history.sqlite3", dir));
	/* the XDG base directory spec says to ignore a relative XDG_DATA_HOME */
	if ((dir = env("XDG_DATA_HOME")) && dir[0] == '/')
		return fit(buf, size, snprintf(buf, size, "%s/backcoach/history.sqlite3", dir));
	if ((dir = env("HOME")))
		return fit(buf, size,
			   snprintf(buf, size, "%s/.local/share/backcoach/history.sqlite3", dir));
	return NULL;
}

int bc_history_make_parent_dirs(const char *path)
{
	char dir[4096];
	int n = snprintf(dir, sizeof(dir), "%s", path);
	if (n < 0 || (size_t)n >= sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0; /* in the current directory or in / */
	*slash = '\0';
	/* each prefix in turn, like mkdir -p; an existing one is fine */
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = c;
		if (c == '\0')
			break;
	}
	struct stat st;
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}
