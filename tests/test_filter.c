/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter unit tests. Inputs are generated from physics: an
 * orientation trajectory q_earth_from_sensor(t) with its body rate gives the
 * gyroscope; gravity plus a linear acceleration, rotated into the sensor,
 * gives the accelerometer (specific force, +1 g up at rest). Answers are
 * computed from the trajectory, never copied from the filter.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/math3d.h"
#include "filter/orientation_filter.h"
#include "support/test_support.h"

/* Simulation */

/* Truth at one instant. */
typedef struct {
	bc_quat q;	   /* q_earth_from_sensor */
	bc_vec3 rate_dps;  /* body angular rate, sensor frame */
	bc_vec3 lin_acc_g; /* linear acceleration, earth frame, g */
} truth;

/*
 * Trajectory: q(t) = q0 * exp(a1 th1) * exp(a2 th2) with, for u = t - t_start
 * (0 before the start), th_i = A_i sin(2 pi f_i u) + W_i u: still until
 * t_start, then moving without a jump.
 */
typedef struct {
	bc_quat q0;
	bc_vec3 axis1, axis2; /* unit, sensor frame */
	float amp1_deg, amp2_deg, freq1_hz, freq2_hz;
	float spin1_dps, spin2_dps; /* constant rates added to th1, th2 */
	bc_vec3 shake_g;	    /* linear acceleration amplitude, earth frame, g */
	float shake_hz;
	double t_start_s; /* motion starts here, s */
} trajectory;

static truth truth_at(const trajectory *tr, double t_abs)
{
	double t = t_abs > tr->t_start_s ? t_abs - tr->t_start_s : 0.0;
	double w1 = 2 * M_PI * tr->freq1_hz, w2 = 2 * M_PI * tr->freq2_hz;
	double th1 = tr->amp1_deg * sin(w1 * t) + tr->spin1_dps * t;
	double th2 = tr->amp2_deg * sin(w2 * t) + tr->spin2_dps * t;
	double d1 = tr->amp1_deg * w1 * cos(w1 * t) + tr->spin1_dps;
	double d2 = tr->amp2_deg * w2 * cos(w2 * t) + tr->spin2_dps;
	bc_quat r1 = bc_quat_from_axis_angle(tr->axis1, (float)(th1 * M_PI / 180));
	bc_quat r2 = bc_quat_from_axis_angle(tr->axis2, (float)(th2 * M_PI / 180));
	truth out;
	out.q = bc_quat_normalize(bc_quat_mul(tr->q0, bc_quat_mul(r1, r2)));
	/* Body rate: a1 th1' seen through r2, plus a2 th2'. */
	bc_vec3 a1_body = bc_quat_rotate(bc_quat_conj(r2), tr->axis1);
	if (t_abs < tr->t_start_s)
		d1 = d2 = 0.0;
	out.rate_dps = bc_vec3_add(bc_vec3_scale(a1_body, (float)d1),
				   bc_vec3_scale(tr->axis2, (float)d2));
	out.lin_acc_g = bc_vec3_scale(tr->shake_g, (float)sin(2 * M_PI * tr->shake_hz * t));
	return out;
}

/* Deterministic noise: xorshift32, roughly normal (sum of 4 uniforms). */
static uint32_t rng_state = 12345u;

static float noise(float sigma)
{
	float s = 0;
	for (int i = 0; i < 4; i++) {
		rng_state ^= rng_state << 13;
		rng_state ^= rng_state >> 17;
		rng_state ^= rng_state << 5;
		s += (float)(rng_state >> 8) / 16777216.0f - 0.5f;
	}
	return s * sigma * 1.732f; /* variance of the sum of 4 U(-.5,.5) is 1/3 */
}

static bc_vec3 noise3(float sigma)
{
	return bc_vec3_make(noise(sigma), noise(sigma), noise(sigma));
}

/* The sample an ideal IMU (plus bias and noise) would give at t. */
static bc_sample sample_from(const truth *tr, double t, bc_vec3 bias_dps, float gyro_noise_dps,
			     float accel_noise_g)
{
	bc_vec3 f_earth = bc_vec3_add(tr->lin_acc_g, bc_vec3_make(0, 0, 1));
	bc_sample s = { 0 };
	s.t_s = t;
	s.gyro_dps = bc_vec3_add(bc_vec3_add(tr->rate_dps, bias_dps), noise3(gyro_noise_dps));
	s.accel_g = bc_vec3_add(bc_quat_rotate(bc_quat_conj(tr->q), f_earth),
				noise3(accel_noise_g));
	return s;
}

/*
 * Inclination error (the BROAD metric), degrees: ignores heading. Written
 * with atan2 (same value as 2 acos(sqrt(w^2 + z^2)) for a unit quaternion)
 * because acos near 1 loses hundredths of a degree in float.
 */
static double inclination_err_deg(bc_quat est, bc_quat ref)
{
	bc_quat e = bc_quat_mul(bc_quat_normalize(est), bc_quat_conj(bc_quat_normalize(ref)));
	double wz = sqrt((double)e.w * e.w + (double)e.z * e.z);
	double xy = sqrt((double)e.x * e.x + (double)e.y * e.y);
	return 2 * atan2(xy, wz) * 180 / M_PI;
}

/* Full rotation angle between two orientations, degrees. */
static double angle_between_deg(bc_quat a, bc_quat b)
{
	bc_quat e = bc_quat_mul(a, bc_quat_conj(b));
	double v = sqrt((double)e.x * e.x + (double)e.y * e.y + (double)e.z * e.z);
	return 2 * atan2(v, fabs((double)e.w)) * 180 / M_PI;
}

static const bc_vec3 no_bias = { 0, 0, 0 };

/* Runs the filter over [t0, t1) at rate_hz; returns the RMS inclination error after t_eval_s. */
typedef struct {
	double rms_deg, max_deg;
	long n;
} run_result;

static run_result run(bc_filter *f, const trajectory *tr, double t0, double t1, double rate_hz,
		      double jitter, bc_vec3 bias_dps, double t_eval_s)
{
	run_result r = { 0, 0, 0 };
	double se = 0, dt = 1.0 / rate_hz;
	for (double t = t0; t < t1;) {
		truth tt = truth_at(tr, t);
		bc_sample s = sample_from(&tt, t, bias_dps, 0.05f, 0.002f);
		bc_filter_update(f, &s);
		if (t >= t_eval_s) {
			double e = inclination_err_deg(bc_filter_quat(f), tt.q);
			se += e * e;
			r.max_deg = e > r.max_deg ? e : r.max_deg;
			r.n++;
		}
		t += dt * (1.0 + jitter * (double)noise(1.0f));
	}
	r.rms_deg = r.n ? sqrt(se / r.n) : 0;
	return r;
}

static trajectory still_at(bc_quat q0)
{
	trajectory tr = { .q0 = q0, .axis1 = { 1, 0, 0 }, .axis2 = { 0, 1, 0 } };
	return tr;
}

/* A tilted orientation to start from (not aligned with any axis). */
static bc_quat tilted(void)
{
	return bc_quat_from_axis_angle(bc_vec3_normalize(bc_vec3_make(1, -2, 0.5f)), 0.6f);
}

/* Tests */

static void test_converges_to_gravity_from_wrong_start(void **state)
{
	(void)state;
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory tr = still_at(tilted());
	/* First sample taken while the body jolts: 0.8 g sideways gives a wrong start. */
	truth t0 = truth_at(&tr, 0);
	t0.lin_acc_g = bc_vec3_make(0.8f, 0, 0);
	bc_sample s = sample_from(&t0, 0, no_bias, 0, 0);
	assert_int_equal(bc_filter_update(&f, &s), BC_FILTER_STARTED);
	double start_err = inclination_err_deg(bc_filter_quat(&f), t0.q);
	assert_true(start_err > 30.0); /* atan(0.8) = 38.7 deg */

	run_result r = run(&f, &tr, 0.01, 10.0, 100, 0, no_bias, 5.0);
	print_message("wrong start %.1f deg -> %.3f deg RMS after 5 s\n", start_err, r.rms_deg);
	assert_true(r.max_deg < 0.5);
}

static void test_learns_gyro_bias_at_rest_and_keeps_it(void **state)
{
	(void)state;
	const bc_vec3 bias = { 3.0f, -1.5f, 0.8f }; /* deg/s, a plausible MEMS offset */
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory tr = still_at(tilted());
	run(&f, &tr, 0, 6.0, 200, 0, bias, 0);
	assert_true(bc_filter_at_rest(&f));
	bc_vec3 est = bc_filter_gyro_bias_dps(&f);
	print_message("bias after 6 s at rest: %.3f %.3f %.3f (true %.1f %.1f %.1f)\n", est.x,
		      est.y, est.z, bias.x, bias.y, bias.z);
	assert_true(bc_vec3_norm(bc_vec3_sub(est, bias)) < 0.05f);

	/* Keeps it: another minute of rest, then 20 s of turning about two axes. */
	run(&f, &tr, 6.0, 66.0, 200, 0, bias, 0);
	assert_true(bc_vec3_norm(bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias)) < 0.05f);
	trajectory moving = tr;
	moving.t_start_s = 66.0;
	moving.amp1_deg = 40;
	moving.freq1_hz = 0.3f;
	moving.amp2_deg = 25;
	moving.freq2_hz = 0.45f;
	run_result r = run(&f, &moving, 66.0, 86.0, 200, 0, bias, 66.0);
	est = bc_filter_gyro_bias_dps(&f);
	print_message("after 20 s of motion: bias error %.3f deg/s, inclination RMS %.3f deg\n",
		      bc_vec3_norm(bc_vec3_sub(est, bias)), r.rms_deg);
	assert_true(bc_vec3_norm(bc_vec3_sub(est, bias)) < 0.3f);
	assert_true(r.rms_deg < 1.0);
}

static void test_learns_bias_in_motion_without_rest(void **state)
{
	(void)state;
	/* Never at rest: the inclination correction alone must find the bias. */
	const bc_vec3 bias = { 0.6f, -0.4f, 0.3f };
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory tr = still_at(tilted());
	tr.amp1_deg = 50;
	tr.freq1_hz = 0.23f;
	tr.amp2_deg = 40;
	tr.freq2_hz = 0.31f;
	tr.spin1_dps = 10;
	bc_vec3 start_err = bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias);
	run_result r = run(&f, &tr, 0, 120.0, 100, 0, bias, 60.0);
	bc_vec3 err = bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias);
	print_message("bias error in motion %.3f -> %.3f deg/s, inclination RMS %.3f deg\n",
		      bc_vec3_norm(start_err), bc_vec3_norm(err), r.rms_deg);
	assert_false(bc_filter_at_rest(&f));
	assert_true(bc_vec3_norm(err) < 0.5f * bc_vec3_norm(start_err));
	assert_true(r.rms_deg < 0.5);
}

static void test_pure_rotation_matches_analytic_integration(void **state)
{
	(void)state;
	/* Constant body rate about a tilted axis, then a two-axis oscillation. */
	const trajectory cases[] = {
		{ .q0 = tilted(),
		  .axis1 = { 0.48f, 0.6f, 0.64f },
		  .axis2 = { 0, 1, 0 },
		  .spin1_dps = 90 },
		{ .q0 = tilted(),
		  .axis1 = { 1, 0, 0 },
		  .axis2 = { 0, 0.6f, 0.8f },
		  .amp1_deg = 60,
		  .freq1_hz = 0.5f,
		  .amp2_deg = 45,
		  .freq2_hz = 0.7f },
	};
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		bc_filter f;
		bc_filter_init(&f, NULL);
		const trajectory *tr = &cases[c];
		bc_quat e0 = bc_quat_identity;
		double worst = 0, rate = 500, peak_dps = 0;
		for (long i = 0; i < (long)(4 * rate); i++) {
			double t = i / rate;
			truth tt = truth_at(tr, t);
			bc_sample s = sample_from(&tt, t, no_bias, 0, 0);
			bc_filter_update(&f, &s);
			double r = bc_vec3_norm(tt.rate_dps);
			peak_dps = r > peak_dps ? r : peak_dps;
			/* Heading is arbitrary: the offset to the truth must stay constant. */
			bc_quat e = bc_quat_mul(bc_filter_quat(&f), bc_quat_conj(tt.q));
			if (i == 0)
				e0 = e;
			double a = angle_between_deg(e, e0);
			worst = a > worst ? a : worst;
		}
		/*
		 * Each step integrates the newest rate over the whole step, so while
		 * the rate changes the estimate may run up to one step's rotation
		 * ahead (VQF does the same); a wrong axis or sign costs degrees.
		 */
		double allowed = 0.05 + peak_dps / rate;
		print_message("rotation case %zu: worst deviation from analytic %.3f deg "
			      "(allowed %.3f)\n",
			      c, worst, allowed);
		assert_true(worst < allowed);
	}
}

/*
 * q6 is renormalised by the accelerometer step, and every few gyro steps
 * when there is no accelerometer: either way the output stays unit length
 * to a few float roundings, through a minute of fast turning at 1 kHz.
 */
static void test_stays_unit_length_with_and_without_accelerometer(void **state)
{
	(void)state;
	trajectory tr = still_at(tilted());
	tr.axis1 = bc_vec3_make(0.48f, 0.6f, 0.64f);
	tr.axis2 = bc_vec3_make(1, 0, 0);
	tr.spin1_dps = 200;
	tr.amp2_deg = 60;
	tr.freq2_hz = 1.3f;
	for (int with_accel = 0; with_accel < 2; with_accel++) {
		bc_filter f;
		bc_filter_init(&f, NULL);
		double worst = 0, rate = 1000;
		for (long i = 0; i < (long)(60 * rate); i++) {
			double t = i / rate;
			truth tt = truth_at(&tr, t);
			bc_sample s = sample_from(&tt, t, no_bias, 0.1f, 0.005f);
			if (!with_accel && i > 0) /* saturated: gyro only */
				s.accel_g = bc_vec3_make(20.0f, 0.0f, 0.0f);
			bc_filter_update(&f, &s);
			bc_quat q = bc_filter_quat(&f);
			double n = sqrt((double)q.w * q.w + (double)q.x * q.x + (double)q.y * q.y +
					(double)q.z * q.z);
			worst = fabs(n - 1.0) > worst ? fabs(n - 1.0) : worst;
		}
		print_message("%s accelerometer: |q| within %.2g of 1\n",
			      with_accel ? "with" : "without", worst);
		assert_true(worst < 5e-6);
	}
}

/*
 * A fast spin at a low rate takes the gyro step's exact branch (half angle
 * over 0.1 rad: 720 deg/s at 25 Hz turns 0.25 rad a half step); at a
 * constant rate the step is exact, so the estimate keeps its offset to the
 * truth to a few hundredths of a degree.
 */
static void test_fast_spin_at_low_rate_is_exact(void **state)
{
	(void)state;
	trajectory tr = still_at(tilted());
	tr.axis1 = bc_vec3_make(0.48f, 0.6f, 0.64f);
	tr.spin1_dps = 720;
	bc_filter f;
	bc_filter_init(&f, NULL);
	bc_quat e0 = bc_quat_identity;
	double worst = 0, rate = 25;
	for (long i = 0; i < (long)(4 * rate); i++) {
		double t = i / rate;
		truth tt = truth_at(&tr, t);
		bc_sample s = sample_from(&tt, t, no_bias, 0, 0);
		bc_filter_update(&f, &s);
		bc_quat e = bc_quat_mul(bc_filter_quat(&f), bc_quat_conj(tt.q));
		if (i == 0)
			e0 = e;
		double a = angle_between_deg(e, e0);
		worst = a > worst ? a : worst;
	}
	print_message("720 deg/s at 25 Hz: worst deviation from analytic %.3f deg\n", worst);
	assert_true(worst < 0.1);
}

static void test_rejects_bad_samples_and_keeps_going(void **state)
{
	(void)state;
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory tr = still_at(tilted());
	tr.amp1_deg = 30;
	tr.freq1_hz = 0.4f;
	const double rate = 100;
	long rejected = 0, gyro_only = 0;
	double worst = 0;
	for (long i = 0; i < 2000; i++) {
		double t = i / rate;
		truth tt = truth_at(&tr, t);
		bc_sample s = sample_from(&tt, t, no_bias, 0.05f, 0.002f);
		bool expect_reject = false, expect_gyro_only = false;
		switch (i % 50) {
		case 7:
			s.gyro_dps.y = NAN;
			expect_reject = true;
			break;
		case 13:
			s.gyro_dps.z = 2500;
			expect_reject = true;
			break;
		case 19:
			s.t_s = INFINITY;
			expect_reject = true;
			break;
		case 23:
			s.accel_g.x = NAN;
			expect_gyro_only = true;
			break;
		case 31:
			s.accel_g.z = 16.5f;
			expect_gyro_only = true;
			break;
		case 37:
			s.gyro_dps.x = -INFINITY;
			expect_reject = true;
			break;
		default:
			break;
		}
		bc_filter_status st = bc_filter_update(&f, &s);
		if (i == 0)
			continue;
		if (expect_reject) {
			assert_int_equal(st, BC_FILTER_REJECTED);
			rejected++;
		} else if (expect_gyro_only) {
			assert_int_equal(st, BC_FILTER_GYRO_ONLY);
			gyro_only++;
		} else {
			assert_int_equal(st, BC_FILTER_OK);
		}
		bc_quat q = bc_filter_quat(&f);
		assert_true(isfinite(q.w) && isfinite(q.x) && isfinite(q.y) && isfinite(q.z));
		if (t > 5) {
			double e = inclination_err_deg(q, tt.q);
			worst = e > worst ? e : worst;
		}
	}
	/* A repeated timestamp is rejected too. */
	bc_sample again = sample_from(&(truth){ .q = tilted() }, f.last_t_s, no_bias, 0, 0);
	assert_int_equal(bc_filter_update(&f, &again), BC_FILTER_REJECTED);
	rejected++;

	assert_int_equal(f.rejected, rejected);
	assert_int_equal(f.accel_rejected, gyro_only);
	assert_int_equal(f.restarts, 0);
	print_message("rejected %ld, gyro-only %ld, worst inclination %.3f deg\n", rejected,
		      gyro_only, worst);
	assert_true(worst < 1.0);
}

static void test_reinitialises_after_gap(void **state)
{
	(void)state;
	bc_filter f;
	bc_filter_init(&f, NULL);
	const bc_vec3 bias = { 1.0f, 0.5f, -0.7f };
	trajectory a = still_at(tilted());
	run(&f, &a, 0, 5.0, 100, 0, bias, 0);

	/* A 0.3 s gap is a long step, not a dropout. */
	truth ta = truth_at(&a, 5.3);
	bc_sample s = sample_from(&ta, 5.3, bias, 0, 0);
	assert_int_equal(bc_filter_update(&f, &s), BC_FILTER_OK);
	assert_int_equal(f.restarts, 0);

	/* 0.8 s later the sensor lies the other way up: a dropout, restart from the accelerometer. */
	trajectory b = still_at(bc_quat_from_axis_angle(bc_vec3_make(0, 1, 0), 2.5f));
	truth tb = truth_at(&b, 6.1);
	s = sample_from(&tb, 6.1, bias, 0, 0);
	bc_vec3 bias_before = bc_filter_gyro_bias_dps(&f);
	assert_true(inclination_err_deg(bc_filter_quat(&f), tb.q) > 90);
	assert_int_equal(bc_filter_update(&f, &s), BC_FILTER_STARTED);
	assert_int_equal(f.restarts, 1);
	assert_true(inclination_err_deg(bc_filter_quat(&f), tb.q) < 0.5);
	/* The bias survives the restart. */
	assert_true(bc_vec3_norm(bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias_before)) < 1e-6f);
	run_result r = run(&f, &b, 6.11, 10.0, 100, 0, bias, 6.11);
	assert_true(r.max_deg < 0.5);
}

static void test_rates_and_jitter(void **state)
{
	(void)state;
	const struct {
		double rate_hz, jitter, max_rms_deg;
	} cases[] = {
		{ 25, 0, 1.6 },	   /* coarse steps: up to half a step ahead, 2 deg at 100 deg/s */
		{ 100, 0.3, 0.5 }, /* 30 % step jitter */
		{ 1000, 0, 0.5 },
		{ 1000, 0.5, 0.5 },
	};
	const bc_vec3 bias = { 0.8f, -0.6f, 0.4f };
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		bc_filter f;
		bc_filter_init(&f, NULL);
		trajectory tr = still_at(tilted());
		run(&f, &tr, 0, 4.0, cases[c].rate_hz, cases[c].jitter, bias, 0);
		tr.t_start_s = 4.0;
		tr.amp1_deg = 45;
		tr.freq1_hz = 0.25f;
		tr.amp2_deg = 30;
		tr.freq2_hz = 0.4f;
		tr.axis2 = bc_vec3_make(0, 0.6f, 0.8f);
		run_result r = run(&f, &tr, 4.0, 40.0, cases[c].rate_hz, cases[c].jitter, bias,
				   4.0);
		print_message("%6.0f Hz jitter %2.0f %%: inclination RMS %.3f deg, max %.3f deg\n",
			      cases[c].rate_hz, cases[c].jitter * 100, r.rms_deg, r.max_deg);
		assert_int_equal(f.restarts, 0);
		assert_true(r.rms_deg < cases[c].max_rms_deg);
	}
}

static void test_accel_trusted_less_under_linear_acceleration(void **state)
{
	(void)state;
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory tr = still_at(tilted());
	run(&f, &tr, 0, 3.0, 200, 0, no_bias, 0);

	/* Shaking along earth x at 2 Hz, 0.5 g, while turning slowly. */
	tr.t_start_s = 3.0;
	tr.shake_g = bc_vec3_make(0.5f, 0, 0);
	tr.shake_hz = 2.0f;
	tr.amp1_deg = 20;
	tr.freq1_hz = 0.1f;
	double naive_worst = 0;
	for (double t = 3.0; t < 23.0; t += 0.005) {
		truth tt = truth_at(&tr, t);
		bc_sample s = sample_from(&tt, t, no_bias, 0, 0);
		bc_quat naive = bc_quat_from_two_vectors(bc_vec3_normalize(s.accel_g),
							 bc_vec3_make(0, 0, 1));
		double e = inclination_err_deg(naive, tt.q);
		naive_worst = e > naive_worst ? e : naive_worst;
	}
	run_result r = run(&f, &tr, 3.0, 23.0, 200, 0, no_bias, 3.0);
	print_message("shaking 0.5 g: accelerometer alone up to %.1f deg, filter max %.3f deg\n",
		      naive_worst, r.max_deg);
	assert_true(naive_worst > 20);
	assert_true(r.max_deg < 1.5);
}

static void test_magnetometer_heading(void **state)
{
	(void)state;
	bc_filter_settings st = bc_filter_settings_default;
	st.use_mag = true;
	bc_filter f;
	bc_filter_init(&f, &st);
	const bc_vec3 field_enu_ut = { 0, 20,
				       -44 }; /* x east, y north, z up: points north and down */
	trajectory tr = still_at(tilted());
	tr.amp1_deg = 30;
	tr.freq1_hz = 0.2f;
	double worst = 0;
	for (double t = 0; t < 40; t += 0.01) {
		truth tt = truth_at(&tr, t);
		bc_sample s = sample_from(&tt, t, no_bias, 0.05f, 0.002f);
		s.mag_ut = bc_vec3_add(bc_quat_rotate(bc_quat_conj(tt.q), field_enu_ut),
				       noise3(0.3f));
		s.has_mag = true;
		bc_filter_update(&f, &s);
		if (t > 10) {
			double a = angle_between_deg(bc_filter_quat(&f), tt.q);
			worst = a > worst ? a : worst;
		}
	}
	print_message("with magnetometer: worst full-orientation error after 10 s %.3f deg\n",
		      worst);
	assert_true(worst < 2.0);
}

/* Runs a trajectory at rate_hz with the given noise; returns the share of samples lying still. */
static double run_noisy(bc_filter *f, const trajectory *tr, double t0, double t1, double rate_hz,
			bc_vec3 bias, float gyro_noise_dps, float accel_noise_g,
			double *steady_share)
{
	long n = 0, still = 0, steady = 0;
	for (double t = t0; t < t1; t += 1.0 / rate_hz) {
		truth tt = truth_at(tr, t);
		bc_sample s = sample_from(&tt, t, bias, gyro_noise_dps, accel_noise_g);
		bc_filter_update(f, &s);
		n++;
		still += bc_filter_lying_still(f);
		steady += bc_filter_at_rest(f);
	}
	if (steady_share)
		*steady_share = n ? (double)steady / (double)n : 0.0;
	return n ? (double)still / (double)n : 0.0;
}

static void test_rest_found_through_real_sensor_noise(void **state)
{
	(void)state;
	/*
	 * BROAD's IMU: 5.5 mg and 0.1 deg/s of noise per axis. A fixed 0.02 g
	 * per-sample threshold found rest on 2.5 % of its still samples; one
	 * set from the measured noise must find it at every rate.
	 */
	const double rates[] = { 25, 100, 285.714, 1000 };
	const bc_vec3 bias = { 0.5f, -0.3f, 0.2f };
	for (size_t c = 0; c < sizeof(rates) / sizeof(rates[0]); c++) {
		bc_filter f;
		bc_filter_init(&f, NULL);
		trajectory tr = still_at(tilted());
		run_noisy(&f, &tr, 0, 3.0, rates[c], bias, 0.1f, 0.0055f, NULL);
		double share = run_noisy(&f, &tr, 3.0, 15.0, rates[c], bias, 0.1f, 0.0055f, NULL);
		float err = bc_vec3_norm(bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias));
		print_message("%7.1f Hz: lying still %.0f %% of 3..15 s, bias error %.3f deg/s\n",
			      rates[c], 100 * share, err);
		assert_true(share > 0.95);
		assert_true(err < 0.05f);
	}
}

/* A person standing: sway of about 1 deg at 0.25 and 0.4 Hz (~1.3 deg/s peak rates). */
static trajectory standing_sway(double t_start_s)
{
	trajectory tr = still_at(tilted());
	tr.t_start_s = t_start_s;
	tr.amp1_deg = 0.8f;
	tr.freq1_hz = 0.25f;
	tr.amp2_deg = 0.5f;
	tr.freq2_hz = 0.4f;
	return tr;
}

static void test_standing_sway_is_steady_not_rest(void **state)
{
	(void)state;
	/* The bias learned lying still must survive a minute of standing sway. */
	const bc_vec3 bias = { 0.5f, -0.3f, 0.2f };
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory lying = still_at(tilted());
	run_noisy(&f, &lying, 0, 10.0, 100, bias, 0.1f, 0.004f, NULL);
	float before = bc_vec3_norm(bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias));
	trajectory sway = standing_sway(10.0);
	double steady;
	double still = run_noisy(&f, &sway, 10.0, 70.0, 100, bias, 0.1f, 0.004f, &steady);
	float after = bc_vec3_norm(bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias));
	print_message("sway: lying still %.1f %%, steady %.0f %%, bias error %.3f -> %.3f deg/s\n",
		      100 * still, 100 * steady, before, after);
	assert_true(still < 0.05);
	assert_true(steady > 0.8);
	assert_true(before < 0.03f);
	assert_true(after < 0.03f); /* a rest-strength update from sway: 0.048 */
}

static void test_unknown_bias_learned_while_standing(void **state)
{
	(void)state;
	/* Switch-on while standing (the protocol's first step): no lying still ever. */
	const bc_vec3 bias = { 2.5f, -1.5f, 1.0f };
	bc_filter f;
	bc_filter_init(&f, NULL);
	trajectory sway = standing_sway(0.0);
	double steady;
	double still = run_noisy(&f, &sway, 0, 5.0, 100, bias, 0.1f, 0.004f, &steady);
	float err = bc_vec3_norm(bc_vec3_sub(bc_filter_gyro_bias_dps(&f), bias));
	print_message("standing from switch-on: steady %.0f %%, bias error %.3f of %.3f deg/s "
		      "after 5 s\n",
		      100 * steady, err, bc_vec3_norm(bias));
	assert_true(still < 0.05);
	assert_true(err < 0.5f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_converges_to_gravity_from_wrong_start),
		cmocka_unit_test(test_learns_gyro_bias_at_rest_and_keeps_it),
		cmocka_unit_test(test_learns_bias_in_motion_without_rest),
		cmocka_unit_test(test_pure_rotation_matches_analytic_integration),
		cmocka_unit_test(test_rejects_bad_samples_and_keeps_going),
		cmocka_unit_test(test_reinitialises_after_gap),
		cmocka_unit_test(test_rates_and_jitter),
		cmocka_unit_test(test_accel_trusted_less_under_linear_acceleration),
		cmocka_unit_test(test_magnetometer_heading),
		cmocka_unit_test(test_rest_found_through_real_sensor_noise),
		cmocka_unit_test(test_standing_sway_is_steady_not_rest),
		cmocka_unit_test(test_unknown_bias_learned_while_standing),
		cmocka_unit_test(test_stays_unit_length_with_and_without_accelerometer),
		cmocka_unit_test(test_fast_spin_at_low_rate_is_exact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
