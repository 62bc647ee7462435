/* SPDX-License-Identifier: MIT */
#include "trace_hold.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int bc_trace_hold_s(const bc_trace_reader *r, float *hold_s, char *err, size_t err_size)
{
	const char *text = bc_trace_reader_meta(r, "hold_s");
	*hold_s = 0;
	if (!text)
		return 0;
	char *end;
	double v = strtod(text, &end);
	if (end == text || *end || !isfinite(v) || v <= 0 || v > BC_TRACE_HOLD_MAX_S) {
		snprintf(err, err_size,
			 "%s: metadata '# hold_s: %s' is not a number of seconds in (0, %g]",
			 bc_trace_reader_path(r), text, (double)BC_TRACE_HOLD_MAX_S);
		return -1;
	}
	*hold_s = (float)v;
	return 0;
}
