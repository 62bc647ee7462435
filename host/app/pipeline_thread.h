/* SPDX-License-Identifier: MIT */
/*
 * The coach in its own thread: it reads a sample source at the sensor's
 * rate, runs every sample through bc_coach_update and publishes the latest
 * bc_coach_view and the coach's events. The screen takes a snapshot when it
 * draws a frame; the lock is held only for copies, so rendering (or a slow
 * frame) never delays the sensor path.
 *
 * Events go through a bounded ring. A live sensor never waits for the
 * screen: if the ring is full, non-essential events (cues, hold progress)
 * are dropped and counted; the essential ones (bc_coach_event_essential:
 * outcomes, calibration steps, hold edges) are kept. The counts on screen
 * come from the view, which is always the latest, so they cannot drift even
 * then. A replayed trace may instead
 * wait for room (lossless), which tests use to run a trace at full speed.
 */
#ifndef BC_APP_PIPELINE_THREAD_H
#define BC_APP_PIPELINE_THREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coach/coach.h"
#include "platform/sample_source.h"

/* Events a snapshot can carry; the ring holds as many. */
#define BC_PIPELINE_EVENTS_MAX 512

typedef struct {
	bc_coach_view view;			       /* the latest, after the latest sample */
	bool have_view;				       /* at least one sample processed */
	bc_coach_event events[BC_PIPELINE_EVENTS_MAX]; /* since the last snapshot, in order */
	size_t n_events;
	unsigned long dropped_events; /* non-essential events lost to a full ring, total */
	bc_source_status status;      /* the source's, as last seen */
	float rate_hz;		      /* the source's measured/declared rate */
	char description[96];
	char error[256];	       /* the source's last problem ("" none) */
	unsigned long samples;	       /* processed so far */
	double first_t_s;	       /* sample time of the first sample */
	uint64_t last_sample_ns;       /* CLOCK_MONOTONIC when the latest sample arrived */
	uint64_t oldest_new_sample_ns; /* arrival of the oldest sample new in this take; 0 none */
	bool finished;		       /* the source ended and the SUMMARY was published */
} bc_pipeline_snapshot;

typedef struct bc_pipeline bc_pipeline;

/* Called on the sensor thread with every sample (e.g. to record it); must not block. */
typedef void (*bc_pipeline_tap)(void *ctx, const bc_sample *s);

/*
 * Starts the thread on src (the pipeline owns it from now on and closes it),
 * coaching exercise with settings. lossless: wait for room in the ring
 * instead of dropping (replays only). tap (may be NULL) sees every sample.
 * NULL with err on failure (src closed).
 */
bc_pipeline *bc_pipeline_start(bc_sample_source *src, const bc_coach_settings *settings,
			       bc_exercise_id exercise, bool lossless, bc_pipeline_tap tap,
			       void *tap_ctx, char *err, size_t err_size);

/*
 * Copies the latest view and status into out and moves the pending events
 * there (at most BC_PIPELINE_EVENTS_MAX; the rest stay for the next call).
 */
void bc_pipeline_take(bc_pipeline *p, bc_pipeline_snapshot *out);

/* Asks the coach to restart calibration (counts kept) before the next sample. */
void bc_pipeline_recalibrate(bc_pipeline *p);

/*
 * Pauses or resumes the coach before the next sample (bc_coach_pause): the
 * source is still read (and recorded), the time is not counted.
 */
void bc_pipeline_pause(bc_pipeline *p, bool paused);

/*
 * Stops the thread, ends the session (bc_coach_finish: the SUMMARY goes into
 * the ring for a last take), closes the source. Does not free: take, then
 * bc_pipeline_free.
 */
void bc_pipeline_stop(bc_pipeline *p);

/* Stops if running and frees; NULL-safe. */
void bc_pipeline_free(bc_pipeline *p);

/* CLOCK_MONOTONIC now, nanoseconds (the clock of last_sample_ns). */
uint64_t bc_monotonic_ns(void);

#endif /* BC_APP_PIPELINE_THREAD_H */
