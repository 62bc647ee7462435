/* SPDX-License-Identifier: MIT */
#include "detect/vertical_travel.h"

#include <string.h>

/* Definitions */

#define STANDARD_GRAVITY_M_S2 9.80665f
#define BIN_S		      (1.0f / (float)BC_VT_RATE_HZ)
#define PRE_ROLL_BINS	      ((int)(BC_VT_PRE_ROLL_S * (float)BC_VT_RATE_HZ + 0.5f))
/* Steps longer than this are a gap in the data, not a bin (contract §1). */
#define MAX_STEP_S 0.5
/* The offset fit's prior weight (seconds of evidence that the offset is 0). */
#define FIT_RIDGE_S 0.05f

/* Functions */

void bc_vt_init(bc_vertical_travel *vt)
{
	memset(vt, 0, sizeof(*vt));
	vt->last_t_s = -1.0;
	vt->still_since_s = -1.0;
}

static void forget(bc_vertical_travel *vt)
{
	vt->n = 0;
	vt->moving = false;
	vt->overflow = false;
	vt->bin_n = 0;
	vt->bin_sum_m_s2 = 0.0f;
	vt->bin_up_sum = bc_vec3_make(0, 0, 0);
	vt->bin_t0_s = vt->last_t_s;
	vt->live_v_m_s = vt->live_z_m = 0.0f;
}

/* Appends a bin; while still only the newest pre-roll bins are kept. */
static void push_bin(bc_vertical_travel *vt, float acc_m_s2, bc_vec3 up_s, float dt_s)
{
	if (!vt->moving && vt->n >= PRE_ROLL_BINS) {
		memmove(vt->acc_m_s2, vt->acc_m_s2 + 1, (size_t)(vt->n - 1) * sizeof(float));
		memmove(vt->dt_s, vt->dt_s + 1, (size_t)(vt->n - 1) * sizeof(float));
		memmove(vt->up_s, vt->up_s + 1, (size_t)(vt->n - 1) * sizeof(bc_vec3));
		vt->n--;
	}
	if (vt->n >= BC_VT_CAP) {
		vt->overflow = true;
		return;
	}
	vt->acc_m_s2[vt->n] = acc_m_s2;
	vt->dt_s[vt->n] = dt_s;
	vt->up_s[vt->n] = up_s;
	vt->n++;
}

static void flush_bin(bc_vertical_travel *vt, double t_s)
{
	float dt_s = (float)(t_s - vt->bin_t0_s);
	if (vt->bin_n > 0 && dt_s > 0.0f)
		push_bin(vt, vt->bin_sum_m_s2 / (float)vt->bin_n, bc_vec3_normalize(vt->bin_up_sum),
			 dt_s);
	vt->bin_n = 0;
	vt->bin_sum_m_s2 = 0.0f;
	vt->bin_up_sum = bc_vec3_make(0, 0, 0);
	vt->bin_t0_s = t_s;
}

/* A still moment: |f| - 1 is the offset along up_s (weighted by its duration). */
static void fit_add(bc_vertical_travel *vt, bc_vec3 up_s, float excess_g, float w_s)
{
	const float u[3] = { up_s.x, up_s.y, up_s.z };
	for (int i = 0; i < 3; i++) {
		for (int j = 0; j < 3; j++)
			vt->fit_uu[i][j] += w_s * u[i] * u[j];
		vt->fit_ue[i] += w_s * u[i] * excess_g;
	}
}

/* The offset, g, sensor frame: (sum u u^T + ridge I)^-1 sum u e, by Cramer's rule. */
static bc_vec3 fit_offset_g(const bc_vertical_travel *vt)
{
	float m[3][3];
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			m[i][j] = vt->fit_uu[i][j] + (i == j ? FIT_RIDGE_S : 0.0f);
	bc_vec3 c0 = bc_vec3_make(m[0][0], m[1][0], m[2][0]);
	bc_vec3 c1 = bc_vec3_make(m[0][1], m[1][1], m[2][1]);
	bc_vec3 c2 = bc_vec3_make(m[0][2], m[1][2], m[2][2]);
	bc_vec3 r = bc_vec3_make(vt->fit_ue[0], vt->fit_ue[1], vt->fit_ue[2]);
	float det = bc_vec3_dot(c0, bc_vec3_cross(c1, c2));
	if (!(det > 1e-9f))
		return bc_vec3_make(0, 0, 0);
	return bc_vec3_make(bc_vec3_dot(r, bc_vec3_cross(c1, c2)) / det,
			    bc_vec3_dot(c0, bc_vec3_cross(r, c2)) / det,
			    bc_vec3_dot(c0, bc_vec3_cross(c1, r)) / det);
}

/*
 * The hindsight: zero velocity at both anchors, so what the integrated
 * velocity says at the end is drift, spread evenly over the span's time
 * (a constant acceleration bias), and the corrected velocity gives the path.
 */
static void close_span(bc_vertical_travel *vt, double t_s)
{
	flush_bin(vt, t_s);
	bc_vt_span *sp = &vt->last;
	*sp = (bc_vt_span){ .valid = !vt->overflow && vt->n > 1, .t1_s = t_s };
	bc_vec3 offset_g = fit_offset_g(vt);
	double total_s = 0.0, v = 0.0;
	for (int i = 0; i < vt->n; i++) {
		vt->acc_m_s2[i] -= bc_vec3_dot(offset_g, vt->up_s[i]) * STANDARD_GRAVITY_M_S2;
		total_s += vt->dt_s[i];
		v += (double)vt->acc_m_s2[i] * vt->dt_s[i];
	}
	sp->t0_s = t_s - total_s;
	if (!sp->valid) {
		forget(vt);
		return;
	}
	double drift_m_s2 = v / total_s, z = 0.0, v_prev = 0.0, t = 0.0;
	v = 0.0;
	sp->low_t_s = sp->t0_s;
	for (int i = 0; i < vt->n; i++) {
		double dt = vt->dt_s[i];
		v += ((double)vt->acc_m_s2[i] - drift_m_s2) * dt;
		z += 0.5 * (v_prev + v) * dt;
		v_prev = v;
		t += dt;
		vt->path_m[i] = (float)z;
		if (z < sp->low_m) {
			sp->low_m = (float)z;
			sp->low_t_s = sp->t0_s + t;
		}
	}
	sp->rise_m = (float)z;
	int n = vt->n;
	forget(vt);
	vt->n = n; /* the path stays readable until the next sample */
	vt->moving = false;
}

bool bc_vt_update(bc_vertical_travel *vt, double t_s, bc_vec3 accel_earth_g,
		  bc_quat q_earth_from_sensor, bool still, bool gap)
{
	bc_vec3 up_s = bc_quat_rotate(bc_quat_conj(q_earth_from_sensor), bc_vec3_make(0, 0, 1));
	double step_s = vt->last_t_s >= 0.0 ? t_s - vt->last_t_s : 0.0;
	bool was_moving = vt->moving;
	if (!vt->moving && vt->n > 0 && vt->last.t1_s == vt->last_t_s)
		vt->n = 0; /* the last closed path has been read: start the pre-roll */
	vt->last_t_s = t_s;
	if (!still)
		vt->still_since_s = -1.0;
	else if (vt->still_since_s < 0.0)
		vt->still_since_s = t_s;
	bool anchor = still && t_s - vt->still_since_s >= BC_VT_ANCHOR_S;
	float excess_g = bc_vec3_norm(accel_earth_g) - 1.0f;
	if (anchor && step_s > 0.0 && step_s <= MAX_STEP_S && excess_g > -0.1f && excess_g < 0.1f)
		fit_add(vt, up_s, excess_g, (float)step_s);
	if (gap || step_s < 0.0 || step_s > MAX_STEP_S) {
		forget(vt);
		if (!was_moving)
			return false;
		vt->last = (bc_vt_span){ .valid = false, .t0_s = t_s, .t1_s = t_s };
		return true;
	}
	if (vt->moving && anchor) {
		close_span(vt, t_s);
		return true;
	}
	if (!vt->moving && !still) {
		vt->moving = true;
		vt->overflow = false;
		vt->live_v_m_s = vt->live_z_m = 0.0f;
	}
	float a_m_s2 = (accel_earth_g.z - 1.0f) * STANDARD_GRAVITY_M_S2;
	if (vt->moving) {
		vt->live_v_m_s += a_m_s2 * (float)step_s;
		vt->live_z_m += vt->live_v_m_s * (float)step_s;
	}
	if (vt->bin_n == 0)
		vt->bin_t0_s = t_s - step_s;
	vt->bin_sum_m_s2 += a_m_s2;
	vt->bin_up_sum = bc_vec3_add(vt->bin_up_sum, up_s);
	vt->bin_n++;
	if (t_s - vt->bin_t0_s >= BIN_S)
		flush_bin(vt, t_s);
	return false;
}

float bc_vt_time_below(const bc_vertical_travel *vt, float level_m)
{
	float below_s = 0.0f;
	for (int i = 0; vt->last.valid && i < vt->n; i++)
		if (vt->path_m[i] <= level_m)
			below_s += vt->dt_s[i];
	return below_s;
}

double bc_vt_last_time_below(const bc_vertical_travel *vt, float level_m)
{
	double t = vt->last.t1_s;
	for (int i = vt->n - 1; vt->last.valid && i >= 0; i--) {
		if (vt->path_m[i] <= level_m)
			return t;
		t -= vt->dt_s[i];
	}
	return vt->last.t1_s;
}
