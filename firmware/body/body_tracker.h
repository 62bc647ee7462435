/* SPDX-License-Identifier: MIT */
/*
 * Body tracker: orientation filter + stillness + mounting calibration (the
 * wearing protocol, contract §3) + body angles. One update per sample; no
 * heap, no I/O.
 *
 * Lifecycle: bc_body_tracker_init(settings, start pose) -> update per sample
 * -> read the returned bc_body_state. recalibrate() restarts the protocol.
 *
 * Still tilt. After a movement the filter's tilt can be off by up to a
 * degree for tens of seconds (gyro bias not yet learned, accelerometer
 * trusted slowly on purpose); the exercise thresholds are a few degrees, so
 * that is too much. While the body is still, the accelerometer alone gives
 * the tilt to a few hundredths of a degree, so the tracker turns the
 * filter's estimate towards it (time constant still_tilt_tau_s) and keeps
 * that correction, unchanged, through the next movement.
 */
#ifndef BC_BODY_TRACKER_H
#define BC_BODY_TRACKER_H

#include "body/body_state.h"
#include "body/mounting_calibration.h"
#include "body/stillness_detector.h"
#include "body/tilt_steadiness.h"
#include "core/sample.h"
#include "filter/orientation_filter.h"
#include "vocab/exercise.h"

typedef struct {
	/*
	 * Filter settings, used only when filter_custom is true; otherwise the
	 * filter's own bc_filter_settings_default (kept in one place, so the
	 * live device and replay never disagree about them).
	 */
	bc_filter_settings filter;
	bool filter_custom;
	bc_stillness_settings stillness; /* a quiet gyro (bias learning) */
	bc_tilt_steady_settings steady;	 /* a steady tilt (calibration, "still") */
	float upright_hold_s;		 /* steady this long is a candidate upright, s (3) */
	float start_hold_s; /* steady this long in the start pose finishes calibration, s (2) */
	float upright_max_tilt_deg; /* sitting start: within this of the upright vertical, deg (30) */
	float lying_min_deg;	    /* lying start: this far from the upright vertical ... */
	float lying_max_deg;	    /* ... to this, deg (55..135: real bodies lie 55-130) */
	float lean_min_deg;	    /* sitting: a lean this large while sitting down gives the
				  * forward axis, deg (8) */
	float sit_push_min_g;	    /* sitting without that lean: the body lowered, the specific
				  * force this far from the stand's on the way, g (0.05) */
	float sit_forward_max_deg; /* sitting: a still spell leaning forward more than this is
				    * a pause while sitting down, not the start, deg (8) */
	float sit_back_min_deg;	   /* hands and knees: a way down that leaned this far away from
				  * where it ended was a lie onto the back, deg (20) */
	float prior_max_deg;   /* recalibrating: the new upright within this of the old, deg (45) */
	float still_steady_s;  /* "still" also when the tilt has been steady this long, s (0.5) */
	float start_ref_tau_s; /* the start orientation weights the filter's latest estimates
				  * over this time constant, s (0.5) */
	float still_tilt_tau_s; /* while still, the tilt follows the accelerometer with this
				  * time constant, s (0.5; 0: the filter's tilt as it is) */
	float dropout_s;	/* a gap longer than this is a dropout, s (contract: 0.5) */
} bc_body_settings;

extern const bc_body_settings bc_body_settings_default;

typedef struct {
	bc_body_settings settings;
	bc_filter filter;
	bc_stillness stillness;
	bc_tilt_steadiness steady;
	bc_mounting_calib calib; /* pose, q_sensor_from_body, q_earth_from_body_start, ... */
	bc_quat q_tilt_fix;	 /* earth-frame tilt applied to the filter's estimate
				   * (learned while still, see body_tracker.c) */
	bool started;		 /* a sample has been fused */
	float filter_rest_s;	 /* time the filter has spent at rest, up to BIAS_LEARN_REST_S */
	double last_t_s;	 /* time of the last fused sample */
	unsigned needs;		 /* bc_body_needs: what the consumer reads (init: all) */
	bc_body_state state;
} bc_body_tracker;

/* settings NULL: bc_body_settings_default. */
void bc_body_tracker_init(bc_body_tracker *t, const bc_body_settings *settings, bc_start_pose pose);

/* Fuses one sample; the returned state lives inside t until the next call. */
const bc_body_state *bc_body_tracker_update(bc_body_tracker *t, const bc_sample *s);

/* What the filter made of one sample: all the rest of the tracker reads of it. */
typedef struct {
	bc_filter_status status;
	bc_quat q_before; /* the filter's orientation before the sample ... */
	bc_quat q;	  /* ... and after it */
	bc_vec3 gyro_bias_dps;
	bool at_rest;
} bc_filter_step;

/*
 * bc_body_tracker_update in two halves: _fuse runs the filter alone (it
 * touches nothing of t but t->filter, and depends on the samples only),
 * _follow the rest (never t->filter). So a replay can run _fuse for the
 * samples ahead on another thread while _follow keeps up (issue 14); in
 * order, the two are _update exactly.
 */
bc_filter_step bc_body_tracker_fuse(bc_body_tracker *t, const bc_sample *s);
const bc_body_state *bc_body_tracker_follow(bc_body_tracker *t, const bc_sample *s,
					    const bc_filter_step *f);

/*
 * Only what the consumer reads (bc_body_needs flags, body_state.h): the rest
 * of the state's costly outputs are NaN. init: BC_BODY_NEEDS_ALL.
 */
void bc_body_tracker_set_needs(bc_body_tracker *t, unsigned needs);

/* Forget the mounting and start the protocol again (keeps the filter). */
void bc_body_tracker_recalibrate(bc_body_tracker *t);

/* Another exercise with another start pose: restart the protocol for it (keeps the filter). */
void bc_body_tracker_set_start_pose(bc_body_tracker *t, bc_start_pose pose);

/* The learned mounting (identity until stage DONE). */
static inline bc_quat bc_body_tracker_q_sensor_from_body(const bc_body_tracker *t)
{
	return t->calib.q_sensor_from_body;
}

/* The start position's orientation, earth frame (identity until stage DONE). */
static inline bc_quat bc_body_tracker_q_earth_from_body_start(const bc_body_tracker *t)
{
	return t->calib.q_earth_from_body_start;
}

#endif /* BC_BODY_TRACKER_H */
