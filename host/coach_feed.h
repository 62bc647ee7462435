/* SPDX-License-Identifier: MIT */
/*
 * A trace fed to the coach as fast as two cores go (replay, and the bench
 * that measures it): the trace is read ahead on a second thread
 * (trace_prefetch.h), and for a plain file the coach's front half (the
 * sample guard and the filter, coach.h) is made there too. Parsing plain
 * text costs about a third of the coach, so the two halves even out the
 * cores; a gzip file's inflating already keeps the reader as busy as the
 * whole coach, so its front is made on the caller's thread
 * (docs/performance.md, "Trace I/O").
 *
 * Either way the caller gets every sample's front in order, exactly what
 * bc_coach_front_step would have made in its own thread, and passes it to
 * bc_coach_update_fronted; then the same end or error as the reader's.
 */
#ifndef BC_COACH_FEED_H
#define BC_COACH_FEED_H

#include <stdbool.h>

#include "coach/coach.h"
#include "trace/trace_reader.h"
#include "trace_prefetch.h"

typedef struct {
	bc_trace_prefetch ahead;
	bc_coach *coach;
	bool front_here;     /* a gzip file: the fronts are made on the caller's thread */
	bc_coach_front here; /* the last one made there */
} bc_coach_feed;

/* Starts feeding r's samples to coach (both stay the caller's; neither is touched by it until _stop). */
void bc_coach_feed_start(bc_coach_feed *f, bc_trace_reader *r, bc_coach *coach);

/* The next sample's front: 1, 0 at the end, -1 on error (err: file:line). Valid until the next call. */
int bc_coach_feed_next(bc_coach_feed *f, const bc_coach_front **front, bc_trace_error *err);

/* Stops the reader's thread; the coach and the reader are the caller's alone again. */
void bc_coach_feed_stop(bc_coach_feed *f);

#endif /* BC_COACH_FEED_H */
