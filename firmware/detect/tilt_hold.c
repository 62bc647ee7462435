/* SPDX-License-Identifier: MIT */
#include "detect/tilt_hold.h"

#include <math.h>

#include "detect/detect_internal.h"

/* Level again only this far inside the limit (hysteresis on the roll). */
#define LEVEL_GAP_DEG 1.5f
/* Still this long in the start pose after leaving the exercise before it counts again, s. */
#define OFF_SETTLE_S 1.0
/* A slip out of a hold stays down at rest no longer than this, seconds. */
#define SLIP_AT_REST_MAX_S 0.5
/* Signal changes smaller than this do not count as movement when settling. */
#define SETTLE_BAND_DEG 1.0f
/* Time constant of the average that finds the hold level, seconds. */
#define LEVEL_TAU_S 0.3f
/*
 * An attempt beginning this soon after coming back from the other way swung
 * straight through (a cat into a cow), seconds: cat-cow itself waits at most
 * 1.3 s at neutral for the other half (cat-cow.max_pause_s); a margin on it.
 */
#define THROUGH_OTHER_WAY_S 2.0

float bc_gauge_sagittal_deg(const bc_body_state *b)
{
	return b->angles.sagittal_deg;
}

float bc_gauge_sagittal_abs_deg(const bc_body_state *b)
{
	return fabsf(b->angles.sagittal_deg);
}

float bc_gauge_cow_deg(const bc_body_state *b)
{
	return -b->angles.sagittal_deg;
}

float bc_gauge_turn_deg(const bc_body_state *b)
{
	return fabsf(b->angles.axial_deg);
}

float bc_gauge_lean_deg(const bc_body_state *b)
{
	return b->tilt_from_start_deg;
}

unsigned bc_gauge_body_needs(float (*gauge_deg)(const bc_body_state *b))
{
	if (!gauge_deg || gauge_deg == bc_gauge_sagittal_deg ||
	    gauge_deg == bc_gauge_sagittal_abs_deg || gauge_deg == bc_gauge_cow_deg ||
	    gauge_deg == bc_gauge_turn_deg)
		return 0;
	if (gauge_deg == bc_gauge_lean_deg)
		return BC_BODY_NEEDS_TILT;
	return BC_BODY_NEEDS_ALL;
}

void bc_tilt_hold_init(bc_tilt_hold *th, const bc_tilt_hold_settings *s,
		       const bc_tilt_hold_exercise *ex, float hold_target_s, float wobble_max_s)
{
	*th = (bc_tilt_hold){ .s = *s,
			      .ex = ex,
			      .hold_target_s = hold_target_s,
			      .phase = BC_TH_REST,
			      .other_way_left_s = -1.0 };
	bc_hold_timer_init(&th->hold, wobble_max_s);
	bc_rep_form_init(&th->form, true);
}

/* The exercise's own part comes from its row of the exercise table. */
static void op_init(bc_detector *d)
{
	const bc_tilt_hold_exercise *ex = &d->row->tilt;
	bc_tilt_hold_init(&d->u.tilt, &d->settings.tilt[d->exercise], ex, d->hold_target_s,
			  d->settings.wobble_max_s);
	d->view.phase_name = ex->phase_names[BC_TH_REST];
}

/* ---- The attempt -------------------------------------------------------- */

/* dir: +1 towards the zone, -1 the wrong way. Keeps attempt_t_s. */
static void begin_attempt(bc_tilt_hold *th, int dir, float g, double t_s)
{
	bc_halfway_start(&th->halfway, dir, th->rest_level_deg, g, t_s);
	th->closed = false;
	th->reached_zone = false;
	th->hold_done = false;
	th->counted = false;
	th->not_level = false;
	th->too_far = false;
	th->through_other_way = false;
	th->side = BC_SIDE_NONE;
	th->unlevel_s = 0.0f;
	th->unlevel_deg = 0.0f;
	th->peak_deg = 0.0f;
	th->trough_deg = 0.0f;
	th->best_hold_s = 0.0f;
	th->at_rest_since_s = -1.0;
	th->in_zone = false;
	bc_hold_timer_stop(&th->hold);
	th->hold.held_s = 0.0f;
	bc_settle_reset(&th->settle);
}

/*
 * Lying on the back, a positive turn about the spine (z) turns the belly
 * towards the wearer's left: the right hip rises and the left one drops
 * (contract §4, the crossover's rule).
 */
static bc_side low_side_of(float roll_deg)
{
	return roll_deg > 0.0f ? BC_SIDE_LEFT : roll_deg < 0.0f ? BC_SIDE_RIGHT : BC_SIDE_NONE;
}

/*
 * A REP or REJECTED event, with the measured side where there is one and
 * what the attempt had to do: the zone to reach, the far limit not to pass,
 * the hip that dropped.
 */
static void emit_outcome(const bc_tilt_hold *th, bc_detect_out *out, double t_s,
			 bc_reject_reason why, float hold_s, float peak_deg)
{
	size_t n = out->n;
	bc_detect_emit_outcome(out, t_s, why, hold_s, th->hold_target_s, peak_deg);
	if (out->n == n)
		return;
	bc_coach_event *e = &out->ev[n];
	e->side = th->side;
	bc_rep_form_stamp(&th->form, e);
	if (why == BC_REJECT_TOO_LITTLE_RANGE)
		e->target_deg = th->s.enter_deg;
	else if (why == th->ex->far_reason && th->too_far)
		e->target_deg = th->s.far_deg;
	else if (why == BC_REJECT_NOT_LEVEL)
		e->low_side = low_side_of(th->unlevel_deg);
}

/* Reports the attempt's one outcome (nothing if it was not this exercise). */
static void close_attempt(bc_tilt_hold *th, double t_s, bool off, bc_detect_out *out)
{
	if (th->closed)
		return;
	th->closed = true;
	bc_hold_timer_stop(&th->hold);
	if (th->hold.held_s > th->best_hold_s)
		th->best_hold_s = th->hold.held_s;
	if (off || th->counted)
		return;
	/* Swung through from the other way and never reached the zone: the
	 * other exercise (a cow after a cat), not a shallow attempt. */
	if (th->through_other_way && !th->reached_zone)
		return;

	/* In and out of the zone in passing (a stoop to pick something up). */
	if (th->reached_zone && !th->hold_done && th->phase != BC_TH_WRONG_WAY &&
	    th->best_hold_s < th->s.min_zone_s)
		return;

	bc_reject_reason why;
	float peak = th->peak_deg;
	t_s = bc_halfway_time(&th->halfway, t_s);
	if (th->phase == BC_TH_WRONG_WAY) {
		why = BC_REJECT_WRONG_DIRECTION;
		peak = th->trough_deg;
	} else if (th->too_far) {
		why = th->ex->far_reason;
	} else if (th->not_level) {
		why = BC_REJECT_NOT_LEVEL;
	} else if (th->hold_done) {
		why = BC_REJECT_NONE;
	} else if (th->reached_zone) {
		why = BC_REJECT_HOLD_TOO_SHORT;
	} else {
		why = BC_REJECT_TOO_LITTLE_RANGE;
	}
	emit_outcome(th, out, t_s, why, th->best_hold_s, peak);
}

/* Rest settles within ±rest_deg of the calibrated start, never further. */
static void set_rest_level(bc_tilt_hold *th, float level_deg)
{
	float lim = th->s.rest_deg;
	th->rest_level_deg = level_deg > lim ? lim : level_deg < -lim ? -lim : level_deg;
}

static void set_phase(bc_detector *d, int phase, double t_s, bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	if (phase == BC_TH_OFF)
		th->settled_since_s = -1.0;
	th->phase = phase;
	bc_detect_set_phase(d, phase, th->ex->phase_names[phase], t_s, out);
}

static void enter_rest(bc_detector *d, double t_s, bc_detect_out *out)
{
	bc_settle_reset(&d->u.tilt.settle);
	set_phase(d, BC_TH_REST, t_s, out);
}

/* Over short of rest: the outcome now, and the screen shows the way back. */
static void end_short_of_rest(bc_detector *d, double t_s, bc_detect_out *out)
{
	close_attempt(&d->u.tilt, t_s, false, out);
	if (d->u.tilt.phase != BC_TH_RETURNING)
		set_phase(d, BC_TH_RETURNING, t_s, out);
}

/* ---- The hold ----------------------------------------------------------- */

/* Past the far limit (e.g. the crossover rolled onto the side). */
static bool beyond_far(const bc_tilt_hold_settings *s, float g)
{
	return s->far_deg > 0.0f && g >= s->far_deg;
}

/* In the zone (with hysteresis), and level; not level for long rejects. */
static void update_zone(bc_tilt_hold *th, const bc_body_state *b, float g, float step_s)
{
	const bc_tilt_hold_settings *s = &th->s;
	th->in_zone = bc_hyst_above(th->in_zone, g, s->enter_deg, s->exit_deg);
	if (s->level_max_deg > 0.0f) {
		float roll = fabsf(b->angles.axial_deg);
		th->unlevel = th->unlevel ? roll >= s->level_max_deg - LEVEL_GAP_DEG
					  : roll >= s->level_max_deg;
		if (th->in_zone && th->unlevel) {
			if (roll > fabsf(th->unlevel_deg))
				th->unlevel_deg = b->angles.axial_deg;
			th->unlevel_s += step_s;
			if (th->unlevel_s >= s->level_min_s)
				th->not_level = true;
		}
	}
}

/* The hold target reached: HOLD_DONE, and the rep itself where it counts now. */
static void reach_hold_target(bc_tilt_hold *th, double t_s, bc_detect_out *out)
{
	th->hold_done = true;
	bc_coach_event e = { .type = BC_EVENT_HOLD_DONE,
			     .t_s = t_s,
			     .hold_s = th->hold.held_s,
			     .hold_target_s = th->hold_target_s };
	bc_detect_emit(out, &e);
	if (th->s.count_at_hold_done && !th->not_level) {
		th->counted = true;
		emit_outcome(th, out, t_s, BC_REJECT_NONE, th->hold.held_s, th->peak_deg);
	}
}

/* The hold: timer, level check, HOLD_START / HOLD_DONE and an early rep. */
static void update_hold(bc_detector *d, const bc_body_state *b, float g, float step_s,
			bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	const bc_tilt_hold_settings *s = &th->s;
	double t = b->t_s;

	update_zone(th, b, g, step_s);
	/* Rolled to one side is not holding the bridge, nor past the far
	 * limit holding the crossover: the hold pauses. */
	bool holding_now = th->in_zone && !th->unlevel && !beyond_far(s, g);
	bool counting = holding_now && g >= s->enter_deg;
	bc_hold_status st = bc_hold_timer_update_counting(&th->hold, t, holding_now, counting);
	if (st == BC_HOLD_STARTED) {
		th->reached_zone = true;
		set_phase(d, BC_TH_HOLDING, t, out);
		bc_coach_event e = { .type = BC_EVENT_HOLD_START,
				     .t_s = t,
				     .hold_target_s = th->hold_target_s };
		bc_detect_emit(out, &e);
	}
	if (th->hold.held_s > th->best_hold_s && th->hold.active)
		th->best_hold_s = th->hold.held_s;
	if (th->hold.active && !th->hold_done && th->hold.held_s >= th->hold_target_s)
		reach_hold_target(th, t, out);
	/*
	 * After the hold the phase shows the way down as soon as the gauge is
	 * clearly below the zone (halfway to rest), not at the zone edge where
	 * noise would flip it back and forth.
	 */
	bool clearly_below = g < 0.5f * (s->exit_deg + s->rest_deg + th->rest_level_deg);
	if (st == BC_HOLD_ENDED || (th->hold_done && clearly_below)) {
		if (th->phase == BC_TH_HOLDING)
			set_phase(d, BC_TH_RETURNING, t, out);
	} else if (holding_now && th->phase == BC_TH_RETURNING) {
		set_phase(d, BC_TH_HOLDING, t, out);
	}
}

/* ---- The phases --------------------------------------------------------- */

/* At a new peak: the side is the way the pelvis turns about the spine there
 * (contract §4: a positive turn about z is the right leg over). */
static void note_side(bc_tilt_hold *th, const bc_body_state *b)
{
	if (th->ex->side_from_turn)
		th->side = b->angles.axial_deg > 0.0f ? BC_SIDE_RIGHT : BC_SIDE_LEFT;
}

static void update_rest(bc_detector *d, const bc_body_state *b, float g, bool pose_ok, float step_s,
			bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	const bc_tilt_hold_settings *s = &th->s;
	double t = b->t_s;
	float rel = g - th->rest_level_deg;

	if (!pose_ok) {
		begin_attempt(th, 1, g, t);
		th->closed = true;
		set_phase(d, BC_TH_OFF, t, out);
	} else if (rel >= s->attempt_deg && g >= s->attempt_deg) {
		/*
		 * An attempt: attempt_deg past where rest settled, and past the
		 * start position too -- rest may have settled at the low end of
		 * a fidget, and a fidget the other way is no attempt.
		 */
		begin_attempt(th, 1, g, t);
		th->peak_deg = g;
		note_side(th, b);
		th->attempt_t_s = t;
		th->through_other_way = th->ex->other_way_is_other_exercise &&
					th->other_way_left_s >= 0.0 &&
					t - th->other_way_left_s < THROUGH_OTHER_WAY_S;
		set_phase(d, BC_TH_MOVING, t, out);
		update_hold(d, b, g, step_s, out);
	} else if (g <= -s->wrong_deg) {
		begin_attempt(th, -1, g, t);
		th->attempt_t_s = t;
		th->trough_deg = g;
		set_phase(d, BC_TH_WRONG_WAY, t, out);
	} else if (bc_settle_update(&th->settle, t, g, SETTLE_BAND_DEG, s->settle_s) >=
		   s->settle_s) {
		/*
		 * Resting: rest is where the gauge settled (its mean over the
		 * first settle_s, hysteresis.h), near the start.
		 */
		set_rest_level(th, th->settle.mean);
	}
}

static void update_wrong_way(bc_detector *d, double t, float g, bool pose_ok, bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	if (g < th->trough_deg)
		th->trough_deg = g;
	if (!pose_ok) {
		th->closed = true;
		set_phase(d, BC_TH_OFF, t, out);
	} else if (g > -th->s.rest_deg) {
		if (t - th->attempt_t_s < th->s.min_attempt_s)
			th->closed = true; /* a blip, not an attempt */
		if (th->ex->other_way_is_other_exercise) {
			th->closed = true; /* another exercise: nothing to judge */
			th->other_way_left_s = t;
		}
		close_attempt(th, t, false, out);
		enter_rest(d, t, out);
	}
}

/*
 * Back in the start pose, and settled there: right after a big movement
 * (rolling back, lying down again) the angles can be a degree or two off
 * until the body is still again. Rest is where it settled.
 */
static void update_off(bc_detector *d, const bc_body_state *b, float g, bool pose_ok,
		       bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	double t = b->t_s;
	if (!(pose_ok && fabsf(g) < th->s.attempt_deg && b->still)) {
		th->settled_since_s = -1.0;
	} else if (th->settled_since_s < 0.0) {
		th->settled_since_s = t;
	} else if (t - th->settled_since_s >= OFF_SETTLE_S) {
		set_rest_level(th, g);
		enter_rest(d, t, out);
	}
}

/*
 * Back at rest -- unless this may be a quick slip out of a hold that is only
 * paused: a slip can dip right down to rest and straight back up. Still a
 * paused hold is over once at rest for SLIP_AT_REST_MAX_S (timed, as always,
 * where the return passed halfway).
 */
static bool back_at_rest(bc_tilt_hold *th, double t, float rel)
{
	if (rel >= th->s.rest_deg)
		th->at_rest_since_s = -1.0;
	else if (th->at_rest_since_s < 0.0)
		th->at_rest_since_s = t;
	bool maybe_slip = th->hold.active && !th->closed &&
			  t - th->at_rest_since_s < SLIP_AT_REST_MAX_S;
	return rel < th->s.rest_deg && !maybe_slip;
}

/* Neither in the zone nor back at rest: has the attempt ended short of rest? */
static void update_stopped_short(bc_detector *d, double t, float g, bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	const bc_tilt_hold_settings *s = &th->s;
	/*
	 * Out of the zone for longer than a wobble and below halfway: the
	 * wearer has left the hold for good, even if they rest a little above
	 * where they started.
	 */
	if (!th->closed && th->reached_zone && th->halfway.cross_t_s >= 0.0)
		end_short_of_rest(d, t, out);
	/*
	 * Never got to the zone: a shallow attempt, often held as long as a
	 * real one. It is over once the wearer comes back below halfway for
	 * longer than a wobble (timed there, as a rep is); a slip back shorter
	 * than min_attempt_s after it began was a blip, not an attempt.
	 */
	if (!th->closed && !th->reached_zone && th->halfway.cross_t_s >= 0.0 &&
	    t - th->halfway.cross_t_s >= th->hold.wobble_max_s) {
		if (th->halfway.cross_t_s - th->attempt_t_s < s->min_attempt_s)
			th->closed = true;
		end_short_of_rest(d, t, out);
	}
	/* Stopped short and stayed there far longer than any hold: the
	 * attempt is over, and this may be the new rest. */
	double settle_s = th->reached_zone ? s->settle_s : s->settle_s + 2.0f * th->hold_target_s;
	if (bc_settle_update(&th->settle, t, g, SETTLE_BAND_DEG, s->settle_s) < settle_s)
		return;
	if (!th->closed)
		end_short_of_rest(d, t, out);
	if (th->settle.mean < s->attempt_deg) {
		set_rest_level(th, th->settle.mean);
		enter_rest(d, t, out);
	}
}

/* MOVING, HOLDING, RETURNING: one attempt under way; the phase is what the screen shows. */
static void update_attempt(bc_detector *d, const bc_body_state *b, float g, bool pose_ok,
			   float step_s, bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	double t = b->t_s;
	if (!pose_ok) {
		close_attempt(th, t, true, out);
		set_phase(d, BC_TH_OFF, t, out);
		return;
	}
	if (th->closed && g >= th->s.enter_deg) {
		/* Stopped short, then went on into the zone: a new attempt. */
		begin_attempt(th, 1, g, t);
		set_phase(d, BC_TH_MOVING, t, out);
	}
	if (g > th->peak_deg) {
		th->peak_deg = g;
		note_side(th, b);
	}
	if (!th->closed && beyond_far(&th->s, g))
		th->too_far = true;
	if (!th->closed)
		update_hold(d, b, g, step_s, out);
	if (back_at_rest(th, t, g - th->rest_level_deg)) {
		/* A blip past the attempt threshold that never reached the zone
		 * is noise, not an attempt: no outcome. */
		if (!th->reached_zone && !th->closed && t - th->attempt_t_s < th->s.min_attempt_s)
			th->closed = true;
		close_attempt(th, t, false, out);
		enter_rest(d, t, out);
		return;
	}
	if (th->in_zone || th->hold.active) {
		bc_settle_reset(&th->settle);
		return;
	}
	update_stopped_short(d, t, g, out);
}

/* ---- The view ----------------------------------------------------------- */

static bc_detect_hint hint_of(const bc_tilt_hold *th, float g)
{
	if ((th->phase == BC_TH_MOVING || th->phase == BC_TH_HOLDING) && beyond_far(&th->s, g))
		return BC_HINT_NOT_SO_FAR;
	switch (th->phase) {
	case BC_TH_REST:
		return BC_HINT_GO;
	case BC_TH_MOVING:
		return th->in_zone && th->unlevel ? BC_HINT_KEEP_LEVEL : BC_HINT_FURTHER;
	case BC_TH_HOLDING:
		if (th->unlevel)
			return BC_HINT_KEEP_LEVEL;
		if (th->hold_done)
			return BC_HINT_RELEASE;
		if (bc_hold_timer_paused(&th->hold))
			return BC_HINT_BACK_IN_ZONE;
		return BC_HINT_HOLD;
	case BC_TH_RETURNING:
		return th->hold_done ? BC_HINT_RELEASE : BC_HINT_RETURN;
	case BC_TH_WRONG_WAY: /* or another exercise: back to the start */
		return th->ex->other_way_is_other_exercise ? BC_HINT_RETURN : BC_HINT_WRONG_WAY;
	default:
		return BC_HINT_NOT_EXERCISE;
	}
}

static void update_view(bc_detector *d, float g)
{
	const bc_tilt_hold *th = &d->u.tilt;
	bc_detect_view *v = &d->view;
	v->gauge_deg = g;
	v->zone_min_deg = th->s.enter_deg;
	v->zone_max_deg = th->s.far_deg > 0.0f ? th->s.far_deg : th->s.max_deg;
	v->holding = th->hold.active && !th->closed;
	v->hold_s = th->closed ? th->best_hold_s : th->hold.held_s;
	v->hint = hint_of(th, g);
	bool moving = th->phase != BC_TH_REST && th->phase != BC_TH_OFF;
	v->side = moving ? th->side : BC_SIDE_NONE;
}

/* ---- Per sample --------------------------------------------------------- */

/* Sat up, stood up, rolled onto the side: not this exercise at all. */
static bool in_pose(const bc_tilt_hold_settings *s, const bc_body_state *b, float g)
{
	return (s->min_incline_deg <= 0.0f || b->trunk_incline_deg >= s->min_incline_deg) &&
	       fabsf(g) <= s->max_deg &&
	       (s->roll_off_deg <= 0.0f || fabsf(b->angles.axial_deg) <= s->roll_off_deg);
}

static void op_update(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	double t = b->t_s;
	float step_s = th->last_t_s > 0.0 ? (float)(t - th->last_t_s) : 0.0f;
	if (step_s < 0.0f || step_s > BC_HOLD_MAX_STEP_S)
		step_s = 0.0f;
	th->last_t_s = t;

	float g = th->ex->gauge_deg(b);
	bool pose_ok = in_pose(&th->s, b, g);
	if (th->phase != BC_TH_REST && th->phase != BC_TH_OFF)
		bc_halfway_update(&th->halfway, t, g, LEVEL_TAU_S);

	switch (th->phase) {
	case BC_TH_REST:
		update_rest(d, b, g, pose_ok, step_s, out);
		break;
	case BC_TH_WRONG_WAY:
		update_wrong_way(d, t, g, pose_ok, out);
		break;
	case BC_TH_OFF:
		update_off(d, b, g, pose_ok, out);
		break;
	default:
		update_attempt(d, b, g, pose_ok, step_s, out);
		break;
	}
	/* After the outcome it may have stamped: at rest, the next approach begins. */
	bool at_start = th->phase == BC_TH_REST && g - th->rest_level_deg < SETTLE_BAND_DEG;
	/* The hold the wearer was asked for: to the target, not the way down after it. */
	bool holding = th->hold.active && !th->closed && !th->hold_done;
	bc_rep_form_update(&th->form, t, g, at_start, holding);
	update_view(d, g);
}

static void op_finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	bc_tilt_hold *th = &d->u.tilt;
	/* A movement cut off by the end of the session before it got anywhere
	 * is no attempt to judge. */
	bool judged = th->reached_zone || th->phase == BC_TH_WRONG_WAY;
	if (th->phase != BC_TH_REST && th->phase != BC_TH_OFF)
		close_attempt(th, t_s, !judged, out);
}

/* The gauge's, and the incline where in_pose checks it. */
static unsigned op_body_needs(const bc_detector *d)
{
	const bc_tilt_hold *th = &d->u.tilt;
	return bc_gauge_body_needs(th->ex->gauge_deg) |
	       (th->s.min_incline_deg > 0.0f ? BC_BODY_NEEDS_INCLINE : 0u);
}

const bc_detector_ops bc_tilt_hold_ops = {
	.init = op_init,
	.update = op_update,
	.finish = op_finish,
	.body_needs = op_body_needs,
};
