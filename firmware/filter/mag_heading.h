/* SPDX-License-Identifier: MIT */
/*
 * Optional magnetometer heading for the orientation filter: a heading offset
 * delta (rotation about earth z) that turns the 6-axis estimate so that the
 * horizontal magnetic field points along +y (north; x east, contract §2b).
 *
 * The offset follows the magnetometer with time constant tau_s (a first-order
 * filter on the heading disagreement), faster at the start (gain at least
 * 1/n for the n-th sample) so the first heading is right within tau_s.
 *
 * Disturbances (a magnet or steel nearby, a magnet on the sensor) change the
 * field's strength or dip angle (both smoothed over current_tau_s). While
 * either differs from the learned reference by more than its threshold, and
 * until they have agreed again for min_undisturbed_s, the heading is held on
 * the gyroscope (a field that only passes through the reference's values as
 * the sensor turns is not trusted). A different field is accepted as the new
 * reference once it has stayed consistent for new_field_s *while the sensor
 * turned* faster than new_min_gyro_dps: a field that follows the sensor (a
 * magnet attached to it) changes its dip as the sensor turns and is never
 * accepted; a new room's field stays put and is. Held for longer than
 * max_reject_s, the heading is corrected again at a reduced gain, so that a
 * long disturbance cannot leave it drifting for ever.
 *
 * After VQF (Laidig & Seel 2023), our own implementation.
 */
#ifndef BC_FILTER_MAG_HEADING_H
#define BC_FILTER_MAG_HEADING_H

/* Includes */

#include <stdbool.h>

#include "core/math3d.h"

/* Definitions */

typedef struct {
	float tau_s;		 /* heading correction time constant, s */
	float norm_tol;		 /* allowed relative change of field strength (0.1 = 10 %) */
	float dip_tol_rad;	 /* allowed change of dip angle, rad */
	float ref_tau_s;	 /* reference strength/dip adapt with this time constant, s */
	float current_tau_s;	 /* strength and dip are smoothed over this, s */
	float min_undisturbed_s; /* undisturbed this long before the heading is corrected, s */
	float new_field_s;	 /* a consistent new field becomes the reference after this, s */
	float new_min_gyro_dps;	 /* ... counting only time turning at least this fast, deg/s */
	float max_reject_s;	 /* held this long: correct again at 1/reject_factor the gain, s */
	float reject_factor;	 /* gain divisor after max_reject_s (and recovery speed) */
} bc_mag_heading_limits;

typedef struct {
	bc_mag_heading_limits limits;
	float delta_rad;     /* heading offset applied to the 6-axis estimate, rad */
	float norm_ut;	     /* field strength, smoothed, microtesla (0: no sample yet) */
	float dip_rad;	     /* dip angle, smoothed (positive: field points down), rad */
	float ref_norm_ut;   /* undisturbed field strength, microtesla (0: not learned yet) */
	float ref_dip_rad;   /* undisturbed dip angle, rad */
	float cand_norm_ut;  /* candidate new field strength, microtesla */
	float cand_dip_rad;  /* candidate new dip angle, rad */
	float cand_s;	     /* time the candidate stayed consistent while turning, s */
	float undisturbed_s; /* how long the field has agreed with the reference, s */
	float reject_s;	     /* time the heading has been held (decays when undisturbed), s */
	float inv_count;     /* start-up gain floor 1/n; 0 once tau_s has passed */
	float started_s;     /* time since (re)start, s */
	bool disturbed;
} bc_mag_heading;

/* Functions */

void bc_mag_heading_init(bc_mag_heading *m, const bc_mag_heading_limits *limits);

/* Forget the heading (after a dropout) but keep the learned field reference. */
void bc_mag_heading_restart(bc_mag_heading *m);

/*
 * One magnetometer sample, already rotated into the 6-axis earth frame
 * (microtesla), over dt_s, with the sensor's rate of turn (|gyro|, deg/s).
 * Updates delta_rad.
 */
void bc_mag_heading_update(bc_mag_heading *m, bc_vec3 mag_earth6_ut, float gyro_dps, float dt_s);

/* q rotated about earth z by the heading offset. */
static inline bc_quat bc_mag_heading_apply(const bc_mag_heading *m, bc_quat q6)
{
	float h = 0.5f * m->delta_rad;
	return bc_quat_mul(bc_quat_make(cosf(h), 0.0f, 0.0f, sinf(h)), q6);
}

#endif /* BC_FILTER_MAG_HEADING_H */
