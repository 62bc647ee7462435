/* SPDX-License-Identifier: MIT */
/*
 * A whole simulated session: the wearing protocol, the attempts and
 * distractors in order (script_parts.h), the dropouts, and the events it
 * must give. Movements go in through the builder (script_builder.h).
 */
#include "sim/session_script.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

static const char *const distractor_names[SIM_DISTRACT_COUNT] = {
	[SIM_DISTRACT_ALL] = "all",
	[SIM_DISTRACT_FIDGET] = "fidget",
	[SIM_DISTRACT_ROLL_OVER] = "roll-over",
	[SIM_DISTRACT_SIT_UP] = "sit-up",
	[SIM_DISTRACT_WALK] = "walk",
	[SIM_DISTRACT_STILL] = "still",
	[SIM_DISTRACT_STAND] = "stand",
	[SIM_DISTRACT_PICK_UP] = "pick-up",
	[SIM_DISTRACT_OTHER_EXERCISE] = "other-exercise",
};

/* Default correct reps per exercise (a typical set; holds are long). */
static const int default_reps[BC_EXERCISE_COUNT] = {
	[BC_EXERCISE_PELVIC_TILT] = 6,	    [BC_EXERCISE_BRIDGE] = 8,
	[BC_EXERCISE_CAT_COW] = 6,	    [BC_EXERCISE_KNEE_TO_CHEST] = 4,
	[BC_EXERCISE_CHILDS_POSE] = 3,	    [BC_EXERCISE_POSTURE] = 4,
	[BC_EXERCISE_DEEP_SQUAT] = 4,	    [BC_EXERCISE_DOWNWARD_DOG] = 4,
	[BC_EXERCISE_CROSSOVER] = 4,	    [BC_EXERCISE_LAT_STRETCH] = 4,
	[BC_EXERCISE_SHOULDER_SQUEEZE] = 6,
};

/* Names and tables */

const char *sim_distractor_name(sim_distractor d)
{
	return d >= 0 && d < SIM_DISTRACT_COUNT ? distractor_names[d] : "?";
}

sim_distractor sim_distractor_from_name(const char *name)
{
	for (int i = 0; i < SIM_DISTRACT_COUNT; i++)
		if (!strcmp(name, distractor_names[i]))
			return (sim_distractor)i;
	return SIM_DISTRACT_COUNT;
}

bc_reject_reason sim_reason_from_name(const char *name)
{
	for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT; r++) {
		const char *text = bc_reject_reason_text((bc_reject_reason)r);
		size_t n = strlen(text);
		if (strlen(name) != n)
			continue;
		size_t i = 0; /* '-' on the command line stands for ' ' */
		while (i < n && (name[i] == text[i] || (name[i] == '-' && text[i] == ' ')))
			i++;
		if (i == n)
			return (bc_reject_reason)r;
	}
	return BC_REJECT_NONE;
}

bool sim_reason_applies(bc_exercise_id ex, bc_reject_reason reason)
{
	switch (reason) {
	case BC_REJECT_TOO_LITTLE_RANGE:
		return ex != BC_EXERCISE_POSTURE && ex != BC_EXERCISE_SHOULDER_SQUEEZE;
	case BC_REJECT_HOLD_TOO_SHORT: /* the squeeze's holds are the coach's pace */
		return sim_default_hold_s(ex) > 0.0 && ex != BC_EXERCISE_SHOULDER_SQUEEZE;
	case BC_REJECT_NOT_LEVEL:
		return ex == BC_EXERCISE_BRIDGE;
	case BC_REJECT_LEANING_TOO_FAR:
		return ex == BC_EXERCISE_DEEP_SQUAT;
	case BC_REJECT_NOT_UPRIGHT:
		return ex == BC_EXERCISE_SHOULDER_SQUEEZE;
	case BC_REJECT_RUSHED:
		return ex == BC_EXERCISE_CAT_COW;
	case BC_REJECT_ROLLED_ONTO_SIDE:
		return ex == BC_EXERCISE_CROSSOVER;
	case BC_REJECT_WRONG_DIRECTION:
		/* Arching instead of a posterior movement. The bridge is left out:
		 * lifting the hips with the shoulders down always turns the pelvis
		 * posteriorly, however arched the back. */
		return ex == BC_EXERCISE_PELVIC_TILT || ex == BC_EXERCISE_KNEE_TO_CHEST ||
		       ex == BC_EXERCISE_CHILDS_POSE;
	default:
		return false;
	}
}

bool sim_distractor_applies(bc_exercise_id ex, sim_distractor d)
{
	const bc_exercise_info *info = bc_exercise_info_get(ex);
	if (!info || d < 0 || d >= SIM_DISTRACT_COUNT)
		return false;
	if (d == SIM_DISTRACT_ROLL_OVER)
		return info->start_pose == BC_POSE_SUPINE;
	if (d == SIM_DISTRACT_SIT_UP)
		return info->start_pose == BC_POSE_SUPINE || info->start_pose == BC_POSE_TABLETOP;
	if (d == SIM_DISTRACT_OTHER_EXERCISE)
		return ex == BC_EXERCISE_DOWNWARD_DOG || ex == BC_EXERCISE_CROSSOVER ||
		       ex == BC_EXERCISE_BRIDGE;
	if (d == SIM_DISTRACT_PICK_UP)
		return info->start_pose == BC_POSE_STANDING || info->start_pose == BC_POSE_UPRIGHT;
	return true;
}

/*
 * The simulated wearer holds as long as the coach asks by default: the
 * coach's own table, so the two cannot drift apart.
 */
double sim_default_hold_s(bc_exercise_id ex)
{
	if (ex < 0 || ex >= BC_EXERCISE_COUNT)
		return 0.0;
	return bc_exercise_row_of(ex)->hold_s;
}

static double threshold_for(bc_exercise_id ex)
{
	switch (ex) {
	case BC_EXERCISE_BRIDGE:
	case BC_EXERCISE_CHILDS_POSE:
		return 15.0;
	case BC_EXERCISE_POSTURE:
	case BC_EXERCISE_SHOULDER_SQUEEZE: /* not upright: leaning further */
		return 10.0;
	case BC_EXERCISE_DOWNWARD_DOG:
		return 30.0;
	case BC_EXERCISE_CROSSOVER:
		return 20.0;
	case BC_EXERCISE_DEEP_SQUAT:
		return 30.0; /* its gauge is the depth, centimetres */
	case BC_EXERCISE_LAT_STRETCH:
		return 30.0;
	default:
		return 5.0;
	}
}

void sim_script_angles(const sim_script *s, double t_s, double *sagittal_deg, double *frontal_deg,
		       double *axial_deg)
{
	sim_quat q;
	sim_vec3 p;
	sim_traj_pose(&s->traj, t_s, &q, &p);
	sim_vec3 rv = sim_quat_to_rotvec(sim_quat_mul(sim_quat_conj(s->q_start), q));
	*sagittal_deg = -rv.y * SIM_DEG_PER_RAD;
	*frontal_deg = rv.x * SIM_DEG_PER_RAD;
	*axial_deg = rv.z * SIM_DEG_PER_RAD;
}

double sim_script_depth_cm(const sim_script *s, double t_s)
{
	sim_quat q;
	sim_vec3 p;
	sim_traj_pose(&s->traj, t_s, &q, &p);
	return (s->p_start_m.z - p.z) * 100.0;
}

double sim_script_lean_deg(const sim_script *s, double t_s)
{
	sim_quat q;
	sim_vec3 p, z = sim_vec3_make(0, 0, 1);
	sim_traj_pose(&s->traj, t_s, &q, &p);
	sim_vec3 spine = sim_quat_rotate(q, z);
	return acos(fmax(-1.0, fmin(1.0, spine.z))) * SIM_DEG_PER_RAD;
}

double sim_script_gauge_deg(const sim_script *s, double t_s)
{
	double sag, fr, ax;
	switch (s->exercise) {
	case BC_EXERCISE_DOWNWARD_DOG:
		sim_script_angles(s, t_s, &sag, &fr, &ax);
		return -sag;
	case BC_EXERCISE_CROSSOVER:
		sim_script_angles(s, t_s, &sag, &fr, &ax);
		return fabs(ax);
	case BC_EXERCISE_DEEP_SQUAT:
		return sim_script_depth_cm(s, t_s);
	case BC_EXERCISE_LAT_STRETCH:
	case BC_EXERCISE_SHOULDER_SQUEEZE: {
		sim_quat q;
		sim_vec3 p, z = sim_vec3_make(0, 0, 1);
		sim_traj_pose(&s->traj, t_s, &q, &p);
		sim_vec3 spine = sim_quat_rotate(q, z), start = sim_quat_rotate(s->q_start, z);
		return acos(fmax(-1.0, fmin(1.0, sim_vec3_dot(spine, start)))) * SIM_DEG_PER_RAD;
	}
	default:
		sim_script_angles(s, t_s, &sag, &fr, &ax);
		return sag;
	}
}

/* Scenario assembly */

static void shuffle(sim_rng *r, bc_reject_reason *items, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = sim_rng_int(r, 0, i);
		bc_reject_reason t = items[i];
		items[i] = items[j];
		items[j] = t;
	}
}

static void one_attempt(sim_builder *b, bc_reject_reason reason)
{
	if (b->ex == BC_EXERCISE_CAT_COW)
		sb_catcow_cycle(b, reason);
	else if (b->ex == BC_EXERCISE_DOWNWARD_DOG)
		sb_dog_attempt(b, reason);
	else if (b->ex == BC_EXERCISE_CROSSOVER)
		sb_crossover_attempt(b, reason);
	else if (b->ex == BC_EXERCISE_DEEP_SQUAT)
		sb_squat_attempt(b, reason);
	else if (b->ex == BC_EXERCISE_LAT_STRETCH)
		sb_lat_stretch(b, reason);
	else if (b->ex == BC_EXERCISE_SHOULDER_SQUEEZE)
		sb_squeeze_cycle(b, reason);
	else
		sb_hold_attempt(b, reason);
}

static void script_exercise(sim_builder *b, const sim_script_settings *st, int reps)
{
	bc_reject_reason plan[64];
	int n = 0;
	if (st->scenario == SIM_SCENARIO_INCORRECT) {
		for (int i = 0; i < reps && n < 64; i++)
			plan[n++] = st->reason;
	} else {
		for (int i = 0; i < reps && n < 64; i++)
			plan[n++] = BC_REJECT_NONE;
		if (st->scenario == SIM_SCENARIO_MIXED) {
			for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT && n < 64; r++)
				if (sim_reason_applies(b->ex, (bc_reject_reason)r))
					plan[n++] = (bc_reject_reason)r;
			/* The first attempt stays a correct one: a coach sees a
			 * good rep before the mistakes. */
			shuffle(b->r, plan + 1, n - 1);
		}
	}
	for (int i = 0; i < n && !b->failed; i++) {
		one_attempt(b, plan[i]);
		sb_exercise_rest(b);
	}
}

static void script_posture(sim_builder *b, const sim_script_settings *st, int reps)
{
	/* Slouches giving 1..3 alerts; mixed adds near misses (no alert). */
	int plan[64], n = 0;
	for (int i = 0; i < reps && n < 64; i++)
		plan[n++] = sim_rng_chance(b->r, 0.3) ? sim_rng_int(b->r, 2, 3) : 1;
	if (st->scenario == SIM_SCENARIO_MIXED) {
		for (int i = 0; i < 3 && n < 64; i++)
			plan[n++] = 0;
		for (int i = n - 1; i > 1; i--) {
			int j = sim_rng_int(b->r, 1, i), t = plan[i];
			plan[i] = plan[j];
			plan[j] = t;
		}
	}
	for (int i = 0; i < n && !b->failed; i++) {
		sb_slouch(b, plan[i]);
		sb_exercise_rest(b);
	}
}

static void place_dropouts(sim_builder *b, int count)
{
	sim_script *s = b->s;
	for (int i = 0; i < count && !b->failed; i++) {
		double gap = sb_uniform(b, 0.6, 2.5);
		/* Unused quiet spells long enough for the gap, in random order. */
		size_t fit[256], n_fit = 0;
		for (size_t q = 0; q < s->n_quiet && n_fit < 256; q++)
			if (s->quiet[q][1] - s->quiet[q][0] >= gap)
				fit[n_fit++] = q;
		size_t q;
		if (n_fit) {
			q = fit[sim_rng_int(b->r, 0, (int)n_fit - 1)];
		} else {
			sb_rest(b, gap + 2.0 * SB_QUIET_MARGIN_S + 1.0);
			if (b->failed)
				return;
			q = s->n_quiet - 1;
		}
		double t = sb_uniform(b, s->quiet[q][0], s->quiet[q][1] - gap);
		if (sb_grow((void **)&s->dropouts, &s->cap_dropouts, s->n_dropouts + 1,
			    sizeof(*s->dropouts))) {
			b->failed = 1;
			return;
		}
		s->dropouts[s->n_dropouts++] = (sim_dropout){ t, gap };
		/* Spend the spell so dropouts never overlap. */
		s->quiet[q][1] = s->quiet[q][0];
	}
}

/* First time from t0_s (1 ms steps, up to limit_s) that |gauge| reaches th. */
static double first_crossing(const sim_script *s, double t0_s, double limit_s, double th)
{
	for (double t = t0_s; t < limit_s; t += 0.001)
		if (fabs(sim_script_gauge_deg(s, t)) >= th)
			return t;
	return -1.0;
}

/* True time in the zone, the hold a detector should measure: a slip out
 * shorter than 1 s pauses the hold (its time does not count, the hold goes
 * on), a longer one ends it (issue: "under about 1 s outside the zone pauses
 * the hold, it does not reset it"). */
static double zone_time(const sim_script *s, const sim_attempt *a)
{
	const double step = 0.001;
	double held = 0.0, last_in = -1e9, longest = 0.0;
	for (double t = a->start_s; t <= a->end_s; t += step) {
		if (sim_script_gauge_deg(s, t) < s->threshold_deg)
			continue;
		if (t - last_in >= 1.0)
			held = 0.0;
		else if (t - last_in < 1.5 * step)
			held += step;
		last_in = t;
		longest = fmax(longest, held);
	}
	return longest;
}

/* The expected events follow from the attempts and the true motion
 * (breathing and wobble included), so they need the finished trajectory. */
static void derive_events(sim_builder *b)
{
	sim_script *s = b->s;
	for (size_t i = 0; i < s->n_attempts && !b->failed; i++) {
		sim_attempt *a = &s->attempts[i];
		if (b->ex == BC_EXERCISE_POSTURE) {
			if (a->alerts <= 0)
				continue;
			double cross = first_crossing(s, a->start_s, a->end_s, s->threshold_deg);
			if (cross < 0.0) {
				b->failed = 1; /* cannot happen: amplitudes are >= 14 deg */
				errno = EDOM;
				return;
			}
			for (int k = 0; k < a->alerts; k++)
				sb_expect(b, cross + 10.0 + 30.0 * k, true, BC_REJECT_NONE,
					  BC_SIDE_NONE);
			a->event_s = cross + 10.0;
		} else {
			if (s->hold_target_s > 0.0)
				a->zone_s = zone_time(s, a);
			sb_expect(b, a->event_s, a->counts, a->reason, a->side);
		}
	}
}

static int cmp_dropout(const void *a, const void *b)
{
	double x = ((const sim_dropout *)a)->t_s, y = ((const sim_dropout *)b)->t_s;
	return x < y ? -1 : x > y;
}

int sim_script_build(sim_script *s, const sim_script_settings *st, const sim_person *person,
		     sim_rng *rng, char *err, size_t err_size)
{
	memset(s, 0, sizeof(*s));
	s->exercise = st->exercise;
	const bc_exercise_info *info = bc_exercise_info_get(st->exercise);
	if (!info) {
		snprintf(err, err_size, "unknown exercise");
		return -1;
	}
	if (st->scenario == SIM_SCENARIO_INCORRECT &&
	    !sim_reason_applies(st->exercise, st->reason)) {
		snprintf(err, err_size, "rejection '%s' does not apply to %s",
			 bc_reject_reason_text(st->reason), info->name);
		return -1;
	}
	if (st->scenario == SIM_SCENARIO_DISTRACTOR &&
	    !sim_distractor_applies(st->exercise, st->distractor)) {
		snprintf(err, err_size, "distractor '%s' does not apply to %s",
			 sim_distractor_name(st->distractor), info->name);
		return -1;
	}
	double hold_default = sim_default_hold_s(st->exercise);
	s->hold_target_s = hold_default > 0.0 && st->hold_s > 0.0 ? st->hold_s : hold_default;
	s->threshold_deg = threshold_for(st->exercise);

	sim_builder b = { .s = s,
			  .p = person,
			  .r = rng,
			  .ex = st->exercise,
			  .pose = info->start_pose,
			  .yaw_deg = sim_rng_uniform(rng, -180, 180),
			  .home_m = sim_vec3_make(0, 0, person->stand_height_m) };
	b.start_yaw_deg = b.yaw_deg;
	const bc_exercise_row *row = bc_exercise_row_of(st->exercise);
	if (row->sides == BC_SIDES_GUIDED)
		b.guided_side = BC_SIDE_LEFT; /* as the coach asks (contract §4) */
	if (b.pose == BC_POSE_UPRIGHT)	      /* sitting or standing: people do both */
		b.pose = sim_rng_chance(rng, 0.5) ? BC_POSE_SITTING : BC_POSE_STANDING;
	if (sim_traj_init(&s->traj, st->t0_s, sb_pose(b.yaw_deg, 0, 0), b.home_m)) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	/* Protocol (contract §3), then the scenario, then a little rest so the
	 * last movement is complete well before the trace ends. */
	sb_stand_first(&b);
	s->upright_end_s = sb_now(&b);
	sb_to_start_pose(&b);
	sb_settle_in_start_pose(&b);
	s->ready_s = sb_now(&b);

	int reps = st->reps > 0 ? st->reps : default_reps[st->exercise];
	if (st->scenario == SIM_SCENARIO_MIXED && st->reps <= 0)
		reps = (reps + 1) / 2;
	switch (st->scenario) {
	case SIM_SCENARIO_DISTRACTOR:
		sb_distractor(&b, st->distractor);
		break;
	default:
		if (st->exercise == BC_EXERCISE_POSTURE)
			script_posture(&b, st, reps);
		else
			script_exercise(&b, st, reps);
		break;
	}
	place_dropouts(&b, st->dropouts);
	sb_hold(&b, sb_uniform(&b, 2.0, 4.0));
	sb_breathing(&b, st->t0_s, sb_now(&b));
	if (!b.failed && sim_traj_finalize(&s->traj))
		b.failed = 1;
	derive_events(&b);
	if (b.failed) {
		snprintf(err, err_size, "cannot build the session: %s",
			 strerror(errno ? errno : ENOMEM));
		return -1;
	}
	if (s->n_dropouts > 1)
		qsort(s->dropouts, s->n_dropouts, sizeof(*s->dropouts), cmp_dropout);
	return 0;
}

void sim_script_free(sim_script *s)
{
	if (!s)
		return;
	sim_traj_free(&s->traj);
	free(s->events);
	free(s->attempts);
	free(s->dropouts);
	free(s->quiet);
	memset(s, 0, sizeof(*s));
}
