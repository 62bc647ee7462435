/* SPDX-License-Identifier: MIT */
/*
 * First working filter: gyro integration with a complementary accelerometer
 * correction and a rest-gated gyro-bias estimate. To be replaced by the
 * measured filter (issue: BROAD bar).
 */
#include "filter/orientation_filter.h"

#include <math.h>

const bc_filter_settings bc_filter_settings_default = {
	.dropout_s = 0.5f,
	.accel_limit_g = 15.9f,
	.gyro_limit_dps = 1990.0f,
	.tau_acc_s = 3.0f,
	.bias_tau_rest_s = 2.0f,
	.bias_tau_motion_s = 200.0f,
	.use_mag = false,
};

void bc_filter_init(bc_filter *f, const bc_filter_settings *settings)
{
	*f = (bc_filter){ 0 };
	f->settings = settings ? *settings : bc_filter_settings_default;
	f->q = bc_quat_identity;
}

static bool sample_usable(const bc_filter_settings *st, const bc_sample *s)
{
	const bc_vec3 a = s->accel_g, w = s->gyro_dps;
	if (!isfinite(s->t_s) || !bc_vec3_isfinite(a) || !bc_vec3_isfinite(w))
		return false;
	if (fabsf(a.x) >= st->accel_limit_g || fabsf(a.y) >= st->accel_limit_g ||
	    fabsf(a.z) >= st->accel_limit_g)
		return false;
	return fabsf(w.x) < st->gyro_limit_dps && fabsf(w.y) < st->gyro_limit_dps &&
	       fabsf(w.z) < st->gyro_limit_dps;
}

/* Orientation with the accelerometer's direction as earth up. */
static void start_from_accel(bc_filter *f, const bc_sample *s)
{
	bc_vec3 up = bc_vec3_normalize(s->accel_g);
	f->q = bc_quat_from_two_vectors(up, bc_vec3_make(0, 0, 1));
	f->acc_lp_g = s->accel_g;
	f->rest_s = 0;
	f->at_rest = false;
	f->initialised = true;
}

bc_filter_status bc_filter_update(bc_filter *f, const bc_sample *s)
{
	const bc_filter_settings *st = &f->settings;

	if (!sample_usable(st, s) || (f->initialised && s->t_s <= f->last_t_s)) {
		f->rejected++;
		return BC_FILTER_REJECTED;
	}
	if (!f->initialised || s->t_s - f->last_t_s > st->dropout_s) {
		if (f->initialised)
			f->restarts++;
		start_from_accel(f, s);
		f->last_t_s = s->t_s;
		return BC_FILTER_STARTED;
	}
	float dt = (float)(s->t_s - f->last_t_s);
	f->last_t_s = s->t_s;

	/* Rest: small rotation and accelerometer near its low-pass. */
	float k_lp = dt / (0.2f + dt);
	f->acc_lp_g = bc_vec3_add(f->acc_lp_g,
				  bc_vec3_scale(bc_vec3_sub(s->accel_g, f->acc_lp_g), k_lp));
	bc_vec3 w = bc_vec3_sub(s->gyro_dps, f->bias_dps);
	bool rest_now = bc_vec3_norm(w) < 2.0f &&
			bc_vec3_norm(bc_vec3_sub(s->accel_g, f->acc_lp_g)) < 0.03f;
	f->rest_s = rest_now ? f->rest_s + dt : 0.0f;
	f->at_rest = f->rest_s > 1.0f;
	float tau_b = f->at_rest ? st->bias_tau_rest_s : st->bias_tau_motion_s;

	/* Accelerometer correction, weaker when |a| is far from 1 g. */
	bc_vec3 up_sensor = bc_quat_rotate(bc_quat_conj(f->q), bc_vec3_make(0, 0, 1));
	float an = bc_vec3_norm(s->accel_g);
	bc_vec3 corr = bc_vec3_make(0, 0, 0);
	if (an > 0.5f && an < 1.5f) {
		float trust = 1.0f - fminf(1.0f, fabsf(an - 1.0f) / 0.1f);
		corr = bc_vec3_scale(bc_vec3_cross(bc_vec3_scale(s->accel_g, 1.0f / an),
						   up_sensor),
				     trust / st->tau_acc_s * BC_DEG_PER_RAD);
		if (f->at_rest || bc_vec3_norm(w) < 30.0f)
			f->bias_dps = bc_vec3_sub(f->bias_dps,
						  bc_vec3_scale(corr, dt / tau_b * st->tau_acc_s));
	}
	if (f->at_rest)
		f->bias_dps = bc_vec3_add(f->bias_dps, bc_vec3_scale(w, dt / tau_b));

	bc_vec3 omega = bc_vec3_scale(bc_vec3_add(w, corr), BC_RAD_PER_DEG * dt);
	f->q = bc_quat_normalize(bc_quat_mul(f->q, bc_quat_from_rotvec(omega)));
	return BC_FILTER_OK;
}
