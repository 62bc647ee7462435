/* SPDX-License-Identifier: MIT */
#include "detect/squat.h"

#include <math.h>

#include "detect/detect_internal.h"
#include "detect/hold_timer.h"

/* Definitions */

#define CM_PER_M 100.0f

static const char *const phase_names[BC_SQ_PHASE_COUNT] = {
	[BC_SQ_STANDING] = "standing",
	[BC_SQ_SQUATTING] = "squatting",
	[BC_SQ_HOLDING] = "holding",
};

/* Functions */

static void forget_attempt(bc_squat *q)
{
	q->deepest_m = 0.0f;
	q->max_lean_deg = 0.0f;
	q->lowered_s = 0.0f;
	q->bounces = 0;
	bc_hold_timer_stop(&q->hold);
	q->hold_done = false;
}

void bc_squat_init(bc_squat *q, const bc_squat_settings *s, float wobble_max_s)
{
	*q = (bc_squat){ .s = *s, .last_t_s = -1.0 };
	bc_vt_init(&q->vt);
	bc_hold_timer_init(&q->hold, wobble_max_s);
}

static void init(bc_detector *d)
{
	bc_squat_init(&d->u.squat, &d->settings.squat, d->settings.wobble_max_s);
	d->view.gauge_kind = BC_GAUGE_DEPTH;
	d->view.depth_target_cm = d->settings.squat.depth_cm;
	d->view.phase_name = phase_names[BC_SQ_STANDING];
}

/* Standing is the start position: the gate opens once calibrated (people shift weight). */
static float start_offset_deg(const bc_body_state *b)
{
	(void)b;
	return 0.0f;
}

/* The rule of contract §4, in its order. */
static bc_reject_reason outcome(const bc_squat *q, float hold_target_s)
{
	const bc_squat_settings *s = &q->s;
	if (q->max_lean_deg > s->max_lean_deg)
		return BC_REJECT_LEANING_TOO_FAR;
	if (q->deepest_m * CM_PER_M < s->depth_cm)
		return BC_REJECT_TOO_LITTLE_RANGE;
	if (q->lowered_s < hold_target_s)
		return BC_REJECT_HOLD_TOO_SHORT;
	return BC_REJECT_NONE;
}

/* The time that counts reached the hold target: HOLD_DONE, once an attempt. */
static void note_hold_done(bc_detector *d, double t_s, bc_detect_out *out)
{
	bc_squat *q = &d->u.squat;
	if (q->hold_done || !(q->lowered_s > 0.0f) || q->lowered_s < d->hold_target_s)
		return;
	q->hold_done = true;
	bc_detect_emit_hold(out, BC_EVENT_HOLD_DONE, t_s, q->lowered_s, d->hold_target_s);
}

/* Back at the stand: an attempt, if there was one, is over. */
static void stood_up(bc_detector *d, float end_m, bc_detect_out *out)
{
	bc_squat *q = &d->u.squat;
	bool attempt = (q->deepest_m * CM_PER_M >= q->s.attempt_cm ||
			q->max_lean_deg >= q->s.attempt_lean_deg) &&
		       q->bounces < q->s.walk_bounces;
	if (attempt) {
		/* Halfway up from the deepest point to the stand, on the path just closed. */
		const bc_vt_span *sp = bc_vt_last(&q->vt);
		float half_m = 0.5f * (end_m - q->deepest_m);
		float start_m = end_m - sp->rise_m;
		double half_up_s = bc_vt_last_time_below(&q->vt, half_m - start_m);
		/* The way down and the way up each measured the depth (one span
		 * for a quick squat, two for a held one): their mean halves the
		 * error of either. */
		q->deepest_m = 0.5f * (q->deepest_m + sp->rise_m - sp->low_m);
		bc_reject_reason why = outcome(q, d->hold_target_s);
		/* A stoop is about the lean: halfway back from it. */
		double t_s = why == BC_REJECT_LEANING_TOO_FAR ? q->lean_back_s : half_up_s;
		size_t before = out->n;
		bc_detect_emit_outcome(out, t_s, why, q->lowered_s, d->hold_target_s,
				       q->max_lean_deg);
		if (out->n > before) {
			bc_coach_event *e = &out->ev[before];
			e->depth_cm = q->deepest_m * CM_PER_M;
			/* What it had to do, for the words that say what to do. */
			if (why == BC_REJECT_TOO_LITTLE_RANGE)
				e->depth_target_cm = q->s.depth_cm;
			else if (why == BC_REJECT_LEANING_TOO_FAR)
				e->target_deg = q->s.max_lean_deg;
		}
	}
	q->height_m = 0.0f;
	forget_attempt(q);
}

/* A span closed at a still anchor: chain the height, maybe decide. */
static void span_closed(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_squat *q = &d->u.squat;
	const bc_vt_span *sp = bc_vt_last(&q->vt);
	const bc_squat_settings *s = &q->s;
	if (!sp->valid) {
		q->lost = true;
		forget_attempt(q);
		return;
	}
	if (q->lost) {
		if (b->trunk_incline_deg < s->stand_lean_deg) {
			q->lost = false;
			q->height_m = 0.0f;
			forget_attempt(q);
		}
		return;
	}
	float depth_m = s->depth_cm / CM_PER_M, tol_m = s->standing_tol_cm / CM_PER_M;
	if (q->height_m < -tol_m && sp->high_m > 0.5f * depth_m &&
	    sp->high_m - sp->rise_m > 0.5f * depth_m && b->trunk_incline_deg >= s->stand_lean_deg) {
		/* Up to the stand and down again with no still moment between:
		 * two squats that cannot be told apart in time. The first is
		 * let go; the second starts from here. */
		forget_attempt(q);
		q->height_m += sp->rise_m;
		q->deepest_m = -q->height_m;
		return;
	}
	q->deepest_m = fmaxf(q->deepest_m, -(q->height_m + sp->low_m));
	q->lowered_s += bc_vt_time_below(&q->vt, -depth_m - q->height_m);
	note_hold_done(d, b->t_s, out); /* before the outcome it leads to */
	q->height_m += sp->rise_m;
	/* Near the stand's height, or upright again after coming up or after a
	 * stoop (the height chained over a few spans can be off, the more so
	 * through a fold of the trunk; a squat's bottom is reached going down). */
	bool near_stand = q->height_m > -s->standing_tol_cm / CM_PER_M;
	bool upright = b->trunk_incline_deg < s->stand_lean_deg;
	bool came_up = sp->rise_m > s->attempt_cm / CM_PER_M;
	bool stooped = q->max_lean_deg >= s->attempt_lean_deg;
	if ((near_stand && b->trunk_incline_deg < s->upright_deg) ||
	    b->trunk_incline_deg < s->sure_stand_deg || (upright && (came_up || stooped)))
		stood_up(d, q->height_m, out);
}

static void update_view(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_squat *q = &d->u.squat;
	bc_detect_view *v = &d->view;
	float depth_cm = q->lost ? 0.0f : -(q->height_m + bc_vt_live_m(&q->vt)) * CM_PER_M;
	v->depth_cm = fmaxf(0.0f, depth_cm);
	v->gauge_deg = b->trunk_incline_deg;
	v->zone_min_deg = 0.0f;
	v->zone_max_deg = q->s.max_lean_deg;
	v->holding = v->depth_cm >= q->s.depth_cm;
	v->hold_s = q->lowered_s;
	v->hold_target_s = d->hold_target_s;
	int phase = v->holding			     ? BC_SQ_HOLDING
		    : v->depth_cm >= q->s.attempt_cm ? BC_SQ_SQUATTING
						     : BC_SQ_STANDING;
	bc_detect_set_phase(d, phase, phase_names[phase], b->t_s, out);
	v->hint = q->max_lean_deg > q->s.max_lean_deg ? BC_HINT_NOT_EXERCISE
		  : v->holding ? (q->lowered_s >= d->hold_target_s ? BC_HINT_RELEASE : BC_HINT_HOLD)
		  : phase == BC_SQ_SQUATTING ? BC_HINT_FURTHER
					     : BC_HINT_GO;
}

/* Down at the depth that counts (the live view): HOLD_START as a hold begins. */
static void update_hold(bc_detector *d, double t_s, bc_detect_out *out)
{
	bc_squat *q = &d->u.squat;
	if (bc_hold_timer_update(&q->hold, t_s, d->view.holding) == BC_HOLD_STARTED)
		bc_detect_emit_hold(out, BC_EVENT_HOLD_START, t_s, 0.0f, d->hold_target_s);
	note_hold_done(d, t_s, out);
}

static void update(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_squat *q = &d->u.squat;
	double step_s = q->last_t_s >= 0.0 ? b->t_s - q->last_t_s : 0.0;
	q->last_t_s = b->t_s;
	float lean = b->trunk_incline_deg;
	if (lean < 0.5f * q->max_lean_deg && q->lean_back_s < q->lean_peak_s)
		q->lean_back_s = b->t_s;
	if (lean > q->max_lean_deg) {
		q->max_lean_deg = lean;
		q->lean_peak_s = b->t_s;
	}
	bool closed = bc_vt_update(&q->vt, b->t_s, b->accel_earth_g, b->q_earth_from_sensor,
				   b->still, b->dropout);
	float a_g = b->accel_earth_g.z - 1.0f;
	int side = a_g > q->s.bounce_g ? 1 : a_g < -q->s.bounce_g ? -1 : 0;
	if (side && side != q->bounce_sign) {
		q->bounces++;
		q->bounce_sign = side;
	}
	/* Held still at the bottom: that time is lowered too. */
	if (!closed && !q->vt.moving && !q->lost && step_s > 0.0 && step_s <= BC_HOLD_MAX_STEP_S &&
	    q->height_m <= -q->s.depth_cm / CM_PER_M)
		q->lowered_s += (float)step_s;
	if (closed)
		span_closed(d, b, out);
	update_view(d, b, out);
	update_hold(d, b->t_s, out);
}

static void finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	/* Still down when the session ended: the squat was never finished. */
	(void)d;
	(void)t_s;
	(void)out;
}

/* The incline (the lean), and the earth-frame acceleration (the travel). */
static unsigned body_needs(const bc_detector *d)
{
	(void)d;
	return BC_BODY_NEEDS_INCLINE | BC_BODY_NEEDS_ACCEL_EARTH;
}

const bc_detector_ops bc_squat_ops = {
	.init = init,
	.update = update,
	.finish = finish,
	.start_offset_deg = start_offset_deg,
	.body_needs = body_needs,
};
