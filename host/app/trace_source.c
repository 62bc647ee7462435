/* SPDX-License-Identifier: MIT */
/* A trace played back in real time as a sample source: see trace_source.h. */
#include "app/trace_source.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coach/exercise_table.h"
#include "trace/trace_reader.h"
#include "trace_hold.h"

typedef struct {
	bc_sample_source base; /* first: the source handed out is this struct */
	bc_trace_reader *reader;
	double speed;
	bc_exercise_id exercise;
	float hold_s;
	bool started;	   /* first sample read: pacing anchored */
	double t0_s;	   /* trace time of the first sample */
	double wall0_s;	   /* monotonic clock when it was handed out */
	bc_sample pending; /* read from the file, not yet due */
	bool has_pending;
} trace_source;

static double monotonic_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void sleep_s(double s)
{
	if (s <= 0)
		return;
	struct timespec ts = { (time_t)s, (long)((s - floor(s)) * 1e9) };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/*
 * Hands out the next sample when its time has come: a sample recorded
 * dt seconds after the first is due dt / speed seconds after the first was
 * handed out. Waits at most timeout_ms for it, like a sensor would.
 */
static int trace_read(bc_sample_source *src, bc_sample *out, int timeout_ms)
{
	trace_source *ts = (trace_source *)src;
	if (src->status == BC_SOURCE_ENDED)
		return -1;
	if (!ts->has_pending) {
		bc_trace_error err;
		int got = bc_trace_reader_next(ts->reader, &ts->pending, &err);
		if (got <= 0) {
			src->status = BC_SOURCE_ENDED;
			if (got < 0)
				snprintf(src->error, sizeof(src->error), "%.*s",
					 (int)sizeof(src->error) - 1, err.message);
			return -1;
		}
		ts->has_pending = true;
	}
	double now = monotonic_s();
	if (!ts->started) {
		ts->started = true;
		ts->t0_s = ts->pending.t_s;
		ts->wall0_s = now;
	}
	if (ts->speed > 0) {
		double due = ts->wall0_s + (ts->pending.t_s - ts->t0_s) / ts->speed;
		if (due > now) {
			double wait = due - now, limit = timeout_ms / 1000.0;
			sleep_s(wait < limit ? wait : limit);
			if (wait > limit)
				return 0;
		}
	}
	*out = ts->pending;
	ts->has_pending = false;
	return 1;
}

static void trace_close(bc_sample_source *src)
{
	trace_source *ts = (trace_source *)src;
	bc_trace_reader_free(ts->reader);
	free(ts);
}

bc_sample_source *bc_trace_source_open(const bc_trace_source_config *config, char *err,
				       size_t err_size)
{
	bc_trace_error terr;
	trace_source *ts = calloc(1, sizeof(*ts));
	if (!ts) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	ts->reader = bc_trace_reader_open(config->path, &terr);
	if (!ts->reader) {
		snprintf(err, err_size, "%s", terr.message); /* names file and line */
		free(ts);
		return NULL;
	}
	ts->speed = config->speed;
	const char *ex = bc_trace_reader_meta(ts->reader, "exercise");
	ts->exercise = ex ? bc_exercise_from_name(ex) : BC_EXERCISE_NONE;
	if (bc_trace_hold_s(ts->reader, &ts->hold_s, err, err_size) < 0) {
		trace_close(&ts->base);
		return NULL;
	}
	const char *rate = bc_trace_reader_meta(ts->reader, "rate_hz");
	ts->base.read = trace_read;
	ts->base.close = trace_close;
	ts->base.status = BC_SOURCE_REPLAYING;
	ts->base.rate_hz = rate ? strtof(rate, NULL) : 0.0f;
	if (!isfinite(ts->base.rate_hz) || ts->base.rate_hz < 0)
		ts->base.rate_hz = 0;
	const char *base = strrchr(config->path, '/');
	base = base ? base + 1 : config->path;
	if (config->demo)
		snprintf(ts->base.description, sizeof(ts->base.description), "DEMO: %s",
			 ex ? ex : "session");
	else
		snprintf(ts->base.description, sizeof(ts->base.description), "%s", base);
	return &ts->base;
}

bc_exercise_id bc_trace_source_exercise(const bc_sample_source *src)
{
	return ((const trace_source *)src)->exercise;
}

float bc_trace_source_hold_s(const bc_sample_source *src)
{
	return ((const trace_source *)src)->hold_s;
}
