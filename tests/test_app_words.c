/* SPDX-License-Identifier: MIT */
/*
 * The words the exercise screens derive (screen_words.h) never contradict
 * the coach: the state word comes from the cue's own hint, an angle never
 * reads "-0°", cat-cow's breath follows the detector's phase and not a
 * clock, and why an attempt did not count stays up until the next attempt
 * starts.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_state.h"
#include "app/screen_words.h"
#include "coach/coach.h"
#include "detect/cat_cow.h"
#include "support/test_support.h"

static void test_no_minus_zero(void **state)
{
	(void)state;
	char buf[16];
	assert_string_equal(bc_app_deg_text(-0.4f, buf, sizeof(buf)), "0\xc2\xb0");
	assert_string_equal(bc_app_deg_text(-0.0f, buf, sizeof(buf)), "0\xc2\xb0");
	assert_string_equal(bc_app_deg_text(0.4f, buf, sizeof(buf)), "0\xc2\xb0");
	assert_string_equal(bc_app_deg_text(-0.6f, buf, sizeof(buf)), "-1\xc2\xb0");
	assert_string_equal(bc_app_deg_text(-3.2f, buf, sizeof(buf)), "-3\xc2\xb0");
	assert_string_equal(bc_app_deg_text(27.5f, buf, sizeof(buf)), "28\xc2\xb0");
}

/* Every hint has its word; "HOLDING" is said for the hold alone. */
static void test_a_word_for_every_hint(void **state)
{
	(void)state;
	for (int h = BC_HINT_GET_READY; h < BC_HINT_COUNT; h++) {
		bc_coach_view v = { .hint = (bc_detect_hint)h, .holding = true };
		const char *w = bc_app_state_word(&v);
		if (!w[0])
			fail_msg("hint %d has no word", h);
		if ((strcmp(w, "HOLDING") == 0) != (h == BC_HINT_HOLD))
			fail_msg("hint %d says '%s'", h, w);
	}
}

/*
 * Through a real coach: a pelvic tilt held, wobbling out of the zone and
 * back, released. At every sample the word under the ring agrees with the
 * coach's cue line: HOLDING only while the cue says "Hold", BACK IN while
 * it says "Back into position" (the screen once said both at once).
 */
static void test_word_agrees_with_the_cue(void **state)
{
	(void)state;
	bc_coach c;
	bc_coach_init(&c, NULL, BC_EXERCISE_PELVIC_TILT);
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	int holding = 0, back_in = 0;
	for (long k = 0; k < 50 * 30; k++) {
		double t = k * 0.02;
		/* start 0-4 s, tilt 4-8, wobble out 8-8.6, back in, release at 20 s */
		float deg = t < 4 ? 0 : t < 8 ? 10 : t < 8.6 ? 1.5f : t < 20 ? 10 : 0;
		bc_body_state b = { .t_s = t,
				    .still = true,
				    .stage = BC_CALIB_DONE,
				    .calib_wait = BC_WAIT_NONE,
				    .angles_valid = true,
				    .angles = { .sagittal_deg = deg },
				    .trunk_incline_deg = 90.0f,
				    .heading_known = true };
		bc_coach_update_body(&c, &b, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		const bc_coach_view *v = bc_coach_get_view(&c);
		if (v->feedback_of != BC_EVENT_CUE)
			continue; /* an outcome's message, not the cue */
		const char *w = bc_app_state_word(v);
		bool says_hold = strncmp(v->feedback, "Hold", 4) == 0;
		bool says_back = strcmp(v->feedback, "Back into position") == 0;
		if ((strcmp(w, "HOLDING") == 0) != says_hold ||
		    (strcmp(w, "BACK IN") == 0) != says_back)
			fail_msg("t=%.2f: the word says '%s', the cue '%s'", t, w, v->feedback);
		holding += says_hold;
		back_in += says_back;
	}
	assert_true(holding > 100 && back_in > 0); /* both were seen */
}

/*
 * Cat-cow's breath is the detector's phase: into the cat breathe out, into
 * the cow breathe in, the ring filling from the phase's start. Time alone
 * changes neither (it was a free-running clock).
 */
static void test_breath_follows_the_phase(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_CAT_COW);
	bc_coach_view v = { .exercise = BC_EXERCISE_CAT_COW,
			    .stage = BC_CALIB_DONE,
			    .started = true,
			    .hint = BC_HINT_CAT,
			    .phase_name = "neutral",
			    .t_s = 10 };
	bc_app_apply_view(&s, &v, NULL);
	for (double t = 1; t < 20; t += 0.5) { /* no phase: the breath waits for the cat */
		bc_app_tick(&s, t);
		assert_string_equal(bc_app_breath_word(&s), "breathe out");
		assert_float_near(bc_app_breath_fraction(&s), 0, 1e-6);
	}
	bc_app_tick(&s, 20);
	bc_coach_event cat = { .type = BC_EVENT_PHASE, .t_s = 11, .phase = BC_CC_CAT };
	bc_app_apply_event(&s, &cat);
	assert_string_equal(bc_app_breath_word(&s), "breathe out");
	bc_app_tick(&s, 20 + BC_APP_BREATH_S / 2);
	assert_float_near(bc_app_breath_fraction(&s), 0.5, 0.01);
	bc_app_tick(&s, 20 + 3 * BC_APP_BREATH_S);
	assert_float_near(bc_app_breath_fraction(&s), 1.0, 1e-6); /* full, not round again */
	assert_string_equal(bc_app_breath_word(&s), "breathe out");

	bc_coach_event cow = { .type = BC_EVENT_PHASE, .t_s = 14, .phase = BC_CC_COW };
	bc_app_apply_event(&s, &cow);
	assert_string_equal(bc_app_breath_word(&s), "breathe in");
	assert_float_near(bc_app_breath_fraction(&s), 0, 1e-6);

	bc_coach_event rest = { .type = BC_EVENT_PHASE, .t_s = 16, .phase = BC_CC_NEUTRAL };
	bc_app_apply_event(&s, &rest);
	s.view.hint = BC_HINT_CAT; /* the coach asks for the cat next */
	assert_string_equal(bc_app_breath_word(&s), "breathe out");
}

/*
 * Why the last attempt did not count stays up (large) until the next
 * attempt starts: the coach's line moving on, the way back to the start and
 * time do not take it down; the next movement, hold or rep does.
 */
static void test_reason_stays_until_the_next_attempt(void **state)
{
	(void)state;
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	bc_coach_view v = { .exercise = BC_EXERCISE_BRIDGE,
			    .stage = BC_CALIB_DONE,
			    .started = true,
			    .phase_name = "",
			    .t_s = 10 };
	bc_app_apply_view(&s, &v, NULL);
	for (int ph = 1; ph <= 2; ph++) { /* rising, holding: then it tipped */
		bc_coach_event e = { .type = BC_EVENT_PHASE, .t_s = 10 + ph, .phase = ph };
		bc_app_apply_event(&s, &e);
	}
	bc_coach_event rej = {
		.type = BC_EVENT_REJECTED, .t_s = 20, .reason = BC_REJECT_NOT_LEVEL, .rejected = 1
	};
	bc_app_apply_event(&s, &rej);
	assert_true(s.reason_up);
	bc_coach_event back = { .type = BC_EVENT_PHASE, .t_s = 21, .phase = 3 }; /* lowering */
	bc_app_apply_event(&s, &back);
	bc_coach_event rest = { .type = BC_EVENT_PHASE, .t_s = 22, .phase = 0 };
	bc_app_apply_event(&s, &rest);
	v.t_s = 40;
	v.feedback_of = BC_EVENT_CUE; /* the coach's line moved on long ago */
	bc_app_apply_view(&s, &v, NULL);
	bc_app_tick(&s, 500);
	assert_true(s.reason_up);
	bc_coach_event rise = { .type = BC_EVENT_PHASE, .t_s = 41, .phase = 1 };
	bc_app_apply_event(&s, &rise);
	assert_false(s.reason_up);

	bc_app_apply_event(&s, &rej);
	bc_coach_event hold = { .type = BC_EVENT_HOLD_START, .t_s = 50 };
	bc_app_apply_event(&s, &hold);
	assert_false(s.reason_up);
	bc_app_apply_event(&s, &rej);
	bc_coach_event rep = { .type = BC_EVENT_REP, .t_s = 60, .reps = 1 };
	bc_app_apply_event(&s, &rep);
	assert_false(s.reason_up);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_minus_zero),
		cmocka_unit_test(test_a_word_for_every_hint),
		cmocka_unit_test(test_word_agrees_with_the_cue),
		cmocka_unit_test(test_breath_follows_the_phase),
		cmocka_unit_test(test_reason_stays_until_the_next_attempt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
