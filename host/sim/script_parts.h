/* SPDX-License-Identifier: MIT */
/*
 * Internal to the session scripts: the parts a session is made of (the
 * wearing protocol, exercise attempts, distractors, unsteadiness), each
 * written with the builder (script_builder.h). session_script.c puts them
 * in order.
 */
#ifndef BC_SIM_SCRIPT_PARTS_H
#define BC_SIM_SCRIPT_PARTS_H

#include "sim/script_builder.h"

/* Unsteadiness (script_unsteady.c) */
/* Tremor and drift during t0..t1; scale 1 standing. */
void sb_unsteady(sim_builder *b, double t0_s, double t1_s, double scale);

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
/* The floor stretches (script_floor.c). */
void sb_dog_attempt(sim_builder *b, bc_reject_reason reason);
void sb_crossover_attempt(sim_builder *b, bc_reject_reason reason);
/* Another exercise from the same start pose (downward dog, crossover, bridge). */
void sb_other_exercise(sim_builder *b);

/* Deep squat attempts (script_squat.c). reason NONE = a correct one. */
void sb_squat_attempt(sim_builder *b, bc_reject_reason reason);

/* Bending over to pick something up, a few times (script_pick_up.c). */
void sb_pick_up(sim_builder *b);

/* Standing exercises (script_standing.c). reason NONE = a correct one. */
void sb_lat_stretch(sim_builder *b, bc_reject_reason reason);
void sb_squeeze_cycle(sim_builder *b, bc_reject_reason reason);

/* Distractors (script_distractors.c) */
void sb_distractor(sim_builder *b, sim_distractor d);

#endif /* BC_SIM_SCRIPT_PARTS_H */
