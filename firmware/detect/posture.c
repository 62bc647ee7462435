/* SPDX-License-Identifier: MIT */
#include "detect/posture.h"

#include <math.h>
#include <string.h>

#include "detect/detect_internal.h"
#include "detect/hysteresis.h"

static const char *const phase_names[BC_PO_PHASE_COUNT] = {
	[BC_PO_UPRIGHT] = "upright",
	[BC_PO_SLOUCHING] = "slouching",
	[BC_PO_AWAY] = "standing or walking",
};

void bc_posture_init(bc_posture *p, const bc_posture_settings *s, float wobble_max_s)
{
	*p = (bc_posture){ .s = *s, .phase = BC_PO_UPRIGHT };
	bc_hold_timer_init(&p->slouch, wobble_max_s);
}

static void init(bc_detector *d)
{
	bc_posture_init(&d->u.posture, &d->settings.posture, d->settings.wobble_max_s);
	d->view.phase_name = phase_names[BC_PO_UPRIGHT];
}

/*
 * The gauge: the sagittal angle when the body's forward axis is known; else
 * (sat down without a clear lean, body_state.h) the tilt from the start,
 * which cannot tell slumping from hunching but is never mixed up with a
 * sideways lean's heading. Signed like the sagittal angle where it can be.
 */
static float gauge_deg(const bc_body_state *b)
{
	if (b->heading_known)
		return b->angles.sagittal_deg;
	return b->angles.sagittal_deg < 0.0f ? -b->tilt_from_start_deg : b->tilt_from_start_deg;
}

static float start_offset_deg(const bc_body_state *b)
{
	return fabsf(gauge_deg(b));
}

static void update(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	bc_posture *p = &d->u.posture;
	const bc_posture_settings *s = &p->s;
	double t = b->t_s;
	float g = gauge_deg(b);

	/* Share of recent time spent turning briskly: a leaky average. */
	double step_s = p->last_t_s > 0.0 ? t - p->last_t_s : 0.0;
	p->last_t_s = t;
	if (step_s > 0.0 && step_s <= BC_HOLD_MAX_STEP_S) {
		float k = (float)(step_s / (s->active_tau_s + step_s));
		float brisk = b->rate_dps >= s->walk_rate_dps ? 1.0f : 0.0f;
		p->active += k * (brisk - p->active);
	}
	bool walking = p->active > s->active_share;
	bool standing = b->trunk_incline_deg <= s->standing_max_deg &&
			fabsf(g) >= s->slouch_exit_deg;

	p->slouched = bc_hyst_above(p->slouched, fabsf(g), s->slouch_deg, s->slouch_exit_deg);
	int phase;
	if (walking || standing) {
		phase = BC_PO_AWAY;
		bc_hold_timer_stop(&p->slouch);
		p->slouch.held_s = 0.0f;
		p->alerts_this_slouch = 0;
	} else {
		bc_hold_status st = bc_hold_timer_update(&p->slouch, t, p->slouched);
		if (st == BC_HOLD_STARTED) {
			p->alerts_this_slouch = 0;
			p->peak_deg = g;
		}
		if (p->slouched && fabsf(g) > fabsf(p->peak_deg))
			p->peak_deg = g;
		phase = p->slouch.active ? BC_PO_SLOUCHING : BC_PO_UPRIGHT;
		float due_s = s->alert_delay_s + (float)p->alerts_this_slouch * s->repeat_s;
		if (p->slouch.active && p->slouch.held_s >= due_s) {
			p->alerts_this_slouch++;
			bc_coach_event e = { .type = BC_EVENT_REP,
					     .t_s = t,
					     .hold_s = p->slouch.held_s,
					     .peak_deg = p->peak_deg,
					     .hold_sd_deg = NAN, /* an alert has no form */
					     .smoothness = NAN,
					     .time_to_zone_s = NAN };
			strcpy(e.text, "slouch alert");
			bc_detect_emit(out, &e);
		}
	}
	if (phase != p->phase) {
		p->phase = phase;
		bc_detect_set_phase(d, phase, phase_names[phase], t, out);
	}

	bc_detect_view *v = &d->view;
	v->gauge_deg = g;
	v->zone_min_deg = -s->slouch_deg;
	v->zone_max_deg = s->slouch_deg;
	v->holding = p->slouch.active;
	v->hold_s = p->slouch.held_s;
	v->hold_target_s = s->alert_delay_s;
	v->hint = phase == BC_PO_SLOUCHING ? BC_HINT_SIT_UP
		  : phase == BC_PO_UPRIGHT ? BC_HINT_SITTING_WELL
					   : BC_HINT_NONE;
}

static void finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	(void)d;
	(void)t_s;
	(void)out;
}

/* The incline (standing?), and the tilt where gauge_deg falls back on it. */
static unsigned body_needs(const bc_detector *d)
{
	(void)d;
	return BC_BODY_NEEDS_INCLINE | BC_BODY_NEEDS_TILT_FALLBACK;
}

const bc_detector_ops bc_posture_ops = {
	.init = init,
	.update = update,
	.finish = finish,
	.start_offset_deg = start_offset_deg,
	.body_needs = body_needs,
};
