/* SPDX-License-Identifier: MIT */
/* Body angles: see body_angles.h and the sign conventions in body_state.h. */
#include "body/body_angles.h"

/* Functions */

/*
 * bc_quat_to_rotvec, every sample. Within 45 deg of the start (|q.xyz| = s
 * <= tan(pi/8) q.w) the vector's scale 2 atan(s / w) / s is (2 / w) times
 * atan's series in s^2 / w^2 (atan2_float.h): no square root, no atan2, and
 * in double, so the same floats but for a last-bit rounding now and then.
 */
static bc_vec3 rotvec_from_start(bc_quat q)
{
	const double tan2_pi_8 = 0.17157287525380990239; /* tan^2(pi/8) */
	if (q.w < 0.0f)
		q = bc_quat_make(-q.w, -q.x, -q.y, -q.z);
	double x = q.x, y = q.y, z = q.z, w = q.w;
	double s2 = x * x + y * y + z * z;
	if (!(w > 0.0 && s2 <= tan2_pi_8 * w * w)) /* also NaN */
		return bc_quat_to_rotvec(q);
	double inv_w = 1.0 / w;
	double scale = 2.0 * inv_w * bc_atan_ratio(s2 * inv_w * inv_w);
	return bc_vec3_make((float)(x * scale), (float)(y * scale), (float)(z * scale));
}

bc_body_angles bc_body_angles_from_start(bc_quat q_earth_from_body_start,
					 bc_quat q_earth_from_body_now)
{
	/* q_start_from_now: now's body axes seen in the start body frame. */
	bc_quat q_rel = bc_quat_mul(bc_quat_conj(q_earth_from_body_start), q_earth_from_body_now);
	bc_vec3 rv = rotvec_from_start(q_rel);
	bc_body_angles a = {
		.sagittal_deg = -rv.y * BC_DEG_PER_RAD,
		.frontal_deg = rv.x * BC_DEG_PER_RAD,
		.axial_deg = rv.z * BC_DEG_PER_RAD,
	};
	return a;
}

/*
 * q rotating earth/body z (0, 0, 1): bc_quat_rotate's sums with its products
 * by 0 and 1 left out. Each kept product and sum rounds as there, so the
 * result is the same float for about half the work (twice every sample).
 */
static bc_vec3 rotate_z(bc_quat q)
{
	float tx = 2.0f * q.y, ty = 2.0f * -q.x; /* t = 2 (q.xyz x z) */
	return bc_vec3_make(tx * q.w - q.z * ty, ty * q.w + q.z * tx, 1.0f + (q.x * ty - q.y * tx));
}

/* bc_vec3_angle_deg(a, z), the same way: |a x z| and a . z without the zeros. */
static float angle_from_z_deg(bc_vec3 a)
{
	return bc_atan2f(sqrtf(a.y * a.y + a.x * a.x), a.z) * BC_DEG_PER_RAD;
}

float bc_body_trunk_incline_deg(bc_quat q_earth_from_body)
{
	return angle_from_z_deg(rotate_z(q_earth_from_body));
}

bc_vec3 bc_body_earth_up(bc_quat q_earth_from_body)
{
	return rotate_z(bc_quat_conj(q_earth_from_body));
}

float bc_body_tilt_from_up_deg(bc_vec3 up_at_start, bc_quat q_earth_from_body_now)
{
	return bc_vec3_angle_deg(up_at_start, bc_body_earth_up(q_earth_from_body_now));
}

float bc_body_tilt_from_start_deg(bc_quat q_earth_from_body_start, bc_quat q_earth_from_body_now)
{
	return bc_body_tilt_from_up_deg(bc_body_earth_up(q_earth_from_body_start),
					q_earth_from_body_now);
}
