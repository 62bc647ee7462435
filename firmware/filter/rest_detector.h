/* SPDX-License-Identifier: MIT */
/*
 * Rest detector of the orientation filter, with thresholds that follow the
 * sensor's own measured noise.
 *
 * Per sample it only sums: the gyroscope's and the accelerometer's deviation
 * from their low-pass (frozen for the block) and the squares of those
 * deviations. Every block_s (a few samples at high rates, one at 25 Hz) the
 * block is judged:
 *
 * - msd, the mean squared deviation of the block's samples from the low-pass
 *   (both axes' noise and any slow motion are in it), per sensor;
 * - var, the block's own variance (msd less its squared mean): at rest this
 *   is the sensor's noise and nothing else. Its mean over the quiet blocks
 *   is the sensor's noise floor, bounded to what real MEMS chips have
 *   (noise_min/max; see follow_floor in rest_detector.c);
 * - the block is still when msd stays under k^2 times the noise floor for
 *   both sensors, and the low-passed rate is small enough to be gyro bias
 *   rather than a slow turn;
 * - at rest after still blocks for min_s in a row.
 *
 * Why per block and as a mean: a per-sample test (every sample's deviation
 * under a fixed 0.02 g) fails on the noise of the sample itself. BROAD's IMU
 * has ~4.5 mg of accelerometer noise per axis, so one sample in a few hundred
 * crosses 0.02 g and a 1.5 s rest never completes: it found rest on 2.5 % of
 * BROAD's still samples. A block's mean square does not jump with one noisy
 * sample, and a threshold set as a multiple of the measured noise fits a
 * quiet chip and a noisy one alike.
 *
 * The multiple is small on purpose (2 by default): a standing person's sway
 * and breathing (data/ipol-l5) move the gyro's low-pass by tenths of a
 * deg/s, as much as a gyro bias: learning the bias from them would corrupt
 * it. So rest means "lying still", not "standing still" (the body tracker
 * has its own stillness for that): found on 90 % of BROAD's still samples,
 * on 0.5 % of ipol-l5's standing time.
 *
 * At rest, the low-passed gyroscope (time constant tau_s) is the gyro bias:
 * the bias estimator learns it quickly then (gyro_bias.h).
 *
 * A second, looser level, "steady", uses fixed thresholds (steady_gyro_dps,
 * steady_accel_g, RMS over the block): a person standing or sitting, whose
 * sway keeps the low-passed gyro within tenths of a deg/s of the bias. The
 * filter learns the bias from it too, but as a weak measurement (as noisy
 * as sway), so it teaches an unknown switch-on bias (degrees per second)
 * and cannot move one already learned at rest.
 */
#ifndef BC_FILTER_REST_DETECTOR_H
#define BC_FILTER_REST_DETECTOR_H

/* Includes */

#include <stdbool.h>

#include "core/math3d.h"

/* Definitions */

typedef struct {
	float block_s;		  /* judge the sums this often, s */
	float tau_s;		  /* low-pass time constant, s */
	float gyro_k;		  /* still: gyro RMS deviation under this many noise sigmas */
	float accel_k;		  /* still: accel RMS deviation under this many noise sigmas */
	float gyro_noise_min_dps; /* noise floor bounds, per axis, 1 sigma, deg/s */
	float gyro_noise_max_dps; /* ... */
	float accel_noise_min_g;  /* noise floor bounds, per axis, 1 sigma, g */
	float accel_noise_max_g;  /* ... */
	float noise_rise_s;	  /* an unrenewed noise floor doubles in this time, s */
	float gyro_lp_max_dps;	  /* a low-passed rate above this is a turn, not bias, deg/s */
	float min_s;		  /* still this long means at rest, s */
	float steady_gyro_dps;	  /* steady: gyro RMS deviation under this, deg/s */
	float steady_accel_g;	  /* steady: accel RMS deviation under this, g */
} bc_rest_limits;

typedef struct {
	bc_rest_limits limits;
	float gyro_lp_dps[3]; /* low-passed gyroscope, deg/s */
	float accel_lp_g[3];  /* low-passed accelerometer, g */
	/* Sums of the current block: deviations from the low-pass and their squares. */
	float gyro_dev_sum_dps[3];
	float accel_dev_sum_g[3];
	float gyro_dev2_sum_dps2;
	float accel_dev2_sum_g2;
	float block_n;		/* samples in the block */
	float block_elapsed_s;	/* time in the block, s */
	float noise_blocks;	/* blocks that measured the noise floor so far (running mean) */
	float gyro_noise2_dps2; /* noise floor, variance summed over 3 axes, (deg/s)^2 */
	float accel_noise2_g2;	/* noise floor, variance summed over 3 axes, g^2 */
	float still_s;		/* time the blocks have stayed still, s */
	float steady_s;		/* time the blocks have stayed steady, s */
	bool at_rest;
	bool steady;  /* steady for min_s: sway or breathing at most (a person standing) */
	bool started; /* low-pass primed with a first sample */
} bc_rest_detector;

/* A block holds at least this many samples (7 x 3 degrees of freedom of noise). */
#define BC_REST_BLOCK_MIN_N 8.0f

/* Functions */

void bc_rest_detector_init(bc_rest_detector *r, const bc_rest_limits *limits);

/* Forgets the motion history (after a dropout); keeps the limits and the noise floor. */
void bc_rest_detector_restart(bc_rest_detector *r);

/* Judges the block summed so far (bc_rest_detector_update calls it). */
void bc_rest_detector_block(bc_rest_detector *r);

/* Low-passed gyroscope, deg/s: the bias when at rest. */
static inline bc_vec3 bc_rest_detector_gyro_lp_dps(const bc_rest_detector *r)
{
	return bc_vec3_make(r->gyro_lp_dps[0], r->gyro_lp_dps[1], r->gyro_lp_dps[2]);
}

/* Noise floor, deg/s and g per axis (1 sigma), as measured so far. */
float bc_rest_detector_gyro_noise_dps(const bc_rest_detector *r);
float bc_rest_detector_accel_noise_g(const bc_rest_detector *r);

/* Starts the low-pass at one sample (raw gyro in deg/s, accel in g). */
void bc_rest_detector_prime(bc_rest_detector *r, bc_vec3 gyro_dps, bc_vec3 accel_g);

/* One sample (raw gyro in deg/s, accel in g) over dt_s; returns at_rest. */
static inline bool bc_rest_detector_update(bc_rest_detector *r, bc_vec3 gyro_dps, bc_vec3 accel_g,
					   float dt_s)
{
	if (!r->started) {
		bc_rest_detector_prime(r, gyro_dps, accel_g);
		return r->at_rest;
	}
	float gx = gyro_dps.x - r->gyro_lp_dps[0], gy = gyro_dps.y - r->gyro_lp_dps[1],
	      gz = gyro_dps.z - r->gyro_lp_dps[2];
	float ax = accel_g.x - r->accel_lp_g[0], ay = accel_g.y - r->accel_lp_g[1],
	      az = accel_g.z - r->accel_lp_g[2];
	r->gyro_dev_sum_dps[0] += gx;
	r->gyro_dev_sum_dps[1] += gy;
	r->gyro_dev_sum_dps[2] += gz;
	r->accel_dev_sum_g[0] += ax;
	r->accel_dev_sum_g[1] += ay;
	r->accel_dev_sum_g[2] += az;
	r->gyro_dev2_sum_dps2 += gx * gx + gy * gy + gz * gz;
	r->accel_dev2_sum_g2 += ax * ax + ay * ay + az * az;
	r->block_n += 1.0f;
	r->block_elapsed_s += dt_s;
	/* bc_rest_detector_block waits for BC_REST_BLOCK_MIN_N as well: no call just to return. */
	if (r->block_elapsed_s >= r->limits.block_s && r->block_n >= BC_REST_BLOCK_MIN_N)
		bc_rest_detector_block(r);
	return r->at_rest;
}

#endif /* BC_FILTER_REST_DETECTOR_H */
