/* SPDX-License-Identifier: MIT */
/*
 * Internal to the session scripts: the builder that the protocol, exercise
 * and distractor parts (script_parts.h) append movements through; it knows
 * nothing of them. Errors are sticky (the
 * first failure is kept and later calls do nothing), so scripts read as a
 * plain list of movements.
 */
#ifndef BC_SIM_SCRIPT_BUILDER_H
#define BC_SIM_SCRIPT_BUILDER_H

#include "sim/session_script.h"

#define SB_QUIET_MARGIN_S 1.0 /* a dropout keeps this far from any movement */

typedef struct {
	sim_script *s;
	const sim_person *p;
	sim_rng *r;
	bc_exercise_id ex;
	bc_start_pose pose;
	double yaw_deg;	      /* heading now */
	double start_yaw_deg; /* heading in the start pose (random) */
	sim_vec3 home_m;      /* where the wearer stands at the start */
	int failed;	      /* sticky: out of memory or an impossible movement */
	bc_side guided_side;  /* guided one-sided exercises: the side the coach asks for now
			       * (left first, the other after each counted hold) */
} sim_builder;

/* Clock and basic moves */
double sb_now(const sim_builder *b);
sim_quat sb_q(const sim_builder *b);   /* current (last key) orientation */
sim_vec3 sb_pos(const sim_builder *b); /* current (last key) position */
void sb_move(sim_builder *b, double dur_s, sim_quat q, sim_vec3 pos_m);
void sb_cruise(sim_builder *b, double dur_s, sim_quat q, sim_vec3 pos_m, double ramp_s);
void sb_hold(sim_builder *b, double dur_s);
/* Hold in the start pose between attempts; may later receive a dropout. */
void sb_rest(sim_builder *b, double dur_s);
void sb_osc(sim_builder *b, sim_osc_kind kind, double t0_s, double t1_s, double ramp_s,
	    sim_vec3 axis, double amp, double freq_hz);

/* Poses */
/* Earth-frame orientation: heading yaw, then lean forward (about body +y;
 * negative leans back), then a turn about the spine (body +z). */
sim_quat sb_pose(double yaw_deg, double lean_fwd_deg, double spine_turn_deg);
/* The start pose turned by body angles (contract §4 signs): posterior tilt
 * positive, frontal about +x, axial about +z. */
sim_quat sb_rel(const sim_builder *b, double sagittal_deg, double frontal_deg, double axial_deg);
/* Horizontal unit vectors of the session heading. */
sim_vec3 sb_forward(const sim_builder *b);
sim_vec3 sb_left(const sim_builder *b);
/* p + forward * f + left * l + up * u (metres). */
sim_vec3 sb_offset(const sim_builder *b, sim_vec3 p, double f_m, double l_m, double u_m);

/* Human variety */
double sb_uniform(sim_builder *b, double lo, double hi);
/* A duration drawn in lo..hi seconds, scaled by the person's tempo. */
double sb_dur(sim_builder *b, double lo, double hi);
/* A value in lo..hi where this person tends to land (their "range"). */
double sb_pick(sim_builder *b, double lo, double hi);
/* Small oscillations about all three axes during t0..t1 (a hold). */
void sb_wobble(sim_builder *b, double t0_s, double t1_s, double amp_deg);

/* Expectations */
void sb_expect(sim_builder *b, double t_s, bool rep, bc_reject_reason reason, bc_side side);
/* Records an attempt. A guided one-sided exercise's attempt gets the side
 * asked for (the coach then asks for the other side if it counts). */
void sb_attempt(sim_builder *b, const sim_attempt *a);

/* Growable arrays: room for need items of size bytes; 0, or -1 out of memory. */
int sb_grow(void **items, size_t *cap, size_t need, size_t size);

#endif /* BC_SIM_SCRIPT_BUILDER_H */
