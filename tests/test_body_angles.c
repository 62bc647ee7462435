/* SPDX-License-Identifier: MIT */
/*
 * Body angle sign conventions (contract §4, body_state.h), worked out from
 * where the body axes end up, not from the formula under test.
 */
#include <math.h>

#include "body/body_angles.h"
#include "support/imu_synth.h"
#include "support/test_support.h"

/* Definitions */

static const bc_vec3 X = { 1, 0, 0 }, Y = { 0, 1, 0 }, Z = { 0, 0, 1 };

/* Lying on the back: belly (+x) up. */
static bc_quat supine(void)
{
	return bc_synth_rot_deg(Y, -90.0f);
}

/* Tests */

/*
 * Lying on the back, a posterior tilt presses the top of the sacrum to the
 * floor: the spine's axis (z, pointing to the head) tips towards the floor.
 */
static void test_supine_posterior_tilt_is_positive_sagittal(void **state)
{
	(void)state;
	bc_quat start = supine();
	bc_quat now = bc_quat_mul(start, bc_synth_rot_deg(Y, -10.0f));
	bc_vec3 spine = bc_quat_rotate(now, Z);
	assert_true(spine.z < 0.0f); /* the head end dips: top of the pelvis to the floor */
	bc_body_angles a = bc_body_angles_from_start(start, now);
	assert_float_near(a.sagittal_deg, 10.0, 1e-3);
	assert_float_near(a.frontal_deg, 0.0, 1e-3);
	assert_float_near(a.axial_deg, 0.0, 1e-3);
	assert_float_near(bc_body_trunk_incline_deg(now), 100.0, 1e-3);
	assert_float_near(bc_body_tilt_from_start_deg(start, now), 10.0, 1e-3);
}

/* Standing, a slump or tucking the tail under moves the spine's top backwards. */
static void test_standing_slump_is_positive_sagittal(void **state)
{
	(void)state;
	bc_quat now = bc_synth_rot_deg(Y, -12.0f);
	assert_true(bc_quat_rotate(now, Z).x < 0.0f);
	bc_body_angles a = bc_body_angles_from_start(bc_quat_identity, now);
	assert_float_near(a.sagittal_deg, 12.0, 1e-3);
	/* A forward hunch from the hips is the other way. */
	a = bc_body_angles_from_start(bc_quat_identity, bc_synth_rot_deg(Y, 12.0f));
	assert_float_near(a.sagittal_deg, -12.0, 1e-3);
}

/* Rolled to one side: the left hip drops when the belly turns to the left. */
static void test_roll_about_the_spine_is_axial(void **state)
{
	(void)state;
	bc_quat start = supine();
	bc_quat now = bc_quat_mul(start, bc_synth_rot_deg(Z, 15.0f));
	bc_vec3 left = bc_quat_rotate(now, Y); /* left side, earth frame */
	assert_true(left.z < 0.0f);	       /* the left hip is lower */
	bc_body_angles a = bc_body_angles_from_start(start, now);
	assert_float_near(a.axial_deg, 15.0, 1e-3);
	assert_float_near(a.sagittal_deg, 0.0, 1e-3);
	assert_float_near(a.frontal_deg, 0.0, 1e-3);
	assert_float_near(bc_body_tilt_from_start_deg(start, now), 15.0, 1e-3);
}

/* Side tilt about +x: standing, the top of the spine leans to the right. */
static void test_side_tilt_is_frontal(void **state)
{
	(void)state;
	bc_quat now = bc_synth_rot_deg(X, 8.0f);
	assert_true(bc_quat_rotate(now, Z).y < 0.0f);
	bc_body_angles a = bc_body_angles_from_start(bc_quat_identity, now);
	assert_float_near(a.frontal_deg, 8.0, 1e-3);
}

/*
 * A 6-axis filter's heading drift is a turn about earth vertical. Lying on
 * the back that is body x: it shows in frontal only, and tilt_from_start
 * does not see it at all.
 */
static void test_heading_drift_lands_in_frontal_when_supine(void **state)
{
	(void)state;
	bc_quat start = supine();
	bc_quat tilted = bc_quat_mul(start, bc_synth_rot_deg(Y, -10.0f));
	bc_quat drifted = bc_quat_mul(bc_synth_rot_deg(Z, 5.0f), tilted);
	bc_body_angles a = bc_body_angles_from_start(start, drifted);
	assert_float_near(a.sagittal_deg, 10.0, 0.1);
	assert_float_near(a.frontal_deg, 5.0, 0.1);
	assert_float_near(a.axial_deg, 0.0, 0.5);
	assert_float_near(bc_body_tilt_from_start_deg(start, drifted), 10.0, 1e-3);
}

/*
 * The per-sample shortcuts (rotating only z, the start's up worked out once)
 * give the very float the general formulas give: replay's answers must not
 * move by a bit. Random orientations, and turns by exactly 0 and 180 deg.
 */
static void test_shortcuts_are_bit_identical(void **state)
{
	(void)state;
	uint64_t rng = 11;
	bc_quat special[] = { bc_quat_identity,
			      { 0, 1, 0, 0 },
			      { 0, 0, 1, 0 },
			      { 0, 0, 0, 1 },
			      { 0.5f, -0.5f, 0.5f, -0.5f } };
	int n_special = (int)(sizeof(special) / sizeof(special[0]));
	for (int i = 0; i < 20000; i++) {
		bc_quat start = i < n_special ? special[i] : bc_synth_random_quat(&rng);
		bc_quat now = i < n_special ? special[n_special - 1 - i]
					    : bc_synth_random_quat(&rng);
		float incline = bc_vec3_angle_deg(bc_quat_rotate(now, Z), Z);
		bc_vec3 up_start = bc_quat_rotate(bc_quat_conj(start), Z);
		float tilt = bc_vec3_angle_deg(up_start, bc_quat_rotate(bc_quat_conj(now), Z));
		float fast_incline = bc_body_trunk_incline_deg(now);
		float fast_tilt = bc_body_tilt_from_start_deg(start, now);
		bc_vec3 fast_up_start = bc_body_earth_up(start);
		assert_memory_equal(&incline, &fast_incline, sizeof(float));
		assert_memory_equal(&tilt, &fast_tilt, sizeof(float));
		assert_memory_equal(&up_start, &fast_up_start, sizeof(bc_vec3));
	}
}

/*
 * The angles' own rotation vector (no square root, no atan2 within 45 deg of
 * the start) is the general bc_quat_to_rotvec's to a float's last bits, on
 * both sides of 45 deg and near 0, and about 0 for no turn.
 */
static void test_angles_match_the_general_rotation_vector(void **state)
{
	(void)state;
	uint64_t rng = 5;
	for (int i = 0; i < 20000; i++) {
		bc_quat start = bc_synth_random_quat(&rng);
		bc_quat axis_q = bc_synth_random_quat(&rng);
		bc_vec3 axis = bc_vec3_normalize(bc_vec3_make(axis_q.x, axis_q.y, axis_q.z));
		float turn_deg = (float)(i % 700) * 0.1f * (i % 3 ? 1.0f : 1e-4f); /* 0..70, tiny */
		bc_quat now = bc_quat_mul(start, bc_synth_rot_deg(axis, turn_deg));
		bc_vec3 rv = bc_quat_to_rotvec(bc_quat_mul(bc_quat_conj(start), now));
		bc_body_angles a = bc_body_angles_from_start(start, now);
		float want[3] = { -rv.y * BC_DEG_PER_RAD, rv.x * BC_DEG_PER_RAD,
				  rv.z * BC_DEG_PER_RAD };
		float got[3] = { a.sagittal_deg, a.frontal_deg, a.axial_deg };
		for (int k = 0; k < 3; k++)
			if (!(fabsf(got[k] - want[k]) <= 1e-6f * turn_deg + 1e-9f))
				fail_msg("turn %.4f deg: component %d is %.9g, want %.9g", turn_deg,
					 k, got[k], want[k]);
	}
	bc_quat q = bc_synth_random_quat(&rng);
	bc_body_angles none = bc_body_angles_from_start(q, q);
	assert_true(fabsf(none.sagittal_deg) + fabsf(none.frontal_deg) + fabsf(none.axial_deg) <
		    1e-3f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_supine_posterior_tilt_is_positive_sagittal),
		cmocka_unit_test(test_standing_slump_is_positive_sagittal),
		cmocka_unit_test(test_roll_about_the_spine_is_axial),
		cmocka_unit_test(test_side_tilt_is_frontal),
		cmocka_unit_test(test_heading_drift_lands_in_frontal_when_supine),
		cmocka_unit_test(test_shortcuts_are_bit_identical),
		cmocka_unit_test(test_angles_match_the_general_rotation_vector),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
