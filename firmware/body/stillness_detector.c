/* SPDX-License-Identifier: MIT */
/* Stillness detector: see stillness_detector.h. */
#include "body/stillness_detector.h"

/*
 * Defaults: a person holding a pose sways by well under 3 deg/s at the lower
 * back, while even a slow deliberate movement is faster. MEMS noise after a
 * 0.1 s window is a small fraction of that. The accelerometer test catches
 * translations the gyro cannot see (being carried, a bumpy start). Its long
 * window is kept short (0.2 s) because after a big change of pose the gap
 * between the windows decays only exponentially: a 0.5 g change takes
 * 0.2 s * ln(0.5 / 0.03) = 0.56 s to fall under the threshold.
 */
const bc_stillness_settings bc_stillness_settings_default = BC_STILLNESS_SETTINGS_DEFAULT_INIT;

/* Functions */

void bc_stillness_init(bc_stillness *d, const bc_stillness_settings *settings)
{
	*d = (bc_stillness){ 0 };
	d->settings = settings ? *settings : bc_stillness_settings_default;
}

void bc_stillness_set_bias_known(bc_stillness *d, bool known)
{
	if (d->bias_known && !known)
		d->primed = false; /* the raw-rate windows stood still meanwhile: start afresh */
	d->bias_known = known;
}

void bc_stillness_reset(bc_stillness *d)
{
	d->primed = false;
	d->still = false;
	d->still_s = 0.0;
}

/* First-order low-pass step with time constant tau_s over dt_s (cheap, no expf). */
static bc_vec3 low_pass(bc_vec3 mean, bc_vec3 x, float dt_s, float tau_s)
{
	float k = dt_s / (tau_s + dt_s);
	return bc_vec3_add(mean, bc_vec3_scale(bc_vec3_sub(x, mean), k));
}

bool bc_stillness_update(bc_stillness *d, bc_vec3 gyro_dps, bc_vec3 bias_dps, bc_vec3 accel_g,
			 float dt_s)
{
	const bc_stillness_settings *st = &d->settings;
	bc_vec3 w = bc_vec3_sub(gyro_dps, bias_dps);

	if (!bc_vec3_isfinite(w) || !bc_vec3_isfinite(accel_g)) {
		/* A filter may fuse a sample without its accelerometer; it must
		 * not poison the windows. No evidence of rest either. */
		d->still = false;
		d->still_s = 0.0;
		return false;
	}
	if (!d->primed || !(dt_s > 0.0f)) {
		/* A single sample says nothing about steadiness: not still yet. */
		d->gyro_lp_dps = w;
		d->rate_dps = bc_vec3_norm(w);
		d->gyro_raw_lp_dps = gyro_dps;
		d->gyro_raw_slow_dps = gyro_dps;
		d->accel_fast_g = accel_g;
		d->accel_slow_g = accel_g;
		d->accel_long_g = accel_g;
		d->primed = true;
		d->history_s = 0.0f;
		d->still = false;
		d->still_s = 0.0;
		return false;
	}
	d->gyro_lp_dps = low_pass(d->gyro_lp_dps, w, dt_s, st->gyro_tau_s);
	d->rate_dps = bc_vec3_norm(d->gyro_lp_dps);
	if (!d->bias_known) {
		/* Read only by the bias-unknown test below: not kept up once the bias is known. */
		d->gyro_raw_lp_dps = low_pass(d->gyro_raw_lp_dps, gyro_dps, dt_s, st->gyro_tau_s);
		d->gyro_raw_slow_dps = low_pass(d->gyro_raw_slow_dps, gyro_dps, dt_s,
						st->gyro_slow_tau_s);
		d->accel_long_g = low_pass(d->accel_long_g, accel_g, dt_s, st->gyro_slow_tau_s);
	}
	d->accel_fast_g = low_pass(d->accel_fast_g, accel_g, dt_s, st->accel_fast_tau_s);
	d->accel_slow_g = low_pass(d->accel_slow_g, accel_g, dt_s, st->accel_slow_tau_s);
	if (d->history_s < st->accel_slow_tau_s) {
		/* Too little history to call anything steady. */
		d->history_s += dt_s;
		d->still = false;
		d->still_s = 0.0;
		return false;
	}

	float accel_step_g = bc_vec3_norm(bc_vec3_sub(d->accel_fast_g, d->accel_slow_g));
	float accel_norm_err_g = fabsf(bc_vec3_norm(d->accel_fast_g) - 1.0f);
	float rate_dps = d->rate_dps;
	bool gyro_quiet = rate_dps < st->gyro_max_dps ||
			  (!d->bias_known && rate_dps < st->gyro_bias_max_dps &&
			   bc_vec3_norm(bc_vec3_sub(d->gyro_raw_lp_dps, d->gyro_raw_slow_dps)) <
				   st->gyro_steady_dps &&
			   bc_vec3_norm(bc_vec3_sub(d->accel_fast_g, d->accel_long_g)) <
				   st->accel_max_g);
	bool still = gyro_quiet && accel_step_g < st->accel_max_g &&
		     accel_norm_err_g < st->accel_norm_tol_g;

	d->still_s = still ? (d->still ? d->still_s + dt_s : 0.0) : 0.0;
	d->still = still;
	return still;
}
