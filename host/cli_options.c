/* SPDX-License-Identifier: MIT */
/* Shared option parsing and usage messages for the backcoach subcommands. */
#include "cli_options.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "coach/exercise_table.h"
#include "commands.h"

/* getopt_long's value for cmd->options[i]: above every character. */
#define LONG_VAL(i) (256 + (i))
#define HELP_VAL    'h'
#define VERSION_VAL 'V'

#ifndef BC_VERSION
#define BC_VERSION "unknown" /* built without the Makefile */
#endif

const char *bc_cli_version(void)
{
	return BC_VERSION;
}

/* Help */

static void print_help(const bc_cli_command *cmd, FILE *out)
{
	fprintf(out, "usage: backcoach %s %s\n\n%s\n", cmd->name, cmd->synopsis, cmd->about);
	fprintf(out, "\noptions:\n");
	for (const bc_cli_option *o = cmd->options; o && o->name; o++) {
		char left[64];
		snprintf(left, sizeof(left), "--%s%s%s", o->name, o->value ? " " : "",
			 o->value ? o->value : "");
		fprintf(out, "  %-20s %s\n", left, o->help);
	}
	fprintf(out, "  %-20s %s\n", "-h, --help", "show this help");
	fprintf(out, "  %-20s %s\n", "--version", "print the version");
	if (cmd->more_help)
		cmd->more_help(out);
	fprintf(out, "\nexit status: %s\n", cmd->exit_status);
}

static void vprint_usage_error(const bc_cli_command *cmd, const char *fmt, va_list ap)
{
	fprintf(stderr, "backcoach %s: ", cmd->name);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (see 'backcoach %s --help')\n", cmd->name);
}

int bc_cli_usage_error(const bc_cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint_usage_error(cmd, fmt, ap);
	va_end(ap);
	return BC_EXIT_USAGE;
}

void bc_cli_die_usage(const bc_cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint_usage_error(cmd, fmt, ap);
	va_end(ap);
	exit(BC_EXIT_USAGE);
}

int bc_cli_flush_stdout(const bc_cli_command *cmd)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return BC_EXIT_OK;
	char what[64];
	snprintf(what, sizeof(what), "backcoach %s: writing the output", cmd->name);
	perror(what);
	return BC_EXIT_FAILURE;
}

void bc_cli_print_exercise_names(FILE *out)
{
	for (int i = 0; i < BC_EXERCISE_COUNT; i++)
		fprintf(out, "%s%s", i ? ", " : "", bc_exercise_info_get(i)->name);
}

void bc_cli_help_exercises(FILE *out)
{
	fprintf(out, "\nexercises:\n");
	for (int i = 0; i < BC_EXERCISE_COUNT; i++) {
		const bc_exercise_info *e = bc_exercise_info_get(i);
		fprintf(out, "  %-20s %s (start: %s)\n", e->name, e->title, e->start_hint);
	}
}

/* Parsing */

void bc_cli_parser_init(bc_cli_parser *p, const bc_cli_command *cmd, int argc, char **argv)
{
	*p = (bc_cli_parser){ .cmd = cmd, .argc = argc, .argv = argv };
	int n = 0;
	for (; cmd->options && cmd->options[n].name && n < BC_CLI_MAX_OPTIONS; n++)
		p->longopts[n] = (struct option){
			.name = cmd->options[n].name,
			.has_arg = cmd->options[n].value ? required_argument : no_argument,
			.val = LONG_VAL(n),
		};
	p->longopts[n] = (struct option){ .name = "help", .val = HELP_VAL };
	p->longopts[n + 1] = (struct option){ .name = "version", .val = VERSION_VAL };
	optind = 0; /* glibc: start afresh (a test may parse many command lines) */
	opterr = 0; /* the messages below name the command */
}

/* The argv element that named long option o: "--name" or "--name=value". */
static const char *option_text(const bc_cli_parser *p, const char *value)
{
	return value && value == p->argv[optind - 1] ? p->argv[optind - 2] : p->argv[optind - 1];
}

/* getopt_long takes any unambiguous prefix ("--exer"); only whole names are options. */
static bool typed_in_full(const char *text, const char *name)
{
	size_t len = strlen(name);
	return !strncmp(text + 2, name, len) && (text[2 + len] == '\0' || text[2 + len] == '=');
}

/* The usage error for getopt_long's '?' (unknown or superfluous value) or ':'. */
static _Noreturn void refuse(const bc_cli_parser *p, int got)
{
	const bc_cli_command *cmd = p->cmd;
	int i = optopt - LONG_VAL(0);
	bool known = i >= 0 && i < BC_CLI_MAX_OPTIONS && p->longopts[i].name;
	if (got == ':' && known)
		bc_cli_die_usage(cmd, "--%s needs a value (%s)", cmd->options[i].name,
				 cmd->options[i].value);
	if (known)
		bc_cli_die_usage(cmd, "--%s takes no value", cmd->options[i].name);
	if (optopt && optopt != HELP_VAL) /* "--help=x" falls through, named in full */
		bc_cli_die_usage(cmd, "unknown option '-%c'", optopt);
	const char *text = p->argv[optind - 1];
	bc_cli_die_usage(cmd, "unknown option '%.*s'", (int)strcspn(text, "="), text);
}

int bc_cli_next_option(bc_cli_parser *p, const char **value)
{
	const bc_cli_command *cmd = p->cmd;
	int got = getopt_long(p->argc, p->argv, ":h", p->longopts, NULL);
	*value = optarg;
	if (got == -1)
		return BC_CLI_END;
	if (got == '?' || got == ':')
		refuse(p, got);
	const char *text = option_text(p, optarg);
	if (got == HELP_VAL) {
		if (text[1] == '-' && !typed_in_full(text, "help"))
			bc_cli_die_usage(cmd, "unknown option '%.*s'", (int)strcspn(text, "="),
					 text);
		print_help(cmd, stdout);
		exit(BC_EXIT_OK);
	}
	if (got == VERSION_VAL) {
		if (!typed_in_full(text, "version"))
			bc_cli_die_usage(cmd, "unknown option '%.*s'", (int)strcspn(text, "="),
					 text);
		printf("backcoach %s\n", BC_VERSION);
		exit(BC_EXIT_OK);
	}
	int i = got - LONG_VAL(0);
	const bc_cli_option *o = &cmd->options[i];
	if (!typed_in_full(text, o->name))
		bc_cli_die_usage(cmd, "unknown option '%.*s'", (int)strcspn(text, "="), text);
	if (p->seen[i])
		bc_cli_die_usage(cmd, "--%s given twice", o->name);
	p->seen[i] = true;
	if (o->value && !optarg[0])
		bc_cli_die_usage(cmd, "--%s needs a non-empty value (%s)", o->name, o->value);
	return o->id;
}

char **bc_cli_arguments(bc_cli_parser *p, int *n)
{
	const bc_cli_command *cmd = p->cmd;
	int count = p->argc - optind;
	if (count > cmd->max_args)
		bc_cli_die_usage(cmd, "unexpected argument '%s'", p->argv[optind + cmd->max_args]);
	if (count < cmd->min_args)
		bc_cli_die_usage(cmd, "missing argument: usage: backcoach %s %s", cmd->name,
				 cmd->synopsis);
	if (n)
		*n = count;
	return p->argv + optind;
}

/* Values */

int bc_cli_exercise(const bc_cli_command *cmd, const char *name, const char *where,
		    bc_exercise_id *id)
{
	*id = bc_exercise_from_name(name);
	if (*id != BC_EXERCISE_NONE)
		return 0;
	fprintf(stderr, "backcoach %s: unknown exercise '%s' in %s (one of: ", cmd->name, name,
		where);
	bc_cli_print_exercise_names(stderr);
	fprintf(stderr, ")\n");
	return BC_EXIT_USAGE;
}

bc_exercise_id bc_cli_exercise_option(const bc_cli_command *cmd, const char *text)
{
	bc_exercise_id id;
	if (bc_cli_exercise(cmd, text, "--exercise", &id))
		exit(BC_EXIT_USAGE);
	return id;
}

double bc_cli_number(const bc_cli_command *cmd, const char *name, const char *text, double lo,
		     double hi)
{
	char *end;
	double v = strtod(text, &end);
	/* isfinite: strtod takes "nan" and "inf", which no option means. */
	if (end == text || *end != '\0' || !isfinite(v) || v < lo || v > hi)
		bc_cli_die_usage(cmd, "--%s: '%s' is not a number from %g to %g", name, text, lo,
				 hi);
	return v;
}

long bc_cli_integer(const bc_cli_command *cmd, const char *name, const char *text, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno || v < lo || v > hi)
		bc_cli_die_usage(cmd, "--%s: '%s' is not a whole number from %ld to %ld", name,
				 text, lo, hi);
	return v;
}

float bc_cli_seconds(const bc_cli_command *cmd, const char *option, const char *text, float max_s)
{
	char *end;
	double v = strtod(text, &end);
	if (end == text || *end != '\0' || !isfinite(v) || v <= 0 || v > max_s)
		bc_cli_die_usage(cmd, "%s '%s' is not a number of seconds in (0, %g]", option, text,
				 (double)max_s);
	return (float)v;
}
