/* SPDX-License-Identifier: MIT */
/*
 * What a session of the coach app leaves behind, and its text view:
 *  - a live session's recording (session_recorder): every sample handed over
 *    ends up in a whole trace with its metadata, and no .part remains; a
 *    9-axis chip's field is kept, as `backcoach record` keeps it;
 *  - a .part left by a crash is recovered at the next start;
 *  - `backcoach run --history` stores the session: the history's today
 *    counts what `replay --json` counts for the trace;
 *  - `backcoach run --text` (the headless view) ends with replay's counts.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/session_recorder.h"
#include "drivers/imu_probe.h"
#include "record_session.h"
#include "support/mini_json.h"
#include "support/run_command.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

static void replay_counts(const char *trace, int *reps, int *rejected)
{
	bc_test_output o;
	const char *argv[] = { bc_test_backcoach(), "replay", "--json", trace, NULL };
	assert_int_equal(bc_test_run(argv, &o), 0);
	char err[256];
	bc_test_json_value *v = bc_test_json_parse(o.out, err, sizeof(err));
	assert_non_null(v);
	*reps = (int)bc_test_json_get(v, "reps")->number;
	*rejected = (int)bc_test_json_get(v, "rejected")->number;
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

static void test_recorder_writes_every_sample(void **state)
{
	(void)state;
	char dir[512], err[512];
	snprintf(dir, sizeof(dir), "%s/rec/sessions", bc_test_tmpdir());
	bc_session_recorder *r = bc_session_recorder_start(dir, BC_EXERCISE_BRIDGE, "mpu6050", 200,
							   false, err, sizeof(err));
	if (!r)
		fail_msg("%s", err);
	char path[1024];
	snprintf(path, sizeof(path), "%s", bc_session_recorder_path(r));
	assert_non_null(strstr(path, "bridge"));
	const int n = 1500;
	for (int i = 0; i < n; i++) {
		bc_sample s = { .t_s = 100.0 + i * 0.005,
				.accel_g = { 0, 0, 1 },
				.gyro_dps = { (float)i * 0.01f, 0, 0 } };
		bc_session_recorder_push(r, &s);
	}
	assert_int_equal(bc_session_recorder_finish(r, err, sizeof(err)), 0);

	char part[1100];
	snprintf(part, sizeof(part), "%s.part", path);
	assert_int_not_equal(access(part, F_OK), 0);
	bc_trace_error terr;
	bc_trace_reader *tr = bc_trace_reader_open(path, &terr);
	if (!tr)
		fail_msg("%s", terr.message);
	assert_string_equal(bc_trace_reader_meta(tr, "exercise"), "bridge");
	assert_string_equal(bc_trace_reader_meta(tr, "sensor"), "mpu6050");
	assert_string_equal(bc_trace_reader_meta(tr, "rate_hz"), "200");
	bc_sample s;
	int rows = 0;
	double last_gx = -1;
	while (bc_trace_reader_next(tr, &s, &terr) == 1) {
		last_gx = s.gyro_dps.x;
		rows++;
	}
	assert_int_equal(rows, n);
	assert_float_near(last_gx, (n - 1) * 0.01, 1e-3);
	assert_false(bc_trace_reader_has_mag(tr));
	bc_trace_reader_free(tr);
}

/*
 * A live 9-axis chip (as `backcoach run` finds it): the same decision as
 * `backcoach record`, and the session's trace keeps mx,my,mz.
 */
static void test_recorder_keeps_a_9_axis_chips_field(void **state)
{
	(void)state;
	bc_imu mpu9250 = { .variant = bc_imu_variant_by_trace_name("mpu9250") };
	bc_imu mpu6050 = { .variant = bc_imu_variant_by_trace_name("mpu6050") };
	assert_non_null(mpu9250.variant);
	assert_non_null(mpu6050.variant);
	assert_true(bc_record_chip_has_mag(&mpu9250));
	assert_false(bc_record_chip_has_mag(&mpu6050));
	assert_false(bc_record_chip_has_mag(NULL));

	char dir[512], err[512];
	snprintf(dir, sizeof(dir), "%s/rec9/sessions", bc_test_tmpdir());
	bc_session_recorder *r = bc_session_recorder_start(dir, BC_EXERCISE_CAT_COW, "mpu9250", 100,
							   bc_record_chip_has_mag(&mpu9250), err,
							   sizeof(err));
	if (!r)
		fail_msg("%s", err);
	char path[1024];
	snprintf(path, sizeof(path), "%s", bc_session_recorder_path(r));
	const int n = 300;
	for (int i = 0; i < n; i++) {
		bc_sample s = { .t_s = 5.0 + i * 0.01,
				.accel_g = { 0, 0, 1 },
				.mag_ut = { 20.0f + (float)i * 0.1f, -3.0f, 40.0f },
				.has_mag = true };
		bc_session_recorder_push(r, &s);
	}
	assert_int_equal(bc_session_recorder_finish(r, err, sizeof(err)), 0);

	bc_trace_error terr;
	bc_trace_reader *tr = bc_trace_reader_open(path, &terr);
	if (!tr)
		fail_msg("%s", terr.message);
	assert_true(bc_trace_reader_has_mag(tr));
	assert_string_equal(bc_trace_reader_meta(tr, "sensor"), "mpu9250");
	bc_sample s;
	int rows = 0;
	double last_mx = 0;
	while (bc_trace_reader_next(tr, &s, &terr) == 1) {
		assert_true(s.has_mag);
		last_mx = s.mag_ut.x;
		rows++;
	}
	assert_int_equal(rows, n);
	assert_float_near(last_mx, 20.0 + (n - 1) * 0.1, 1e-3);
	bc_trace_reader_free(tr);
}

static int reports;
static void count_report(const char *msg)
{
	(void)msg;
	reports++;
}

static void test_recorder_recovers_a_crashed_session(void **state)
{
	(void)state;
	char dir[512], part[700];
	snprintf(dir, sizeof(dir), "%s/crash", bc_test_tmpdir());
	char cmd[800];
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(part, sizeof(part), "%s/backcoach-20250719-130449-bridge.csv.part", dir);
	FILE *f = fopen(part, "w");
	assert_non_null(f);
	fprintf(f, "# backcoach-trace v1\n# rate_hz: 100\nt,ax,ay,az,gx,gy,gz\n"
		   "0.00,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n0.02,0,0,1"); /* cut mid-row */
	fclose(f);
	/* a browser's download in the same folder is none of ours */
	char movie[700];
	snprintf(movie, sizeof(movie), "%s/movie.mkv.part", dir);
	f = fopen(movie, "w");
	assert_non_null(f);
	fputs("half a movie", f);
	fclose(f);
	reports = 0;
	assert_int_equal(bc_session_recorder_recover(dir, count_report), 1);
	assert_int_equal(reports, 1);
	assert_int_equal(access(movie, R_OK), 0);
	assert_int_not_equal(access(part, F_OK), 0);
	char whole[700];
	snprintf(whole, sizeof(whole), "%s/backcoach-20250719-130449-bridge.csv", dir);
	assert_int_equal(access(whole, R_OK), 0);
}

static void test_run_saves_history_that_matches_replay(void **state)
{
	(void)state;
	char trace[512], home[600], png[700];
	bc_test_path("../host/data/demo-bridge.csv.gz", trace, sizeof(trace));
	snprintf(home, sizeof(home), "%s/home", bc_test_tmpdir());
	snprintf(png, sizeof(png), "%s/h.png", bc_test_tmpdir());
	setenv("BACKCOACH_HOME", home, 1);
	int reps, rejected;
	replay_counts(trace, &reps, &rejected);

	bc_test_output o;
	const char *run[] = {
		bc_test_backcoach(), "run",	     "--trace", trace,	     "--speed", "1000",
		"--offscreen",	     "--screenshot", png,	"--history", NULL
	};
	if (bc_test_run(run, &o) != 0)
		fail_msg("run: %s", o.err);
	bc_test_output_free(&o);
	const char *hist[] = { bc_test_backcoach(), "history", "--json", NULL };
	assert_int_equal(bc_test_run(hist, &o), 0);
	char err[256];
	bc_test_json_value *v = bc_test_json_parse(o.out, err, sizeof(err));
	if (!v)
		fail_msg("history --json: %s", err);
	const bc_test_json_value *today = bc_test_json_get(v, "today");
	assert_non_null(today);
	assert_int_equal((int)bc_test_json_get(today, "sessions")->number, 1);
	assert_int_equal((int)bc_test_json_get(today, "reps")->number, reps);
	assert_int_equal((int)bc_test_json_get(today, "rejected")->number, rejected);
	bc_test_json_free(v);
	bc_test_output_free(&o);

	/* Without --history a replay (the demo) leaves the history alone. */
	const char *again[] = {
		bc_test_backcoach(), "run",	     "--trace", trace, "--speed", "1000",
		"--offscreen",	     "--screenshot", png,	NULL
	};
	assert_int_equal(bc_test_run(again, &o), 0);
	bc_test_output_free(&o);
	assert_int_equal(bc_test_run(hist, &o), 0);
	v = bc_test_json_parse(o.out, err, sizeof(err));
	assert_non_null(v);
	assert_int_equal((int)bc_test_json_get(bc_test_json_get(v, "today"), "sessions")->number,
			 1);
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

static void test_text_view_ends_with_replay_counts(void **state)
{
	(void)state;
	char trace[512], want[96];
	bc_test_path("traces/cat-cow-mixed.csv.gz", trace, sizeof(trace));
	int reps, rejected;
	replay_counts(trace, &reps, &rejected);
	bc_test_output o;
	const char *argv[] = { bc_test_backcoach(), "run",  "--text", "--trace", trace,
			       "--speed",	    "1000", NULL };
	assert_int_equal(bc_test_run(argv, &o), 0);
	snprintf(want, sizeof(want), "session over: %d reps, %d not counted", reps, rejected);
	if (!strstr(o.out, want))
		fail_msg("text view does not end with '%s':\n%s", want, o.out);
	assert_non_null(strstr(o.out, "calibration: calibrated"));
	bc_test_output_free(&o);

	/* A malformed trace: exit status 3 and the file named. */
	char bad[600];
	snprintf(bad, sizeof(bad), "%s/bad.csv", bc_test_tmpdir());
	FILE *f = fopen(bad, "w");
	assert_non_null(f);
	fprintf(f, "not a trace\n");
	fclose(f);
	const char *badv[] = { bc_test_backcoach(), "run", "--text", "--trace", bad, NULL };
	assert_int_equal(bc_test_run(badv, &o), 3);
	assert_non_null(strstr(o.err, "bad.csv"));
	bc_test_output_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorder_writes_every_sample),
		cmocka_unit_test(test_recorder_keeps_a_9_axis_chips_field),
		cmocka_unit_test(test_recorder_recovers_a_crashed_session),
		cmocka_unit_test(test_run_saves_history_that_matches_replay),
		cmocka_unit_test(test_text_view_ends_with_replay_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
