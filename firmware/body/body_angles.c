/* SPDX-License-Identifier: MIT */
/* Body angles: see body_angles.h and the sign conventions in body_state.h. */
#include "body/body_angles.h"

static const bc_vec3 earth_up = { 0.0f, 0.0f, 1.0f };

/* Functions */

bc_body_angles bc_body_angles_from_start(bc_quat q_earth_from_body_start,
					 bc_quat q_earth_from_body_now)
{
	/* q_start_from_now: now's body axes seen in the start body frame. */
	bc_quat q_rel = bc_quat_mul(bc_quat_conj(q_earth_from_body_start), q_earth_from_body_now);
	bc_vec3 rv = bc_quat_to_rotvec(q_rel);
	bc_body_angles a = {
		.sagittal_deg = -rv.y * BC_DEG_PER_RAD,
		.frontal_deg = rv.x * BC_DEG_PER_RAD,
		.axial_deg = rv.z * BC_DEG_PER_RAD,
	};
	return a;
}

float bc_body_trunk_incline_deg(bc_quat q_earth_from_body)
{
	bc_vec3 spine = bc_quat_rotate(q_earth_from_body, bc_vec3_make(0, 0, 1));
	return bc_vec3_angle_deg(spine, earth_up);
}

float bc_body_tilt_from_start_deg(bc_quat q_earth_from_body_start, bc_quat q_earth_from_body_now)
{
	bc_vec3 up_start = bc_quat_rotate(bc_quat_conj(q_earth_from_body_start), earth_up);
	bc_vec3 up_now = bc_quat_rotate(bc_quat_conj(q_earth_from_body_now), earth_up);
	return bc_vec3_angle_deg(up_start, up_now);
}
