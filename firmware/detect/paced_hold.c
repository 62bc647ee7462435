/* SPDX-License-Identifier: MIT */
#include "detect/paced_hold.h"

#include <math.h>

#include "detect/detect_internal.h"

/* Phases (the numbers go into PHASE events). */
enum { PH_LEAD_IN = 0, PH_BREATHE_IN, PH_SQUEEZE, PH_RELAX, PH_COUNT };

static const char *const phase_names[PH_COUNT] = {
	[PH_LEAD_IN] = "get ready",
	[PH_BREATHE_IN] = "breathe in",
	[PH_SQUEEZE] = "squeeze and hold",
	[PH_RELAX] = "relax",
};

static const bc_pace_phase pace_of[PH_COUNT] = {
	[PH_LEAD_IN] = BC_PACE_NONE,
	[PH_BREATHE_IN] = BC_PACE_BREATHE_IN,
	[PH_SQUEEZE] = BC_PACE_SQUEEZE,
	[PH_RELAX] = BC_PACE_RELAX,
};

static double period_s(const bc_paced_hold *p)
{
	return (double)p->s.breathe_in_s + p->squeeze_s + p->s.relax_s;
}

static double cycle_start_s(const bc_paced_hold *p, long k)
{
	return p->first_cycle_s + (double)k * period_s(p);
}

static void op_init(bc_detector *d)
{
	d->u.paced = (bc_paced_hold){ .s = d->settings.paced,
				      .squeeze_s = d->hold_target_s,
				      .wobble_max_s = d->settings.wobble_max_s,
				      .cycle = -1 };
	bc_rep_form_init(&d->u.paced.form, false);
	bc_hold_timer_init(&d->u.paced.hold, d->settings.wobble_max_s);
	d->view.gauge_kind = BC_GAUGE_PACE;
	d->view.phase_name = phase_names[PH_LEAD_IN];
}

/* The pace starts from calibration, whatever the wearer does: no start pose to wait for. */
static float op_start_offset_deg(const bc_body_state *b)
{
	(void)b;
	return 0.0f;
}

static void reset_cycle(bc_paced_hold *p)
{
	p->failed = false;
	p->out_held_s = 0.0f;
	p->peak_deg = 0.0f;
}

/* The outcome of the cycle in progress, which ended at end_s. */
static void end_cycle(const bc_paced_hold *p, double end_s, bc_detect_out *out)
{
	float held_s = p->squeeze_s - p->out_held_s;
	size_t n = out->n;
	bc_detect_emit_outcome(out, end_s, p->failed ? BC_REJECT_NOT_UPRIGHT : BC_REJECT_NONE,
			       held_s > 0.0f ? held_s : 0.0f, p->squeeze_s, p->peak_deg);
	if (out->n > n) {
		bc_rep_form_stamp(&p->form, &out->ev[n]);
		if (p->failed)
			out->ev[n].target_deg = p->s.upright_max_deg; /* the lean to stay within */
	}
}

/* Upright through the hold: a spell out of the zone of wobble_max_s fails it. */
static void update_upright(bc_paced_hold *p, double t, float lean_deg, double hold_start_s,
			   bool squeezing)
{
	bool was_out = p->out;
	p->out = was_out ? lean_deg > p->s.upright_max_deg - p->s.upright_gap_deg
			 : lean_deg > p->s.upright_max_deg;
	if (p->out && !was_out)
		p->out_since_s = t;
	if (!squeezing)
		return;
	float step_s = (float)(t - p->last_t_s);
	if (p->out && was_out && step_s > 0.0f && step_s <= BC_HOLD_MAX_STEP_S)
		p->out_held_s += step_s;
	double since_s = p->out_since_s > hold_start_s ? p->out_since_s : hold_start_s;
	if (p->out && t - since_s >= p->wobble_max_s)
		p->failed = true;
	if (lean_deg > p->peak_deg)
		p->peak_deg = lean_deg;
}

/*
 * The squeeze's edges: HOLD_START as it begins; as it ends, HOLD_DONE if it
 * ran to its end in this cycle with the wearer upright (a cycle a data gap
 * cut into says nothing: it is neither counted nor rejected).
 */
static void update_hold(bc_detector *d, double t, int phase, bc_detect_out *out)
{
	bc_paced_hold *p = &d->u.paced;
	bool squeezing = phase == PH_SQUEEZE;
	if (p->hold.active && p->cycle != p->hold_cycle)
		bc_hold_timer_stop(&p->hold); /* a data gap skipped the squeeze's end */
	bc_hold_status st = bc_hold_timer_update_counting(&p->hold, t, squeezing,
							  squeezing && !p->out);
	if (st == BC_HOLD_STARTED) {
		p->hold_cycle = p->cycle;
		bc_detect_emit_hold(out, BC_EVENT_HOLD_START, t, 0.0f, p->squeeze_s);
	} else if (p->hold.active && !squeezing) {
		if (phase == PH_RELAX && !p->failed)
			bc_detect_emit_hold(out, BC_EVENT_HOLD_DONE, t, p->hold.held_s,
					    p->squeeze_s);
		bc_hold_timer_stop(&p->hold);
	}
}

static void update_view(bc_detector *d, int phase, double phase_t_s, float phase_len_s, float lean)
{
	const bc_paced_hold *p = &d->u.paced;
	bc_detect_view *v = &d->view;
	v->pace_phase = pace_of[phase];
	v->pace_s = (float)phase_t_s;
	v->pace_phase_s = phase_len_s;
	v->gauge_deg = lean;
	v->zone_min_deg = 0.0f;
	v->zone_max_deg = p->s.upright_max_deg;
	v->holding = phase == PH_SQUEEZE;
	v->hold_s = phase == PH_SQUEEZE ? (float)phase_t_s : 0.0f;
	v->hold_target_s = p->squeeze_s;
	switch (phase) {
	case PH_BREATHE_IN:
		v->hint = BC_HINT_BREATHE_IN;
		break;
	case PH_SQUEEZE:
		v->hint = p->out ? BC_HINT_STAY_UPRIGHT : BC_HINT_SQUEEZE;
		break;
	case PH_RELAX:
		v->hint = BC_HINT_RELAX;
		break;
	default:
		v->hint = BC_HINT_GET_READY;
		break;
	}
}

static void op_update(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_paced_hold *p = &d->u.paced;
	double t = b->t_s;
	float lean = b->tilt_from_start_deg;
	if (!p->anchored) {
		/* The gate opened where the angles first came: at calibration. */
		p->first_cycle_s = d->start_since_s + p->s.lead_in_s;
		p->anchored = true;
		p->last_t_s = t;
	}
	long k = t < p->first_cycle_s ? -1 : (long)floor((t - p->first_cycle_s) / period_s(p));
	if (k != p->cycle) {
		/* Only a cycle seen to its end gives an outcome (a data gap may skip some). */
		if (p->cycle >= 0 && k == p->cycle + 1)
			end_cycle(p, cycle_start_s(p, k), out);
		reset_cycle(p);
		p->cycle = k;
	}
	int phase = PH_LEAD_IN;
	double phase_t = t - d->start_since_s;
	float phase_len = p->s.lead_in_s;
	if (k >= 0) {
		double in_cycle = t - cycle_start_s(p, k);
		double squeeze_at = p->s.breathe_in_s, relax_at = squeeze_at + p->squeeze_s;
		phase = in_cycle < squeeze_at ? PH_BREATHE_IN
			: in_cycle < relax_at ? PH_SQUEEZE
					      : PH_RELAX;
		phase_t = phase == PH_BREATHE_IN ? in_cycle
			  : phase == PH_SQUEEZE	 ? in_cycle - squeeze_at
						 : in_cycle - relax_at;
		phase_len = phase == PH_BREATHE_IN ? p->s.breathe_in_s
			    : phase == PH_SQUEEZE  ? p->squeeze_s
						   : p->s.relax_s;
		update_upright(p, t, lean, cycle_start_s(p, k) + squeeze_at, phase == PH_SQUEEZE);
	}
	p->last_t_s = t;
	bc_rep_form_update(&p->form, t, lean, phase == PH_BREATHE_IN, phase == PH_SQUEEZE);
	bc_detect_set_phase(d, phase, phase_names[phase], t, out);
	update_hold(d, t, phase, out);
	update_view(d, phase, phase_t, phase_len, lean);
}

/* A cycle the session cuts short is neither counted nor rejected (contract §4). */
static void op_finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	(void)d;
	(void)t_s;
	(void)out;
}

/* The lean from the upright start. */
static unsigned op_body_needs(const bc_detector *d)
{
	(void)d;
	return BC_BODY_NEEDS_TILT;
}

const bc_detector_ops bc_paced_hold_ops = {
	.init = op_init,
	.update = op_update,
	.finish = op_finish,
	.start_offset_deg = op_start_offset_deg,
	.body_needs = op_body_needs,
};
