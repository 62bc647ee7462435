/* SPDX-License-Identifier: MIT */
/* bc_sample_source over bc_imu_reader: see live_source.h. */
#include "drivers/live_source.h"

#include "core/sample_guard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How fast the measured rate follows the sample spacing (per sample). */
#define RATE_SMOOTHING 0.01f

/*
 * Bad data (frozen output, a burst of glitches: sample_guard.h) for this
 * long, and the chip is configured again: a brown-out can leave a chip
 * answering with stale registers, and only a re-initialisation clears it.
 */
#define RESTART_AFTER_BAD_S 2.0

typedef struct {
	bc_sample_source base; /* first: the source pointer is this struct's */
	bc_imu_reader *reader;
	bc_i2c_bus *bus;
	void (*bus_close)(bc_i2c_bus *bus);
	double t_prev_s;
	bool have_prev;
	bc_sample_guard guard; /* the same checks the coach makes, to decide a restart */
	double bad_since_s;    /* data bad since (< 0: good) */
} live_source;

/* Restarts the chip once its data has stayed bad for RESTART_AFTER_BAD_S. */
static void watch_integrity(live_source *ls, const bc_sample *s)
{
	bc_sample copy = *s; /* the caller gets the sample as it came */
	bc_glitch_kind glitch;
	bc_guard_verdict v = bc_sample_guard_check(&ls->guard, &copy, &glitch);
	bool bad = v == BC_GUARD_FROZEN || bc_sample_guard_burst(&ls->guard, s->t_s);
	if (!bad) {
		ls->bad_since_s = -1;
		return;
	}
	if (ls->bad_since_s < 0)
		ls->bad_since_s = s->t_s;
	if (s->t_s - ls->bad_since_s >= RESTART_AFTER_BAD_S) {
		bc_imu_reader_restart(ls->reader, v == BC_GUARD_FROZEN ? "output frozen"
								       : "glitch after glitch");
		ls->bad_since_s = -1; /* still bad 2 s after the restart: again */
	}
}

static int live_read(bc_sample_source *src, bc_sample *out, int timeout_ms)
{
	live_source *ls = (live_source *)src;
	int rc = bc_imu_reader_read(ls->reader, out, timeout_ms);
	src->status = bc_imu_reader_get_state(ls->reader) == BC_IMU_READER_STREAMING
			      ? BC_SOURCE_CONNECTED
			      : BC_SOURCE_RECONNECTING;
	snprintf(src->error, sizeof(src->error), "%s", bc_imu_reader_last_error(ls->reader));
	if (rc != 1)
		return rc < 0 ? -1 : 0;
	if (ls->have_prev && !bc_imu_reader_after_dropout(ls->reader)) {
		double dt = out->t_s - ls->t_prev_s;
		if (dt > 0) {
			float hz = (float)(1.0 / dt);
			src->rate_hz = src->rate_hz > 0
					       ? src->rate_hz + RATE_SMOOTHING * (hz - src->rate_hz)
					       : hz;
		}
	}
	ls->t_prev_s = out->t_s;
	ls->have_prev = true;
	watch_integrity(ls, out);
	return 1;
}

static void live_close(bc_sample_source *src)
{
	live_source *ls = (live_source *)src;
	bc_imu_reader_free(ls->reader);
	if (ls->bus_close)
		ls->bus_close(ls->bus);
	free(ls);
}

bc_sample_source *bc_live_source_open(const bc_live_source_config *config)
{
	live_source *ls = calloc(1, sizeof(*ls));
	if (!ls)
		return NULL;
	ls->reader = bc_imu_reader_new(config->bus, &config->reader, config->hooks);
	if (!ls->reader) {
		int saved = errno;
		free(ls);
		errno = saved;
		return NULL;
	}
	ls->bus = config->bus;
	ls->bus_close = config->bus_close;
	bc_sample_guard_init(&ls->guard);
	ls->bad_since_s = -1;
	const bc_imu *imu = bc_imu_reader_chip(ls->reader);
	ls->base.read = live_read;
	ls->base.close = live_close;
	ls->base.status = BC_SOURCE_CONNECTED;
	ls->base.rate_hz = imu->config.rate_hz;
	if (config->bus->number >= 0)
		snprintf(ls->base.description, sizeof(ls->base.description),
			 "%s on i2c-%d @ 0x%02x", imu->variant->name, config->bus->number,
			 imu->addr);
	else
		snprintf(ls->base.description, sizeof(ls->base.description), "%s @ 0x%02x",
			 imu->variant->name, imu->addr);
	return &ls->base;
}

bc_imu_reader *bc_live_source_reader(bc_sample_source *src)
{
	return ((live_source *)src)->reader;
}
