/* SPDX-License-Identifier: MIT */
/* Opening traces and picking the exercise, the same way in every command. */
#include "cli_trace.h"

#include <stdio.h>

#include "commands.h"

bc_trace_reader *bc_cli_open_trace(const char *path, int *status)
{
	bc_trace_error err = { { 0 } };
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		*status = bc_cli_trace_failed(&err);
	return r;
}

int bc_cli_trace_failed(const bc_trace_error *err)
{
	fprintf(stderr, "%s\n", err->message);
	return BC_EXIT_BAD_TRACE;
}

int bc_cli_trace_finish(const bc_cli_command *cmd, int got, const bc_trace_error *err)
{
	if (got < 0) {
		fflush(stdout); /* the rows before the bad line are still worth having */
		return bc_cli_trace_failed(err);
	}
	return bc_cli_flush_stdout(cmd);
}

int bc_cli_trace_exercise(const bc_cli_command *cmd, bc_exercise_id given, const bc_trace_reader *r,
			  bc_exercise_id *id)
{
	if (given != BC_EXERCISE_NONE) {
		*id = given;
		return 0;
	}
	const char *meta = bc_trace_reader_meta(r, "exercise");
	if (!meta || !meta[0])
		return bc_cli_usage_error(cmd, "%s names no exercise; give --exercise NAME",
					  bc_trace_reader_path(r));
	char where[300];
	snprintf(where, sizeof(where), "%s ('# exercise:')", bc_trace_reader_path(r));
	return bc_cli_exercise(cmd, meta, where, id);
}
