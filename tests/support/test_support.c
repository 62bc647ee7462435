/* SPDX-License-Identifier: MIT */
#include "support/test_support.h"

#include <stdio.h>
#include <stdlib.h>
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

const char *bc_test_tmpdir(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/backcoach-test-XXXXXX");
		if (!mkdtemp(dir))
			return "/tmp";
	}
	return dir;
}
