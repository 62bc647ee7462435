/* SPDX-License-Identifier: MIT */
/* Error report shared by trace reader and writer: "file:line: what is wrong". */
#ifndef BC_TRACE_ERROR_H
#define BC_TRACE_ERROR_H

typedef struct {
	char message[512]; /* "path:line: problem" (line omitted when n/a) */
} bc_trace_error;

#endif /* BC_TRACE_ERROR_H */
