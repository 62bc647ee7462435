/* SPDX-License-Identifier: MIT */
/*
 * The builder the session scripts append movements through: see
 * script_builder.h. It knows the script it fills, not the scripts.
 */
#include "sim/script_builder.h"

#include <math.h>
#include <stdlib.h>

/* Growable arrays */

int sb_grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	void *p = realloc(*items, n * size);
	if (!p)
		return -1;
	*items = p;
	*cap = n;
	return 0;
}

/* Builder basics */

double sb_now(const sim_builder *b)
{
	return sim_traj_end_s(&b->s->traj);
}

sim_quat sb_q(const sim_builder *b)
{
	return sim_traj_last(&b->s->traj)->q_earth_from_body;
}

sim_vec3 sb_pos(const sim_builder *b)
{
	return sim_traj_last(&b->s->traj)->pos_m;
}

void sb_move(sim_builder *b, double dur_s, sim_quat q, sim_vec3 pos_m)
{
	if (!b->failed && sim_traj_move(&b->s->traj, dur_s, q, pos_m, SIM_PROFILE_MINJERK, 0.0))
		b->failed = 1;
}

void sb_cruise(sim_builder *b, double dur_s, sim_quat q, sim_vec3 pos_m, double ramp_s)
{
	if (!b->failed && sim_traj_move(&b->s->traj, dur_s, q, pos_m, SIM_PROFILE_CRUISE, ramp_s))
		b->failed = 1;
}

void sb_hold(sim_builder *b, double dur_s)
{
	if (!b->failed && sim_traj_hold(&b->s->traj, dur_s))
		b->failed = 1;
}

void sb_rest(sim_builder *b, double dur_s)
{
	double t0 = sb_now(b);
	sb_hold(b, dur_s);
	sim_script *s = b->s;
	if (b->failed || t0 < s->ready_s || dur_s <= 2.0 * SB_QUIET_MARGIN_S)
		return;
	if (sb_grow((void **)&s->quiet, &s->cap_quiet, s->n_quiet + 1, sizeof(*s->quiet))) {
		b->failed = 1;
		return;
	}
	s->quiet[s->n_quiet][0] = t0 + SB_QUIET_MARGIN_S;
	s->quiet[s->n_quiet][1] = t0 + dur_s - SB_QUIET_MARGIN_S;
	s->n_quiet++;
}

void sb_osc(sim_builder *b, sim_osc_kind kind, double t0_s, double t1_s, double ramp_s,
	    sim_vec3 axis, double amp, double freq_hz)
{
	sim_oscillator o = { .t0_s = t0_s,
			     .t1_s = t1_s,
			     .ramp_s = ramp_s,
			     .kind = kind,
			     .axis = axis,
			     .amp = amp,
			     .freq_hz = freq_hz,
			     .phase_rad = sim_rng_uniform(b->r, 0.0, 2.0 * M_PI) };
	if (!b->failed && sim_traj_add_osc(&b->s->traj, &o))
		b->failed = 1;
}

/* Poses */

sim_quat sb_pose(double yaw_deg, double lean_fwd_deg, double spine_turn_deg)
{
	sim_quat yaw = sim_quat_from_axis_angle(sim_vec3_make(0, 0, 1), yaw_deg * SIM_RAD_PER_DEG);
	sim_quat lean = sim_quat_from_axis_angle(sim_vec3_make(0, 1, 0),
						 lean_fwd_deg * SIM_RAD_PER_DEG);
	sim_quat turn = sim_quat_from_axis_angle(sim_vec3_make(0, 0, 1),
						 spine_turn_deg * SIM_RAD_PER_DEG);
	return sim_quat_mul(sim_quat_mul(yaw, lean), turn);
}

sim_quat sb_rel(const sim_builder *b, double sagittal_deg, double frontal_deg, double axial_deg)
{
	/* Posterior tilt is a negative turn about body +y (contract §4). */
	sim_vec3 rv = sim_vec3_scale(sim_vec3_make(frontal_deg, -sagittal_deg, axial_deg),
				     SIM_RAD_PER_DEG);
	return sim_quat_mul(b->s->q_start, sim_quat_from_rotvec(rv));
}

sim_vec3 sb_forward(const sim_builder *b)
{
	double a = b->yaw_deg * SIM_RAD_PER_DEG;
	return sim_vec3_make(cos(a), sin(a), 0.0);
}

sim_vec3 sb_left(const sim_builder *b)
{
	double a = b->yaw_deg * SIM_RAD_PER_DEG;
	return sim_vec3_make(-sin(a), cos(a), 0.0);
}

sim_vec3 sb_offset(const sim_builder *b, sim_vec3 p, double f_m, double l_m, double u_m)
{
	p = sim_vec3_add(p, sim_vec3_scale(sb_forward(b), f_m));
	p = sim_vec3_add(p, sim_vec3_scale(sb_left(b), l_m));
	p.z += u_m;
	return p;
}

/* Human variety */

double sb_uniform(sim_builder *b, double lo, double hi)
{
	return sim_rng_uniform(b->r, lo, hi);
}

double sb_dur(sim_builder *b, double lo, double hi)
{
	return sim_rng_uniform(b->r, lo, hi) * b->p->tempo;
}

double sb_pick(sim_builder *b, double lo, double hi)
{
	double u = b->p->range + 0.15 * sim_rng_gauss(b->r);
	u = u < 0.0 ? 0.0 : u > 1.0 ? 1.0 : u;
	return lo + (hi - lo) * u;
}

void sb_wobble(sim_builder *b, double t0_s, double t1_s, double amp_deg)
{
	if (t1_s - t0_s < 0.5 || amp_deg <= 0.0)
		return;
	double f = b->p->wobble_hz;
	/* Two incommensurate frequencies about the sagittal axis read as an
	 * irregular tremor; the other axes wobble less. */
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 0.4, sim_vec3_make(0, 1, 0), 0.7 * amp_deg,
	       f * sb_uniform(b, 0.8, 1.2));
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 0.4, sim_vec3_make(0, 1, 0), 0.3 * amp_deg,
	       f * sb_uniform(b, 1.9, 2.7));
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 0.4, sim_vec3_make(1, 0, 0), 0.4 * amp_deg,
	       f * sb_uniform(b, 0.6, 1.4));
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 0.4, sim_vec3_make(0, 0, 1), 0.4 * amp_deg,
	       f * sb_uniform(b, 0.6, 1.4));
}

/* Expectations */

void sb_expect(sim_builder *b, double t_s, bool rep, bc_reject_reason reason, bc_side side)
{
	sim_script *s = b->s;
	if (b->failed)
		return;
	if (sb_grow((void **)&s->events, &s->cap_events, s->n_events + 1, sizeof(*s->events))) {
		b->failed = 1;
		return;
	}
	s->events[s->n_events++] = (sim_expect_event){
		.t_s = t_s, .rep = rep, .reason = rep ? BC_REJECT_NONE : reason, .side = side
	};
}

void sb_attempt(sim_builder *b, const sim_attempt *a)
{
	sim_script *s = b->s;
	if (b->failed)
		return;
	if (sb_grow((void **)&s->attempts, &s->cap_attempts, s->n_attempts + 1,
		    sizeof(*s->attempts))) {
		b->failed = 1;
		return;
	}
	sim_attempt *added = &s->attempts[s->n_attempts++];
	*added = *a;
	if (b->guided_side != BC_SIDE_NONE) {
		added->side = b->guided_side;
		if (added->counts)
			b->guided_side = bc_side_other(b->guided_side);
	}
}
