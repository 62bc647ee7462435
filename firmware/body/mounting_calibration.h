/* SPDX-License-Identifier: MIT */
/*
 * Mounting calibration: the wearing protocol (contract §3) learns
 * q_sensor_from_body for a sensor strapped on in any orientation.
 *
 * It looks back over still spells rather than stepping through a one-way
 * state machine, so that it cannot get stuck on a wrong guess:
 * - "Still" is a steady tilt (tilt_steadiness.h), whatever the gyro shows of
 *   sway, breathing and tremor.
 * - Every spell of upright_hold_s or more is a candidate upright: earth up in
 *   the sensor frame then is body z. We cannot tell standing from lying
 *   without the mounting, so the last few candidates are kept, each with the
 *   way the wearer went since (lean_path.h).
 * - A spell of start_hold_s or more that fits the start pose seen from a
 *   candidate finishes the calibration with that candidate (the newest that
 *   fits): lying poses lie lying_min_deg..lying_max_deg from it (real bodies:
 *   55-130), sitting within upright_max_tilt_deg after a clear movement (a
 *   lean, or the push of lowering the body: a weight shift while standing
 *   is neither). The forward axis x comes
 *   from the pose (lying on the back: up is +x; on hands and knees: -x) or,
 *   sitting, from the forward lean while sitting down; without a clear lean
 *   the sitting pose's own tilt (pelvis rolled back: up towards +x) is used
 *   and heading_known is false.
 * - A candidate from which a later spell is further than lying_max_deg
 *   (upside down) was not upright: both were lying (on the back and on hands
 *   and knees), so the candidate is dropped and the later spell is none.
 * - Hands and knees needs a way down that did not first lean away from
 *   where it ended: people lie on their backs by sitting down, then leaning
 *   back (sit_back_min_deg), and that is not the start of cat-cow. Once a
 *   pose on the back is known, poses near it are on the back too, and the
 *   pose upside down from it (rolled over) is hands and knees.
 * - Recalibrating with a mounting already known, the pose held at that
 *   moment is a candidate only within prior_max_deg of the known upright:
 *   lying is not taken for "stand upright" because a button was pressed on
 *   the floor. (Only that pose: the strap may have been put on anew.)
 * `wait` always says what the calibration is waiting for.
 *
 * DONE: q_earth_from_body_start = the filter's recent orientation (weighted
 * towards the end of the spell, where it has settled after the movement; its
 * tilt set by the accelerometer) ⊗ q_sensor_from_body. It is not refined
 * after that: a slow start of the exercise must not be absorbed into the
 * reference.
 *
 * No heap, no I/O; a low-pass and a sum per sample, the rest per 0.1 s block.
 */
#ifndef BC_MOUNTING_CALIBRATION_H
#define BC_MOUNTING_CALIBRATION_H

#include <stdbool.h>
#include <stdint.h>

#include "body/body_state.h"
#include "body/lean_path.h"
#include "body/tilt_steadiness.h"
#include "core/math3d.h"
#include "vocab/exercise.h"

typedef struct {
	float upright_hold_s;	    /* a spell this long is a candidate upright, seconds */
	float start_hold_s;	    /* a spell this long in the start pose finishes, seconds */
	float upright_max_tilt_deg; /* sitting start: up within this of the upright up, degrees */
	float lying_min_deg;	    /* lying start: up this far from the upright up ... */
	float lying_max_deg;	    /* ... to this, degrees; beyond is upside down */
	float lean_min_deg;   /* sitting: a lean this large while sitting down sets x, degrees */
	float sit_push_min_g; /* sitting: without such a lean, the specific force this far
				    * from the stand's on the way (the body lowered, not a
				    * weight shift while standing), g */
	float sit_forward_max_deg; /* sitting: a spell still leaning forward (the way of that
				    * lean) more than this is a pause while sitting down,
				    * degrees (0: no check) */
	float sit_back_min_deg;	   /* hands and knees: a way down that leaned this far away
				    * from where it ended was a lie onto the back, degrees */
	float prior_max_deg;	   /* recalibrating: a candidate within this of the known
				    * upright, degrees */
	float start_ref_tau_s;	   /* the start orientation weights the filter's latest
				    * estimates over this time constant, seconds */
} bc_mounting_settings;

/*
 * A standing start is the stand itself, or one within this of it, degrees:
 * a weight shift (real ones tilt the pelvis up to about 6 deg), not a bend.
 * The start gate of a standing exercise accepts the same (detector.h).
 */
#define BC_STAND_START_MAX_DEG 10.0f

/* Candidate uprights remembered. */
#define BC_UPRIGHT_CANDIDATES 4

typedef struct {
	bool valid;
	uint32_t spell_id; /* the tilt spell it was (still growing while current) */
	bc_vec3 up_s;	   /* earth up in the sensor frame over the spell, unit */
	float rest_norm_g; /* the specific force's magnitude over the spell, g */
	float push_max_g;  /* furthest the magnitude went from it since, g */
	bool way_started;  /* the spell has ended: way follows the wearer */
	bc_lean_path way;  /* where the wearer went since the spell ended */
} bc_upright_candidate;

typedef struct {
	bc_mounting_settings settings;
	bc_start_pose pose;
	bc_calib_stage stage;
	bc_calib_wait wait;
	bc_calib_wait held_wait; /* wait while the last pose held start_hold_s or more:
				    * what is missing, in the end (replay's "calibration") */
	float progress;		 /* 0..1 within the stage */
	bool heading_known;	 /* x learned from a real observation (see above) */
	uint32_t resets;	 /* candidate uprights dropped as impossible so far */
	uint32_t lying_spell_id; /* a spell upside down from a candidate: no upright */
	bool have_on_back;	 /* a pose was held lying on the back (hands and knees wanted) */
	bc_vec3 on_back_up_s;	 /* ... its up, sensor frame: its opposite is hands and knees */

	bc_quat q_recent; /* q_earth_from_sensor, recency-weighted mean */
	bool q_recent_primed;
	bc_upright_candidate cand[BC_UPRIGHT_CANDIDATES]; /* newest at cand_head - 1 */
	int cand_head;
	bool have_prior;	  /* a mounting was known before the last restart */
	bc_vec3 prior_up_s;	  /* ... its upright's up (body z), sensor frame */
	bool prior_spell_pending; /* ... the spell at the restart is not known yet */
	uint32_t prior_spell_id;  /* ... the spell at the restart, judged by the prior */

	/* What has been learned. */
	bc_vec3 up_upright_s; /* earth up in the sensor frame while standing = body z */
	bc_quat q_sensor_from_body;
	bc_quat q_earth_from_body_start;
	bc_vec3 earth_up_at_start_b; /* earth up in the start body frame (body_angles.h),
				      * kept with q_earth_from_body_start */
} bc_mounting_calib;

void bc_mounting_init(bc_mounting_calib *c, const bc_mounting_settings *settings,
		      bc_start_pose pose);

/* Forget the mounting: STAND, progress 0 (the old upright becomes the prior). */
void bc_mounting_restart(bc_mounting_calib *c);

/* What the body tracker knows after one fused sample, for the calibration. */
typedef struct {
	bc_quat q_earth_from_sensor;	  /* the filter's orientation */
	const bc_tilt_steadiness *steady; /* the tilt spells */
	bool block_closed;		  /* ... this sample closed a tilt block */
	float dt_s;			  /* time since the previous sample (0: dropout) */
} bc_mounting_input;

void bc_mounting_update(bc_mounting_calib *c, const bc_mounting_input *in);

/*
 * The filter's earth frame turned about the vertical (a restart after a
 * dropout picks a new heading): q_new_from_old is the turn, earth frame.
 * Keeps the start reference in the filter's current earth frame.
 */
void bc_mounting_earth_turned(bc_mounting_calib *c, bc_quat q_new_from_old);

/* The newest candidate upright's up (sensor frame), or NULL before there is one. */
const bc_vec3 *bc_mounting_upright_up(const bc_mounting_calib *c);

#endif /* BC_MOUNTING_CALIBRATION_H */
