/* SPDX-License-Identifier: MIT */
#include "detect/vertical_travel.h"

#include <math.h>
#include <string.h>

/* Definitions */

#define STANDARD_GRAVITY_M_S2 9.80665f
#define BIN_S		      (1.0f / (float)BC_VT_RATE_HZ)
#define PRE_ROLL_BINS	      ((int)(BC_VT_PRE_ROLL_S * (float)BC_VT_RATE_HZ + 0.5f))
/* Steps longer than this are a gap in the data, not a bin (contract §1). */
#define MAX_STEP_S 0.5

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
	vt->pre_n = 0;
	vt->unsettled = false;
	vt->moving = false;
	vt->overflow = false;
	vt->bin_n = 0;
	vt->bin_sum_m_s2 = 0.0f;
	vt->bin_up_sum = bc_vec3_make(0, 0, 0);
	vt->bin_excess_sum_g = 0.0f;
	vt->bin_t0_s = vt->last_t_s;
	vt->live_v_m_s = vt->live_z_m = 0.0f;
}

/* Appends a bin; while still only the newest pre-roll bins are kept. */
static void push_bin(bc_vertical_travel *vt, float acc_m_s2, bc_vec3 up_s, float excess_g,
		     float dt_s)
{
	if (!vt->moving && vt->n >= PRE_ROLL_BINS) {
		memmove(vt->acc_m_s2, vt->acc_m_s2 + 1, (size_t)(vt->n - 1) * sizeof(float));
		memmove(vt->dt_s, vt->dt_s + 1, (size_t)(vt->n - 1) * sizeof(float));
		memmove(vt->up_s, vt->up_s + 1, (size_t)(vt->n - 1) * sizeof(bc_vec3));
		memmove(vt->excess_g, vt->excess_g + 1, (size_t)(vt->n - 1) * sizeof(float));
		vt->n--;
	}
	if (vt->n >= BC_VT_CAP) {
		vt->overflow = true;
		return;
	}
	vt->acc_m_s2[vt->n] = acc_m_s2;
	vt->dt_s[vt->n] = dt_s;
	vt->up_s[vt->n] = up_s;
	vt->excess_g[vt->n] = excess_g;
	vt->n++;
}

/* Did the up turn, or the body push, over the last BC_VT_ANCHOR_S of bins? */
static bool unsettled(const bc_vertical_travel *vt)
{
	const int w = (int)(BC_VT_ANCHOR_S * BC_VT_RATE_HZ), block = BC_VT_RATE_HZ / 10;
	if (vt->n < w)
		return false;
	const float cos_tol = cosf(BC_VT_SETTLED_DEG * (float)M_PI / 180.0f);
	bc_vec3 now = vt->up_s[vt->n - 1];
	float sum = 0.0f, lo = 1e9f, hi = -1e9f;
	for (int i = vt->n - w; i < vt->n; i++) {
		if (bc_vec3_dot(vt->up_s[i], now) < cos_tol)
			return true;
		sum += vt->acc_m_s2[i];
	}
	for (int i = vt->n - w; i + block <= vt->n; i += block) {
		float m = 0.0f;
		for (int k = i; k < i + block; k++)
			m += vt->acc_m_s2[k];
		m /= (float)block;
		lo = m < lo ? m : lo;
		hi = m > hi ? m : hi;
	}
	float mean = sum / (float)w, tol = BC_VT_SETTLED_G * STANDARD_GRAVITY_M_S2;
	return hi - mean > tol || mean - lo > tol;
}

static void flush_bin(bc_vertical_travel *vt, double t_s)
{
	float dt_s = (float)(t_s - vt->bin_t0_s);
	if (vt->bin_n > 0 && dt_s > 0.0f)
		push_bin(vt, vt->bin_sum_m_s2 / (float)vt->bin_n, bc_vec3_normalize(vt->bin_up_sum),
			 vt->bin_excess_sum_g / (float)vt->bin_n, dt_s);
	vt->bin_n = 0;
	vt->bin_sum_m_s2 = 0.0f;
	vt->bin_up_sum = bc_vec3_make(0, 0, 0);
	vt->bin_excess_sum_g = 0.0f;
	vt->bin_t0_s = t_s;
	vt->unsettled = unsettled(vt);
}

/* Mean up and offset (|f| - 1) over bins i0..i1-1. */
static void still_mean(const bc_vertical_travel *vt, int i0, int i1, bc_vec3 *up, float *excess)
{
	bc_vec3 u = bc_vec3_make(0, 0, 0);
	float e = 0.0f;
	for (int i = i0; i < i1; i++) {
		u = bc_vec3_add(u, vt->up_s[i]);
		e += vt->excess_g[i];
	}
	*up = bc_vec3_normalize(u);
	*excess = i1 > i0 ? e / (float)(i1 - i0) : 0.0f;
}

/*
 * The offset's vertical part through the span. At the two anchors it was
 * measured (still: |f| - 1 is the offset along that moment's up); in
 * between it goes from one to the other as the up turns from one to the
 * other. (A lean there and back, a quick squat, keeps the stand's: its
 * error is the offset times the sine of the lean for a second or two.)
 */
static void remove_offset(bc_vertical_travel *vt)
{
	/* The first half second of the pre-roll and the last 0.3 s: surely still. */
	int n_end = (int)(0.3 * BC_VT_RATE_HZ);
	int pre = vt->pre_n < BC_VT_RATE_HZ / 2 ? vt->pre_n : BC_VT_RATE_HZ / 2;
	pre = pre > 0 ? pre : 1;
	vt->last_end_excess_g = 0.0f;
	if (n_end > vt->n - pre)
		n_end = vt->n - pre;
	if (n_end < 1)
		return;
	bc_vec3 u0, u1;
	float e0, e1;
	still_mean(vt, 0, pre, &u0, &e0);
	still_mean(vt, vt->n - n_end, vt->n, &u1, &e1);
	bc_vec3 du = bc_vec3_sub(u1, u0);
	float dd = bc_vec3_dot(du, du);
	for (int i = 0; i < vt->n; i++) {
		float s = dd > 1e-3f ? bc_vec3_dot(bc_vec3_sub(vt->up_s[i], u0), du) / dd
				     : (float)i / (float)(vt->n - 1);
		s = s < 0.0f ? 0.0f : s > 1.0f ? 1.0f : s;
		vt->acc_m_s2[i] -= (e0 + (e1 - e0) * s) * STANDARD_GRAVITY_M_S2;
	}
	vt->last_end_excess_g = e1;
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
	remove_offset(vt);
	double total_s = 0.0, v = 0.0;
	for (int i = 0; i < vt->n; i++) {
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
		if (z > sp->high_m)
			sp->high_m = (float)z;
		if (z < sp->low_m) {
			sp->low_m = (float)z;
			sp->low_t_s = sp->t0_s + t;
		}
	}
	sp->rise_m = (float)z;
	int n = vt->n, pre_n = vt->pre_n;
	forget(vt);
	vt->n = n; /* the path stays readable until the next sample */
	vt->pre_n = pre_n;
	vt->moving = false;
}

/*
 * The last closed path has been read. Its anchor (the still run that ended
 * it) starts the next pre-roll: a movement may begin at once, and its span
 * must start where the body was still. Those bins had the offset at the
 * anchor taken out; it is put back, the next span takes out its own.
 */
static void keep_anchor_as_pre_roll(bc_vertical_travel *vt)
{
	int keep = (int)(BC_VT_ANCHOR_S * BC_VT_RATE_HZ), from = vt->n - keep;
	if (from < vt->pre_n) {
		vt->n = vt->pre_n = 0;
		return;
	}
	for (int i = 0; i < keep; i++) {
		vt->acc_m_s2[i] = vt->acc_m_s2[from + i] +
				  vt->last_end_excess_g * STANDARD_GRAVITY_M_S2;
		vt->dt_s[i] = vt->dt_s[from + i];
		vt->up_s[i] = vt->up_s[from + i];
		vt->excess_g[i] = vt->excess_g[from + i];
	}
	vt->n = keep;
	vt->pre_n = 0;
}

bool bc_vt_update(bc_vertical_travel *vt, double t_s, bc_vec3 accel_earth_g,
		  bc_quat q_earth_from_sensor, bool still, bool gap)
{
	bc_vec3 up_s = bc_quat_rotate(bc_quat_conj(q_earth_from_sensor), bc_vec3_make(0, 0, 1));
	double step_s = vt->last_t_s >= 0.0 ? t_s - vt->last_t_s : 0.0;
	bool was_moving = vt->moving;
	if (!vt->moving && vt->n > 0 && vt->last.t1_s == vt->last_t_s)
		keep_anchor_as_pre_roll(vt);
	vt->last_t_s = t_s;
	still = still && !vt->unsettled;
	if (!still)
		vt->still_since_s = -1.0;
	else if (vt->still_since_s < 0.0)
		vt->still_since_s = t_s;
	bool anchor = still && t_s - vt->still_since_s >= BC_VT_ANCHOR_S;
	float excess_g = bc_vec3_norm(accel_earth_g) - 1.0f; /* the offset along up_s, if still */
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
		vt->pre_n = vt->n;
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
	vt->bin_excess_sum_g += excess_g;
	vt->bin_n++;
	if (t_s - vt->bin_t0_s >= BIN_S)
		flush_bin(vt, t_s);
	return false;
}

float bc_vt_time_below(const bc_vertical_travel *vt, float level_m)
{
	float below_s = 0.0f;
	for (int i = vt->pre_n; vt->last.valid && i < vt->n; i++)
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
