/* SPDX-License-Identifier: MIT */
/* Profiles, one directory each beside the first profile's files: see profiles.h. */
#include "profiles.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

#define PROFILES_DIR "profiles"
#define CURRENT_FILE "profile"

bool bc_profile_name_valid(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n >= BC_PROFILE_NAME_MAX || name[0] == '.' || name[0] == ' ' ||
	    name[n - 1] == ' ' || !strcasecmp(name, BC_PROFILE_FIRST))
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p == '/' || *p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

static bool is_first(const char *name)
{
	return !name || !strcasecmp(name, BC_PROFILE_FIRST);
}

const char *bc_profile_file(const char *name, const char *file, char *buf, size_t size)
{
	if (is_first(name)) {
		if (!strcmp(file, "settings.conf"))
			return bc_paths_settings_file(buf, size);
		return bc_paths_data_file(file, buf, size);
	}
	if (!bc_profile_name_valid(name))
		return NULL;
	char rel[BC_PROFILE_NAME_MAX + 64];
	snprintf(rel, sizeof(rel), PROFILES_DIR "/%s/%s", name, file);
	return bc_paths_data_file(rel, buf, size);
}

static int by_name(const void *a, const void *b)
{
	return strcasecmp(a, b);
}

int bc_profiles_list(char names[][BC_PROFILE_NAME_MAX], int max, char *err, size_t err_size)
{
	char dir[4096];
	if (max < 1)
		return 0;
	if (!bc_paths_data_file(PROFILES_DIR, dir, sizeof(dir))) {
		snprintf(err, err_size, "no data directory: set HOME or BACKCOACH_HOME");
		return -1;
	}
	snprintf(names[0], BC_PROFILE_NAME_MAX, "%s", BC_PROFILE_FIRST);
	int n = 1;
	DIR *d = opendir(dir);
	if (!d)
		return n; /* no profiles made yet: the first one alone */
	for (struct dirent *e; (e = readdir(d)) && n < max;) {
		char path[sizeof(dir) + sizeof(e->d_name) + 2];
		struct stat st;
		if (!bc_profile_name_valid(e->d_name)) /* also: shorter than BC_PROFILE_NAME_MAX */
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			memcpy(names[n++], e->d_name, strlen(e->d_name) + 1);
	}
	closedir(d);
	qsort(names + 1, (size_t)(n - 1), sizeof(names[0]), by_name);
	return n;
}

int bc_profiles_find(char names[][BC_PROFILE_NAME_MAX], int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcasecmp(names[i], name))
			return i;
	return -1;
}

/* mkdir -p: each prefix in turn, an existing one is fine; 0 or -1 (errno). */
static int make_dirs(char *path)
{
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		int r = mkdir(path, 0700);
		*p = c;
		if (r != 0 && errno != EEXIST)
			return -1;
		if (!c)
			return 0;
	}
}

int bc_profile_add(const char *name, char *err, size_t err_size)
{
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], path[4096];
	if (!bc_profile_name_valid(name)) {
		snprintf(err, err_size,
			 "'%s' cannot be a profile name (1-31 characters, no '/', not starting "
			 "with '.', not '%s')",
			 name, BC_PROFILE_FIRST);
		return -1;
	}
	int n = bc_profiles_list(names, BC_PROFILES_MAX, err, err_size);
	if (n < 0)
		return -1;
	if (bc_profiles_find(names, n, name) >= 0) {
		snprintf(err, err_size, "there is a profile '%s' already", name);
		return -1;
	}
	if (n >= BC_PROFILES_MAX) {
		snprintf(err, err_size, "%d profiles already: the home screen shows no more",
			 BC_PROFILES_MAX);
		return -1;
	}
	char rel[BC_PROFILE_NAME_MAX + 16];
	snprintf(rel, sizeof(rel), PROFILES_DIR "/%s", name);
	if (!bc_paths_data_file(rel, path, sizeof(path)) || make_dirs(path) != 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

const char *bc_profile_current(char *buf, size_t size)
{
	char path[4096], line[BC_PROFILE_NAME_MAX + 2] = "";
	snprintf(buf, size, "%s", BC_PROFILE_FIRST);
	if (!bc_paths_data_file(CURRENT_FILE, path, sizeof(path)))
		return buf;
	FILE *f = fopen(path, "r");
	if (!f)
		return buf;
	if (fgets(line, sizeof(line), f))
		line[strcspn(line, "\r\n")] = '\0';
	fclose(f);
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], err[256];
	int n = bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err));
	int i = n > 0 ? bc_profiles_find(names, n, line) : -1;
	if (i >= 0)
		snprintf(buf, size, "%s", names[i]);
	return buf;
}

int bc_profile_set_current(const char *name, char *err, size_t err_size)
{
	char path[4096], tmp[4200];
	if (!bc_paths_data_file(CURRENT_FILE, path, sizeof(path))) {
		snprintf(err, err_size, "no data directory: set HOME or BACKCOACH_HOME");
		return -1;
	}
	char dir[4096];
	if (bc_paths_data_file("", dir, sizeof(dir)) && make_dirs(dir) != 0) {
		snprintf(err, err_size, "%s: %s", dir, strerror(errno));
		return -1;
	}
	/* A new file renamed over the old: a power cut leaves one or the other. */
	snprintf(tmp, sizeof(tmp), "%s.new", path);
	FILE *f = fopen(tmp, "w");
	if (!f || fprintf(f, "%s\n", name) < 0 || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		snprintf(err, err_size, "%s: %s", tmp, strerror(errno));
		if (f)
			fclose(f);
		unlink(tmp);
		return -1;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
