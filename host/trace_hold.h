/* SPDX-License-Identifier: MIT */
/*
 * The hold target a trace carries in its "# hold_s:" metadata, read the same
 * way by `backcoach replay` and by the app replaying a trace.
 */
#ifndef BC_TRACE_HOLD_H
#define BC_TRACE_HOLD_H

#include <stddef.h>

#include "trace/trace_reader.h"

/* Longest hold target accepted, seconds: anything more is a typo. */
#define BC_TRACE_HOLD_MAX_S 3600.0f

/*
 * The trace's "# hold_s:" into *hold_s, seconds: 0 when absent. Returns 0, or
 * -1 when it is not a number of seconds in (0, BC_TRACE_HOLD_MAX_S], with
 * "PATH: metadata '# hold_s: TEXT' is not ..." in err.
 */
int bc_trace_hold_s(const bc_trace_reader *r, float *hold_s, char *err, size_t err_size);

#endif /* BC_TRACE_HOLD_H */
