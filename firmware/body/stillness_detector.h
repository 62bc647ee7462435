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
 * Until the gyro bias is known (bc_stillness_set_bias_known(); a cheap
 * gyroscope is off by up to a few deg/s at switch-on, more than a person
 * standing quietly turns), the gyro test also passes when the rate is steady
 * (the measured rate's short-window mean within gyro_steady_dps of its
 * gyro_slow_tau_s mean, whatever the bias estimate does meanwhile:
 * postural sway and breathing change it by about 1 deg/s, a movement by
 * far more) and within gyro_bias_max_dps of the bias estimate (what a bias
 * can plausibly be); and, since a steady slow turn would pass that, the
 * accelerometer's short-window mean also stays within accel_max_g of its
 * gyro_slow_tau_s mean (a turn faster than about 2 deg/s moves gravity
 * further than that).
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
	float gyro_max_dps;	 /* |smoothed (gyro - bias)| below this is at rest, deg/s */
	float gyro_tau_s;	 /* gyro smoothing time constant, seconds */
	float accel_max_g;	 /* |fast mean - slow mean| of the accelerometer below this, g */
	float accel_fast_tau_s;	 /* short accelerometer window, seconds */
	float accel_slow_tau_s;	 /* long accelerometer window, seconds */
	float accel_norm_tol_g;	 /* | |fast mean| - 1 g | below this, g (allows scale error) */
	float gyro_steady_dps;	 /* bias unknown: short vs long gyro mean below this, deg/s */
	float gyro_slow_tau_s;	 /* bias unknown: the long gyro window, seconds */
	float gyro_bias_max_dps; /* bias unknown: |smoothed (gyro - bias)| below this, deg/s */
} bc_stillness_settings;

extern const bc_stillness_settings bc_stillness_settings_default;

/*
 * The default's values as an initialiser, for other settings' const
 * defaults that embed these (C cannot copy an extern const there).
 * Why these values: stillness_detector.c.
 */
#define BC_STILLNESS_SETTINGS_DEFAULT_INIT                                                      \
	{                                                                                       \
		.gyro_max_dps = 3.0f, .gyro_tau_s = 0.1f, .accel_max_g = 0.03f,                 \
		.accel_fast_tau_s = 0.05f, .accel_slow_tau_s = 0.2f, .accel_norm_tol_g = 0.15f, \
		.gyro_steady_dps = 1.5f, .gyro_slow_tau_s = 0.5f, .gyro_bias_max_dps = 6.0f,    \
	}

typedef struct {
	bc_stillness_settings settings;
	bool primed;		   /* the windows hold at least one sample */
	float history_s;	   /* time since priming, up to the long window, seconds */
	bc_vec3 gyro_lp_dps;	   /* smoothed bias-corrected rate, deg/s */
	float rate_dps;		   /* |gyro_lp_dps|, deg/s: kept, the body tracker reports it */
	bc_vec3 gyro_raw_lp_dps;   /* the measured rate (bias and all) smoothed like gyro_lp_dps,
				  * deg/s: steadiness must not see the bias estimate move */
	bc_vec3 gyro_raw_slow_dps; /* the measured rate over the long window, deg/s */
	bool bias_known;	   /* the bias estimate passed in can be trusted */
	bc_vec3 accel_fast_g;	   /* short-window mean specific force, g */
	bc_vec3 accel_slow_g;	   /* long-window mean specific force, g */
	bc_vec3 accel_long_g;	   /* the same over gyro_slow_tau_s, g (bias unknown) */
	bool still;		   /* at rest now */
	double still_s;		   /* time at rest in the current spell, seconds */
} bc_stillness;

void bc_stillness_init(bc_stillness *d, const bc_stillness_settings *settings);

/*
 * Whether the bias estimate given to update() is trustworthy yet (init: no).
 * The windows of the measured rate run only while it is not: taking it back
 * restarts the history, as after a dropout.
 */
void bc_stillness_set_bias_known(bc_stillness *d, bool known);

/* Forget the history (after a dropout): the next sample starts afresh. */
void bc_stillness_reset(bc_stillness *d);

/*
 * One sample: gyro_dps and accel_g as measured (sensor frame), bias_dps the
 * current gyro bias estimate, dt_s the time since the previous sample
 * (0 for the first one). Returns whether the sensor is at rest now.
 * A non-finite input counts as not at rest and leaves the windows alone.
 */
bool bc_stillness_update(bc_stillness *d, bc_vec3 gyro_dps, bc_vec3 bias_dps, bc_vec3 accel_g,
			 float dt_s);

#endif /* BC_STILLNESS_DETECTOR_H */
