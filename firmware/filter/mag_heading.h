/* SPDX-License-Identifier: MIT */
/*
 * Optional magnetometer heading for the orientation filter: a heading offset
 * delta (rotation about earth z) that turns the 6-axis estimate so that the
 * horizontal magnetic field points along +y (north; x east, contract §2b).
 *
 * The offset follows the magnetometer with time constant tau_s (a first-order
 * filter on the heading disagreement), faster at the start (gain at least
 * 1/n for the n-th sample) so the first heading is right within tau_s.
 * Disturbances (a magnet or steel nearby) change the field's strength or dip
 * angle: while either differs from the learned reference by more than its
 * threshold, the heading is held on the gyroscope. A disturbance that lasts
 * longer than new_field_s is taken as a new environment and becomes the
 * reference.
 */
#ifndef BC_FILTER_MAG_HEADING_H
#define BC_FILTER_MAG_HEADING_H

/* Includes */

#include <stdbool.h>

#include "core/math3d.h"

/* Definitions */

typedef struct {
	float tau_s;	   /* heading correction time constant, s */
	float norm_tol;	   /* allowed relative change of field strength (0.1 = 10 %) */
	float dip_tol_rad; /* allowed change of dip angle, rad */
	float ref_tau_s;   /* reference strength/dip adapt with this time constant, s */
	float new_field_s; /* disturbed this long: accept the field as the new reference, s */
} bc_mag_heading_limits;

typedef struct {
	bc_mag_heading_limits limits;
	float delta_rad;   /* heading offset applied to the 6-axis estimate, rad */
	float ref_norm_ut; /* undisturbed field strength, microtesla (0: not learned yet) */
	float ref_dip_rad; /* undisturbed dip angle (positive: field points down), rad */
	float disturbed_s; /* how long the field has been disturbed, s */
	float inv_count;   /* start-up gain floor 1/n; 0 once tau_s has passed */
	float started_s;   /* time since (re)start, s */
	bool disturbed;
} bc_mag_heading;

/* Functions */

void bc_mag_heading_init(bc_mag_heading *m, const bc_mag_heading_limits *limits);

/* Forget the heading (after a dropout) but keep the learned field reference. */
void bc_mag_heading_restart(bc_mag_heading *m);

/*
 * One magnetometer sample, already rotated into the 6-axis earth frame
 * (microtesla), over dt_s. Updates delta_rad.
 */
void bc_mag_heading_update(bc_mag_heading *m, bc_vec3 mag_earth6_ut, float dt_s);

/* q rotated about earth z by the heading offset. */
static inline bc_quat bc_mag_heading_apply(const bc_mag_heading *m, bc_quat q6)
{
	float h = 0.5f * m->delta_rad;
	return bc_quat_mul(bc_quat_make(cosf(h), 0.0f, 0.0f, sinf(h)), q6);
}

#endif /* BC_FILTER_MAG_HEADING_H */
