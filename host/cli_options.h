/* SPDX-License-Identifier: MIT */
/*
 * Option parsing shared by the backcoach subcommands, so that every command
 * treats --help, unknown options, missing values and stray arguments the same
 * way: usage errors are one line on stderr and exit status 2; --help prints
 * usage to stdout and exits 0 (contract §2).
 *
 * Accepted forms: --name VALUE, --name=VALUE, --flag, -h/--help, and "--"
 * to end options. Options and positional arguments may be mixed.
 */
#ifndef BC_CLI_OPTIONS_H
#define BC_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "vocab/exercise.h"

#define BC_CLI_MAX_OPTIONS 16
/* `backcoach sway` takes a whole data set of files (72 in data/ipol-l5/). */
#define BC_CLI_MAX_ARGS 256

typedef struct {
	const char *name;  /* "exercise" for --exercise; NULL ends the table */
	const char *value; /* placeholder for its value ("NAME"); NULL for a flag */
	const char *help;  /* one line for --help */
} bc_cli_option;

typedef struct {
	const char *name;     /* "replay" */
	const char *synopsis; /* "--exercise NAME [--hold SECONDS] [--json] FILE" */
	const char *about;    /* a sentence or two for --help */
	const bc_cli_option *options; /* table ending with { NULL } */
	int min_args, max_args;       /* positional arguments allowed */
	void (*more_help)(FILE *out); /* printed after the options; may be NULL */
	const char *exit_status;      /* --help's last line; NULL: the trace commands' 0/2/3 */
} bc_cli_command;

typedef struct {
	const char *values[BC_CLI_MAX_OPTIONS]; /* per option: value, "" for a flag, NULL absent */
	const char *args[BC_CLI_MAX_ARGS];
	int n_args;
} bc_cli_args;

/*
 * Parses argv (argv[0] is the command's own name). Returns -1 when the
 * command should go on, otherwise the exit status to return now: 0 after
 * printing --help, 2 after printing a usage error.
 */
int bc_cli_parse(const bc_cli_command *cmd, int argc, char **argv, bc_cli_args *out);

/* Value of option name ("" for a flag given), NULL when not given. */
const char *bc_cli_get(const bc_cli_command *cmd, const bc_cli_args *args, const char *name);

/* Prints "backcoach NAME: <message> (see 'backcoach NAME --help')"; returns 2. */
int bc_cli_usage_error(const bc_cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Flushes stdout at the end of a command: 0, or 1 after perror("backcoach
 * NAME: writing the output") when the output could not be written (a full
 * disk or a closed pipe must not pass for success).
 */
int bc_cli_flush_stdout(const bc_cli_command *cmd);

/* Prints the exercise names, comma separated, on out (no newline). */
void bc_cli_print_exercise_names(FILE *out);

/* --help section listing the exercises (for bc_cli_command.more_help). */
void bc_cli_help_exercises(FILE *out);

/*
 * Exercise id for name; on an unknown name prints a usage error listing the
 * valid names (where says where the name came from, e.g. "--exercise") and
 * returns 2. Returns -1 on success.
 */
int bc_cli_exercise(const bc_cli_command *cmd, const char *name, const char *where,
		    bc_exercise_id *id);

/*
 * The number option name (without "--") when given: finite and in [lo, hi]
 * goes to *out, -1 returned. Absent: *out untouched, -1. Otherwise prints
 * the usage error "--NAME: 'TEXT' is not a number from LO to HI" and
 * returns 2.
 */
int bc_cli_number(const bc_cli_command *cmd, const bc_cli_args *args, const char *name,
		  double lo, double hi, double *out);

/*
 * The whole-number option name (without "--") when given: decimal, in
 * [lo, hi], goes to *out, -1 returned. Absent: *out untouched, -1. Otherwise
 * prints the usage error "--NAME: 'TEXT' is not a whole number from LO to HI"
 * and returns 2.
 */
int bc_cli_integer(const bc_cli_command *cmd, const bc_cli_args *args, const char *name,
		   long lo, long hi, long *out);

/* Positive finite seconds (at most max_s) from text; -1 ok, else usage error 2. */
int bc_cli_seconds(const bc_cli_command *cmd, const char *option, const char *text,
		   float max_s, float *out_s);

#endif /* BC_CLI_OPTIONS_H */
