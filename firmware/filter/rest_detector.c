/* SPDX-License-Identifier: MIT */
/*
 * Rest detector with a measured noise floor; see rest_detector.h.
 */
#include "filter/rest_detector.h"

#include <string.h>

/* Helpers */

static float clamp_range(float v, float lo, float hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

/* The larger of two finite numbers (fmaxf is a library call here). */
static float larger(float a, float b)
{
	return a > b ? a : b;
}

static float sum3_sq(const float v[3])
{
	return v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
}

static void clear_block(bc_rest_detector *r)
{
	memset(r->gyro_dev_sum_dps, 0, sizeof(r->gyro_dev_sum_dps));
	memset(r->accel_dev_sum_g, 0, sizeof(r->accel_dev_sum_g));
	r->gyro_dev2_sum_dps2 = r->accel_dev2_sum_g2 = 0.0f;
	r->block_n = 0.0f;
	r->block_elapsed_s = 0.0f;
}

/*
 * The noise floor: the mean variance of the quiet blocks (those under
 * QUIET_FACTOR times the floor), a running mean over the first ones and a
 * low-pass with time constant NOISE_TAU_S after. A block that is not quiet
 * lets the floor grow slowly (doubling in noise_rise_s), so it follows a
 * sensor that became noisier, but motion is never averaged in as noise.
 */
#define QUIET_FACTOR 3.0f
#define NOISE_TAU_S  2.0f

static float follow_floor(float floor, float var, float gain, float grow, float lo, float hi)
{
	if (var < QUIET_FACTOR * floor)
		floor += gain * (var - floor);
	else
		floor *= grow;
	return clamp_range(floor, lo, hi);
}

/* Functions */

void bc_rest_detector_init(bc_rest_detector *r, const bc_rest_limits *limits)
{
	memset(r, 0, sizeof(*r));
	r->limits = *limits;
	/* Start at the noisiest chip we allow: the first still blocks bring it down. */
	r->gyro_noise2_dps2 = 3.0f * limits->gyro_noise_max_dps * limits->gyro_noise_max_dps;
	r->accel_noise2_g2 = 3.0f * limits->accel_noise_max_g * limits->accel_noise_max_g;
}

void bc_rest_detector_restart(bc_rest_detector *r)
{
	r->started = false;
	r->at_rest = false;
	r->steady = false;
	r->still_s = 0.0f;
	r->steady_s = 0.0f;
	clear_block(r);
}

void bc_rest_detector_prime(bc_rest_detector *r, bc_vec3 gyro_dps, bc_vec3 accel_g)
{
	r->gyro_lp_dps[0] = gyro_dps.x;
	r->gyro_lp_dps[1] = gyro_dps.y;
	r->gyro_lp_dps[2] = gyro_dps.z;
	r->accel_lp_g[0] = accel_g.x;
	r->accel_lp_g[1] = accel_g.y;
	r->accel_lp_g[2] = accel_g.z;
	clear_block(r);
	r->started = true;
}

float bc_rest_detector_gyro_noise_dps(const bc_rest_detector *r)
{
	return sqrtf(r->gyro_noise2_dps2 / 3.0f);
}

float bc_rest_detector_accel_noise_g(const bc_rest_detector *r)
{
	return sqrtf(r->accel_noise2_g2 / 3.0f);
}

void bc_rest_detector_block(bc_rest_detector *r)
{
	const bc_rest_limits *lim = &r->limits;
	float n = r->block_n, dt_s = r->block_elapsed_s;
	if (n < BC_REST_BLOCK_MIN_N)
		return; /* a variance from fewer samples is too rough (25 Hz: wait for more) */
	float inv_n = 1.0f / n;
	/* Block means of the deviations (written out: -O2 keeps 3-step loops rolled). */
	const float *gs = r->gyro_dev_sum_dps, *as = r->accel_dev_sum_g;
	const float gm[3] = { gs[0] * inv_n, gs[1] * inv_n, gs[2] * inv_n };
	const float am[3] = { as[0] * inv_n, as[1] * inv_n, as[2] * inv_n };
	float gyro_msd = r->gyro_dev2_sum_dps2 * inv_n;
	float accel_msd = r->accel_dev2_sum_g2 * inv_n;

	/* The block's own variance (unbiased): the noise, if it was still. */
	float unbias = n / (n - 1.0f);
	float gyro_var = (gyro_msd - sum3_sq(gm)) * unbias;
	float accel_var = (accel_msd - sum3_sq(am)) * unbias;
	float grow = 1.0f + 0.6931f * dt_s / lim->noise_rise_s;
	r->noise_blocks += 1.0f;
	float gain = larger(1.0f / r->noise_blocks, dt_s / NOISE_TAU_S);
	r->gyro_noise2_dps2 = follow_floor(r->gyro_noise2_dps2, gyro_var, gain, grow,
					   3.0f * lim->gyro_noise_min_dps * lim->gyro_noise_min_dps,
					   3.0f * lim->gyro_noise_max_dps *
						   lim->gyro_noise_max_dps);
	r->accel_noise2_g2 = follow_floor(r->accel_noise2_g2, accel_var, gain, grow,
					  3.0f * lim->accel_noise_min_g * lim->accel_noise_min_g,
					  3.0f * lim->accel_noise_max_g * lim->accel_noise_max_g);

	/* First-order low-pass, one step per block. */
	float k = dt_s / lim->tau_s;
	if (k > 1.0f)
		k = 1.0f;
	r->gyro_lp_dps[0] += k * gm[0];
	r->gyro_lp_dps[1] += k * gm[1];
	r->gyro_lp_dps[2] += k * gm[2];
	r->accel_lp_g[0] += k * am[0];
	r->accel_lp_g[1] += k * am[1];
	r->accel_lp_g[2] += k * am[2];

	float lp_max = lim->gyro_lp_max_dps;
	bool still = gyro_msd < lim->gyro_k * lim->gyro_k * r->gyro_noise2_dps2 &&
		     accel_msd < lim->accel_k * lim->accel_k * r->accel_noise2_g2 &&
		     fabsf(r->gyro_lp_dps[0]) < lp_max && fabsf(r->gyro_lp_dps[1]) < lp_max &&
		     fabsf(r->gyro_lp_dps[2]) < lp_max;
	r->still_s = still ? r->still_s + dt_s : 0.0f;
	r->at_rest = r->still_s >= lim->min_s;
	bool steady = gyro_msd < lim->steady_gyro_dps * lim->steady_gyro_dps &&
		      accel_msd < lim->steady_accel_g * lim->steady_accel_g &&
		      fabsf(r->gyro_lp_dps[0]) < lp_max && fabsf(r->gyro_lp_dps[1]) < lp_max &&
		      fabsf(r->gyro_lp_dps[2]) < lp_max;
	r->steady_s = steady ? r->steady_s + dt_s : 0.0f;
	r->steady = r->steady_s >= lim->min_s;
	clear_block(r);
}
