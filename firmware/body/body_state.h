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
 */
#ifndef BC_BODY_STATE_H
#define BC_BODY_STATE_H

#include <stdbool.h>

#include "core/math3d.h"

typedef enum {
	BC_CALIB_STAND = 0,   /* waiting for >= 3 s upright and still */
	BC_CALIB_GO_TO_START, /* upright learned; waiting for >= 2 s still in start pose */
	BC_CALIB_DONE,        /* mounting known; angles valid */
} bc_calib_stage;

typedef struct {
	float sagittal_deg;
	float frontal_deg;
	float axial_deg;
} bc_body_angles;

typedef struct {
	double t_s;                  /* time of the sample this describes */
	bc_quat q_earth_from_sensor; /* filter output */
	bool still;                  /* sensor at rest now */
	double still_s;              /* how long it has been at rest, seconds */
	bc_calib_stage stage;
	float stage_progress;        /* 0..1 within the current stage */
	bool angles_valid;           /* stage == DONE */
	bc_body_angles angles;       /* relative to the start position */
	float trunk_incline_deg;     /* body z axis from vertical: 0 upright, 90 lying */
	bool dropout;                /* a time gap > 0.5 s came before this sample */
	bool sample_rejected;        /* saturated / non-finite input, not fused */
} bc_body_state;

#endif /* BC_BODY_STATE_H */
