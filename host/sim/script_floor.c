/* SPDX-License-Identifier: MIT */
/*
 * The floor stretches that turn the pelvis its own way: the downward dog
 * (from hands and knees, hips up and back, the lower back turning the cow
 * way) and the crossover (lying on the back, one leg over the other, the
 * pelvis turning about the spine). Correct attempts and each mistake, with
 * margins from every threshold as in script_exercises.c, and the other
 * exercises from the same start pose that these detectors must ignore.
 *
 * The hips really move: the dog lifts them 30-55 cm up and back; the
 * crossover lifts one hip, the pelvis rolling about the other.
 */
#include <math.h>

#include "sim/motion_profile.h"
#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

#define DOG_LO_DEG	 36.0 /* correct dogs turn the lower back this far... */
#define DOG_HI_DEG	 58.0 /* ...to this, the cow way */
#define CROSS_LO_DEG	 24.0 /* correct crossovers turn the pelvis this far... */
#define CROSS_HI_DEG	 56.0 /* ...to this, about the spine */
#define CROSS_FAR_DEG	 70.0 /* contract §4: beyond is rolled onto the side */
#define HIP_HALF_WIDTH_M 0.12 /* the pelvis rolls about the hip that stays down */

/* How one held stretch goes: its peak, ramps and time in the zone. */
typedef struct {
	double amp_deg; /* the gauge at the hold */
	double d_up_s, d_down_s;
	double plateau_s;
} hold_plan;

/* Functions */

/* Seconds a minimum-jerk ramp of duration d to a spends past th. */
static double ramp_time_past(double d, double a, double th)
{
	if (fabs(a) <= th)
		return 0.0;
	return d * (1.0 - sim_profile_minjerk_inverse(th / fabs(a)));
}

/*
 * The plan of one attempt: correct, too little range or too short a hold
 * (or amp already chosen beyond the zone's far end). The plateau makes the
 * time in the zone what was chosen; a miss of the range is held as long as
 * a real hold would be.
 */
static hold_plan plan_hold(sim_builder *b, bc_reject_reason reason, double amp_deg, double up_lo_s,
			   double up_hi_s)
{
	const double th = b->s->threshold_deg, target = b->s->hold_target_s;
	hold_plan h = { amp_deg, sb_dur(b, up_lo_s, up_hi_s), sb_dur(b, up_lo_s, up_hi_s), 0 };
	double zone_s = target + fmax(1.0, 0.1 * target) +
			b->p->hold_extra_s * sb_uniform(b, 0.5, 1.2);
	if (reason == BC_REJECT_TOO_LITTLE_RANGE)
		h.amp_deg = sb_uniform(b, 0.55, 0.7) * th;
	if (reason == BC_REJECT_HOLD_TOO_SHORT)
		zone_s = fmax(0.5, sb_uniform(b, 0.25, 1.0) * fmin(0.65 * target, target - 0.7));
	if (reason == BC_REJECT_ROLLED_ONTO_SIDE)
		zone_s = sb_uniform(b, 2.0, fmax(2.5, target)); /* lies there a while */
	if (h.amp_deg <= th) {
		h.plateau_s = target + b->p->hold_extra_s * sb_uniform(b, 0.3, 1.0);
		return h;
	}
	double ramps = ramp_time_past(h.d_up_s, h.amp_deg, th) +
		       ramp_time_past(h.d_down_s, h.amp_deg, th);
	if (ramps > zone_s - 0.15) {
		double k = fmax(0.3, (zone_s - 0.15) / ramps);
		h.d_up_s *= k;
		h.d_down_s *= k;
		ramps *= k;
	}
	h.plateau_s = fmax(0.15, zone_s - ramps);
	return h;
}

/* Hold where the last move ended, wobbling no nearer than margin_deg to a
 * threshold; returns when the hold ends. */
static double hold_there(sim_builder *b, double dur_s, double margin_deg)
{
	double t0 = sb_now(b);
	sb_hold(b, dur_s);
	sb_wobble(b, t0, sb_now(b), fmin(b->p->wobble_deg, fmax(0.1, margin_deg)));
	return sb_now(b);
}

/* Back to the start pose, a few tenths of a degree off. */
static void back_to_start(sim_builder *b, double dur_s)
{
	sb_move(b, dur_s,
		sb_rel(b, sb_uniform(b, -0.4, 0.4), sb_uniform(b, -0.5, 0.5),
		       sb_uniform(b, -0.8, 0.8)),
		b->s->p_start_m);
}

static void record(sim_builder *b, double t_start, double t_release, double d_down,
		   bc_reject_reason reason, double peak_deg, bc_side side)
{
	sim_attempt a = { .start_s = t_start,
			  .release_s = t_release,
			  .event_s = t_release + 0.5 * d_down,
			  .end_s = sb_now(b),
			  .counts = reason == BC_REJECT_NONE,
			  .reason = reason,
			  .peak_deg = peak_deg,
			  .side = side };
	sb_attempt(b, &a);
}

/* ---- Downward dog ------------------------------------------------------- */

/* The dog's pose at amp_deg the cow way: hips up and back, in proportion. */
static void dog_move(sim_builder *b, double dur_s, double amp_deg, double up_m, double back_m)
{
	double k = fmin(1.0, amp_deg / DOG_LO_DEG);
	sb_move(b, dur_s, sb_rel(b, -amp_deg, sb_uniform(b, -2, 2), sb_uniform(b, -2, 2)),
		sb_offset(b, b->s->p_start_m, -back_m * k, 0, up_m * k));
}

void sb_dog_attempt(sim_builder *b, bc_reject_reason reason)
{
	hold_plan h = plan_hold(b, reason, sb_pick(b, DOG_LO_DEG, DOG_HI_DEG), 1.5, 3.0);
	double up = sb_uniform(b, 0.26, 0.42), back = sb_uniform(b, 0.15, 0.30);
	double t_start = sb_now(b);
	dog_move(b, h.d_up_s, h.amp_deg, up, back);
	double margin = h.amp_deg > b->s->threshold_deg ? h.amp_deg - b->s->threshold_deg - 1.5
							: 0.3;
	double t_release = hold_there(b, h.plateau_s, margin);
	back_to_start(b, h.d_down_s);
	record(b, t_start, t_release, h.d_down_s, reason, h.amp_deg, BC_SIDE_NONE);
}

/* ---- Crossover ---------------------------------------------------------- */

/* Turned turn_deg about the spine (positive: right leg over, contract §4):
 * the hip of the crossing leg lifts, the pelvis rolling about the other. */
static void cross_move(sim_builder *b, double dur_s, double turn_deg)
{
	double a = turn_deg * SIM_RAD_PER_DEG;
	double up = HIP_HALF_WIDTH_M * fabs(sin(a)), left = HIP_HALF_WIDTH_M * (1.0 - cos(a));
	sb_move(b, dur_s, sb_rel(b, sb_uniform(b, -2, 2), sb_uniform(b, -2, 2), turn_deg),
		sb_offset(b, b->s->p_start_m, 0, turn_deg > 0 ? left : -left, up));
}

void sb_crossover_attempt(sim_builder *b, bc_reject_reason reason)
{
	double amp = reason == BC_REJECT_ROLLED_ONTO_SIDE ? sb_uniform(b, 75.0, 100.0)
							  : sb_pick(b, CROSS_LO_DEG, CROSS_HI_DEG);
	hold_plan h = plan_hold(b, reason, amp, 1.5, 3.0);
	double sign = sim_rng_sign(b->r);
	bc_side side = sign > 0 ? BC_SIDE_RIGHT : BC_SIDE_LEFT;
	double t_start = sb_now(b);
	cross_move(b, h.d_up_s, sign * h.amp_deg);
	double th = b->s->threshold_deg;
	double margin = h.amp_deg > CROSS_FAR_DEG ? h.amp_deg - CROSS_FAR_DEG - 1.5
			: h.amp_deg > th ? fmin(h.amp_deg - th, CROSS_FAR_DEG - h.amp_deg) - 1.5
					 : 0.3;
	double t_release = hold_there(b, h.plateau_s, margin);
	back_to_start(b, h.d_down_s);
	record(b, t_start, t_release, h.d_down_s, reason, h.amp_deg, side);
}

/* ---- Other exercises from the same start pose --------------------------- */

/* Into a pose (body angles, hips moved), held, back, a rest: nothing to count. */
static void other_pose(sim_builder *b, double sag_deg, double axial_deg, double back_m, double up_m,
		       double hold_s)
{
	sb_move(b, sb_dur(b, 1.2, 2.5), sb_rel(b, sag_deg, sb_uniform(b, -2, 2), axial_deg),
		sb_offset(b, b->s->p_start_m, -back_m, 0, up_m));
	hold_there(b, hold_s, 0.5);
	back_to_start(b, sb_dur(b, 1.2, 2.5));
	sb_rest(b, sb_uniform(b, 2.0, 5.0));
}

/* Cat-cow cycles as the cat-cow simulation does them: cat, then cow. */
static void catcow_cycles(sim_builder *b, int n)
{
	for (int i = 0; i < n && !b->failed; i++) {
		double c = sb_pick(b, 8.0, 20.0), w = sb_pick(b, 8.0, 18.0);
		sb_move(b, sb_dur(b, 0.9, 1.8), sb_rel(b, c, 0, sb_uniform(b, -1.5, 1.5)),
			sb_offset(b, b->s->p_start_m, 0, 0, -0.02 * c / 20));
		hold_there(b, sb_dur(b, 0.8, 2.5), 0.5);
		sb_move(b, sb_dur(b, 1.4, 2.8), sb_rel(b, -w, 0, sb_uniform(b, -1.5, 1.5)),
			sb_offset(b, b->s->p_start_m, 0, 0, 0.02 * w / 20));
		hold_there(b, sb_dur(b, 0.8, 2.5), 0.5);
		back_to_start(b, sb_dur(b, 0.9, 1.8));
		sb_rest(b, sb_uniform(b, 0.5, 3.0));
	}
}

void sb_other_exercise(sim_builder *b)
{
	switch (b->ex) {
	case BC_EXERCISE_DOWNWARD_DOG: /* cat-cow, and a child's pose */
		catcow_cycles(b, sim_rng_int(b->r, 3, 5));
		other_pose(b, sb_pick(b, 22, 45), sb_uniform(b, -3, 3), sb_uniform(b, 0.2, 0.3),
			   -sb_uniform(b, 0.15, 0.25), sb_uniform(b, 10, 30));
		break;
	case BC_EXERCISE_CROSSOVER: /* pelvic tilts, knee-to-chest, a bridge */
		for (int i = sim_rng_int(b->r, 2, 3); i > 0; i--)
			other_pose(b, sb_pick(b, 8, 16), sb_uniform(b, -2, 2), 0, 0,
				   sb_uniform(b, 5, 11));
		for (int i = sim_rng_int(b->r, 1, 2); i > 0; i--)
			other_pose(b, sb_pick(b, 9, 22), sb_uniform(b, -4, 4), 0, 0,
				   sb_uniform(b, 10, 17));
		other_pose(b, sb_pick(b, 19, 30), sb_uniform(b, -4, 4), 0, sb_uniform(b, 0.13, 0.2),
			   sb_uniform(b, 2.5, 6));
		break;
	default: /* the bridge: crossovers, either side */
		for (int i = sim_rng_int(b->r, 2, 4); i > 0 && !b->failed; i--) {
			cross_move(b, sb_dur(b, 1.5, 3.0),
				   sim_rng_sign(b->r) * sb_pick(b, CROSS_LO_DEG, CROSS_HI_DEG));
			hold_there(b, sb_uniform(b, 5, 17), 0.5);
			back_to_start(b, sb_dur(b, 1.5, 3.0));
			sb_rest(b, sb_uniform(b, 2.0, 5.0));
		}
		break;
	}
}
