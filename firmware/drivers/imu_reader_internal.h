/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers. Private to the reader's files; nothing else includes it.
 *
 * The reader's state, shared by the files that each own one part of it:
 *   imu_reader.c     the public calls, draining the FIFO into the buffer
 *   imu_lifecycle.c  starting the chip, losing it, reconnecting, re-init
 *   imu_pacing.c     when to drain: on data-ready edges, or polling
 *   sample_clock.c   timestamps (its own state: clock)
 *   retry_bus.c      retries (its own state: bus)
 */
#ifndef BC_IMU_READER_INTERNAL_H
#define BC_IMU_READER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/ak_magnetometer.h"
#include "drivers/imu_reader.h"
#include "drivers/retry_bus.h"
#include "drivers/sample_clock.h"

/* Definitions */

#define BC_READER_NS_PER_S 1000000000.0

/* Samples held between a drain and the reads that hand them out. */
#define BC_READER_BUF_SAMPLES 256

struct bc_imu_reader {
	bc_i2c_bus *bus;    /* the caller's bus */
	bc_retry_bus retry; /* the same, with retries: what the driver talks to */
	bc_imu imu;
	bc_imu_reader_settings set;
	bc_imu_hooks hooks;
	bc_imu_reader_state state;
	bc_imu_reader_stats stats;
	char last_error[160];
	bc_sample_clock clock;

	/* drained, not yet handed out */
	bc_imu_reading buf[BC_READER_BUF_SAMPLES];
	double buf_t_s[BC_READER_BUF_SAMPLES];
	bool buf_gap[BC_READER_BUF_SAMPLES];
	size_t buf_head, buf_n;
	bool buf_has_mag; /* the magnetometer's latest value when this drain was read */
	bc_vec3 buf_mag_ut;
	bool gap_pending;
	bool last_after_dropout;

	/* pacing */
	bool use_int;
	int int_misses_in_row;
	int empty_edges_in_row;
	int bad_drains_in_row; /* overflowed or unreadable FIFO, see imu_lifecycle.c */
	uint64_t next_poll_ns;
	uint32_t dither; /* LCG state jittering the poll interval */
	uint64_t last_data_ns;

	/* reconnecting */
	uint64_t next_probe_ns;
	double reconnect_interval_s;

	/* the magnetometer in the package, when the variant has one */
	bc_ak_mag mag;
};

/* Functions: imu_reader.c */

uint64_t bc_reader_now_ns(bc_imu_reader *r);

/* Sets the status text bc_imu_reader_last_error() returns. */
void bc_reader_note(bc_imu_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reads what the FIFO holds into r->buf: samples read (0 is fine) or -errno (chip gone). */
int bc_reader_drain(bc_imu_reader *r, bool have_edge, uint64_t edge_ns);

/* Functions: imu_lifecycle.c */

/* Configures the chip and starts streaming from it: 0 or -errno. */
int bc_reader_start_chip(bc_imu_reader *r, const bc_imu_variant *variant, uint8_t addr);

/* The chip stopped answering: mark a dropout and start re-probing. */
void bc_reader_lose(bc_imu_reader *r);

/* One re-probe while reconnecting; schedules the next on failure. */
void bc_reader_try_reconnect(bc_imu_reader *r);

/* After a drain that found nothing: re-initialise a chip silent for too long. */
void bc_reader_check_silent(bc_imu_reader *r);

/* After an overflowed or unreadable FIFO: 0 or -errno from the FIFO reset. */
int bc_reader_recover_fifo(bc_imu_reader *r);

/* The magnetometer's turn (at its own 100 Hz), once per drain. */
void bc_reader_update_mag(bc_imu_reader *r, uint64_t now_ns);

/* Functions: imu_pacing.c */

/* Waits for and handles one data-ready edge (or a timeout). false = deadline passed. */
bool bc_reader_step_interrupt(bc_imu_reader *r, uint64_t deadline_ns);

/* Sleeps to the next poll (or the deadline) and drains. false = deadline passed. */
bool bc_reader_step_poll(bc_imu_reader *r, uint64_t deadline_ns);

#endif /* BC_IMU_READER_INTERNAL_H */
