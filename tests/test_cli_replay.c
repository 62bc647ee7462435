/* SPDX-License-Identifier: MIT */
/*
 * `backcoach replay` as outside tools see it (contract §2): exit status
 * 0/2/3, exactly one JSON object whose counts agree with its events, the
 * exercise from --exercise or the trace, --hold, --help, and no partial
 * output on a malformed trace.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coach/exercise_table.h"
#include "support/mini_json.h"
#include "support/protocol_trace.h"
#include "support/run_command.h"
#include "support/test_support.h"
#include "vocab/exercise.h"

/* Helpers */

static const char *protocol_trace(const char *name, const bc_test_trace_spec *spec)
{
	static char paths[8][512];
	static int next;
	char *path = paths[next++ % 8];
	bc_test_tmp_path(name, path, 512);
	assert_true(bc_test_write_protocol_trace(path, spec) > 0);
	return path;
}

static const char *default_trace(void)
{
	static char path[512];
	if (!path[0]) {
		bc_test_trace_spec spec = bc_test_trace_spec_default();
		snprintf(path, sizeof(path), "%s", protocol_trace("replay.csv", &spec));
	}
	return path;
}

static const char *write_text(const char *name, const char *text)
{
	static char path[512];
	bc_test_tmp_path(name, path, sizeof(path));
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/*
 * Contract §2, one-sided exercises: every outcome names its side and
 * "sides" counts the reps per side (their sum is reps); other exercises
 * have neither.
 */
static void check_sides(const bc_test_json_value *v, const char *exercise)
{
	const bc_exercise_row *row = bc_exercise_row_of(bc_exercise_from_name(exercise));
	const bc_test_json_value *events = bc_test_json_need(v, "events", BC_TEST_JSON_ARRAY);
	bc_test_json_need(v, "sensor_glitches", BC_TEST_JSON_NUMBER);
	bc_test_json_need(v, "interrupted", BC_TEST_JSON_NUMBER);
	bool per_side = row->sides != BC_SIDES_NONE;
	int reps_on[2] = { 0, 0 };
	for (size_t i = 0; i < events->n; i++) {
		const bc_test_json_value *side = bc_test_json_get(events->items[i], "side");
		if (!per_side) {
			assert_null(side);
			continue;
		}
		side = bc_test_json_need(events->items[i], "side", BC_TEST_JSON_STRING);
		bool left = !strcmp(side->string, "left");
		assert_true(left || !strcmp(side->string, "right"));
		if (!strcmp(bc_test_json_need(events->items[i], "type", BC_TEST_JSON_STRING)
				    ->string,
			    "rep"))
			reps_on[left ? 0 : 1]++;
	}
	const bc_test_json_value *sides = bc_test_json_get(v, "sides");
	if (!per_side) {
		assert_null(sides);
		return;
	}
	assert_non_null(sides);
	assert_true(bc_test_json_number(sides, "left") == reps_on[0]);
	assert_true(bc_test_json_number(sides, "right") == reps_on[1]);
	assert_true(reps_on[0] + reps_on[1] == bc_test_json_number(v, "reps"));
}

/* A usage error: exit 2, nothing on stdout, exactly one line on stderr. */

/*
 * Parses stdout as one JSON object and checks the contract's shape: exercise,
 * reps and rejected that equal the number of events of each type, and events
 * with the keys their type needs. Returns the parsed object (caller frees).
 */
static bc_test_json_value *parse_replay_json(const bc_test_output *o, const char *exercise)
{
	char error[200];
	if (o->status != 0)
		print_error("status %d, stderr: %s\n", o->status, o->err);
	assert_int_equal(o->status, 0);
	/* exactly one object: one line, no trailing text */
	assert_int_equal(bc_test_count_lines(o->out), 1);
	bc_test_json_value *v = bc_test_json_parse(o->out, error, sizeof(error));
	if (!v)
		print_error("not JSON (%s): %s\n", error, o->out);
	assert_non_null(v);
	assert_int_equal(v->type, BC_TEST_JSON_OBJECT);

	assert_string_equal(bc_test_json_need(v, "exercise", BC_TEST_JSON_STRING)->string,
			    exercise);

	const bc_test_json_value *reps = bc_test_json_need(v, "reps", BC_TEST_JSON_NUMBER);
	const bc_test_json_value *rejected = bc_test_json_need(v, "rejected", BC_TEST_JSON_NUMBER);
	const bc_test_json_value *events = bc_test_json_need(v, "events", BC_TEST_JSON_ARRAY);

	int n_rep = 0, n_rejected = 0;
	double prev_t = -INFINITY;
	for (size_t i = 0; i < events->n; i++) {
		const bc_test_json_value *e = events->items[i];
		const bc_test_json_value *t = bc_test_json_need(e, "t", BC_TEST_JSON_NUMBER);
		const bc_test_json_value *type = bc_test_json_need(e, "type", BC_TEST_JSON_STRING);
		assert_true(t->number >= prev_t);
		prev_t = t->number;
		if (!strcmp(type->string, "sensor_glitch")) { /* the sensor's, not an attempt */
			bc_test_json_need(e, "kind", BC_TEST_JSON_STRING);
			continue;
		}
		if (!strcmp(type->string, "interrupted")) {
			assert_string_equal(
				bc_test_json_need(e, "reason", BC_TEST_JSON_STRING)->string,
				"sensor fault");
			continue;
		}
		bc_test_json_need(e, "hold_s", BC_TEST_JSON_NUMBER);
		bc_test_json_need(e, "peak_deg", BC_TEST_JSON_NUMBER);
		if (!strcmp(type->string, "rep")) {
			n_rep++;
		} else {
			assert_string_equal(type->string, "rejected");
			const bc_test_json_value *reason = bc_test_json_need(e, "reason",
									     BC_TEST_JSON_STRING);
			assert_true(strlen(reason->string) > 0);
			n_rejected++;
		}
	}
	assert_true(reps->number == n_rep);
	assert_true(rejected->number == n_rejected);
	check_sides(v, exercise);
	/* Contract §2: calibrated_at_s always; when null, "calibration" says what was missing. */
	const bc_test_json_value *at = bc_test_json_get(v, "calibrated_at_s");
	assert_non_null(at);
	if (at->type == BC_TEST_JSON_NULL)
		assert_true(
			strlen(bc_test_json_need(v, "calibration", BC_TEST_JSON_STRING)->string) >
			0);
	else
		assert_int_equal(at->type, BC_TEST_JSON_NUMBER);
	return v;
}

/* Tests: success */

static void test_json_shape(void **state)
{
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--exercise", "bridge", "--json", default_trace());
	bc_test_json_value *v = parse_replay_json(&o, "bridge");
	/* extra keys describe the trace: check them against what was written */
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	long rows = bc_test_write_protocol_trace(default_trace(), &spec);
	assert_true(bc_test_json_number(v, "samples") == rows);
	assert_float_near(bc_test_json_number(v, "duration_s"), (rows - 1) / spec.rate_hz, 1e-3);
	assert_float_near(bc_test_json_number(v, "rate_hz"), spec.rate_hz, 0.01);
	/* stand 4 s, lie down 2 s, still 3 s: calibration ends in the still spell */
	double calibrated_at_s = bc_test_json_number(v, "calibrated_at_s");
	assert_true(calibrated_at_s >= 6.0 && calibrated_at_s <= 9.0);
	assert_true(o.err_len == 0);
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

/* Replays a committed trace as exercise: no reps, no calibration, missing says why. */
static void expect_uncalibrated(const char *trace, const char *exercise, const char *missing)
{
	char path[512];
	bc_test_path(trace, path, sizeof(path));
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--json", "--exercise", exercise, path);
	bc_test_json_value *v = parse_replay_json(&o, exercise);
	assert_true(bc_test_json_number(v, "reps") == 0);
	assert_int_equal(bc_test_json_get(v, "calibrated_at_s")->type, BC_TEST_JSON_NULL);
	assert_string_equal(bc_test_json_need(v, "calibration", BC_TEST_JSON_STRING)->string,
			    missing);
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

/*
 * A session never calibrated says what was missing: someone who sat down on
 * a chair never reached the bridge's start (lying on the back).
 */
static void test_json_says_what_calibration_missed(void **state)
{
	expect_uncalibrated("traces/posture-correct.csv.gz", "bridge",
			    "start position not reached");
}

/*
 * Lying on the back is not the start of cat-cow: a recorded supine session
 * (sat down, then lay back) replayed as cat-cow says so and counts nothing.
 */
static void test_lying_on_the_back_is_not_cat_cow(void **state)
{
	expect_uncalibrated("traces/bridge-correct.csv.gz", "cat-cow",
			    "lying on the back, not on hands and knees");
}

static void test_options_in_any_order_and_equals_form(void **state)
{
	bc_test_output o;
	bc_run_backcoach(&o, "replay", default_trace(), "--json", "--exercise=pelvic-tilt");
	bc_test_json_free(parse_replay_json(&o, "pelvic-tilt"));
	bc_test_output_free(&o);
}

static void test_exercise_from_metadata_and_override(void **state)
{
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	spec.exercise = "knee-to-chest";
	const char *path = protocol_trace("meta-exercise.csv.gz", &spec);
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--json", path);
	bc_test_json_free(parse_replay_json(&o, "knee-to-chest"));
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--json", "--exercise", "cat-cow", path);
	bc_test_json_free(parse_replay_json(&o, "cat-cow"));
	bc_test_output_free(&o);
}

static void test_every_exercise_runs(void **state)
{
	for (int i = 0; i < BC_EXERCISE_COUNT; i++) {
		const char *name = bc_exercise_info_get(i)->name;
		bc_test_output o;
		bc_run_backcoach(&o, "replay", "--json", "--exercise", name, default_trace());
		bc_test_json_free(parse_replay_json(&o, name));
		bc_test_output_free(&o);
	}
}

/* Knee to chest is done one leg at a time: left first, then alternating. */
static void test_knee_to_chest_counts_per_leg(void **state)
{
	char path[512];
	bc_test_path("traces/knee-to-chest-correct.csv.gz", path, sizeof(path));
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--json", path);
	bc_test_json_value *v = parse_replay_json(&o, "knee-to-chest");
	const bc_test_json_value *events = bc_test_json_need(v, "events", BC_TEST_JSON_ARRAY);
	assert_true(events->n >= 2);
	assert_string_equal(
		bc_test_json_need(events->items[0], "side", BC_TEST_JSON_STRING)->string, "left");
	const bc_test_json_value *sides = bc_test_json_need(v, "sides", BC_TEST_JSON_OBJECT);
	assert_true(fabs(bc_test_json_number(sides, "left") -
			 bc_test_json_number(sides, "right")) <= 1);
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

static void test_hold_target(void **state)
{
	bc_test_output o;
	/* default: the exercise's own target; an option overrides it */
	bc_run_backcoach(&o, "replay", "--json", "--exercise", "bridge", "--hold", "4.5",
			 default_trace());
	bc_test_json_value *v = parse_replay_json(&o, "bridge");
	assert_float_near(bc_test_json_number(v, "hold_target_s"), 4.5, 1e-6);
	bc_test_json_free(v);
	bc_test_output_free(&o);

	/* the trace's recorded target is used when no option is given */
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	spec.hold_s = "7.25";
	const char *path = protocol_trace("hold-meta.csv", &spec);
	bc_run_backcoach(&o, "replay", "--json", path);
	v = parse_replay_json(&o, "bridge");
	assert_float_near(bc_test_json_number(v, "hold_target_s"), 7.25, 1e-6);
	bc_test_json_free(v);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--json", "--hold", "3", path);
	v = parse_replay_json(&o, "bridge");
	assert_float_near(bc_test_json_number(v, "hold_target_s"), 3, 1e-6);
	bc_test_json_free(v);
	bc_test_output_free(&o);

	/* a bad recorded target is a bad trace */
	spec.hold_s = "soon";
	path = protocol_trace("hold-meta-bad.csv", &spec);
	bc_run_backcoach(&o, "replay", "--json", path);
	assert_int_equal(o.status, 3);
	assert_int_equal(o.out_len, 0);
	assert_non_null(strstr(o.err, path));
	bc_test_output_free(&o);
}

static void test_summary_agrees_with_json(void **state)
{
	bc_test_output o, j;
	bc_run_backcoach(&j, "replay", "--json", "--exercise", "bridge", default_trace());
	bc_test_json_value *v = parse_replay_json(&j, "bridge");
	bc_run_backcoach(&o, "replay", "--exercise", "bridge", default_trace());
	assert_int_equal(o.status, 0);
	char expect[64];
	snprintf(expect, sizeof(expect), "bridge: %d reps, %d rejected",
		 (int)bc_test_json_number(v, "reps"), (int)bc_test_json_number(v, "rejected"));
	assert_non_null(strstr(o.out, expect));
	assert_non_null(strstr(o.out, default_trace()));
	bc_test_json_free(v);
	bc_test_output_free(&j);
	bc_test_output_free(&o);
}

static void test_help_lists_every_exercise(void **state)
{
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--help");
	assert_int_equal(o.status, 0);
	assert_int_equal(o.err_len, 0);
	assert_non_null(strstr(o.out, "usage: backcoach replay"));
	for (int i = 0; i < BC_EXERCISE_COUNT; i++)
		assert_non_null(strstr(o.out, bc_exercise_info_get(i)->name));
	bc_test_output_free(&o);
}

/* Tests: usage errors (exit 2) */

static void test_usage_errors(void **state)
{
	const char *trace = default_trace();
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	spec.exercise = NULL;
	const char *anonymous = protocol_trace("no-exercise.csv", &spec);
	bc_test_output o;

	bc_run_backcoach(&o, "replay", "--json", anonymous);
	bc_test_assert_usage_error(&o, "--exercise");
	bc_test_output_free(&o);

	bc_run_backcoach(&o, "replay", "--json", "--exercise", "handstand", trace);
	bc_test_assert_usage_error(&o, "handstand");
	for (int i = 0; i < BC_EXERCISE_COUNT; i++)
		assert_non_null(strstr(o.err, bc_exercise_info_get(i)->name));
	bc_test_output_free(&o);

	static const char *const bad_holds[] = { "0", "-2", "abc", "nan", "inf", "1e9", "3s", "" };
	for (size_t i = 0; i < sizeof(bad_holds) / sizeof(bad_holds[0]); i++) {
		bc_run_backcoach(&o, "replay", "--json", "--exercise", "bridge", "--hold",
				 bad_holds[i]);
		/* the trace argument is missing on purpose in this call: still 2 */
		bc_test_assert_usage_error(&o, NULL);
		bc_test_output_free(&o);
		const char *argv[] = { bc_test_backcoach(), "replay", "--json",
				       "--exercise",	    "bridge", "--hold",
				       bad_holds[i],	    trace,    NULL };
		bc_test_run(argv, &o);
		bc_test_assert_usage_error(&o, "--hold");
		bc_test_output_free(&o);
	}

	bc_run_backcoach(&o, "replay", "--exercise", "bridge", "--frobnicate", trace);
	bc_test_assert_usage_error(&o, "--frobnicate");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--exercise", "bridge", trace, trace);
	bc_test_assert_usage_error(&o, "unexpected argument");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--exercise", "bridge");
	bc_test_assert_usage_error(&o, NULL);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--exercise");
	bc_test_assert_usage_error(&o, "needs a value");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--json=yes", "--exercise", "bridge", trace);
	bc_test_assert_usage_error(&o, "takes no value");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "replay", "--json", "--json", "--exercise", "bridge", trace);
	bc_test_assert_usage_error(&o, "twice");
	bc_test_output_free(&o);
}

/* Tests: bad traces (exit 3, message names file and line, nothing on stdout) */

static void test_malformed_trace(void **state)
{
	/* a good protocol trace with one bad row far into it */
	char good_path[512];
	bc_test_tmp_path("good-for-bad.csv", good_path, sizeof(good_path));
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	long rows = bc_test_write_protocol_trace(good_path, &spec);
	assert_true(rows > 500);
	FILE *in = fopen(good_path, "r");
	assert_non_null(in);
	char bad_path[512];
	bc_test_tmp_path("bad-row.csv", bad_path, sizeof(bad_path));
	FILE *out = fopen(bad_path, "w");
	assert_non_null(out);
	char line[512];
	long n = 0, bad_line = 0;
	while (fgets(line, sizeof(line), in)) {
		n++;
		if (n == 900) {
			fputs("9999.0,0,0,1,0,0\n", out); /* too few fields */
			bad_line = n;
		}
		fputs(line, out);
	}
	fclose(in);
	fclose(out);

	char expect[600];
	snprintf(expect, sizeof(expect), "%s:%ld: ", bad_path, bad_line);
	for (int json = 0; json <= 1; json++) {
		bc_test_output o;
		bc_run_backcoach(&o, "replay", "--exercise", "bridge", json ? "--json" : bad_path,
				 json ? bad_path : NULL);
		assert_int_equal(o.status, 3);
		assert_int_equal(o.out_len, 0);
		if (!strstr(o.err, expect))
			print_error("stderr '%s' lacks '%s'\n", o.err, expect);
		assert_non_null(strstr(o.err, expect));
		bc_test_output_free(&o);
	}
}

static void test_bad_trace_files(void **state)
{
	const char *cases[][3] = {
		{ "sig.csv", "t,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n", ":1: " },
		{ "t.csv",
		  "# backcoach-trace v1\nt,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n0,0,0,1,0,0,0\n",
		  ":4: " },
		{ "nan.csv", "# backcoach-trace v1\nt,ax,ay,az,gx,gy,gz\n0,0,0,1,nan,0,0\n",
		  ":3: " },
		{ "cols.csv", "# backcoach-trace v1\nt,ax,ay,az,gx,gy\n0,0,0,1,0,0\n", ":2: " },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *path = write_text(cases[i][0], cases[i][1]);
		bc_test_output o;
		bc_run_backcoach(&o, "replay", "--json", "--exercise", "posture", path);
		assert_int_equal(o.status, 3);
		assert_int_equal(o.out_len, 0);
		char expect[600];
		snprintf(expect, sizeof(expect), "%s%s", path, cases[i][2]);
		if (!strstr(o.err, expect))
			print_error("stderr '%s' lacks '%s'\n", o.err, expect);
		assert_non_null(strstr(o.err, expect));
		bc_test_output_free(&o);
	}
	char missing[512];
	bc_test_tmp_path("missing.csv", missing, sizeof(missing));
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--json", "--exercise", "bridge", missing);
	assert_int_equal(o.status, 3);
	assert_int_equal(o.out_len, 0);
	assert_non_null(strstr(o.err, missing));
	bc_test_output_free(&o);
}

static void test_truncated_gzip_trace(void **state)
{
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	spec.tilts = 6;
	const char *path = protocol_trace("cut.csv.gz", &spec);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fclose(f);
	assert_int_equal(truncate(path, size * 2 / 3), 0);
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--json", path);
	assert_int_equal(o.status, 3);
	assert_int_equal(o.out_len, 0);
	assert_non_null(strstr(o.err, path));
	assert_non_null(strstr(o.err, "truncated"));
	bc_test_output_free(&o);
}

/* Every committed malformed fixture: exit 3, its path on stderr, nothing on stdout. */
static void check_malformed_fixture(const char *path, const char *name, void *ctx)
{
	(void)name;
	(void)ctx;
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--json", "--exercise", "bridge", path);
	if (o.status != 3 || o.out_len != 0 || !strstr(o.err, path))
		print_error("%s: status %d, stdout '%s', stderr '%s'\n", path, o.status, o.out,
			    o.err);
	assert_int_equal(o.status, 3);
	assert_int_equal(o.out_len, 0);
	assert_non_null(strstr(o.err, path));
	bc_test_output_free(&o);
}

static void test_malformed_fixtures(void **state)
{
	assert_true(bc_test_each_file("traces/malformed", ".csv", check_malformed_fixture, NULL) >=
		    9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_shape),
		cmocka_unit_test(test_json_says_what_calibration_missed),
		cmocka_unit_test(test_lying_on_the_back_is_not_cat_cow),
		cmocka_unit_test(test_options_in_any_order_and_equals_form),
		cmocka_unit_test(test_exercise_from_metadata_and_override),
		cmocka_unit_test(test_every_exercise_runs),
		cmocka_unit_test(test_knee_to_chest_counts_per_leg),
		cmocka_unit_test(test_hold_target),
		cmocka_unit_test(test_summary_agrees_with_json),
		cmocka_unit_test(test_help_lists_every_exercise),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_malformed_trace),
		cmocka_unit_test(test_bad_trace_files),
		cmocka_unit_test(test_truncated_gzip_trace),
		cmocka_unit_test(test_malformed_fixtures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
