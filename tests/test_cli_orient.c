/* SPDX-License-Identifier: MIT */
/*
 * `backcoach orient` (contract §2b) and `backcoach angles`: one output row per
 * input sample (rejected samples too), the quaternion's meaning (sensor to an
 * earth frame with z up), exit statuses 0/2/3 and --help.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/math3d.h"
#include "support/protocol_trace.h"
#include "support/run_command.h"
#include "support/test_support.h"
#include "trace/trace_writer.h"

/* Helpers */

/*
 * A still sensor held in a fixed tilt, with a few saturated and one
 * non-finite-free but huge-rate sample in the middle that the filter rejects:
 * they must still produce output rows.
 */
static const char *static_trace(const char *name, bc_vec3 accel_g, bool with_mag, int rows)
{
	static char path[512];
	bc_test_tmp_path(name, path, sizeof(path));
	bc_trace_error err;
	bc_trace_meta meta[] = { { "rate_hz", "50" }, { "exercise", "posture" } };
	bc_trace_writer *w = bc_trace_writer_open(path, meta, 2, with_mag, &err);
	assert_non_null(w);
	for (int i = 0; i < rows; i++) {
		bc_sample s = { .t_s = 100 + i * 0.02,
				.accel_g = accel_g,
				.mag_ut = bc_vec3_make(10, 20, -30),
				.has_mag = with_mag };
		if (i == rows / 2)
			s.accel_g = bc_vec3_make(40, 0, 0); /* saturated: rejected */
		if (i == rows / 2 + 1)
			s.gyro_dps = bc_vec3_make(0, 5000, 0); /* saturated: rejected */
		assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
	}
	assert_int_equal(bc_trace_writer_close(w, &err), 0);
	return path;
}

/* Parses "t,qw,qx,qy,qz" rows; returns how many, checking each is a unit quaternion. */
static int check_orient_rows(const char *out, double first_t, double step_t, bc_vec3 accel_g)
{
	const char *line = strchr(out, '\n');
	assert_non_null(line);
	assert_memory_equal(out, "t,qw,qx,qy,qz\n", 14);
	int rows = 0;
	for (line++; *line; rows++) {
		double t, w, x, y, z;
		int used = 0;
		int got = sscanf(line, "%lf,%lf,%lf,%lf,%lf%n", &t, &w, &x, &y, &z, &used);
		assert_int_equal(got, 5);
		assert_int_equal(line[used], '\n');
		assert_float_near(t, first_t + rows * step_t, 1e-6);
		assert_float_near(w * w + x * x + y * y + z * z, 1.0, 1e-5);
		/* q rotates sensor vectors into earth (z up): the still accel reads up */
		bc_quat q = bc_quat_make((float)w, (float)x, (float)y, (float)z);
		bc_vec3 up = bc_quat_rotate(q, bc_vec3_normalize(accel_g));
		assert_float_near(bc_vec3_angle_deg(up, bc_vec3_make(0, 0, 1)), 0, 1.0);
		line += used + 1;
	}
	return rows;
}

/* orient */

static void test_orient_one_row_per_sample(void **state)
{
	const bc_vec3 accel_g = bc_vec3_normalize(bc_vec3_make(0.3f, -0.5f, 0.8f));
	const int n = 250;
	const char *path = static_trace("orient.csv", accel_g, false, n);
	bc_test_output o;
	bc_run_backcoach(&o, "orient", path);
	if (o.status != 0)
		print_error("%s\n", o.err);
	assert_int_equal(o.status, 0);
	assert_int_equal(o.err_len, 0);
	assert_int_equal(check_orient_rows(o.out, 100, 0.02, accel_g), n);
	bc_test_output_free(&o);
}

static void test_orient_mag(void **state)
{
	const bc_vec3 accel_g = bc_vec3_make(0, 0, 1);
	const int n = 120;
	bc_test_output o;
	const char *with = static_trace("orient-mag.csv.gz", accel_g, true, n);
	bc_run_backcoach(&o, "orient", "--mag", with);
	assert_int_equal(o.status, 0);
	assert_int_equal(check_orient_rows(o.out, 100, 0.02, accel_g), n);
	bc_test_output_free(&o);

	const char *without = static_trace("orient-nomag.csv", accel_g, false, n);
	bc_run_backcoach(&o, "orient", without, "--mag");
	bc_test_assert_usage_error(&o, "mx,my,mz");
	bc_test_output_free(&o);
}

static void test_orient_protocol_trace(void **state)
{
	char path[512];
	bc_test_tmp_path("orient-protocol.csv", path, sizeof(path));
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	long rows = bc_test_write_protocol_trace(path, &spec);
	bc_test_output o;
	bc_run_backcoach(&o, "orient", path);
	assert_int_equal(o.status, 0);
	assert_int_equal(bc_test_count_lines(o.out), rows + 1);
	bc_test_output_free(&o);
}

static void test_orient_errors(void **state)
{
	bc_test_output o;
	bc_run_backcoach(&o, "orient", "--help");
	assert_int_equal(o.status, 0);
	assert_non_null(strstr(o.out, "usage: backcoach orient"));
	assert_int_equal(o.err_len, 0);
	bc_test_output_free(&o);

	bc_run_backcoach(&o, "orient");
	bc_test_assert_usage_error(&o, NULL);
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "orient", "--exercise", "bridge", "x.csv");
	bc_test_assert_usage_error(&o, "--exercise");
	bc_test_output_free(&o);

	char path[512];
	bc_test_tmp_path("orient-bad.csv", path, sizeof(path));
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("# backcoach-trace v1\nt,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0,x\n", f);
	fclose(f);
	bc_run_backcoach(&o, "orient", path);
	assert_int_equal(o.status, 3);
	char expect[600];
	snprintf(expect, sizeof(expect), "%s:4: ", path);
	assert_non_null(strstr(o.err, expect));
	bc_test_output_free(&o);
}

/* angles */

static void test_angles_rows_and_columns(void **state)
{
	char path[512];
	bc_test_tmp_path("angles.csv", path, sizeof(path));
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	long rows = bc_test_write_protocol_trace(path, &spec);
	bc_test_output o;
	bc_run_backcoach(&o, "angles", path, "--exercise", "pelvic-tilt");
	if (o.status != 0)
		print_error("%s\n", o.err);
	assert_int_equal(o.status, 0);
	const char *header = "t,stage,still,sagittal_deg,frontal_deg,axial_deg,trunk_incline_deg\n";
	assert_memory_equal(o.out, header, strlen(header));
	assert_int_equal(bc_test_count_lines(o.out), rows + 1);

	/* every row: 7 fields, a known stage, still 0/1, numbers or nan */
	const char *line = strchr(o.out, '\n') + 1;
	long n = 0, done_rows = 0;
	double max_sagittal = -INFINITY, max_side = 0;
	for (; *line; n++) {
		double t, incline;
		char stage[16], sag[32], front[32], axial[32];
		int still, used = 0;
		int got = sscanf(line, "%lf,%15[^,],%d,%31[^,],%31[^,],%31[^,],%lf%n", &t, stage,
				 &still, sag, front, axial, &incline, &used);
		assert_int_equal(got, 7);
		assert_int_equal(line[used], '\n');
		assert_float_near(t, n / spec.rate_hz, 1e-6);
		assert_true(!strcmp(stage, "stand") || !strcmp(stage, "go-to-start") ||
			    !strcmp(stage, "done"));
		assert_true(still == 0 || still == 1);
		/* angles exist exactly when calibration is done */
		bool done = !strcmp(stage, "done");
		assert_int_equal(isnan(strtod(sag, NULL)), !done);
		assert_int_equal(isnan(strtod(front, NULL)), !done);
		assert_int_equal(isnan(strtod(axial, NULL)), !done);
		assert_true(isfinite(incline));
		if (done) {
			done_rows++;
			max_sagittal = fmax(max_sagittal, strtod(sag, NULL));
			max_side = fmax(max_side, fabs(strtod(front, NULL)));
			max_side = fmax(max_side, fabs(strtod(axial, NULL)));
		}
		line += used + 1;
	}
	assert_int_equal(n, rows);
	/*
	 * The trace follows the wearing protocol, so calibration finishes; its
	 * tilts are posterior (positive sagittal) and purely sagittal.
	 */
	assert_true(done_rows > rows / 2);
	assert_float_near(max_sagittal, spec.tilt_deg, 3.0);
	assert_true(max_side < 3.0);
	bc_test_output_free(&o);
}

static void test_angles_errors(void **state)
{
	char path[512];
	bc_test_tmp_path("angles-anon.csv", path, sizeof(path));
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	spec.exercise = NULL;
	bc_test_write_protocol_trace(path, &spec);
	bc_test_output o;
	bc_run_backcoach(&o, "angles", path);
	bc_test_assert_usage_error(&o, "--exercise");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "angles", path, "--exercise", "yoga");
	bc_test_assert_usage_error(&o, "yoga");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "angles", "--help");
	assert_int_equal(o.status, 0);
	assert_non_null(strstr(o.out, "usage: backcoach angles"));
	assert_non_null(strstr(o.out, "childs-pose"));
	bc_test_output_free(&o);
	char missing[512];
	bc_test_tmp_path("angles-missing.csv", missing, sizeof(missing));
	bc_run_backcoach(&o, "angles", missing, "--exercise", "bridge");
	assert_int_equal(o.status, 3);
	assert_non_null(strstr(o.err, missing));
	bc_test_output_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orient_one_row_per_sample),
		cmocka_unit_test(test_orient_mag),
		cmocka_unit_test(test_orient_protocol_trace),
		cmocka_unit_test(test_orient_errors),
		cmocka_unit_test(test_angles_rows_and_columns),
		cmocka_unit_test(test_angles_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
