/* SPDX-License-Identifier: MIT */
#include "sim/body_trajectory.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/motion_profile.h"

/* Definitions */

/* Step of the central differences: small against any human movement (the
 * fastest oscillator, tremor, is under ~16 Hz: the rate's error is then
 * under 0.2 %), large against double rounding. */
#define DIFF_STEP_S 1e-3

/* Functions */

static int grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 64;
	while (n < need)
		n *= 2;
	void *p = realloc(*items, n * size);
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	*items = p;
	*cap = n;
	return 0;
}

int sim_traj_init(sim_trajectory *tr, double t0_s, sim_quat q_earth_from_body, sim_vec3 pos_m)
{
	memset(tr, 0, sizeof(*tr));
	if (grow((void **)&tr->keys, &tr->cap_keys, 1, sizeof(sim_key)))
		return -1;
	tr->keys[0] = (sim_key){ .t_s = t0_s,
				 .q_earth_from_body = q_earth_from_body,
				 .pos_m = pos_m,
				 .profile = SIM_PROFILE_MINJERK };
	tr->n_keys = 1;
	return 0;
}

void sim_traj_free(sim_trajectory *tr)
{
	if (!tr)
		return;
	free(tr->keys);
	free(tr->osc);
	free(tr->bucket_start);
	free(tr->bucket_items);
	memset(tr, 0, sizeof(*tr));
}

int sim_traj_move(sim_trajectory *tr, double duration_s, sim_quat q_earth_from_body, sim_vec3 pos_m,
		  sim_profile profile, double ramp_s)
{
	if (!(duration_s > 0.0)) {
		errno = EINVAL;
		return -1;
	}
	if (grow((void **)&tr->keys, &tr->cap_keys, tr->n_keys + 1, sizeof(sim_key)))
		return -1;
	const sim_key *last = &tr->keys[tr->n_keys - 1];
	sim_quat q = sim_quat_normalize(q_earth_from_body);
	/* Same hemisphere as the previous key: slerp takes the short way anyway,
	 * but stored keys then compare component-wise in tests. */
	if (sim_quat_dot(q, last->q_earth_from_body) < 0.0)
		q = sim_quat_make(-q.w, -q.x, -q.y, -q.z);
	tr->keys[tr->n_keys] = (sim_key){ .t_s = last->t_s + duration_s,
					  .q_earth_from_body = q,
					  .pos_m = pos_m,
					  .profile = profile,
					  .ramp_s = ramp_s };
	tr->n_keys++;
	return 0;
}

int sim_traj_hold(sim_trajectory *tr, double duration_s)
{
	const sim_key *last = sim_traj_last(tr);
	return sim_traj_move(tr, duration_s, last->q_earth_from_body, last->pos_m,
			     SIM_PROFILE_MINJERK, 0.0);
}

int sim_traj_add_osc(sim_trajectory *tr, const sim_oscillator *o)
{
	if (!(o->t1_s > o->t0_s)) /* an empty window adds nothing */
		return 0;
	if (grow((void **)&tr->osc, &tr->cap_osc, tr->n_osc + 1, sizeof(sim_oscillator)))
		return -1;
	tr->osc[tr->n_osc++] = *o;
	return 0;
}

const sim_key *sim_traj_last(const sim_trajectory *tr)
{
	return &tr->keys[tr->n_keys - 1];
}

double sim_traj_end_s(const sim_trajectory *tr)
{
	return sim_traj_last(tr)->t_s;
}

static long bucket_of(const sim_trajectory *tr, double t_s)
{
	double b = floor(t_s - tr->keys[0].t_s);
	if (b < 0.0)
		return 0;
	if (b >= (double)tr->n_buckets)
		return (long)tr->n_buckets - 1;
	return (long)b;
}

int sim_traj_finalize(sim_trajectory *tr)
{
	double end_s = sim_traj_end_s(tr);
	for (size_t i = 0; i < tr->n_osc; i++)
		if (tr->osc[i].t1_s > end_s)
			end_s = tr->osc[i].t1_s;
	free(tr->bucket_start);
	free(tr->bucket_items);
	tr->bucket_items = NULL;
	tr->n_buckets = (size_t)ceil(end_s - tr->keys[0].t_s) + 2;
	tr->bucket_start = calloc(tr->n_buckets + 1, sizeof(size_t));
	if (!tr->bucket_start)
		goto fail;
	/* Count per bucket, prefix-sum into offsets, then fill. */
	for (size_t i = 0; i < tr->n_osc; i++)
		for (long b = bucket_of(tr, tr->osc[i].t0_s); b <= bucket_of(tr, tr->osc[i].t1_s);
		     b++)
			tr->bucket_start[b + 1]++;
	for (size_t b = 0; b < tr->n_buckets; b++)
		tr->bucket_start[b + 1] += tr->bucket_start[b];
	tr->bucket_items = malloc((tr->bucket_start[tr->n_buckets] + 1) * sizeof(size_t));
	size_t *fill = calloc(tr->n_buckets, sizeof(size_t));
	if (!tr->bucket_items || !fill) {
		free(fill);
		goto fail;
	}
	for (size_t i = 0; i < tr->n_osc; i++)
		for (long b = bucket_of(tr, tr->osc[i].t0_s); b <= bucket_of(tr, tr->osc[i].t1_s);
		     b++)
			tr->bucket_items[tr->bucket_start[b] + fill[b]++] = i;
	free(fill);
	return 0;
fail:
	free(tr->bucket_start);
	tr->bucket_start = NULL;
	tr->n_buckets = 0;
	errno = ENOMEM;
	return -1;
}

/* Index of the first key with t_s > t (n_keys if none). */
static size_t key_after(const sim_trajectory *tr, double t_s)
{
	size_t lo = 0, hi = tr->n_keys;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tr->keys[mid].t_s > t_s)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

void sim_traj_base_pose(const sim_trajectory *tr, double t_s, sim_quat *q, sim_vec3 *pos_m)
{
	size_t i = key_after(tr, t_s);
	if (i == 0 || i >= tr->n_keys) {
		const sim_key *k = i == 0 ? &tr->keys[0] : sim_traj_last(tr);
		*q = k->q_earth_from_body;
		*pos_m = k->pos_m;
		return;
	}
	const sim_key *a = &tr->keys[i - 1], *b = &tr->keys[i];
	double dur = b->t_s - a->t_s;
	double tau = (t_s - a->t_s) / dur;
	double s = b->profile == SIM_PROFILE_CRUISE ? sim_profile_cruise(tau, b->ramp_s / dur)
						    : sim_profile_minjerk(tau);
	*q = sim_quat_slerp(a->q_earth_from_body, b->q_earth_from_body, s);
	*pos_m = sim_vec3_add(a->pos_m, sim_vec3_scale(sim_vec3_sub(b->pos_m, a->pos_m), s));
}

/* 0..1: fades an oscillator in and out smoothly (continuous acceleration). */
static double envelope(const sim_oscillator *o, double t_s)
{
	if (t_s <= o->t0_s || t_s >= o->t1_s)
		return 0.0;
	double ramp = fmin(o->ramp_s, 0.5 * (o->t1_s - o->t0_s));
	if (ramp <= 0.0)
		return 1.0;
	double in = (t_s - o->t0_s) / ramp, out = (o->t1_s - t_s) / ramp;
	return sim_profile_minjerk(fmin(in, 1.0)) * sim_profile_minjerk(fmin(out, 1.0));
}

void sim_traj_pose(const sim_trajectory *tr, double t_s, sim_quat *q, sim_vec3 *pos_m)
{
	sim_traj_base_pose(tr, t_s, q, pos_m);
	if (!tr->n_buckets)
		return;
	sim_vec3 rot = { 0, 0, 0 }, shift = { 0, 0, 0 };
	long b = bucket_of(tr, t_s);
	for (size_t k = tr->bucket_start[b]; k < tr->bucket_start[b + 1]; k++) {
		const sim_oscillator *o = &tr->osc[tr->bucket_items[k]];
		double e = envelope(o, t_s);
		if (e == 0.0)
			continue;
		double v = e * o->amp * sin(2.0 * M_PI * o->freq_hz * t_s + o->phase_rad);
		if (o->kind == SIM_OSC_ROTATION)
			rot = sim_vec3_add(rot, sim_vec3_scale(o->axis, v * SIM_RAD_PER_DEG));
		else
			shift = sim_vec3_add(shift, sim_vec3_scale(o->axis, v));
	}
	/* Body-frame shift is carried by the deliberate orientation, so a
	 * breathing rise stays "out of the belly" whichever way the body lies. */
	*pos_m = sim_vec3_add(*pos_m, sim_quat_rotate(*q, shift));
	*q = sim_quat_mul(*q, sim_quat_from_rotvec(rot));
}

void sim_traj_kinematics(const sim_trajectory *tr, double t_s, sim_kinematics *out)
{
	const double h = DIFF_STEP_S;
	sim_quat q0, q1, q2;
	sim_vec3 p0, p1, p2;
	sim_traj_pose(tr, t_s - h, &q0, &p0);
	sim_traj_pose(tr, t_s, &q1, &p1);
	sim_traj_pose(tr, t_s + h, &q2, &p2);
	out->q_earth_from_body = q1;
	out->pos_m = p1;
	/* q2 = q0 ⊗ exp(omega_body 2h): the increment lives in the body frame. */
	out->omega_body_rad_s = sim_vec3_scale(
		sim_quat_to_rotvec(sim_quat_mul(sim_quat_conj(q0), q2)), 0.5 / h);
	out->accel_earth_m_s2 = sim_vec3_scale(
		sim_vec3_add(sim_vec3_sub(p2, sim_vec3_scale(p1, 2.0)), p0), 1.0 / (h * h));
}
