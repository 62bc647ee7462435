/* SPDX-License-Identifier: MIT */
/*
 * What the body tracker knows after each sample: calibration progress and the
 * lower back's angles relative to the exercise's start position.
 *
 * Body frame (contract §4): x forward out of the belly, y to the wearer's
 * left, z up the spine. Angles are the rotation from the start-position
 * orientation to now, expressed in the start body frame (rotation-vector
 * components, degrees):
 * - sagittal_deg: flexion / POSTERIOR pelvic tilt positive (z swings towards
 *   -x, i.e. a negative turn about +y); cow / arching / anterior negative.
 * - frontal_deg:  side tilt, turn about +x (positive: top of the spine
 *   towards the wearer's right).
 * - axial_deg:    turn about the spine's own axis +z (positive: to the left,
 *   counter-clockwise seen from the head). "Rolled to one side" = |axial|.
 *
 * Heading drift. Without a magnetometer the filter cannot see turns about the
 * earth vertical, and its estimate of them drifts slowly (gyro bias). In the
 * start pose that vertical is body x when lying on the back or on hands and
 * knees, so drift shows up in frontal_deg there; sitting it is body z, so it
 * shows up in axial_deg. No exercise criterion may use the angle about the
 * start pose's vertical: supine and tabletop exercises use sagittal (about y)
 * and axial (about z, horizontal when lying), sitting uses sagittal, or
 * tilt_from_start_deg when heading_known is false.
 */
#ifndef BC_BODY_STATE_H
#define BC_BODY_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/math3d.h"

typedef enum {
	BC_CALIB_STAND = 0,   /* waiting for >= 3 s upright and still */
	BC_CALIB_GO_TO_START, /* upright learned; waiting for >= 2 s still in start pose */
	BC_CALIB_DONE,	      /* mounting known; angles valid */
} bc_calib_stage;

/* What the calibration waits for now (mounting_calibration.h), for the screen and replay. */
typedef enum {
	BC_WAIT_STAND = 0,     /* no steady tilt yet: stand upright and keep still */
	BC_WAIT_STAND_LONGER,  /* steady, not yet long enough to learn the upright */
	BC_WAIT_STAND_UP,      /* recalibrating, not upright (lying, bent): stand up first */
	BC_WAIT_GO_TO_START,   /* upright known; moving towards the start position */
	BC_WAIT_STILL_UPRIGHT, /* still at the upright: go to the start position (already
				 * there? then it needs to see a stand first) */
	BC_WAIT_HALF_WAY,      /* still in a pose that is neither upright nor the start */
	BC_WAIT_HOLD_START,    /* in the start position: keep still a little longer */
	BC_WAIT_ON_BACK,       /* lying on the back; the exercise starts on hands and knees */
	BC_WAIT_NONE,	       /* calibrated */
} bc_calib_wait;

typedef struct {
	float sagittal_deg;
	float frontal_deg;
	float axial_deg;
} bc_body_angles;

typedef struct {
	double t_s;		     /* time of the sample this describes */
	bc_quat q_earth_from_sensor; /* filter output */
	bc_vec3 accel_earth_g;	     /* specific force in the earth frame (z up), g: +1 on z
				      * at rest; what moves the sensor up or down */
	bool still;		     /* at rest now: a quiet gyro, or a steady tilt for 0.5 s */
	double still_s;		     /* how long it has been at rest, seconds */
	float rate_dps;		     /* how fast the body turns: |gyro - bias| smoothed
				      * over 0.1 s, deg/s (walking 20-30, sitting down
				      * slowly a few, holding a pose under 2) */
	bc_calib_stage stage;
	bc_calib_wait calib_wait; /* what the calibration waits for (NONE once done) */
	float stage_progress;	  /* 0..1 within the current stage */
	bool angles_valid;	  /* stage == DONE */
	bc_body_angles angles;	  /* relative to the start position */
	float trunk_incline_deg;  /* body z axis from vertical: 0 upright, 90 lying;
				      * 0 until the upright is learned (stage STAND) */
	bool dropout;		  /* a time gap > 0.5 s came before this sample */
	bool sample_rejected;	  /* saturated / non-finite input, not fused */

	/*
	 * False when the forward axis is a guess (sitting start without a clear
	 * lean while sitting down): sagittal and frontal may then be mixed, and
	 * detectors should use tilt_from_start_deg. True for lying starts.
	 */
	bool heading_known;
	bc_quat q_earth_from_body; /* body orientation now; valid when angles_valid */
	float tilt_from_start_deg; /* tilt from the start, blind to turns about the
				      * vertical (see above); degrees, valid when angles_valid */
	uint32_t calib_resets;	   /* candidate uprights dropped as impossible */
} bc_body_state;

/*
 * The outputs that cost a rotation or an atan2f each sample, beyond the
 * angles (always there: the screen shows them). A consumer that reads only
 * some says so (bc_body_tracker_set_needs); the others are then NaN.
 */
typedef enum {
	BC_BODY_NEEDS_INCLINE = 1u << 0,       /* trunk_incline_deg */
	BC_BODY_NEEDS_TILT = 1u << 1,	       /* tilt_from_start_deg */
	BC_BODY_NEEDS_TILT_FALLBACK = 1u << 2, /* tilt_from_start_deg while heading_known
						* is false (the fallback above) */
	BC_BODY_NEEDS_ACCEL_EARTH = 1u << 3,   /* accel_earth_g */
	BC_BODY_NEEDS_ALL = (1u << 4) - 1,
} bc_body_needs;

#endif /* BC_BODY_STATE_H */
