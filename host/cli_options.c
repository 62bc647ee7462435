/* SPDX-License-Identifier: MIT */
/* Shared option parsing and usage messages for the backcoach subcommands. */
#include "cli_options.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

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
	if (cmd->more_help)
		cmd->more_help(out);
	fprintf(out, "\nexit status: %s\n",
		cmd->exit_status ? cmd->exit_status
				 : "0 done, 2 usage error, 3 unreadable or malformed trace");
}

int bc_cli_usage_error(const bc_cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "backcoach %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'backcoach %s --help')\n", cmd->name);
	return BC_EXIT_USAGE;
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

static int find_option(const bc_cli_command *cmd, const char *name, size_t len)
{
	for (int i = 0; cmd->options && cmd->options[i].name; i++) {
		const char *known = cmd->options[i].name;
		if (strlen(known) == len && !strncmp(known, name, len))
			return i;
	}
	return -1;
}

int bc_cli_parse(const bc_cli_command *cmd, int argc, char **argv, bc_cli_args *out)
{
	*out = (bc_cli_args){ 0 };
	bool options_done = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (options_done || a[0] != '-' || !strcmp(a, "-")) {
			if (out->n_args >= cmd->max_args || out->n_args >= BC_CLI_MAX_ARGS)
				return bc_cli_usage_error(cmd, "unexpected argument '%s'", a);
			out->args[out->n_args++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			options_done = true;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			print_help(cmd, stdout);
			return BC_EXIT_OK;
		}
		if (a[1] != '-')
			return bc_cli_usage_error(cmd, "unknown option '%s'", a);
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		int idx = find_option(cmd, name, len);
		if (idx < 0 || idx >= BC_CLI_MAX_OPTIONS)
			return bc_cli_usage_error(cmd, "unknown option '--%.*s'", (int)len, name);
		const bc_cli_option *o = &cmd->options[idx];
		if (out->values[idx])
			return bc_cli_usage_error(cmd, "--%s given twice", o->name);
		if (!o->value) {
			if (eq)
				return bc_cli_usage_error(cmd, "--%s takes no value", o->name);
			out->values[idx] = "";
		} else if (eq) {
			out->values[idx] = eq + 1;
		} else {
			if (i + 1 >= argc)
				return bc_cli_usage_error(cmd, "--%s needs a value (%s)", o->name,
							  o->value);
			out->values[idx] = argv[++i];
		}
		if (o->value && !out->values[idx][0])
			return bc_cli_usage_error(cmd, "--%s needs a non-empty value (%s)", o->name,
						  o->value);
	}
	if (out->n_args < cmd->min_args)
		return bc_cli_usage_error(cmd, "missing argument: usage: backcoach %s %s",
					  cmd->name, cmd->synopsis);
	return -1;
}

const char *bc_cli_get(const bc_cli_command *cmd, const bc_cli_args *args, const char *name)
{
	int idx = find_option(cmd, name, strlen(name));
	return idx >= 0 && idx < BC_CLI_MAX_OPTIONS ? args->values[idx] : NULL;
}

/* Values */

int bc_cli_exercise(const bc_cli_command *cmd, const char *name, const char *where,
		    bc_exercise_id *id)
{
	*id = bc_exercise_from_name(name);
	if (*id != BC_EXERCISE_NONE)
		return -1;
	fprintf(stderr, "backcoach %s: unknown exercise '%s' in %s (one of: ", cmd->name, name,
		where);
	bc_cli_print_exercise_names(stderr);
	fprintf(stderr, ")\n");
	return BC_EXIT_USAGE;
}

int bc_cli_number(const bc_cli_command *cmd, const bc_cli_args *args, const char *name,
		  double lo, double hi, double *out)
{
	const char *text = bc_cli_get(cmd, args, name);
	if (!text)
		return -1;
	char *end;
	double v = strtod(text, &end);
	/* isfinite: strtod takes "nan" and "inf", which no option means. */
	if (end == text || *end != '\0' || !isfinite(v) || v < lo || v > hi)
		return bc_cli_usage_error(cmd, "--%s: '%s' is not a number from %g to %g", name,
					  text, lo, hi);
	*out = v;
	return -1;
}

int bc_cli_integer(const bc_cli_command *cmd, const bc_cli_args *args, const char *name,
		   long lo, long hi, long *out)
{
	const char *text = bc_cli_get(cmd, args, name);
	if (!text)
		return -1;
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno || v < lo || v > hi)
		return bc_cli_usage_error(cmd, "--%s: '%s' is not a whole number from %ld to %ld",
					  name, text, lo, hi);
	*out = v;
	return -1;
}

int bc_cli_seconds(const bc_cli_command *cmd, const char *option, const char *text,
		   float max_s, float *out_s)
{
	char *end;
	double v = strtod(text, &end);
	if (end == text || *end != '\0' || !isfinite(v) || v <= 0 || v > max_s)
		return bc_cli_usage_error(cmd, "%s '%s' is not a number of seconds in (0, %g]",
					  option, text, (double)max_s);
	*out_s = (float)v;
	return -1;
}
