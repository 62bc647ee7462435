/* SPDX-License-Identifier: MIT */
/* Error report shared by trace reader and writer: "file:line: what is wrong". */
#ifndef BC_TRACE_ERROR_H
#define BC_TRACE_ERROR_H

typedef struct {
	char message[512]; /* "path:line: problem" (line omitted when n/a) */
} bc_trace_error;

/*
 * Fills err (when not NULL) with "path:line: " (or "path: " when line <= 0)
 * followed by the printf-style text. Always NUL-terminated, truncated to fit.
 */
void bc_trace_error_set(bc_trace_error *err, const char *path, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif /* BC_TRACE_ERROR_H */
