/* SPDX-License-Identifier: MIT */
/*
 * Deep squats (contract §4): from standing, the hips go back and down, the
 * knees bend, the arms reach forward for balance; the sensor on the lower
 * back drops 30-55 cm while the lower back leans only 9-36 deg from upright
 * at the bottom (optical motion capture of ten people), then the wearer
 * stands up again. With a hold target the bottom is held (wobbling a
 * little); with a target of a second or less the squat is quick, with no
 * still bottom at all.
 *
 * The mistakes, each clear of the thresholds: a shallow squat (12-20 cm:
 * too little range), a stoop that folds the trunk over instead of bending
 * the knees (72-100 deg: leaning too far), and holds too short.
 *
 * The squat's gauge is the depth (sim_script_gauge_deg returns it in cm for
 * the deep squat), so the zone time the session publishes is the true time
 * lowered by at least 30 cm.
 */
#include <math.h>

#include "sim/motion_profile.h"
#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

#define DEPTH_M		   0.30 /* contract §4 */
#define QUICK_MAX_TARGET_S 1.0	/* hold targets up to this: quick squats */

typedef struct {
	double depth_m, lean_deg, back_m;
	double d_down_s, d_up_s;
	double plateau_s;
} squat_shape;

/* Functions */

/* Seconds a minimum-jerk ramp of duration d to depth a spends at depth >= th. */
static double ramp_time_below(double d, double a, double th)
{
	if (a <= th)
		return 0.0;
	return d * (1.0 - sim_profile_minjerk_inverse(th / a));
}

static double ramps_below(const squat_shape *q)
{
	return ramp_time_below(q->d_down_s, q->depth_m, DEPTH_M) +
	       ramp_time_below(q->d_up_s, q->depth_m, DEPTH_M);
}

/* The bottom's length so that the time lowered by 30 cm is zone_s. */
static void fit_plateau(squat_shape *q, double zone_s)
{
	double ramps = ramps_below(q);
	if (ramps > zone_s - 0.15) {
		double k = fmax(0.3, (zone_s - 0.15) / ramps);
		q->d_down_s *= k;
		q->d_up_s *= k;
		ramps *= k;
	}
	q->plateau_s = fmax(0.15, zone_s - ramps);
}

static squat_shape shape_for(sim_builder *b, bc_reject_reason reason)
{
	const double target = b->s->hold_target_s;
	squat_shape q = { .depth_m = sb_pick(b, 0.36, 0.55),
			  .lean_deg = sb_pick(b, 9.0, 36.0),
			  .d_down_s = sb_dur(b, 1.2, 2.5),
			  .d_up_s = sb_dur(b, 1.2, 2.5) };
	double zone_s = target + fmax(1.0, 0.1 * target) +
			b->p->hold_extra_s * sb_uniform(b, 0.5, 1.2);
	switch (reason) {
	case BC_REJECT_TOO_LITTLE_RANGE:
		q.depth_m = sb_uniform(b, 0.12, 0.20);
		q.lean_deg = sb_uniform(b, 5.0, 20.0);
		q.plateau_s = fmax(sb_uniform(b, 1.5, 3.0), target + b->p->hold_extra_s);
		break;
	case BC_REJECT_LEANING_TOO_FAR:
		/* Folded over from the hips, knees nearly straight: little drop. */
		q.depth_m = sb_uniform(b, 0.04, 0.14);
		q.lean_deg = sb_uniform(b, 72.0, 100.0);
		q.plateau_s = sb_uniform(b, 2.0, 8.0);
		break;
	case BC_REJECT_HOLD_TOO_SHORT:
		zone_s = fmax(0.5, sb_uniform(b, 0.25, 1.0) * fmin(0.65 * target, target - 0.7));
		fit_plateau(&q, zone_s);
		break;
	default:
		if (target <= QUICK_MAX_TARGET_S) {
			/* Quick: straight back up, no still bottom. */
			q.plateau_s = sb_uniform(b, 0.0, 0.3);
			while (ramps_below(&q) + q.plateau_s < target + 0.5) {
				q.d_down_s *= 1.2;
				q.d_up_s *= 1.2;
			}
		} else {
			fit_plateau(&q, zone_s);
		}
		break;
	}
	/* Hips go back as they go down: about half the drop in a squat. */
	q.back_m = q.depth_m * sb_uniform(b, 0.3, 0.7) + 0.12 * sin(q.lean_deg * M_PI / 360.0);
	return q;
}

void sb_squat_attempt(sim_builder *b, bc_reject_reason reason)
{
	const squat_shape q = shape_for(b, reason);
	sb_stand_still(b, sb_uniform(b, 0.8, 1.5));
	double frontal = sb_uniform(b, -3.0, 3.0), axial = sb_uniform(b, -5.0, 5.0);
	double t_start = sb_now(b);
	/* Leaning forward from the start is a negative sagittal turn (contract §4). */
	sb_move(b, q.d_down_s, sb_rel(b, -q.lean_deg, frontal, axial),
		sb_offset(b, b->s->p_start_m, -q.back_m, 0, -q.depth_m));
	double hold_t0 = sb_now(b);
	sb_hold(b, q.plateau_s);
	double hold_t1 = sb_now(b);
	sb_wobble(b, hold_t0, hold_t1, fmin(b->p->wobble_deg, 1.0));
	sb_move(b, q.d_up_s, sb_rel(b, sb_uniform(b, -0.5, 0.5), 0, 0),
		sb_offset(b, b->s->p_start_m, sb_uniform(b, -0.02, 0.02),
			  sb_uniform(b, -0.02, 0.02), 0));
	sim_attempt a = { .start_s = t_start,
			  .release_s = hold_t1,
			  .event_s = hold_t1 + 0.5 * q.d_up_s,
			  .end_s = sb_now(b),
			  .counts = reason == BC_REJECT_NONE,
			  .reason = reason,
			  .peak_deg = q.depth_m * 100.0 };
	sb_attempt(b, &a);
}
