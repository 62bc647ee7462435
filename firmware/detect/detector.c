/* SPDX-License-Identifier: MIT */
#include "detect/detector.h"

#include <math.h>

#include "detect/detect_internal.h"

/* Defaults: contract §4, each a setting (coach/settings.c reads them). */
const bc_detect_settings bc_detect_settings_default = {
	.pelvic_tilt = {
		.enter_deg = 5.0f, .exit_deg = 4.0f, .attempt_deg = 2.0f, .rest_deg = 1.2f,
		.wrong_deg = 3.5f, .max_deg = 35.0f, .roll_off_deg = 40.0f,
		.min_attempt_s = 0.5f, .settle_s = 3.0f,
	},
	.bridge = {
		.enter_deg = 15.0f, .exit_deg = 12.5f, .attempt_deg = 5.0f, .rest_deg = 3.0f,
		.wrong_deg = 5.0f, .max_deg = 60.0f, .roll_off_deg = 40.0f, .level_max_deg = 10.0f,
		.level_min_s = 0.5f, .min_attempt_s = 0.5f, .settle_s = 3.0f,
	},
	.knee_to_chest = {
		.enter_deg = 5.0f, .exit_deg = 4.0f, .attempt_deg = 2.0f, .rest_deg = 1.2f,
		.wrong_deg = 3.5f, .max_deg = 45.0f, .roll_off_deg = 40.0f,
		.min_attempt_s = 0.5f, .settle_s = 3.0f,
	},
	/*
	 * Child's pose: the trunk incline is measured from the standing
	 * vertical the wearer calibrated (0 standing, about 90 on hands and
	 * knees). Sinking back rolls the pelvis towards vertical by the tilt:
	 * a deep pose from a tabletop tilted a little back ends near 90 - 45 - 8
	 * = 37 deg. Standing or kneeling tall stays within about 20 deg, so
	 * 30 deg keeps a margin either side (45 refused deep, correct poses).
	 */
	.childs_pose = {
		.enter_deg = 15.0f, .exit_deg = 12.5f, .attempt_deg = 6.0f, .rest_deg = 3.5f,
		.wrong_deg = 8.0f, .max_deg = 60.0f, .roll_off_deg = 40.0f,
		.min_incline_deg = 30.0f, .min_attempt_s = 0.5f, .settle_s = 3.0f,
	},
	.cat_cow = {
		.enter_deg = 5.0f, .exit_deg = 3.5f, .attempt_deg = 2.0f, .rest_deg = 1.2f,
		.min_phase_s = 1.0f, .max_deg = 45.0f, .max_pause_s = 1.3f,
	},
	.posture = {
		.slouch_deg = 10.0f, .slouch_exit_deg = 8.0f, .alert_delay_s = 10.0f,
		.repeat_s = 30.0f, .standing_max_deg = 5.0f, .walk_rate_dps = 15.0f,
		.active_share = 0.5f,
		.active_tau_s = 2.0f,
	},
	.start_tol_deg = 3.0f,
	.start_hold_s = 0.5f,
	.wobble_max_s = 1.0f,
};

/* Indexed by exercise: no if-chains over exercise names anywhere else. */
static const bc_detector_ops *const ops_table[BC_EXERCISE_COUNT] = {
	[BC_EXERCISE_PELVIC_TILT] = &bc_pelvic_tilt_ops,
	[BC_EXERCISE_BRIDGE] = &bc_bridge_ops,
	[BC_EXERCISE_CAT_COW] = &bc_cat_cow_ops,
	[BC_EXERCISE_KNEE_TO_CHEST] = &bc_knee_to_chest_ops,
	[BC_EXERCISE_CHILDS_POSE] = &bc_childs_pose_ops,
	[BC_EXERCISE_POSTURE] = &bc_posture_ops,
};

void bc_detector_reset(bc_detector *d)
{
	d->view = (bc_detect_view){ .hold_target_s = d->hold_target_s,
				    .hint = BC_HINT_GET_READY };
	d->start_since_s = -1.0;
	d->ops->init(d);
}

int bc_detector_init(bc_detector *d, const bc_detect_settings *settings,
		     bc_exercise_id exercise, float hold_target_s)
{
	*d = (bc_detector){ 0 };
	if (exercise < 0 || exercise >= BC_EXERCISE_COUNT || !ops_table[exercise])
		return -1;
	d->exercise = exercise;
	d->ops = ops_table[exercise];
	d->settings = settings ? *settings : bc_detect_settings_default;
	d->hold_target_s = hold_target_s > 0.0f ? hold_target_s : 0.0f;
	bc_detector_reset(d);
	return 0;
}

/*
 * The start gate: after calibration the wearer must be in the start position
 * (sagittal within start_tol_deg) for start_hold_s before anything counts.
 */
static void update_start_gate(bc_detector *d, const bc_body_state *b, bc_detect_out *out)
{
	const bc_detect_settings *s = &d->settings;
	float off_deg = d->ops->start_offset_deg ? d->ops->start_offset_deg(b)
						 : fabsf(b->angles.sagittal_deg);
	bool at_start = b->angles_valid && off_deg <= s->start_tol_deg;
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
	if (!d->ops)
		return;
	if (!d->view.started) {
		update_start_gate(d, b, out);
		return;
	}
	if (!b->angles_valid || b->sample_rejected)
		return;
	d->ops->update(d, b, out);
}

void bc_detector_finish(bc_detector *d, double t_s, bc_detect_out *out)
{
	if (d->ops && d->view.started)
		d->ops->finish(d, t_s, out);
}

void bc_detect_set_phase(bc_detector *d, int phase, const char *name, double t_s,
			 bc_detect_out *out)
{
	if (d->view.phase == phase && d->view.phase_name == name)
		return;
	d->view.phase = phase;
	d->view.phase_name = name;
	bc_coach_event e = { .type = BC_EVENT_PHASE, .t_s = t_s, .phase = phase,
			     .phase_name = name };
	bc_detect_emit(out, &e);
}

void bc_detect_emit_outcome(bc_detect_out *out, double t_s, bc_reject_reason reason,
			    float hold_s, float hold_target_s, float peak_deg)
{
	bc_coach_event e = {
		.type = reason == BC_REJECT_NONE ? BC_EVENT_REP : BC_EVENT_REJECTED,
		.t_s = t_s, .hold_s = hold_s, .hold_target_s = hold_target_s,
		.peak_deg = peak_deg, .reason = reason,
	};
	bc_detect_emit(out, &e);
}
