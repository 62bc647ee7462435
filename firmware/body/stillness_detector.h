/* SPDX-License-Identifier: MIT */
/*
 * Stillness detector: is the sensor at rest right now, and since when?
 *
 * At rest means both
 * - the gyroscope, minus the filter's bias estimate and smoothed over a short
 *   time window, turns slower than gyro_max_dps, and
 * - the accelerometer is steady: its short-window mean stays within
 *   accel_max_g of its longer-window mean, and its magnitude is near 1 g.
 *
 * Nothing is still until the windows hold accel_slow_tau_s of history.
 * The windows are exponential with time constants in seconds; each step uses
 * the sample timestamps (dt_s), so the behaviour does not depend on the
 * sample rate (25..1000 Hz, jittered). Caller-owned struct, no heap.
 */
#ifndef BC_STILLNESS_DETECTOR_H
#define BC_STILLNESS_DETECTOR_H

#include <stdbool.h>

#include "core/math3d.h"

typedef struct {
	float gyro_max_dps;      /* |smoothed (gyro - bias)| below this is at rest, deg/s */
	float gyro_tau_s;        /* gyro smoothing time constant, seconds */
	float accel_max_g;       /* |fast mean - slow mean| of the accelerometer below this, g */
	float accel_fast_tau_s;  /* short accelerometer window, seconds */
	float accel_slow_tau_s;  /* long accelerometer window, seconds */
	float accel_norm_tol_g;  /* | |fast mean| - 1 g | below this, g (allows scale error) */
} bc_stillness_settings;

extern const bc_stillness_settings bc_stillness_settings_default;

typedef struct {
	bc_stillness_settings settings;
	bool primed;             /* the windows hold at least one sample */
	float history_s;         /* time since priming, up to the long window, seconds */
	bc_vec3 gyro_lp_dps;     /* smoothed bias-corrected rate, deg/s */
	bc_vec3 accel_fast_g;    /* short-window mean specific force, g */
	bc_vec3 accel_slow_g;    /* long-window mean specific force, g */
	bool still;              /* at rest now */
	double still_s;          /* time at rest in the current spell, seconds */
} bc_stillness;

void bc_stillness_init(bc_stillness *d, const bc_stillness_settings *settings);

/* Forget the history (after a dropout): the next sample starts afresh. */
void bc_stillness_reset(bc_stillness *d);

/*
 * One sample: gyro_dps and accel_g as measured (sensor frame), bias_dps the
 * current gyro bias estimate, dt_s the time since the previous sample
 * (0 for the first one). Returns whether the sensor is at rest now.
 * A non-finite input counts as not at rest and leaves the windows alone.
 */
bool bc_stillness_update(bc_stillness *d, bc_vec3 gyro_dps, bc_vec3 bias_dps,
			 bc_vec3 accel_g, float dt_s);

#endif /* BC_STILLNESS_DETECTOR_H */
