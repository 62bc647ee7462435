/* SPDX-License-Identifier: MIT */
/*
 * Gyroscope bias estimator of the orientation filter: a 3-state Kalman filter
 * (bias in deg/s, covariance P in (deg/s)^2) with two kinds of measurement:
 *
 * - at rest, the low-passed gyroscope *is* the bias (fast, precise);
 * - in motion, the accelerometer's inclination correction tells how far the
 *   gyro-integrated frame drifted: the horizontal part of (R b), R being the
 *   sensor-to-earth rotation. Both sides of that relation are low-passed
 *   like the accelerometer (orientation_filter.c), so H = lowpass(R) rows x, y
 *   and y = lowpass(R b_hat) - correction rate.
 *
 * The bias drifts as a random walk whose variance grows by var_rate per
 * second, so the estimate forgets old information. Measurement noise W is
 * chosen (W = p^2/V + p) so that the steady-state variance under a stream of
 * one kind of measurement is p, which gives a learning time constant of
 * p / var_rate: rest_tau_s at rest, motion_tau_s in motion.
 *
 * The update is not needed every sample: the filter runs it every period_s
 * (decimation keeps the per-sample cost low at high sample rates); the
 * correction is summed between updates so that nothing is lost.
 */
#ifndef BC_FILTER_GYRO_BIAS_H
#define BC_FILTER_GYRO_BIAS_H

/* Includes */

#include <stdbool.h>

#include "core/math3d.h"

/* Definitions */

typedef struct {
	float var_rate_dps2_per_s; /* random-walk growth of the bias variance, (deg/s)^2/s */
	float p_init_dps2;	   /* variance at start and its ceiling, (deg/s)^2 */
	float p_rest_dps2;	   /* steady-state variance under rest measurements, (deg/s)^2 */
	float p_steady_dps2;	   /* the same under steady (standing) measurements, (deg/s)^2 */
	float p_motion_dps2;	   /* steady-state variance under motion measurements, (deg/s)^2 */
	float max_dps;		   /* estimate and disagreement clip at +-this, deg/s */
	float motion_max_dps;	   /* a motion disagreement is clipped at +-this, deg/s */
	float period_s;		   /* run an update this often, s */
} bc_gyro_bias_limits;

typedef struct {
	bc_gyro_bias_limits limits;
	bc_vec3 bias_dps;  /* estimate, deg/s */
	float p[9];	   /* covariance, (deg/s)^2, row-major, symmetric */
	float elapsed_s;   /* time since the last update, s */
	float corr_rad[2]; /* inclination correction summed since then (earth x, y), rad */
} bc_gyro_bias;

/* Functions */

void bc_gyro_bias_init(bc_gyro_bias *b, const bc_gyro_bias_limits *limits);

/* Adds one sample's inclination correction (earth x, y rotation, rad) and step. */
static inline bool bc_gyro_bias_accumulate(bc_gyro_bias *b, float corr_x_rad, float corr_y_rad,
					   float dt_s)
{
	b->corr_rad[0] += corr_x_rad;
	b->corr_rad[1] += corr_y_rad;
	b->elapsed_s += dt_s;
	return b->elapsed_s >= b->limits.period_s;
}

/*
 * Update from rest: gyro_lp_dps is the low-passed raw gyroscope. steady:
 * only steady (a person standing), a weaker measurement (p_steady_dps2).
 */
void bc_gyro_bias_update_rest(bc_gyro_bias *b, bc_vec3 gyro_lp_dps, bool steady);

/*
 * Update from motion: r_lp holds rows x and y of lowpass(R) (6 values,
 * row-major), rb_lp_dps the two values of lowpass(R b_hat), deg/s.
 */
void bc_gyro_bias_update_motion(bc_gyro_bias *b, const float r_lp[6], const float rb_lp_dps[2]);

/* No usable measurement this period: only the uncertainty grows. */
void bc_gyro_bias_update_none(bc_gyro_bias *b);

#endif /* BC_FILTER_GYRO_BIAS_H */
