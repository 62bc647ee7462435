/* SPDX-License-Identifier: MIT */
/*
 * Gyroscope bias Kalman filter; see gyro_bias.h for the model.
 */
#include "filter/gyro_bias.h"

#include <string.h>

/* Helpers */

static float clampf(float v, float limit)
{
	return v > limit ? limit : (v < -limit ? -limit : v);
}

static void clamp_bias(bc_gyro_bias *b)
{
	float m = b->limits.max_dps;
	b->bias_dps = bc_vec3_make(clampf(b->bias_dps.x, m), clampf(b->bias_dps.y, m),
				   clampf(b->bias_dps.z, m));
}

static inline float dot3(const float a[3], const float b[3])
{
	return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/*
 * Time update for the elapsed period: the bias may have wandered. Each
 * variance stops growing at p_init (we never know less than at the start).
 * Returns the variance growth V of this period, (deg/s)^2.
 */
static float predict(bc_gyro_bias *b)
{
	float v = b->limits.var_rate_dps2_per_s * b->elapsed_s;
	float *p = b->p, p_max = b->limits.p_init_dps2;
	p[0] += p[0] < p_max ? v : 0.0f;
	p[4] += p[4] < p_max ? v : 0.0f;
	p[8] += p[8] < p_max ? v : 0.0f;
	b->elapsed_s = 0.0f;
	b->corr_rad[0] = b->corr_rad[1] = 0.0f;
	return v;
}

/* Measurement noise that makes p the steady state for growth v per update. */
static float noise_for(float p, float v)
{
	return p * p / v + p;
}

/* Functions */

void bc_gyro_bias_init(bc_gyro_bias *b, const bc_gyro_bias_limits *limits)
{
	memset(b, 0, sizeof(*b));
	b->limits = *limits;
	b->p[0] = b->p[4] = b->p[8] = limits->p_init_dps2;
}

void bc_gyro_bias_update_none(bc_gyro_bias *b)
{
	predict(b);
}

void bc_gyro_bias_update_rest(bc_gyro_bias *b, bc_vec3 gyro_lp_dps, bool steady)
{
	float v = predict(b);
	float w = noise_for(steady ? b->limits.p_steady_dps2 : b->limits.p_rest_dps2, v);
	float *p = b->p;

	/* H = I: K = P (P + W I)^-1, computed with the symmetric adjugate. */
	float a0 = p[0] + w, a1 = p[1], a2 = p[2], a4 = p[4] + w, a5 = p[5], a8 = p[8] + w;
	float c0 = a4 * a8 - a5 * a5, c1 = a2 * a5 - a1 * a8, c2 = a1 * a5 - a2 * a4;
	float c4 = a0 * a8 - a2 * a2, c5 = a1 * a2 - a0 * a5, c8 = a0 * a4 - a1 * a1;
	float det = a0 * c0 + a1 * c1 + a2 * c2;
	if (!(det > 0.0f))
		return;
	float inv_det = 1.0f / det;
	const float ainv[9] = { c0 * inv_det, c1 * inv_det, c2 * inv_det,
				c1 * inv_det, c4 * inv_det, c5 * inv_det,
				c2 * inv_det, c5 * inv_det, c8 * inv_det };
	/*
	 * K = P A^-1 is symmetric (P and A = P + W I commute): its upper
	 * triangle (row of P times column of A^-1, which is its row), mirrored.
	 */
	float k[9];
	k[0] = dot3(p, ainv);
	k[1] = k[3] = dot3(p, ainv + 3);
	k[2] = k[6] = dot3(p, ainv + 6);
	k[4] = dot3(p + 3, ainv + 3);
	k[5] = k[7] = dot3(p + 3, ainv + 6);
	k[8] = dot3(p + 6, ainv + 6);

	float m = b->limits.max_dps;
	const float e[3] = { clampf(gyro_lp_dps.x - b->bias_dps.x, m),
			     clampf(gyro_lp_dps.y - b->bias_dps.y, m),
			     clampf(gyro_lp_dps.z - b->bias_dps.z, m) };
	b->bias_dps.x += dot3(k, e);
	b->bias_dps.y += dot3(k + 3, e);
	b->bias_dps.z += dot3(k + 6, e);

	/* P - K P = (I - K) P = W A^-1 P = W K: I - K = (A - P) A^-1 = W A^-1. */
	for (int i = 0; i < 9; i++)
		p[i] = w * k[i];
	clamp_bias(b);
}

void bc_gyro_bias_update_motion(bc_gyro_bias *b, const float r_lp[6], const float rb_lp_dps[2])
{
	/* Correction rate over the period, earth x and y, deg/s. */
	float to_dps = BC_DEG_PER_RAD / b->elapsed_s;
	float corr_x_dps = b->corr_rad[0] * to_dps, corr_y_dps = b->corr_rad[1] * to_dps;
	float v = predict(b);
	float w = noise_for(b->limits.p_motion_dps2, v);
	float *p = b->p;
	const float *h0 = r_lp, *h1 = r_lp + 3;
	const float bb[3] = { b->bias_dps.x, b->bias_dps.y, b->bias_dps.z };

	/* Innovation: y - H b, with y = lowpass(R b_hat) - correction rate. */
	float m = b->limits.motion_max_dps;
	float e0 = clampf(rb_lp_dps[0] - corr_x_dps - dot3(h0, bb), m);
	float e1 = clampf(rb_lp_dps[1] - corr_y_dps - dot3(h1, bb), m);

	/* PH = P H^T (3x2), S = H P H^T + W I (2x2); written out, not looped: the hot part. */
	const float ph0[3] = { dot3(p, h0), dot3(p + 3, h0), dot3(p + 6, h0) };
	const float ph1[3] = { dot3(p, h1), dot3(p + 3, h1), dot3(p + 6, h1) };
	float s00 = dot3(h0, ph0) + w;
	float s01 = dot3(h0, ph1);
	float s11 = dot3(h1, ph1) + w;
	float det = s00 * s11 - s01 * s01;
	if (!(det > 0.0f))
		return;
	float inv_det = 1.0f / det;
	float i00 = s11 * inv_det, i01 = -s01 * inv_det, i11 = s00 * inv_det;

	/* K = PH S^-1 (3x2); b += K e; P -= K PH^T. */
	const float k0[3] = { ph0[0] * i00 + ph1[0] * i01, ph0[1] * i00 + ph1[1] * i01,
			      ph0[2] * i00 + ph1[2] * i01 };
	const float k1[3] = { ph0[0] * i01 + ph1[0] * i11, ph0[1] * i01 + ph1[1] * i11,
			      ph0[2] * i01 + ph1[2] * i11 };
	b->bias_dps.x += k0[0] * e0 + k1[0] * e1;
	b->bias_dps.y += k0[1] * e0 + k1[1] * e1;
	b->bias_dps.z += k0[2] * e0 + k1[2] * e1;
	p[0] -= k0[0] * ph0[0] + k1[0] * ph1[0];
	p[1] -= k0[0] * ph0[1] + k1[0] * ph1[1];
	p[2] -= k0[0] * ph0[2] + k1[0] * ph1[2];
	p[4] -= k0[1] * ph0[1] + k1[1] * ph1[1];
	p[5] -= k0[1] * ph0[2] + k1[1] * ph1[2];
	p[8] -= k0[2] * ph0[2] + k1[2] * ph1[2];
	p[3] = p[1];
	p[6] = p[2];
	p[7] = p[5];
	clamp_bias(b);
}
