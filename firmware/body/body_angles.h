/* SPDX-License-Identifier: MIT */
/*
 * The lower back's angles from its orientation: relative to the start
 * position (sagittal / frontal / axial, body_state.h) and against gravity.
 */
#ifndef BC_BODY_ANGLES_H
#define BC_BODY_ANGLES_H

#include "body/body_state.h"
#include "core/math3d.h"

/*
 * The turn from the start orientation to now as a rotation vector in the
 * start body frame, in degrees: sagittal = -rv.y (flexion / posterior tilt
 * positive), frontal = rv.x, axial = rv.z. Both arguments q_earth_from_body.
 */
bc_body_angles bc_body_angles_from_start(bc_quat q_earth_from_body_start,
					 bc_quat q_earth_from_body_now);

/* Angle of the body z axis (up the spine) from earth up, degrees 0..180. */
float bc_body_trunk_incline_deg(bc_quat q_earth_from_body);

/*
 * How far the body has tilted from its start orientation, ignoring any turn
 * about the earth vertical (which a 6-axis filter cannot see and lets drift):
 * the angle between earth-up seen from the body at the start and now, degrees.
 */
float bc_body_tilt_from_start_deg(bc_quat q_earth_from_body_start, bc_quat q_earth_from_body_now);

/* Earth-up seen from the body (body frame, unit): what a still accelerometer would show. */
bc_vec3 bc_body_earth_up(bc_quat q_earth_from_body);

/*
 * bc_body_tilt_from_start_deg with the start's earth-up (bc_body_earth_up of
 * the start orientation) worked out once, not every sample: the same float.
 */
float bc_body_tilt_from_up_deg(bc_vec3 up_at_start, bc_quat q_earth_from_body_now);

#endif /* BC_BODY_ANGLES_H */
