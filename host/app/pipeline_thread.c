/* SPDX-License-Identifier: MIT */
/* The coach's own thread and its bounded event ring: see pipeline_thread.h. */
#include "app/pipeline_thread.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long a read waits before the thread checks for stop, milliseconds. */
#define READ_TIMEOUT_MS 50

struct bc_pipeline {
	pthread_t thread;
	bool running; /* thread created and not joined */
	bc_sample_source *src;
	bool lossless;
	bc_pipeline_tap tap;
	void *tap_ctx;

	/* Owned by the thread: never touched by the screen. */
	bc_coach coach;

	/* Shared: under lock. */
	pthread_mutex_t lock;
	pthread_cond_t room; /* signalled when take() empties the ring (lossless) */
	bc_coach_view view;
	bool have_view;
	bc_coach_event ring[BC_PIPELINE_EVENTS_MAX];
	size_t head, count; /* oldest at ring[head] */
	unsigned long dropped;
	bc_source_status status;
	float rate_hz;
	char description[96];
	char error[256];
	unsigned long samples;
	double first_t_s;
	uint64_t last_sample_ns;
	uint64_t oldest_new_sample_ns; /* since the last take (latency figures) */
	bool finished;
	bool stop;
	bool recalibrate;
	bool paused;
};

uint64_t bc_monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * Into the ring, under the lock. Full: a replay waits for the screen; a live
 * sensor drops the oldest non-essential event to make room (or, if every
 * event waiting is essential, this one when it is not). Essential events
 * of a live session then overwrite nothing: the ring is sized so that the
 * screen, at even 1 frame a second, never lets them pile up that far.
 */
static void push_locked(bc_pipeline *p, const bc_coach_event *e)
{
	while (p->lossless && p->count == BC_PIPELINE_EVENTS_MAX && !p->stop)
		pthread_cond_wait(&p->room, &p->lock);
	if (p->count == BC_PIPELINE_EVENTS_MAX) {
		size_t victim = BC_PIPELINE_EVENTS_MAX;
		for (size_t i = 0; i < p->count; i++) {
			size_t k = (p->head + i) % BC_PIPELINE_EVENTS_MAX;
			if (!bc_coach_event_essential(&p->ring[k])) {
				victim = i;
				break;
			}
		}
		p->dropped++;
		if (victim == BC_PIPELINE_EVENTS_MAX)
			return; /* all essential; lose the newest rather than an outcome */
		for (size_t i = victim; i + 1 < p->count; i++)
			p->ring[(p->head + i) % BC_PIPELINE_EVENTS_MAX] =
				p->ring[(p->head + i + 1) % BC_PIPELINE_EVENTS_MAX];
		p->count--;
	}
	p->ring[(p->head + p->count) % BC_PIPELINE_EVENTS_MAX] = *e;
	p->count++;
}

static void publish(bc_pipeline *p, const bc_coach_event *events, size_t n, bool got_sample,
		    uint64_t arrived_ns)
{
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < n; i++)
		push_locked(p, &events[i]);
	if (got_sample) {
		p->view = *bc_coach_get_view(&p->coach);
		if (!p->have_view)
			p->first_t_s = p->view.t_s;
		p->have_view = true;
		p->samples++;
		p->last_sample_ns = arrived_ns;
		if (!p->oldest_new_sample_ns)
			p->oldest_new_sample_ns = arrived_ns;
	}
	p->status = p->src->status;
	p->rate_hz = p->src->rate_hz;
	memcpy(p->error, p->src->error, sizeof(p->error));
	pthread_mutex_unlock(&p->lock);
}

/*
 * The sensor path: read, coach, publish, at the source's pace. Nothing here
 * waits for the screen (except a lossless replay's full ring).
 */
static void *run(void *arg)
{
	bc_pipeline *p = arg;
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	for (;;) {
		pthread_mutex_lock(&p->lock);
		bool stop = p->stop, recal = p->recalibrate, paused = p->paused;
		p->recalibrate = false;
		pthread_mutex_unlock(&p->lock);
		if (stop)
			break;
		bc_coach_pause(&p->coach, paused);
		if (recal)
			bc_coach_recalibrate(&p->coach);
		bc_sample s;
		int got = bc_source_read(p->src, &s, READ_TIMEOUT_MS);
		if (got < 0)
			break;
		size_t n = 0;
		uint64_t arrived_ns = bc_monotonic_ns();
		if (got == 1 && p->tap)
			p->tap(p->tap_ctx, &s);
		if (got == 1)
			n = bc_coach_update(&p->coach, &s, events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		publish(p, events, n, got == 1, arrived_ns);
	}
	size_t n = bc_coach_finish(&p->coach, events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < n; i++)
		push_locked(p, &events[i]);
	p->view = *bc_coach_get_view(&p->coach);
	p->status = p->src->status == BC_SOURCE_ENDED || p->stop ? BC_SOURCE_ENDED : p->src->status;
	memcpy(p->error, p->src->error, sizeof(p->error));
	p->finished = true;
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

bc_pipeline *bc_pipeline_start(bc_sample_source *src, const bc_coach_settings *settings,
			       bc_exercise_id exercise, bool lossless, bc_pipeline_tap tap,
			       void *tap_ctx, char *err, size_t err_size)
{
	bc_pipeline *p = calloc(1, sizeof(*p));
	if (!p) {
		snprintf(err, err_size, "out of memory");
		bc_source_close(src);
		return NULL;
	}
	p->src = src;
	p->lossless = lossless;
	p->tap = tap;
	p->tap_ctx = tap_ctx;
	bc_coach_init(&p->coach, settings, exercise);
	p->view = *bc_coach_get_view(&p->coach);
	p->status = src->status;
	p->rate_hz = src->rate_hz;
	snprintf(p->description, sizeof(p->description), "%s", src->description);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->room, NULL);
	int rc = pthread_create(&p->thread, NULL, run, p);
	if (rc != 0) {
		snprintf(err, err_size, "cannot start the coach thread: %s", strerror(rc));
		pthread_cond_destroy(&p->room);
		pthread_mutex_destroy(&p->lock);
		bc_source_close(src);
		free(p);
		return NULL;
	}
	p->running = true;
	return p;
}

void bc_pipeline_take(bc_pipeline *p, bc_pipeline_snapshot *out)
{
	pthread_mutex_lock(&p->lock);
	out->view = p->view;
	out->have_view = p->have_view;
	size_t n = 0;
	while (p->count > 0 && n < BC_PIPELINE_EVENTS_MAX) {
		out->events[n++] = p->ring[p->head];
		p->head = (p->head + 1) % BC_PIPELINE_EVENTS_MAX;
		p->count--;
	}
	out->n_events = n;
	out->dropped_events = p->dropped;
	out->status = p->status;
	out->rate_hz = p->rate_hz;
	memcpy(out->description, p->description, sizeof(out->description));
	memcpy(out->error, p->error, sizeof(out->error));
	out->samples = p->samples;
	out->first_t_s = p->first_t_s;
	out->last_sample_ns = p->last_sample_ns;
	out->oldest_new_sample_ns = p->oldest_new_sample_ns;
	p->oldest_new_sample_ns = 0;
	/* Finished only once its last events have been handed over. */
	out->finished = p->finished && p->count == 0;
	pthread_cond_signal(&p->room);
	pthread_mutex_unlock(&p->lock);
}

void bc_pipeline_recalibrate(bc_pipeline *p)
{
	pthread_mutex_lock(&p->lock);
	p->recalibrate = true;
	pthread_mutex_unlock(&p->lock);
}

void bc_pipeline_pause(bc_pipeline *p, bool paused)
{
	pthread_mutex_lock(&p->lock);
	p->paused = paused;
	pthread_mutex_unlock(&p->lock);
}

void bc_pipeline_stop(bc_pipeline *p)
{
	if (!p || !p->running)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_signal(&p->room);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	p->running = false;
	bc_source_close(p->src);
	p->src = NULL;
}

void bc_pipeline_free(bc_pipeline *p)
{
	if (!p)
		return;
	bc_pipeline_stop(p);
	pthread_cond_destroy(&p->room);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
