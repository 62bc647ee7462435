/* SPDX-License-Identifier: MIT */
/* Placeholder until the calibration module lands: filter only, never calibrated. */
#include "body/body_tracker.h"

const bc_body_settings bc_body_settings_default = {
	.filter = {
		.dropout_s = 0.5f, .accel_limit_g = 15.9f, .gyro_limit_dps = 1990.0f,
		.tau_acc_s = 3.0f, .bias_tau_rest_s = 2.0f, .bias_tau_motion_s = 200.0f,
	},
	.upright_hold_s = 3.0f,
	.start_hold_s = 2.0f,
	.upright_max_tilt_deg = 30.0f,
};

void bc_body_tracker_init(bc_body_tracker *t, const bc_body_settings *settings,
			  bc_start_pose pose)
{
	*t = (bc_body_tracker){ 0 };
	t->settings = settings ? *settings : bc_body_settings_default;
	t->pose = pose;
	bc_filter_init(&t->filter, &t->settings.filter);
}

const bc_body_state *bc_body_tracker_update(bc_body_tracker *t, const bc_sample *s)
{
	bc_filter_status st = bc_filter_update(&t->filter, s);
	t->state.t_s = s->t_s;
	t->state.sample_rejected = st == BC_FILTER_REJECTED;
	t->state.q_earth_from_sensor = bc_filter_quat(&t->filter);
	return &t->state;
}

void bc_body_tracker_recalibrate(bc_body_tracker *t)
{
	t->state.stage = BC_CALIB_STAND;
}
