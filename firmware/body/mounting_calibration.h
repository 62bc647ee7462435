/* SPDX-License-Identifier: MIT */
/*
 * Mounting calibration: the wearing protocol (contract §3) as a state
 * machine that learns q_sensor_from_body for a sensor strapped on in any
 * orientation, from the filter's orientation and the stillness detector.
 *
 * STAND: the first still spell of upright_hold_s gives earth-up in the sensor
 *   frame; that is the body z axis (up the spine). Up during a still spell
 *   is the mean accelerometer direction (see spell_add() for why not the
 *   filter's). We cannot check that the
 *   wearer really stood without knowing the mounting, so the spell is
 *   accepted and checked later against the start pose.
 * GO_TO_START: a new still spell (after moving) of start_hold_s whose up
 *   vector fits the start pose gives the forward axis x:
 *   - SUPINE: earth-up is body +x (belly up);
 *   - TABLETOP: earth-up is body -x (back up);
 *   - SITTING: up is nearly body z, so x is not observable from the two
 *     poses; it comes from the forward lean while sitting down (anterior
 *     tilt: earth-up seen from the body swings towards -x). Without a clear
 *     lean, the sitting pose's own tilt is used (pelvis rolled back when
 *     seated: up towards +x) and heading_known is false.
 *   A sitting spell still leaning the way of that lean by more than
 *   sit_forward_max_deg is a pause on the way down (a slow sitter), not
 *   sitting upright: waited out.
 *   A spell that contradicts the upright (lying poses: up_start more than
 *   lying_tilt_deg + lying_tol_deg from up_upright, i.e. upside down;
 *   sitting: more than lying_tilt_deg - lying_tol_deg, i.e. lying) proves the
 *   "upright" spell was not upright: back to STAND, progress 0, and the
 *   vertical is learned from the next still spell (the contradicting one is
 *   most likely the opposite lying pose, not standing). A spell that
 *   fits neither (still near upright, or half way down) is waited out.
 * DONE: q_earth_from_body_start = mean q_earth_from_sensor over the start
 *   spell (weighted towards its end, where the filter has settled after the
 *   movement; its tilt set by the accelerometer) ⊗ q_sensor_from_body. It is not refined after that: a slow
 *   start of the exercise (below the stillness threshold) must not be
 *   absorbed into the reference.
 *
 * No heap, no I/O; a handful of vector operations per sample.
 */
#ifndef BC_MOUNTING_CALIBRATION_H
#define BC_MOUNTING_CALIBRATION_H

#include <stdbool.h>
#include <stdint.h>

#include "body/body_state.h"
#include "coach/exercise.h"
#include "core/math3d.h"

typedef struct {
	float upright_hold_s;      /* still this long in STAND learns body z, seconds */
	float start_hold_s;        /* still this long in the start pose finishes, seconds */
	float upright_max_tilt_deg; /* sitting start: up within this of the upright up, degrees */
	float lying_tilt_deg;      /* lying start: up this far from the upright up, degrees (90) */
	float lying_tol_deg;       /* ... give or take this, degrees */
	float lean_min_deg;        /* sitting: a lean this large while sitting down sets x, degrees */
	float sit_forward_max_deg; /* sitting: a spell still leaning forward (the way of that
				    * lean) more than this is a pause while sitting down,
				    * degrees (0: no check) */
	float start_ref_tau_s;     /* the start orientation weights the filter's latest
				    * estimates over this time constant, seconds */
} bc_mounting_settings;

typedef struct {
	bc_mounting_settings settings;
	bc_start_pose pose;
	bc_calib_stage stage;
	float progress;            /* 0..1 within the stage */
	bool heading_known;        /* x learned from a real observation (see above) */
	uint32_t resets;           /* inconsistent start poses seen so far */

	/* The current still spell. */
	bool spell_open;
	bool spell_is_upright;     /* GO_TO_START: the STAND spell is still going on */
	bool wait_for_motion;      /* after a reset: the current spell does not count */
	double spell_s;            /* seconds in the spell */
	bc_vec3 spell_accel_sum_g; /* accelerometer (sensor frame) summed over the spell, g */
	bc_quat spell_q_recent;    /* q_earth_from_sensor, recency-weighted mean */

	/* What has been learned. */
	bc_vec3 up_upright_s;      /* earth up in the sensor frame while standing = body z */
	bc_vec3 up_start_s;        /* earth up in the sensor frame in the start pose */
	bc_vec3 lean_sum_s;        /* sum of |d| d, d = up deviation from z while moving */
	float lean_weight;         /* sum of |d| */
	float lean_max_deg;        /* largest deviation of up from z while moving, degrees */
	bc_quat q_sensor_from_body;
	bc_quat q_earth_from_body_start;
} bc_mounting_calib;

void bc_mounting_init(bc_mounting_calib *c, const bc_mounting_settings *settings,
		      bc_start_pose pose);

/* Forget the mounting: STAND, progress 0. */
void bc_mounting_restart(bc_mounting_calib *c);

/*
 * One fused sample: the filter's q_earth_from_sensor, the accelerometer
 * reading (specific force, sensor frame, g; used only while still, and must
 * then be finite), whether the sensor is still now, and the time since the
 * previous sample in seconds.
 */
void bc_mounting_update(bc_mounting_calib *c, bc_quat q_earth_from_sensor,
			bc_vec3 accel_g, bool still, float dt_s);

/*
 * The filter's earth frame turned about the vertical (a restart after a
 * dropout picks a new heading): q_new_from_old is the turn, earth frame.
 * Keeps the start reference in the filter's current earth frame and ends
 * the current still spell.
 */
void bc_mounting_earth_turned(bc_mounting_calib *c, bc_quat q_new_from_old);

#endif /* BC_MOUNTING_CALIBRATION_H */
