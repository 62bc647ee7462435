/* SPDX-License-Identifier: MIT */
/* Mounting calibration (the wearing protocol): see mounting_calibration.h. */
#include "body/mounting_calibration.h"

#include <math.h>

#include "body/body_angles.h"

typedef enum {
	POSE_FITS,	  /* the spell is the start pose, seen from the candidate */
	POSE_UPRIGHT,	  /* still near the candidate upright */
	POSE_HALF_WAY,	  /* neither upright nor the start (half way down, a pause) */
	POSE_ON_BACK,	  /* lying on the back, where hands and knees are wanted */
	POSE_CONTRADICTS, /* upside down from it: the candidate was not upright */
} pose_fit;

static const bc_vec3 earth_up = { 0.0f, 0.0f, 1.0f };

/* Functions */

/* The start reference, and what the body angles need of it every sample. */
static void set_start(bc_mounting_calib *c, bc_quat q_earth_from_body_start)
{
	c->q_earth_from_body_start = q_earth_from_body_start;
	c->earth_up_at_start_b = bc_body_earth_up(q_earth_from_body_start);
}

void bc_mounting_init(bc_mounting_calib *c, const bc_mounting_settings *settings,
		      bc_start_pose pose)
{
	*c = (bc_mounting_calib){ 0 };
	c->settings = *settings;
	c->pose = pose;
	bc_mounting_restart(c);
}

void bc_mounting_restart(bc_mounting_calib *c)
{
	c->have_prior = c->stage == BC_CALIB_DONE;
	c->prior_up_s = c->up_upright_s;
	c->prior_spell_pending = c->have_prior;
	for (int i = 0; i < BC_UPRIGHT_CANDIDATES; i++)
		c->cand[i].valid = false;
	c->stage = BC_CALIB_STAND;
	c->wait = BC_WAIT_STAND;
	c->held_wait = BC_WAIT_STAND;
	c->have_on_back = false;
	c->progress = 0.0f;
	c->heading_known = false;
	c->up_upright_s = bc_vec3_make(0, 0, 0);
	c->q_sensor_from_body = bc_quat_identity;
	set_start(c, bc_quat_identity);
}

/* Index of the candidate made age candidates before the newest. */
static int candidate_index(const bc_mounting_calib *c, int age)
{
	return (c->cand_head - 1 - age + 2 * BC_UPRIGHT_CANDIDATES) % BC_UPRIGHT_CANDIDATES;
}

const bc_vec3 *bc_mounting_upright_up(const bc_mounting_calib *c)
{
	for (int age = 0; age < BC_UPRIGHT_CANDIDATES; age++) {
		const bc_upright_candidate *k = &c->cand[candidate_index(c, age)];
		if (k->valid)
			return &k->up_s;
	}
	return 0;
}

/*
 * The filter's orientation, recency-weighted: right after a movement it is
 * still settling, so its latest estimates are its best (only its heading is
 * used: the tilt comes from the accelerometer). q and -q are the same
 * rotation: they are averaged in one hemisphere.
 */
static void follow_orientation(bc_mounting_calib *c, bc_quat q, float dt_s)
{
	bc_quat *m = &c->q_recent;
	float dot = m->w * q.w + m->x * q.x + m->y * q.y + m->z * q.z;
	float sign = dot < 0.0f ? -1.0f : 1.0f;
	float tau_s = c->settings.start_ref_tau_s;
	float k = c->q_recent_primed && dt_s > 0.0f ? dt_s / (tau_s + dt_s) : 1.0f;

	m->w += k * (sign * q.w - m->w);
	m->x += k * (sign * q.x - m->x);
	m->y += k * (sign * q.y - m->y);
	m->z += k * (sign * q.z - m->z);
	c->q_recent_primed = true;
}

/* The current spell is long enough to be an upright: make or refresh its candidate. */
static void note_upright(bc_mounting_calib *c, uint32_t spell_id, bc_vec3 up, float norm_g)
{
	bc_upright_candidate *newest = &c->cand[candidate_index(c, 0)];
	if (newest->valid && newest->spell_id == spell_id) {
		newest->up_s = up; /* a longer spell only refines the vertical */
		newest->rest_norm_g = norm_g;
		return;
	}
	newest = &c->cand[c->cand_head];
	c->cand_head = (c->cand_head + 1) % BC_UPRIGHT_CANDIDATES;
	*newest = (bc_upright_candidate){
		.valid = true, .spell_id = spell_id, .up_s = up, .rest_norm_g = norm_g
	};
}

/* Every candidate from an earlier spell follows the way the wearer goes. */
static void extend_ways(bc_mounting_calib *c, uint32_t spell_id, bc_vec3 up,
			const bc_tilt_block *block)
{
	for (int i = 0; i < BC_UPRIGHT_CANDIDATES; i++) {
		bc_upright_candidate *k = &c->cand[i];
		if (!k->valid || k->spell_id == spell_id)
			continue;
		if (!k->way_started) {
			bc_lean_path_start(&k->way, k->up_s, c->settings.lean_min_deg);
			k->way_started = true;
		}
		bc_lean_path_add(&k->way, up);
		float push_g = fabsf(block->norm_g - k->rest_norm_g);
		if (push_g > k->push_max_g)
			k->push_max_g = push_g;
	}
}

/*
 * Sitting: how far up (sensor frame) leans from the upright the way the
 * wearer leaned while sitting down, degrees (0 without a clear lean).
 */
static float forward_lean_deg(const bc_mounting_calib *c, const bc_upright_candidate *k, bc_vec3 up)
{
	bc_vec3 lean = bc_lean_path_first(&k->way);
	if (bc_vec3_norm(lean) == 0.0f)
		return 0.0f;
	return bc_atan2f(bc_vec3_dot(up, lean), bc_vec3_dot(up, k->up_s)) * BC_DEG_PER_RAD;
}

static pose_fit start_pose_fit(const bc_mounting_calib *c, const bc_upright_candidate *k,
			       bc_vec3 up)
{
	const bc_mounting_settings *st = &c->settings;
	float from_upright_deg = bc_vec3_angle_deg(up, k->up_s);

	if (from_upright_deg > st->lying_max_deg)
		return POSE_CONTRADICTS;
	if (c->pose == BC_POSE_STANDING)
		return from_upright_deg <= BC_STAND_START_MAX_DEG ? POSE_FITS : POSE_HALF_WAY;
	if (c->pose == BC_POSE_SITTING || c->pose == BC_POSE_UPRIGHT) {
		/* Sitting down comes straight from a stand, not by way of the floor. */
		if (from_upright_deg > st->upright_max_tilt_deg ||
		    k->way.lean_max_deg >= st->lying_min_deg)
			return POSE_HALF_WAY;
		if (k->way.lean_max_deg < st->lean_min_deg && k->push_max_g < st->sit_push_min_g) {
			/* a weight shift, still standing: the start, where standing will do */
			if (c->pose == BC_POSE_UPRIGHT &&
			    from_upright_deg <= BC_STAND_START_MAX_DEG)
				return POSE_FITS;
			return POSE_UPRIGHT;
		}
		if (st->sit_forward_max_deg > 0.0f &&
		    forward_lean_deg(c, k, up) > st->sit_forward_max_deg)
			return POSE_HALF_WAY; /* a pause while sitting down */
		return POSE_FITS;
	}
	if (from_upright_deg <= st->upright_max_tilt_deg)
		return POSE_UPRIGHT;
	if (from_upright_deg < st->lying_min_deg)
		return POSE_HALF_WAY;
	if (c->pose == BC_POSE_TABLETOP && c->have_on_back)
		return bc_vec3_angle_deg(up, c->on_back_up_s) > st->lying_max_deg ? POSE_FITS
										  : POSE_ON_BACK;
	if (c->pose == BC_POSE_TABLETOP &&
	    bc_lean_path_away_deg(&k->way, up) >= st->sit_back_min_deg)
		return POSE_ON_BACK;
	return POSE_FITS;
}

/* Any unit vector perpendicular to unit vector z. */
static bc_vec3 any_perpendicular(bc_vec3 z)
{
	bc_vec3 axis = fabsf(z.x) < 0.6f ? bc_vec3_make(1, 0, 0) : bc_vec3_make(0, 1, 0);
	return bc_vec3_normalize(bc_vec3_cross(z, axis));
}

/* The wearer's forward (body x) in the sensor frame, before removing its part along z. */
static bc_vec3 forward_axis(bc_mounting_calib *c, const bc_upright_candidate *k, bc_vec3 up)
{
	c->heading_known = true;
	switch (c->pose) {
	case BC_POSE_TABLETOP:
		return bc_vec3_scale(up, -1.0f);
	case BC_POSE_SITTING:
	case BC_POSE_UPRIGHT:
		if (k->way_started &&
		    bc_vec3_norm(bc_lean_path_first(&k->way)) > 0.0f) /* leaning forward, */
			return bc_vec3_scale(bc_lean_path_first(&k->way),
					     -1.0f); /* up swings to -x */
		c->heading_known = false; /* seated, the pelvis usually rolls back: up towards +x */
		return up;
	case BC_POSE_STANDING: /* no lean on the way: x is a guess (up is along z) */
	case BC_POSE_SUPINE:
	default:
		return up;
	}
}

/* Where standing is the start pose, the stand that taught the upright can go on to be it. */
static bool stand_is_start(const bc_mounting_calib *c)
{
	return c->pose == BC_POSE_STANDING || c->pose == BC_POSE_UPRIGHT;
}

/*
 * How long the current spell has been in the start pose, seconds: all of it,
 * or, when it is the candidate's own stand, the part after the upright was
 * learned (contract §3: "2 s more once step 1 is done").
 */
static float start_spell_s(const bc_mounting_calib *c, const bc_upright_candidate *k,
			   uint32_t spell_id, float spell_s)
{
	if (k->spell_id != spell_id)
		return spell_s;
	return fmaxf(0.0f, spell_s - c->settings.upright_hold_s);
}

/* The start spell is complete: build the body axes in the sensor frame. */
static void finish(bc_mounting_calib *c, const bc_upright_candidate *k, bc_vec3 up_start)
{
	bc_vec3 z = bc_vec3_normalize(k->up_s);
	bc_vec3 forward = forward_axis(c, k, up_start);
	bc_vec3 x = bc_vec3_sub(forward, bc_vec3_scale(z, bc_vec3_dot(z, forward)));

	if (bc_vec3_norm(x) < 1e-3f) {
		x = any_perpendicular(z);
		c->heading_known = false;
	}
	x = bc_vec3_normalize(x);
	c->up_upright_s = z;
	c->q_sensor_from_body = bc_quat_from_axes(x, bc_vec3_cross(z, x), z);

	/* The filter's heading, tilted minimally so that up is the accelerometer's. */
	bc_quat q_es = bc_quat_normalize(c->q_recent);
	bc_vec3 up_filter_s = bc_quat_rotate(bc_quat_conj(q_es), earth_up);
	q_es = bc_quat_normalize(
		bc_quat_mul(q_es, bc_quat_from_two_vectors(up_start, up_filter_s)));
	set_start(c, bc_quat_normalize(bc_quat_mul(q_es, c->q_sensor_from_body)));
	c->stage = BC_CALIB_DONE;
	c->wait = BC_WAIT_NONE;
	c->held_wait = BC_WAIT_NONE;
	c->progress = 1.0f;
}

static bc_calib_wait wait_for(pose_fit fit)
{
	switch (fit) {
	case POSE_FITS:
		return BC_WAIT_HOLD_START;
	case POSE_UPRIGHT:
		return BC_WAIT_STILL_UPRIGHT;
	case POSE_ON_BACK:
		return BC_WAIT_ON_BACK;
	case POSE_HALF_WAY:
	case POSE_CONTRADICTS:
	default:
		return BC_WAIT_HALF_WAY;
	}
}

/*
 * The current spell as the start pose: seen from the newest candidate that
 * it fits (candidates it shows to be upside down are dropped). Returns that
 * candidate, or NULL; *wait says what the newest candidate makes of it.
 */
static const bc_upright_candidate *start_candidate(bc_mounting_calib *c,
						   const bc_mounting_input *in, bc_calib_wait *wait)
{
	uint32_t spell_id = in->steady->spell_id;
	bc_vec3 up = bc_tilt_steady_up(in->steady);
	float spell_s = bc_tilt_steady_s(in->steady);
	bool first = true;
	*wait = BC_WAIT_GO_TO_START;
	for (int age = 0; age < BC_UPRIGHT_CANDIDATES; age++) {
		bc_upright_candidate *k = &c->cand[candidate_index(c, age)];
		if (!k->valid || (k->spell_id == spell_id && !stand_is_start(c)))
			continue;
		pose_fit fit = start_pose_fit(c, k, up);
		if (first)
			*wait = wait_for(fit);
		first = false;
		if (fit == POSE_CONTRADICTS && spell_s >= c->settings.start_hold_s) {
			/* Upside down from each other: both lie, neither stands. */
			k->valid = false;
			c->resets++;
			c->lying_spell_id = spell_id;
		} else if (fit == POSE_FITS) {
			*wait = BC_WAIT_HOLD_START;
			return k;
		}
	}
	return 0;
}

/* Lying on the back, where hands and knees are wanted: remembered, and said while it lasts. */
static void note_on_back(bc_mounting_calib *c, bc_vec3 up, float spell_s)
{
	if (c->have_on_back && bc_vec3_angle_deg(up, c->on_back_up_s) < c->settings.lying_min_deg)
		c->wait = BC_WAIT_ON_BACK; /* still on the back (a bridge, say) */
	if (c->wait == BC_WAIT_ON_BACK && spell_s >= c->settings.start_hold_s && !c->have_on_back) {
		c->have_on_back = true;
		c->on_back_up_s = up;
	}
}

/* A tilt block closed: candidates, their ways, and the start pose. */
static void on_block(bc_mounting_calib *c, const bc_mounting_input *in)
{
	const bc_tilt_steadiness *ts = in->steady;
	const bc_mounting_settings *st = &c->settings;
	float spell_s = bc_tilt_steady_s(ts);
	bc_vec3 up = bc_tilt_steady_up(ts);
	bool steady = spell_s >= ts->settings.settle_s; /* not a block or two in passing */

	/*
	 * The way is the movement between spells (the start of the next
	 * movement belongs to the spell until it breaks it), followed with the
	 * filter's up, not the block's: on the way down the body accelerates,
	 * and the accelerometer alone would lean with it.
	 */
	if (!steady)
		extend_ways(c, ts->spell_id,
			    bc_quat_rotate(bc_quat_conj(in->q_earth_from_sensor), earth_up),
			    bc_tilt_steady_last_block(ts));
	if (c->prior_spell_pending) {
		c->prior_spell_id = ts->spell_id;
		c->prior_spell_pending = false;
	}
	bool upright_allowed = !c->have_prior || ts->spell_id != c->prior_spell_id ||
			       bc_vec3_angle_deg(up, c->prior_up_s) <= st->prior_max_deg;
	if (ts->spell_id == c->lying_spell_id)
		upright_allowed = false;
	if (steady && spell_s >= st->upright_hold_s && upright_allowed)
		note_upright(c, ts->spell_id, bc_tilt_steady_up_settled(ts),
			     bc_tilt_steady_last_block(ts)->norm_g);

	if (!bc_mounting_upright_up(c)) {
		c->stage = BC_CALIB_STAND;
		c->progress = upright_allowed ? fminf(1.0f, spell_s / st->upright_hold_s) : 0.0f;
		c->wait = !steady	     ? BC_WAIT_STAND
			  : !upright_allowed ? BC_WAIT_STAND_UP
					     : BC_WAIT_STAND_LONGER;
		c->held_wait = c->wait == BC_WAIT_STAND_UP ? BC_WAIT_STAND_UP : BC_WAIT_STAND;
		return;
	}
	c->stage = BC_CALIB_GO_TO_START;
	c->progress = 0.0f;
	c->wait = BC_WAIT_GO_TO_START;
	if (!steady)
		return;
	const bc_upright_candidate *k = start_candidate(c, in, &c->wait);
	if (!k)
		note_on_back(c, up, spell_s);
	if (spell_s >= st->start_hold_s)
		c->held_wait = c->wait;
	if (!k)
		return;
	float held_s = start_spell_s(c, k, ts->spell_id, spell_s);
	c->progress = fminf(1.0f, held_s / st->start_hold_s);
	if (held_s >= st->start_hold_s)
		finish(c, k, up);
}

void bc_mounting_update(bc_mounting_calib *c, const bc_mounting_input *in)
{
	if (c->stage == BC_CALIB_DONE)
		return;
	follow_orientation(c, in->q_earth_from_sensor, in->dt_s);
	if (in->block_closed)
		on_block(c, in);
}

void bc_mounting_earth_turned(bc_mounting_calib *c, bc_quat q_new_from_old)
{
	set_start(c, bc_quat_normalize(bc_quat_mul(q_new_from_old, c->q_earth_from_body_start)));
	c->q_recent_primed = false;
	if (c->stage != BC_CALIB_DONE)
		c->progress = 0.0f;
}
