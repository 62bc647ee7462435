/* SPDX-License-Identifier: MIT */
/*
 * One scripted coached session with sensor faults, shared by the driver's
 * fault tests and the fault matrix (tests/test_fault_matrix.c).
 *
 * The session is tests/traces/bridge-correct (8 bridges at 200 Hz, hold 2 s,
 * ready at 17 s, 107 s long). By default it runs as the app runs a live
 * sensor: played into the MPU-6050 model (tests/models/), read by the IMU
 * reader and the live source, counted by the coach. With replay set it runs
 * as `backcoach replay` does: the trace's samples straight into the coach,
 * where the faults of a trace (NaN, time gaps) are injected.
 *
 * Times are session time (seconds since the reader started, or the trace's
 * t). Zero is off: a fault window is on only when its end (freeze_to_s,
 * replug_at_s) is set, a step when its size is, a period when it is > 0.
 */
#ifndef BC_FAULTY_SESSION_H
#define BC_FAULTY_SESSION_H

#include <stdbool.h>

#include "coach/session_tally.h"
#include "drivers/imu_reader.h"

typedef struct {
	/* On the wire and in the chip (live path) */
	unsigned flip_per_10000;	   /* one bit flipped in this share of FIFO reads */
	double freeze_from_s, freeze_to_s; /* bit-identical output */
	double unplug_at_s, replug_at_s;   /* sensor gone */
	double nack_every_s;		   /* a burst of NACKs this often ... */
	unsigned nack_transfers;	   /* ... of this many transfers */
	double short_read_every_s;	   /* a FIFO data read torn in half this often */
	double overflow_every_s;	   /* the reader stalls until the FIFO overflows */
	double stuck_int_from_s;	   /* the data-ready line stuck from then on (> 0) */
	double clock_ratio;		   /* the chip's clock runs this × nominal (0: 1) */
	/* In the motion the chip measures (live path) */
	double knock_every_s;  /* a knock beyond full scale (one sample) */
	double bias_step_at_s; /* the gyro's bias steps at this time ... */
	float bias_step_dps;   /* ... by this much on every axis */
	/* In a trace (replay path) */
	bool replay;
	double nan_every_s;	   /* one sample with NaN on an axis this often */
	double gap_every_s, gap_s; /* samples missing for gap_s this often */
} bc_fault_plan;

/* Every fault off, the live path. */
extern const bc_fault_plan bc_fault_plan_none;

/* What a faulty session came to. */
typedef struct {
	bc_session_tally tally;
	float longest_rep_hold_s;
	int dropout_events;	   /* the coach's DROPOUT events */
	unsigned long flips;	   /* bits flipped on the wire */
	unsigned long injections;  /* periodic faults injected (NACK bursts, NaNs, gaps, ...) */
	bc_imu_reader_stats stats; /* the reader's (live path) */
} bc_fault_outcome;

/* Runs the session with plan's faults to its end (cmocka asserts on setup). */
void bc_run_faulty_session(const bc_fault_plan *plan, bc_fault_outcome *o);

#endif /* BC_FAULTY_SESSION_H */
