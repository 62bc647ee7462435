/* SPDX-License-Identifier: MIT */
/* Where the history lives by default, and making its directory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "history/history.h"
#include "history/history_internal.h"
#include "paths.h"

const char *bc_history_default_path(char *buf, size_t size)
{
	return bc_paths_data_file("history.sqlite3", buf, size);
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
