/* SPDX-License-Identifier: MIT */
/*
 * Magnetometer heading with disturbance rejection; see mag_heading.h.
 */
#include "filter/mag_heading.h"

#include <string.h>

/* Helpers */

static float wrap_pi(float a)
{
	if (a > (float)M_PI)
		a -= 2.0f * (float)M_PI;
	else if (a < -(float)M_PI)
		a += 2.0f * (float)M_PI;
	return a;
}

/* Functions */

void bc_mag_heading_init(bc_mag_heading *m, const bc_mag_heading_limits *limits)
{
	memset(m, 0, sizeof(*m));
	m->limits = *limits;
	bc_mag_heading_restart(m);
}

void bc_mag_heading_restart(bc_mag_heading *m)
{
	m->delta_rad = 0.0f;
	m->inv_count = 1.0f;
	m->started_s = 0.0f;
	m->norm_ut = 0.0f;
	m->reject_s = 0.0f;
}

/* v and dip within the tolerances of the reference (ref_norm, ref_dip). */
static bool agrees(const bc_mag_heading_limits *lim, float norm, float dip, float ref_norm,
		   float ref_dip)
{
	return fabsf(norm - ref_norm) < lim->norm_tol * ref_norm &&
	       fabsf(dip - ref_dip) < lim->dip_tol_rad;
}

/* Strength and dip against the reference and the candidate: sets m->disturbed. */
static void judge_field(bc_mag_heading *m, float gyro_dps, float dt_s)
{
	const bc_mag_heading_limits *lim = &m->limits;
	float k_ref = dt_s / lim->ref_tau_s;
	if (m->ref_norm_ut <= 0.0f) {
		m->ref_norm_ut = m->cand_norm_ut = m->norm_ut;
		m->ref_dip_rad = m->cand_dip_rad = m->dip_rad;
		m->undisturbed_s = lim->min_undisturbed_s;
	}
	if (agrees(lim, m->norm_ut, m->dip_rad, m->ref_norm_ut, m->ref_dip_rad)) {
		m->undisturbed_s += dt_s;
		if (m->undisturbed_s >= lim->min_undisturbed_s) {
			m->disturbed = false;
			m->ref_norm_ut += k_ref * (m->norm_ut - m->ref_norm_ut);
			m->ref_dip_rad += k_ref * (m->dip_rad - m->ref_dip_rad);
		}
	} else {
		m->undisturbed_s = 0.0f;
		m->disturbed = true;
	}

	/* A new field: consistent for new_field_s of turning. */
	if (agrees(lim, m->norm_ut, m->dip_rad, m->cand_norm_ut, m->cand_dip_rad)) {
		if (gyro_dps >= lim->new_min_gyro_dps)
			m->cand_s += dt_s;
		m->cand_norm_ut += k_ref * (m->norm_ut - m->cand_norm_ut);
		m->cand_dip_rad += k_ref * (m->dip_rad - m->cand_dip_rad);
		if (m->disturbed && m->cand_s >= lim->new_field_s) {
			m->ref_norm_ut = m->cand_norm_ut;
			m->ref_dip_rad = m->cand_dip_rad;
			m->disturbed = false;
			m->undisturbed_s = lim->min_undisturbed_s;
		}
	} else {
		m->cand_s = 0.0f;
		m->cand_norm_ut = m->norm_ut;
		m->cand_dip_rad = m->dip_rad;
	}
}

/* The heading gain for this sample: 0 while held, reduced after a long hold. */
static float heading_gain(bc_mag_heading *m, float dt_s)
{
	const bc_mag_heading_limits *lim = &m->limits;
	float k = dt_s / lim->tau_s;
	if (m->disturbed) {
		if (m->reject_s <= lim->max_reject_s) {
			m->reject_s += dt_s;
			k = 0.0f;
		} else {
			k /= lim->reject_factor;
		}
	} else {
		m->reject_s = fmaxf(m->reject_s - lim->reject_factor * dt_s, 0.0f);
	}
	if (m->inv_count > 0.0f) {
		/* Start-up: the mean of the first samples, not one sample. */
		if (k < m->inv_count)
			k = m->inv_count;
		m->inv_count = m->inv_count / (m->inv_count + 1.0f);
		m->started_s += dt_s;
		if (m->started_s >= lim->tau_s)
			m->inv_count = 0.0f;
	}
	return k;
}

void bc_mag_heading_update(bc_mag_heading *m, bc_vec3 mag_earth6_ut, float gyro_dps, float dt_s)
{
	const bc_mag_heading_limits *lim = &m->limits;
	float norm = bc_vec3_norm(mag_earth6_ut);
	if (!(norm > 0.0f))
		return;
	float dip = -asinf(fmaxf(-1.0f, fminf(1.0f, mag_earth6_ut.z / norm)));
	if (m->norm_ut <= 0.0f) {
		m->norm_ut = norm;
		m->dip_rad = dip;
	} else {
		float k = fminf(1.0f, dt_s / lim->current_tau_s);
		m->norm_ut += k * (norm - m->norm_ut);
		m->dip_rad += k * (dip - m->dip_rad);
	}
	judge_field(m, gyro_dps, dt_s);

	/* Heading disagreement: where the horizontal field points, from +y. */
	float err = wrap_pi(atan2f(mag_earth6_ut.x, mag_earth6_ut.y) - m->delta_rad);
	m->delta_rad = wrap_pi(m->delta_rad + heading_gain(m, dt_s) * err);
}
