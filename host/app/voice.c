/* SPDX-License-Identifier: MIT */
/*
 * The voice: a thread that takes the next line from the queue, renders it
 * with espeak-ng and hands the samples to the audio callback; see voice.h.
 *
 * One mutex guards the queue and the line playing. It is held only for
 * copies and pointer swaps, never while espeak-ng renders, so the audio
 * callback and the render loop wait microseconds at most.
 */
#include "app/voice.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/speech_engine.h"
#include "app/speech_queue.h"

struct bc_voice {
	bc_speech_engine *engine; /* used on the voice thread only (after open) */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake; /* a line was queued, the playing one ended, or quit */
	bc_speech_queue queue;
	bool muted, quit;
	atomic_bool cancel; /* the line being rendered is no longer wanted */
	/* The line playing: samples, how many, how far. */
	float *pcm;
	size_t n, pos;
	bool rendering; /* the thread is rendering a line (not yet in pcm) */
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Drops the line playing (lock held); the thread frees it. */
static void cut_playing(bc_voice *v)
{
	v->pos = v->n;
	v->cancel = true;
}

/*
 * The thread: waits until the line playing has ended and another is due,
 * renders that one outside the lock, and hands it over for playing.
 */
static void *voice_thread(void *arg)
{
	bc_voice *v = arg;
	pthread_mutex_lock(&v->lock);
	for (;;) {
		bc_speech_line line;
		while (!v->quit &&
		       (v->pos < v->n || !bc_speech_queue_next(&v->queue, now_s(), &line)))
			pthread_cond_wait(&v->wake, &v->lock);
		if (v->quit)
			break;
		free(v->pcm);
		v->pcm = NULL;
		v->n = v->pos = 0;
		v->cancel = false;
		v->rendering = true;
		pthread_mutex_unlock(&v->lock);

		float *pcm = NULL;
		size_t n = 0;
		int ret = bc_speech_engine_render(v->engine, line.text, &pcm, &n, &v->cancel);

		pthread_mutex_lock(&v->lock);
		v->rendering = false;
		if (ret == 0 && !v->cancel && !v->muted && n > 0) {
			v->pcm = pcm;
			v->n = n;
			v->pos = 0;
		} else {
			free(pcm);
			bc_speech_queue_done(&v->queue);
		}
	}
	pthread_mutex_unlock(&v->lock);
	return NULL;
}

bc_voice *bc_voice_open(const bc_voice_settings *s, int out_rate_hz, char *err, size_t err_size)
{
	if (err_size)
		err[0] = '\0';
	if (!s->on)
		return NULL;
	bc_voice *v = calloc(1, sizeof(*v));
	if (!v) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	bc_speech_queue_init(&v->queue);
	/*
	 * espeak-ng starts here, on the caller's thread, so that a missing
	 * voice is reported at once; from now on only the voice thread uses it.
	 */
	v->engine = bc_speech_engine_open(s, out_rate_hz, err, err_size);
	if (!v->engine)
		goto free_voice;
	if (pthread_mutex_init(&v->lock, NULL) != 0)
		goto close_engine;
	if (pthread_cond_init(&v->wake, NULL) != 0)
		goto destroy_lock;
	int rc = pthread_create(&v->thread, NULL, voice_thread, v);
	if (rc != 0) {
		snprintf(err, err_size, "voice thread: %s", strerror(rc));
		goto destroy_cond;
	}
	return v;

destroy_cond:
	pthread_cond_destroy(&v->wake);
destroy_lock:
	pthread_mutex_destroy(&v->lock);
close_engine:
	bc_speech_engine_close(v->engine);
free_voice:
	free(v);
	return NULL;
}

void bc_voice_say(bc_voice *v, const char *text, bc_spoken_kind kind)
{
	if (!v || kind == BC_SPOKEN_NONE || !text || !*text)
		return;
	pthread_mutex_lock(&v->lock);
	if (!v->muted) {
		if (bc_speech_queue_push(&v->queue, text, kind, now_s()))
			cut_playing(v);
		pthread_cond_signal(&v->wake);
	}
	pthread_mutex_unlock(&v->lock);
}

void bc_voice_hush(bc_voice *v)
{
	if (!v)
		return;
	pthread_mutex_lock(&v->lock);
	bc_speech_queue_clear(&v->queue);
	cut_playing(v);
	pthread_cond_signal(&v->wake);
	pthread_mutex_unlock(&v->lock);
}

void bc_voice_set_muted(bc_voice *v, bool muted)
{
	if (!v)
		return;
	pthread_mutex_lock(&v->lock);
	if (muted && !v->muted) {
		bc_speech_queue_clear(&v->queue);
		cut_playing(v);
		pthread_cond_signal(&v->wake);
	}
	v->muted = muted;
	pthread_mutex_unlock(&v->lock);
}

size_t bc_voice_mix(bc_voice *v, float *out, size_t n)
{
	if (!v)
		return 0;
	pthread_mutex_lock(&v->lock);
	size_t k = 0;
	if (!v->muted) {
		for (; k < n && v->pos < v->n; k++)
			out[k] += v->pcm[v->pos++];
	}
	if (v->pcm && v->pos >= v->n) {
		/* Ended: the thread frees it and starts on the next line. */
		bc_speech_queue_done(&v->queue);
		v->pos = v->n = 0;
		pthread_cond_signal(&v->wake);
	}
	pthread_mutex_unlock(&v->lock);
	return k;
}

bool bc_voice_busy(bc_voice *v)
{
	if (!v)
		return false;
	pthread_mutex_lock(&v->lock);
	bool busy = v->rendering || v->pos < v->n || v->queue.n > 0;
	pthread_mutex_unlock(&v->lock);
	return busy;
}

unsigned long bc_voice_dropped(bc_voice *v)
{
	if (!v)
		return 0;
	pthread_mutex_lock(&v->lock);
	unsigned long d = v->queue.dropped;
	pthread_mutex_unlock(&v->lock);
	return d;
}

void bc_voice_close(bc_voice *v)
{
	if (!v)
		return;
	pthread_mutex_lock(&v->lock);
	v->quit = true;
	v->cancel = true;
	pthread_cond_signal(&v->wake);
	pthread_mutex_unlock(&v->lock);
	pthread_join(v->thread, NULL);
	bc_speech_engine_close(v->engine);
	pthread_cond_destroy(&v->wake);
	pthread_mutex_destroy(&v->lock);
	free(v->pcm);
	free(v);
}
