/* SPDX-License-Identifier: MIT */
/*
 * Rest detector of the orientation filter: the sensor is at rest when, for
 * rest_min_s in a row, neither the gyroscope nor the accelerometer deviates
 * from its own low-pass by more than a threshold, and the low-passed rate is
 * small enough to be gyro bias rather than a slow turn.
 *
 * At rest, the low-passed gyroscope is the gyro bias: the bias estimator
 * learns it quickly then (gyro_bias.h). The low-pass is first order with time
 * constant tau_s (a second-order one, as in VQF, scored the same on BROAD).
 *
 * Inline: it runs on every sample.
 */
#ifndef BC_FILTER_REST_DETECTOR_H
#define BC_FILTER_REST_DETECTOR_H

/* Includes */

#include <stdbool.h>

#include "core/math3d.h"

/* Definitions */

/* Thresholds, precomputed from the filter settings by bc_rest_detector_init. */
typedef struct {
	float inv_tau_s;       /* 1 / low-pass time constant, 1/s */
	float gyro_dev2_dps2;  /* squared gyro deviation threshold, (deg/s)^2 */
	float accel_dev2_g2;   /* squared accel deviation threshold, g^2 */
	float gyro_lp_max_dps; /* a low-passed rate above this is a turn, not bias, deg/s */
	float min_s;	       /* still this long means at rest, s */
} bc_rest_limits;

typedef struct {
	bc_rest_limits limits;
	float lp[8];   /* low-passed gyro (deg/s, 0..2), accel (g, 4..6), 3 and 7 padding */
	float still_s; /* time both signals have stayed near their low-pass, s */
	bool at_rest;
	bool started; /* low-pass primed with a first sample */
} bc_rest_detector;

/* Functions */

static inline void bc_rest_detector_init(bc_rest_detector *r, float tau_s, float gyro_dev_dps,
					 float accel_dev_g, float gyro_lp_max_dps, float min_s)
{
	*r = (bc_rest_detector){ 0 };
	r->limits.inv_tau_s = 1.0f / tau_s;
	r->limits.gyro_dev2_dps2 = gyro_dev_dps * gyro_dev_dps;
	r->limits.accel_dev2_g2 = accel_dev_g * accel_dev_g;
	r->limits.gyro_lp_max_dps = gyro_lp_max_dps;
	r->limits.min_s = min_s;
}

/* Forgets the motion history (after a dropout); keeps the limits. */
static inline void bc_rest_detector_restart(bc_rest_detector *r)
{
	r->started = false;
	r->at_rest = false;
	r->still_s = 0.0f;
}

/* Low-passed gyroscope, deg/s: the bias when at rest. */
static inline bc_vec3 bc_rest_detector_gyro_lp_dps(const bc_rest_detector *r)
{
	return bc_vec3_make(r->lp[0], r->lp[1], r->lp[2]);
}

/* One sample (raw gyro in deg/s, accel in g) over dt_s; returns at_rest. */
static inline bool bc_rest_detector_update(bc_rest_detector *r, bc_vec3 gyro_dps, bc_vec3 accel_g,
					   float dt_s)
{
	/*
	 * Gyro and accel each padded to a whole 4-float vector: measured ~2.5 ns
	 * an update faster than packing them as 6 channels + 2 padding (no
	 * vector straddles the two inputs, fewer shuffles to build them).
	 */
	const float x[8] = { gyro_dps.x, gyro_dps.y, gyro_dps.z, 0.0f,
			     accel_g.x,	 accel_g.y,  accel_g.z,	 0.0f };
	if (!r->started) {
		for (int i = 0; i < 8; i++)
			r->lp[i] = x[i];
		r->started = true;
		return r->at_rest;
	}
	/* First order is enough to tell still from moving (and costs half). */
	float k = dt_s * r->limits.inv_tau_s;
	/* Deviations from the new low-pass, in the same 8-wide loop (it vectorises). */
	float d[8];
	for (int i = 0; i < 8; i++) {
		r->lp[i] += k * (x[i] - r->lp[i]);
		d[i] = x[i] - r->lp[i];
	}
	float gyro_dev2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
	float accel_dev2 = d[4] * d[4] + d[5] * d[5] + d[6] * d[6];
	float lp_max = r->limits.gyro_lp_max_dps;
	bool still = gyro_dev2 < r->limits.gyro_dev2_dps2 && accel_dev2 < r->limits.accel_dev2_g2 &&
		     fabsf(r->lp[0]) < lp_max && fabsf(r->lp[1]) < lp_max &&
		     fabsf(r->lp[2]) < lp_max;
	r->still_s = still ? r->still_s + dt_s : 0.0f;
	r->at_rest = r->still_s >= r->limits.min_s;
	return r->at_rest;
}

#endif /* BC_FILTER_REST_DETECTOR_H */
