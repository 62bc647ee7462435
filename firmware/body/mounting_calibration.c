/* SPDX-License-Identifier: MIT */
/* Mounting calibration (the wearing protocol): see mounting_calibration.h. */
#include "body/mounting_calibration.h"

/* Includes above; definitions below. */

typedef enum {
	POSE_FITS,        /* the spell looks like the start pose */
	POSE_NOT_YET,     /* on the way (still near upright, half way down): wait */
	POSE_CONTRADICTS, /* impossible if the STAND spell was upright: start over */
} pose_fit;

static const bc_vec3 earth_up = { 0.0f, 0.0f, 1.0f };

/* Functions */

void bc_mounting_init(bc_mounting_calib *c, const bc_mounting_settings *settings,
		      bc_start_pose pose)
{
	*c = (bc_mounting_calib){ 0 };
	c->settings = *settings;
	c->pose = pose;
	bc_mounting_restart(c);
}

static void spell_clear(bc_mounting_calib *c)
{
	c->spell_s = 0.0;
	c->spell_accel_sum_g = bc_vec3_make(0, 0, 0);
	c->spell_q_recent = bc_quat_make(0, 0, 0, 0);
}

void bc_mounting_restart(bc_mounting_calib *c)
{
	uint32_t resets = c->resets;
	bc_mounting_settings settings = c->settings;
	bc_start_pose pose = c->pose;

	*c = (bc_mounting_calib){ 0 };
	c->settings = settings;
	c->pose = pose;
	c->resets = resets;
	c->stage = BC_CALIB_STAND;
	c->q_sensor_from_body = bc_quat_identity;
	c->q_earth_from_body_start = bc_quat_identity;
	spell_clear(c);
}

/*
 * Earth-up in the sensor frame during a still spell comes from the
 * accelerometer itself: at rest it measures nothing but gravity, and every
 * sample counts alike. The filter's own estimate converges to the same
 * direction, but only seconds after the movement that precedes every spell
 * (its accelerometer time constant), and an error in the start reference
 * would stay for the whole exercise.
 *
 * The orientation (needed for its heading) is a recency-weighted mean: right
 * after a movement the filter is still settling, so its latest estimates are
 * its best. Quaternions q and -q are the same rotation: they are averaged in
 * one hemisphere.
 */
static void spell_add(bc_mounting_calib *c, bc_quat q, bc_vec3 accel_g, float dt_s)
{
	bc_quat *m = &c->spell_q_recent;
	float dot = m->w * q.w + m->x * q.x + m->y * q.y + m->z * q.z;
	float sign = dot < 0.0f ? -1.0f : 1.0f;
	float tau_s = c->settings.start_ref_tau_s;
	float k = c->spell_s > 0.0 ? dt_s / (tau_s + dt_s) : 1.0f;

	m->w += k * (sign * q.w - m->w);
	m->x += k * (sign * q.x - m->x);
	m->y += k * (sign * q.y - m->y);
	m->z += k * (sign * q.z - m->z);
	c->spell_accel_sum_g = bc_vec3_add(c->spell_accel_sum_g, accel_g);
	c->spell_s += dt_s;
}

/*
 * While moving between the upright and the start pose, remember how earth-up
 * (seen from the sensor) leaves body z: for the sitting pose the forward lean
 * of sitting down is the only sign of where the belly faces. Weighting each
 * deviation by its size lets the big deliberate lean outvote small wobbles.
 */
static void note_lean(bc_mounting_calib *c, bc_vec3 up_s)
{
	bc_vec3 z = c->up_upright_s;
	bc_vec3 d = bc_vec3_sub(up_s, bc_vec3_scale(z, bc_vec3_dot(z, up_s)));
	float size = bc_vec3_norm(d);
	float angle_deg = bc_vec3_angle_deg(up_s, z);

	c->lean_sum_s = bc_vec3_add(c->lean_sum_s, bc_vec3_scale(d, size));
	c->lean_weight += size;
	if (angle_deg > c->lean_max_deg)
		c->lean_max_deg = angle_deg;
}

/*
 * Sitting: how far up (sensor frame) leans from the upright the way the
 * wearer leaned while sitting down, degrees (0 without a clear lean).
 */
static float forward_lean_deg(const bc_mounting_calib *c, bc_vec3 up)
{
	if (c->lean_max_deg < c->settings.lean_min_deg || !(c->lean_weight > 0.0f))
		return 0.0f;
	bc_vec3 z = bc_vec3_normalize(c->up_upright_s);
	bc_vec3 lean = bc_vec3_normalize(c->lean_sum_s);
	float along = bc_vec3_dot(up, lean);
	return atan2f(along, bc_vec3_dot(up, z)) * BC_DEG_PER_RAD;
}

static pose_fit start_pose_fit(const bc_mounting_calib *c, float from_upright_deg)
{
	const bc_mounting_settings *st = &c->settings;
	float lying_min_deg = st->lying_tilt_deg - st->lying_tol_deg;
	float lying_max_deg = st->lying_tilt_deg + st->lying_tol_deg;

	switch (c->pose) {
	case BC_POSE_SITTING:
		if (from_upright_deg <= st->upright_max_tilt_deg)
			return POSE_FITS;
		return from_upright_deg >= lying_min_deg ? POSE_CONTRADICTS : POSE_NOT_YET;
	case BC_POSE_SUPINE:
	case BC_POSE_TABLETOP:
	default:
		if (from_upright_deg > lying_max_deg)
			return POSE_CONTRADICTS;
		return from_upright_deg >= lying_min_deg ? POSE_FITS : POSE_NOT_YET;
	}
}

/* Any unit vector perpendicular to unit vector z. */
static bc_vec3 any_perpendicular(bc_vec3 z)
{
	bc_vec3 axis = fabsf(z.x) < 0.6f ? bc_vec3_make(1, 0, 0) : bc_vec3_make(0, 1, 0);
	return bc_vec3_normalize(bc_vec3_cross(z, axis));
}

/* The start spell is complete: build the body axes in the sensor frame. */
static void finish(bc_mounting_calib *c)
{
	bc_vec3 z = bc_vec3_normalize(c->up_upright_s);
	bc_vec3 up_start = bc_vec3_normalize(c->spell_accel_sum_g);
	bc_vec3 forward;

	c->up_start_s = up_start;
	c->heading_known = true;
	switch (c->pose) {
	case BC_POSE_TABLETOP:
		forward = bc_vec3_scale(up_start, -1.0f);
		break;
	case BC_POSE_SITTING:
		if (c->lean_max_deg >= c->settings.lean_min_deg && c->lean_weight > 0.0f) {
			/* Leaning forward, up swings to -x. */
			forward = bc_vec3_scale(c->lean_sum_s, -1.0f);
		} else {
			/* Seated, the pelvis usually rolls back: up towards +x. */
			forward = up_start;
			c->heading_known = false;
		}
		break;
	case BC_POSE_SUPINE:
	default:
		forward = up_start;
		break;
	}

	bc_vec3 x = bc_vec3_sub(forward, bc_vec3_scale(z, bc_vec3_dot(z, forward)));
	if (bc_vec3_norm(x) < 1e-3f) {
		x = any_perpendicular(z);
		c->heading_known = false;
	}
	x = bc_vec3_normalize(x);
	bc_vec3 y = bc_vec3_cross(z, x);

	c->q_sensor_from_body = bc_quat_from_axes(x, y, z);

	/* The filter's heading, tilted minimally so that up is the accelerometer's. */
	bc_quat q_es = bc_quat_normalize(c->spell_q_recent);
	bc_vec3 up_filter_s = bc_quat_rotate(bc_quat_conj(q_es), earth_up);
	q_es = bc_quat_normalize(bc_quat_mul(q_es, bc_quat_from_two_vectors(up_start, up_filter_s)));
	c->q_earth_from_body_start = bc_quat_normalize(bc_quat_mul(q_es, c->q_sensor_from_body));
	c->stage = BC_CALIB_DONE;
	c->progress = 1.0f;
}

static void stand_step(bc_mounting_calib *c)
{
	float hold_s = c->settings.upright_hold_s;

	c->progress = hold_s > 0.0f ? fminf(1.0f, (float)(c->spell_s / hold_s)) : 1.0f;
	if (c->spell_s < hold_s)
		return;
	c->up_upright_s = bc_vec3_normalize(c->spell_accel_sum_g);
	c->lean_sum_s = bc_vec3_make(0, 0, 0);
	c->lean_weight = 0.0f;
	c->lean_max_deg = 0.0f;
	c->spell_is_upright = true;
	c->stage = BC_CALIB_GO_TO_START;
	c->progress = 0.0f;
}

static void go_to_start_step(bc_mounting_calib *c)
{
	float hold_s = c->settings.start_hold_s;

	if (c->spell_is_upright) {
		/* Still standing: a longer spell only refines the vertical. */
		c->up_upright_s = bc_vec3_normalize(c->spell_accel_sum_g);
		c->progress = 0.0f;
		return;
	}
	bc_vec3 up = bc_vec3_normalize(c->spell_accel_sum_g);
	float from_upright_deg = bc_vec3_angle_deg(up, c->up_upright_s);
	pose_fit fit = start_pose_fit(c, from_upright_deg);
	if (fit == POSE_FITS && c->pose == BC_POSE_SITTING && c->settings.sit_forward_max_deg > 0.0f &&
	    forward_lean_deg(c, up) > c->settings.sit_forward_max_deg)
		fit = POSE_NOT_YET;

	switch (fit) {
	case POSE_FITS:
		c->progress = hold_s > 0.0f ? fminf(1.0f, (float)(c->spell_s / hold_s)) : 1.0f;
		if (c->spell_s >= hold_s)
			finish(c);
		break;
	case POSE_CONTRADICTS:
		c->progress = 0.0f;
		if (c->spell_s >= hold_s) {
			/*
			 * The STAND spell was not upright. Learn the vertical
			 * anew, from a new spell: this one is most likely the
			 * lying pose opposite the one taken for upright.
			 */
			bc_mounting_restart(c);
			c->resets++;
			c->wait_for_motion = true;
		}
		break;
	case POSE_NOT_YET:
	default:
		c->progress = 0.0f;
		break;
	}
}

void bc_mounting_update(bc_mounting_calib *c, bc_quat q_earth_from_sensor,
			bc_vec3 accel_g, bool still, float dt_s)
{
	if (c->stage == BC_CALIB_DONE)
		return;
	bc_vec3 up_s = bc_quat_rotate(bc_quat_conj(q_earth_from_sensor), earth_up);

	if (!still) {
		c->wait_for_motion = false;
		if (c->stage == BC_CALIB_GO_TO_START) {
			c->spell_is_upright = false;
			note_lean(c, up_s);
		}
		c->spell_open = false;
		c->progress = 0.0f;
		return;
	}
	if (c->wait_for_motion)
		return;
	if (!c->spell_open) {
		spell_clear(c);
		c->spell_open = true;
	}
	spell_add(c, q_earth_from_sensor, accel_g, dt_s);
	if (c->stage == BC_CALIB_STAND)
		stand_step(c);
	else
		go_to_start_step(c);
}

void bc_mounting_earth_turned(bc_mounting_calib *c, bc_quat q_new_from_old)
{
	c->q_earth_from_body_start =
		bc_quat_normalize(bc_quat_mul(q_new_from_old, c->q_earth_from_body_start));
	c->spell_open = false;
	c->spell_is_upright = false;
	if (c->stage != BC_CALIB_DONE)
		c->progress = 0.0f;
}
