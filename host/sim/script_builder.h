/* SPDX-License-Identifier: MIT */
/*
 * Internal to the session scripts: the builder that the protocol, exercise
 * and distractor parts append movements through. Errors are sticky (the
 * first failure is kept and later calls do nothing), so scripts read as a
 * plain list of movements.
 */
#ifndef BC_SIM_SCRIPT_BUILDER_H
#define BC_SIM_SCRIPT_BUILDER_H

#include "sim/session_script.h"

typedef struct {
	sim_script *s;
	const sim_person *p;
	sim_rng *r;
	bc_exercise_id ex;
	bc_start_pose pose;
	double yaw_deg;        /* heading now */
	double start_yaw_deg;  /* heading in the start pose (random) */
	sim_vec3 home_m;       /* where the wearer stands at the start */
	int failed;            /* sticky: out of memory or an impossible movement */
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
sim_quat sb_rel(const sim_builder *b, double sagittal_deg, double frontal_deg,
		double axial_deg);
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
/* Tremor and drift during t0..t1 (script_unsteady.c); scale 1 standing. */
void sb_unsteady(sim_builder *b, double t0_s, double t1_s, double scale);

/* Expectations */
void sb_expect(sim_builder *b, double t_s, bool rep, bc_reject_reason reason);
void sb_attempt(sim_builder *b, const sim_attempt *a);

/* Protocol (script_protocol.c) */
void sb_breathing(sim_builder *b, double t0_s, double t1_s);
/* Standing still: ankle sway and the person's unsteadiness. */
void sb_stand_still(sim_builder *b, double dur_s);
/* The protocol's first stand (contract §3, >= 3 s still), with the person's
 * weight shift if they have one. */
void sb_stand_first(sim_builder *b);
/* In the start pose: maybe a fidget, then the still hold (>= 2.2 s). */
void sb_settle_in_start_pose(sim_builder *b);
/* From standing at home into the start pose; sets s->q_start / p_start_m. */
void sb_to_start_pose(sim_builder *b);
/* From the start pose (resting) up to standing. */
void sb_get_up(sim_builder *b);
/* From standing back down into the start pose. */
void sb_back_to_start_pose(sim_builder *b);
/* From standing: walk somewhere and back, for about dur_s. */
void sb_walk(sim_builder *b, double dur_s);

/* Exercise attempts (script_exercises.c). reason NONE = a correct one. */
void sb_hold_attempt(sim_builder *b, bc_reject_reason reason);
void sb_catcow_cycle(sim_builder *b, bc_reject_reason reason);
/* Posture: alerts >= 1 a real slouch giving that many alerts; 0 a near
 * miss (too short or too slight) that must give none. */
void sb_slouch(sim_builder *b, int alerts);
void sb_exercise_rest(sim_builder *b);

/* Distractors (script_distractors.c) */
void sb_distractor(sim_builder *b, sim_distractor d);

#endif /* BC_SIM_SCRIPT_BUILDER_H */
