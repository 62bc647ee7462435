/* SPDX-License-Identifier: MIT */
/*
 * The exercise attempts: correct ones and every kind of mistake, each built
 * so that its verdict under the contract's rep definition (§4) is clear-cut:
 * ranges and hold times keep a margin from every threshold, because a
 * detector measures with noise and a little lag.
 *
 * "In the zone" means the exercise's gauge (sagittal angle from the start,
 * posterior positive) is past the range threshold; the hold is the time in
 * the zone, counted from entering to leaving it; a slip out shorter than
 * 1 s pauses it (its time is not counted). Movements are minimum-jerk, so the time a ramp spends past the
 * threshold follows from the profile's inverse.
 */
#include <math.h>

#include "sim/motion_profile.h"
#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

#define CATCOW_PHASE_MIN_OK_S	  1.6  /* a correct phase lasts this long at least */
#define CATCOW_PHASE_MAX_RUSHED_S 0.75 /* a rushed one at most this long */
#define POSTURE_ALERT_AFTER_S	  10.0
#define POSTURE_REPEAT_S	  30.0

/* Per exercise: the correct amplitude range and what the rest of the body
 * does (bridge: hips rise; child's pose: hips sink back to the heels). */
typedef struct {
	double lo_deg, hi_deg;	 /* correct posterior range */
	double up_lo_s, up_hi_s; /* movement into the hold */
	double lift_m;		 /* bridge: hip rise at full range */
	double back_m, down_m;	 /* child's pose: hips back and down at full range */
	double roll_ok_deg;	 /* harmless roll at the top */
} hold_shape;

/* Functions */

static hold_shape shape_for(bc_exercise_id ex)
{
	switch (ex) {
	case BC_EXERCISE_BRIDGE:
		return (hold_shape){ 19, 30, 1.2, 2.5, 0.175, 0, 0, 4 };
	case BC_EXERCISE_KNEE_TO_CHEST:
		return (hold_shape){ 9, 22, 1.5, 3.0, 0, 0, 0, 4 };
	case BC_EXERCISE_CHILDS_POSE:
		return (hold_shape){ 22, 45, 2.0, 4.0, 0, 0.25, 0.2, 3 };
	default: /* pelvic tilt */
		return (hold_shape){ 8, 16, 1.0, 2.2, 0, 0, 0, 2 };
	}
}

/* Seconds a minimum-jerk ramp of duration d from 0 to a (or a to 0) spends
 * with the angle past threshold th (same sign as a). */
static double ramp_time_past(double d, double a, double th)
{
	if (fabs(a) <= th)
		return 0.0;
	return d * (1.0 - sim_profile_minjerk_inverse(th / fabs(a)));
}

/* The pose of the hold: start pose turned by the body angles, hips moved. */
static void move_to(sim_builder *b, double dur_s, double sag_deg, double frontal_deg,
		    double axial_deg, double lift_m, double back_m, double down_m)
{
	sim_vec3 p = sb_offset(b, b->s->p_start_m, -back_m, 0, lift_m - down_m);
	sb_move(b, dur_s, sb_rel(b, sag_deg, frontal_deg, axial_deg), p);
}

void sb_exercise_rest(sim_builder *b)
{
	double rest = b->ex == BC_EXERCISE_POSTURE
			      ? sb_uniform(b, 8.0, 30.0)
			      : fmax(1.2, b->p->rest_s * sb_uniform(b, 0.6, 1.5));
	sb_rest(b, rest);
}

/* Back to neutral, a few tenths of a degree off where the wearer started:
 * nobody returns to exactly the same place. */
static void return_to_neutral(sim_builder *b, double dur_s)
{
	double tol = b->ex == BC_EXERCISE_POSTURE ? 1.5 : 0.4;
	move_to(b, dur_s, sb_uniform(b, -tol, tol), sb_uniform(b, -0.5, 0.5),
		sb_uniform(b, -0.8, 0.8), 0, 0, 0);
}

void sb_hold_attempt(sim_builder *b, bc_reject_reason reason)
{
	const hold_shape sh = shape_for(b->ex);
	const double th = b->s->threshold_deg, target = b->s->hold_target_s;
	double amp = sb_pick(b, sh.lo_deg, sh.hi_deg);
	double roll = sb_uniform(b, -sh.roll_ok_deg, sh.roll_ok_deg);
	double zone_s = target + fmax(1.0, 0.1 * target) +
			b->p->hold_extra_s * sb_uniform(b, 0.5, 1.2);
	double d_up = sb_dur(b, sh.up_lo_s, sh.up_hi_s);
	double d_down = sb_dur(b, sh.up_lo_s, sh.up_hi_s);
	double plateau;

	switch (reason) {
	case BC_REJECT_TOO_LITTLE_RANGE:
		amp = sb_uniform(b, 0.55, 0.7) * th;
		break;
	case BC_REJECT_HOLD_TOO_SHORT:
		zone_s = sb_uniform(b, 0.25, 1.0) * fmin(0.65 * target, target - 0.7);
		zone_s = fmax(zone_s, 0.5);
		break;
	case BC_REJECT_NOT_LEVEL:
		roll = sim_rng_sign(b->r) * sb_uniform(b, 13.0, 20.0);
		break;
	case BC_REJECT_WRONG_DIRECTION:
		amp = -sb_uniform(b, 8.0, 13.0);
		break;
	default:
		break;
	}
	if (amp > th) {
		/* The zone time is what was chosen: fit the plateau to it, and
		 * speed the ramps up if even no plateau would be too long. */
		double ramps = ramp_time_past(d_up, amp, th) + ramp_time_past(d_down, amp, th);
		if (ramps > zone_s - 0.15) {
			double k = fmax(0.3, (zone_s - 0.15) / ramps);
			d_up *= k;
			d_down *= k;
			ramps *= k;
		}
		plateau = fmax(0.15, zone_s - ramps);
	} else {
		/* Out of the zone (too little, wrong way): held as if it counted. */
		plateau = target + b->p->hold_extra_s * sb_uniform(b, 0.3, 1.0);
		if (plateau < 1.5)
			plateau = sb_uniform(b, 1.5, 3.0);
	}
	double frac = fmin(1.0, fabs(amp) / sh.hi_deg);
	double lift = sh.lift_m * sb_uniform(b, 0.85, 1.15) * frac;
	double back = sh.back_m * sb_uniform(b, 0.8, 1.2) * frac;
	double down = sh.down_m * sb_uniform(b, 0.8, 1.2) * frac;
	if (amp < 0.0) /* arching: the hips barely move */
		lift = back = down = 0.0;
	double frontal = sb_uniform(b, -2.0, 2.0);

	double t_start = sb_now(b);
	move_to(b, d_up, amp, frontal, roll, lift, back, down);
	double hold_t0 = sb_now(b);
	/* A slip out of the zone and straight back (< 1 s), in a long hold. */
	if (reason == BC_REJECT_NONE && plateau >= 4.0 && sim_rng_chance(b->r, b->p->excursion_p)) {
		double before = sb_uniform(b, 1.5, plateau - 2.5);
		double slip = th - sb_uniform(b, 1.0, 2.5), out = 0.3,
		       stay = sb_uniform(b, 0.1, 0.2);
		sb_hold(b, before);
		move_to(b, out, slip, frontal, roll, lift * slip / amp, back * slip / amp,
			down * slip / amp);
		sb_hold(b, stay);
		move_to(b, out, amp, frontal, roll, lift, back, down);
		sb_hold(b, plateau - before - 2 * out - stay);
	} else {
		sb_hold(b, plateau);
	}
	double hold_t1 = sb_now(b);
	/* Wobble keeps clear of the threshold from either side. */
	double margin = fabs(amp) > th ? fabs(amp) - th - 1.5 : 0.3;
	sb_wobble(b, hold_t0, hold_t1, fmin(b->p->wobble_deg, fmax(0.1, margin)));
	return_to_neutral(b, d_down);

	/* event_s is set from the true motion once the session is built. */
	sim_attempt a = { .start_s = t_start,
			  .release_s = hold_t1,
			  .event_s = hold_t1 + 0.5 * d_down,
			  .end_s = sb_now(b),
			  .counts = reason == BC_REJECT_NONE,
			  .reason = reason,
			  .peak_deg = amp };
	sb_attempt(b, &a);
}

/* Seconds of a cat-cow cycle in each phase (gauge past +-5 deg), for ramps
 * d1 (0 -> cat c), d2 (cat -> cow -w), d3 (cow -> 0) and holds h1, h2. */
static void catcow_phases(double c, double w, double d1, double h1, double d2, double h2, double d3,
			  double th, double *cat_s, double *cow_s)
{
	*cat_s = *cow_s = 0.0;
	if (c > th)
		*cat_s = ramp_time_past(d1, c, th) + h1 +
			 d2 * sim_profile_minjerk_inverse((c - th) / (c + w));
	if (w > th)
		*cow_s = d2 * (1.0 - sim_profile_minjerk_inverse((c + th) / (c + w))) + h2 +
			 ramp_time_past(d3, w, th);
}

void sb_catcow_cycle(sim_builder *b, bc_reject_reason reason)
{
	const double th = b->s->threshold_deg;
	double c = sb_pick(b, 8.0, 20.0), w = sb_pick(b, 8.0, 18.0);
	double d1 = sb_dur(b, 0.9, 1.8), h1 = sb_dur(b, 0.8, 2.5);
	double d2 = sb_dur(b, 1.4, 2.8), h2 = sb_dur(b, 0.8, 2.5);
	double d3 = sb_dur(b, 0.9, 1.8);
	double cat_s, cow_s;

	if (reason == BC_REJECT_TOO_LITTLE_RANGE) {
		if (sim_rng_chance(b->r, 0.5))
			c = sb_uniform(b, 0.55, 0.7) * th;
		else
			w = sb_uniform(b, 0.55, 0.7) * th;
	}
	if (reason == BC_REJECT_RUSHED) {
		d1 = sb_uniform(b, 0.4, 0.6);
		d2 = sb_uniform(b, 0.6, 0.9);
		d3 = sb_uniform(b, 0.4, 0.6);
		h1 = h2 = 0.0;
		for (int i = 0; i < 20; i++) {
			catcow_phases(c, w, d1, h1, d2, h2, d3, th, &cat_s, &cow_s);
			if (cat_s <= CATCOW_PHASE_MAX_RUSHED_S &&
			    cow_s <= CATCOW_PHASE_MAX_RUSHED_S)
				break;
			d1 *= 0.85, d2 *= 0.85, d3 *= 0.85;
		}
	} else {
		/* Every phase that reaches the range lasts long enough. */
		catcow_phases(c, w, d1, h1, d2, h2, d3, th, &cat_s, &cow_s);
		if (c > th && cat_s < CATCOW_PHASE_MIN_OK_S)
			h1 += CATCOW_PHASE_MIN_OK_S - cat_s + sb_uniform(b, 0.1, 0.5);
		if (w > th && cow_s < CATCOW_PHASE_MIN_OK_S)
			h2 += CATCOW_PHASE_MIN_OK_S - cow_s + sb_uniform(b, 0.1, 0.5);
	}

	double wob = fmin(b->p->wobble_deg, 0.5);
	double t_start = sb_now(b);
	move_to(b, d1, c, sb_uniform(b, -1, 1), sb_uniform(b, -1.5, 1.5), 0, 0, -0.02 * c / 20);
	if (h1 > 0.0) {
		double t0 = sb_now(b);
		sb_hold(b, h1);
		sb_wobble(b, t0, sb_now(b), wob);
	}
	move_to(b, d2, -w, sb_uniform(b, -1, 1), sb_uniform(b, -1.5, 1.5), 0, 0, 0.02 * w / 20);
	if (h2 > 0.0) {
		double t0 = sb_now(b);
		sb_hold(b, h2);
		sb_wobble(b, t0, sb_now(b), wob);
	}
	double t_release = sb_now(b);
	return_to_neutral(b, d3);

	sim_attempt a = { .start_s = t_start,
			  .release_s = t_release,
			  .event_s = t_release + 0.5 * d3,
			  .end_s = sb_now(b),
			  .counts = reason == BC_REJECT_NONE,
			  .reason = reason,
			  .peak_deg = -w };
	sb_attempt(b, &a);
}

void sb_slouch(sim_builder *b, int alerts)
{
	const double th = b->s->threshold_deg;
	bool hunch = sim_rng_chance(b->r, 0.3); /* forward from the hips, not slumped */
	double amp = hunch ? -sb_pick(b, 14.0, 22.0) : sb_pick(b, 14.0, 25.0);
	double d_in = sb_dur(b, 1.5, 4.0), d_out = sb_dur(b, 1.5, 3.0);
	double zone_s, plateau;

	if (alerts > 0) {
		/* Alerts fall at 10, 40, 70 s into the slouch; it ends at least
		 * 3 s after the last one and 4 s before the next would be due. */
		zone_s = POSTURE_ALERT_AFTER_S + POSTURE_REPEAT_S * (alerts - 1) +
			 sb_uniform(b, 3.0, POSTURE_REPEAT_S - 4.0);
	} else if (sim_rng_chance(b->r, 0.5)) {
		zone_s = sb_uniform(b, 3.0, 6.5); /* a short slump: no alert */
	} else {
		amp = (hunch ? -1.0 : 1.0) * sb_uniform(b, 4.0, 6.5); /* too slight */
		zone_s = 0.0;
	}
	if (fabs(amp) > th)
		plateau = fmax(0.2, zone_s - ramp_time_past(d_in, amp, th) -
					    ramp_time_past(d_out, amp, th));
	else
		plateau = sb_uniform(b, 15.0, 40.0);

	double t_start = sb_now(b);
	move_to(b, d_in, amp, sb_uniform(b, -2, 2), sb_uniform(b, -3, 3), 0, 0,
		0.02 * fabs(amp) / 20);
	double t0 = sb_now(b);
	sb_hold(b, plateau);
	sb_wobble(b, t0, sb_now(b), fmin(b->p->wobble_deg, 0.5));
	double t_release = sb_now(b);
	return_to_neutral(b, d_out);

	/* event_s is refined from the true motion once the session is built. */
	sim_attempt a = { .start_s = t_start,
			  .release_s = t_release,
			  .event_s = t_release + 0.5 * d_out,
			  .end_s = sb_now(b),
			  .counts = alerts > 0,
			  .reason = BC_REJECT_NONE,
			  .peak_deg = amp,
			  .alerts = alerts };
	sb_attempt(b, &a);
}
