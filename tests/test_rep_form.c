/* SPDX-License-Identifier: MIT */
/*
 * The form of each attempt (detect/rep_form.h): hold steadiness, approach
 * smoothness and time to the zone. First the measures on their own with
 * known answers, then the tilt-and-hold machine on scripted angles (a dip on
 * the way in, a slow approach, a shaky hold), then simulated wearers replayed
 * through the whole pipeline: the steadier and the brisker person score so.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "coach/exercise_table.h"
#include "detect/rep_form.h"
#include "support/angle_script.h"
#include "support/mini_json.h"
#include "support/run_command.h"
#include "support/test_support.h"

/* Helpers */

/* Feeds f a gauge from t0 to t1 at 100 Hz; returns the next time. */
static double feed(bc_rep_form *f, double t0, double t1, float (*gauge)(double t), bool at_start,
		   bool holding)
{
	double t = t0;
	for (; t < t1 - 1e-9; t += 0.01)
		bc_rep_form_update(f, t, gauge(t), at_start, holding);
	return t;
}

static float at_zero(double t)
{
	return 0.0f;
}

static float straight_in(double t) /* 0 -> 20 deg over 2 s from t = 1 */
{
	return (float)(10.0 * (t - 1.0));
}

static float dip_on_the_way(double t) /* 0 -> 15, back to 10, on to 20: 30 deg of path */
{
	double u = t - 1.0;
	return (float)(u < 1.0	 ? 15.0 * u
		       : u < 1.5 ? 15.0 - 10.0 * (u - 1.0)
				 : 10.0 + 20.0 * (u - 1.5));
}

static float steady_hold(double t)
{
	return 20.0f + 0.2f * (float)sin(2 * M_PI * 1.3 * t);
}

static float shaky_hold(double t)
{
	return 20.0f + 2.0f * (float)sin(2 * M_PI * 1.3 * t);
}

static bc_coach_event stamped(const bc_rep_form *f)
{
	bc_coach_event e = { .type = BC_EVENT_REP };
	bc_rep_form_stamp(f, &e);
	return e;
}

/* Tests: the measures */

/* Straight into the zone: smoothness 1, time from the last sample at the start. */
static void test_straight_approach(void **state)
{
	bc_rep_form f;
	bc_rep_form_init(&f, true);
	double t = feed(&f, 0.0, 1.0, at_zero, true, false);
	t = feed(&f, t, 3.0, straight_in, false, false);
	feed(&f, t, 4.0, steady_hold, false, true);
	bc_coach_event e = stamped(&f);
	assert_float_near(e.smoothness, 1.0, 1e-6);
	assert_float_near(e.time_to_zone_s, 2.0, 0.011);
}

/*
 * 15 up, 5 back, 10 up again into the zone: 20 of net rise over 30 of path,
 * less the 1 deg play at each turn and at the ends: 19.5 / 27.5.
 */
static void test_dip_costs_twice_its_depth(void **state)
{
	bc_rep_form f;
	bc_rep_form_init(&f, true);
	double t = feed(&f, 0.0, 1.0, at_zero, true, false);
	t = feed(&f, t, 3.0, dip_on_the_way, false, false);
	feed(&f, t, 4.0, steady_hold, false, true);
	bc_coach_event e = stamped(&f);
	assert_float_near(e.smoothness, 19.5 / 27.5, 0.01);
}

/* A 2 deg sway scores ten times the spread of a 0.2 deg one: SD = amplitude / sqrt 2. */
static void test_hold_spread(void **state)
{
	float sd[2];
	for (int shaky = 0; shaky < 2; shaky++) {
		bc_rep_form f;
		bc_rep_form_init(&f, true);
		double t = feed(&f, 0.0, 1.0, at_zero, true, false);
		t = feed(&f, t, 3.0, straight_in, false, false);
		feed(&f, t, 13.0, shaky ? shaky_hold : steady_hold, false, true);
		sd[shaky] = stamped(&f).hold_sd_deg;
	}
	assert_float_near(sd[0], 0.2 / sqrt(2.0), 0.01);
	assert_float_near(sd[1], 2.0 / sqrt(2.0), 0.05);
}

/* Nothing measured: NAN, never a zero that would read as perfect. */
static void test_unmeasured_is_nan(void **state)
{
	bc_rep_form f;
	bc_rep_form_init(&f, true);
	feed(&f, 0.0, 1.0, at_zero, true, false);
	bc_coach_event e = stamped(&f);
	assert_true(isnan(e.hold_sd_deg) && isnan(e.smoothness) && isnan(e.time_to_zone_s));
	/* a paced hold: the hold only, the pace is the coach's */
	bc_rep_form_init(&f, false);
	double t = feed(&f, 0.0, 1.0, at_zero, true, false);
	feed(&f, t, 6.0, shaky_hold, false, true);
	e = stamped(&f);
	assert_true(e.hold_sd_deg > 1.0f);
	assert_true(isnan(e.smoothness) && isnan(e.time_to_zone_s));
}

/* Tests: the tilt-and-hold machine */

static bc_script_result run_bridge(const bc_seg *segs, size_t n, float noise_deg)
{
	bc_script_result r;
	bc_script_run(BC_EXERCISE_BRIDGE, NULL, 2.0f, 100, segs, n, 0, noise_deg, &r);
	return r;
}

/* The bridge: a dip on the way up scores less smooth than a straight lift. */
static void test_bridge_dip_is_less_smooth(void **state)
{
	const bc_seg straight[] = { SEG(3, 0), SEG(2, 25), SEG(4, 25), SEG(1, 0), SEG(3, 0) };
	const bc_seg dip[] = { SEG(3, 0),  SEG(1, 13), SEG(0.5, 7), SEG(1, 25),
			       SEG(4, 25), SEG(1, 0),  SEG(3, 0) };
	bc_script_result a = run_bridge(straight, 5, 0.0f);
	bc_script_result b = run_bridge(dip, 7, 0.0f);
	assert_int_equal(a.reps, 1);
	assert_int_equal(b.reps, 1);
	float smooth_a = bc_script_nth(&a, BC_EVENT_REP, 0)->smoothness;
	float smooth_b = bc_script_nth(&b, BC_EVENT_REP, 0)->smoothness;
	assert_float_near(smooth_a, 1.0, 1e-6);
	/* into the zone (15 deg): 13 up, 6 down, 8 up = 27 of path for 15 */
	assert_float_near(smooth_b, 15.0 / 27.0, 0.06);
}

/* A slow lift takes longer to the zone; a shaky hold spreads wider. */
static void test_bridge_slow_and_shaky(void **state)
{
	const bc_seg quick[] = { SEG(3, 0), SEG(1, 25), SEG(4, 25), SEG(1, 0), SEG(3, 0) };
	const bc_seg slow[] = { SEG(3, 0), SEG(5, 25), SEG(4, 25), SEG(1, 0), SEG(3, 0) };
	bc_script_result q = run_bridge(quick, 5, 0.2f);
	bc_script_result s = run_bridge(slow, 5, 0.2f);
	bc_script_result shaky = run_bridge(quick, 5, 1.5f);
	assert_int_equal(q.reps + s.reps + shaky.reps, 3);
	const bc_coach_event *eq = bc_script_nth(&q, BC_EVENT_REP, 0);
	const bc_coach_event *es = bc_script_nth(&s, BC_EVENT_REP, 0);
	/* 15 of 25 deg: 0.6 of the lift, from where it left the 1 deg band */
	assert_float_near(eq->time_to_zone_s, 0.6, 0.1);
	assert_float_near(es->time_to_zone_s, 3.0, 0.3);
	/* uniform noise of +-a has an SD of a / sqrt 3 */
	assert_float_near(eq->hold_sd_deg, 0.2 / sqrt(3.0), 0.03);
	assert_float_near(bc_script_nth(&shaky, BC_EVENT_REP, 0)->hold_sd_deg, 1.5 / sqrt(3.0),
			  0.15);
}

/* Too little range never reached the zone: no time to it, no hold to judge. */
static void test_bridge_too_little_range(void **state)
{
	const bc_seg shallow[] = { SEG(3, 0), SEG(1, 10), SEG(4, 10), SEG(1, 0), SEG(3, 0) };
	bc_script_result r = run_bridge(shallow, 5, 0.0f);
	assert_int_equal(r.rejected, 1);
	const bc_coach_event *e = bc_script_nth(&r, BC_EVENT_REJECTED, 0);
	assert_int_equal(e->reason, BC_REJECT_TOO_LITTLE_RANGE);
	assert_true(isnan(e->time_to_zone_s) && isnan(e->hold_sd_deg) && isnan(e->smoothness));
}

/* Tests: simulated wearers, replayed */

/* The mean form of one simulated person's pelvic tilts, from replay --json. */
static void replayed_form(const char *person, double *sd_deg, double *to_zone_s)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tilt-%s.csv", bc_test_tmpdir(), person);
	bc_test_output o;
	bc_run_backcoach(&o, "sim", "--exercise", "pelvic-tilt", "--person", person, "--seed", "3",
			 "--out", path);
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--json", path);
	assert_int_equal(o.status, 0);
	char err[256];
	bc_test_json_value *v = bc_test_json_parse(o.out, err, sizeof(err));
	assert_non_null(v);
	assert_int_equal((int)bc_test_json_number(v, "reps"), 6);
	const bc_test_json_value *form = bc_test_json_need(v, "form", BC_TEST_JSON_OBJECT);
	*sd_deg = bc_test_json_number(form, "hold_sd_deg");
	*to_zone_s = bc_test_json_number(form, "time_to_zone_s");
	const bc_test_json_value *events = bc_test_json_need(v, "events", BC_TEST_JSON_ARRAY);
	for (size_t i = 0; i < events->n; i++)
		assert_true(bc_test_json_number(events->items[i], "smoothness") > 0.9);
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

/*
 * Person 15 holds with a 0.33 deg wobble and moves briskly (tempo 0.74);
 * person 5 wobbles 1.0 deg; person 1 moves slowly (tempo 1.57). None of
 * them slips out of a hold (sim/person.c draws them from their ids).
 */
static void test_simulated_people(void **state)
{
	double steady_sd, steady_t, wobbly_sd, wobbly_t, slow_sd, slow_t;
	replayed_form("15", &steady_sd, &steady_t);
	replayed_form("5", &wobbly_sd, &wobbly_t);
	replayed_form("1", &slow_sd, &slow_t);
	assert_true(steady_sd < 0.5);
	assert_true(wobbly_sd > 1.5 * steady_sd);
	assert_true(slow_t > 1.5 * steady_t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_straight_approach),
		cmocka_unit_test(test_dip_costs_twice_its_depth),
		cmocka_unit_test(test_hold_spread),
		cmocka_unit_test(test_unmeasured_is_nan),
		cmocka_unit_test(test_bridge_dip_is_less_smooth),
		cmocka_unit_test(test_bridge_slow_and_shaky),
		cmocka_unit_test(test_bridge_too_little_range),
		cmocka_unit_test(test_simulated_people),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
