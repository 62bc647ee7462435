/* SPDX-License-Identifier: MIT */
/*
 * Body tracker end to end, from physics: a body follows the wearing protocol
 * (contract §3) with the sensor strapped on in random orientations; the
 * synthesised IMU samples go through the real filter, calibration and angle
 * code. Expected angles come from the body trajectory we made, never from
 * the code under test. Tolerances are ones any decent 6-axis filter meets.
 */
#include <math.h>
#include <string.h>

#include "body/body_tracker.h"
#include "support/imu_synth.h"
#include "support/test_support.h"

/* Definitions */

#define N_MOUNTINGS 16
/*
 * Tolerances against the body truth, degrees. The errors left are the
 * filter's (right after a movement, and its heading drift), plus the sway of
 * the start pose; measured worst cases over 64 mountings with both the first
 * and the VQF-style filter: sagittal 0.9, the other horizontal axis 2.1,
 * the vertical axis 3.3.
 */
#define ANGLE_TOL_DEG	1.5 /* sagittal: what the exercises measure */
#define CROSS_TOL_DEG	2.5 /* the other angle not about the start pose's vertical */
#define HEADING_TOL_DEG 4.0 /* the angle about the start pose's vertical */

static const bc_vec3 X = { 1, 0, 0 }, Y = { 0, 1, 0 }, Z = { 0, 0, 1 };

/* Key poses of the lower back, body frame relative to standing (earth = body). */
static bc_quat standing(void)
{
	return bc_quat_identity;
}
/* Lying on the back: the spine swung back by 90 degrees, belly (+x) up. */
static bc_quat supine(void)
{
	return bc_synth_rot_deg(Y, -90.0f);
}
/* Hands and knees: the spine swung forward by 90 degrees, back (-x) up. */
static bc_quat tabletop(void)
{
	return bc_synth_rot_deg(Y, 90.0f);
}

/* Where the pelvis is (earth frame, metres): getting down accelerates it. */
#define AT_STANDING .pos_m = { 0.0f, 0.0f, 1.0f }
#define AT_SUPINE   .pos_m = { -0.5f, 0.1f, 0.15f }
#define AT_TABLETOP .pos_m = { 0.3f, 0.0f, 0.7f }
#define AT_SITTING  .pos_m = { -0.25f, 0.0f, 0.5f }

/* pose then a turn of the body by deg about its own axis (body frame). */
static bc_quat then(bc_quat pose, bc_vec3 body_axis, float deg)
{
	return bc_quat_mul(pose, bc_synth_rot_deg(body_axis, deg));
}

typedef struct {
	bc_synth synth;
	bc_body_tracker tracker;
	bc_body_state last;
	bool reached_done;
	double done_at_s; /* relative time DONE was first reached */
	uint32_t dropouts;
} run_ctx;

/*
 * A random wearer: mounting, sample rate (25..200 Hz, jittered), start time,
 * gyro bias and noise seed; the body sways a little while "still".
 */
static void settings_for(bc_synth_settings *st, uint64_t *rng)
{
	static const double rates_hz[] = { 25.0, 50.0, 100.0, 100.0, 200.0 };
	double rate_hz = rates_hz[(size_t)(bc_synth_uniform(rng) * 5.0)];
	*st = (bc_synth_settings){
		.rate_hz = rate_hz,
		.jitter_s = 0.2 / rate_hz,
		.t0_s = 100.0 * bc_synth_uniform(rng),
		.q_sensor_from_body = bc_synth_random_quat(rng),
		.accel_noise_g = 0.004f,
		.gyro_noise_dps = 0.08f,
		.sway_deg = 0.4f,
		.sway_hz = 0.25f,
		.gyro_bias_dps = bc_vec3_make(2.0f * (float)(bc_synth_uniform(rng) - 0.5),
					      2.0f * (float)(bc_synth_uniform(rng) - 0.5),
					      2.0f * (float)(bc_synth_uniform(rng) - 0.5)),
		.seed = (uint64_t)(bc_synth_uniform(rng) * 1e15) + 1,
	};
}

/* The whole trajectory turned about the vertical: the wearer faces anywhere. */
static void face_random_heading(bc_synth_pose *poses, size_t n, uint64_t *rng)
{
	bc_quat h = bc_synth_rot_deg(Z, (float)(360.0 * bc_synth_uniform(rng)));
	for (size_t i = 0; i < n; i++)
		poses[i].q_earth_from_body = bc_quat_mul(h, poses[i].q_earth_from_body);
}

static void run_start(run_ctx *r, const bc_synth_settings *st, const bc_synth_pose *poses, size_t n,
		      bc_start_pose pose)
{
	memset(r, 0, sizeof(*r));
	bc_synth_init(&r->synth, st, poses, n);
	bc_body_tracker_init(&r->tracker, NULL, pose);
}

/*
 * Feeds samples up to relative time until_s (inclusive); samples with
 * relative time in [gap_from_s, gap_to_s) are lost (a dropout).
 */
static void run_until_gap(run_ctx *r, double until_s, double gap_from_s, double gap_to_s)
{
	bc_sample s;
	for (;;) {
		double t_next = (double)r->synth.k / r->synth.settings.rate_hz;
		if (t_next > until_s + 1e-9 || !bc_synth_next(&r->synth, &s))
			return;
		if (t_next >= gap_from_s && t_next < gap_to_s)
			continue;
		const bc_body_state *b = bc_body_tracker_update(&r->tracker, &s);
		r->last = *b;
		if (b->dropout)
			r->dropouts++;
		if (b->stage == BC_CALIB_DONE && !r->reached_done) {
			r->reached_done = true;
			r->done_at_s = t_next;
		}
	}
}

static void run_until(run_ctx *r, double until_s)
{
	run_until_gap(r, until_s, -1.0, -1.0);
}

/* Relative time at which key pose i's hold ends. */
static double hold_end_s(const run_ctx *r, size_t i)
{
	return bc_synth_hold_start_s(&r->synth, i) + r->synth.poses[i].hold_s;
}

/* Angle between two rotations, degrees. */
static double quat_angle_deg(bc_quat a, bc_quat b)
{
	/* atan2 of the difference rotation: well conditioned near zero. */
	bc_quat d = bc_quat_mul(bc_quat_conj(a), b);
	double v = sqrt((double)d.x * d.x + (double)d.y * d.y + (double)d.z * d.z);
	return 2.0 * atan2(v, fabs((double)d.w)) * BC_DEG_PER_RAD;
}

/* What the angles must be: computed from the body truth, not the tracker. */
static bc_body_angles truth_angles(bc_quat start_pose, bc_quat now_pose)
{
	bc_vec3 rv = bc_quat_to_rotvec(bc_quat_mul(bc_quat_conj(start_pose), now_pose));
	bc_body_angles a = { -rv.y * BC_DEG_PER_RAD, rv.x * BC_DEG_PER_RAD, rv.z * BC_DEG_PER_RAD };
	return a;
}

/*
 * Checks the tracker's angles against the truth: the body now (sway and all)
 * relative to key pose start_i, the start position. The intended movement
 * (sagittal/frontal/axial, nominal) must match that truth to within the
 * sway, which checks the scenario and the sign conventions themselves.
 * The turn about the start pose's vertical (frontal lying, axial sitting)
 * is what a 6-axis filter's heading drift spoils; no exercise uses it, so
 * it gets a looser tolerance.
 */
static void expect_angles(const run_ctx *r, size_t start_i, float sagittal_deg, float frontal_deg,
			  float axial_deg, const char *what, int mounting)
{
	const bc_body_state *b = &r->last;
	bc_body_angles want = truth_angles(r->synth.poses[start_i].q_earth_from_body,
					   bc_synth_body_at(&r->synth, r->synth.prev_t_rel_s));
	bool vertical_is_z = r->tracker.calib.pose == BC_POSE_SITTING;
	double tol_frontal = vertical_is_z ? CROSS_TOL_DEG : HEADING_TOL_DEG;
	double tol_axial = vertical_is_z ? HEADING_TOL_DEG : CROSS_TOL_DEG;

	assert_float_near(want.sagittal_deg, sagittal_deg, 1.0);
	assert_float_near(want.frontal_deg, frontal_deg, 1.0);
	assert_float_near(want.axial_deg, axial_deg, 1.0);
	bool ok = b->angles_valid &&
		  fabs(b->angles.sagittal_deg - want.sagittal_deg) <= ANGLE_TOL_DEG &&
		  fabs(b->angles.frontal_deg - want.frontal_deg) <= tol_frontal &&
		  fabs(b->angles.axial_deg - want.axial_deg) <= tol_axial;
	if (!ok) {
		bc_quat q_es_true = bc_quat_mul(bc_synth_body_at(&r->synth, r->synth.prev_t_rel_s),
						bc_quat_conj(r->synth.settings.q_sensor_from_body));
		bc_vec3 up_true = bc_quat_rotate(bc_quat_conj(q_es_true), bc_vec3_make(0, 0, 1));
		bc_vec3 up_est = bc_quat_rotate(bc_quat_conj(b->q_earth_from_sensor),
						bc_vec3_make(0, 0, 1));
		bc_quat ref = bc_body_tracker_q_earth_from_body_start(&r->tracker);
		bc_vec3 ref_up = bc_quat_rotate(bc_quat_conj(ref), bc_vec3_make(0, 0, 1));
		bc_vec3 ref_up_true = bc_quat_rotate(
			bc_quat_conj(r->synth.poses[start_i].q_earth_from_body),
			bc_vec3_make(0, 0, 1));
		print_error("  filter inclination error now %.2f deg, mounting error %.2f deg, "
			    "start reference inclination error %.2f deg\n",
			    bc_vec3_angle_deg(up_true, up_est),
			    quat_angle_deg(bc_body_tracker_q_sensor_from_body(&r->tracker),
					   r->synth.settings.q_sensor_from_body),
			    bc_vec3_angle_deg(ref_up, ref_up_true));
	}
	if (!ok)
		print_error("%s, mounting %d (%.0f Hz): got sag %.2f fr %.2f ax %.2f "
			    "(valid %d), want %.2f %.2f %.2f\n",
			    what, mounting, r->synth.settings.rate_hz, b->angles.sagittal_deg,
			    b->angles.frontal_deg, b->angles.axial_deg, b->angles_valid,
			    want.sagittal_deg, want.frontal_deg, want.axial_deg);
	assert_true(ok);
}

/* Supine protocol with one movement after the start: returns the poses. */
static size_t supine_session(bc_synth_pose *p, bc_quat moved)
{
	p[0] = (bc_synth_pose){ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 4.0 };
	p[1] = (bc_synth_pose){ AT_SUPINE, .q_earth_from_body = supine(), .move_s = 3.0,
				.hold_s = 3.0 };
	p[2] = (bc_synth_pose){ AT_SUPINE, .q_earth_from_body = moved, .move_s = 1.0,
				.hold_s = 3.0 };
	return 3;
}

/* Tests */

static void test_supine_posterior_tilt_any_mounting(void **state)
{
	(void)state;
	uint64_t rng = 11;
	for (int m = 0; m < N_MOUNTINGS; m++) {
		bc_synth_settings st;
		bc_synth_pose poses[3];
		run_ctx r;
		settings_for(&st, &rng);
		size_t n = supine_session(poses, then(supine(), Y, -10.0f));
		face_random_heading(poses, n, &rng);
		run_start(&r, &st, poses, n, BC_POSE_SUPINE);

		/* Calibrated during the supine hold, before the tilt starts. */
		run_until(&r, hold_end_s(&r, 1));
		assert_int_equal(r.last.stage, BC_CALIB_DONE);
		assert_true(r.last.heading_known);
		double mount_err = quat_angle_deg(bc_body_tracker_q_sensor_from_body(&r.tracker),
						  st.q_sensor_from_body);
		if (mount_err > 3.0)
			print_error("mounting %d: learned mounting off by %.2f deg\n", m,
				    mount_err);
		assert_true(mount_err <= 3.0);
		expect_angles(&r, 1, 0, 0, 0, "supine start", m);
		assert_float_near(r.last.trunk_incline_deg, 90.0, 3.0);

		run_until(&r, r.synth.duration_s);
		/* Posterior tilt is flexion: positive. */
		expect_angles(&r, 1, 10.0f, 0, 0, "posterior tilt 10", m);
		assert_float_near(r.last.tilt_from_start_deg, 10.0, ANGLE_TOL_DEG);
	}
}

/*
 * Still after big movements, the sagittal angle is the accelerometer's to
 * within a few tenths of a degree, whatever the filter's own settling: the
 * wearer rolls onto the side and back, then holds a 4 deg tilt (smaller
 * than the 5 deg rep threshold). Regression: the filter's tilt, off by up
 * to 0.9 deg for tens of seconds after a movement while its gyro bias was
 * still unknown, made shallow movements look like attempts. The truth is
 * the key pose, while the start reference is what the wearer held: the
 * mean over the start spell's settled 1.5 s of this body's 0.4 deg, 0.25 Hz
 * sway, up to 0.3 deg either side of the key pose (0.23 deg here, 0.32 on
 * aarch64, whose fused multiply-adds round differently).
 */
#define STILL_SAGITTAL_TOL_DEG 0.4

static void test_still_sagittal_follows_gravity_after_moving(void **state)
{
	(void)state;
	uint64_t rng = 21;
	double worst_deg = 0.0;
	for (int m = 0; m < N_MOUNTINGS; m++) {
		bc_synth_settings st;
		bc_synth_pose p[5];
		run_ctx r;
		settings_for(&st, &rng);
		/* An unlearned bias as large as a cheap gyro's at switch-on. */
		st.gyro_bias_dps = bc_vec3_scale(st.gyro_bias_dps, 2.5f);
		supine_session(p, then(supine(), Z, m % 2 ? 80.0f : -80.0f));
		p[2].move_s = 2.0;
		p[3] = (bc_synth_pose){ AT_SUPINE, .q_earth_from_body = supine(), .move_s = 2.0,
					.hold_s = 1.0 };
		p[4] = (bc_synth_pose){ AT_SUPINE, .q_earth_from_body = then(supine(), Y, -4.0f),
					.move_s = 1.0, .hold_s = 3.0 };
		face_random_heading(p, 5, &rng);
		run_start(&r, &st, p, 5, BC_POSE_SUPINE);
		run_until(&r, r.synth.duration_s);
		assert_true(r.last.angles_valid);
		bc_body_angles want = truth_angles(
			r.synth.poses[1].q_earth_from_body,
			bc_synth_body_at(&r.synth, r.synth.prev_t_rel_s));
		double err = fabs(r.last.angles.sagittal_deg - want.sagittal_deg);
		if (err > worst_deg)
			worst_deg = err;
	}
	print_message("worst sagittal error still after moving: %.2f deg\n", worst_deg);
	assert_true(worst_deg <= STILL_SAGITTAL_TOL_DEG);
}

static void test_supine_roll_about_spine_is_axial(void **state)
{
	(void)state;
	uint64_t rng = 12;
	for (int m = 0; m < N_MOUNTINGS; m++) {
		bc_synth_settings st;
		bc_synth_pose poses[3];
		run_ctx r;
		float roll_deg = m % 2 ? 12.0f : -12.0f;
		settings_for(&st, &rng);
		size_t n = supine_session(poses, then(supine(), Z, roll_deg));
		face_random_heading(poses, n, &rng);
		run_start(&r, &st, poses, n, BC_POSE_SUPINE);
		run_until(&r, r.synth.duration_s);

		/*
		 * A turn about +z (the spine, towards the head) by +12 degrees
		 * turns the belly towards the wearer's left: axial +12.
		 */
		bc_vec3 belly = bc_quat_rotate(bc_synth_rot_deg(Z, roll_deg), X);
		assert_true((belly.y > 0) == (roll_deg > 0));
		expect_angles(&r, 1, 0, 0, roll_deg, "roll about the spine", m);
	}
}

static void test_tabletop_cat_positive_cow_negative(void **state)
{
	(void)state;
	uint64_t rng = 13;
	for (int m = 0; m < N_MOUNTINGS; m++) {
		bc_synth_settings st;
		run_ctx r;
		settings_for(&st, &rng);
		/* Cat: the back rounds, pelvis tucks: z swings towards -x (about +y, negative). */
		bc_quat cat = then(tabletop(), Y, -8.0f);
		bc_quat cow = then(tabletop(), Y, 8.0f);
		bc_synth_pose poses[] = {
			{ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 4.0 },
			{ AT_TABLETOP, .q_earth_from_body = tabletop(), .move_s = 3.0,
			  .hold_s = 3.0 },
			{ AT_TABLETOP, .q_earth_from_body = cat, .move_s = 1.5, .hold_s = 2.0 },
			{ AT_TABLETOP, .q_earth_from_body = cow, .move_s = 2.0, .hold_s = 2.0 },
		};
		face_random_heading(poses, 4, &rng);
		run_start(&r, &st, poses, 4, BC_POSE_TABLETOP);
		run_until(&r, hold_end_s(&r, 1));
		assert_int_equal(r.last.stage, BC_CALIB_DONE);
		double mount_err = quat_angle_deg(bc_body_tracker_q_sensor_from_body(&r.tracker),
						  st.q_sensor_from_body);
		if (mount_err > 3.0)
			print_error("mounting %d: learned mounting off by %.2f deg\n", m,
				    mount_err);
		assert_true(mount_err <= 3.0);

		run_until(&r, hold_end_s(&r, 2));
		expect_angles(&r, 1, 8.0f, 0, 0, "cat", m);
		run_until(&r, r.synth.duration_s);
		expect_angles(&r, 1, -8.0f, 0, 0, "cow", m);
	}
}

/*
 * Sits down through a still lean of lean_deg forward (anterior tilt) held
 * lean_hold_s, settles rolled back 8 deg, then slumps 15 deg. Runs r, with a
 * fresh mounting from rng, to the end of the upright sitting hold, where
 * calibration must be done; the caller checks the slump. poses is the
 * caller's: the synthesiser reads it until r is done with.
 */
static void sit_down_through_lean(run_ctx *r, bc_synth_pose poses[4], uint64_t *rng, float lean_deg,
				  double lean_move_s, double lean_hold_s)
{
	bc_synth_settings st;
	settings_for(&st, rng);
	bc_quat sit = bc_synth_rot_deg(Y, -8.0f);
	const bc_synth_pose script[4] = {
		{ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 4.0 },
		{ AT_SITTING, .q_earth_from_body = bc_synth_rot_deg(Y, lean_deg),
		  .move_s = lean_move_s, .hold_s = lean_hold_s },
		{ AT_SITTING, .q_earth_from_body = sit, .move_s = 1.2, .hold_s = 3.0 },
		{ AT_SITTING, .q_earth_from_body = then(sit, Y, -15.0f), .move_s = 2.0,
		  .hold_s = 3.0 },
	};
	memcpy(poses, script, sizeof(script));
	face_random_heading(poses, 4, rng);
	run_start(r, &st, poses, 4, BC_POSE_SITTING);
	run_until(r, hold_end_s(r, 2));
	assert_int_equal(r->last.stage, BC_CALIB_DONE);
}

/*
 * Sitting down: the trunk leans forward (anterior tilt) on the way, then the
 * pelvis settles rolled back a little. The slump after that is flexion.
 */
static void test_sitting_slump_is_positive(void **state)
{
	(void)state;
	uint64_t rng = 14;
	for (int m = 0; m < N_MOUNTINGS; m++) {
		run_ctx r;
		bc_synth_pose poses[4];
		sit_down_through_lean(&r, poses, &rng, 30.0f, 1.2, 0.2);
		assert_true(r.last.heading_known);
		/* Sitting, the vertical is body z: heading drift goes to axial. */
		run_until(&r, r.synth.duration_s);
		expect_angles(&r, 2, 15.0f, 0, 0, "sitting slump", m);
		assert_float_near(r.last.trunk_incline_deg, 23.0, 2.0);
	}
}

/*
 * A slow sitter pauses, still, for 2.5 s leaning 20 deg forward on the way
 * down. That is not sitting upright: the start is the upright sitting pose
 * after it (regression: the pause was taken for the start, and sitting
 * upright then read as 28 deg off).
 */
static void test_sitting_pause_while_leaning_is_not_the_start(void **state)
{
	(void)state;
	uint64_t rng = 17;
	for (int m = 0; m < N_MOUNTINGS / 2; m++) {
		run_ctx r;
		bc_synth_pose poses[4];
		sit_down_through_lean(&r, poses, &rng, 20.0f, 1.5, 2.5);
		run_until(&r, r.synth.duration_s);
		expect_angles(&r, 2, 15.0f, 0, 0, "slump after a pause while sitting down", m);
	}
}

/* No lean while sitting down: the forward axis is a guess, and says so. */
static void test_sitting_without_lean_flags_heading_unknown(void **state)
{
	(void)state;
	uint64_t rng = 15;
	for (int m = 0; m < N_MOUNTINGS / 2; m++) {
		bc_synth_settings st;
		run_ctx r;
		settings_for(&st, &rng);
		bc_quat sit = bc_synth_rot_deg(Y, -5.0f);
		bc_quat slump = then(sit, Y, -15.0f);
		bc_synth_pose poses[] = {
			{ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 4.0 },
			{ AT_SITTING, .q_earth_from_body = sit, .move_s = 1.5, .hold_s = 3.0 },
			{ AT_SITTING, .q_earth_from_body = slump, .move_s = 2.0, .hold_s = 3.0 },
		};
		face_random_heading(poses, 3, &rng);
		run_start(&r, &st, poses, 3, BC_POSE_SITTING);
		run_until(&r, r.synth.duration_s);

		assert_int_equal(r.last.stage, BC_CALIB_DONE);
		assert_false(r.last.heading_known);
		/* The total tilt is right whatever the guessed heading. */
		assert_float_near(r.last.tilt_from_start_deg, 15.0, ANGLE_TOL_DEG);
	}
}

/*
 * A consumer that reads less gets less (bc_body_tracker_set_needs): what it
 * left out is NaN, what it reads is the very float it would have been. The
 * posture monitor's fallback tilt is there exactly while the heading is a
 * guess (sat down without a lean).
 */
static void test_needs_leave_the_rest_out(void **state)
{
	(void)state;
	for (int lean = 0; lean <= 1; lean++) {
		uint64_t rng = 21;
		bc_synth_settings st;
		settings_for(&st, &rng);
		bc_quat sit = bc_synth_rot_deg(Y, -5.0f);
		bc_synth_pose poses[] = {
			{ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 4.0 },
			{ AT_SITTING, .q_earth_from_body = bc_synth_rot_deg(Y, 30.0f),
			  .move_s = 1.2, .hold_s = 0.2 },
			{ AT_SITTING, .q_earth_from_body = sit, .move_s = 1.5, .hold_s = 3.0 },
			{ AT_SITTING, .q_earth_from_body = then(sit, Y, -15.0f), .move_s = 2.0,
			  .hold_s = 3.0 },
		};
		if (!lean)
			poses[1] = poses[2]; /* straight down to sitting: no lean on the way */
		run_ctx all, few;
		run_start(&all, &st, poses, 4, BC_POSE_SITTING);
		run_start(&few, &st, poses, 4, BC_POSE_SITTING);
		bc_body_tracker_set_needs(&few.tracker, BC_BODY_NEEDS_TILT_FALLBACK);
		run_until(&all, all.synth.duration_s);
		run_until(&few, few.synth.duration_s);

		assert_int_equal(few.last.stage, BC_CALIB_DONE);
		assert_int_equal(few.last.heading_known, lean);
		assert_memory_equal(&few.last.angles, &all.last.angles, sizeof(bc_body_angles));
		assert_true(isnan(few.last.trunk_incline_deg));
		assert_true(isnan(few.last.accel_earth_g.z));
		if (lean)
			assert_true(isnan(few.last.tilt_from_start_deg));
		else
			assert_memory_equal(&few.last.tilt_from_start_deg,
					    &all.last.tilt_from_start_deg, sizeof(float));
	}
}

/*
 * A stand well short of the protocol's 3 s is not learned as the upright, so
 * lying down after it calibrates nothing (the lying spell may then look like
 * an upright to the sensor, but nothing fits it). Well short: the first
 * half second of a slow movement stays within the tilt tolerance.
 */
static void test_short_stand_does_not_calibrate(void **state)
{
	(void)state;
	uint64_t rng = 16;
	for (int m = 0; m < 4; m++) {
		bc_synth_settings st;
		run_ctx r;
		settings_for(&st, &rng);
		bc_synth_pose poses[] = {
			{ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 2.0 },
			{ AT_SUPINE, .q_earth_from_body = supine(), .move_s = 3.0, .hold_s = 2.5 },
		};
		run_start(&r, &st, poses, 2, BC_POSE_SUPINE);
		float max_progress = 0;
		bc_sample s;
		while (bc_synth_next(&r.synth, &s)) {
			const bc_body_state *b = bc_body_tracker_update(&r.tracker, &s);
			assert_int_not_equal(b->stage, BC_CALIB_DONE);
			assert_false(b->angles_valid);
			if (r.synth.prev_t_rel_s < bc_synth_hold_start_s(&r.synth, 1)) {
				assert_int_equal(b->stage, BC_CALIB_STAND);
				max_progress = fmaxf(max_progress, b->stage_progress);
			}
		}
		/* The ring did fill most of the way while standing. */
		assert_true(max_progress > 0.5f && max_progress < 1.0f);
	}
}

/*
 * The wearer was on hands and knees, then lay on the back: upside down from
 * each other, so neither was an upright. The session then calibrates
 * properly from the stand after them.
 */
static void test_inconsistent_start_resets(void **state)
{
	(void)state;
	uint64_t rng = 17;
	for (int m = 0; m < N_MOUNTINGS / 2; m++) {
		bc_synth_settings st;
		run_ctx r;
		settings_for(&st, &rng);
		bc_synth_pose poses[] = {
			{ AT_TABLETOP, .q_earth_from_body = tabletop(), .hold_s = 4.0 },
			{ AT_SUPINE, .q_earth_from_body = supine(), .move_s = 3.0, .hold_s = 4.0 },
			{ AT_STANDING, .q_earth_from_body = standing(), .move_s = 3.0,
			  .hold_s = 4.0 },
			{ AT_SUPINE, .q_earth_from_body = supine(), .move_s = 3.0, .hold_s = 3.0 },
			{ AT_SUPINE, .q_earth_from_body = then(supine(), Y, -10.0f), .move_s = 1.0,
			  .hold_s = 3.0 },
		};
		face_random_heading(poses, 5, &rng);
		run_start(&r, &st, poses, 5, BC_POSE_SUPINE);

		run_until(&r, bc_synth_hold_start_s(&r.synth, 1) - 0.5);
		assert_int_equal(r.last.stage, BC_CALIB_GO_TO_START);
		run_until(&r, hold_end_s(&r, 1) - 0.5);
		assert_int_equal(r.last.stage, BC_CALIB_STAND);
		assert_int_equal(r.last.calib_resets, 1);
		assert_false(r.reached_done);

		run_until(&r, r.synth.duration_s);
		assert_true(r.reached_done);
		expect_angles(&r, 3, 10.0f, 0, 0, "after reset", m);
	}
}

/* The strap is taken off and put on differently: recalibrate learns the new mounting. */
static void test_recalibrate_learns_a_new_mounting(void **state)
{
	(void)state;
	uint64_t rng = 21;
	for (int m = 0; m < N_MOUNTINGS / 2; m++) {
		bc_synth_settings st;
		bc_synth_pose first[3], second[4];
		run_ctx r;
		settings_for(&st, &rng);
		size_t n = supine_session(first, then(supine(), Y, -10.0f));
		run_start(&r, &st, first, n, BC_POSE_SUPINE);
		run_until(&r, r.synth.duration_s);
		expect_angles(&r, 1, 10.0f, 0, 0, "first mounting", m);

		bc_body_tracker_recalibrate(&r.tracker);
		const bc_body_state *b = &r.tracker.state;
		assert_int_equal(b->stage, BC_CALIB_STAND);
		assert_float_near(b->stage_progress, 0.0, 1e-6);
		assert_false(b->angles_valid);

		/*
		 * Same tracker, same filter, time goes on; a new mounting. The
		 * sensor moves continuously: it starts where the old strap left
		 * it (the "body" pose that puts it there with the new mounting
		 * stands for the hands re-strapping it), then the wearer stands.
		 */
		bc_quat q_es_end = bc_quat_mul(bc_synth_body_at(&r.synth, r.synth.prev_t_rel_s),
					       bc_quat_conj(st.q_sensor_from_body));
		st.t0_s = r.last.t_s + 1.0 / st.rate_hz;
		st.q_sensor_from_body = bc_synth_random_quat(&rng);
		st.seed++;
		second[0] = (bc_synth_pose){ AT_SUPINE, .q_earth_from_body = bc_quat_mul(
								q_es_end, st.q_sensor_from_body) };
		supine_session(&second[1], then(supine(), Z, 12.0f));
		second[1].move_s = 3.0;
		second[1].hold_s = 5.0;
		bc_synth_init(&r.synth, &st, second, 4);
		r.reached_done = false;
		run_until(&r, hold_end_s(&r, 2));
		assert_true(r.reached_done);
		double mount_err = quat_angle_deg(bc_body_tracker_q_sensor_from_body(&r.tracker),
						  st.q_sensor_from_body);
		if (mount_err > 3.0)
			print_error("mounting %d: learned mounting off by %.2f deg\n", m,
				    mount_err);
		assert_true(mount_err <= 3.0);
		run_until(&r, r.synth.duration_s);
		expect_angles(&r, 2, 0, 0, 12.0f, "second mounting", m);
	}
}

/* Another exercise, another start pose: the protocol starts over for it. */
static void test_set_start_pose_restarts_protocol(void **state)
{
	(void)state;
	uint64_t rng = 18;
	bc_synth_settings st;
	run_ctx r;
	settings_for(&st, &rng);
	bc_synth_pose poses[] = {
		{ AT_STANDING, .q_earth_from_body = standing(), .hold_s = 4.0 },
		{ AT_SUPINE, .q_earth_from_body = supine(), .move_s = 3.0, .hold_s = 3.0 },
		{ AT_STANDING, .q_earth_from_body = standing(), .move_s = 3.0, .hold_s = 4.0 },
		{ AT_TABLETOP, .q_earth_from_body = tabletop(), .move_s = 3.0, .hold_s = 3.0 },
		{ AT_TABLETOP, .q_earth_from_body = then(tabletop(), Y, -9.0f), .move_s = 1.0,
		  .hold_s = 3.0 },
	};
	run_start(&r, &st, poses, 5, BC_POSE_SUPINE);
	run_until(&r, hold_end_s(&r, 1));
	assert_int_equal(r.last.stage, BC_CALIB_DONE);

	/* Next exercise: cat-cow, on all fours. */
	bc_body_tracker_set_start_pose(&r.tracker, BC_POSE_TABLETOP);
	const bc_body_state *b = &r.tracker.state;
	assert_int_equal(b->stage, BC_CALIB_STAND);
	assert_float_near(b->stage_progress, 0.0, 1e-6);
	assert_false(b->angles_valid);

	run_until(&r, hold_end_s(&r, 3));
	assert_int_equal(r.last.stage, BC_CALIB_DONE);
	expect_angles(&r, 3, 0, 0, 0, "recalibrated start", 0);
	run_until(&r, r.synth.duration_s);
	expect_angles(&r, 3, 9.0f, 0, 0, "recalibrated cat", 0);
}

/* A 1 s gap while holding a tilt: calibration kept, angles back after it. */
static void test_dropout_keeps_calibration(void **state)
{
	(void)state;
	uint64_t rng = 19;
	for (int m = 0; m < N_MOUNTINGS / 2; m++) {
		bc_synth_settings st;
		bc_synth_pose poses[3];
		run_ctx r;
		settings_for(&st, &rng);
		size_t n = supine_session(poses, then(supine(), Y, -10.0f));
		poses[2].hold_s = 6.0;
		face_random_heading(poses, n, &rng);
		run_start(&r, &st, poses, n, BC_POSE_SUPINE);

		double gap_from = bc_synth_hold_start_s(&r.synth, 2) + 1.0;
		assert_true(gap_from + 1.0 < hold_end_s(&r, 2) - 3.0);
		run_until(&r, gap_from - 1e-6);
		assert_int_equal(r.dropouts, 0);
		/* Up to the first sample after the gap. */
		run_until_gap(&r, gap_from + 1.0 + 0.5 / r.synth.settings.rate_hz, gap_from,
			      gap_from + 1.0);
		assert_int_equal(r.dropouts, 1);
		assert_true(r.last.dropout);
		assert_int_equal(r.last.stage, BC_CALIB_DONE);
		run_until(&r, r.synth.duration_s);
		assert_int_equal(r.dropouts, 1);
		assert_false(r.last.dropout);
		expect_angles(&r, 1, 10.0f, 0, 0, "after dropout", m);
	}
}

static void test_rejected_sample_changes_nothing(void **state)
{
	(void)state;
	uint64_t rng = 20;
	bc_synth_settings st;
	bc_synth_pose poses[3];
	run_ctx r;
	settings_for(&st, &rng);
	size_t n = supine_session(poses, then(supine(), Y, -10.0f));
	run_start(&r, &st, poses, n, BC_POSE_SUPINE);
	run_until(&r, r.synth.duration_s - 1.0);
	assert_int_equal(r.last.stage, BC_CALIB_DONE);

	bc_body_state before = r.last;
	/* Rejected by any filter: no usable rate, or time going backwards. */
	bc_sample bad = { .t_s = before.t_s + 0.001,
			  .accel_g = { 0, 0, 1 },
			  .gyro_dps = { NAN, 0, 0 } };
	const bc_body_state *b = bc_body_tracker_update(&r.tracker, &bad);
	assert_true(b->sample_rejected);
	assert_true(b->t_s == before.t_s);
	assert_int_equal(b->stage, before.stage);
	assert_true(b->angles.sagittal_deg == before.angles.sagittal_deg);
	bc_sample late = { .t_s = before.t_s - 0.5, .accel_g = { 0, 0, 1 } };
	b = bc_body_tracker_update(&r.tracker, &late);
	assert_true(b->sample_rejected);
	assert_true(b->t_s == before.t_s);
	assert_true(b->angles.sagittal_deg == before.angles.sagittal_deg);
	/*
	 * An unusable accelerometer alone: a filter may reject the sample or
	 * fuse its gyro; either way nothing downstream may be poisoned.
	 */
	bc_sample no_accel = { .t_s = before.t_s + 0.002, .accel_g = { NAN, 0, 1 } };
	b = bc_body_tracker_update(&r.tracker, &no_accel);
	assert_int_equal(b->stage, BC_CALIB_DONE);
	/* And the next good sample goes on as before. */
	run_until(&r, r.synth.duration_s);
	assert_false(r.last.sample_rejected);
	expect_angles(&r, 1, 10.0f, 0, 0, "after rejected samples", 0);
}

/* The expected-angle helper itself, against hand-worked directions. */
static void test_sign_conventions_of_truth(void **state)
{
	(void)state;
	/* Posterior tilt: the top of the spine (z) moves towards -x. */
	bc_quat post = bc_synth_rot_deg(Y, -10.0f);
	assert_true(bc_quat_rotate(post, Z).x < 0);
	assert_float_near(truth_angles(bc_quat_identity, post).sagittal_deg, 10.0, 1e-3);
	/* Side tilt about +x positive: the top of the spine towards the right (-y). */
	bc_quat side = bc_synth_rot_deg(X, 10.0f);
	assert_true(bc_quat_rotate(side, Z).y < 0);
	assert_float_near(truth_angles(bc_quat_identity, side).frontal_deg, 10.0, 1e-3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sign_conventions_of_truth),
		cmocka_unit_test(test_supine_posterior_tilt_any_mounting),
		cmocka_unit_test(test_supine_roll_about_spine_is_axial),
		cmocka_unit_test(test_still_sagittal_follows_gravity_after_moving),
		cmocka_unit_test(test_tabletop_cat_positive_cow_negative),
		cmocka_unit_test(test_sitting_slump_is_positive),
		cmocka_unit_test(test_sitting_pause_while_leaning_is_not_the_start),
		cmocka_unit_test(test_sitting_without_lean_flags_heading_unknown),
		cmocka_unit_test(test_needs_leave_the_rest_out),
		cmocka_unit_test(test_short_stand_does_not_calibrate),
		cmocka_unit_test(test_inconsistent_start_resets),
		cmocka_unit_test(test_recalibrate_learns_a_new_mounting),
		cmocka_unit_test(test_set_start_pose_restarts_protocol),
		cmocka_unit_test(test_dropout_keeps_calibration),
		cmocka_unit_test(test_rejected_sample_changes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
