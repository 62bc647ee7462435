/* SPDX-License-Identifier: MIT */
/* The settings file: defaults valid, values applied, every bad input a
 * clear error naming the key (and line), nothing half-applied. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach/exercise_table.h"
#include "coach/settings.h"
#include "support/test_support.h"

static void test_defaults_are_valid_and_round_trip(void **state)
{
	(void)state;
	bc_coach_settings s, back;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	assert_int_equal(bc_settings_validate(&s, &err), 0);

	static char text[16384];
	size_t need = bc_settings_format(&s, text, sizeof(text));
	assert_true(need < sizeof(text));
	assert_non_null(strstr(text, "bridge.hold_s = 2\n"));
	assert_non_null(strstr(text, "posture.alert_delay_s = 10\n"));

	/* Parse the written file onto different values: all come back. */
	memset(&back, 0, sizeof(back));
	bc_coach_settings_init(&back);
	back.target_reps = 3;
	back.detect.tilt[BC_EXERCISE_BRIDGE].level_max_deg = 20.0f;
	back.detect.tilt[BC_EXERCISE_KNEE_TO_CHEST].count_at_hold_done =
		!s.detect.tilt[BC_EXERCISE_KNEE_TO_CHEST].count_at_hold_done;
	assert_int_equal(bc_settings_parse(text, &back, &err), 0);
	assert_memory_equal(&back, &s, sizeof(s));
}

static void test_values_apply(void **state)
{
	(void)state;
	bc_coach_settings s;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	const char *text = "# my settings\r\n"
			   "\n"
			   "  bridge.hold_s = 5   # longer\r\n"
			   "posture.alert_delay_s=20\n"
			   "target_reps = 12\n"
			   "knee-to-chest.count_at_hold_done = no";
	assert_int_equal(bc_settings_parse(text, &s, &err), 0);
	assert_float_near(s.hold_s[BC_EXERCISE_BRIDGE], 5.0, 1e-6);
	assert_float_near(s.detect.posture.alert_delay_s, 20.0, 1e-6);
	assert_int_equal(s.target_reps, 12);
	assert_false(s.detect.tilt[BC_EXERCISE_KNEE_TO_CHEST].count_at_hold_done);
	assert_float_near(s.hold_s[BC_EXERCISE_PELVIC_TILT], 10.0, 1e-6); /* untouched */
}

/*
 * A tilt-and-hold row brings its keys and their checks: NAME.hold_s and
 * NAME.enter_deg land in its settings, thresholds out of order are refused,
 * and the optional level check has keys only where the row's defaults use it.
 */
static void test_tilt_rows_bring_their_keys(void **state)
{
	(void)state;
	bc_settings_error err;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		if (!bc_exercise_is_tilt_hold(ex))
			continue;
		const bc_exercise_row *r = bc_exercise_row_of(ex);
		bc_coach_settings s;
		bc_coach_settings_init(&s);
		char key[48];
		snprintf(key, sizeof(key), "%s.hold_s", r->info.name);
		assert_int_equal(bc_settings_set(&s, key, "7", &err), 0);
		assert_float_near(s.hold_s[ex], 7.0, 1e-6);
		char value[16];
		float enter_deg = r->detect.tilt.defaults.enter_deg + 1.0f;
		snprintf(key, sizeof(key), "%s.enter_deg", r->info.name);
		snprintf(value, sizeof(value), "%g", (double)enter_deg);
		if (bc_settings_set(&s, key, value, &err) != 0)
			fail_msg("%s = %s: %s", key, value, err.message);
		assert_float_near(s.detect.tilt[ex].enter_deg, enter_deg, 1e-6);
		snprintf(key, sizeof(key), "%s.rest_deg", r->info.name);
		assert_int_equal(bc_settings_set(&s, key, "30", &err), -1);
		assert_string_equal(err.key, key);
		snprintf(key, sizeof(key), "%s.level_max_deg", r->info.name);
		int want = r->detect.tilt.defaults.level_max_deg > 0.0f ? 0 : -1;
		assert_int_equal(bc_settings_set(&s, key, "5", &err), want);
	}
}

/* Each bad line: the error names the key and line, and nothing changes. */
static void test_bad_values_name_the_key(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int line;
		const char *key;
	} bad[] = {
		{ "bridge.hold_s = 5\nbridge.hold = 3\n", 2, "bridge.hold" },
		{ "posture.repeat_s = soon\n", 1, "posture.repeat_s" },
		{ "\n\ncat-cow.min_phase_s = -1\n", 3, "cat-cow.min_phase_s" },
		{ "target_reps = 2.5\n", 1, "target_reps" },
		{ "pelvic-tilt.hold_s = nan\n", 1, "pelvic-tilt.hold_s" },
		{ "bridge.count_at_hold_done = maybe\n", 1, "bridge.count_at_hold_done" },
		{ "wobble_max_s =\n", 1, "wobble_max_s" },
		{ "just words\n", 1, "" },
		/* thresholds in the wrong order: not tied to a line */
		{ "pelvic-tilt.exit_deg = 6\n", 0, "pelvic-tilt.exit_deg" },
		{ "posture.slouch_exit_deg = 12\n", 0, "posture.slouch_exit_deg" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		bc_coach_settings s, before;
		bc_settings_error err;
		bc_coach_settings_init(&s);
		before = s;
		assert_int_equal(bc_settings_parse(bad[i].text, &s, &err), -1);
		assert_int_equal(err.line, bad[i].line);
		assert_string_equal(err.key, bad[i].key);
		if (bad[i].key[0])
			assert_non_null(strstr(err.message, bad[i].key));
		assert_memory_equal(&s, &before, sizeof(s));
	}
}

static void test_load_file(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof(path), "%s/settings.conf", bc_test_tmpdir());
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("childs-pose.hold_s = 45\nchilds-pose.enter_deg = x\n", f);
	fclose(f);

	bc_coach_settings s;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	assert_int_equal(bc_settings_load(path, &s, &err), -1);
	assert_non_null(strstr(err.message, path));
	assert_non_null(strstr(err.message, ":2:"));
	assert_string_equal(err.key, "childs-pose.enter_deg");
	assert_float_near(s.hold_s[BC_EXERCISE_CHILDS_POSE], 30.0, 1e-6);

	f = fopen(path, "w");
	fputs("childs-pose.hold_s = 45\n", f);
	fclose(f);
	assert_int_equal(bc_settings_load(path, &s, &err), 0);
	assert_float_near(s.hold_s[BC_EXERCISE_CHILDS_POSE], 45.0, 1e-6);
	remove(path);

	errno = 0;
	assert_int_equal(bc_settings_load(path, &s, &err), -1);
	assert_int_equal(errno, ENOENT);
	assert_non_null(strstr(err.message, path));
}

static void test_set_one_key(void **state)
{
	(void)state;
	bc_coach_settings s;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	assert_int_equal(bc_settings_set(&s, "bridge.enter_deg", "18", &err), 0);
	assert_float_near(s.detect.tilt[BC_EXERCISE_BRIDGE].enter_deg, 18.0, 1e-6);
	assert_int_equal(bc_settings_set(&s, "bridge.enter_deg", "2", &err), -1);
	assert_float_near(s.detect.tilt[BC_EXERCISE_BRIDGE].enter_deg, 18.0, 1e-6);
}

/* The voice's keys: on/off, the espeak-ng voice, rate and volume; bad ones named. */
static void test_voice_keys(void **state)
{
	(void)state;
	bc_coach_settings s;
	bc_settings_error err;
	bc_coach_settings_init(&s);
	assert_true(s.voice.on);
	assert_string_equal(s.voice.name, "en");
	assert_int_equal(bc_settings_parse("voice.on = no\nvoice.name = en-us\n"
					   "voice.rate_wpm = 200\nvoice.volume_pct = 60\n",
					   &s, &err),
			 0);
	assert_false(s.voice.on);
	assert_string_equal(s.voice.name, "en-us");
	assert_int_equal(s.voice.rate_wpm, 200);
	assert_int_equal(s.voice.volume_pct, 60);

	static char text[16384];
	bc_settings_format(&s, text, sizeof(text));
	assert_non_null(strstr(text, "voice.on = no\n"));
	assert_non_null(strstr(text, "voice.name = en-us\n"));
	assert_non_null(strstr(text, "voice.rate_wpm = 200\n"));

	bc_coach_settings before = s;
	assert_int_equal(bc_settings_parse("voice.rate_wpm = 5\n", &s, &err), -1);
	assert_string_equal(err.key, "voice.rate_wpm");
	assert_int_equal(bc_settings_parse("\nvoice.name = en us\n", &s, &err), -1);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.key, "voice.name");
	assert_int_equal(
		bc_settings_parse("voice.name = an-extremely-long-name-for-a-voice\n", &s, &err),
		-1);
	assert_non_null(strstr(err.message, "too long"));
	assert_memory_equal(&s, &before, sizeof(s));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_are_valid_and_round_trip),
		cmocka_unit_test(test_values_apply),
		cmocka_unit_test(test_tilt_rows_bring_their_keys),
		cmocka_unit_test(test_bad_values_name_the_key),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_set_one_key),
		cmocka_unit_test(test_voice_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
