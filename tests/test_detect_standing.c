/* SPDX-License-Identifier: MIT */
/*
 * The standing exercises (contract §4) on scripted leans from the upright
 * start: the lat stretch (a tilt-and-hold on the lean, guided sides in the
 * coach) with its standing start gate and a stoop that is no attempt, and
 * the paced shoulder squeeze (the coach's 2/5/3 s pace from calibration).
 */
#include <math.h>

#include "coach/exercise_table.h"
#include "support/test_support.h"

#define MAX_EVENTS 256

/* A ramp to lean_deg (from upright, any direction) over dur_s. */
typedef struct {
	double dur_s;
	float lean_deg;
} lean_seg;

typedef struct {
	bc_coach_event ev[MAX_EVENTS];
	size_t n;
	int reps, rejected;
	double start_t_s; /* START_REACHED (-1: never) */
} run_result;

/*
 * Calibrated at t = 1 s (the first sample), then the segments at rate_hz;
 * the lean goes into tilt_from_start_deg, and half of it into the sagittal
 * angle (a lean forward from the hips). noise_deg: uniform, deterministic.
 */
static void run(bc_exercise_id ex, const lean_seg *segs, size_t n, double rate_hz, float noise_deg,
		run_result *r)
{
	bc_detector d;
	const bc_exercise_row *row = bc_exercise_row_of(ex);
	bc_detector_init(&d, NULL, ex, &row->detect, row->hold_s);
	*r = (run_result){ .start_t_s = -1.0 };
	uint32_t seed = 777u;
	double t = 1.0, seg_t0 = 1.0;
	long k = 0;
	float lean = 0.0f;
	bc_coach_event buf[16];
	for (size_t i = 0; i < n; i++) {
		float lean0 = lean;
		double seg_end = seg_t0 + segs[i].dur_s;
		for (; t < seg_end; t = 1.0 + (double)++k / rate_hz) {
			double f = fmin(1.0, (t - seg_t0) / segs[i].dur_s);
			seed = seed * 1664525u + 1013904223u;
			float jitter = noise_deg *
				       ((float)((seed >> 8) & 0xffff) / 32768.0f - 1.0f);
			lean = lean0 + (float)f * (segs[i].lean_deg - lean0);
			bc_body_state b = { .t_s = t,
					    .still = true,
					    .stage = BC_CALIB_DONE,
					    .angles_valid = true,
					    .angles = { .sagittal_deg = -0.5f * lean },
					    .tilt_from_start_deg = fabsf(lean + jitter),
					    .heading_known = false };
			bc_detect_out out = { .ev = buf, .max = 16 };
			bc_detector_update(&d, &b, &out);
			for (size_t e = 0; e < out.n && r->n < MAX_EVENTS; e++) {
				r->ev[r->n++] = buf[e];
				r->reps += buf[e].type == BC_EVENT_REP;
				r->rejected += buf[e].type == BC_EVENT_REJECTED;
				if (buf[e].type == BC_EVENT_START_REACHED)
					r->start_t_s = buf[e].t_s;
			}
		}
		lean = segs[i].lean_deg;
		seg_t0 = seg_end;
	}
	bc_detect_out out = { .ev = buf, .max = 16 };
	bc_detector_finish(&d, t, &out);
	for (size_t e = 0; e < out.n && r->n < MAX_EVENTS; e++) {
		r->ev[r->n++] = buf[e];
		r->reps += buf[e].type == BC_EVENT_REP;
		r->rejected += buf[e].type == BC_EVENT_REJECTED;
	}
}

#define RUN(ex, segs, rate, noise, r) run(ex, segs, sizeof(segs) / sizeof(segs[0]), rate, noise, r)

/* The only outcome, or the n-th one: its reason (NONE for a rep). */
static bc_reject_reason outcome(const run_result *r, int n)
{
	for (size_t i = 0; i < r->n; i++)
		if ((r->ev[i].type == BC_EVENT_REP || r->ev[i].type == BC_EVENT_REJECTED) &&
		    n-- == 0)
			return r->ev[i].reason;
	fail_msg("no outcome %d", n);
	return BC_REJECT_COUNT;
}

/* ---- Lat stretch -------------------------------------------------------- */

/* Two stretches leaning 40 deg, held 17 s: two reps. */
static void test_lat_stretch_counts_held_leans(void **state)
{
	(void)state;
	const lean_seg two[] = { { 2, 0 },  { 2, 40 },	{ 17, 40 }, { 2, 0 }, { 4, 0 },
				 { 2, 40 }, { 17, 40 }, { 2, 0 },   { 3, 0 } };
	run_result r;
	RUN(BC_EXERCISE_LAT_STRETCH, two, 100, 0.5f, &r);
	assert_int_equal(r.reps, 2);
	assert_int_equal(r.rejected, 0);
}

/*
 * Standing people shift their weight: a wearer standing 6 deg off the
 * calibrated start (calibration itself accepts a standing start within
 * BC_STAND_START_MAX_DEG) still opens the start gate, and a stretch counts.
 * The lying starts' 3 deg gate would never open.
 */
static void test_lat_stretch_standing_start_is_tolerant(void **state)
{
	(void)state;
	const lean_seg shifted[] = {
		{ 0.3, 6 }, { 3, 6 }, { 2, 42 }, { 17, 42 }, { 2, 6 }, { 3, 6 }
	};
	run_result r;
	RUN(BC_EXERCISE_LAT_STRETCH, shifted, 100, 0.8f, &r);
	assert_true(bc_detect_settings_default.start_tol_deg < 6.0f);
	assert_true(r.start_t_s > 0.0 && r.start_t_s < 2.0);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.rejected, 0);
}

/* Shifting the weight from foot to foot (up to 8 deg) is standing, not an attempt. */
static void test_lat_stretch_weight_shifts_count_nothing(void **state)
{
	(void)state;
	const lean_seg shifts[] = { { 2, 0 }, { 1, 8 }, { 6, 8 }, { 1, -7 }, { 6, -7 },
				    { 1, 8 }, { 6, 8 }, { 1, 0 }, { 4, 0 } };
	run_result r;
	RUN(BC_EXERCISE_LAT_STRETCH, shifts, 100, 1.0f, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

static void test_lat_stretch_rejects_each_mistake(void **state)
{
	(void)state;
	run_result r;
	const lean_seg shallow[] = { { 2, 0 }, { 2, 20 }, { 17, 20 }, { 2, 0 }, { 4, 0 } };
	RUN(BC_EXERCISE_LAT_STRETCH, shallow, 100, 0.5f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 1);
	assert_int_equal(outcome(&r, 0), BC_REJECT_TOO_LITTLE_RANGE);

	const lean_seg brief[] = { { 2, 0 }, { 2, 45 }, { 5, 45 }, { 2, 0 }, { 4, 0 } };
	RUN(BC_EXERCISE_LAT_STRETCH, brief, 100, 0.5f, &r);
	assert_int_equal(r.reps, 0);
	assert_int_equal(r.rejected, 1);
	assert_int_equal(outcome(&r, 0), BC_REJECT_HOLD_TOO_SHORT);
}

/*
 * Bending over to pick something up: a quick stoop, 1-3 s, and straight
 * back up. Past max_deg (80-90 deg) it is not a lat stretch; less deep
 * (55-60 deg) it passes through the zone in under min_zone_s. No outcome.
 */
static void test_lat_stretch_stoop_is_no_attempt(void **state)
{
	(void)state;
	const lean_seg stoops[] = { { 2, 0 },	 { 0.8, 85 }, { 1.5, 85 }, { 1.0, 0 }, { 4, 0 },
				    { 1.2, 90 }, { 2.5, 80 }, { 1.2, 0 },  { 4, 0 },   { 0.8, 55 },
				    { 1.5, 60 }, { 1.0, 0 },  { 4, 0 } };
	run_result r;
	RUN(BC_EXERCISE_LAT_STRETCH, stoops, 100, 1.0f, &r);
	assert_int_equal(r.reps + r.rejected, 0);
}

/* ---- Shoulder squeeze --------------------------------------------------- */

/*
 * The coach paces: cycles of 2 + 5 + 3 s from 2 s after calibration
 * (t = 1 s here), so they end at 13, 23, 33 s. A still, upright wearer
 * counts a rep at each end (that is the contract); the cycle the session
 * cuts short (ending at 43 s) gives nothing.
 */
static void test_squeeze_counts_each_paced_cycle_upright(void **state)
{
	(void)state;
	const lean_seg still[] = { { 1, 1.5f }, { 38, 1.5f } };
	run_result r;
	RUN(BC_EXERCISE_SHOULDER_SQUEEZE, still, 100, 1.0f, &r);
	assert_int_equal(r.reps, 3);
	assert_int_equal(r.rejected, 0);
	for (int i = 0; i < 3; i++) {
		const bc_coach_event *e = NULL;
		for (size_t k = 0, n = 0; k < r.n; k++)
			if (r.ev[k].type == BC_EVENT_REP && n++ == (size_t)i)
				e = &r.ev[k];
		assert_non_null(e);
		assert_float_near(e->t_s, 13.0 + 10.0 * i, 0.02);
	}
}

/*
 * Leaning more than 10 deg during a hold for over 1 s is `not upright`; a
 * wobble out under 1 s is allowed; leaning during the relax does not matter.
 * Holds: 5-10, 15-20, 25-30 s.
 */
static void test_squeeze_rejects_leaning_in_the_hold(void **state)
{
	(void)state;
	const lean_seg cycles[] = {
		{ 6, 1 },    { 0.3, 16 }, { 2, 16 },   { 0.3, 1 }, /* slump: 7.2-9.5 s */
		{ 7.4, 1 },  { 0.2, 14 }, { 0.4, 14 }, { 0.2, 1 }, /* wobble: 17.1-17.7 s */
		{ 12.5, 1 }, { 0.2, 18 }, { 1.6, 18 }, { 0.2, 1 }, /* relax: 30.4-32.2 s */
		{ 4, 1 },
	};
	run_result r;
	RUN(BC_EXERCISE_SHOULDER_SQUEEZE, cycles, 100, 0.5f, &r);
	assert_int_equal(r.reps + r.rejected, 3);
	assert_int_equal(outcome(&r, 0), BC_REJECT_NOT_UPRIGHT);
	assert_int_equal(outcome(&r, 1), BC_REJECT_NONE);
	assert_int_equal(outcome(&r, 2), BC_REJECT_NONE);
}

/* The view shows the pace: phase, seconds into it, of how many. */
static void test_squeeze_view_shows_the_pace(void **state)
{
	(void)state;
	bc_detector d;
	const bc_exercise_row *row = bc_exercise_row_of(BC_EXERCISE_SHOULDER_SQUEEZE);
	bc_detector_init(&d, NULL, BC_EXERCISE_SHOULDER_SQUEEZE, &row->detect, row->hold_s);
	bc_coach_event buf[16];
	for (double t = 1.0; t < 7.5; t += 0.01) {
		bc_body_state b = {
			.t_s = t, .still = true, .angles_valid = true, .stage = BC_CALIB_DONE
		};
		bc_detect_out out = { .ev = buf, .max = 16 };
		bc_detector_update(&d, &b, &out);
	}
	const bc_detect_view *v = bc_detector_view(&d);
	assert_int_equal(v->gauge_kind, BC_GAUGE_PACE);
	assert_int_equal(v->pace_phase, BC_PACE_SQUEEZE); /* 3..8 s after the lead-in */
	assert_float_near(v->pace_s, 2.5f, 0.02);
	assert_float_near(v->pace_phase_s, 5.0f, 1e-6);
	assert_int_equal(v->hint, BC_HINT_SQUEEZE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lat_stretch_counts_held_leans),
		cmocka_unit_test(test_lat_stretch_standing_start_is_tolerant),
		cmocka_unit_test(test_lat_stretch_weight_shifts_count_nothing),
		cmocka_unit_test(test_lat_stretch_rejects_each_mistake),
		cmocka_unit_test(test_lat_stretch_stoop_is_no_attempt),
		cmocka_unit_test(test_squeeze_counts_each_paced_cycle_upright),
		cmocka_unit_test(test_squeeze_rejects_leaning_in_the_hold),
		cmocka_unit_test(test_squeeze_view_shows_the_pace),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
