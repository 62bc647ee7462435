/* SPDX-License-Identifier: MIT */
/*
 * The wearing protocol's calibration on its own: exact orientations in (the
 * accelerometer sees gravity only), no filter and no noise, so the learned
 * mounting must match the true one closely and every decision can be
 * checked in isolation.
 */
#include <math.h>
#include <string.h>

#include "body/mounting_calibration.h"
#include "support/imu_synth.h"
#include "support/test_support.h"

/* Definitions */

static const bc_vec3 X = { 1, 0, 0 }, Y = { 0, 1, 0 }, Z = { 0, 0, 1 };

static const bc_mounting_settings settings = {
	.upright_hold_s = 3.0f,
	.start_hold_s = 2.0f,
	.upright_max_tilt_deg = 30.0f,
	.lying_min_deg = 55.0f,
	.lying_max_deg = 135.0f,
	.lean_min_deg = 8.0f,
	.sit_push_min_g = 0.05f,
	.sit_back_min_deg = 20.0f,
	.prior_max_deg = 45.0f,
	.start_ref_tau_s = 0.5f,
};

typedef struct {
	bc_synth synth; /* used for its trajectory only */
	bc_quat q_sensor_from_body;
	bc_mounting_calib calib;
	bc_tilt_steadiness steady;
	double dt_s;
	double t_s; /* relative time of the next step */
	uint32_t max_resets;
} drive_ctx;

static void drive_start(drive_ctx *d, const bc_synth_pose *poses, size_t n,
			bc_quat q_sensor_from_body, double rate_hz, bc_start_pose pose)
{
	bc_synth_settings st = { .rate_hz = rate_hz, .q_sensor_from_body = q_sensor_from_body };
	memset(d, 0, sizeof(*d));
	bc_synth_init(&d->synth, &st, poses, n);
	d->q_sensor_from_body = q_sensor_from_body;
	d->dt_s = 1.0 / rate_hz;
	bc_mounting_init(&d->calib, &settings, pose);
	bc_tilt_steady_init(&d->steady, NULL);
}

/*
 * One sample of the body at q_earth_from_body; the accelerometer sees
 * gravity and accel_lin_g (earth frame, g), no noise.
 */
static void drive_sample(drive_ctx *d, bc_quat q_earth_from_body, bc_vec3 accel_lin_g)
{
	bc_quat q_es = bc_quat_mul(q_earth_from_body, bc_quat_conj(d->q_sensor_from_body));
	bc_vec3 accel_g = bc_quat_rotate(bc_quat_conj(q_es), bc_vec3_add(Z, accel_lin_g));
	float dt_s = d->t_s > 0.0 ? (float)d->dt_s : 0.0f;
	bool block = bc_tilt_steady_update(&d->steady, accel_g, dt_s);
	bc_mounting_input in = { .q_earth_from_sensor = q_es,
				 .steady = &d->steady,
				 .block_closed = block,
				 .dt_s = dt_s };
	bc_mounting_update(&d->calib, &in);
}

/* Steps the poses to relative time until_s. */
static void drive_until(drive_ctx *d, double until_s)
{
	while (d->t_s <= until_s + 1e-9) {
		/* Linear acceleration from the positions, by central differences. */
		double h = d->dt_s;
		bc_vec3 p0 = bc_synth_pos_at(&d->synth, d->t_s - h);
		bc_vec3 p1 = bc_synth_pos_at(&d->synth, d->t_s);
		bc_vec3 p2 = bc_synth_pos_at(&d->synth, d->t_s + h);
		bc_vec3 a_g = bc_vec3_scale(bc_vec3_add(bc_vec3_sub(p2, p1), bc_vec3_sub(p0, p1)),
					    (float)(1.0 / (h * h * 9.80665)));
		drive_sample(d, bc_synth_body_at(&d->synth, d->t_s), a_g);
		if (d->calib.resets > d->max_resets)
			d->max_resets = d->calib.resets;
		d->t_s += d->dt_s;
	}
}

static double hold_end_s(const drive_ctx *d, size_t i)
{
	return bc_synth_hold_start_s(&d->synth, i) + d->synth.poses[i].hold_s;
}

static double quat_angle_deg(bc_quat a, bc_quat b)
{
	/* atan2 of the difference rotation: well conditioned near zero. */
	bc_quat d = bc_quat_mul(bc_quat_conj(a), b);
	double v = sqrt((double)d.x * d.x + (double)d.y * d.y + (double)d.z * d.z);
	return 2.0 * atan2(v, fabs((double)d.w)) * BC_DEG_PER_RAD;
}

static bc_quat heading(uint64_t *rng)
{
	return bc_synth_rot_deg(Z, (float)(360.0 * bc_synth_uniform(rng)));
}

/*
 * Drives poses (caller's, read while d is in use) to the end of the last
 * hold: calibration must be done, with the heading known or not as said,
 * and the mounting found to within tol_deg.
 */
static void expect_calibrated(drive_ctx *d, const bc_synth_pose *poses, size_t n, bc_quat mount,
			      double rate_hz, bc_start_pose pose, bool heading_known,
			      double tol_deg)
{
	drive_start(d, poses, n, mount, rate_hz, pose);
	drive_until(d, hold_end_s(d, n - 1));
	assert_int_equal(d->calib.stage, BC_CALIB_DONE);
	assert_int_equal(d->calib.heading_known, heading_known);
	assert_float_near(quat_angle_deg(d->calib.q_sensor_from_body, mount), 0.0, tol_deg);
}

/* Tests */

static void test_lying_starts_recover_any_mounting(void **state)
{
	(void)state;
	uint64_t rng = 101;
	for (int m = 0; m < 200; m++) {
		bool supine = m % 2 == 0;
		bc_quat h = heading(&rng);
		/* The start pose is not exactly 90 degrees from standing. */
		float lie_deg = (float)(70.0 + 40.0 * bc_synth_uniform(&rng));
		bc_quat lying = bc_quat_mul(h, bc_synth_rot_deg(Y, supine ? -lie_deg : lie_deg));
		bc_synth_pose poses[] = {
			{ .q_earth_from_body = h, .hold_s = 3.5 },
			{ .q_earth_from_body = lying, .move_s = 2.0, .hold_s = 2.5 },
		};
		bc_quat mount = bc_synth_random_quat(&rng);
		drive_ctx d;
		expect_calibrated(&d, poses, 2, mount, 100.0,
				  supine ? BC_POSE_SUPINE : BC_POSE_TABLETOP, true, 0.05);
		assert_float_near(quat_angle_deg(d.calib.q_earth_from_body_start, lying), 0.0,
				  0.05);
	}
}

/* The wrong pose for the exercise gives a mounting turned by 180 degrees. */
static void test_tabletop_is_not_supine(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 90.0f), .move_s = 2.0, .hold_s = 2.5 },
	};
	drive_ctx d;
	drive_start(&d, poses, 2, bc_quat_identity, 100.0, BC_POSE_SUPINE);
	drive_until(&d, hold_end_s(&d, 1));
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	assert_float_near(quat_angle_deg(d.calib.q_sensor_from_body, bc_quat_identity), 180.0,
			  0.05);
}

static void test_sitting_forward_axis_from_the_lean(void **state)
{
	(void)state;
	uint64_t rng = 102;
	for (int m = 0; m < 100; m++) {
		bc_quat h = heading(&rng);
		float lean_deg = (float)(10.0 + 30.0 * bc_synth_uniform(&rng));
		/* Settling rolled back, or a little forward: not what sets x. */
		float sit_deg = (float)(-15.0 + 20.0 * bc_synth_uniform(&rng));
		bc_synth_pose poses[] = {
			{ .q_earth_from_body = h, .hold_s = 3.5 },
			{ .q_earth_from_body = bc_quat_mul(h, bc_synth_rot_deg(Y, lean_deg)),
			  .move_s = 1.0,
			  .hold_s = 0.0 },
			{ .q_earth_from_body = bc_quat_mul(h, bc_synth_rot_deg(Y, sit_deg)),
			  .move_s = 1.0,
			  .hold_s = 2.5 },
		};
		bc_quat mount = bc_synth_random_quat(&rng);
		drive_ctx d;
		expect_calibrated(&d, poses, 3, mount, 50.0, BC_POSE_SITTING, true, 0.1);
	}
}

/*
 * Straight down onto a chair without leaning: the push of lowering the body
 * says it sat; x from the seated roll-back, flagged a guess.
 */
static void test_sitting_without_lean_uses_the_seated_tilt(void **state)
{
	(void)state;
	uint64_t rng = 103;
	bc_quat h = heading(&rng);
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = h, .pos_m = { 0, 0, 1.0f }, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_quat_mul(h, bc_synth_rot_deg(Y, -6.0f)),
		  .pos_m = { -0.2f, 0, 0.55f },
		  .move_s = 1.5,
		  .hold_s = 2.5 },
	};
	bc_quat mount = bc_synth_random_quat(&rng);
	drive_ctx d;
	/*
	 * Heading a guess; with a pure roll-back the guess happens to be right,
	 * to a few degrees (a tenth of a degree of tilt is a degree of heading
	 * in a 6 degree roll-back).
	 */
	expect_calibrated(&d, poses, 2, mount, 100.0, BC_POSE_SITTING, false, 5.0);
}

/* Shifting the weight while standing tilts the pelvis a little: not sitting down. */
static void test_a_weight_shift_is_not_sitting_down(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(X, 3.0f),
		  .pos_m = { 0, 0.03f, 0 },
		  .move_s = 1.0,
		  .hold_s = 4.0 },
	};
	drive_ctx d;
	drive_start(&d, poses, 2, bc_synth_rot_deg(Y, 30.0f), 100.0, BC_POSE_SITTING);
	drive_until(&d, hold_end_s(&d, 1));
	assert_int_equal(d.calib.stage, BC_CALIB_GO_TO_START);
	assert_int_equal(d.calib.wait, BC_WAIT_STILL_UPRIGHT);
}

/*
 * Getting down to the floor with pauses (sitting on the floor, propped on the
 * elbows): neither is the start pose nor contradicts the upright: wait.
 */
static void test_pauses_on_the_way_down_are_waited_out(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -20.0f), .move_s = 1.5, .hold_s = 3.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -45.0f), .move_s = 1.5, .hold_s = 3.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -88.0f), .move_s = 1.5, .hold_s = 2.5 },
	};
	drive_ctx d;
	drive_start(&d, poses, 4, bc_synth_rot_deg(X, 120.0f), 100.0, BC_POSE_SUPINE);
	drive_until(&d, hold_end_s(&d, 2));
	assert_int_equal(d.calib.stage, BC_CALIB_GO_TO_START);
	assert_float_near(d.calib.progress, 0.0, 1e-6);
	drive_until(&d, hold_end_s(&d, 3));
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	assert_int_equal(d.max_resets, 0);
}

/*
 * Lying down is not the sitting start; the stand after it is a new upright,
 * and sitting down from there is.
 */
static void test_lying_is_not_the_sitting_start(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -85.0f), .move_s = 2.0, .hold_s = 2.5 },
		{ .q_earth_from_body = bc_quat_identity, .move_s = 2.0, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 30.0f), .move_s = 1.0, .hold_s = 0.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -5.0f), .move_s = 1.0, .hold_s = 2.5 },
	};
	drive_ctx d;
	drive_start(&d, poses, 5, bc_synth_rot_deg(Z, 70.0f), 100.0, BC_POSE_SITTING);
	drive_until(&d, hold_end_s(&d, 1));
	assert_int_equal(d.calib.stage, BC_CALIB_GO_TO_START);
	assert_int_equal(d.calib.wait, BC_WAIT_HALF_WAY);
	drive_until(&d, hold_end_s(&d, 4));
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	assert_true(d.calib.heading_known);
	assert_float_near(quat_angle_deg(d.calib.q_sensor_from_body, bc_synth_rot_deg(Z, 70.0f)),
			  0.0, 0.1);
}

/*
 * Lying on the back for long enough looks like an upright; a later pose
 * upside down from it (hands and knees) proves it was not one: it is dropped,
 * and the protocol done properly afterwards still calibrates.
 */
static void test_upside_down_drops_a_candidate(void **state)
{
	(void)state;
	bc_quat supine = bc_synth_rot_deg(Y, -90.0f), tabletop = bc_synth_rot_deg(Y, 90.0f);
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = supine, .pos_m = { 0, 0, 0.1f }, .hold_s = 4.0 },
		{ .q_earth_from_body = tabletop,
		  .pos_m = { 0, 0, 0.55f },
		  .move_s = 3.0,
		  .hold_s = 2.5 },
		{ .q_earth_from_body = bc_quat_identity,
		  .pos_m = { 0, 0, 1.0f },
		  .move_s = 2.0,
		  .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 35.0f),
		  .pos_m = { 0.1f, 0, 0.8f },
		  .move_s = 1.5,
		  .hold_s = 0.0 },
		{ .q_earth_from_body = tabletop,
		  .pos_m = { 0.2f, 0, 0.55f },
		  .move_s = 1.5,
		  .hold_s = 2.5 },
	};
	bc_quat mount = bc_synth_rot_deg(X, 120.0f);
	drive_ctx d;
	drive_start(&d, poses, 5, mount, 100.0, BC_POSE_TABLETOP);
	drive_until(&d, hold_end_s(&d, 1));
	assert_int_equal(d.calib.resets, 1);
	assert_int_equal(d.calib.stage, BC_CALIB_STAND);
	drive_until(&d, hold_end_s(&d, 4));
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	assert_float_near(quat_angle_deg(d.calib.q_sensor_from_body, mount), 0.0, 0.1);
}

/*
 * The way down tells the back from hands and knees: lying on the back comes
 * after sitting down (a forward lean), then leaning back; hands and knees
 * after leaning forward all the way.
 */
static void test_lying_on_the_back_is_not_hands_and_knees(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 30.0f), .move_s = 1.5, .hold_s = 0.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -15.0f), .move_s = 1.5, .hold_s = 1.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -95.0f), .move_s = 2.0, .hold_s = 4.0 },
	};
	drive_ctx d;
	drive_start(&d, poses, 4, bc_synth_rot_deg(X, 50.0f), 100.0, BC_POSE_TABLETOP);
	drive_until(&d, hold_end_s(&d, 3));
	assert_int_equal(d.calib.stage, BC_CALIB_GO_TO_START);
	assert_int_equal(d.calib.wait, BC_WAIT_ON_BACK);
	/* The same way down is fine where lying on the back is wanted. */
	expect_calibrated(&d, poses, 4, bc_synth_rot_deg(X, 50.0f), 100.0, BC_POSE_SUPINE, true,
			  0.1);
}

static void test_hands_and_knees_after_leaning_forward(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 40.0f), .move_s = 1.5, .hold_s = 0.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 10.0f), .move_s = 1.0, .hold_s = 0.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, 88.0f), .move_s = 1.5, .hold_s = 2.5 },
	};
	drive_ctx d;
	expect_calibrated(&d, poses, 4, bc_synth_rot_deg(Z, -30.0f), 100.0, BC_POSE_TABLETOP, true,
			  0.1);
}

/*
 * Recalibrating (the button) while lying on the floor: lying is not taken for
 * standing upright; the calibration asks to stand up, then carries on.
 */
static void test_recalibrating_on_the_floor_waits_for_a_stand(void **state)
{
	(void)state;
	bc_quat lying = bc_synth_rot_deg(Y, -90.0f);
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = lying, .move_s = 2.0, .hold_s = 8.0 },
		{ .q_earth_from_body = bc_quat_identity, .move_s = 2.0, .hold_s = 3.5 },
		{ .q_earth_from_body = lying, .move_s = 2.0, .hold_s = 2.5 },
	};
	drive_ctx d;
	drive_start(&d, poses, 4, bc_synth_rot_deg(Y, 20.0f), 100.0, BC_POSE_SUPINE);
	drive_until(&d, bc_synth_hold_start_s(&d.synth, 1) + 3.0);
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	bc_mounting_restart(&d.calib);
	drive_until(&d, hold_end_s(&d, 1));
	assert_int_equal(d.calib.stage, BC_CALIB_STAND);
	assert_int_equal(d.calib.wait, BC_WAIT_STAND_UP);
	assert_float_near(d.calib.progress, 0.0, 1e-6);
	drive_until(&d, hold_end_s(&d, 3));
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	assert_float_near(quat_angle_deg(d.calib.q_sensor_from_body, bc_synth_rot_deg(Y, 20.0f)),
			  0.0, 0.1);
}

/*
 * Real people sway, breathe and tremble while they stand: 10-20 deg/s of
 * gyro at the lower back, while the tilt stays within a degree. That is
 * standing still.
 */
static void test_a_swaying_trembling_stand_is_upright(void **state)
{
	(void)state;
	bc_quat mount = bc_synth_rot_deg(X, -70.0f);
	drive_ctx d;
	bc_synth_pose poses[] = { { .q_earth_from_body = bc_quat_identity, .hold_s = 10.0 } };
	drive_start(&d, poses, 1, mount, 200.0, BC_POSE_SUPINE);
	float max_rate_dps = 0.0f;
	bc_quat before = bc_quat_identity;
	while (d.t_s <= 3.3) {
		double t = d.t_s;
		/* Sway 0.6 deg at 0.25 Hz, breathing 0.3 deg at 0.3 Hz, tremor 0.25 deg at 9 Hz. */
		float sway = (float)(0.6 * sin(2 * M_PI * 0.25 * t) +
				     0.25 * sin(2 * M_PI * 9.0 * t));
		float breath = (float)(0.3 * sin(2 * M_PI * 0.3 * t + 1.0) +
				       0.25 * sin(2 * M_PI * 7.0 * t + 2.0));
		bc_quat now = bc_quat_mul(bc_synth_rot_deg(Y, sway), bc_synth_rot_deg(X, breath));
		/* The body's turn rate from one sample to the next, deg/s. */
		bc_vec3 turn = bc_quat_to_rotvec(bc_quat_mul(bc_quat_conj(before), now));
		float rate_dps = bc_vec3_norm(turn) * BC_DEG_PER_RAD / (float)d.dt_s;
		if (t > 0.0 && rate_dps > max_rate_dps)
			max_rate_dps = rate_dps;
		before = now;
		drive_sample(&d, now, bc_vec3_make(0, 0, 0));
		d.t_s += d.dt_s;
	}
	assert_true(max_rate_dps > 10.0f);
	assert_int_equal(d.calib.stage, BC_CALIB_GO_TO_START);
}

/* The progress ring fills with time, not samples (in steps of a 0.1 s block). */
static void test_progress_is_time_based(void **state)
{
	(void)state;
	static const double rates_hz[] = { 25.0, 100.0, 1000.0 };
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
	};
	for (size_t i = 0; i < 3; i++) {
		drive_ctx d;
		drive_start(&d, poses, 1, bc_quat_identity, rates_hz[i], BC_POSE_SUPINE);
		drive_until(&d, 1.5);
		assert_int_equal(d.calib.stage, BC_CALIB_STAND);
		assert_float_near(d.calib.progress, 0.5, 0.04);
		drive_until(&d, 3.2);
		assert_int_equal(d.calib.stage, BC_CALIB_GO_TO_START);
		assert_float_near(d.calib.progress, 0.0, 1e-6);
	}
}

static void test_restart_forgets_the_mounting(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -90.0f), .move_s = 2.0, .hold_s = 2.5 },
	};
	drive_ctx d;
	drive_start(&d, poses, 2, bc_synth_rot_deg(X, 40.0f), 100.0, BC_POSE_SUPINE);
	drive_until(&d, hold_end_s(&d, 1));
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
	bc_mounting_restart(&d.calib);
	assert_int_equal(d.calib.stage, BC_CALIB_STAND);
	assert_float_near(d.calib.progress, 0.0, 1e-6);
	assert_false(d.calib.heading_known);
	assert_float_near(quat_angle_deg(d.calib.q_sensor_from_body, bc_quat_identity), 0, 1e-6);
}

/* A new filter heading: the reference follows it about the vertical. */
static void test_earth_turn_moves_the_reference(void **state)
{
	(void)state;
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 3.5 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -90.0f), .move_s = 2.0, .hold_s = 2.5 },
	};
	drive_ctx d;
	drive_start(&d, poses, 2, bc_synth_rot_deg(X, 40.0f), 100.0, BC_POSE_SUPINE);
	drive_until(&d, hold_end_s(&d, 1));
	bc_quat turn = bc_synth_rot_deg(Z, 33.0f);
	bc_mounting_earth_turned(&d.calib, turn);
	bc_quat want = bc_quat_mul(turn, bc_synth_rot_deg(Y, -90.0f));
	assert_float_near(quat_angle_deg(d.calib.q_earth_from_body_start, want), 0.0, 0.05);
	assert_int_equal(d.calib.stage, BC_CALIB_DONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lying_starts_recover_any_mounting),
		cmocka_unit_test(test_tabletop_is_not_supine),
		cmocka_unit_test(test_sitting_forward_axis_from_the_lean),
		cmocka_unit_test(test_sitting_without_lean_uses_the_seated_tilt),
		cmocka_unit_test(test_a_weight_shift_is_not_sitting_down),
		cmocka_unit_test(test_pauses_on_the_way_down_are_waited_out),
		cmocka_unit_test(test_lying_is_not_the_sitting_start),
		cmocka_unit_test(test_upside_down_drops_a_candidate),
		cmocka_unit_test(test_lying_on_the_back_is_not_hands_and_knees),
		cmocka_unit_test(test_hands_and_knees_after_leaning_forward),
		cmocka_unit_test(test_recalibrating_on_the_floor_waits_for_a_stand),
		cmocka_unit_test(test_a_swaying_trembling_stand_is_upright),
		cmocka_unit_test(test_progress_is_time_based),
		cmocka_unit_test(test_restart_forgets_the_mounting),
		cmocka_unit_test(test_earth_turn_moves_the_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
