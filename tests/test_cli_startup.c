/* SPDX-License-Identifier: MIT */
/*
 * build/backcoach starts with only the libraries its commands use (zlib,
 * libgpiod, libi2c, sqlite, libm, libc): the screen's (SDL2, cairo,
 * fontconfig, espeak-ng) are build/backcoach-app's, which backcoach runs
 * for `run` and `report` with the same command line, the same output and
 * the same exit status; with no backcoach-app, those two say so.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/run_command.h"
#include "support/test_support.h"

/* The build directory under test (tests/run_tests.sh sets BC_BUILD). */
static const char *build_dir(void)
{
	const char *dir = getenv("BC_BUILD");
	return dir && *dir ? dir : "build";
}

/* readelf -d of build_dir()/program: its dynamic section, as text (free with bc_test_output_free). */
static void dynamic_section(const char *program, bc_test_output *o)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", build_dir(), program);
	bc_test_run_started(o,
			    (const char *const[]){ "/usr/bin/env", "readelf", "-d", path, NULL });
	if (o->status != 0)
		fail_msg("readelf -d %s: exit %d: %s", path, o->status, o->err);
}

/* Is "lib" (e.g. "libc.so") one of the libraries the CLI may load? */
static bool cli_may_need(const char *lib)
{
	/* The firmware's, the history's and the sanitizers' (the ASan build). */
	static const char *const allowed[] = { "libc.so",     "libm.so",     "libz.so",
					       "libgpiod.so", "libi2c.so",   "libsqlite3.so",
					       "libasan.so",  "libubsan.so", "ld-linux" };
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (!strncmp(lib, allowed[i], strlen(allowed[i])))
			return true;
	return false;
}

/* Calls fn for each "Shared library: [NAME]" of a readelf -d text; returns how many. */
static int each_needed(const char *dynamic, void (*fn)(const char *lib))
{
	static const char tag[] = "Shared library: [";
	int n = 0;
	for (const char *at = strstr(dynamic, tag); at; at = strstr(at, tag)) {
		char lib[128];
		at += strlen(tag);
		size_t len = strcspn(at, "]");
		snprintf(lib, sizeof(lib), "%.*s", (int)len, at);
		fn(lib);
		n++;
	}
	return n;
}

static void assert_cli_may_need(const char *lib)
{
	if (!cli_may_need(lib))
		fail_msg("build/backcoach needs %s: a command-line command pulled in a library "
			 "it does not use (the screen's belong to backcoach-app; see host/main.c)",
			 lib);
}

static void test_cli_links_only_its_own_libraries(void **state)
{
	(void)state;
	bc_test_output o;
	dynamic_section("backcoach", &o);
	assert_true(each_needed(o.out, assert_cli_may_need) >= 3);
	bc_test_output_free(&o);
}

/* The check above can see a screen library: backcoach-app has them. */
static void test_app_links_the_screen_libraries(void **state)
{
	(void)state;
	bc_test_output o;
	dynamic_section("backcoach-app", &o);
	assert_non_null(strstr(o.out, "[libSDL2-2.0.so"));
	assert_non_null(strstr(o.out, "[libcairo.so"));
	assert_non_null(strstr(o.out, "[libespeak-ng.so"));
	bc_test_output_free(&o);
}

/* The usage line of a command's --help, through build/backcoach. */
static void assert_help_works(const char *command)
{
	char usage[64];
	bc_test_output o;
	snprintf(usage, sizeof(usage), "usage: backcoach %s ", command);
	bc_run_backcoach(&o, command, "--help");
	assert_int_equal(o.status, 0);
	assert_memory_equal(o.out, usage, strlen(usage));
	bc_test_output_free(&o);
}

static void test_screen_commands_answer_through_the_app(void **state)
{
	(void)state;
	assert_help_works("run");
	assert_help_works("report");
	bc_test_output o;
	bc_run_backcoach(&o, "report", "--days", "0"); /* the app's usage error, its status */
	bc_test_assert_usage_error(&o, "--days");
	bc_test_output_free(&o);
}

/* Sets (value) or unsets (NULL) BACKCOACH_APP; returns the old value (malloc'd or NULL). */
static char *swap_app_variable(const char *value)
{
	const char *was = getenv("BACKCOACH_APP");
	char *old = was ? strdup(was) : NULL;
	if (value)
		setenv("BACKCOACH_APP", value, 1);
	else
		unsetenv("BACKCOACH_APP");
	return old;
}

static void restore_app_variable(char *old)
{
	free(swap_app_variable(old));
	free(old);
}

/*
 * Without the app, run and report fail with one line (status 1) naming it;
 * the other commands do not need it. BACKCOACH_APP points at nothing here,
 * so this also shows that build/backcoach does not run `run` itself.
 */
static void test_without_the_app_screen_commands_say_so(void **state)
{
	(void)state;
	char missing[256];
	char *old = swap_app_variable(
		bc_test_tmp_path("no-backcoach-app", missing, sizeof(missing)));
	bc_test_output o;
	bc_run_backcoach(&o, "run", "--help");
	assert_int_equal(o.status, 1);
	assert_string_equal(o.out, "");
	assert_int_equal(bc_test_count_lines(o.err), 1);
	assert_non_null(strstr(o.err, "no-backcoach-app"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--help");
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	restore_app_variable(old);
}

/*
 * What runs program: itself, or under an emulator (the Pi build here) a
 * script in the test's directory that runs it in $BC_QEMU_AARCH64.
 */
static const char *runnable(const char *program, char *buf, size_t size)
{
	const char *emulator = getenv("BC_QEMU_AARCH64");
	if (!getenv("BC_TEST_EMULATED") || !emulator)
		return program;
	snprintf(buf, size, "%s-emulated", program);
	FILE *f = fopen(buf, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\nexec %s \"%s\" \"$@\"\n", emulator, program);
	fclose(f);
	assert_int_equal(chmod(buf, 0755), 0);
	return buf;
}

/* A copy of build/backcoach alone in a directory: no backcoach-app beside it. */
static void test_lone_cli_names_where_it_looked(void **state)
{
	(void)state;
	char src[512], lone[256], wrapper[300];
	snprintf(src, sizeof(src), "%s/backcoach", build_dir());
	bc_test_tmp_path("backcoach", lone, sizeof(lone));
	bc_test_output o;
	bc_test_run_started(&o, (const char *const[]){ "/bin/cp", src, lone, NULL });
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);

	char *old = swap_app_variable(NULL);
	bc_test_run_started(&o, (const char *const[]){ runnable(lone, wrapper, sizeof(wrapper)),
						       "run", "--help", NULL });
	restore_app_variable(old);
	assert_int_equal(o.status, 1);
	assert_int_equal(bc_test_count_lines(o.err), 1);
	assert_non_null(strstr(o.err, "backcoach-app"));
	assert_non_null(strstr(o.err, "../lib/backcoach/"));
	bc_test_output_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_links_only_its_own_libraries),
		cmocka_unit_test(test_app_links_the_screen_libraries),
		cmocka_unit_test(test_screen_commands_answer_through_the_app),
		cmocka_unit_test(test_without_the_app_screen_commands_say_so),
		cmocka_unit_test(test_lone_cli_names_where_it_looked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
