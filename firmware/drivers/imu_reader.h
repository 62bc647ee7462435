/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers (over the chip drivers, imu_chip.h, and platform/i2c_bus.h).
 *
 * A live stream of timestamped samples from an IMU on an I2C bus, that keeps
 * going through faults:
 *
 *   - the FIFO is drained when the data-ready interrupt fires (through a
 *     hook, normally a libgpiod line), or polled when no line is wired or
 *     the line is stuck;
 *   - every sample gets a timestamp on CLOCK_MONOTONIC (seconds since the
 *     reader started): the newest sample of a drain is anchored to the
 *     data-ready edge's kernel timestamp (or to the read time when polling)
 *     and the others spaced by the chip's sample period, which is itself
 *     learned slowly from the anchors (the chip's clock is off by a few %).
 *     Timestamps are strictly increasing;
 *   - NACKs and torn reads are retried with a doubling back-off, except FIFO
 *     data reads, which cannot be repeated (the bytes are gone): the FIFO
 *     is reset and the gap marked as a dropout;
 *   - a FIFO overflow resets the FIFO and marks a dropout;
 *   - a chip that stops answering (unplugged) or goes silent (reset by a
 *     brown-out) is probed again at a growing interval and re-initialised
 *     when it is back; meanwhile read() just reports no sample and the state
 *     says RECONNECTING. The time that passed shows in the trace as a gap;
 *   - a 9-axis part's magnetometer (MPU-9250, ICM-20948) is read at its own
 *     100 Hz through the I2C bypass and its latest value goes with every
 *     sample (has_mag); without a trustworthy value (missing, overflowed,
 *     stale) samples are simply 6-axis.
 *
 * read() never allocates and does no I/O besides the bus and the hooks.
 *
 * Its parts, one file each: the retrying bus (retry_bus.c), the chip's life
 * cycle and reconnects (imu_lifecycle.c), the sample clock (sample_clock.c),
 * FIFO pacing (imu_pacing.c), and the drain and the calls below (imu_reader.c).
 */
#ifndef BC_IMU_READER_H
#define BC_IMU_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sample.h"
#include "drivers/imu_chip.h"

/* Definitions */

/* The platform under the reader: clock, sleeping and the data-ready line. */
typedef struct {
	/*
	 * Waits up to timeout_ms for a data-ready rising edge: 1 with its time
	 * (CLOCK_MONOTONIC ns) in *edge_ns, 0 on timeout, -errno if the line
	 * failed. NULL: no line wired, poll.
	 */
	int (*wait_data_ready)(void *ctx, int timeout_ms, uint64_t *edge_ns);
	uint64_t (*now_ns)(void *ctx);		  /* CLOCK_MONOTONIC, ns */
	void (*sleep_ns)(void *ctx, uint64_t ns); /* relative sleep */
	void *ctx;
} bc_imu_hooks;

/* Monotonic clock, nanosleep, no data-ready line. */
extern const bc_imu_hooks bc_imu_hooks_system;

typedef struct {
	bc_imu_settings chip;	 /* rate, ranges, low-pass, INT */
	uint8_t address;	 /* 7-bit I2C address; 0 = the first chip the probe finds */
	int max_retries;	 /* retries of a failed transfer before the chip counts as lost */
	float retry_backoff_s;	 /* wait before the first retry, doubling, s */
	float reconnect_first_s; /* first re-probe after a loss, s; doubles ... */
	float reconnect_max_s;	 /* ... up to this, s */
	float silent_timeout_s;	 /* no sample for this long on a working bus: re-initialise, s */
	float batch_min_s;	 /* at high rates wake at most this often, s */
	int int_misses_to_poll;	 /* data-ready waits that timed out with data waiting, then poll */
} bc_imu_reader_settings;

/* Chip defaults, probe any address, 3 retries from 0.5 ms, re-probe 0.1 → 1 s,
 * silent 0.5 s, batch 4 ms, poll after 3 missed interrupts. */
extern const bc_imu_reader_settings bc_imu_reader_settings_default;

typedef enum {
	BC_IMU_READER_STREAMING,
	BC_IMU_READER_RECONNECTING,
} bc_imu_reader_state;

typedef struct {
	unsigned long samples;	/* delivered */
	unsigned long dropouts; /* gaps marked: overflows, torn FIFO reads, losses */
	unsigned long fifo_overflows;
	unsigned long bus_errors;    /* failed transfers (NACK, torn read, ...) */
	unsigned long retries_ok;    /* transfers that worked on a retry */
	unsigned long losses;	     /* times the chip was lost */
	unsigned long reconnects;    /* re-initialised after a loss */
	unsigned long int_misses;    /* data-ready waits that timed out with data waiting */
	unsigned long wakeups;	     /* FIFO drains */
	bool polling;		     /* reading without the data-ready line */
	bool mag_present;	     /* the package's magnetometer is found and measuring */
	unsigned long mag_reads;     /* magnetometer bursts read */
	unsigned long mag_overflows; /* measurements flagged as magnetic overflow */
	unsigned long mag_errors;    /* magnetometer transfers that failed */
} bc_imu_reader_stats;

typedef struct bc_imu_reader bc_imu_reader;

/* Functions */

/*
 * Finds the chip (settings->address, or probing: bc_imu_find), initialises it
 * and starts the FIFO. hooks NULL = bc_imu_hooks_system. The bus stays the
 * caller's. NULL + errno: ENODEV no known chip, ENOMEM, or the bus's or the
 * chip's error (nothing answers at the address, init failed).
 */
bc_imu_reader *bc_imu_reader_new(bc_i2c_bus *bus, const bc_imu_reader_settings *settings,
				 const bc_imu_hooks *hooks);

/* NULL-safe. */
void bc_imu_reader_free(bc_imu_reader *r);

/*
 * Next sample, waiting up to timeout_ms: 1 with *out filled (t_s since the
 * reader started), 0 when none came in time (also while reconnecting).
 * Faults never end the stream.
 */
int bc_imu_reader_read(bc_imu_reader *r, bc_sample *out, int timeout_ms);

/* Whether the sample last returned follows a dropout (data lost before it). */
bool bc_imu_reader_after_dropout(const bc_imu_reader *r);

/*
 * Configures the chip again from scratch, as after a brown-out: for a sensor
 * whose data stays bad (frozen output, glitch after glitch). why goes to the
 * status text. The time it takes shows as a dropout.
 */
void bc_imu_reader_restart(bc_imu_reader *r, const char *why);

bc_imu_reader_state bc_imu_reader_get_state(const bc_imu_reader *r);
const bc_imu_reader_stats *bc_imu_reader_get_stats(const bc_imu_reader *r);

/* The chip in use: variant, address, applied configuration. */
const bc_imu *bc_imu_reader_chip(const bc_imu_reader *r);

/*
 * The last fault or event (a reconnect, a fallback to polling) in words, for
 * a status line ("" if none). The read path has no caller to return codes to,
 * so it leaves this note instead.
 */
const char *bc_imu_reader_last_error(const bc_imu_reader *r);

#endif /* BC_IMU_READER_H */
