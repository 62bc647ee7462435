/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter: strapdown gyro integration, inclination correction
 * from the accelerometer low-passed in the gyro frame, gyro bias estimation
 * at rest and in motion, optional magnetometer heading. See
 * orientation_filter.h for the idea; numbers in docs/performance.md.
 */
#include "filter/orientation_filter.h"

#include <math.h>

/* Definitions */

const bc_filter_settings bc_filter_settings_default = {
	.dropout_s = 0.5f,
	.accel_limit_g = 15.9f,
	.gyro_limit_dps = 1990.0f,
	.tau_acc_s = 3.0f,
	.bias_tau_rest_s = 9.0f,
	.bias_tau_motion_s = 10.0f,
	.use_mag = false,
	.bias_sigma_init_dps = 0.5f,
	.bias_forget_s = 100.0f,
	.bias_max_dps = 10.0f,
	.bias_motion_max_dps = 2.0f,
	.bias_update_period_s = 0.04f,
	.bias_tau_motion_mag_s = 100.0f,
	.rest_tau_s = 0.5f,
	.rest_gyro_k = 2.0f,
	.rest_accel_k = 2.0f,
	.rest_min_s = 1.5f,
	.tau_mag_s = 9.0f,
	.mag_norm_tol = 0.1f,
	.mag_dip_tol_deg = 10.0f,
	.mag_new_field_s = 20.0f,
};

/* Without the accelerometer, q6 is renormalised every this many gyro steps. */
#define BC_FILTER_GYRO_RENORM_STEPS 8

/*
 * Rest detection (rest_detector.h): the block over which noise and deviation
 * are measured, and the bounds of the noise floor it learns, per axis.
 * The maxima are the noisiest chips we run at their widest bands (MPU-6050
 * datasheet: 0.005 deg/s/sqrt(Hz) and 400 ug/sqrt(Hz), about 0.08 deg/s and
 * 6.5 mg RMS at 260 Hz; BROAD's IMU measures 0.097 deg/s and 5.5 mg). They
 * also keep a worn sensor that never lies still from learning a person's
 * sway as noise: on ipol-l5's standing spans the floor would be 0.29 deg/s
 * (see docs/performance.md). Below the minima is a simulation or a quantised
 * signal, where a few times the minimum is still far below any motion.
 */
#define REST_BLOCK_S		0.04f
#define REST_GYRO_NOISE_MIN_DPS 0.01f
#define REST_GYRO_NOISE_MAX_DPS 0.15f
#define REST_ACCEL_NOISE_MIN_G	0.0002f
#define REST_ACCEL_NOISE_MAX_G	0.01f
#define REST_NOISE_RISE_S	60.0f

/*
 * Steady (a person standing or sitting, rest_detector.h): the old fixed
 * rest thresholds, as block RMS. The bias learned from it settles with this
 * time constant: a measurement as noisy as sway (about 1.5 deg/s per 40 ms
 * update), which finds an unknown bias to ~0.3 deg/s within a second and
 * moves one learned at rest by a few hundredths at most.
 */
#define REST_STEADY_GYRO_DPS 2.0f
#define REST_STEADY_ACCEL_G  0.02f
#define BIAS_TAU_STEADY_S    30.0f

/* The bias uncertainty grows by this standard deviation over bias_forget_s. */
#define BIAS_FORGET_SIGMA_DPS 0.1f

/* Settings */

/* A setting that is not a positive number takes the default. */
static void fill_default(float *v, float def)
{
	if (!(*v > 0.0f))
		*v = def;
}

static void resolve_settings(bc_filter_settings *st)
{
	const bc_filter_settings *d = &bc_filter_settings_default;
	fill_default(&st->dropout_s, d->dropout_s);
	fill_default(&st->accel_limit_g, d->accel_limit_g);
	fill_default(&st->gyro_limit_dps, d->gyro_limit_dps);
	fill_default(&st->tau_acc_s, d->tau_acc_s);
	fill_default(&st->bias_tau_rest_s, d->bias_tau_rest_s);
	fill_default(&st->bias_tau_motion_s, d->bias_tau_motion_s);
	fill_default(&st->bias_sigma_init_dps, d->bias_sigma_init_dps);
	fill_default(&st->bias_forget_s, d->bias_forget_s);
	fill_default(&st->bias_max_dps, d->bias_max_dps);
	fill_default(&st->bias_motion_max_dps, d->bias_motion_max_dps);
	fill_default(&st->bias_update_period_s, d->bias_update_period_s);
	fill_default(&st->bias_tau_motion_mag_s, d->bias_tau_motion_mag_s);
	fill_default(&st->rest_tau_s, d->rest_tau_s);
	fill_default(&st->rest_gyro_k, d->rest_gyro_k);
	fill_default(&st->rest_accel_k, d->rest_accel_k);
	fill_default(&st->rest_min_s, d->rest_min_s);
	fill_default(&st->tau_mag_s, d->tau_mag_s);
	fill_default(&st->mag_norm_tol, d->mag_norm_tol);
	fill_default(&st->mag_dip_tol_deg, d->mag_dip_tol_deg);
	fill_default(&st->mag_new_field_s, d->mag_new_field_s);
}

void bc_filter_init(bc_filter *f, const bc_filter_settings *settings)
{
	*f = (bc_filter){ 0 };
	f->settings = settings ? *settings : bc_filter_settings_default;
	resolve_settings(&f->settings);
	const bc_filter_settings *st = &f->settings;

	f->q = f->q6 = bc_quat_identity;
	f->lp_coefs = bc_lowpass2_coefs_for(1.0f / st->tau_acc_s);

	const bc_rest_limits rest = {
		.block_s = REST_BLOCK_S,
		.tau_s = st->rest_tau_s,
		.gyro_k = st->rest_gyro_k,
		.accel_k = st->rest_accel_k,
		.gyro_noise_min_dps = REST_GYRO_NOISE_MIN_DPS,
		.gyro_noise_max_dps = REST_GYRO_NOISE_MAX_DPS,
		.accel_noise_min_g = REST_ACCEL_NOISE_MIN_G,
		.accel_noise_max_g = REST_ACCEL_NOISE_MAX_G,
		.noise_rise_s = REST_NOISE_RISE_S,
		.gyro_lp_max_dps = st->bias_max_dps,
		.min_s = st->rest_min_s,
		.steady_gyro_dps = REST_STEADY_GYRO_DPS,
		.steady_accel_g = REST_STEADY_ACCEL_G,
	};
	bc_rest_detector_init(&f->rest, &rest);

	float var_rate = BIAS_FORGET_SIGMA_DPS * BIAS_FORGET_SIGMA_DPS / st->bias_forget_s;
	/*
	 * In motion the accelerometer sees only the horizontal part of the
	 * bias, and accelerations that do not average out over tau_acc_s
	 * corrupt what it sees. Learned quickly (bias_tau_motion_s), that
	 * tracks the tilt better, and whatever it gets wrong about the
	 * sensor axis that is vertical later goes into the heading: harmless
	 * without the magnetometer (heading is free), but with it a heading
	 * ramp that the tau_mag_s correction follows tau_mag_s behind (about
	 * 9 deg for 1 deg/s). Hence the slower learning with use_mag.
	 */
	float tau_motion_s = st->use_mag ? st->bias_tau_motion_mag_s : st->bias_tau_motion_s;
	const bc_gyro_bias_limits bias = {
		.var_rate_dps2_per_s = var_rate,
		.p_init_dps2 = st->bias_sigma_init_dps * st->bias_sigma_init_dps,
		.p_rest_dps2 = var_rate * st->bias_tau_rest_s,
		.p_steady_dps2 = var_rate * BIAS_TAU_STEADY_S,
		.p_motion_dps2 = var_rate * tau_motion_s,
		.max_dps = st->bias_max_dps,
		.motion_max_dps = st->bias_motion_max_dps,
		.period_s = st->bias_update_period_s,
	};
	bc_gyro_bias_init(&f->bias, &bias);

	const bc_mag_heading_limits mag = {
		.tau_s = st->tau_mag_s,
		.norm_tol = st->mag_norm_tol,
		.dip_tol_rad = st->mag_dip_tol_deg * BC_RAD_PER_DEG,
		.ref_tau_s = 20.0f,
		.current_tau_s = 0.05f,
		.min_undisturbed_s = 0.5f,
		.new_field_s = st->mag_new_field_s,
		.new_min_gyro_dps = 20.0f,
		.max_reject_s = 60.0f,
		.reject_factor = 2.0f,
	};
	bc_mag_heading_init(&f->mag, &mag);
}

/* Helpers */

static bool vec_within(bc_vec3 v, float limit)
{
	/* Written so that nan fails every comparison and is rejected. */
	return fabsf(v.x) < limit && fabsf(v.y) < limit && fabsf(v.z) < limit;
}

/* q scaled back to unit length; q is within float rounding of unit already. */
static inline bc_quat renormalize(bc_quat q)
{
	/* One Newton step of 1/sqrt(n2) around 1: exact to rounding here. */
	float n2 = q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z;
	float s = 1.5f - 0.5f * n2;
	return bc_quat_make(q.w * s, q.x * s, q.y * s, q.z * s);
}

/*
 * Rotation of one step at rate w_dps (deg/s) over dt_s: exp(w dt / 2), with
 * w in rad/s. The degree-to-radian factor goes into the half step, once.
 */
static inline bc_quat gyro_step(bc_vec3 w_dps, float dt_s)
{
	float w2 = bc_vec3_dot(w_dps, w_dps);
	float half_step = (0.5f * BC_RAD_PER_DEG) * dt_s; /* half angle per deg/s, rad */
	float h2 = w2 * half_step * half_step;		  /* (half angle)^2 */
	float c, s_over_w;
	if (h2 < 0.01f) {
		/*
		 * Half angle under 0.1 rad (about 1100 deg/s at 100 Hz): Taylor
		 * series, error under 2e-9.
		 */
		c = 1.0f - h2 * (0.5f - h2 * (1.0f / 24.0f));
		s_over_w = half_step * (1.0f - h2 * (1.0f / 6.0f - h2 * (1.0f / 120.0f)));
	} else {
		float h = sqrtf(h2);
		c = cosf(h);
		s_over_w = sinf(h) * half_step / h;
	}
	return bc_quat_make(c, w_dps.x * s_over_w, w_dps.y * s_over_w, w_dps.z * s_over_w);
}

/*
 * Inputs of the rotation bank: rows x and y of R = R(q6) (sensor to earth)
 * and R * bias (deg/s), which the bias estimator compares with the
 * inclination correction (gyro_bias.h).
 */
static inline void rotation_inputs(bc_quat q, bc_vec3 b, float *x)
{
	float xx = q.x * q.x, yy = q.y * q.y, zz = q.z * q.z;
	float xy = q.x * q.y, xz = q.x * q.z, yz = q.y * q.z;
	float wx = q.w * q.x, wy = q.w * q.y, wz = q.w * q.z;
	x[0] = 1.0f - 2.0f * (yy + zz);
	x[1] = 2.0f * (xy - wz);
	x[2] = 2.0f * (xz + wy);
	x[3] = 2.0f * (xy + wz);
	x[4] = 1.0f - 2.0f * (xx + zz);
	x[5] = 2.0f * (yz - wx);
	x[6] = x[0] * b.x + x[1] * b.y + x[2] * b.z;
	x[7] = x[3] * b.x + x[4] * b.y + x[5] * b.z;
}

static bc_quat output_quat(const bc_filter *f)
{
	return f->settings.use_mag ? bc_mag_heading_apply(&f->mag, f->q6) : f->q6;
}

/*
 * The low-pass state (value and rate) turned with the earth frame by a
 * correction: exactly for a large one, to first order (v + theta x v, theta
 * about earth x and y, rad) for the small ones of every step.
 */
static void turn_lowpass(bc_filter *f, bc_quat corr)
{
	bc_vec3 y = bc_quat_rotate(corr, bc_vec3_make(f->acc_lp[0], f->acc_lp[1], f->acc_lp[2]));
	bc_vec3 r = bc_quat_rotate(
		corr, bc_vec3_make(f->acc_lp_rate[0], f->acc_lp_rate[1], f->acc_lp_rate[2]));
	f->acc_lp[0] = y.x, f->acc_lp[1] = y.y, f->acc_lp[2] = y.z;
	f->acc_lp_rate[0] = r.x, f->acc_lp_rate[1] = r.y, f->acc_lp_rate[2] = r.z;
}

static void turn_lowpass_small(float *v, float theta_x, float theta_y)
{
	float x = v[0], y = v[1], z = v[2];
	v[0] = x + theta_y * z;
	v[1] = y - theta_x * z;
	v[2] = z + theta_x * y - theta_y * x;
}

static void clear_step_sums(bc_filter *f)
{
	f->acc_sum_g = f->gyro_sum_dps = f->accel_sum_g = bc_vec3_make(0.0f, 0.0f, 0.0f);
	f->acc_sum_n = 0.0f;
}

/*
 * (Re)start from one accelerometer sample: earth up along it, heading where
 * the sensor's x axis points. The low-pass bank starts at this sample and
 * runs as a running mean for its first tau_acc_s. The gyro bias is kept.
 */
static void restart(bc_filter *f, const bc_sample *s)
{
	bc_vec3 up = bc_vec3_normalize(s->accel_g);
	f->q6 = bc_quat_from_two_vectors(up, bc_vec3_make(0, 0, 1));

	bc_vec3 a = bc_quat_rotate(f->q6, s->accel_g);
	const float xa[BC_FILTER_ACC_N] = { a.x, a.y, a.z, 0.0f };
	bc_lowpass2_reset(f->acc_lp, f->acc_lp_rate, xa, BC_FILTER_ACC_N);
	float xr[BC_FILTER_ROT_N];
	rotation_inputs(f->q6, f->bias.bias_dps, xr);
	bc_lowpass2_reset(f->rot_lp, f->rot_lp_rate, xr, BC_FILTER_ROT_N);
	f->rot_elapsed_s = 0.0f;
	clear_step_sums(f);
	f->acc_elapsed_s = 0.0f;
	f->starting = true;
	f->start_s = 0.0f;
	f->start_count = 1.0f;
	f->rot_count = 1.0f;

	bc_rest_detector_restart(&f->rest);
	bc_rest_detector_prime(&f->rest, s->gyro_dps, s->accel_g);
	bc_mag_heading_restart(&f->mag);
	f->bias.elapsed_s = 0.0f;
	f->bias.corr_rad[0] = f->bias.corr_rad[1] = 0.0f;
	f->initialised = true;
	f->q = output_quat(f);
	if (f->settings.use_mag && s->has_mag && bc_vec3_isfinite(s->mag_ut)) {
		bc_mag_heading_update(&f->mag, bc_quat_rotate(f->q6, s->mag_ut), 0.0f, 0.0f);
		f->q = output_quat(f);
	}
}

/*
 * The rotation bank: the same low-pass as the accelerometer's, stepped only
 * when the bias estimator reads it (every bias_update_period_s, 25 Hz by
 * default), not every accelerometer step. A low-pass with a 3 s time
 * constant keeps only what is far below that rate's 12.5 Hz Nyquist limit,
 * where a body moves hardly at all: on BROAD each trial's inclination moved
 * by at most 0.0024 deg (docs/performance.md).
 */
static void step_rotation_bank(bc_filter *f)
{
	float xr[BC_FILTER_ROT_N];
	rotation_inputs(f->q6, f->bias.bias_dps, xr);
	if (f->starting) {
		f->rot_count += 1.0f;
		bc_lowpass2_mean_step(f->rot_lp, f->rot_lp_rate, xr, BC_FILTER_ROT_N,
				      1.0f / f->rot_count);
	} else {
		bc_lowpass2_step(f->rot_lp, f->rot_lp_rate, xr, BC_FILTER_ROT_N,
				 bc_lowpass2_gains_over(f->lp_coefs, f->rot_elapsed_s));
	}
	f->rot_elapsed_s = 0.0f;
}

/*
 * The accelerometer step, at most every BC_FILTER_ACC_PERIOD_S: low-pass the
 * mean of the accelerometer samples rotated into the earth frame since the
 * last step, turn the estimate (and the low-pass with it) so the low-passed
 * gravity points up, and hand the correction to the bias estimator.
 *
 * This is VQF's low-pass in the gyro frame, kept in the earth frame instead:
 * between corrections the two frames differ by a fixed rotation, which a
 * linear filter commutes with, and each correction turns the filter's state
 * with the frame (turn_lowpass). That saves a quaternion product a sample.
 */
static void accel_step(bc_filter *f, bc_vec3 acc_mean_g, float dt_s)
{
	if (f->starting) {
		const float xa[3] = { acc_mean_g.x, acc_mean_g.y, acc_mean_g.z };
		f->start_count += 1.0f;
		bc_lowpass2_mean_step(f->acc_lp, f->acc_lp_rate, xa, 3, 1.0f / f->start_count);
	} else {
		bc_lowpass2_gains g = bc_lowpass2_gains_over(f->lp_coefs, dt_s);
		bc_lowpass2_step_one(&f->acc_lp[0], &f->acc_lp_rate[0], acc_mean_g.x, g);
		bc_lowpass2_step_one(&f->acc_lp[1], &f->acc_lp_rate[1], acc_mean_g.y, g);
		bc_lowpass2_step_one(&f->acc_lp[2], &f->acc_lp_rate[2], acc_mean_g.z, g);
	}

	f->rot_elapsed_s += dt_s;
	if (f->starting) {
		f->start_s += dt_s;
		f->starting = f->start_s < f->settings.tau_acc_s;
	}

	/*
	 * Low-passed gravity in the earth frame; the correction turns it to +z.
	 * Once running, a step's correction is tiny (the low-pass moves slowly):
	 * then tan(angle) = angle to float precision and one division does.
	 */
	bc_vec3 g = bc_vec3_make(f->acc_lp[0], f->acc_lp[1], f->acc_lp[2]);
	float corr_x, corr_y; /* rotation of the earth frame, rad */
	if (g.z > 0.0f && g.x * g.x + g.y * g.y < 1e-4f * g.z * g.z) {
		float inv_z = 1.0f / g.z;
		corr_x = g.y * inv_z;
		corr_y = -g.x * inv_z;
		/* (1, a, b, 0) * q written out: half the multiplications of a product. */
		float a = 0.5f * corr_x, b = 0.5f * corr_y;
		bc_quat q = f->q6;
		f->q6 = renormalize(bc_quat_make(q.w - a * q.x - b * q.y, q.x + a * q.w + b * q.z,
						 q.y - a * q.z + b * q.w, q.z + a * q.y - b * q.x));
		turn_lowpass_small(f->acc_lp, corr_x, corr_y);
		turn_lowpass_small(f->acc_lp_rate, corr_x, corr_y);
	} else {
		float n2 = bc_vec3_dot(g, g);
		if (!(n2 > 0.0f))
			return;
		g = bc_vec3_scale(g, 1.0f / sqrtf(n2));
		float cw2 = 0.5f * (g.z + 1.0f);
		bc_quat corr;
		if (cw2 > 1e-12f) {
			float cw = sqrtf(cw2);
			float k = 0.5f / cw;
			corr = bc_quat_make(cw, k * g.y, -k * g.x, 0.0f);
		} else {
			corr = bc_quat_make(0.0f, 1.0f, 0.0f, 0.0f); /* upside down: half turn */
		}
		corr_x = g.y;
		corr_y = -g.x;
		f->q6 = renormalize(bc_quat_mul(corr, f->q6));
		turn_lowpass(f, corr);
	}

	if (bc_gyro_bias_accumulate(&f->bias, corr_x, corr_y, dt_s)) {
		step_rotation_bank(f);
		if (f->rest.at_rest || f->rest.steady)
			bc_gyro_bias_update_rest(&f->bias, bc_rest_detector_gyro_lp_dps(&f->rest),
						 !f->rest.at_rest);
		else if (!f->starting)
			bc_gyro_bias_update_motion(&f->bias, f->rot_lp + BC_FILTER_ROT_R,
						   f->rot_lp + BC_FILTER_ROT_RB);
		else
			bc_gyro_bias_update_none(&f->bias);
	}
}

static inline void add_to_step_sums(bc_filter *f, bc_vec3 acc_earth_g, const bc_sample *s)
{
	f->acc_sum_g = bc_vec3_add(f->acc_sum_g, acc_earth_g);
	f->gyro_sum_dps = bc_vec3_add(f->gyro_sum_dps, s->gyro_dps);
	f->accel_sum_g = bc_vec3_add(f->accel_sum_g, s->accel_g);
	f->acc_sum_n += 1.0f;
}

/*
 * One usable accelerometer sample: rotated into the earth frame every sample
 * (that is what makes the average immune to the sensor's turning); the rest
 * of the accelerometer step runs on the means of the samples since the last
 * step, at most every BC_FILTER_ACC_PERIOD_S: at high rates it is the slow
 * part. The rest detector too sees the step's means: its thresholds are
 * multiples of the noise it measures on the same means, so averaging does
 * not move them. Up to 100 Hz every sample takes the step on its own, with
 * no sums to keep.
 */
static inline void take_accel_sample(bc_filter *f, const bc_sample *s, float dt_s)
{
	bc_vec3 acc_mean_g = bc_quat_rotate(f->q6, s->accel_g);
	f->acc_elapsed_s += dt_s;
	if (f->acc_elapsed_s < BC_FILTER_ACC_PERIOD_S) {
		add_to_step_sums(f, acc_mean_g, s);
		return;
	}
	/* The step's only sample is its own mean (bit for bit what the sums would give). */
	bc_vec3 gyro_mean_dps = s->gyro_dps, accel_mean_g = s->accel_g;
	if (f->acc_sum_n > 0.0f) {
		add_to_step_sums(f, acc_mean_g, s);
		float inv_n = 1.0f / f->acc_sum_n;
		acc_mean_g = bc_vec3_scale(f->acc_sum_g, inv_n);
		gyro_mean_dps = bc_vec3_scale(f->gyro_sum_dps, inv_n);
		accel_mean_g = bc_vec3_scale(f->accel_sum_g, inv_n);
		clear_step_sums(f);
	}
	bc_rest_detector_update(&f->rest, gyro_mean_dps, accel_mean_g, f->acc_elapsed_s);
	accel_step(f, acc_mean_g, f->acc_elapsed_s);
	f->acc_elapsed_s = 0.0f;
}

/* Functions */

bc_filter_status bc_filter_update(bc_filter *f, const bc_sample *s)
{
	const bc_filter_settings *st = &f->settings;

	if (!isfinite(s->t_s) || !vec_within(s->gyro_dps, st->gyro_limit_dps) ||
	    (f->initialised && !(s->t_s > f->last_t_s))) {
		f->rejected++;
		return BC_FILTER_REJECTED;
	}
	bool accel_ok = vec_within(s->accel_g, st->accel_limit_g) &&
			bc_vec3_dot(s->accel_g, s->accel_g) > 0.0f;

	if (!f->initialised || s->t_s - f->last_t_s > st->dropout_s) {
		if (!accel_ok) {
			/* Nothing to start from: wait for a usable sample. */
			f->rejected++;
			return BC_FILTER_REJECTED;
		}
		if (f->initialised)
			f->restarts++;
		restart(f, s);
		f->last_t_s = s->t_s;
		return BC_FILTER_STARTED;
	}
	float dt = (float)(s->t_s - f->last_t_s);
	f->last_t_s = s->t_s;

	if (!accel_ok)
		bc_rest_detector_restart(&f->rest);

	bc_vec3 w_dps = bc_vec3_sub(s->gyro_dps, f->bias.bias_dps);
	/*
	 * Each step is unit length to float rounding, so |q6| drifts by
	 * rounding only (~1e-7 a step). Every accelerometer step renormalises
	 * it (at most every BC_FILTER_ACC_PERIOD_S: 10 gyro steps at 1 kHz);
	 * without the accelerometer, every BC_FILTER_GYRO_RENORM_STEPS steps.
	 * Either keeps it within ~2e-6 of 1.
	 */
	f->q6 = bc_quat_mul(f->q6, gyro_step(w_dps, dt));
	if (accel_ok) {
		take_accel_sample(f, s, dt);
	} else {
		f->accel_rejected++;
		if (++f->gyro_steps >= BC_FILTER_GYRO_RENORM_STEPS) {
			f->q6 = renormalize(f->q6);
			f->gyro_steps = 0;
		}
	}

	if (st->use_mag && s->has_mag && bc_vec3_isfinite(s->mag_ut))
		bc_mag_heading_update(&f->mag, bc_quat_rotate(f->q6, s->mag_ut),
				      bc_vec3_norm(w_dps), dt);
	f->q = st->use_mag ? bc_mag_heading_apply(&f->mag, f->q6) : f->q6;
	return accel_ok ? BC_FILTER_OK : BC_FILTER_GYRO_ONLY;
}
