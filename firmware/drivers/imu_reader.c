/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers. The reader's public calls and its FIFO drain: reads what
 * the chip holds into a buffer, puts it on the sample clock, and hands it out
 * one sample per read. The other parts are in the files that
 * imu_reader_internal.h lists.
 */
#include "drivers/imu_reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/imu_probe.h"
#include "drivers/imu_reader_internal.h"
#include "platform/mono_clock.h"

/* Definitions */

const bc_imu_reader_settings bc_imu_reader_settings_default = {
	.chip = {
		.rate_hz = 200.0f,
		.accel_range_g = 4.0f,
		.gyro_range_dps = 500.0f,
		.lpf_hz = 0.0f,
		.data_ready_int = true,
	},
	.address = 0,
	.max_retries = 3,
	.retry_backoff_s = 0.0005f,
	.reconnect_first_s = 0.1f,
	.reconnect_max_s = 1.0f,
	.silent_timeout_s = 0.5f,
	.batch_min_s = 0.004f,
	.int_misses_to_poll = 3,
};

const bc_imu_hooks bc_imu_hooks_system = {
	.wait_data_ready = NULL,
	.now_ns = bc_mono_now_ns,
	.sleep_ns = bc_mono_sleep_ns,
	.ctx = NULL,
};

/* Functions: shared with the reader's other files */

uint64_t bc_reader_now_ns(bc_imu_reader *r)
{
	return r->hooks.now_ns(r->hooks.ctx);
}

void bc_reader_note(bc_imu_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->last_error, sizeof(r->last_error), fmt, ap);
	va_end(ap);
}

int bc_reader_drain(bc_imu_reader *r, bool have_edge, uint64_t edge_ns)
{
	size_t n;
	bool overflow;
	int rc = bc_imu_fifo_status(&r->imu, &n, &overflow);
	if (rc)
		return rc;
	uint64_t read_ns = bc_reader_now_ns(r);
	r->stats.wakeups++;
	if (overflow) {
		r->stats.fifo_overflows++;
		r->last_data_ns = read_ns; /* data was flowing: not a silent chip */
		bc_reader_note(r, "FIFO overflow: samples lost");
		return bc_reader_recover_fifo(r);
	}
	if (n == 0)
		return 0;
	size_t m = n < BC_READER_BUF_SAMPLES ? n : BC_READER_BUF_SAMPLES;
	r->retry.no_retry = true; /* the bytes leave the FIFO as they are read */
	rc = bc_imu_fifo_read(&r->imu, r->buf, m);
	r->retry.no_retry = false;
	if (rc) {
		/* Part of the FIFO is gone and we cannot tell how much: start over. */
		bc_reader_note(r, "FIFO read failed (%s): samples lost", strerror(-rc));
		return bc_reader_recover_fifo(r);
	}
	r->bad_drains_in_row = 0;

	bool exact;
	uint64_t anchor_ns = bc_sample_clock_anchor(&r->clock, have_edge, edge_ns, read_ns, &exact);
	bc_sample_clock_place(&r->clock, n, m, anchor_ns, exact, r->buf_t_s);
	memset(r->buf_gap, 0, m * sizeof(r->buf_gap[0]));
	r->buf_gap[0] = r->gap_pending;
	r->gap_pending = false;
	bc_reader_update_mag(r, read_ns);
	r->buf_head = 0;
	r->buf_n = m;
	r->last_data_ns = read_ns;
	return (int)m;
}

/* Functions: the retrying bus's report */

static void bus_failed(void *ctx, bool write, uint8_t addr, uint8_t reg, int err)
{
	bc_reader_note(ctx, "i2c %s 0x%02x reg 0x%02x: %s", write ? "write" : "read", addr, reg,
		       strerror(-err));
}

static void sleep_hook(void *ctx, uint64_t ns)
{
	bc_imu_reader *r = ctx;
	r->hooks.sleep_ns(r->hooks.ctx, ns);
}

/* The retrying bus keeps its own counts; the stats show them. */
static void sync_bus_stats(bc_imu_reader *r)
{
	r->stats.bus_errors = r->retry.errors;
	r->stats.retries_ok = r->retry.retries_ok;
}

/* Functions: reading */

static void hand_out(bc_imu_reader *r, bc_sample *out)
{
	size_t i = r->buf_head++;
	r->buf_n--;
	*out = (bc_sample){
		.t_s = r->buf_t_s[i],
		.accel_g = r->buf[i].accel_g,
		.gyro_dps = r->buf[i].gyro_dps,
		.mag_ut = r->buf_mag_ut,
		.has_mag = r->buf_has_mag,
	};
	r->last_after_dropout = r->buf_gap[i];
	r->stats.samples++;
}

/* While the chip is lost: re-probe when due, else sleep towards it. false = deadline passed. */
static bool step_reconnect(bc_imu_reader *r, uint64_t deadline_ns)
{
	uint64_t now = bc_reader_now_ns(r);
	if (now >= r->next_probe_ns) {
		bc_reader_try_reconnect(r);
		return true;
	}
	if (now >= deadline_ns)
		return false;
	uint64_t until = r->next_probe_ns < deadline_ns ? r->next_probe_ns : deadline_ns;
	r->hooks.sleep_ns(r->hooks.ctx, until - now);
	return true;
}

static int read_sample(bc_imu_reader *r, bc_sample *out, int timeout_ms)
{
	uint64_t deadline_ns = bc_reader_now_ns(r) +
			       (uint64_t)(timeout_ms > 0 ? timeout_ms : 0) * 1000000u;
	for (;;) {
		if (r->buf_n > 0) {
			hand_out(r, out);
			return 1;
		}
		if (r->state == BC_IMU_READER_RECONNECTING) {
			if (!step_reconnect(r, deadline_ns))
				return 0;
			continue;
		}
		bool progressed = r->use_int ? bc_reader_step_interrupt(r, deadline_ns)
					     : bc_reader_step_poll(r, deadline_ns);
		if (!progressed)
			return 0;
		if (r->buf_n == 0 && bc_reader_now_ns(r) >= deadline_ns)
			return 0;
	}
}

int bc_imu_reader_read(bc_imu_reader *r, bc_sample *out, int timeout_ms)
{
	int rc = read_sample(r, out, timeout_ms);
	sync_bus_stats(r);
	return rc;
}

/* Functions: life cycle and getters */

bc_imu_reader *bc_imu_reader_new(bc_i2c_bus *bus, const bc_imu_reader_settings *settings,
				 const bc_imu_hooks *hooks)
{
	bc_imu_reader *r = calloc(1, sizeof(*r));
	bc_imu_found chip;
	int rc;

	if (!r)
		return NULL;
	r->bus = bus;
	r->set = *settings;
	r->hooks = hooks ? *hooks : bc_imu_hooks_system;
	bc_retry_bus_init(&r->retry, bus);
	r->retry.max_retries = settings->max_retries;
	r->retry.backoff_s = settings->retry_backoff_s;
	r->retry.sleep_ns = sleep_hook;
	r->retry.failed = bus_failed;
	r->retry.ctx = r;
	bc_sample_clock_init(&r->clock, bc_reader_now_ns(r));

	rc = bc_imu_find(bus, settings->address, &chip);
	if (!rc)
		rc = bc_reader_start_chip(r, chip.variant, chip.addr);
	if (rc)
		goto fail;
	sync_bus_stats(r);
	return r;
fail:
	free(r);
	errno = -rc;
	return NULL;
}

void bc_imu_reader_free(bc_imu_reader *r)
{
	free(r);
}

bool bc_imu_reader_after_dropout(const bc_imu_reader *r)
{
	return r->last_after_dropout;
}

bc_imu_reader_state bc_imu_reader_get_state(const bc_imu_reader *r)
{
	return r->state;
}

const bc_imu_reader_stats *bc_imu_reader_get_stats(const bc_imu_reader *r)
{
	return &r->stats;
}

const bc_imu *bc_imu_reader_chip(const bc_imu_reader *r)
{
	return &r->imu;
}

const char *bc_imu_reader_last_error(const bc_imu_reader *r)
{
	return r->last_error;
}
