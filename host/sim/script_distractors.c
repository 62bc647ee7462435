/* SPDX-License-Identifier: MIT */
/*
 * Distractors: sessions (or parts of them) where the wearer moves but does
 * nothing a detector should count or reject -- fidgeting, rolling onto the
 * side, sitting up, lying still for minutes, getting up to stand or walk.
 * Sagittal movements stay small where the wearer stays in the start pose
 * (fidgets keep within +-1.2 deg, well inside any "too little range"
 * attempt); the big movements leave the start pose altogether.
 */
#include <math.h>

#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Functions */

static void fidget(sim_builder *b, int count)
{
	bool sitting = b->pose == BC_POSE_SITTING;
	double sag = sitting ? 4.0 : 1.2; /* a chair allows more shuffling */
	for (int i = 0; i < count && !b->failed; i++) {
		sim_vec3 p = sb_offset(b, b->s->p_start_m, sb_uniform(b, -0.03, 0.03),
				       sb_uniform(b, -0.03, 0.03), sb_uniform(b, -0.01, 0.01));
		sb_move(b, sb_dur(b, 0.6, 1.5),
			sb_rel(b, sb_uniform(b, -sag, sag), sb_uniform(b, -3, 3),
			       sb_uniform(b, -5, 5)),
			p);
		sb_hold(b, sb_uniform(b, 0.5, 3.0));
	}
	sb_move(b, sb_dur(b, 0.8, 1.5), sb_rel(b, sb_uniform(b, -0.5, 0.5), 0, 0), b->s->p_start_m);
	sb_rest(b, sb_uniform(b, 2.0, 5.0));
}

/*
 * How far a roll-over turns about the spine. Onto the side is the
 * crossover's own mistake ("rolled onto the side", contract §4), so in a
 * crossover session the wearer rolls right over onto the front instead,
 * which is no crossover at all.
 */
static double roll_over_turn_deg(sim_builder *b)
{
	double turn = sb_uniform(b, 70, 95);
	return b->ex == BC_EXERCISE_CROSSOVER ? turn + 80.0 : turn;
}

static void roll_over(sim_builder *b)
{
	double side = sim_rng_sign(b->r);
	sim_vec3 p = sb_offset(b, b->s->p_start_m, 0, side * 0.15, 0.07);
	sb_move(b, sb_dur(b, 1.8, 3.0),
		sb_rel(b, sb_uniform(b, -3, 3), sb_uniform(b, -5, 5), side * roll_over_turn_deg(b)),
		p);
	sb_hold(b, sb_uniform(b, 3.0, 8.0));
	sb_move(b, sb_dur(b, 1.8, 3.0), sb_rel(b, sb_uniform(b, -0.5, 0.5), 0, 0), b->s->p_start_m);
	sb_rest(b, sb_uniform(b, 2.0, 5.0));
}

static void sit_up(sim_builder *b)
{
	sim_vec3 p;
	sim_quat q;
	if (b->pose == BC_POSE_SUPINE) { /* long sitting on the mat */
		q = sb_pose(b->start_yaw_deg, -sb_uniform(b, 5, 20), 0);
		p = sb_offset(b, b->s->p_start_m, 0.12, 0, 0.07);
	} else { /* tall kneeling from hands and knees */
		q = sb_pose(b->start_yaw_deg, sb_uniform(b, 0, 15), 0);
		p = sb_offset(b, b->s->p_start_m, -0.05, 0, 0.05);
	}
	sb_move(b, sb_dur(b, 2.0, 3.5), q, p);
	sb_hold(b, sb_uniform(b, 5.0, 12.0));
	sb_move(b, sb_dur(b, 2.0, 3.0), b->s->q_start, b->s->p_start_m);
	sb_rest(b, sb_uniform(b, 2.0, 5.0));
}

/* Posture: reaching forward for something, back within a few seconds. */
static void reach(sim_builder *b)
{
	sb_move(b, sb_dur(b, 0.8, 1.5),
		sb_rel(b, -sb_uniform(b, 20, 35), 0, sb_uniform(b, -15, 15)),
		sb_offset(b, b->s->p_start_m, 0.05, 0, 0));
	sb_hold(b, sb_uniform(b, 1.0, 4.0));
	sb_move(b, sb_dur(b, 0.8, 1.5), sb_rel(b, sb_uniform(b, -1, 1), 0, 0), b->s->p_start_m);
	sb_rest(b, sb_uniform(b, 3.0, 8.0));
}

void sb_distractor(sim_builder *b, sim_distractor d)
{
	switch (d) {
	case SIM_DISTRACT_FIDGET:
		fidget(b, sim_rng_int(b->r, 6, 12));
		break;
	case SIM_DISTRACT_ROLL_OVER:
		roll_over(b);
		roll_over(b);
		break;
	case SIM_DISTRACT_SIT_UP:
		sit_up(b);
		sit_up(b);
		break;
	case SIM_DISTRACT_STILL:
		sb_rest(b, sb_uniform(b, 120.0, 240.0));
		break;
	case SIM_DISTRACT_STAND:
		sb_get_up(b);
		sb_stand_still(b, sb_uniform(b, 20.0, 40.0));
		break;
	case SIM_DISTRACT_WALK:
		sb_get_up(b);
		sb_walk(b, sb_uniform(b, 20.0, 50.0));
		break;
	case SIM_DISTRACT_OTHER_EXERCISE:
		sb_other_exercise(b);
		break;
	case SIM_DISTRACT_PICK_UP:
		sb_pick_up(b);
		break;
	case SIM_DISTRACT_ALL:
	default:
		fidget(b, sim_rng_int(b->r, 3, 6));
		if (b->pose == BC_POSE_SITTING)
			reach(b);
		if (sim_distractor_applies(b->ex, SIM_DISTRACT_ROLL_OVER))
			roll_over(b);
		sb_rest(b, sb_uniform(b, 40.0, 80.0));
		if (sim_distractor_applies(b->ex, SIM_DISTRACT_SIT_UP))
			sit_up(b);
		sb_get_up(b);
		sb_stand_still(b, sb_uniform(b, 10.0, 20.0));
		sb_walk(b, sb_uniform(b, 20.0, 40.0));
		sb_back_to_start_pose(b);
		fidget(b, sim_rng_int(b->r, 2, 4));
		sb_rest(b, sb_uniform(b, 10.0, 20.0));
		break;
	}
}
