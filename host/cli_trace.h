/* SPDX-License-Identifier: MIT */
/*
 * Trace input for the subcommands: open with the reader's "file:line: ..."
 * message on stderr and exit status 3 (contract §2), and choose the exercise
 * from --exercise or the trace's "# exercise:" metadata.
 */
#ifndef BC_CLI_TRACE_H
#define BC_CLI_TRACE_H

#include "cli_options.h"
#include "trace/trace_reader.h"
#include "vocab/exercise.h"

/* Opens path; NULL after printing the error, with *status set to 3. */
bc_trace_reader *bc_cli_open_trace(const char *path, int *status);

/* Prints a reader error (already "file:line: what"); returns 3. */
int bc_cli_trace_failed(const bc_trace_error *err);

/*
 * Ends a loop that read a trace with bc_trace_reader_next (got: its last
 * return) and wrote rows to stdout: what was written is flushed, then a read
 * error is reported (3), or a write error (1, bc_cli_flush_stdout), else 0.
 */
int bc_cli_trace_finish(const bc_cli_command *cmd, int got, const bc_trace_error *err);

/*
 * The exercise: given (from --exercise) unless it is BC_EXERCISE_NONE, else
 * the one the trace's metadata names. 0 on success; 2 after a usage error
 * when the trace names none or an unknown one (the message lists the valid
 * names).
 */
int bc_cli_trace_exercise(const bc_cli_command *cmd, bc_exercise_id given, const bc_trace_reader *r,
			  bc_exercise_id *id);

#endif /* BC_CLI_TRACE_H */
