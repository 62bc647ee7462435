/* SPDX-License-Identifier: MIT */
/* FIFO draining, timestamps, retries and reconnects: see imu_reader.h. */
#include "drivers/imu_reader.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drivers/ak_magnetometer.h"
#include "drivers/imu_probe.h"

/* Definitions */

#define NS_PER_S 1000000000.0

/* Samples held between a drain and the reads that hand them out. */
#define READER_BUF_SAMPLES 256

/* Sample clock (see timestamp()): pull towards an edge time per drain; creep
 * towards a poll time per drain; period baseline from this many samples,
 * restarted after this long. */
#define EDGE_GAIN 0.3
#define POLL_CREEP 0.0005
#define BASELINE_MIN_SAMPLES 20
#define BASELINE_MAX_S 60.0
/* The chip's clock is within ±5 % of nominal (datasheets say ±1–2 %). */
#define PERIOD_TOLERANCE 0.05
/* Edges in a row that found an empty FIFO before the line counts as chattering. */
#define EMPTY_EDGES_TO_POLL 50
/* Queued edges drained after a wake-up (the newest is the anchor). */
#define MAX_QUEUED_EDGES 64
/*
 * Drains in a row that found the FIFO overflowed or unreadable before the
 * chip is configured again: a FIFO that never comes right (packets changed
 * by someone else) keeps data flowing, so the silent-chip check never fires.
 */
#define BAD_DRAINS_TO_REINIT 8

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

struct bc_imu_reader {
	bc_i2c_bus *bus;        /* the caller's bus */
	bc_i2c_bus retry_bus;   /* the same, with retries: what the driver talks to */
	bc_imu imu;
	bc_imu_reader_settings set;
	bc_imu_hooks hooks;
	bc_imu_reader_state state;
	bc_imu_reader_stats stats;
	char last_error[160];
	uint64_t start_ns;
	bool fifo_reading;      /* inside a FIFO data read: never retry */

	/* sample clock */
	bool anchored;
	bool have_t_last;
	double t_last_s;
	double period_s, period_nominal_s;
	unsigned long consumed; /* samples read since the reference anchor */
	double ref_a_s;         /* reference anchor time, s */
	double ref_index;       /* its sample index (since the reference) */

	/* drained, not yet handed out */
	bc_imu_reading buf[READER_BUF_SAMPLES];
	double buf_t_s[READER_BUF_SAMPLES];
	bool buf_gap[READER_BUF_SAMPLES];
	size_t buf_head, buf_n;
	bool buf_has_mag;       /* the magnetometer's latest value when this drain was read */
	bc_vec3 buf_mag_ut;
	bool gap_pending;
	bool last_after_dropout;

	/* pacing */
	bool use_int;
	int int_misses_in_row;
	int empty_edges_in_row;
	int bad_drains_in_row;  /* overflowed or unreadable FIFO, see BAD_DRAINS_TO_REINIT */
	uint64_t next_poll_ns;
	uint32_t dither;        /* LCG state jittering the poll interval */
	uint64_t last_data_ns;

	/* reconnecting */
	uint64_t next_probe_ns;
	double reconnect_interval_s;

	/* the magnetometer in the package, when the variant has one */
	bc_ak_mag mag;
};

/* Functions: platform */

static uint64_t system_now_ns(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void system_sleep_ns(void *ctx, uint64_t ns)
{
	(void)ctx;
	struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000u),
			       .tv_nsec = (long)(ns % 1000000000u) };
	while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR)
		;
}

const bc_imu_hooks bc_imu_hooks_system = {
	.wait_data_ready = NULL,
	.now_ns = system_now_ns,
	.sleep_ns = system_sleep_ns,
	.ctx = NULL,
};

static uint64_t now_ns(bc_imu_reader *r)
{
	return r->hooks.now_ns(r->hooks.ctx);
}

static void sleep_s(bc_imu_reader *r, double s)
{
	if (s > 0)
		r->hooks.sleep_ns(r->hooks.ctx, (uint64_t)(s * NS_PER_S));
}

static void note(bc_imu_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->last_error, sizeof(r->last_error), fmt, ap);
	va_end(ap);
}

/* Functions: the retrying bus the driver sees */

/*
 * A failed transfer is retried after a doubling back-off; a FIFO data read is
 * not, because its bytes left the FIFO whether or not they reached us.
 */
static int retry_read(void *ctx, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	bc_imu_reader *r = ctx;
	int rc = bc_i2c_read(r->bus, addr, reg, buf, len);
	double wait_s = r->set.retry_backoff_s;
	for (int i = 0; rc && !r->fifo_reading && i < r->set.max_retries; i++, wait_s *= 2) {
		r->stats.bus_errors++;
		sleep_s(r, wait_s);
		rc = bc_i2c_read(r->bus, addr, reg, buf, len);
		if (!rc)
			r->stats.retries_ok++;
	}
	if (rc) {
		r->stats.bus_errors++;
		note(r, "i2c read 0x%02x reg 0x%02x: %s", addr, reg, strerror(-rc));
	}
	return rc;
}

static int retry_write(void *ctx, uint8_t addr, uint8_t reg, uint8_t value)
{
	bc_imu_reader *r = ctx;
	int rc = bc_i2c_write(r->bus, addr, reg, value);
	double wait_s = r->set.retry_backoff_s;
	for (int i = 0; rc && i < r->set.max_retries; i++, wait_s *= 2) {
		r->stats.bus_errors++;
		sleep_s(r, wait_s);
		rc = bc_i2c_write(r->bus, addr, reg, value);
		if (!rc)
			r->stats.retries_ok++;
	}
	if (rc) {
		r->stats.bus_errors++;
		note(r, "i2c write 0x%02x reg 0x%02x: %s", addr, reg, strerror(-rc));
	}
	return rc;
}

static void retry_close(void *ctx)
{
	(void)ctx; /* the underlying bus is the caller's */
}

static const bc_i2c_bus_ops retry_ops = {
	.read_regs = retry_read,
	.write_reg = retry_write,
	.close = retry_close,
};

/* Functions: chip life cycle */

static void sleep_for_driver(void *ctx, uint64_t ns)
{
	bc_imu_reader *r = ctx;
	r->hooks.sleep_ns(r->hooks.ctx, ns);
}

static void mark_dropout(bc_imu_reader *r)
{
	r->stats.dropouts++;
	r->gap_pending = true;
	r->anchored = false;
}

/*
 * The magnetometer answers on the caller's bus, not the retrying one: it is
 * optional, so a missing one costs one NACK, not retries and back-offs, and
 * its faults never count against the IMU.
 */
static void start_mag(bc_imu_reader *r)
{
	const bc_ak_variant *mv = r->imu.variant->mag;
	if (!mv) {
		r->mag.present = false;
		r->stats.mag_present = false;
		return;
	}
	/* counters run over the whole session, across re-initialisations */
	unsigned long reads = r->mag.reads, overflows = r->mag.overflows, errors = r->mag.errors;
	bc_ak_mag_attach(&r->mag, r->bus, BC_AK_ADDR, mv, sleep_for_driver, r);
	r->mag.reads = reads;
	r->mag.overflows = overflows;
	r->mag.errors = errors;
	if (bc_ak_mag_start(&r->mag, now_ns(r)) != 1)
		note(r, "%s: no %s at 0x%02x: 6-axis only", r->imu.variant->name, mv->name,
		     BC_AK_ADDR);
	r->stats.mag_present = r->mag.present;
}

/* The magnetometer's turn (at its own 100 Hz), once per drain. */
static void update_mag(bc_imu_reader *r, uint64_t now)
{
	if (!r->imu.variant->mag) {
		r->buf_has_mag = false; /* a 6-axis chip may have replaced a 9-axis one */
		return;
	}
	bc_ak_mag_update(&r->mag, now);
	r->buf_has_mag = bc_ak_mag_latest(&r->mag, &r->buf_mag_ut);
	r->stats.mag_present = r->mag.present;
	r->stats.mag_reads = r->mag.reads;
	r->stats.mag_overflows = r->mag.overflows;
	r->stats.mag_errors = r->mag.errors;
}

static int start_chip(bc_imu_reader *r, const bc_imu_variant *variant, uint8_t addr)
{
	bc_imu_attach(&r->imu, &r->retry_bus, addr, variant);
	r->imu.sleep_ns = sleep_for_driver;
	r->imu.sleep_ctx = r;
	int rc = bc_imu_init(&r->imu, &r->set.chip);
	if (rc)
		return rc;
	r->period_nominal_s = 1.0 / r->imu.config.rate_hz;
	r->period_s = r->period_nominal_s;
	r->anchored = false;
	r->use_int = r->hooks.wait_data_ready && r->set.chip.data_ready_int;
	r->stats.polling = !r->use_int;
	r->int_misses_in_row = 0;
	r->empty_edges_in_row = 0;
	r->bad_drains_in_row = 0;
	r->last_data_ns = now_ns(r);
	r->next_poll_ns = r->last_data_ns;
	r->state = BC_IMU_READER_STREAMING;
	start_mag(r);
	return 0;
}

static void lose(bc_imu_reader *r)
{
	r->state = BC_IMU_READER_RECONNECTING;
	r->stats.losses++;
	mark_dropout(r);
	r->reconnect_interval_s = r->set.reconnect_first_s;
	r->next_probe_ns = now_ns(r) + (uint64_t)(r->reconnect_interval_s * NS_PER_S);
}

/* Probes the address again; the chip plugged back may even be another model. */
static void try_reconnect(bc_imu_reader *r)
{
	const bc_imu_variant *v;
	int rc = bc_imu_probe_address(r->bus, r->imu.addr, &v);
	if (rc == 1 && (rc = start_chip(r, v, r->imu.addr)) == 0) {
		r->stats.reconnects++;
		r->gap_pending = true;
		note(r, "%s reconnected at 0x%02x", v->name, r->imu.addr);
		return;
	}
	if (rc == 0)
		note(r, "unknown chip at 0x%02x", r->imu.addr);
	r->state = BC_IMU_READER_RECONNECTING;
	r->next_probe_ns = now_ns(r) + (uint64_t)(r->reconnect_interval_s * NS_PER_S);
	r->reconnect_interval_s *= 2;
	if (r->reconnect_interval_s > r->set.reconnect_max_s)
		r->reconnect_interval_s = r->set.reconnect_max_s;
}

/*
 * Nothing arrived for a while though the bus works: the chip may have reset
 * itself (a brown-out as the cable wiggles) and be asleep with defaults.
 * Ask it who it is; if it still answers, initialise it again.
 */
/* Configures the chip from scratch where it is; a chip that will not take it is lost. */
static void reinitialise(bc_imu_reader *r)
{
	mark_dropout(r);
	if (start_chip(r, r->imu.variant, r->imu.addr))
		lose(r);
	else
		r->stats.reconnects++;
}

static void check_silent(bc_imu_reader *r)
{
	uint64_t now = now_ns(r);
	if (r->state != BC_IMU_READER_STREAMING ||
	    (double)(now - r->last_data_ns) < r->set.silent_timeout_s * NS_PER_S)
		return;
	uint8_t id;
	const bc_imu_variant *v = r->imu.variant;
	int rc = v->bank_sel_reg ? 0 : bc_imu_read_reg(&r->imu, v->id_reg, &id);
	if (!rc && v->bank_sel_reg) {
		r->imu.bank = -1; /* the chip may have reset to bank 0 behind our back */
		rc = bc_i2c_write(&r->retry_bus, r->imu.addr, v->bank_sel_reg, 0);
		if (!rc)
			rc = bc_imu_read_reg(&r->imu, v->id_reg, &id);
	}
	if (rc || id != v->id_value) {
		lose(r);
		return;
	}
	note(r, "%s silent for %.1f s: re-initialising", v->name, r->set.silent_timeout_s);
	reinitialise(r);
}

/* After an overflowed or unreadable FIFO: flush it, or start over if that keeps happening. */
static int recover_fifo(bc_imu_reader *r)
{
	mark_dropout(r);
	if (++r->bad_drains_in_row < BAD_DRAINS_TO_REINIT)
		return bc_imu_fifo_reset(&r->imu);
	note(r, "%s FIFO keeps failing: re-initialising", r->imu.variant->name);
	reinitialise(r);
	return 0;
}

/* Functions: timestamps */

/*
 * n samples were waiting, the newest produced at (about) anchor_ns; the first
 * m of them are in r->buf. Put them on the sample clock:
 *
 * - The period is measured over a long baseline: the time between a
 *   reference anchor and this one, over the samples between them. Anchor
 *   errors (up to a period when polling) shrink with the baseline.
 * - The phase follows the anchor. An edge time is the sample's own time
 *   (exact), pulled towards firmly. A poll time is only an upper bound (the
 *   newest sample was taken at or before the read), so the clock is pulled
 *   back at once if it runs past the bound, and otherwise creeps towards it:
 *   it settles on the lower envelope of the bounds, which is the true phase.
 */
static void timestamp(bc_imu_reader *r, size_t n, size_t m, uint64_t anchor_ns, bool exact)
{
	double a = (double)(int64_t)(anchor_ns - r->start_ns) / NS_PER_S;
	double p = r->period_s;
	double pred = r->t_last_s + (double)n * p;
	double newest, step, first;

	if (r->anchored && fabs(a - pred) < fmax(0.02, 5 * p)) {
		double index = (double)(r->consumed + n - 1);
		double baseline = index - r->ref_index;
		if (baseline >= BASELINE_MIN_SAMPLES) {
			double lo = r->period_nominal_s * (1 - PERIOD_TOLERANCE);
			double hi = r->period_nominal_s * (1 + PERIOD_TOLERANCE);
			r->period_s = fmin(fmax((a - r->ref_a_s) / baseline, lo), hi);
			if (a - r->ref_a_s > BASELINE_MAX_S) { /* follow slow drift (temperature) */
				r->ref_a_s = a;
				r->ref_index = index;
			}
		}
		if (exact) {
			newest = pred + EDGE_GAIN * (a - pred);
		} else {
			/*
			 * Lower envelope of the bounds. The creep covers what the
			 * period may still be wrong by (one anchor error over the
			 * baseline) so the clock never falls behind for good.
			 */
			double creep = (double)n * p * (POLL_CREEP + 1.0 / fmax(baseline, 1.0));
			newest = fmin(a, pred + creep);
		}
		step = (newest - r->t_last_s) / (double)n;
		if (step < 0.5 * p)
			step = 0.5 * p;
		first = r->t_last_s + step;
	} else {
		/* First drain, after a dropout, or lost track: the anchor decides. */
		newest = exact ? a : a - 0.5 * p;
		step = p;
		first = newest - (double)(n - 1) * p;
		if (r->have_t_last && first < r->t_last_s + 0.5 * p)
			first = r->t_last_s + 0.5 * p;
		r->anchored = true;
		r->consumed = 0;
		r->ref_a_s = a;
		r->ref_index = (double)(n - 1);
	}
	for (size_t j = 0; j < m; j++) {
		r->buf_t_s[j] = first + (double)j * step;
		r->buf_gap[j] = false;
	}
	r->buf_gap[0] = r->gap_pending;
	r->gap_pending = false;
	r->t_last_s = r->buf_t_s[m - 1];
	r->have_t_last = true;
	r->consumed += m;
}

/* Functions: draining */

/*
 * Reads what the FIFO holds into r->buf. Returns the samples read (0 is fine)
 * or a negative errno when the chip stopped answering.
 */
static int drain(bc_imu_reader *r, bool have_edge, uint64_t edge_ns)
{
	size_t n;
	bool overflow;
	int rc = bc_imu_fifo_status(&r->imu, &n, &overflow);
	if (rc)
		return rc;
	uint64_t read_ns = now_ns(r);
	r->stats.wakeups++;
	if (overflow) {
		r->stats.fifo_overflows++;
		r->last_data_ns = read_ns; /* data was flowing: not a silent chip */
		note(r, "FIFO overflow: samples lost");
		return recover_fifo(r);
	}
	if (n == 0)
		return 0;
	size_t m = n < READER_BUF_SAMPLES ? n : READER_BUF_SAMPLES;
	r->fifo_reading = true;
	rc = bc_imu_fifo_read(&r->imu, r->buf, m);
	r->fifo_reading = false;
	if (rc) {
		/* Part of the FIFO is gone and we cannot tell how much: start over. */
		note(r, "FIFO read failed (%s): samples lost", strerror(-rc));
		return recover_fifo(r);
	}
	r->bad_drains_in_row = 0;

	uint64_t period_ns = (uint64_t)(r->period_s * NS_PER_S);
	uint64_t anchor_ns = read_ns;
	bool exact = false;
	if (have_edge && read_ns >= edge_ns) {
		/* Newer samples may have landed since the edge, one a period. */
		uint64_t late = (read_ns - edge_ns) / period_ns;
		anchor_ns = edge_ns + late * period_ns;
		exact = late == 0;
	}
	timestamp(r, n, m, anchor_ns, exact);
	update_mag(r, read_ns);
	r->buf_head = 0;
	r->buf_n = m;
	r->last_data_ns = read_ns;
	return (int)m;
}

/* Waits for and handles one data-ready edge (or a timeout). 0 = deadline passed. */
static bool step_interrupt(bc_imu_reader *r, uint64_t deadline_ns)
{
	uint64_t now = now_ns(r);
	double wait_s = fmax(3 * r->period_s, 0.02);
	double left_s = now < deadline_ns ? (double)(deadline_ns - now) / NS_PER_S : 0;
	bool full_wait = left_s >= wait_s;
	int slice_ms = (int)ceil((full_wait ? wait_s : left_s) * 1000.0);
	uint64_t edge_ns;

	int rc = r->hooks.wait_data_ready(r->hooks.ctx, slice_ms, &edge_ns);
	if (rc < 0) {
		note(r, "data-ready line failed (%s): polling", strerror(-rc));
		r->use_int = false;
		r->stats.polling = true;
		return true;
	}
	if (rc == 0) {
		if (!full_wait)
			return false;
		/* No edge for three periods: is data arriving without its interrupt? */
		int got = drain(r, false, 0);
		if (got < 0) {
			lose(r);
		} else if (got > 0) {
			r->stats.int_misses++;
			if (++r->int_misses_in_row >= r->set.int_misses_to_poll) {
				note(r, "data-ready line stuck: polling");
				r->use_int = false;
				r->stats.polling = true;
			}
		} else {
			check_silent(r);
		}
		return true;
	}

	r->int_misses_in_row = 0;
	if (r->period_s < r->set.batch_min_s) {
		/* High rate: let a few samples gather instead of waking per sample. */
		uint64_t until = edge_ns + (uint64_t)(r->set.batch_min_s * NS_PER_S);
		now = now_ns(r);
		if (until > now)
			r->hooks.sleep_ns(r->hooks.ctx, until - now);
	}
	uint64_t newer;
	for (int i = 0; i < MAX_QUEUED_EDGES &&
			r->hooks.wait_data_ready(r->hooks.ctx, 0, &newer) == 1; i++)
		edge_ns = newer;
	int got = drain(r, true, edge_ns);
	if (got < 0) {
		lose(r);
	} else if (got == 0) {
		if (++r->empty_edges_in_row >= EMPTY_EDGES_TO_POLL) {
			note(r, "data-ready line chattering: polling");
			r->use_int = false;
			r->stats.polling = true;
		}
		check_silent(r);
	} else {
		r->empty_edges_in_row = 0;
	}
	return true;
}

/* Sleeps to the next poll (or the deadline) and drains. false = deadline passed. */
static bool step_poll(bc_imu_reader *r, uint64_t deadline_ns)
{
	uint64_t now = now_ns(r);
	if (now < r->next_poll_ns) {
		if (deadline_ns <= now)
			return false;
		uint64_t until = r->next_poll_ns < deadline_ns ? r->next_poll_ns : deadline_ns;
		r->hooks.sleep_ns(r->hooks.ctx, until - now);
		now = now_ns(r);
		if (now < r->next_poll_ns)
			return false;
	}
	/*
	 * Dither the interval by up to ±25 %: a poll locked to the chip's period
	 * would always see the same phase and never find the lower envelope
	 * the timestamps rely on.
	 */
	r->dither = r->dither * 1103515245u + 12345u;
	double dither = 0.75 + 0.5 * (double)((r->dither >> 16) & 0x7fff) / 32768.0;
	double interval_s = fmax(r->period_s, r->set.batch_min_s) * dither;
	r->next_poll_ns = now + (uint64_t)(interval_s * NS_PER_S);
	int got = drain(r, false, 0);
	if (got < 0)
		lose(r);
	else if (got == 0)
		check_silent(r);
	return true;
}

int bc_imu_reader_read(bc_imu_reader *r, bc_sample *out, int timeout_ms)
{
	uint64_t deadline_ns = now_ns(r) + (uint64_t)(timeout_ms > 0 ? timeout_ms : 0) * 1000000u;
	for (;;) {
		if (r->buf_n > 0) {
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
			return 1;
		}
		uint64_t now = now_ns(r);
		if (r->state == BC_IMU_READER_RECONNECTING) {
			if (now >= r->next_probe_ns) {
				try_reconnect(r);
				continue;
			}
			if (now >= deadline_ns)
				return 0;
			uint64_t until = r->next_probe_ns < deadline_ns ? r->next_probe_ns
									: deadline_ns;
			r->hooks.sleep_ns(r->hooks.ctx, until - now);
			continue;
		}
		bool progressed = r->use_int ? step_interrupt(r, deadline_ns)
					     : step_poll(r, deadline_ns);
		if (!progressed)
			return 0;
		if (r->buf_n == 0 && now_ns(r) >= deadline_ns)
			return 0;
	}
}

/* Functions: life cycle and getters */

bc_imu_reader *bc_imu_reader_new(bc_i2c_bus *bus, const bc_imu_reader_settings *settings,
				 const bc_imu_hooks *hooks, char *err, size_t err_size)
{
	bc_imu_reader *r = calloc(1, sizeof(*r));
	const bc_imu_variant *v = NULL;
	uint8_t addr = settings->address;
	int rc;

	if (!r) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	r->bus = bus;
	r->retry_bus = (bc_i2c_bus){ .ops = &retry_ops, .ctx = r, .number = bus->number };
	r->set = *settings;
	r->hooks = hooks ? *hooks : bc_imu_hooks_system;
	r->start_ns = now_ns(r);

	if (addr) {
		rc = bc_imu_probe_address(bus, addr, &v);
		if (rc != 1) {
			snprintf(err, err_size, rc == 0 ? "no known IMU at 0x%02x (unknown ID)"
							: "nothing answers at 0x%02x: %s",
				 addr, rc < 0 ? strerror(-rc) : "");
			goto fail;
		}
	} else {
		bc_imu_found found;
		if (bc_imu_probe_bus(bus, &found, 1) != 1) {
			snprintf(err, err_size, "no IMU found (tried 0x68, 0x69, 0x6a, 0x6b)");
			goto fail;
		}
		v = found.variant;
		addr = found.addr;
	}
	rc = start_chip(r, v, addr);
	if (rc) {
		snprintf(err, err_size, "%s at 0x%02x: initialisation failed: %s", v->name, addr,
			 strerror(-rc));
		goto fail;
	}
	return r;
fail:
	free(r);
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
