/* SPDX-License-Identifier: MIT */
#include "detect/cat_cow.h"

#include <math.h>

#include "detect/detect_internal.h"
#include "detect/hysteresis.h"

/* Still this long at neutral after leaving the exercise before it counts again, s. */
#define OFF_SETTLE_S 1.0

static const char *const phase_names[BC_CC_PHASE_COUNT] = {
	[BC_CC_NEUTRAL] = "neutral",
	[BC_CC_CAT] = "cat",
	[BC_CC_COW] = "cow",
};

void bc_cat_cow_init(bc_cat_cow *cc, const bc_cat_cow_settings *s, float wobble_max_s)
{
	*cc = (bc_cat_cow){ .s = *s, .phase = BC_CC_NEUTRAL };
	bc_hold_timer_init(&cc->zone_timer, wobble_max_s);
}

static void init(bc_detector *d)
{
	bc_cat_cow_init(&d->u.cat_cow, &d->settings.cat_cow, d->settings.wobble_max_s);
	d->view.phase_name = phase_names[BC_CC_NEUTRAL];
}

/* An outcome with what the cycle had to do: each phase's angle and time. */
static void emit_cycle(const bc_cat_cow *cc, bc_detect_out *out, double t_s, bc_reject_reason why,
		       float shortest_s, float peak_deg)
{
	size_t n = out->n;
	bc_detect_emit_outcome(out, t_s, why, shortest_s, 0.0f, peak_deg);
	if (out->n == n)
		return;
	if (why == BC_REJECT_TOO_LITTLE_RANGE)
		out->ev[n].target_deg = cc->s.enter_deg;
	else if (why == BC_REJECT_RUSHED)
		out->ev[n].phase_min_s = cc->s.min_phase_s;
}

/*
 * A half-cycle is over. With a partner of the other direction waiting, the
 * pair is a cycle: a rep, or rejected with the first reason that applies.
 */
static void end_half(bc_cat_cow *cc, double t_s, bc_detect_out *out)
{
	bc_cc_half h = cc->cur;
	bc_hold_timer_stop(&cc->zone_timer);
	if (cc->zone_timer.held_s > h.zone_s)
		h.zone_s = cc->zone_timer.held_s;
	h.event_t_s = bc_halfway_time(&cc->halfway, t_s);
	cc->cur = (bc_cc_half){ 0 };
	cc->neutral_since_s = t_s;
	if (h.dir == 0)
		return;
	t_s = h.event_t_s;

	bc_cc_half p = cc->pending;
	if (p.dir == -h.dir) {
		const bc_cc_half *cat = h.dir > 0 ? &h : &p;
		bc_reject_reason why = BC_REJECT_NONE;
		if (!p.reached || !h.reached)
			why = BC_REJECT_TOO_LITTLE_RANGE;
		else if (p.zone_s < cc->s.min_phase_s || h.zone_s < cc->s.min_phase_s)
			why = BC_REJECT_RUSHED;
		float shortest = p.zone_s < h.zone_s ? p.zone_s : h.zone_s;
		emit_cycle(cc, out, t_s, why, shortest, cat->peak_deg);
		cc->pending = (bc_cc_half){ 0 };
		return;
	}
	/* Same direction twice: the earlier half had no partner. */
	if (p.dir != 0)
		emit_cycle(cc, out, p.event_t_s, BC_REJECT_TOO_LITTLE_RANGE, p.zone_s, p.peak_deg);
	cc->pending = h;
}

/*
 * Beyond max_deg it is not cat-cow any more: forget the half-cycles in
 * progress, and wait until the wearer is back on hands and knees and settled
 * there: right after a big movement (sitting up, kneeling tall) the angles can
 * be a degree or two off until the body is still again, and the way back may
 * overshoot a little; neither is a half-cycle.
 */
static void update_off(bc_cat_cow *cc, const bc_body_state *b, float g)
{
	const bc_cat_cow_settings *s = &cc->s;
	double t = b->t_s;
	if (fabsf(g) > s->max_deg) {
		cc->off = true;
		cc->settled_since_s = -1.0;
		cc->cur = (bc_cc_half){ 0 };
		cc->pending = (bc_cc_half){ 0 };
		bc_hold_timer_stop(&cc->zone_timer);
	} else if (cc->off) {
		if (!(fabsf(g) < s->attempt_deg && b->still))
			cc->settled_since_s = -1.0;
		else if (cc->settled_since_s < 0.0)
			cc->settled_since_s = t;
		else if (t - cc->settled_since_s >= OFF_SETTLE_S)
			cc->off = false;
	}
}

/* The half-cycle in progress: its peak, whether it reached its zone, and how long. */
static void update_half(bc_cat_cow *cc, double t, float g, bool in_zone)
{
	bc_cc_half *h = &cc->cur;
	bc_halfway_update(&cc->halfway, t, g, 0.3f);
	if (h->dir * g > h->dir * h->peak_deg)
		h->peak_deg = g;
	if (in_zone)
		h->reached = true;
	/* Time counts past enter_deg itself; hysteresis only pauses. */
	bool past = h->dir * g >= cc->s.enter_deg;
	bc_hold_timer_update_counting(&cc->zone_timer, t, in_zone, past);
	if (cc->zone_timer.held_s > h->zone_s && cc->zone_timer.active)
		h->zone_s = cc->zone_timer.held_s;
}

/* Excursions from neutral: start, end, cross straight to the other side. */
static void update_halves(bc_cat_cow *cc, double t, float g, bool in_cat, bool in_cow,
			  bc_detect_out *out)
{
	const bc_cat_cow_settings *s = &cc->s;
	int dir = g >= s->attempt_deg ? 1 : g <= -s->attempt_deg ? -1 : 0;
	if (cc->cur.dir != 0 && (fabsf(g) < s->rest_deg || dir == -cc->cur.dir))
		end_half(cc, t, out);
	if (cc->cur.dir == 0 && dir != 0) {
		cc->cur = (bc_cc_half){ .dir = dir, .peak_deg = g };
		bc_halfway_start(&cc->halfway, dir, 0.0f, g, t);
	}
	/* A half alone at neutral too long: its partner never came. */
	if (cc->cur.dir == 0 && cc->pending.dir != 0 && t - cc->neutral_since_s >= s->max_pause_s) {
		emit_cycle(cc, out, cc->pending.event_t_s, BC_REJECT_TOO_LITTLE_RANGE,
			   cc->pending.zone_s, cc->pending.peak_deg);
		cc->pending = (bc_cc_half){ 0 };
	}
	if (cc->cur.dir != 0)
		update_half(cc, t, g, cc->cur.dir > 0 ? in_cat : in_cow);
}

static void update_view(bc_detector *d, float g)
{
	const bc_cat_cow *cc = &d->u.cat_cow;
	const bc_cat_cow_settings *s = &cc->s;
	int phase = cc->phase;
	bc_detect_view *v = &d->view;
	v->gauge_deg = g;
	v->zone_min_deg = -s->enter_deg;
	v->zone_max_deg = s->enter_deg;
	v->holding = phase != BC_CC_NEUTRAL;
	v->hold_s = cc->cur.zone_s;
	v->hold_target_s = s->min_phase_s;
	if (cc->off)
		v->hint = BC_HINT_NOT_EXERCISE;
	else if (phase != BC_CC_NEUTRAL && cc->cur.zone_s < s->min_phase_s)
		v->hint = BC_HINT_HOLD;
	else if (phase == BC_CC_CAT || (phase == BC_CC_NEUTRAL && cc->pending.dir > 0))
		v->hint = BC_HINT_COW;
	else
		v->hint = BC_HINT_CAT;
}

static void update(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_cat_cow *cc = &d->u.cat_cow;
	const bc_cat_cow_settings *s = &cc->s;
	double t = b->t_s;
	float g = b->angles.sagittal_deg;

	update_off(cc, b, g);
	/* The phase shown: which zone the gauge is in, with hysteresis. */
	int phase = cc->phase;
	bool in_cat = bc_hyst_above(phase == BC_CC_CAT, g, s->enter_deg, s->exit_deg);
	bool in_cow = bc_hyst_below(phase == BC_CC_COW, g, -s->enter_deg, -s->exit_deg);
	phase = in_cat ? BC_CC_CAT : in_cow ? BC_CC_COW : BC_CC_NEUTRAL;
	if (cc->off)
		phase = BC_CC_NEUTRAL;
	if (phase != cc->phase) {
		cc->phase = phase;
		bc_detect_set_phase(d, phase, phase_names[phase], t, out);
	}
	if (!cc->off)
		update_halves(cc, t, g, in_cat, in_cow, out);
	update_view(d, g);
}

static void finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	bc_cat_cow *cc = &d->u.cat_cow;
	if (cc->cur.dir != 0)
		end_half(cc, t_s, out);
	if (cc->pending.dir != 0)
		emit_cycle(cc, out, cc->pending.event_t_s, BC_REJECT_TOO_LITTLE_RANGE,
			   cc->pending.zone_s, cc->pending.peak_deg);
	cc->pending = (bc_cc_half){ 0 };
}

/* The sagittal angle only. */
static unsigned body_needs(const bc_detector *d)
{
	(void)d;
	return 0;
}

const bc_detector_ops bc_cat_cow_ops = {
	.init = init,
	.update = update,
	.finish = finish,
	.body_needs = body_needs,
};
