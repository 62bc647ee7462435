/* SPDX-License-Identifier: MIT */
/* Button debouncing and buzzer cue timing (the logic under the GPIO glue). */
#include "platform/cue_pattern.h"
#include "platform/debounce.h"
#include "support/test_support.h"

#define MS 1000000ull

/* Contact bounce for 8 ms, then held: one press, 30 ms after the bouncing stops. */
static void test_bounce_gives_one_press(void **state)
{
	(void)state;
	bc_debouncer d;
	bc_debouncer_init(&d, 0, 0);
	int presses = 0, releases = 0;
	uint64_t pressed_at = 0;
	for (uint64_t t = 1; t <= 200; t++) {
		int raw = t < 10    ? 0
			  : t < 18  ? (int)(t % 2)
			  : t < 120 ? 1
				    : (t < 124 ? (int)(t % 2) : 0);
		int ev = bc_debouncer_update(&d, raw, t * MS, 30 * MS);
		if (ev == 1) {
			presses++;
			pressed_at = t;
		}
		releases += ev == -1;
	}
	assert_int_equal(presses, 1);
	assert_int_equal(releases, 1);
	assert_true(pressed_at >= 17 + 30 && pressed_at <= 18 + 30); /* last bounce up at 17 ms */
}

/* Glitches shorter than the debounce time never count. */
static void test_short_glitch_ignored(void **state)
{
	(void)state;
	bc_debouncer d;
	bc_debouncer_init(&d, 0, 0);
	for (uint64_t t = 1; t < 1000; t++) {
		int raw = (t % 100) < 20; /* 20 ms high every 100 ms */
		assert_int_equal(bc_debouncer_update(&d, raw, t * MS, 30 * MS), 0);
	}
}

/* Held at power-on: no press until released and pressed again. */
static void test_held_at_start(void **state)
{
	(void)state;
	bc_debouncer d;
	bc_debouncer_init(&d, 1, 0);
	int ev = 0;
	for (uint64_t t = 1; t < 100; t++)
		ev |= bc_debouncer_update(&d, 1, t * MS, 30 * MS) == 1;
	assert_false(ev);
}

static void test_cue_patterns(void **state)
{
	(void)state;
	assert_int_equal(bc_cue_level(BC_CUE_REP, 0), 1);
	assert_int_equal(bc_cue_level(BC_CUE_REP, 79 * MS), 1);
	assert_int_equal(bc_cue_level(BC_CUE_REP, 80 * MS), -1);
	/* rejected: two beeps with a gap */
	assert_int_equal(bc_cue_level(BC_CUE_REJECTED, 30 * MS), 1);
	assert_int_equal(bc_cue_level(BC_CUE_REJECTED, 100 * MS), 0);
	assert_int_equal(bc_cue_level(BC_CUE_REJECTED, 150 * MS), 1);
	assert_int_equal(bc_cue_level(BC_CUE_REJECTED, 300 * MS), -1);
	/* alert: three beeps, finite */
	int edges = 0, prev = 0;
	for (uint64_t t = 0; t < 2000; t++) {
		int l = bc_cue_level(BC_CUE_ALERT, t * MS);
		if (l < 0)
			break;
		edges += l == 1 && prev == 0;
		prev = l;
	}
	assert_int_equal(edges, 3);
	assert_int_equal(bc_cue_level(BC_CUE_NONE, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounce_gives_one_press),
		cmocka_unit_test(test_short_glitch_ignored),
		cmocka_unit_test(test_held_at_start),
		cmocka_unit_test(test_cue_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
