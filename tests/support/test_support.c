/* SPDX-License-Identifier: MIT */
#include "support/test_support.h"

#include <dirent.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *bc_test_shared_data(void)
{
	const char *dir = getenv("BC_SHARED_DATA");
	struct stat st;
	if (!dir || !*dir)
		dir = "../shared/data";
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}

const char *bc_test_path(const char *relative, char *buf, size_t size)
{
	snprintf(buf, size, "tests/%s", relative);
	return buf;
}

const char *bc_test_backcoach(void)
{
	const char *p = getenv("BC_BACKCOACH");
	return p && *p ? p : "build/backcoach";
}

static char tmpdir[64];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Tests leave nothing behind in /tmp, whatever they wrote there. */
static void remove_tmpdir(void)
{
	nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *bc_test_tmpdir(void)
{
	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/backcoach-test-XXXXXX");
		if (!mkdtemp(tmpdir)) {
			tmpdir[0] = 0;
			return "/tmp";
		}
		atexit(remove_tmpdir);
	}
	return tmpdir;
}

const char *bc_test_tmp_path(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", bc_test_tmpdir(), name);
	return buf;
}

char *bc_test_read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long len = ftell(f);
	assert_true(len >= 0);
	assert_int_equal(fseek(f, 0, SEEK_SET), 0);
	char *buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	buf[len] = 0; /* text files can be used as strings */
	*n = (size_t)len;
	return buf;
}

bool bc_test_same_but_rounding(const char *a, const char *b, double tol)
{
	while (*a && *b) {
		if ((*a == '-' || (*a >= '0' && *a <= '9')) &&
		    (*b == '-' || (*b >= '0' && *b <= '9'))) {
			char *ea, *eb;
			double x = strtod(a, &ea), y = strtod(b, &eb);
			if (ea == a || eb == b || fabs(x - y) > tol)
				return false;
			a = ea;
			b = eb;
			continue;
		}
		if (*a++ != *b++)
			return false;
	}
	return *a == *b;
}

int bc_test_each_file(const char *rel_dir, const char *contains,
		      void (*fn)(const char *path, const char *name, void *ctx), void *ctx)
{
	char dir_path[256];
	bc_test_path(rel_dir, dir_path, sizeof(dir_path));
	DIR *dir = opendir(dir_path);
	if (!dir)
		fail_msg("cannot read %s", dir_path);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		if (!strstr(de->d_name, contains))
			continue;
		char path[600];
		snprintf(path, sizeof(path), "%s/%s", dir_path, de->d_name);
		fn(path, de->d_name, ctx);
		n++;
	}
	closedir(dir);
	return n;
}
