/* SPDX-License-Identifier: MIT */
/*
 * The wearing protocol's movements (contract §3) and the everyday movements
 * around it: standing with natural sway, lying down through sitting, getting
 * onto hands and knees, sitting down on a chair, getting up, walking.
 *
 * Heights are of the sensor on the lower back, metres: lying ~0.08, sitting
 * on the floor ~0.15, kneeling upright ~0.5, on hands and knees ~0.55, on a
 * chair ~0.55, standing ~1.0 (per person).
 */
#include <math.h>

#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

#define LIE_HEIGHT_M	   0.08
#define FLOOR_SIT_HEIGHT_M 0.15
#define TABLETOP_HEIGHT_M  0.55
#define CHAIR_HEIGHT_M	   0.55
#define KNEEL_HEIGHT_M	   0.5 /* kneeling upright */

/* Functions */

void sb_breathing(sim_builder *b, double t0_s, double t1_s)
{
	/* Breathing drifts in rate: windows of 30-80 s, each fading out while
	 * the next fades in over the same 3 s (the weights sum to one). The
	 * pelvis rocks a little (sagittal) and the belly rises (body x). */
	const double fade_s = 3.0;
	double t = t0_s;
	while (t < t1_s && !b->failed) {
		double len = sb_uniform(b, 30.0, 80.0);
		double end = fmin(t + len + fade_s, t1_s + fade_s);
		double f = b->p->breath_hz * sb_uniform(b, 0.85, 1.15);
		sb_osc(b, SIM_OSC_ROTATION, t, end, fade_s, sim_vec3_make(0, 1, 0),
		       b->p->breath_deg * sb_uniform(b, 0.8, 1.2), f);
		sb_osc(b, SIM_OSC_POSITION, t, end, fade_s, sim_vec3_make(1, 0, 0), b->p->breath_m,
		       f);
		if (end >= t1_s) /* not "t < t1_s": end - fade may round below t1_s */
			break;
		t = end - fade_s;
	}
}

/* Postural sway of a standing body, an inverted pendulum about the ankles:
 * the pelvis tilts and shifts together, at 0.1-0.6 Hz. */
static void standing_sway(sim_builder *b, double t0_s, double t1_s)
{
	double h = b->p->stand_height_m;
	for (int axis = 0; axis < 2; axis++) {
		double amp = b->p->sway_deg * sb_uniform(b, 0.5, 1.0);
		double f = b->p->sway_hz * sb_uniform(b, 0.8, 1.25);
		sim_vec3 rot = axis ? sim_vec3_make(0, 1, 0) : sim_vec3_make(1, 0, 0);
		/* +y turn moves the top forward (+x); +x turn moves it right (-y). */
		sim_vec3 shift = axis ? sim_vec3_make(1, 0, 0) : sim_vec3_make(0, -1, 0);
		sim_oscillator o = { .t0_s = t0_s,
				     .t1_s = t1_s,
				     .ramp_s = 1.0,
				     .kind = SIM_OSC_ROTATION,
				     .axis = rot,
				     .amp = amp,
				     .freq_hz = f,
				     .phase_rad = sb_uniform(b, 0, 2 * M_PI) };
		if (!b->failed && sim_traj_add_osc(&b->s->traj, &o))
			b->failed = 1;
		o.kind = SIM_OSC_POSITION;
		o.axis = shift;
		o.amp = 0.5 * h * amp * SIM_RAD_PER_DEG; /* pivot part-way down the legs */
		if (!b->failed && sim_traj_add_osc(&b->s->traj, &o))
			b->failed = 1;
	}
}

void sb_stand_still(sim_builder *b, double dur_s)
{
	double t0 = sb_now(b);
	sb_hold(b, dur_s);
	standing_sway(b, t0, t0 + dur_s);
	sb_unsteady(b, t0, t0 + dur_s, 1.0);
}

void sb_stand_first(sim_builder *b)
{
	const sim_person *p = b->p;
	if (p->shift_deg <= 0.0) {
		sb_stand_still(b, sb_uniform(b, 4.5, 8.0));
		return;
	}
	/* A weight shift: the pelvis tilts (and moves with it, pivoting
	 * part-way down the legs) over 0.5-1.5 s and stays there. The steady
	 * part on one side of it is >= 3.5 s, so the contract's 3 s still
	 * stand is in there whichever side it is. A big shift comes late, so
	 * the stand the vertical is learned from is near upright. */
	double t0 = sb_now(b);
	bool early = sim_rng_chance(b->r, 0.5) && p->shift_deg <= 4.0;
	double before_s = early ? sb_uniform(b, 0.8, 2.0) : sb_uniform(b, 3.5, 5.0);
	double after_s = early ? sb_uniform(b, 3.5, 5.0) : sb_uniform(b, 0.8, 2.0);
	double dir = sb_uniform(b, 0.0, 2.0 * M_PI), th = p->shift_deg * SIM_RAD_PER_DEG;
	/* a turn th about body (cos, sin, 0) moves the top by th (sin, -cos, 0) */
	sim_vec3 rv = sim_vec3_make(th * cos(dir), th * sin(dir), 0.0);
	double lever_m = 0.5 * p->stand_height_m;
	sb_hold(b, before_s);
	/* big shifts are not quick ones */
	double shift_s = sb_uniform(b, p->shift_deg > 4.0 ? 1.0 : 0.5, 1.5);
	sb_move(b, shift_s, sim_quat_mul(sb_q(b), sim_quat_from_rotvec(rv)),
		sb_offset(b, sb_pos(b), lever_m * th * sin(dir), -lever_m * th * cos(dir), 0.0));
	sb_hold(b, after_s);
	standing_sway(b, t0, sb_now(b));
	sb_unsteady(b, t0, sb_now(b), 1.0);
}

static void set_start(sim_builder *b)
{
	b->s->q_start = sb_q(b);
	b->s->p_start_m = sb_pos(b);
}

void sb_to_start_pose(sim_builder *b)
{
	const sim_person *p = b->p;
	double y = b->yaw_deg, h = p->stand_height_m;
	sim_vec3 home = b->home_m;
	switch (b->pose) {
	case BC_POSE_SUPINE:
		if (sim_rng_chance(b->r, 0.5)) {
			/* Down through a squat to sitting on the floor. */
			sb_move(b, sb_dur(b, 1.4, 2.2), sb_pose(y, sb_uniform(b, 25, 40), 0),
				sb_offset(b, home, 0.05, 0, 0.6 * h - home.z));
			sb_move(b, sb_dur(b, 1.4, 2.4), sb_pose(y, -sb_uniform(b, 8, 20), 0),
				sb_offset(b, home, -0.3, 0, FLOOR_SIT_HEIGHT_M - home.z));
		} else {
			/* Or kneel first (trunk upright), sit down to one side of the
			 * heels, then swing the legs round to sit facing forward. */
			double side = sim_rng_sign(b->r);
			sb_move(b, sb_dur(b, 1.5, 2.5), sb_pose(y, sb_uniform(b, 5, 20), 0),
				sb_offset(b, home, 0.1, 0, KNEEL_HEIGHT_M - home.z));
			sb_hold(b, sb_dur(b, 0.2, 1.0));
			sim_quat q_side = sim_quat_mul(
				sb_pose(y, sb_uniform(b, 0, 15), side * sb_uniform(b, 15, 35)),
				sim_quat_from_rotvec(sim_vec3_make(
					side * sb_uniform(b, 8, 15) * SIM_RAD_PER_DEG, 0, 0)));
			sb_move(b, sb_dur(b, 1.2, 2.0), q_side,
				sb_offset(b, home, 0.0, side * 0.2, FLOOR_SIT_HEIGHT_M - home.z));
			sb_move(b, sb_dur(b, 1.2, 2.2), sb_pose(y, -sb_uniform(b, 8, 20), 0),
				sb_offset(b, home, -0.3, 0, FLOOR_SIT_HEIGHT_M - home.z));
		}
		/* ... then back onto the elbows and flat: 6-11 s, through sitting. */
		sb_hold(b, sb_dur(b, 0.4, 1.5));
		sb_move(b, sb_dur(b, 1.2, 2.0), sb_pose(y, -sb_uniform(b, 45, 60), 0),
			sb_offset(b, home, -0.35, 0, 0.12 - home.z));
		sb_move(b, sb_dur(b, 1.2, 2.0),
			sb_pose(y, -90.0 + p->supine_tilt_deg, p->supine_roll_deg),
			sb_offset(b, home, -0.42, 0, LIE_HEIGHT_M - home.z));
		break;
	case BC_POSE_TABLETOP:
		if (sim_rng_chance(b->r, 0.5)) {
			/* Bend and kneel down, then hands to the floor: 4-7 s. */
			sb_move(b, sb_dur(b, 1.3, 2.2), sb_pose(y, sb_uniform(b, 25, 45), 0),
				sb_offset(b, home, 0.05, 0, 0.72 * h - home.z));
			sb_move(b, sb_dur(b, 1.0, 1.8), sb_pose(y, sb_uniform(b, 5, 20), 0),
				sb_offset(b, home, 0.0, 0, 0.6 - home.z));
		} else {
			/* Or kneel with the trunk upright first, pause, then lean
			 * forward onto the hands. */
			sb_move(b, sb_dur(b, 1.5, 2.5), sb_pose(y, sb_uniform(b, 0, 15), 0),
				sb_offset(b, home, 0.1, 0, KNEEL_HEIGHT_M - home.z));
			sb_hold(b, sb_dur(b, 0.3, 1.5));
		}
		sb_move(b, sb_dur(b, 1.2, 2.2),
			sb_pose(y, 90.0 + p->tabletop_tilt_deg, sb_uniform(b, -3, 3)),
			sb_offset(b, home, 0.05, 0, TABLETOP_HEIGHT_M - home.z));
		break;
	case BC_POSE_SITTING:
		/* Lean the trunk forward while bending the knees, sit, sit up. */
		sb_move(b, sb_dur(b, 1.2, 2.0), sb_pose(y, sb_uniform(b, 25, 40), 0),
			sb_offset(b, home, -0.1, 0, 0.78 * h - home.z));
		sb_move(b, sb_dur(b, 0.9, 1.6), sb_pose(y, sb_uniform(b, 10, 25), 0),
			sb_offset(b, home, -0.25, 0, CHAIR_HEIGHT_M - home.z));
		sb_move(b, sb_dur(b, 0.8, 1.5), sb_pose(y, -p->sit_back_deg, sb_uniform(b, -2, 2)),
			sb_offset(b, home, -0.3, 0, CHAIR_HEIGHT_M - home.z));
		break;
	case BC_POSE_STANDING:
	case BC_POSE_UPRIGHT: /* the builder picks sitting or standing */
		break;	      /* already there */
	}
	set_start(b);
}

/* How much of the standing unsteadiness shows in a start pose: lying, the
 * floor carries the trunk; on hands and knees and sitting, less than
 * standing (a broad base, no ankle pendulum). */
static double pose_unsteadiness(bc_start_pose pose)
{
	switch (pose) {
	case BC_POSE_SUPINE:
		return 0.2;
	case BC_POSE_TABLETOP:
		return 0.4;
	case BC_POSE_SITTING:
		return 0.5;
	case BC_POSE_STANDING:
	case BC_POSE_UPRIGHT:
		break;
	}
	return 1.0;
}

void sb_settle_in_start_pose(sim_builder *b)
{
	/* Some fidget first (shuffle, adjust the hands or the hips: a few
	 * degrees out and back, once or twice), then everyone holds still for
	 * 2.2-6 s (contract §3: >= 2 s), unsteady as the person is. */
	if (sim_rng_chance(b->r, b->p->fidget_p)) {
		int n = sim_rng_int(b->r, 1, 2);
		for (int i = 0; i < n; i++) {
			sim_quat out = sb_rel(b, sb_uniform(b, -5, 5), sb_uniform(b, -4, 4),
					      sb_uniform(b, -5, 5));
			sim_vec3 at = sb_pos(b);
			sb_move(b, sb_uniform(b, 0.4, 0.9), out,
				sb_offset(b, at, sb_uniform(b, -0.03, 0.03),
					  sb_uniform(b, -0.03, 0.03), 0));
			sb_move(b, sb_uniform(b, 0.4, 0.9), b->s->q_start, b->s->p_start_m);
			sb_hold(b, sb_uniform(b, 0.2, 0.8));
		}
	}
	if (b->pose == BC_POSE_STANDING) {
		sb_stand_still(b, sb_uniform(b, 2.2, 6.0));
		return;
	}
	double t0 = sb_now(b);
	sb_hold(b, sb_uniform(b, 2.2, 6.0));
	sb_unsteady(b, t0, sb_now(b), pose_unsteadiness(b->pose));
}

void sb_back_to_start_pose(sim_builder *b)
{
	/* Like the first time, from wherever the wearer now stands, facing the
	 * way they faced at the start (the same mat, the same chair), then
	 * settling into the calibrated start orientation. */
	sim_quat q_start = b->s->q_start;
	b->yaw_deg = b->start_yaw_deg;
	sb_move(b, sb_dur(b, 1.2, 2.0), sb_pose(b->yaw_deg, 0, 0), sb_pos(b));
	sb_stand_still(b, sb_uniform(b, 0.5, 1.5));
	b->home_m = sb_pos(b);
	sb_to_start_pose(b);
	sb_move(b, sb_dur(b, 0.8, 1.2), q_start, sb_pos(b));
	b->s->q_start = q_start;
	b->s->p_start_m = sb_pos(b);
}

void sb_get_up(sim_builder *b)
{
	const sim_person *p = b->p;
	double y = b->yaw_deg, h = p->stand_height_m;
	sim_vec3 at = sb_pos(b);
	switch (b->pose) {
	case BC_POSE_SUPINE:
		sb_move(b, sb_dur(b, 1.2, 2.0), sb_pose(y, -sb_uniform(b, 45, 60), 0),
			sb_offset(b, at, 0.07, 0, 0.04));
		sb_move(b, sb_dur(b, 1.2, 2.2), sb_pose(y, -sb_uniform(b, 5, 15), 0),
			sb_offset(b, at, 0.12, 0, FLOOR_SIT_HEIGHT_M - LIE_HEIGHT_M));
		sb_hold(b, sb_dur(b, 0.5, 2.0));
		sb_move(b, sb_dur(b, 1.5, 2.5), sb_pose(y, sb_uniform(b, 30, 45), 0),
			sb_offset(b, at, 0.4, 0, 0.6 * h - at.z));
		break;
	case BC_POSE_TABLETOP:
		sb_move(b, sb_dur(b, 1.2, 2.0), sb_pose(y, sb_uniform(b, 5, 20), 0),
			sb_offset(b, at, -0.05, 0, 0.6 - at.z));
		sb_move(b, sb_dur(b, 1.2, 2.2), sb_pose(y, sb_uniform(b, 25, 40), 0),
			sb_offset(b, at, 0.0, 0, 0.72 * h - at.z));
		break;
	case BC_POSE_SITTING:
		sb_move(b, sb_dur(b, 0.8, 1.4), sb_pose(y, sb_uniform(b, 25, 40), 0),
			sb_offset(b, at, 0.1, 0, 0.0));
		break;
	case BC_POSE_STANDING:
	case BC_POSE_UPRIGHT:
		break; /* already up */
	}
	sim_vec3 now = sb_pos(b);
	sb_move(b, sb_dur(b, 1.0, 1.8), sb_pose(y, 0, 0), sb_offset(b, now, 0.1, 0, h - now.z));
	sb_stand_still(b, sb_uniform(b, 1.5, 3.0));
}

/* Gait: the pelvis bobs twice per stride, sways and turns once per stride. */
static void gait(sim_builder *b, double t0_s, double t1_s)
{
	double step = b->p->step_hz, stride = 0.5 * step;
	sb_osc(b, SIM_OSC_POSITION, t0_s, t1_s, 1.0, sim_vec3_make(0, 0, 1),
	       sb_uniform(b, 0.015, 0.025), step);
	sb_osc(b, SIM_OSC_POSITION, t0_s, t1_s, 1.0, sim_vec3_make(1, 0, 0),
	       sb_uniform(b, 0.005, 0.012), step);
	sb_osc(b, SIM_OSC_POSITION, t0_s, t1_s, 1.0, sim_vec3_make(0, 1, 0),
	       sb_uniform(b, 0.015, 0.03), stride);
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 1.0, sim_vec3_make(0, 0, 1),
	       sb_uniform(b, 3.0, 6.0), stride);
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 1.0, sim_vec3_make(1, 0, 0),
	       sb_uniform(b, 2.0, 5.0), stride);
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 1.0, sim_vec3_make(0, 1, 0),
	       sb_uniform(b, 0.8, 2.0), step);
}

void sb_walk(sim_builder *b, double dur_s)
{
	/* Turn towards somewhere, walk there, turn round, walk back. */
	double t0 = sb_now(b);
	double leg_s = fmax(3.0, 0.5 * dur_s - 3.0);
	double dist = b->p->walk_speed_m_s * leg_s * 0.9;
	b->yaw_deg += sb_uniform(b, -90, 90);
	sb_move(b, sb_dur(b, 1.2, 1.8), sb_pose(b->yaw_deg, 0, 0), sb_pos(b));
	sb_cruise(b, leg_s, sb_pose(b->yaw_deg, 0, 0), sb_offset(b, sb_pos(b), dist, 0, 0), 1.2);
	b->yaw_deg += 180.0 + sb_uniform(b, -20, 20);
	sb_move(b, sb_dur(b, 1.6, 2.4), sb_pose(b->yaw_deg, 0, 0),
		sb_offset(b, sb_pos(b), 0.3, 0, 0));
	sb_cruise(b, leg_s, sb_pose(b->yaw_deg, 0, 0), sb_offset(b, sb_pos(b), dist, 0, 0), 1.2);
	gait(b, t0 + 0.3, sb_now(b) - 0.2);
	sb_stand_still(b, sb_uniform(b, 2.0, 4.0));
}
