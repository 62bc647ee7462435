/* SPDX-License-Identifier: MIT */
#include "detect/detector.h"

#include <math.h>

#include "detect/detect_internal.h"

void bc_detector_reset(bc_detector *d)
{
	d->view = (bc_detect_view){ .hold_target_s = d->hold_target_s, .hint = BC_HINT_GET_READY };
	d->start_since_s = -1.0;
	d->row->ops->init(d);
}

int bc_detector_init(bc_detector *d, const bc_detect_settings *settings, bc_exercise_id exercise,
		     const bc_detector_row *row, float hold_target_s)
{
	*d = (bc_detector){ 0 };
	if (exercise < 0 || exercise >= BC_EXERCISE_COUNT || !row || !row->ops)
		return -1;
	d->row = row;
	d->exercise = exercise;
	if (settings) {
		d->settings = *settings;
	} else {
		d->settings = bc_detect_settings_default;
		d->settings.tilt[exercise] = row->tilt.defaults;
	}
	d->hold_target_s = hold_target_s > 0.0f ? hold_target_s : 0.0f;
	bc_detector_reset(d);
	return 0;
}

unsigned bc_detector_body_needs(const bc_detector *d)
{
	if (!d->row || !d->row->ops->body_needs)
		return BC_BODY_NEEDS_ALL;
	return d->row->ops->body_needs(d) | bc_gauge_body_needs(d->row->start_offset_deg);
}

/*
 * The start gate: after calibration the wearer must be in the start position
 * (sagittal within start_tol_deg) for start_hold_s before anything counts.
 */
static void update_start_gate(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	const bc_detect_settings *s = &d->settings;
	const bc_detector_ops *ops = d->row->ops;
	float off_deg = d->row->start_offset_deg ? d->row->start_offset_deg(b)
			: ops->start_offset_deg	 ? ops->start_offset_deg(b)
						 : fabsf(b->angles.sagittal_deg);
	float tol_deg = d->row->start_tol_deg > 0.0f ? d->row->start_tol_deg : s->start_tol_deg;
	bool at_start = b->angles_valid && off_deg <= tol_deg;
	d->view.gauge_deg = b->angles_valid ? b->angles.sagittal_deg : 0.0f;
	d->view.hint = BC_HINT_GET_READY;
	if (!at_start) {
		d->start_since_s = -1.0;
		return;
	}
	if (d->start_since_s < 0.0)
		d->start_since_s = b->t_s;
	if (b->t_s - d->start_since_s >= s->start_hold_s) {
		d->view.started = true;
		bc_coach_event e = { .type = BC_EVENT_START_REACHED, .t_s = b->t_s };
		bc_detect_emit(out, &e);
	}
}

void bc_detector_update(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	if (!d->row)
		return;
	if (!d->view.started) {
		update_start_gate(d, b, out);
		return;
	}
	if (!b->angles_valid || b->sample_rejected)
		return;
	d->row->ops->update(d, b, out);
}

void bc_detector_finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	if (d->row && d->view.started)
		d->row->ops->finish(d, t_s, out);
}

void bc_detect_set_phase(bc_detector *d, int phase, const char *name, double t_s,
			 bc_detect_out *out)
{
	if (d->view.phase == phase && d->view.phase_name == name)
		return;
	d->view.phase = phase;
	d->view.phase_name = name;
	bc_coach_event e = {
		.type = BC_EVENT_PHASE, .t_s = t_s, .phase = phase, .phase_name = name
	};
	bc_detect_emit(out, &e);
}

void bc_detect_emit_outcome(bc_detect_out *out, double t_s, bc_reject_reason reason, float hold_s,
			    float hold_target_s, float peak_deg)
{
	bc_coach_event e = {
		.type = reason == BC_REJECT_NONE ? BC_EVENT_REP : BC_EVENT_REJECTED,
		.t_s = t_s,
		.hold_s = hold_s,
		.hold_target_s = hold_target_s,
		.peak_deg = peak_deg,
		.reason = reason,
		.hold_sd_deg = NAN, /* the machine adds its rep's form, where it measures one */
		.smoothness = NAN,
		.time_to_zone_s = NAN,
	};
	bc_detect_emit(out, &e);
}
