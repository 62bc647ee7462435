/* SPDX-License-Identifier: MIT */
/*
 * Where backcoach's files are (paths.h): the user's data under
 * $BACKCOACH_HOME, $XDG_DATA_HOME or ~/.local/share; settings under
 * $XDG_CONFIG_HOME or ~/.config; an empty variable counts as unset and a
 * relative $XDG_* is ignored; the bundled demo is found from the source tree.
 */
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "support/test_support.h"

static void environment(const char *backcoach_home, const char *xdg_data, const char *xdg_config,
			const char *home)
{
	const char *const names[] = { "BACKCOACH_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
				      "HOME" };
	const char *const values[] = { backcoach_home, xdg_data, xdg_config, home };
	for (int i = 0; i < 4; i++)
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
}

static void test_data_dir_in_order(void **state)
{
	(void)state;
	char buf[256];
	environment("/bch", "/xdg", NULL, "/home/u");
	assert_string_equal(bc_paths_data_file("history.sqlite3", buf, sizeof(buf)),
			    "/bch/history.sqlite3");
	environment("", "/xdg", NULL, "/home/u"); /* empty: unset */
	assert_string_equal(bc_paths_data_file("sessions", buf, sizeof(buf)),
			    "/xdg/backcoach/sessions");
	environment(NULL, "rel/xdg", NULL, "/home/u"); /* relative XDG: ignored */
	assert_string_equal(bc_paths_data_file("sessions", buf, sizeof(buf)),
			    "/home/u/.local/share/backcoach/sessions");
	environment(NULL, NULL, NULL, "");
	assert_null(bc_paths_data_file("sessions", buf, sizeof(buf)));
	environment("/bch", NULL, NULL, NULL);
	assert_null(bc_paths_data_file("history.sqlite3", buf, 10)); /* too small */
}

static void test_settings_file_in_order(void **state)
{
	(void)state;
	char buf[256];
	environment("/bch", "/xdg", "/cfg", "/home/u"); /* BACKCOACH_HOME: data only */
	assert_string_equal(bc_paths_settings_file(buf, sizeof(buf)),
			    "/cfg/backcoach/settings.conf");
	environment(NULL, NULL, "cfg", "/home/u");
	assert_string_equal(bc_paths_settings_file(buf, sizeof(buf)),
			    "/home/u/.config/backcoach/settings.conf");
	environment(NULL, NULL, "", NULL);
	assert_null(bc_paths_settings_file(buf, sizeof(buf)));
}

/* The test binary is build/tests/X: the demo is found beside build/ in host/data. */
static void test_bundled_demo_found(void **state)
{
	(void)state;
	char buf[4096];
	const char *path = bc_paths_find_bundled("demo-bridge.csv.gz", buf, sizeof(buf));
	assert_non_null(path);
	assert_non_null(strstr(path, "host/data/demo-bridge.csv.gz"));
	assert_null(bc_paths_find_bundled("no-such-file.csv", buf, sizeof(buf)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_dir_in_order),
		cmocka_unit_test(test_settings_file_in_order),
		cmocka_unit_test(test_bundled_demo_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
