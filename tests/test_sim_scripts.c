/* SPDX-License-Identifier: MIT */
/*
 * The expected answers the simulator writes are checked against the motion
 * itself: every scripted attempt is re-measured from the true body angles
 * (breathing and wobble included) with the contract's rep definitions (§4),
 * with a margin, so a detector that implements the contract can reach the
 * answer. And the metadata says exactly what the script did.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach/exercise_table.h"
#include "sim/sim_session.h"
#include "support/test_support.h"

#define STEP_S 0.005

typedef struct {
	double peak_pos_deg, peak_neg_deg; /* extremes of the sagittal angle */
	double zone_s;			   /* longest hold past +threshold, slips < 1 s paused */
	double cat_s, cow_s;		   /* longest unbroken time past +th / past -th */
	double abs_zone_s;		   /* longest unbroken time with |sagittal| >= th */
	double axial_in_zone_deg;	   /* largest |axial| while past +threshold */
	double first_abs_cross_s;	   /* first time |sagittal| >= th */
} measured;

static measured measure(const sim_script *s, double t0, double t1, double th)
{
	measured m = { -1e9, 1e9, 0, 0, 0, 0, 0, -1 };
	double held = 0, last_in = -1e9, cat_start = -1, cow_start = -1, abs_start = -1;
	for (double t = t0; t <= t1; t += STEP_S) {
		double sag, fr, ax;
		sim_script_angles(s, t, &sag, &fr, &ax);
		sag = sim_script_gauge_deg(s, t); /* the exercise's own gauge */
		m.peak_pos_deg = fmax(m.peak_pos_deg, sag);
		m.peak_neg_deg = fmin(m.peak_neg_deg, sag);
		if (sag >= th) {
			/* a slip out under 1 s pauses the hold; a longer one ends it */
			if (t - last_in >= 1.0)
				held = 0;
			else if (t - last_in < 1.5 * STEP_S)
				held += STEP_S;
			last_in = t;
			m.zone_s = fmax(m.zone_s, held);
			m.axial_in_zone_deg = fmax(m.axial_in_zone_deg, fabs(ax));
			if (cat_start < 0)
				cat_start = t;
			m.cat_s = fmax(m.cat_s, t - cat_start);
		} else {
			cat_start = -1;
		}
		if (sag <= -th) {
			if (cow_start < 0)
				cow_start = t;
			m.cow_s = fmax(m.cow_s, t - cow_start);
		} else {
			cow_start = -1;
		}
		if (fabs(sag) >= th) {
			if (m.first_abs_cross_s < 0)
				m.first_abs_cross_s = t;
			if (abs_start < 0)
				abs_start = t;
			m.abs_zone_s = fmax(m.abs_zone_s, t - abs_start);
		} else {
			abs_start = -1;
		}
	}
	return m;
}

static void build(sim_session *ss, bc_exercise_id ex, sim_scenario sc, bc_reject_reason reason,
		  sim_distractor d, uint64_t seed)
{
	sim_session_settings st = sim_session_settings_default;
	st.script.exercise = ex;
	st.script.scenario = sc;
	st.script.reason = reason;
	st.script.distractor = d;
	st.seed = seed;
	char err[256];
	int rc = sim_session_init(ss, &st, err, sizeof(err));
	if (rc)
		print_error("%s\n", err);
	assert_int_equal(rc, 0);
}

static const char *meta(sim_session *ss, const char *key)
{
	size_t n;
	const bc_trace_meta *m = sim_session_meta(ss, &n);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].key, key))
			return m[i].value;
	fail_msg("no metadata %s", key);
	return NULL;
}

/* The metadata lists exactly the script's events, in order. */
static void check_meta_matches_events(sim_session *ss)
{
	const sim_script *s = &ss->script;
	int reps = 0, rejected = 0;
	char reasons[2048] = "", events[4096] = "", piece[128];
	for (size_t i = 0; i < s->n_events; i++) {
		const sim_expect_event *e = &s->events[i];
		if (i)
			assert_true(e->t_s > s->events[i - 1].t_s);
		assert_true(e->t_s > s->ready_s);
		if (e->rep) {
			reps++;
			snprintf(piece, sizeof(piece), "%srep@%.2f", i ? "," : "", e->t_s);
		} else {
			snprintf(piece, sizeof(piece), "%srejected:%s@%.2f", i ? "," : "",
				 bc_reject_reason_text(e->reason), e->t_s);
			strcat(reasons, rejected ? "," : "");
			strcat(reasons, bc_reject_reason_text(e->reason));
			rejected++;
		}
		strcat(events, piece);
	}
	assert_int_equal(atoi(meta(ss, "expect_reps")), reps);
	assert_int_equal(atoi(meta(ss, "expect_rejected")), rejected);
	assert_string_equal(meta(ss, "expect_reasons"), rejected ? reasons : "none");
	assert_string_equal(meta(ss, "expect_events"), s->n_events ? events : "none");
}

/* Largest angle of the spine from its mean direction during t0..t1, degrees. */
static double spine_spread_deg(const sim_script *s, double t0, double t1, sim_vec3 *mean)
{
	sim_vec3 sum = { 0, 0, 0 };
	for (double t = t0; t <= t1; t += 0.05) {
		sim_quat q;
		sim_vec3 p;
		sim_traj_pose(&s->traj, t, &q, &p);
		sum = sim_vec3_add(sum, sim_quat_rotate(q, sim_vec3_make(0, 0, 1)));
	}
	*mean = sim_vec3_scale(sum, 1.0 / sim_vec3_norm(sum));
	double worst = 0;
	for (double t = t0; t <= t1; t += 0.05) {
		sim_quat q;
		sim_vec3 p;
		sim_traj_pose(&s->traj, t, &q, &p);
		double c = sim_vec3_dot(*mean, sim_quat_rotate(q, sim_vec3_make(0, 0, 1)));
		worst = fmax(worst, acos(fmin(1.0, c)) * SIM_DEG_PER_RAD);
	}
	return worst;
}

/*
 * The protocol (contract §3) comes first in every session: a stand in
 * which the trunk's tilt stays within 1.5 deg for 3 s somewhere (people
 * sway, shake and shift their weight around it: docs/sway.md), near
 * upright, then a real transition, then >= 2 s still in the start pose.
 */
static void check_protocol(sim_session *ss)
{
	const sim_script *s = &ss->script;
	double t0 = s->traj.keys[0].t_s, steadiest = 1e9;
	sim_vec3 up = { 0, 0, 1 }, steady_up = up;
	bc_start_pose pose = bc_exercise_info_get(ss->settings.script.exercise)->start_pose;
	assert_true(s->upright_end_s - t0 >= 4.0);
	if (pose == BC_POSE_STANDING || pose == BC_POSE_UPRIGHT) /* may stay standing */
		assert_true(s->ready_s - s->upright_end_s >= 2.2);
	else
		assert_true(s->ready_s - s->upright_end_s > 3.0); /* a real transition */
	for (double a = t0; a + 3.0 <= s->upright_end_s; a += 0.1) {
		sim_vec3 mean;
		double spread = spine_spread_deg(s, a, a + 3.0, &mean);
		if (spread < steadiest) {
			steadiest = spread;
			steady_up = mean;
		}
	}
	assert_true(steadiest < 1.5);
	/* a weight shift may leave the trunk leaning a little (<= 4 deg) */
	assert_true(acos(fmin(1.0, sim_vec3_dot(steady_up, up))) * SIM_DEG_PER_RAD < 5.0);
	measured still = measure(s, s->ready_s - 2.0, s->ready_s, 99);
	assert_true(still.peak_pos_deg < 1.2 && still.peak_neg_deg > -1.2);
}

/*
 * The event is the midpoint of the return movement that ends the attempt:
 * the gauge there is about halfway between the peak and neutral, and the
 * attempt's zone is not entered again before it is over.
 */
static void check_event_midway_back(const sim_script *s, const sim_attempt *a)
{
	double sag, fr, ax;
	assert_float_near(a->event_s, 0.5 * (a->release_s + a->end_s), 1e-9);
	assert_true(a->end_s - a->release_s > 0.2);
	sim_script_angles(s, a->event_s, &sag, &fr, &ax);
	sag = sim_script_gauge_deg(s, a->event_s);
	double frac = sag / a->peak_deg;
	assert_true(frac > 0.25 && frac < 0.75);
	double level = 0.8 * fabs(a->peak_deg), sign = a->peak_deg < 0 ? -1.0 : 1.0;
	for (double t = a->event_s; t <= a->end_s + 0.5; t += STEP_S) {
		sag = sim_script_gauge_deg(s, t);
		assert_true(sign * sag < level);
	}
}

/* How far the hips moved from the start pose during an attempt, metres. */
static double hip_travel_m(const sim_script *s, const sim_attempt *a)
{
	double most = 0.0;
	for (double t = a->start_s; t <= a->end_s; t += 0.05) {
		sim_quat q;
		sim_vec3 p;
		sim_traj_pose(&s->traj, t, &q, &p);
		most = fmax(most, sim_vec3_norm(sim_vec3_sub(p, s->p_start_m)));
	}
	return most;
}

static void check_hold_attempts(sim_session *ss)
{
	const sim_script *s = &ss->script;
	const double th = s->threshold_deg, target = s->hold_target_s;
	for (size_t i = 0; i < s->n_attempts; i++) {
		const sim_attempt *a = &s->attempts[i];
		measured m = measure(s, a->start_s, a->end_s, th);
		assert_true(a->event_s > a->start_s && a->event_s < a->end_s);
		assert_float_near(a->zone_s, m.zone_s, 0.02); /* published hold */
		if (a->counts) {
			assert_true(m.peak_pos_deg >= th + 1.5);
			assert_true(m.zone_s >= target + 0.5);
			if (s->exercise != BC_EXERCISE_CROSSOVER) /* there the turn is the gauge */
				assert_true(m.axial_in_zone_deg < 8.0);
			else
				assert_true(m.peak_pos_deg <= 70.0 - 3.0); /* not onto the side */
			if (s->exercise ==
			    BC_EXERCISE_DOWNWARD_DOG) { /* hips up and back 30-55 cm */
				double travel = hip_travel_m(s, a);
				assert_true(travel >= 0.30 && travel <= 0.55);
			}
		} else if (a->reason == BC_REJECT_TOO_LITTLE_RANGE) {
			assert_true(m.peak_pos_deg <= th - 0.4);
			assert_true(m.peak_pos_deg >= 0.3 * th); /* still an attempt */
		} else if (a->reason == BC_REJECT_HOLD_TOO_SHORT) {
			assert_true(m.peak_pos_deg >= th + 1.5);
			assert_true(m.zone_s <= target - 0.5);
		} else if (a->reason == BC_REJECT_NOT_LEVEL) {
			assert_true(m.peak_pos_deg >= th + 1.5);
			assert_true(m.zone_s >= target + 0.5);
			assert_true(m.axial_in_zone_deg >= 11.0);
		} else if (a->reason == BC_REJECT_ROLLED_ONTO_SIDE) {
			assert_true(m.peak_pos_deg >= 70.0 + 3.0); /* contract §4: past 70 */
		} else if (a->reason == BC_REJECT_WRONG_DIRECTION) {
			assert_true(m.peak_neg_deg <= -6.0);
			assert_true(m.peak_pos_deg < 2.0);
		} else {
			fail_msg("attempt %zu has neither a rep nor a reason", i);
		}
		check_event_midway_back(s, a);
	}
}

static void check_catcow_attempts(sim_session *ss)
{
	const sim_script *s = &ss->script;
	for (size_t i = 0; i < s->n_attempts; i++) {
		const sim_attempt *a = &s->attempts[i];
		measured m = measure(s, a->start_s, a->end_s, 5.0);
		if (a->counts) {
			assert_true(m.peak_pos_deg >= 6.5 && m.peak_neg_deg <= -6.5);
			assert_true(m.cat_s >= 1.4 && m.cow_s >= 1.4);
		} else if (a->reason == BC_REJECT_RUSHED) {
			assert_true(m.peak_pos_deg >= 6.5 && m.peak_neg_deg <= -6.5);
			assert_true(m.cat_s <= 0.8 && m.cow_s <= 0.8);
		} else if (a->reason == BC_REJECT_TOO_LITTLE_RANGE) {
			bool small_cat = m.peak_pos_deg <= 4.6, small_cow = m.peak_neg_deg >= -4.6;
			assert_true(small_cat != small_cow);
			assert_true(small_cat ? m.cow_s >= 1.4 : m.cat_s >= 1.4);
		} else {
			fail_msg("cat-cow attempt %zu: unexpected reason", i);
		}
		check_event_midway_back(s, a);
	}
}

static void check_posture_attempts(sim_session *ss)
{
	const sim_script *s = &ss->script;
	size_t ev = 0;
	for (size_t i = 0; i < s->n_attempts; i++) {
		const sim_attempt *a = &s->attempts[i];
		measured m = measure(s, a->start_s, a->end_s, 10.0);
		int alerts = m.abs_zone_s >= 10.0 ? 1 + (int)((m.abs_zone_s - 10.0) / 30.0) : 0;
		assert_int_equal(alerts, a->alerts);
		if (alerts) {
			/* Not within 1.5 s of another alert falling due. */
			double past = fmod(m.abs_zone_s - 10.0, 30.0);
			assert_true(past > 1.5 && past < 28.5);
			for (int k = 0; k < alerts; k++, ev++) {
				assert_true(ev < s->n_events);
				assert_float_near(s->events[ev].t_s,
						  m.first_abs_cross_s + 10.0 + 30.0 * k, 0.02);
			}
		} else {
			/* A near miss stays clear of the alert condition. */
			assert_true(m.abs_zone_s < 8.0);
		}
	}
	assert_int_equal(ev, s->n_events);
}

/*
 * Deep squats, re-measured from the true motion: the depth of the sensor
 * below its standing height and the spine's lean from the vertical
 * (contract §4). The published hold is the time lowered by 30 cm or more.
 */
static void check_squat_attempts(sim_session *ss)
{
	const sim_script *s = &ss->script;
	const double target = s->hold_target_s;
	for (size_t i = 0; i < s->n_attempts; i++) {
		const sim_attempt *a = &s->attempts[i];
		double depth = 0, lean = 0, lowered = 0;
		for (double t = a->start_s; t <= a->end_s; t += STEP_S) {
			double d = sim_script_depth_cm(s, t);
			depth = fmax(depth, d);
			lean = fmax(lean, sim_script_lean_deg(s, t));
			lowered += d >= 30.0 ? STEP_S : 0.0;
		}
		assert_float_near(a->zone_s, lowered, 0.05);
		assert_true(a->event_s > a->release_s && a->event_s < a->end_s);
		assert_true(fabs(sim_script_depth_cm(s, a->end_s)) < 3.0);
		if (a->counts) {
			assert_true(depth >= 34.0 && depth <= 56.0 && lean <= 40.0);
			assert_true(lowered >= target + 0.5);
		} else if (a->reason == BC_REJECT_TOO_LITTLE_RANGE) {
			assert_true(depth >= 11.0 && depth <= 21.0 && lean <= 40.0);
		} else if (a->reason == BC_REJECT_HOLD_TOO_SHORT) {
			assert_true(depth >= 34.0 && lean <= 40.0);
			assert_true(lowered <= target - 0.5);
		} else if (a->reason == BC_REJECT_LEANING_TOO_FAR) {
			assert_true(lean >= 66.0);
		} else {
			fail_msg("squat attempt %zu: unexpected reason", i);
		}
	}
}

static void check_session(sim_session *ss)
{
	check_protocol(ss);
	check_meta_matches_events(ss);
	switch (ss->settings.script.exercise) {
	case BC_EXERCISE_CAT_COW:
		check_catcow_attempts(ss);
		break;
	case BC_EXERCISE_POSTURE:
		check_posture_attempts(ss);
		break;
	case BC_EXERCISE_DEEP_SQUAT:
		check_squat_attempts(ss);
		break;
	default:
		check_hold_attempts(ss);
		break;
	}
}

/* Exercises whose own movements the simulator scripts (the rest come with their detectors). */
static bool scripted(int ex)
{
	return ex <= BC_EXERCISE_POSTURE || ex == BC_EXERCISE_DEEP_SQUAT ||
	       ex == BC_EXERCISE_DOWNWARD_DOG || ex == BC_EXERCISE_CROSSOVER ||
	       ex == BC_EXERCISE_LAT_STRETCH;
}

static void test_correct_sessions(void **state)
{
	(void)state;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (scripted(ex))
			for (uint64_t seed = 1; seed <= 4; seed++) {
				sim_session ss;
				build(&ss, ex, SIM_SCENARIO_CORRECT, BC_REJECT_NONE,
				      SIM_DISTRACT_ALL, seed * 101 + ex);
				check_session(&ss);
				int reps = 0;
				for (size_t i = 0; i < ss.script.n_attempts; i++)
					reps += ss.script.attempts[i].counts;
				assert_true(reps >= 3);
				assert_int_equal(ss.script.n_events, ex == BC_EXERCISE_POSTURE
									     ? ss.script.n_events
									     : (size_t)reps);
				sim_session_free(&ss);
			}
}

static void test_mixed_sessions_have_every_reason(void **state)
{
	(void)state;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (scripted(ex))
			for (uint64_t seed = 1; seed <= 4; seed++) {
				sim_session ss;
				build(&ss, ex, SIM_SCENARIO_MIXED, BC_REJECT_NONE, SIM_DISTRACT_ALL,
				      seed * 7 + ex);
				check_session(&ss);
				int seen[BC_REJECT_COUNT] = { 0 };
				for (size_t i = 0; i < ss.script.n_events; i++)
					seen[ss.script.events[i].reason]++;
				for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT; r++)
					assert_int_equal(seen[r],
							 sim_reason_applies(ex, r) ? 1 : 0);
				assert_true(ss.script.attempts[0].counts);
				sim_session_free(&ss);
			}
}

static void test_incorrect_sessions(void **state)
{
	(void)state;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (scripted(ex))
			for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT; r++) {
				if (!sim_reason_applies(ex, r))
					continue;
				sim_session ss;
				build(&ss, ex, SIM_SCENARIO_INCORRECT, r, SIM_DISTRACT_ALL,
				      500 + ex * 10 + r);
				check_session(&ss);
				assert_true(ss.script.n_events >= 3);
				for (size_t i = 0; i < ss.script.n_events; i++) {
					assert_false(ss.script.events[i].rep);
					assert_int_equal(ss.script.events[i].reason, r);
				}
				sim_session_free(&ss);
			}
}

static void test_distractors_have_nothing_to_count(void **state)
{
	(void)state;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (scripted(ex))
			for (int d = 0; d < SIM_DISTRACT_COUNT; d++) {
				if (!sim_distractor_applies(ex, d))
					continue;
				sim_session ss;
				build(&ss, ex, SIM_SCENARIO_DISTRACTOR, BC_REJECT_NONE, d,
				      900 + ex * 10 + d);
				check_protocol(&ss);
				check_meta_matches_events(&ss);
				/* A stoop to pick something up is a deep squat's
				 * "leaning too far", and nothing else anywhere. */
				bool stoops = ex == BC_EXERCISE_DEEP_SQUAT &&
					      d == SIM_DISTRACT_PICK_UP;
				for (size_t i = 0; i < ss.script.n_events; i++) {
					assert_true(stoops);
					assert_false(ss.script.events[i].rep);
					assert_int_equal(ss.script.events[i].reason,
							 BC_REJECT_LEANING_TOO_FAR);
				}
				if (stoops)
					check_squat_attempts(&ss);
				if (d == SIM_DISTRACT_FIDGET || d == SIM_DISTRACT_STILL) {
					/* Staying in the start pose: well short of any attempt. */
					/* (standing: weight shifts; a lat stretch
					 * attempt starts at 10 deg) */
					double lim = ex == BC_EXERCISE_POSTURE	     ? 6.0
						     : ex == BC_EXERCISE_LAT_STRETCH ? 8.0
										     : 2.2;
					/* lying, the hips shift about the spine */
					if (ex == BC_EXERCISE_CROSSOVER)
						lim = 6.0;
					measured m = measure(&ss.script, ss.script.ready_s,
							     sim_traj_end_s(&ss.script.traj), 99);
					assert_true(m.peak_pos_deg < lim && m.peak_neg_deg > -lim);
				}
				sim_session_free(&ss);
			}
}

static void test_hold_option_moves_the_verdicts(void **state)
{
	(void)state;
	sim_session_settings st = sim_session_settings_default;
	st.script.exercise = BC_EXERCISE_PELVIC_TILT;
	st.script.scenario = SIM_SCENARIO_MIXED;
	st.script.hold_s = 4.0;
	st.seed = 3;
	sim_session ss;
	char err[256];
	assert_int_equal(sim_session_init(&ss, &st, err, sizeof(err)), 0);
	assert_float_near(ss.script.hold_target_s, 4.0, 1e-9);
	assert_string_equal(meta(&ss, "hold_s"), "4");
	check_session(&ss);
	sim_session_free(&ss);
}

/*
 * The shoulder squeeze is paced from the device's calibration: one expected
 * outcome per cycle, 10 s apart, the first 12 s after calibration; a still,
 * upright wearer's cycles are reps once ready in the start pose, and the
 * `not upright` sessions have such rejections (wherever the slumps fell
 * against the pace).
 */
static void test_squeeze_sessions_follow_the_pace(void **state)
{
	(void)state;
	const sim_scenario kinds[] = { SIM_SCENARIO_CORRECT, SIM_SCENARIO_INCORRECT,
				       SIM_SCENARIO_DISTRACTOR };
	for (int k = 0; k < 3; k++)
		for (uint64_t seed = 1; seed <= 3; seed++) {
			sim_session ss;
			build(&ss, BC_EXERCISE_SHOULDER_SQUEEZE, kinds[k], BC_REJECT_NOT_UPRIGHT,
			      SIM_DISTRACT_STILL, 300 + 10 * k + seed);
			check_protocol(&ss);
			const sim_script *s = &ss.script;
			assert_true(s->n_events >= 4);
			assert_int_equal(atoi(meta(&ss, "expect_reps")) +
						 atoi(meta(&ss, "expect_rejected")),
					 s->n_events);
			int rejected = 0;
			for (size_t i = 0; i < s->n_events; i++) {
				if (i)
					assert_float_near(s->events[i].t_s - s->events[i - 1].t_s,
							  10.0, 1e-6);
				/* (a hold before the wearer is ready may catch them
				 * sitting down after a standing calibration) */
				if (s->events[i].t_s - 8.0 > s->ready_s)
					rejected += !s->events[i].rep;
			}
			assert_true(s->events[0].t_s < s->ready_s + 14.0);
			if (kinds[k] == SIM_SCENARIO_INCORRECT)
				assert_true(rejected >= 1);
			else
				assert_int_equal(rejected, 0);
			sim_session_free(&ss);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_correct_sessions),
		cmocka_unit_test(test_mixed_sessions_have_every_reason),
		cmocka_unit_test(test_incorrect_sessions),
		cmocka_unit_test(test_distractors_have_nothing_to_count),
		cmocka_unit_test(test_hold_option_moves_the_verdicts),
		cmocka_unit_test(test_squeeze_sessions_follow_the_pace),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
