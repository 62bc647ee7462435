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
}

void bc_mag_heading_update(bc_mag_heading *m, bc_vec3 mag_earth6_ut, float dt_s)
{
	const bc_mag_heading_limits *lim = &m->limits;
	float norm = bc_vec3_norm(mag_earth6_ut);
	if (!(norm > 0.0f))
		return;
	float dip = -asinf(fmaxf(-1.0f, fminf(1.0f, mag_earth6_ut.z / norm)));

	/* Disturbance: strength or dip away from the reference. */
	if (m->ref_norm_ut <= 0.0f) {
		m->ref_norm_ut = norm;
		m->ref_dip_rad = dip;
	}
	bool off = fabsf(norm - m->ref_norm_ut) > lim->norm_tol * m->ref_norm_ut ||
		   fabsf(dip - m->ref_dip_rad) > lim->dip_tol_rad;
	if (off) {
		m->disturbed_s += dt_s;
		if (m->disturbed_s >= lim->new_field_s) {
			/* Long enough to be the new normal (moved to another room). */
			m->ref_norm_ut = norm;
			m->ref_dip_rad = dip;
			m->disturbed_s = 0.0f;
			off = false;
		}
	} else {
		m->disturbed_s = 0.0f;
		float k_ref = dt_s / lim->ref_tau_s;
		m->ref_norm_ut += k_ref * (norm - m->ref_norm_ut);
		m->ref_dip_rad += k_ref * (dip - m->ref_dip_rad);
	}
	m->disturbed = off;

	/* Heading disagreement: where the horizontal field points, from +y. */
	float err = wrap_pi(atan2f(mag_earth6_ut.x, mag_earth6_ut.y) - m->delta_rad);
	float k = off ? 0.0f : dt_s / lim->tau_s;
	if (m->inv_count > 0.0f) {
		/* Start-up: the mean of the first samples, not one sample. */
		if (k < m->inv_count)
			k = m->inv_count;
		m->inv_count = m->inv_count / (m->inv_count + 1.0f);
		m->started_s += dt_s;
		if (m->started_s >= lim->tau_s)
			m->inv_count = 0.0f;
	}
	m->delta_rad = wrap_pi(m->delta_rad + k * err);
}
