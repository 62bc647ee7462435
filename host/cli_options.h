/* SPDX-License-Identifier: MIT */
/*
 * Option parsing shared by the backcoach subcommands: getopt_long underneath,
 * so that every command treats --help, unknown options, missing values and
 * stray arguments the same way. Like libgpiod's tools, parsing stops the
 * program itself: --help prints usage to stdout and exits 0; a usage error
 * is one line on stderr and exit status 2 (contract §2).
 *
 * Accepted forms: --name VALUE, --name=VALUE, --flag, -h/--help, --version
 * (every command: "backcoach VERSION" on stdout, exit 0), and "--" to end
 * options. Options and positional arguments may be mixed. Option
 * names are matched exactly (getopt_long's abbreviations are refused, so
 * that adding an option can never change what an old command line means).
 *
 * A command parses into its own typed options struct, then runs from it:
 *
 *	bc_cli_parser p;
 *	const char *value;
 *	bc_cli_parser_init(&p, &command, argc, argv);
 *	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;)
 *		switch (id) { case OPT_JSON: o->json = true; break; ... }
 *	o->path = bc_cli_arguments(&p, NULL)[0];
 */
#ifndef BC_CLI_OPTIONS_H
#define BC_CLI_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "vocab/exercise.h"

#define BC_CLI_MAX_OPTIONS 24
/* `backcoach sway` takes a whole data set of files (72 in data/ipol-l5/). */
#define BC_CLI_MAX_ARGS 256

/* bc_cli_next_option: no more options. */
#define BC_CLI_END (-1)

/* --help's last line for the commands that read a trace (contract §2). */
#define BC_CLI_EXIT_STATUS_TRACE "0 done, 2 usage error, 3 unreadable or malformed trace"

typedef struct {
	const char *name;  /* "exercise" for --exercise; NULL ends the table */
	const char *value; /* placeholder for its value ("NAME"); NULL for a flag */
	const char *help;  /* one line for --help */
	int id;		   /* what bc_cli_next_option returns for it; >= 0 */
} bc_cli_option;

typedef struct {
	const char *name;	      /* "replay" */
	const char *synopsis;	      /* "--exercise NAME [--hold SECONDS] [--json] FILE" */
	const char *about;	      /* a sentence or two for --help */
	const bc_cli_option *options; /* table ending with { NULL } */
	int min_args, max_args;	      /* positional arguments allowed */
	void (*more_help)(FILE *out); /* printed after the options; may be NULL */
	const char *exit_status;      /* --help's last line, e.g. BC_CLI_EXIT_STATUS_TRACE */
} bc_cli_command;

/* One pass over argv with getopt_long (one at a time: getopt's state is global). */
typedef struct {
	const bc_cli_command *cmd;
	int argc;
	char **argv;
	struct option longopts[BC_CLI_MAX_OPTIONS + 3]; /* the table, --help, --version, the end */
	bool seen[BC_CLI_MAX_OPTIONS];
} bc_cli_parser;

/* The program's version ("0.1.0"), from debian/changelog at build time. */
const char *bc_cli_version(void);

/* Starts parsing argv (argv[0] is the command's own name). */
void bc_cli_parser_init(bc_cli_parser *p, const bc_cli_command *cmd, int argc, char **argv);

/*
 * The id of the next option on the command line, its value in *value (NULL
 * for a flag); BC_CLI_END when the options are done. Does not return on
 * --help (help on stdout, exit 0) nor on an unknown, repeated, value-less or
 * empty-valued option (usage error, exit 2).
 */
int bc_cli_next_option(bc_cli_parser *p, const char **value);

/*
 * After the options: the positional arguments, in order; their number in
 * *n (n may be NULL). Exits 2 with a usage error when there are fewer than
 * cmd->min_args or more than cmd->max_args.
 */
char **bc_cli_arguments(bc_cli_parser *p, int *n);

/* Prints "backcoach NAME: <message> (see 'backcoach NAME --help')"; returns 2. */
int bc_cli_usage_error(const bc_cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* bc_cli_usage_error, then exit(2): for errors found while parsing. */
_Noreturn void bc_cli_die_usage(const bc_cli_command *cmd, const char *fmt, ...)
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
 * Exercise id for name: 0; on an unknown name prints a usage error listing
 * the valid names (where says where the name came from, e.g. "--exercise")
 * and returns 2.
 */
int bc_cli_exercise(const bc_cli_command *cmd, const char *name, const char *where,
		    bc_exercise_id *id);

/* The exercise named by --exercise's text; exits 2 on an unknown name. */
bc_exercise_id bc_cli_exercise_option(const bc_cli_command *cmd, const char *text);

/*
 * The one place numbers on the command line are read. The value of option
 * name (without "--") from text: finite and in [lo, hi]. Otherwise prints
 * the usage error "--NAME: 'TEXT' is not a number from LO to HI" and exits 2.
 */
double bc_cli_number(const bc_cli_command *cmd, const char *name, const char *text, double lo,
		     double hi);

/*
 * A decimal whole number in [lo, hi] for option name (without "--");
 * otherwise prints "--NAME: 'TEXT' is not a whole number from LO to HI" and
 * exits 2.
 */
long bc_cli_integer(const bc_cli_command *cmd, const char *name, const char *text, long lo,
		    long hi);

/*
 * Positive finite seconds, at most max_s, for option ("--hold"); otherwise
 * prints "OPTION 'TEXT' is not a number of seconds in (0, MAX]" and exits 2.
 */
float bc_cli_seconds(const bc_cli_command *cmd, const char *option, const char *text, float max_s);

#endif /* BC_CLI_OPTIONS_H */
