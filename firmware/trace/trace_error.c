/* SPDX-License-Identifier: MIT */
/* "file:line: what is wrong" messages for the trace reader and writer. */
#include "trace/trace_error.h"

#include <stdarg.h>
#include <stdio.h>

void bc_trace_error_set(bc_trace_error *err, const char *path, long line, const char *fmt, ...)
{
	if (!err)
		return;
	size_t size = sizeof(err->message);
	int n;
	if (line > 0)
		n = snprintf(err->message, size, "%s:%ld: ", path, line);
	else
		n = snprintf(err->message, size, "%s: ", path);
	if (n < 0 || (size_t)n >= size)
		return; /* the path alone filled the buffer; it is truncated */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message + n, size - (size_t)n, fmt, ap);
	va_end(ap);
}
