/* SPDX-License-Identifier: MIT */
/* Quaternion and vector identities the whole pipeline relies on. */
#include <math.h>

#include "core/math3d.h"
#include "support/test_support.h"

static void test_rotation_about_y_moves_z_towards_x(void **state)
{
	(void)state;
	bc_quat q = bc_quat_from_axis_angle(bc_vec3_make(0, 1, 0), 0.5f);
	bc_vec3 z = bc_quat_rotate(q, bc_vec3_make(0, 0, 1));
	assert_float_near(z.x, sinf(0.5f), 1e-6);
	assert_float_near(z.z, cosf(0.5f), 1e-6);
}

static void test_rotvec_round_trip(void **state)
{
	(void)state;
	bc_vec3 r = bc_vec3_make(0.3f, -1.1f, 0.7f);
	bc_vec3 back = bc_quat_to_rotvec(bc_quat_from_rotvec(r));
	assert_float_near(back.x, r.x, 1e-5);
	assert_float_near(back.y, r.y, 1e-5);
	assert_float_near(back.z, r.z, 1e-5);
}

static void test_two_vectors_and_axes(void **state)
{
	(void)state;
	bc_vec3 from = bc_vec3_normalize(bc_vec3_make(1, 2, 3));
	bc_vec3 to = bc_vec3_normalize(bc_vec3_make(-2, 0.5f, 1));
	bc_vec3 got = bc_quat_rotate(bc_quat_from_two_vectors(from, to), from);
	assert_float_near(bc_vec3_angle_deg(got, to), 0, 1e-3);

	bc_quat q = bc_quat_normalize(bc_quat_make(0.2f, -0.7f, 0.4f, 0.5f));
	bc_quat r = bc_quat_from_axes(bc_quat_rotate(q, bc_vec3_make(1, 0, 0)),
				      bc_quat_rotate(q, bc_vec3_make(0, 1, 0)),
				      bc_quat_rotate(q, bc_vec3_make(0, 0, 1)));
	float dot = fabsf(q.w * r.w + q.x * r.x + q.y * r.y + q.z * r.z);
	assert_float_near(dot, 1.0f, 1e-5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rotation_about_y_moves_z_towards_x),
		cmocka_unit_test(test_rotvec_round_trip),
		cmocka_unit_test(test_two_vectors_and_axes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
