/* SPDX-License-Identifier: MIT */
/* bc_sample_source over bc_imu_reader: see live_source.h. */
#include "drivers/live_source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How fast the measured rate follows the sample spacing (per sample). */
#define RATE_SMOOTHING 0.01f

typedef struct {
	bc_sample_source base; /* first: the source pointer is this struct's */
	bc_imu_reader *reader;
	bc_i2c_bus *bus;
	void (*bus_close)(bc_i2c_bus *bus);
	double t_prev_s;
	bool have_prev;
} live_source;

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
