/* SPDX-License-Identifier: MIT */
/*
 * Body tracker: orientation filter + stillness + mounting calibration (the
 * wearing protocol, contract §3) + body angles. One update per sample; no
 * heap, no I/O.
 */
#ifndef BC_BODY_TRACKER_H
#define BC_BODY_TRACKER_H

#include "body/body_state.h"
#include "coach/exercise.h"
#include "core/sample.h"
#include "filter/orientation_filter.h"

typedef struct {
	bc_filter_settings filter;
	float upright_hold_s;    /* still and upright this long learns the vertical (3 s) */
	float start_hold_s;      /* still in the start pose this long finishes calibration (2 s) */
	float upright_max_tilt_deg; /* "upright" means the vertical moved less than this meanwhile */
} bc_body_settings;

extern const bc_body_settings bc_body_settings_default;

typedef struct {
	bc_body_settings settings;
	bc_start_pose pose;
	bc_filter filter;
	bc_body_state state;
	/* mounting calibration */
	bc_vec3 up_upright_s;    /* earth up in sensor frame while standing */
	bc_vec3 up_start_s;      /* earth up in sensor frame in the start pose */
	bc_vec3 lean_sum_s;      /* sum of up-vector deviations in the transition */
	bc_quat q_sensor_from_body;
	bc_quat q_earth_from_body_start;
	double still_since_s;
	bc_vec3 still_up_sum_s;  /* up vectors summed over the current still spell */
	unsigned still_n;
} bc_body_tracker;

void bc_body_tracker_init(bc_body_tracker *t, const bc_body_settings *settings,
			  bc_start_pose pose);

/* Fuses one sample; the returned state lives inside t until the next call. */
const bc_body_state *bc_body_tracker_update(bc_body_tracker *t, const bc_sample *s);

/* Forget the mounting and start the protocol again (keeps the filter). */
void bc_body_tracker_recalibrate(bc_body_tracker *t);

#endif /* BC_BODY_TRACKER_H */
