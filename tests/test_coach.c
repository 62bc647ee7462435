/* SPDX-License-Identifier: MIT */
/*
 * The coach session on synthetic body states: calibration and start events,
 * reps with totals, SET_DONE, rejections with reasons, cue texts, progress,
 * SUMMARY, the event budget and recalibration.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coach/coach.h"
#include "coach/session_tally.h"
#include "coach/exercise_table.h"
#include "support/angle_script.h"
#include "support/test_support.h"

/* Events a log keeps: a dropout on every sample of a bridge set at 50 Hz fills 2000. */
#define LOG_MAX 4096

typedef struct {
	bc_coach_event ev[LOG_MAX];
	size_t n;
	size_t max_per_sample; /* most events seen for one sample */
} log_t;

static void keep(log_t *log, const bc_coach_event *ev, size_t n)
{
	if (n > log->max_per_sample)
		log->max_per_sample = n;
	for (size_t i = 0; i < n && log->n < LOG_MAX; i++)
		log->ev[log->n++] = ev[i];
}

/*
 * Feeds segments as body states at rate_hz: first 3 s of STAND, 2 s of
 * GO_TO_START, then DONE with the scripted angles. room: events per update.
 * gappy: every sample after calibration says a dropout came before it, so
 * each update starts with a DROPOUT event competing for the room.
 */
static double feed_gappy(bc_coach *c, const bc_seg *segs, size_t nseg, double rate_hz, size_t room,
			 bool gappy, log_t *log)
{
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	double t = 0.0, seg_t0 = 5.0;
	long k = 0;
	for (; t < 5.0; t = ++k / rate_hz) {
		bc_body_state b = { .t_s = t,
				    .still = true,
				    .stage = t < 3.0 ? BC_CALIB_STAND : BC_CALIB_GO_TO_START,
				    .calib_wait = t < 3.0 ? BC_WAIT_STAND : BC_WAIT_GO_TO_START };
		keep(log, ev, bc_coach_update_body(c, &b, ev, room));
	}
	float sag = 0.0f, axial = 0.0f;
	for (size_t i = 0; i < nseg; i++) {
		double end = seg_t0 + segs[i].dur_s;
		for (; t < end; t = ++k / rate_hz) {
			float f = (float)((t - seg_t0) / segs[i].dur_s);
			bc_body_state b = {
				.t_s = t,
				.still = true,
				.stage = BC_CALIB_DONE,
				.calib_wait = BC_WAIT_NONE,
				.angles_valid = true,
				.angles = { .sagittal_deg = sag + f * (segs[i].sag_deg - sag),
					    .axial_deg = axial + f * (segs[i].axial_deg - axial) },
				.trunk_incline_deg = 90.0f,
				/* gaps at rest: one in an attempt interrupts it (coach.h) */
				.dropout = gappy && segs[i].sag_deg == 0.0f && sag == 0.0f,
			};
			keep(log, ev, bc_coach_update_body(c, &b, ev, room));
		}
		sag = segs[i].sag_deg;
		axial = segs[i].axial_deg;
		seg_t0 = end;
	}
	return t;
}

static double feed(bc_coach *c, const bc_seg *segs, size_t nseg, double rate_hz, size_t room,
		   log_t *log)
{
	return feed_gappy(c, segs, nseg, rate_hz, room, false, log);
}

static int count(const log_t *log, bc_event_type type)
{
	int n = 0;
	for (size_t i = 0; i < log->n; i++)
		n += log->ev[i].type == type;
	return n;
}

static bool saw_cue(const log_t *log, const char *text)
{
	for (size_t i = 0; i < log->n; i++)
		if (log->ev[i].type == BC_EVENT_CUE && strcmp(log->ev[i].text, text) == 0)
			return true;
	return false;
}

static const bc_seg bridge_set[] = {
	SEG(1, 0),	   SEG(1, 20),	      SEG(3, 20),  SEG(1.5, 0), SEG(1, 0),
	SEG_AX(1, 20, 15), SEG_AX(3, 20, 15), SEG(1.5, 0), SEG(1, 0), /* rolled */
	SEG(1, 20),	   SEG(3, 20),	      SEG(1.5, 0), SEG(1, 0),	SEG(1, 20),
	SEG(3, 20),	   SEG(1.5, 0),	      SEG(1, 0),
};

static void test_bridge_set(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	bc_coach_settings s;
	bc_coach_settings_init(&s);
	s.target_reps = 3;
	bc_coach c;
	bc_coach_init(&c, &s, BC_EXERCISE_BRIDGE);
	feed(&c, bridge_set, sizeof(bridge_set) / sizeof(bridge_set[0]), 100,
	     BC_COACH_MAX_EVENTS_PER_SAMPLE, &log);
	bc_coach_event fin[4];
	keep(&log, fin, bc_coach_finish(&c, fin, 4));

	assert_int_equal(count(&log, BC_EVENT_CALIBRATION), 2);
	assert_int_equal(count(&log, BC_EVENT_START_REACHED), 1);
	assert_int_equal(count(&log, BC_EVENT_REP), 3);
	assert_int_equal(count(&log, BC_EVENT_REJECTED), 1);
	assert_int_equal(count(&log, BC_EVENT_SET_DONE), 1);
	assert_int_equal(count(&log, BC_EVENT_HOLD_START), 3); /* never level: no hold */
	/* Reps carry running totals; the rejection says why, in words. */
	int reps = 0;
	for (size_t i = 0; i < log.n; i++) {
		const bc_coach_event *e = &log.ev[i];
		if (e->type == BC_EVENT_REP) {
			assert_int_equal(e->reps, ++reps);
			assert_true(e->hold_s >= 2.0f);
			assert_true(e->peak_deg > 19.0f);
		}
		if (e->type == BC_EVENT_REJECTED) {
			assert_int_equal(e->reason, BC_REJECT_NOT_LEVEL);
			assert_string_equal(bc_reject_reason_text(e->reason), "pelvis not level");
		}
		if (e->type == BC_EVENT_SET_DONE)
			assert_int_equal(e->reps, 3);
	}
	const bc_coach_event *sum = &log.ev[log.n - 1];
	assert_int_equal(sum->type, BC_EVENT_SUMMARY);
	assert_int_equal(sum->reps, 3);
	assert_int_equal(sum->rejected, 1);

	assert_true(saw_cue(&log, "Stand upright and keep still"));
	assert_true(saw_cue(&log, "Lie on your back, knees bent, then keep still"));
	assert_true(saw_cue(&log, "Lift your hips"));
	assert_true(saw_cue(&log, "Hold \u2014 2 s left"));
	assert_true(saw_cue(&log, "Hold \u2014 1 s left"));
	assert_true(saw_cue(&log, "Lower slowly"));
	assert_true(saw_cue(&log, "Keep your hips level"));
	assert_true(log.max_per_sample <= BC_COACH_MAX_EVENTS_PER_SAMPLE);

	const bc_coach_view *v = bc_coach_get_view(&c);
	assert_int_equal(v->reps, 3);
	assert_int_equal(v->rejected, 1);
	assert_true(v->set_done);
	assert_true(v->started);
	assert_float_near(v->zone_min_deg, 15.0, 1e-6);
	assert_float_near(v->hold_target_s, 2.0, 1e-6);
}

/*
 * Knee to chest, one leg at a time (contract §4): the coach asks for the left
 * leg, moves on to the right after a counted hold, keeps the side after a
 * rejected one; every outcome names its side and the view counts per side.
 */
static void test_guided_sides_alternate_after_counted_holds(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	static const bc_seg set[] = {
		SEG(1, 0),  SEG(1, 12), SEG(4, 12),  SEG(1.5, 0), SEG(1, 0), /* counted: left */
		SEG(1, 12), SEG(1, 12), SEG(1.5, 0), SEG(1, 0),		     /* too short: right */
		SEG(1, 12), SEG(4, 12), SEG(1.5, 0), SEG(1, 0),		     /* counted: right */
		SEG(1, 12), SEG(4, 12), SEG(1.5, 0), SEG(1, 0),		     /* counted: left */
	};
	bc_coach_settings s;
	bc_coach_settings_init(&s);
	s.hold_s[BC_EXERCISE_KNEE_TO_CHEST] = 3.0f;
	bc_coach c;
	bc_coach_init(&c, &s, BC_EXERCISE_KNEE_TO_CHEST);
	assert_int_equal(bc_coach_get_view(&c)->side, BC_SIDE_LEFT);
	feed(&c, set, sizeof(set) / sizeof(set[0]), 100, BC_COACH_MAX_EVENTS_PER_SAMPLE, &log);

	static const bc_side want[] = { BC_SIDE_LEFT, BC_SIDE_RIGHT, BC_SIDE_RIGHT, BC_SIDE_LEFT };
	static const bc_event_type kind[] = { BC_EVENT_REP, BC_EVENT_REJECTED, BC_EVENT_REP,
					      BC_EVENT_REP };
	size_t k = 0;
	for (size_t i = 0; i < log.n; i++) {
		const bc_coach_event *e = &log.ev[i];
		if (e->type != BC_EVENT_REP && e->type != BC_EVENT_REJECTED)
			continue;
		assert_true(k < 4);
		assert_int_equal(e->type, kind[k]);
		assert_int_equal(e->side, want[k]);
		k++;
	}
	assert_int_equal(k, 4);
	const bc_coach_view *v = bc_coach_get_view(&c);
	assert_int_equal(v->side_reps[BC_SIDE_LEFT], 2);
	assert_int_equal(v->side_reps[BC_SIDE_RIGHT], 1);
	assert_int_equal(v->side, BC_SIDE_RIGHT); /* asked for next */
	assert_true(saw_cue(&log, "Left leg: pull your knee to your chest"));
	assert_true(saw_cue(&log, "Right leg: pull your knee to your chest"));
}

/* Exercises done with both sides at once carry no side. */
static void test_two_sided_exercises_have_no_side(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_BRIDGE);
	feed(&c, bridge_set, sizeof(bridge_set) / sizeof(bridge_set[0]), 100,
	     BC_COACH_MAX_EVENTS_PER_SAMPLE, &log);
	for (size_t i = 0; i < log.n; i++)
		assert_int_equal(log.ev[i].side, BC_SIDE_NONE);
	assert_int_equal(bc_coach_get_view(&c)->side, BC_SIDE_NONE);
}

/* With room for one event a sample, no rep or rejection is ever lost. */
static void test_outcomes_survive_a_small_buffer(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_BRIDGE);
	feed(&c, bridge_set, sizeof(bridge_set) / sizeof(bridge_set[0]), 50, 1, &log);
	assert_int_equal(count(&log, BC_EVENT_REP), 3);
	assert_int_equal(count(&log, BC_EVENT_REJECTED), 1);
}

/*
 * With room for one event a sample and a dropout in front of every outcome,
 * the outcome still gets the room: a rep or rejection is never traded for a
 * note that the next view supersedes.
 */
static void test_outcomes_beat_a_dropout_for_the_room(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_BRIDGE);
	feed_gappy(&c, bridge_set, sizeof(bridge_set) / sizeof(bridge_set[0]), 50, 1, true, &log);
	assert_int_equal(count(&log, BC_EVENT_REP), 3);
	assert_int_equal(count(&log, BC_EVENT_REJECTED), 1);
}

/* The essential events, one list for the coach's budget and the app's ring. */
static void test_which_events_are_essential(void **state)
{
	(void)state;
	static const bool essential[] = {
		[BC_EVENT_CALIBRATION] = true,
		[BC_EVENT_START_REACHED] = true,
		[BC_EVENT_PHASE] = false,
		[BC_EVENT_HOLD_START] = true,
		[BC_EVENT_HOLD_PROGRESS] = false,
		[BC_EVENT_HOLD_DONE] = true,
		[BC_EVENT_REP] = true,
		[BC_EVENT_REJECTED] = true,
		[BC_EVENT_CUE] = false,
		[BC_EVENT_SET_DONE] = true,
		[BC_EVENT_DROPOUT] = false,
		[BC_EVENT_SUMMARY] = true,
		[BC_EVENT_SENSOR_GLITCH] = true,
		[BC_EVENT_INTERRUPTED] = true,
	};
	for (int t = 0; t <= BC_EVENT_INTERRUPTED; t++) {
		bc_coach_event e = { .type = (bc_event_type)t };
		assert_int_equal(bc_coach_event_essential(&e), essential[t]);
	}
}

/* Hold progress comes once a second; the --hold target reaches the detector. */
static void test_hold_progress_and_target(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	bc_coach_settings s;
	bc_coach_settings_init(&s);
	s.hold_s[BC_EXERCISE_PELVIC_TILT] = 4.0f;
	bc_coach c;
	bc_coach_init(&c, &s, BC_EXERCISE_PELVIC_TILT);
	const bc_seg segs[] = { SEG(1, 0),    SEG(0.01, 8), SEG(5.5, 8),  SEG(0.01, 0), SEG(1, 0),
				SEG(0.01, 8), SEG(2.5, 8),  SEG(0.01, 0), SEG(1, 0) };
	feed(&c, segs, sizeof(segs) / sizeof(segs[0]), 200, 8, &log);
	assert_int_equal(count(&log, BC_EVENT_REP), 1);
	assert_int_equal(count(&log, BC_EVENT_REJECTED), 1);
	/* 5 whole seconds in the first hold (5.5 s), 2 in the second (2.5 s). */
	assert_int_equal(count(&log, BC_EVENT_HOLD_PROGRESS), 5 + 2);
	assert_true(saw_cue(&log, "Hold \u2014 4 s left"));
	/* The screen's line says what to do, with the numbers (the voice's words,
	 * spoken_words.c); the counter panel keeps the why. */
	const bc_coach_view *v = bc_coach_get_view(&c);
	assert_string_equal(v->feedback, "Not counted: hold for 4 s, you held 2.5 s");
	assert_int_equal(v->feedback_of, BC_EVENT_REJECTED);
	assert_string_equal(v->not_counted, "hold for 4 s, you held 2.5 s");
}

static void test_recalibration_keeps_counts(void **state)
{
	(void)state;
	static log_t log;
	memset(&log, 0, sizeof(log));
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_BRIDGE);
	const bc_seg segs[] = { SEG(1, 0), SEG(1, 20), SEG(3, 20), SEG(1.5, 0), SEG(1, 0) };
	feed(&c, segs, 5, 100, 8, &log);
	bc_coach_recalibrate(&c);
	/* Angles are not valid again until the body tracker recalibrates. */
	bc_body_state b = { .t_s = 100.0, .stage = BC_CALIB_STAND };
	bc_coach_event ev[8];
	keep(&log, ev, bc_coach_update_body(&c, &b, ev, 8));
	const bc_coach_view *v = bc_coach_get_view(&c);
	assert_int_equal(v->reps, 1);
	assert_false(v->started);
	assert_int_equal(count(&log, BC_EVENT_CALIBRATION), 3);
}

/* While calibrating, the cue says what it waits for and why (coach/calib_words.h). */
static void test_calibration_cues_say_why(void **state)
{
	(void)state;
	static const struct {
		bc_exercise_id ex;
		bc_calib_wait wait;
		const char *cue;
	} cases[] = {
		{ BC_EXERCISE_CAT_COW, BC_WAIT_ON_BACK,
		  "You are lying on your back: cat-cow starts on hands and knees" },
		{ BC_EXERCISE_CHILDS_POSE, BC_WAIT_ON_BACK,
		  "You are lying on your back: child's pose starts on hands and knees" },
		{ BC_EXERCISE_BRIDGE, BC_WAIT_STAND_LONGER, "Stand still a little longer" },
		{ BC_EXERCISE_BRIDGE, BC_WAIT_STAND_UP,
		  "Stand up first, then keep still for 3 seconds" },
		{ BC_EXERCISE_BRIDGE, BC_WAIT_HALF_WAY,
		  "Not there yet: lie on your back, knees bent" },
		{ BC_EXERCISE_POSTURE, BC_WAIT_STILL_UPRIGHT,
		  "Sit down on a chair, then keep still" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bc_coach c;
		bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
		bc_coach_init(&c, NULL, cases[i].ex);
		bc_body_state b = { .t_s = 1.0,
				    .stage = BC_CALIB_GO_TO_START,
				    .calib_wait = cases[i].wait };
		size_t n = bc_coach_update_body(&c, &b, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		bool seen = false;
		for (size_t k = 0; k < n; k++)
			seen |= ev[k].type == BC_EVENT_CUE && !strcmp(ev[k].text, cases[i].cue);
		if (!seen)
			print_error("%s: no cue \"%s\" (view: \"%s\")\n",
				    bc_exercise_info_get(cases[i].ex)->name, cases[i].cue,
				    bc_coach_get_view(&c)->feedback);
		assert_true(seen);
		assert_int_equal(bc_coach_get_view(&c)->calib_wait, cases[i].wait);
	}
}

/*
 * Sensor faults reach the coach as samples (core/sample_guard.h): a spike is
 * repaired and counted; frozen output stops the attempt in progress, which
 * ends as INTERRUPTED ("sensor fault"), never as a rejection of the wearer.
 */
static void test_sensor_faults_are_not_the_wearers(void **state)
{
	(void)state;
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_BRIDGE);
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_session_tally tally;
	bc_session_tally_init(&tally, BC_EXERCISE_BRIDGE);
	/* a noisy sensor at rest for 2 s, then one sample with a flipped sign bit */
	double t = 0;
	unsigned rng = 1;
	for (int i = 0; i < 400; i++, t += 0.005) {
		rng = rng * 1103515245u + 12345u;
		float n = (float)((rng >> 16) % 7) * 0.01f - 0.03f;
		bc_sample s = { .t_s = t, .accel_g = { 0, 0, 1 }, .gyro_dps = { n, -n, 0.2f } };
		if (i == 300)
			s.gyro_dps.x += 500.0f;
		bc_session_tally_add_events(&tally, ev, bc_coach_update(&c, &s, ev, 8));
	}
	assert_int_equal(tally.sensor_glitches, 1);
	assert_int_equal(bc_coach_get_view(&c)->sensor_glitches, 1);
	assert_true(bc_coach_get_view(&c)->sensor_glitch);
	/* then the same bits for a second: frozen, one glitch more, nothing rejected */
	bc_sample same = { .t_s = t, .accel_g = { 0, 0, 1 }, .gyro_dps = { 0.01f, -0.01f, 0.2f } };
	for (int i = 0; i < 200; i++, same.t_s += 0.005)
		bc_session_tally_add_events(&tally, ev, bc_coach_update(&c, &same, ev, 8));
	assert_int_equal(tally.sensor_glitches, 2);
	assert_int_equal(tally.rejected, 0);
}

/*
 * A NaN or infinite sample is not data and is dropped, but the user is told
 * as for a spike: a SENSOR_GLITCH "invalid", counted, the status warning on.
 * A stream of them is one glitch per burst: a burst ends after a second of
 * valid samples, so a second burst is a second glitch.
 */
static void test_invalid_samples_are_one_glitch_per_burst(void **state)
{
	(void)state;
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_BRIDGE);
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_session_tally tally;
	bc_session_tally_init(&tally, BC_EXERCISE_BRIDGE);
	int invalid_events = 0;
	double t = 0;
	/* 1 s valid, 1 s of NaN (and an infinity), 2 s valid, then one NaN time */
	for (int i = 0; i < 801; i++, t += 0.005) {
		bc_sample s = { .t_s = t, .accel_g = { 0, 0, 1 }, .gyro_dps = { 0, 0, 0.2f } };
		if (i >= 200 && i < 400)
			s.gyro_dps.y = i == 300 ? INFINITY : NAN;
		if (i == 800)
			s.t_s = NAN;
		size_t n = bc_coach_update(&c, &s, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		for (size_t k = 0; k < n; k++)
			if (ev[k].type == BC_EVENT_SENSOR_GLITCH) {
				assert_string_equal(ev[k].text, "invalid");
				assert_true(isfinite(ev[k].t_s));
				invalid_events++;
			}
		bc_session_tally_add_events(&tally, ev, n);
		if (i == 399)
			assert_true(bc_coach_get_view(&c)->sensor_glitch);
	}
	assert_int_equal(invalid_events, 2);
	assert_int_equal(tally.sensor_glitches, 2);
	assert_int_equal(bc_coach_get_view(&c)->sensor_glitches, 2);
	assert_int_equal(tally.rejected, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calibration_cues_say_why),
		cmocka_unit_test(test_bridge_set),
		cmocka_unit_test(test_outcomes_survive_a_small_buffer),
		cmocka_unit_test(test_outcomes_beat_a_dropout_for_the_room),
		cmocka_unit_test(test_which_events_are_essential),
		cmocka_unit_test(test_sensor_faults_are_not_the_wearers),
		cmocka_unit_test(test_invalid_samples_are_one_glitch_per_burst),
		cmocka_unit_test(test_hold_progress_and_target),
		cmocka_unit_test(test_recalibration_keeps_counts),
		cmocka_unit_test(test_guided_sides_alternate_after_counted_holds),
		cmocka_unit_test(test_two_sided_exercises_have_no_side),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
