/* SPDX-License-Identifier: MIT */
/*
 * The detector settings' defaults that are not an exercise's own: the start
 * gate, the wobble allowance, and the cat-cow and posture machines'. A
 * tilt-and-hold exercise's defaults are in its row (coach/exercise_table.c).
 */
#include "detect/detector.h"

/* Defaults: contract §4, each a setting (coach/settings.c reads them). */
const bc_detect_settings bc_detect_settings_default = {
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
	/* Real squats lean 9-36 deg (motion capture of ten people); a stoop 70 or more. */
	.squat = {
		.depth_cm = 30.0f, .max_lean_deg = 60.0f, .attempt_cm = 8.0f,
		.attempt_lean_deg = 45.0f, .standing_tol_cm = 7.0f, .upright_deg = 20.0f,
		.stand_lean_deg = 8.0f, .sure_stand_deg = 3.0f, .bounce_g = 0.1f, .walk_bounces = 8,
	},
	.paced = {
		.lead_in_s = 2.0f, .breathe_in_s = 2.0f, .relax_s = 3.0f,
		.upright_max_deg = 10.0f, .upright_gap_deg = 1.0f,
	},
	.start_tol_deg = 3.0f,
	.start_hold_s = 0.5f,
	.wobble_max_s = 1.0f,
};
