/* SPDX-License-Identifier: MIT */
/* A live session recorded from the pipeline's samples: see session_recorder.h. */
#include "app/session_recorder.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "coach/exercise_table.h"
#include "history/local_day.h"
#include "paths.h"
#include "record_session.h"

#define RING_SAMPLES 4096 /* 4 s at 1 kHz: the writer is never that far behind */

struct bc_session_recorder {
	bc_sample_source src; /* what bc_record_session reads: the ring */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t ready;
	bc_sample ring[RING_SAMPLES];
	size_t head, count;
	unsigned long dropped;
	bool ended;
	bool mag; /* the chip has a magnetometer: mx,my,mz recorded */
	char path[1024];
	char rate[32], started[32], exercise[32], sensor[96];
	int rc;
	bc_trace_error err;
};

const char *bc_session_recorder_default_dir(char *buf, size_t size)
{
	return bc_paths_data_file("sessions", buf, size);
}

/* mkdir -p, mode 0700 (recordings are personal). */
static int make_dirs(const char *dir)
{
	char p[1024];
	if (snprintf(p, sizeof(p), "%s", dir) >= (int)sizeof(p)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *c = p + 1; *c; c++) {
		if (*c != '/')
			continue;
		*c = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			return -1;
		*c = '/';
	}
	return mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

static void pass_report(void *ctx, const char *msg)
{
	void (*report)(const char *msg) = *(void (**)(const char *))ctx;
	if (report)
		report(msg);
}

int bc_session_recorder_recover(const char *dir, void (*report)(const char *msg))
{
	return bc_record_recover_dir(dir, NULL, pass_report, &report);
}

/* bc_record_session's source: samples from the ring, -1 once ended and drained. */
static int ring_read(bc_sample_source *src, bc_sample *out, int timeout_ms)
{
	bc_session_recorder *r = (bc_session_recorder *)src;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += (long)timeout_ms * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	pthread_mutex_lock(&r->lock);
	while (r->count == 0 && !r->ended)
		if (pthread_cond_timedwait(&r->ready, &r->lock, &until) == ETIMEDOUT)
			break;
	int got = 0;
	if (r->count > 0) {
		*out = r->ring[r->head];
		r->head = (r->head + 1) % RING_SAMPLES;
		r->count--;
		got = 1;
	} else if (r->ended) {
		got = -1;
	}
	pthread_mutex_unlock(&r->lock);
	return got;
}

static void ring_close(bc_sample_source *src)
{
	(void)src;
}

static void *writer(void *arg)
{
	bc_session_recorder *r = arg;
	bc_trace_meta meta[] = {
		{ "sensor", r->sensor },
		{ "rate_hz", r->rate },
		{ "started", r->started },
		{ "exercise", r->exercise },
	};
	bc_record_options opt = bc_record_options_default;
	opt.out_path = r->path;
	opt.meta = meta;
	opt.n_meta = sizeof(meta) / sizeof(meta[0]);
	opt.mag = r->mag;
	opt.reserved = true;
	bc_record_result res;
	r->rc = bc_record_session(&r->src, &opt, &res, &r->err);
	return NULL;
}

bc_session_recorder *bc_session_recorder_start(const char *dir, bc_exercise_id exercise,
					       const char *sensor, float rate_hz, bool mag,
					       char *err, size_t err_size)
{
	const bc_exercise_info *info = bc_exercise_info_get(exercise);
	if (make_dirs(dir) != 0) {
		snprintf(err, err_size, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	bc_session_recorder *r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	time_t now = time(NULL);
	char stamp[32];
	bc_utc_iso8601((int64_t)now, r->started, sizeof(r->started));
	bc_local_time_text((int64_t)now, "%Y%m%d-%H%M%S", stamp, sizeof(stamp));
	snprintf(r->exercise, sizeof(r->exercise), "%s", info ? info->name : "unknown");
	snprintf(r->sensor, sizeof(r->sensor), "%s", sensor && *sensor ? sensor : "unknown");
	snprintf(r->rate, sizeof(r->rate), "%g", rate_hz > 0 ? (double)rate_hz : 100.0);
	/* milliseconds in the name, and -2, -3 ... from bc_record_reserve: never the same file */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	char wanted[1024];
	if (snprintf(wanted, sizeof(wanted), "%s/backcoach-%s-%03ld-%s.csv", dir, stamp,
		     ts.tv_nsec / 1000000L, r->exercise) >= (int)sizeof(wanted) ||
	    bc_record_reserve(wanted, true, r->path, sizeof(r->path)) != 0) {
		snprintf(err, err_size, "%s: cannot start a recording: %s", dir, strerror(errno));
		free(r);
		return NULL;
	}
	r->mag = mag;
	r->src.read = ring_read;
	r->src.close = ring_close;
	r->src.status = BC_SOURCE_CONNECTED;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->ready, NULL);
	int rc = pthread_create(&r->thread, NULL, writer, r);
	if (rc != 0) {
		snprintf(err, err_size, "cannot start the recorder: %s", strerror(rc));
		char part[1100];
		snprintf(part, sizeof(part), "%s.part", r->path);
		unlink(part); /* the empty file bc_record_reserve made for it */
		pthread_cond_destroy(&r->ready);
		pthread_mutex_destroy(&r->lock);
		free(r);
		return NULL;
	}
	return r;
}

const char *bc_session_recorder_path(const bc_session_recorder *r)
{
	return r ? r->path : "";
}

void bc_session_recorder_push(bc_session_recorder *r, const bc_sample *s)
{
	pthread_mutex_lock(&r->lock);
	if (r->count == RING_SAMPLES) {
		r->dropped++;
	} else {
		r->ring[(r->head + r->count) % RING_SAMPLES] = *s;
		r->count++;
		pthread_cond_signal(&r->ready);
	}
	pthread_mutex_unlock(&r->lock);
}

int bc_session_recorder_finish(bc_session_recorder *r, char *err, size_t err_size)
{
	if (!r)
		return 0;
	pthread_mutex_lock(&r->lock);
	r->ended = true;
	pthread_cond_signal(&r->ready);
	pthread_mutex_unlock(&r->lock);
	pthread_join(r->thread, NULL);
	int rc = r->rc;
	if (rc != 0)
		snprintf(err, err_size, "%s", r->err.message);
	pthread_cond_destroy(&r->ready);
	pthread_mutex_destroy(&r->lock);
	free(r);
	return rc;
}
