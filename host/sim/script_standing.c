/* SPDX-License-Identifier: MIT */
/*
 * The standing exercises' attempts (contract §4): the lat stretch and the
 * paced shoulder-blade squeeze.
 *
 * Lat stretch: holding a door frame with the arm the coach asks for, the
 * wearer pushes the hips down and back, so the lower back leans forward
 * 36-55 deg from upright (the gauge: the spine's angle from the upright
 * start, whatever its direction), a little turned and tilted towards that
 * arm, holds, and comes up. Mistakes: too little range (18-22 deg), a hold
 * too short.
 *
 * Shoulder squeeze: the wearer follows the coach's pace (2 s breathe in,
 * 5 s squeeze and hold, 3 s relax) from 2 s after calibration, staying
 * upright; squeezing the shoulder blades arches the back by a degree or
 * two. The mistake, `not upright`: in the middle of a hold the wearer
 * slumps or leans forward 14-22 deg for 2-3 s, then comes back up.
 */
#include <math.h>

#include "sim/motion_profile.h"
#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

#define LAT_LEAN_LO_DEG 36.0 /* a correct lat stretch leans this far... */
#define LAT_LEAN_HI_DEG 55.0 /* ...to this, from upright */
#define LAT_HIPS_BACK_M 0.30 /* hips back at the full lean */
#define LAT_HIPS_DOWN_M 0.15 /* ...and down (knees a little bent) */

/* Functions */

/* Seconds a minimum-jerk ramp of duration d to amplitude a spends past th. */
static double ramp_time_past(double d, double a, double th)
{
	if (fabs(a) <= th)
		return 0.0;
	return d * (1.0 - sim_profile_minjerk_inverse(th / fabs(a)));
}

/* The lean of a lat stretch towards the arm on `side` (+1 left, -1 right). */
static void lat_move(sim_builder *b, double dur_s, double lean_deg, double side, double turn_deg)
{
	double frac = lean_deg / LAT_LEAN_HI_DEG;
	sim_vec3 p = sb_offset(b, b->s->p_start_m, -LAT_HIPS_BACK_M * frac, 0.0,
			       -LAT_HIPS_DOWN_M * frac);
	/* Leaning forward from the hips is the cow direction (sagittal < 0). */
	sb_move(b, dur_s, sb_rel(b, -lean_deg, -side * 0.1 * lean_deg, side * turn_deg), p);
}

void sb_lat_stretch(sim_builder *b, bc_reject_reason reason)
{
	const double th = b->s->threshold_deg, target = b->s->hold_target_s;
	double side = b->guided_side == BC_SIDE_RIGHT ? -1.0 : 1.0;
	double lean = sb_pick(b, LAT_LEAN_LO_DEG, LAT_LEAN_HI_DEG);
	double turn = sb_uniform(b, 2.0, 6.0);
	double zone_s = target + fmax(1.0, 0.1 * target) +
			b->p->hold_extra_s * sb_uniform(b, 0.5, 1.2);
	double d_down = sb_dur(b, 1.5, 3.0), d_up = sb_dur(b, 1.5, 3.0);

	if (reason == BC_REJECT_TOO_LITTLE_RANGE)
		lean = sb_uniform(b, 0.6, 0.75) * th; /* past any weight shift */
	else if (reason == BC_REJECT_HOLD_TOO_SHORT)
		/* longer than a stoop passing through the zone (< 3.5 s) */
		zone_s = sb_uniform(b, 5.0, fmax(5.5, fmin(0.6 * target, target - 1.5)));

	double plateau;
	if (lean > th) {
		double ramps = ramp_time_past(d_down, lean, th) + ramp_time_past(d_up, lean, th);
		plateau = fmax(0.3, zone_s - ramps);
	} else {
		plateau = target + b->p->hold_extra_s * sb_uniform(b, 0.3, 1.0);
	}

	double t_start = sb_now(b);
	lat_move(b, d_down, lean, side, turn);
	double hold_t0 = sb_now(b);
	sb_hold(b, plateau);
	double hold_t1 = sb_now(b);
	double margin = lean > th ? lean - th - 1.5 : th - lean - 1.5;
	sb_wobble(b, hold_t0, hold_t1, fmin(b->p->wobble_deg, fmax(0.1, margin)));
	/* Up again, a few tenths of a degree off where the wearer started. */
	sb_move(b, d_up,
		sb_rel(b, sb_uniform(b, -0.4, 0.4), sb_uniform(b, -0.5, 0.5),
		       sb_uniform(b, -0.8, 0.8)),
		b->s->p_start_m);

	sim_attempt a = { .start_s = t_start,
			  .release_s = hold_t1,
			  .event_s = hold_t1 + 0.5 * d_up,
			  .end_s = sb_now(b),
			  .counts = reason == BC_REJECT_NONE,
			  .reason = reason,
			  .peak_deg = lean };
	sb_attempt(b, &a);
}

/*
 * One coach's cycle of the squeeze (10 s). The wearer cannot be scripted
 * against the pace itself (it starts from the device's calibration, which
 * the script does not know yet): the verdicts come from the true motion
 * and the pace afterwards (sim_squeeze_expect). Upright, the squeeze arches
 * the lower back by a degree or two; the `not upright` mistake slumps or
 * leans forward 14-22 deg for 2-3 s.
 */
void sb_squeeze_cycle(sim_builder *b, bc_reject_reason reason)
{
	double arch = sb_uniform(b, 0.5, 2.0), t0 = sb_now(b);
	sb_move(b, 2.0, sb_rel(b, 0.0, 0.0, 0.0), b->s->p_start_m);
	if (reason == BC_REJECT_NOT_UPRIGHT) {
		double lean = sim_rng_sign(b->r) * sb_uniform(b, 14.0, 22.0), out_s = 0.6;
		double stay_s = sb_uniform(b, 1.4, 2.4);
		sb_hold(b, sb_uniform(b, 0.5, 1.5));
		sb_move(b, out_s, sb_rel(b, lean, sb_uniform(b, -2, 2), 0.0), b->s->p_start_m);
		sb_hold(b, stay_s);
		sb_move(b, out_s, sb_rel(b, 0.0, 0.0, 0.0), b->s->p_start_m);
	} else {
		sb_move(b, 1.0, sb_rel(b, -arch, 0.0, 0.0), b->s->p_start_m);
		sb_hold(b, 3.0);
		sb_move(b, 1.0, sb_rel(b, 0.0, 0.0, 0.0), b->s->p_start_m);
	}
	double left_s = 10.0 - (sb_now(b) - t0);
	if (left_s > 0.0)
		sb_hold(b, left_s);
}

/* Longest spell with the lean beyond max_deg inside t0..t1, seconds. */
static double longest_out_s(const double *t_s, const float *lean_deg, size_t n, double t0,
			    double t1, double max_deg)
{
	double longest = 0.0, since = -1.0;
	for (size_t i = 0; i < n && t_s[i] < t1; i++) {
		if (t_s[i] < t0)
			continue;
		if (lean_deg[i] > max_deg) {
			if (since < 0.0)
				since = t_s[i];
			longest = fmax(longest, t_s[i] - since);
		} else {
			since = -1.0;
		}
	}
	return longest;
}

int sim_squeeze_expect(sim_script *s, double calibrated_s, const double *t_s, const float *lean_deg,
		       size_t n)
{
	const double breathe_s = 2.0, squeeze_s = s->hold_target_s, relax_s = 3.0;
	const double period = breathe_s + squeeze_s + relax_s;
	double end_s = n ? t_s[n - 1] : calibrated_s;
	sim_builder b = { .s = s };
	s->n_events = 0;
	/* Cycles back to back from 2 s after calibration; one cut short (no sample
	 * at or after its end) gives nothing. */
	for (double c0 = calibrated_s + 2.0; c0 + period <= end_s; c0 += period) {
		double hold0 = c0 + breathe_s;
		double out_s = longest_out_s(t_s, lean_deg, n, hold0, hold0 + squeeze_s, 10.0);
		bool rep = out_s < 1.0;
		sb_expect(&b, c0 + period, rep, rep ? BC_REJECT_NONE : BC_REJECT_NOT_UPRIGHT,
			  BC_SIDE_NONE);
	}
	return b.failed ? -1 : 0;
}
