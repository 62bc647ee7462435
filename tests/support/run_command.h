/* SPDX-License-Identifier: MIT */
/* Runs a program (e.g. build/backcoach) and captures its exit status and output. */
#ifndef BC_TEST_RUN_COMMAND_H
#define BC_TEST_RUN_COMMAND_H

#include <stddef.h>

#include "support/test_support.h" /* bc_test_backcoach */

typedef struct {
	int status; /* exit status; 128 + signal number if killed */
	char *out;  /* stdout, NUL-terminated (malloc'd) */
	size_t out_len;
	char *err; /* stderr, NUL-terminated (malloc'd) */
	size_t err_len;
} bc_test_output;

/*
 * Runs argv[0] (a path) with the NULL-terminated argv, stdin from /dev/null,
 * stdout and stderr captured through files in bc_test_tmpdir(). Returns the
 * exit status (also in out->status), or -1 if it could not be started.
 */
int bc_test_run(const char *const argv[], bc_test_output *out);

void bc_test_output_free(bc_test_output *o);

/* bc_test_run that must start (cmocka-fails otherwise); the status is in o. */
void bc_test_run_started(bc_test_output *o, const char *const argv[]);

/* Runs the backcoach under test with the given arguments (a NULL among them ends the list). */
#define bc_run_backcoach(o, ...) \
	bc_test_run_started(o, (const char *const[]){ bc_test_backcoach(), __VA_ARGS__, NULL })

/* o is a usage error: status 2, nothing on stdout, one line on stderr naming mentions. */
void bc_test_assert_usage_error(const bc_test_output *o, const char *mentions);

/* Number of '\n'-terminated lines in text. */
size_t bc_test_count_lines(const char *text);

#endif /* BC_TEST_RUN_COMMAND_H */
