/* SPDX-License-Identifier: MIT */
/*
 * Body tracker: runs the filter, the stillness detector and the mounting
 * calibration on each sample, then the body angles once calibrated.
 */
#include "body/body_tracker.h"

#include <math.h>

#include "body/body_angles.h"

const bc_body_settings bc_body_settings_default = {
	.filter_custom = false,
	.stillness = BC_STILLNESS_SETTINGS_DEFAULT_INIT,
	.steady = BC_TILT_STEADY_SETTINGS_DEFAULT_INIT,
	.upright_hold_s = 3.0f,
	.start_hold_s = 2.0f,
	.upright_max_tilt_deg = 30.0f,
	.lying_min_deg = 55.0f,
	.lying_max_deg = 135.0f,
	.lean_min_deg = 8.0f,
	.sit_push_min_g = 0.05f,
	.sit_forward_max_deg = 8.0f,
	.sit_back_min_deg = 20.0f,
	.prior_max_deg = 45.0f,
	.still_steady_s = 0.5f,
	.start_ref_tau_s = 0.5f,
	.still_tilt_tau_s = 0.5f,
	.dropout_s = 0.5f,
};

/* Filter at rest this long (in all) before its gyro bias is trusted, seconds. */
#define BIAS_LEARN_REST_S 1.0f

/* Functions */

static bc_mounting_settings mounting_settings(const bc_body_settings *st)
{
	bc_mounting_settings m = {
		.upright_hold_s = st->upright_hold_s,
		.start_hold_s = st->start_hold_s,
		.upright_max_tilt_deg = st->upright_max_tilt_deg,
		.lying_min_deg = st->lying_min_deg,
		.lying_max_deg = st->lying_max_deg,
		.lean_min_deg = st->lean_min_deg,
		.sit_push_min_g = st->sit_push_min_g,
		.sit_forward_max_deg = st->sit_forward_max_deg,
		.sit_back_min_deg = st->sit_back_min_deg,
		.prior_max_deg = st->prior_max_deg,
		.start_ref_tau_s = st->start_ref_tau_s,
	};
	return m;
}

void bc_body_tracker_init(bc_body_tracker *t, const bc_body_settings *settings, bc_start_pose pose)
{
	*t = (bc_body_tracker){ 0 };
	t->settings = settings ? *settings : bc_body_settings_default;
	if (!t->settings.filter_custom)
		t->settings.filter = bc_filter_settings_default;
	bc_filter_init(&t->filter, &t->settings.filter);
	bc_stillness_init(&t->stillness, &t->settings.stillness);
	bc_tilt_steady_init(&t->steady, &t->settings.steady);
	bc_mounting_settings m = mounting_settings(&t->settings);
	bc_mounting_init(&t->calib, &m, pose);
	t->q_tilt_fix = bc_quat_identity;
	t->needs = BC_BODY_NEEDS_ALL;
	t->state.q_earth_from_sensor = bc_quat_identity;
	t->state.q_earth_from_body = bc_quat_identity;
}

/*
 * After a restart the filter picks its heading afresh. The strap did not move
 * on the body, and the wearer has most likely not turned much, so the part of
 * the jump that is a turn about the vertical is the filter's frame changing:
 * keep the start reference in step with it.
 */
static bc_quat turn_about_vertical(bc_quat q_new, bc_quat q_old)
{
	bc_quat d = bc_quat_mul(q_new, bc_quat_conj(q_old));
	if (d.w * d.w + d.z * d.z < 1e-6f)
		return bc_quat_identity;
	return bc_quat_normalize(bc_quat_make(d.w, 0.0f, 0.0f, d.z));
}

/*
 * sin and cos of a small angle (|a| <= SMALL_ANGLE_RAD) by their series:
 * the next terms are below a float's rounding there. Each sample's tilt step
 * is that small at 25 Hz and above.
 */
#define SMALL_ANGLE_RAD 0.04f

static void sincos_small(float a, float *s, float *c)
{
	float a2 = a * a;
	*s = a * (1.0f - a2 * (1.0f / 6.0f));
	*c = 1.0f - a2 * (0.5f - a2 * (1.0f / 24.0f));
}

/*
 * While still, the accelerometer measures earth-up in the sensor frame. Turn
 * the correction q_fix (earth frame) a step k of the way so that
 * q_fix * q_filter puts that measurement straight up: a turn about a
 * horizontal axis, so the heading is left alone. The measurement need not be
 * made unit first: the axis and the angle do not depend on its length.
 */
static bc_quat tilt_towards_accel(bc_quat q_fix, bc_quat q_filter, bc_vec3 accel_g, float k)
{
	float n2 = bc_vec3_dot(accel_g, accel_g);
	if (!(n2 > 0.25f && n2 < 2.25f)) /* 0.5 .. 1.5 g */
		return q_fix;
	bc_vec3 up = bc_quat_rotate(bc_quat_mul(q_fix, q_filter), accel_g);
	/* the axis: up x z = (up.y, -up.x, 0), s long */
	float s = sqrtf(up.x * up.x + up.y * up.y);
	if (!(s > 1e-7f))
		return q_fix;
	float half_rad = 0.5f * k * bc_atan2f(s, up.z), sin_half, cos_half;
	if (fabsf(half_rad) <= SMALL_ANGLE_RAD)
		sincos_small(half_rad, &sin_half, &cos_half);
	else
		sincosf(half_rad, &sin_half, &cos_half);
	float scale = sin_half / s;
	bc_quat step = bc_quat_make(cos_half, up.y * scale, -up.x * scale, 0.0f);
	return bc_quat_normalize(bc_quat_mul(step, q_fix));
}

void bc_body_tracker_set_needs(bc_body_tracker *t, unsigned needs)
{
	t->needs = needs;
}

static bool needs_tilt(const bc_body_tracker *t, const bc_mounting_calib *c)
{
	return (t->needs & BC_BODY_NEEDS_TILT) ||
	       ((t->needs & BC_BODY_NEEDS_TILT_FALLBACK) && !c->heading_known);
}

/* Body z is known once the upright spell is: the spine's incline (0 before). */
static float incline_before_start(const bc_mounting_calib *c, bc_quat q_es)
{
	const bc_vec3 *up_upright_s = bc_mounting_upright_up(c);
	if (!up_upright_s)
		return 0.0f;
	return bc_vec3_angle_deg(bc_quat_rotate(q_es, *up_upright_s), bc_vec3_make(0, 0, 1));
}

static void update_outputs(bc_body_tracker *t, bc_quat q_es)
{
	bc_body_state *b = &t->state;
	const bc_mounting_calib *c = &t->calib;
	bool incline = t->needs & BC_BODY_NEEDS_INCLINE;

	b->q_earth_from_sensor = q_es;
	b->rate_dps = t->stillness.rate_dps;
	b->stage = c->stage;
	b->calib_wait = c->wait;
	b->stage_progress = c->progress;
	b->heading_known = c->heading_known;
	b->calib_resets = c->resets;
	b->angles_valid = c->stage == BC_CALIB_DONE;

	if (b->angles_valid) {
		bc_quat q_eb = bc_quat_mul(q_es, c->q_sensor_from_body);
		b->q_earth_from_body = q_eb;
		b->angles = bc_body_angles_from_start(c->q_earth_from_body_start, q_eb);
		b->trunk_incline_deg = incline ? bc_body_trunk_incline_deg(q_eb) : NAN;
		b->tilt_from_start_deg = needs_tilt(t, c) ? bc_body_tilt_from_up_deg(
								    c->earth_up_at_start_b, q_eb)
							  : NAN;
	} else {
		b->q_earth_from_body = bc_quat_identity;
		b->angles = (bc_body_angles){ 0 };
		b->tilt_from_start_deg = 0.0f;
		b->trunk_incline_deg = incline ? incline_before_start(c, q_es) : NAN;
	}
}

bc_filter_step bc_body_tracker_fuse(bc_body_tracker *t, const bc_sample *s)
{
	bc_filter_step f = { .q_before = bc_filter_quat(&t->filter) };
	f.status = bc_filter_update(&t->filter, s);
	f.q = bc_filter_quat(&t->filter);
	f.gyro_bias_dps = bc_filter_gyro_bias_dps(&t->filter);
	f.at_rest = bc_filter_at_rest(&t->filter);
	return f;
}

const bc_body_state *bc_body_tracker_update(bc_body_tracker *t, const bc_sample *s)
{
	bc_filter_step f = bc_body_tracker_fuse(t, s);
	return bc_body_tracker_follow(t, s, &f);
}

const bc_body_state *bc_body_tracker_follow(bc_body_tracker *t, const bc_sample *s,
					    const bc_filter_step *f)
{
	if (f->status == BC_FILTER_REJECTED) {
		/* Nothing was fused: the state stays as it was. */
		t->state.sample_rejected = true;
		t->state.dropout = false;
		return &t->state;
	}
	bool dropout = t->started && (f->status == BC_FILTER_STARTED ||
				      s->t_s - t->last_t_s > t->settings.dropout_s);
	float dt_s = t->started && !dropout ? (float)(s->t_s - t->last_t_s) : 0.0f;
	bc_quat q_filter = f->q;

	t->started = true;
	t->last_t_s = s->t_s;
	if (dropout) {
		/* The filter restarted from the accelerometer: nothing to correct. */
		bc_quat q_fix_before = t->q_tilt_fix;
		t->q_tilt_fix = bc_quat_identity;
		bc_stillness_reset(&t->stillness);
		bc_tilt_steady_reset(&t->steady);
		bc_mounting_earth_turned(
			&t->calib,
			turn_about_vertical(q_filter, bc_quat_mul(q_fix_before, f->q_before)));
	}
	/*
	 * The filter learns the bias quickly at rest (bias_tau_rest_s): after
	 * BIAS_LEARN_REST_S of it the estimate is good to a fraction of a deg/s.
	 */
	if (f->at_rest && t->filter_rest_s < BIAS_LEARN_REST_S) {
		t->filter_rest_s += dt_s;
		if (t->filter_rest_s >= BIAS_LEARN_REST_S)
			bc_stillness_set_bias_known(&t->stillness, true);
	}
	bool gyro_quiet = bc_stillness_update(&t->stillness, s->gyro_dps, f->gyro_bias_dps,
					      s->accel_g, dt_s);
	bool block_closed = bc_tilt_steady_update(&t->steady, s->accel_g, dt_s);
	bool still = gyro_quiet || bc_tilt_steady_s(&t->steady) >= t->settings.still_steady_s;
	t->state.still_s = still ? (t->state.still ? t->state.still_s + dt_s : 0.0) : 0.0;
	t->state.still = still;
	float tau_s = t->settings.still_tilt_tau_s;
	if (still && tau_s > 0.0f && dt_s > 0.0f)
		t->q_tilt_fix = tilt_towards_accel(t->q_tilt_fix, q_filter, s->accel_g,
						   dt_s / (tau_s + dt_s));
	bc_quat q_es = bc_quat_normalize(bc_quat_mul(t->q_tilt_fix, q_filter));
	bc_mounting_input in = { .q_earth_from_sensor = q_es,
				 .steady = &t->steady,
				 .block_closed = block_closed,
				 .dt_s = dt_s };
	bc_mounting_update(&t->calib, &in);

	t->state.t_s = s->t_s;
	t->state.accel_earth_g = (t->needs & BC_BODY_NEEDS_ACCEL_EARTH)
					 ? bc_quat_rotate(q_es, s->accel_g)
					 : bc_vec3_make(NAN, NAN, NAN);
	t->state.sample_rejected = false;
	t->state.dropout = dropout;
	update_outputs(t, q_es);
	return &t->state;
}

void bc_body_tracker_recalibrate(bc_body_tracker *t)
{
	bc_mounting_restart(&t->calib);
	update_outputs(t, t->state.q_earth_from_sensor);
}

void bc_body_tracker_set_start_pose(bc_body_tracker *t, bc_start_pose pose)
{
	t->calib.pose = pose;
	bc_body_tracker_recalibrate(t);
}
