/* SPDX-License-Identifier: MIT */
/*
 * The buzzer's cues for the app's tones: every cue the wearer must tell apart
 * with eyes shut (on the floor, maybe no speaker) has its own rhythm, and the
 * coach's events reach the buzzer through the same reducer as the SDL tones.
 */
#include <string.h>

#include "app/app_state.h"
#include "app/cues.h"
#include "platform/cue_pattern.h"
#include "support/test_support.h"

#define MS	  1000000ull
#define MAX_BEEPS 8

/* A pattern measured by sampling it every ms: beep count and lengths. */
typedef struct {
	int beeps;
	unsigned on_ms[MAX_BEEPS];
	unsigned total_ms;
} rhythm;

static rhythm measure(bc_cue cue)
{
	rhythm r;
	memset(&r, 0, sizeof(r));
	int prev = 0;
	for (unsigned t = 0; t < 5000; t++) {
		int level = bc_cue_level(cue, t * MS);
		if (level < 0) {
			r.total_ms = t;
			return r;
		}
		if (level && !prev && r.beeps < MAX_BEEPS)
			r.beeps++;
		if (level)
			r.on_ms[r.beeps - 1]++;
		prev = level;
	}
	fail_msg("cue %d never ends", (int)cue);
	return r;
}

static void test_every_tone_has_a_cue(void **state)
{
	(void)state;
	assert_int_equal(bc_app_cue_for_tone(BC_TONE_NONE), BC_CUE_NONE);
	assert_int_equal(bc_app_cue_for_tone(BC_TONE_COUNT), BC_CUE_NONE);
	assert_int_equal(bc_app_cue_for_tone((bc_tone)-1), BC_CUE_NONE);
	for (int t = BC_TONE_NONE + 1; t < BC_TONE_COUNT; t++) {
		bc_cue c = bc_app_cue_for_tone((bc_tone)t);
		assert_int_not_equal(c, BC_CUE_NONE);
		/* It sounds at once (no silent lead-in) and is over within a second. */
		assert_int_equal(bc_cue_level(c, 0), 1);
		rhythm r = measure(c);
		assert_true(r.beeps >= 1);
		assert_true(r.total_ms > 0 && r.total_ms < 1000);
	}
}

/* Hold start, hold done, rep, not counted, slouch: five rhythms, no two alike. */
static void test_wearer_cues_are_distinct(void **state)
{
	(void)state;
	const bc_tone tones[] = { BC_TONE_HOLD_START, BC_TONE_HOLD_DONE, BC_TONE_REP,
				  BC_TONE_REJECTED, BC_TONE_SLOUCH_ALERT };
	const size_t n = sizeof(tones) / sizeof(tones[0]);
	rhythm r[sizeof(tones) / sizeof(tones[0])];
	for (size_t i = 0; i < n; i++)
		r[i] = measure(bc_app_cue_for_tone(tones[i]));
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			assert_memory_not_equal(&r[i], &r[j], sizeof(rhythm));
	/* The shapes the wiring guide promises: counted 1, not counted 2, slouch 3. */
	assert_int_equal(r[2].beeps, 1);
	assert_int_equal(r[3].beeps, 2);
	assert_int_equal(r[4].beeps, 3);
	/* Hold done is one long beep, longer than a rep's. */
	assert_int_equal(r[1].beeps, 1);
	assert_true(r[1].on_ms[0] > 2 * r[2].on_ms[0]);
	/* Hold start: short then long, so it is not the short-short of a rejection. */
	assert_int_equal(r[0].beeps, 2);
	assert_true(r[0].on_ms[1] > 2 * r[0].on_ms[0]);
}

static bc_cue cue_for_event(bc_app_state *s, bc_event_type type)
{
	bc_coach_event e = { .type = type, .t_s = 10 };
	return bc_app_cue_for_tone(bc_app_apply_event(s, &e));
}

/* From the coach's events, through the one event → tone mapping, to the buzzer. */
static void test_events_reach_the_buzzer(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	assert_int_equal(cue_for_event(&s, BC_EVENT_START_REACHED), BC_CUE_REP);
	assert_int_equal(cue_for_event(&s, BC_EVENT_HOLD_START), BC_CUE_HOLD_START);
	assert_int_equal(cue_for_event(&s, BC_EVENT_HOLD_PROGRESS), BC_CUE_NONE);
	assert_int_equal(cue_for_event(&s, BC_EVENT_HOLD_DONE), BC_CUE_HOLD_DONE);
	assert_int_equal(cue_for_event(&s, BC_EVENT_REP), BC_CUE_REP);
	assert_int_equal(cue_for_event(&s, BC_EVENT_REJECTED), BC_CUE_REJECTED);
	/* Posture's "rep" is a slouch: the insistent alert. */
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_POSTURE);
	assert_int_equal(cue_for_event(&s, BC_EVENT_REP), BC_CUE_ALERT);
	/* No session, no cue. */
	bc_app_init(&s, NULL);
	assert_int_equal(cue_for_event(&s, BC_EVENT_REP), BC_CUE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_tone_has_a_cue),
		cmocka_unit_test(test_wearer_cues_are_distinct),
		cmocka_unit_test(test_events_reach_the_buzzer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
