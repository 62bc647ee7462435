/* SPDX-License-Identifier: MIT */
/*
 * The pick-up distractor: bending over to pick something off the floor, the
 * way people do it between exercises. Standing, either a stoop (knees
 * nearly straight, the trunk folded 75-100 deg from upright, the lower back
 * dropping 5-15 cm) or a half squat with the trunk folded over (65-90 deg,
 * 15-25 cm); 1-3 s down there, then up. Sitting (the shoulder squeeze may be
 * done on a chair), a reach down beside the chair.
 *
 * Nothing here is a rep of anything. For the deep squat every one of them
 * folds the trunk past 60 deg, so it is an attempt that a correct detector
 * rejects as "leaning too far" and the script says so; for every other
 * exercise it expects nothing.
 */
#include <math.h>

#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Functions */

static void pick_up_once(sim_builder *b)
{
	bool sitting = b->pose == BC_POSE_SITTING;
	bool stoop = sim_rng_chance(b->r, 0.5);
	double lean = sitting ? sb_uniform(b, 40.0, 70.0)
		      : stoop ? sb_uniform(b, 75.0, 100.0)
			      : sb_uniform(b, 65.0, 90.0);
	double drop = sitting ? sb_uniform(b, 0.0, 0.03)
		      : stoop ? sb_uniform(b, 0.05, 0.15)
			      : sb_uniform(b, 0.15, 0.25);
	double back = sitting ? 0.0 : sb_uniform(b, 0.05, 0.20);
	double side = sitting ? sim_rng_sign(b->r) * sb_uniform(b, 10.0, 25.0)
			      : sb_uniform(b, -8.0, 8.0);
	double d_down = sb_dur(b, 0.8, 1.5), d_up = sb_dur(b, 0.8, 1.5);

	if (!sitting)
		sb_stand_still(b, sb_uniform(b, 1.0, 3.0));
	double t_start = sb_now(b);
	sb_move(b, d_down, sb_rel(b, -lean, side, sb_uniform(b, -10.0, 10.0)),
		sb_offset(b, b->s->p_start_m, -back, 0, -drop));
	double t_pick = sb_now(b);
	sb_hold(b, sb_uniform(b, 0.2, 1.5)); /* 1-3 s down there in all */
	sb_wobble(b, t_pick, sb_now(b), 2.0);
	double t_up = sb_now(b);
	sb_move(b, d_up, sb_rel(b, sb_uniform(b, -0.5, 0.5), 0, 0), b->s->p_start_m);
	if (b->ex == BC_EXERCISE_DEEP_SQUAT) {
		sim_attempt a = { .start_s = t_start,
				  .release_s = t_up,
				  .event_s = t_up + 0.5 * d_up,
				  .end_s = sb_now(b),
				  .counts = false,
				  .reason = BC_REJECT_LEANING_TOO_FAR,
				  .peak_deg = drop * 100.0 };
		sb_attempt(b, &a);
	}
	sb_rest(b, sb_uniform(b, 2.0, 5.0));
}

void sb_pick_up(sim_builder *b)
{
	int n = sim_rng_int(b->r, 2, 4);
	for (int i = 0; i < n && !b->failed; i++)
		pick_up_once(b);
}
