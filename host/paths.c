/* SPDX-License-Identifier: MIT */
/* Where backcoach's files are: see paths.h. */
#include "paths.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An environment variable's value when set and non-empty (XDG: empty = unset). */
static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* An $XDG_* directory: the specification says to ignore a relative one. */
static const char *xdg_env(const char *name)
{
	const char *v = env(name);
	return v && v[0] == '/' ? v : NULL;
}

/* buf if snprintf's n fitted, else NULL. */
static const char *fit(char *buf, size_t size, int n)
{
	return n >= 0 && (size_t)n < size ? buf : NULL;
}

const char *bc_paths_data_file(const char *name, char *buf, size_t size)
{
	const char *dir;
	if (!buf || size == 0)
		return NULL;
	if ((dir = env("BACKCOACH_HOME")))
		return fit(buf, size, snprintf(buf, size, "%s/%s", dir, name));
	if ((dir = xdg_env("XDG_DATA_HOME")))
		return fit(buf, size, snprintf(buf, size, "%s/backcoach/%s", dir, name));
	if ((dir = env("HOME")))
		return fit(buf, size,
			   snprintf(buf, size, "%s/.local/share/backcoach/%s", dir, name));
	return NULL;
}

const char *bc_paths_settings_file(char *buf, size_t size)
{
	const char *dir;
	if (!buf || size == 0)
		return NULL;
	if ((dir = xdg_env("XDG_CONFIG_HOME")))
		return fit(buf, size, snprintf(buf, size, "%s/backcoach/settings.conf", dir));
	if ((dir = env("HOME")))
		return fit(buf, size,
			   snprintf(buf, size, "%s/.config/backcoach/settings.conf", dir));
	return NULL;
}

/* The directory of this executable. */
static bool exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* buf = dir/rel/name when that fits and is readable. */
static bool readable(char *buf, size_t size, const char *dir, const char *rel, const char *name)
{
	int n = snprintf(buf, size, "%s%s%s", dir, rel, name);
	return fit(buf, size, n) && access(buf, R_OK) == 0;
}

const char *bc_paths_find_bundled(const char *name, char *buf, size_t size)
{
	static const char *const beside_exe[] = { "/../host/data/", "/../../host/data/",
						  "/../share/backcoach/",
						  "/../../share/backcoach/" };
	char dir[PATH_MAX];
	if (exe_dir(dir, sizeof(dir)))
		for (size_t i = 0; i < sizeof(beside_exe) / sizeof(beside_exe[0]); i++)
			if (readable(buf, size, dir, beside_exe[i], name))
				return buf;
	if (readable(buf, size, "", "host/data/", name))
		return buf;
	if (readable(buf, size, BC_PATHS_INSTALLED_DATA_DIR, "/", name))
		return buf;
	return NULL;
}

const char *bc_paths_find_app(char *buf, size_t size)
{
	static const char *const beside_exe[] = { "/", "/../lib/backcoach/" };
	const char *given = env("BACKCOACH_APP");
	char dir[PATH_MAX];
	if (!buf || size == 0)
		return NULL;
	if (given)
		return fit(buf, size, snprintf(buf, size, "%s", given));
	if (!exe_dir(dir, sizeof(dir)))
		return NULL;
	for (size_t i = 0; i < sizeof(beside_exe) / sizeof(beside_exe[0]); i++) {
		int n = snprintf(buf, size, "%s%sbackcoach-app", dir, beside_exe[i]);
		if (fit(buf, size, n) && access(buf, X_OK) == 0)
			return buf;
	}
	return NULL;
}
