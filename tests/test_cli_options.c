/* SPDX-License-Identifier: MIT */
/*
 * The shared option parsing (cli_options.h): getopt_long's forms, whole
 * option names only, and every usage error one line and exit status 2;
 * bc_cli_number takes finite numbers in range and refuses anything else;
 * and every command that reads a number option through it answers a bad
 * one with one line naming it.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_options.h"
#include "commands.h"
#include "support/run_command.h"
#include "support/test_support.h"

enum { OPT_SPEED, OPT_FAST };

static const bc_cli_option options[] = {
	{ "speed", "X", "a number option", OPT_SPEED },
	{ "fast", NULL, "a flag", OPT_FAST },
	{ NULL, NULL, NULL, 0 },
};

static const bc_cli_command command = {
	.name = "test",
	.synopsis = "[--speed X] [--fast] FILE",
	.about = "the parser under test",
	.options = options,
	.min_args = 1,
	.max_args = 2,
	.exit_status = "0 done, 2 usage error",
};

/* What the test command's parse found. */
typedef struct {
	char *argv[16]; /* the command line parsed; args points into it */
	const char *speed;
	bool fast;
	char **args;
	int n_args;
} parsed;

/* Parses the NULL-terminated words after "test" (exits on a usage error). */
static void parse(const char *const *words, parsed *out)
{
	*out = (parsed){ .argv = { "test" } };
	int argc = 1;
	while (*words && argc < 15)
		out->argv[argc++] = (char *)*words++;
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, out->argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		if (id == OPT_SPEED)
			out->speed = value;
		else if (id == OPT_FAST)
			out->fast = true;
	}
	out->args = bc_cli_arguments(&p, &out->n_args);
}

/* Exit status of parse(words) in a child process (output discarded); 100: no exit. */
static int parse_status(const char *const *words)
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		parsed out;
		parse(words, &out);
		_exit(100);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

#define WORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void test_forms_accepted(void **state)
{
	(void)state;
	parsed p;
	parse(WORDS("--speed", "2", "a"), &p);
	assert_string_equal(p.speed, "2");
	assert_false(p.fast);
	assert_int_equal(p.n_args, 1);
	assert_string_equal(p.args[0], "a");
	parse(WORDS("a", "--speed=3", "b", "--fast"), &p); /* mixed with arguments */
	assert_string_equal(p.speed, "3");
	assert_true(p.fast);
	assert_int_equal(p.n_args, 2);
	assert_string_equal(p.args[0], "a");
	assert_string_equal(p.args[1], "b");
	parse(WORDS("--speed", "--fast", "--", "--fast"), &p); /* a value, then no options */
	assert_string_equal(p.speed, "--fast");
	assert_false(p.fast);
	assert_int_equal(p.n_args, 1);
	assert_string_equal(p.args[0], "--fast");
	parse(WORDS("-"), &p); /* "-" is an argument (stdin, by convention) */
	assert_string_equal(p.args[0], "-");
}

static void test_usage_errors_exit_2(void **state)
{
	(void)state;
	assert_int_equal(parse_status(WORDS("--spe", "2", "a")), BC_EXIT_USAGE); /* no prefixes */
	assert_int_equal(parse_status(WORDS("--fas", "a")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("--hel")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("--slow", "a")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("-x", "a")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("a", "--speed")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("--speed=", "a")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("--fast=1", "a")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("--fast", "--fast", "a")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("--fast")), BC_EXIT_USAGE); /* no FILE */
	assert_int_equal(parse_status(WORDS("a", "b", "c")), BC_EXIT_USAGE);
	assert_int_equal(parse_status(WORDS("a", "--help")), BC_EXIT_OK);
	assert_int_equal(parse_status(WORDS("-h")), BC_EXIT_OK);
	assert_int_equal(parse_status(WORDS("a")), 100); /* parsed: the command goes on */
}

static void test_number_in_range(void **state)
{
	(void)state;
	assert_float_equal(bc_cli_number(&command, "speed", "2.5", 0.1, 10), 2.5, 0);
	assert_float_equal(bc_cli_number(&command, "speed", "0.1", 0.1, 10), 0.1, 0);
	assert_float_equal(bc_cli_number(&command, "speed", "1e1", 0.1, 10), 10, 0);
	assert_int_equal(bc_cli_integer(&command, "n", "-7", -10, 10), -7);
}

/* bc_cli_number of text in [0.1, 10] in a child process: its exit status. */
static int number_status(const char *text, bool whole)
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDERR_FILENO);
		if (whole)
			bc_cli_integer(&command, "n", text, 1, 10);
		else
			bc_cli_number(&command, "speed", text, 0.1, 10);
		_exit(100);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static void test_number_refused(void **state)
{
	(void)state;
	static const char *const bad[] = { "abc", "2x",	  "0.09", "10.01", "nan",
					   "inf", "-inf", " ",	  "1,5",   "" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (number_status(bad[i], false) != BC_EXIT_USAGE)
			fail_msg("'%s' accepted", bad[i]);
	static const char *const bad_whole[] = { "1.5", "0", "11", "0x5", "99999999999999999999" };
	for (size_t i = 0; i < sizeof(bad_whole) / sizeof(bad_whole[0]); i++)
		if (number_status(bad_whole[i], true) != BC_EXIT_USAGE)
			fail_msg("'%s' accepted as a whole number", bad_whole[i]);
	assert_int_equal(number_status("5", true), 100);
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
		{ "probe", "--bus", "256", NULL },
		{ "history", "--days", "0", NULL },
		{ "sway", "--from", "x", "f", NULL },
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

/* An abbreviation is not an option in any command (getopt_long would take it). */
static void test_commands_refuse_abbreviations(void **state)
{
	(void)state;
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--exer", "bridge", "f.csv");
	bc_test_assert_usage_error(&o, "unknown option '--exer'");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "run", "--no-rec");
	bc_test_assert_usage_error(&o, "unknown option '--no-rec'");
	bc_test_output_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms_accepted),
		cmocka_unit_test(test_usage_errors_exit_2),
		cmocka_unit_test(test_number_in_range),
		cmocka_unit_test(test_number_refused),
		cmocka_unit_test(test_commands_refuse_bad_numbers),
		cmocka_unit_test(test_commands_refuse_abbreviations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
