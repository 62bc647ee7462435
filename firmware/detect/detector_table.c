/* SPDX-License-Identifier: MIT */
/*
 * Every exercise's detector: one row each, and the default settings.
 *
 * A tilt-and-hold exercise (into a zone, hold, back) is one row: the machine,
 * its settings member, the angle it moves (gauge) and the names of its
 * phases. A different machine is one file with its bc_detector_ops, and a
 * row naming them. Either way its settings get a member in
 * bc_detect_settings and their defaults below.
 */
#include <stddef.h>

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

#define SETTINGS(member) offsetof(bc_detect_settings, member)

/* Indexed by exercise: no if-chains over exercise names anywhere else. */
static const bc_detector_row rows[BC_EXERCISE_COUNT] = {
	/* phase names: rest, moving, holding, returning, wrong way, off */
	[BC_EXERCISE_PELVIC_TILT] = { &bc_tilt_hold_ops,
				      { SETTINGS(pelvic_tilt),
					bc_gauge_sagittal_deg,
					{ "resting", "tilting", "holding", "releasing", "arching",
					  "not in position" } } },
	[BC_EXERCISE_BRIDGE] = { &bc_tilt_hold_ops,
				 { SETTINGS(bridge),
				   bc_gauge_sagittal_deg,
				   { "resting", "rising", "holding", "lowering", "arching",
				     "not in position" } } },
	[BC_EXERCISE_CAT_COW] = { &bc_cat_cow_ops },
	[BC_EXERCISE_KNEE_TO_CHEST] = { &bc_tilt_hold_ops,
					{ SETTINGS(knee_to_chest),
					  bc_gauge_sagittal_deg,
					  { "resting", "pulling", "holding", "releasing",
					    "wrong way", "not in position" } } },
	[BC_EXERCISE_CHILDS_POSE] = { &bc_tilt_hold_ops,
				      { SETTINGS(childs_pose),
					bc_gauge_sagittal_deg,
					{ "resting", "sinking", "holding", "coming up", "wrong way",
					  "not in position" } } },
	[BC_EXERCISE_POSTURE] = { &bc_posture_ops },
};

const bc_detector_row *bc_detector_row_of(bc_exercise_id exercise)
{
	if (exercise < 0 || exercise >= BC_EXERCISE_COUNT || !rows[exercise].ops)
		return NULL;
	return &rows[exercise];
}
