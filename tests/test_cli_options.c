/* SPDX-License-Identifier: MIT */
/*
 * The shared option parsing (cli_options.h): bc_cli_number takes finite
 * numbers in range, leaves an absent option's default alone, and refuses
 * anything else with a usage error (2); and every command that reads a
 * number option through it answers a bad one with one line naming it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_options.h"
#include "commands.h"
#include "support/run_command.h"
#include "support/test_support.h"

static const bc_cli_option options[] = {
	{ "speed", "X", "a number option" },
	{ NULL, NULL, NULL },
};

static const bc_cli_command command = {
	.name = "test",
	.synopsis = "[--speed X]",
	.about = "bc_cli_number under test",
	.options = options,
};

/* bc_cli_number of "--speed TEXT" in [lo, hi]; *out starts at 42. */
static int speed(const char *text, double lo, double hi, double *out)
{
	char *argv[] = { "test", "--speed", (char *)text, NULL };
	bc_cli_args args;
	assert_int_equal(bc_cli_parse(&command, text ? 3 : 1, argv, &args), -1);
	*out = 42;
	return bc_cli_number(&command, &args, "speed", lo, hi, out);
}

static void test_number_in_range(void **state)
{
	(void)state;
	double v;
	assert_int_equal(speed("2.5", 0.1, 10, &v), -1);
	assert_float_equal(v, 2.5, 0);
	assert_int_equal(speed("0.1", 0.1, 10, &v), -1); /* both ends included */
	assert_float_equal(v, 0.1, 0);
	assert_int_equal(speed("1e1", 0.1, 10, &v), -1);
	assert_float_equal(v, 10, 0);
	assert_int_equal(speed(NULL, 0.1, 10, &v), -1); /* absent: the default stays */
	assert_float_equal(v, 42, 0);
}

static void test_number_refused(void **state)
{
	(void)state;
	static const char *const bad[] = { "abc", "2x", "0.09", "10.01", "nan", "inf",
					   "-inf", " ", "1,5" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		double v;
		if (speed(bad[i], 0.1, 10, &v) != BC_EXIT_USAGE)
			fail_msg("'%s' accepted as %g", bad[i], v);
		assert_float_equal(v, 42, 0); /* a refused value is not stored */
	}
}

/* Each command's number options go through bc_cli_number: one line, exit 2. */
static void test_commands_refuse_bad_numbers(void **state)
{
	(void)state;
	static const char *const cases[][6] = {
		{ "run", "--speed", "fast", NULL },
		{ "run", "--quit-after", "nan", NULL },
		{ "record", "--rate", "5", NULL },
		{ "record", "--duration", "inf", NULL },
		{ "sim", "--exercise", "bridge", "--rate", "x", NULL },
		{ "sim", "--exercise", "bridge", "--t0", "-1", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *argv[8] = { bc_test_backcoach() };
		int n = 1;
		const char *option = NULL;
		for (int j = 0; cases[i][j]; j++) {
			argv[n++] = cases[i][j];
			if (!strncmp(cases[i][j], "--", 2))
				option = cases[i][j];
		}
		argv[n] = NULL;
		bc_test_output o;
		bc_test_run(argv, &o);
		bc_test_assert_usage_error(&o, option);
		bc_test_output_free(&o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_in_range),
		cmocka_unit_test(test_number_refused),
		cmocka_unit_test(test_commands_refuse_bad_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
