/* SPDX-License-Identifier: MIT */
/*
 * Trace v1 reader: the happy paths (plain, gzip, CRLF, any column order,
 * extra columns, metadata) and every malformed input the contract names,
 * each of which must be an error naming the file and the right line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "support/test_support.h"
#include "trace/trace_reader.h"

/* Helpers */

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void write_gz(const char *path, const char *text, size_t len)
{
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, text, (unsigned)len), (int)len);
	assert_int_equal(gzclose(gz), Z_OK);
}

static const char *write_text(const char *name, const char *text)
{
	static char path[512];
	bc_test_tmp_path(name, path, sizeof(path));
	write_file(path, text, strlen(text));
	return path;
}

/*
 * Reads the whole file; returns the number of rows read before the end or the
 * first error, and copies the error message (empty when none).
 */
static int read_all(const char *path, char *message, size_t size)
{
	bc_trace_error err = { { 0 } };
	message[0] = '\0';
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r) {
		snprintf(message, size, "%s", err.message);
		return -1;
	}
	bc_sample s;
	int rows = 0, got;
	while ((got = bc_trace_reader_next(r, &s, &err)) == 1)
		rows++;
	if (got < 0) {
		snprintf(message, size, "%s", err.message);
		/* errors are sticky: nothing after a bad row is ever returned */
		assert_int_equal(bc_trace_reader_next(r, &s, &err), -1);
	}
	bc_trace_reader_free(r);
	return rows;
}

/* The message starts with "path:line: " and mentions what. */
static void assert_error_at(const char *message, const char *path, long line, const char *what)
{
	char prefix[600];
	snprintf(prefix, sizeof(prefix), "%s:%ld: ", path, line);
	if (strncmp(message, prefix, strlen(prefix)) != 0 || !strstr(message, what)) {
		print_error("message '%s'\nexpected prefix '%s' and '%s'\n", message, prefix, what);
		fail();
	}
}

#define HEAD "# backcoach-trace v1\n# sensor: mpu6050\n# rate_hz: 100\n"
#define COLS "t,ax,ay,az,gx,gy,gz\n"
#define ROW0 "0.000000,0.0123,-0.9981,0.0412,0.12,-0.30,0.05\n"
#define ROW1 "0.010000,0.0100,-0.9900,0.0400,1.50,-2.25,3.00\n"

/* Happy paths */

static void check_basic(const char *path)
{
	bc_trace_error err = { { 0 } };
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		print_error("%s\n", err.message);
	assert_non_null(r);
	assert_string_equal(bc_trace_reader_path(r), path);
	assert_int_equal(bc_trace_reader_meta_count(r), 4);
	assert_string_equal(bc_trace_reader_meta_key(r, 0), "sensor");
	assert_string_equal(bc_trace_reader_meta_value(r, 0), "mpu6050");
	assert_string_equal(bc_trace_reader_meta_key(r, 2), "exercise");
	assert_string_equal(bc_trace_reader_meta_key(r, 3), "wearer_height_cm");
	assert_string_equal(bc_trace_reader_meta(r, "wearer_height_cm"), "181");
	assert_string_equal(bc_trace_reader_meta(r, "exercise"), "bridge");
	assert_null(bc_trace_reader_meta(r, "hold_s"));
	assert_null(bc_trace_reader_meta_key(r, 4));
	assert_false(bc_trace_reader_has_mag(r));

	bc_sample s;
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 1);
	assert_float_near(s.t_s, 0.0, 1e-12);
	assert_float_near(s.accel_g.x, 0.0123, 1e-7);
	assert_float_near(s.accel_g.y, -0.9981, 1e-7);
	assert_float_near(s.gyro_dps.y, -0.30, 1e-7);
	assert_false(s.has_mag);
	assert_int_equal(bc_trace_reader_line(r), 7);
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 1);
	assert_float_near(s.t_s, 0.01, 1e-12);
	assert_float_near(s.gyro_dps.x, 1.5, 1e-7);
	assert_float_near(s.gyro_dps.z, 3.0, 1e-7);
	assert_int_equal(bc_trace_reader_line(r), 8);
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 0);
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 0);
	bc_trace_reader_free(r);
}

#define BASIC HEAD "# exercise: bridge\n# wearer_height_cm: 181\n" COLS ROW0 ROW1

static void test_plain(void **state)
{
	check_basic(write_text("basic.csv", BASIC));
}

static void test_gzip_detected_by_content(void **state)
{
	char path[512];
	/* named .csv on purpose: the magic bytes decide, not the name */
	bc_test_tmp_path("gzipped.csv", path, sizeof(path));
	write_gz(path, BASIC, strlen(BASIC));
	check_basic(path);
	bc_test_tmp_path("gzipped.csv.gz", path, sizeof(path));
	write_gz(path, BASIC, strlen(BASIC));
	check_basic(path);
}

static void test_crlf(void **state)
{
	const char *text = "# backcoach-trace v1\r\n# sensor: mpu6050\r\n# rate_hz: 100\r\n"
			   "# exercise: bridge\r\n# wearer_height_cm: 181\r\n"
			   "t,ax,ay,az,gx,gy,gz\r\n"
			   "0.000000,0.0123,-0.9981,0.0412,0.12,-0.30,0.05\r\n"
			   "0.010000,0.0100,-0.9900,0.0400,1.50,-2.25,3.00\r\n";
	check_basic(write_text("crlf.csv", text));
}

static void test_last_line_without_newline(void **state)
{
	char message[600];
	const char *path = write_text("nonl.csv", HEAD COLS ROW0 "0.02,0,0,1,0,0,0");
	assert_int_equal(read_all(path, message, sizeof(message)), 2);
	assert_string_equal(message, "");
}

static void test_header_only_is_an_empty_session(void **state)
{
	char message[600];
	const char *path = write_text("noroows.csv", HEAD COLS);
	assert_int_equal(read_all(path, message, sizeof(message)), 0);
	assert_string_equal(message, "");
}

static void test_columns_by_name_extra_and_mag(void **state)
{
	const char *path = write_text("order.csv", "# backcoach-trace v1\n"
						   "# note:   padded value   \n"
						   "# empty:\n"
						   "gz, mz ,quality,ax,my,t,gy,ay,mx,az,gx\n"
						   "3,-40.5,nan,0.5,20.25,10.0,2,-0.5,1.5,0.25,1\n"
						   "6,-41.5,,0.75,21.25,10.5,5,-0.25,2.5,1e-1,4\n"
						   "9,-42.5,0x10,1,22.25,11.0,8,0,3.5,-1E+0,7\n");
	bc_trace_error err = { { 0 } };
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	assert_non_null(r);
	assert_string_equal(bc_trace_reader_meta(r, "note"), "padded value");
	assert_string_equal(bc_trace_reader_meta(r, "empty"), "");
	assert_true(bc_trace_reader_has_mag(r));
	assert_int_equal(bc_trace_reader_column_count(r), 11);
	int quality = bc_trace_reader_column(r, "quality");
	assert_int_equal(quality, 2);
	assert_int_equal(bc_trace_reader_column(r, "mz"), 1);
	assert_string_equal(bc_trace_reader_column_name(r, 1), "mz");
	assert_null(bc_trace_reader_column_name(r, 11));
	assert_int_equal(bc_trace_reader_column(r, "qw"), -1);

	bc_sample s;
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 1);
	assert_float_near(s.t_s, 10.0, 1e-12);
	assert_float_near(s.accel_g.x, 0.5, 1e-7);
	assert_float_near(s.accel_g.y, -0.5, 1e-7);
	assert_float_near(s.accel_g.z, 0.25, 1e-7);
	assert_float_near(s.gyro_dps.x, 1, 1e-7);
	assert_float_near(s.gyro_dps.y, 2, 1e-7);
	assert_float_near(s.gyro_dps.z, 3, 1e-7);
	assert_true(s.has_mag);
	assert_float_near(s.mag_ut.x, 1.5, 1e-6);
	assert_float_near(s.mag_ut.y, 20.25, 1e-6);
	assert_float_near(s.mag_ut.z, -40.5, 1e-6);
	assert_true(isnan(bc_trace_reader_value(r, quality)));
	assert_float_near(bc_trace_reader_value(r, bc_trace_reader_column(r, "t")), 10.0, 0);

	assert_int_equal(bc_trace_reader_next(r, &s, &err), 1);
	assert_float_near(s.accel_g.z, 0.1, 1e-7);
	assert_true(isnan(bc_trace_reader_value(r, quality))); /* empty extra field */
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 1);
	assert_float_near(s.accel_g.z, -1.0, 1e-7);
	assert_float_near(bc_trace_reader_value(r, quality), 16.0, 0);
	assert_true(isnan(bc_trace_reader_value(r, 99)));
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 0);
	bc_trace_reader_free(r);
}

/* A metadata line right at the length limit passes; one byte more fails. */
/*
 * The largest numbers a float holds are accepted, in every spelling; what
 * the reader returns is strtod's double converted to float, bit for bit.
 */
static void test_float_range_edges_accepted(void **state)
{
	static const char *const values[] = {
		"3.4028235e38", "-340282346638528859811704183484516925440.0",
		"0.000001",	"-0.000000",
		"1.5e-45",	"9007199254740993.5",
		"0.1234565",	" 2.5",
	};
	char text[1024];
	int n = snprintf(text, sizeof(text), HEAD COLS);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		n += snprintf(text + n, sizeof(text) - (size_t)n, "%zu,%s,0,1,0,0,0\n", i,
			      values[i]);
	const char *path = write_text("float-edges.csv", text);
	bc_trace_error err = { { 0 } };
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	assert_non_null(r);
	bc_sample s;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		int got = bc_trace_reader_next(r, &s, &err);
		if (got != 1)
			print_error("%s: %s\n", values[i], err.message);
		assert_int_equal(got, 1);
		float want = (float)strtod(values[i], NULL);
		assert_memory_equal(&s.accel_g.x, &want, sizeof(want));
	}
	assert_int_equal(bc_trace_reader_next(r, &s, &err), 0);
	bc_trace_reader_free(r);
}

static void test_line_length_limit(void **state)
{
	char *text = malloc(3 * BC_TRACE_LINE_MAX);
	assert_non_null(text);
	char message[600];
	for (int extra = 0; extra <= 1; extra++) {
		for (int crlf = 0; crlf <= 1; crlf++) {
			int value_len = BC_TRACE_LINE_MAX - (int)strlen("# note: ") + extra;
			int n = sprintf(text, "# backcoach-trace v1\n# note: ");
			memset(text + n, 'x', (size_t)value_len);
			n += value_len;
			n += sprintf(text + n, "%s\n" COLS ROW0, crlf ? "\r" : "");
			const char *path = write_text("long.csv", text);
			int rows = read_all(path, message, sizeof(message));
			if (extra) {
				assert_int_equal(rows, -1);
				assert_error_at(message, path, 2, "longer than");
			} else {
				assert_int_equal(rows, 1);
			}
		}
	}
	free(text);
}

/* Malformed input */

struct bad_case {
	const char *name;
	const char *text;
	long line;
	const char *what;
	int rows_before; /* good rows returned before the error */
};

/* 4e38 spelled out: too many digits for the fast path, so strtod decides */
#define HUGE_DIGITS "400000000000000000000000000000000000000"

static const struct bad_case bad_cases[] = {
	{ "empty", "", 1, "empty file", -1 },
	{ "no-signature", COLS ROW0, 1, "# backcoach-trace v1", -1 },
	{ "other-signature", "# backcoach trace\n" COLS ROW0, 1, "not a backcoach trace", -1 },
	{ "bom", "\xef\xbb\xbf# backcoach-trace v1\n" COLS ROW0, 1, "byte-order mark", -1 },
	{ "version-2", "# backcoach-trace v2\n" COLS ROW0, 1, "version", -1 },
	{ "signature-trailing-space", "# backcoach-trace v1 \n" COLS ROW0, 1, "version", -1 },
	{ "meta-no-colon", HEAD "# just a comment\n" COLS ROW0, 4, "metadata", -1 },
	{ "meta-no-space", HEAD "#exercise: bridge\n" COLS ROW0, 4, "metadata", -1 },
	{ "meta-empty-key", HEAD "# : bridge\n" COLS ROW0, 4, "metadata", -1 },
	{ "missing-header", HEAD, 4, "missing header", -1 },
	{ "blank-header", HEAD "\n" COLS ROW0, 4, "header", -1 },
	{ "missing-gz", HEAD "t,ax,ay,az,gx,gy\n" ROW0, 4, "'gz'", -1 },
	{ "missing-t", HEAD "time,ax,ay,az,gx,gy,gz\n" ROW0, 4, "'t'", -1 },
	{ "duplicate", HEAD "t,ax,ay,az,gx,gy,gz,ax\n" ROW0, 4, "'ax' appears twice", -1 },
	{ "empty-column-name", HEAD "t,ax,ay,az,,gx,gy,gz\n" ROW0, 4, "no name", -1 },
	{ "partial-mag", HEAD "t,ax,ay,az,gx,gy,gz,mx\n", 4, "mx,my,mz", -1 },
	{ "too-few", HEAD COLS ROW0 "0.01,0,0,1,0,0\n", 6, "6 fields, the header has 7", 1 },
	{ "too-many", HEAD COLS ROW0 ROW1 "0.02,0,0,1,0,0,0,0\n", 7, "8 fields", 2 },
	{ "bad-number", HEAD COLS ROW0 "0.01,0,abc,1,0,0,0\n", 6, "'ay': 'abc' is not a number",
	  1 },
	{ "trailing-junk", HEAD COLS "0.00,0,0,1x,0,0,0\n", 5, "'az': '1x'", 0 },
	{ "empty-field", HEAD COLS "0.00,0,0,1,0,,0\n", 5, "'gy': ''", 0 },
	{ "nan-accel", HEAD COLS ROW0 "0.01,nan,0,1,0,0,0\n", 6, "'ax' is not finite", 1 },
	{ "inf-gyro", HEAD COLS ROW0 "0.01,0,0,1,-inf,0,0\n", 6, "'gx' is not finite", 1 },
	{ "huge", HEAD COLS "0.00,0,0,1e999,0,0,0\n", 5, "'az' is not finite", 0 },
	/* contract §1: finite as the float a sample holds, like inf (issue 13) */
	{ "beyond-float", HEAD COLS ROW0 "0.01,0,1e39,1,0,0,0\n", 6,
	  "'ay' is not finite as a float ('1e39'", 1 },
	{ "beyond-float-negative", HEAD COLS "0.00,0,0,1,0,0,-3.4028236e38\n", 5,
	  "'gz' is not finite as a float", 0 },
	{ "beyond-float-fixed-point", HEAD COLS "0.00,0,0,1,0," HUGE_DIGITS ".5,0\n", 5,
	  "'gy' is not finite as a float", 0 },
	{ "beyond-float-t", HEAD COLS "1e39,0,0,1,0,0,0\n", 5, "'t' is not finite as a float", 0 },
	{ "nan-mag", HEAD "t,ax,ay,az,gx,gy,gz,mx,my,mz\n0,0,0,1,0,0,0,1,nan,3\n", 5,
	  "'my' is not finite", 0 },
	{ "t-repeats", HEAD COLS ROW0 ROW1 ROW1, 7, "does not increase", 2 },
	{ "t-goes-back", HEAD COLS ROW1 ROW0, 6, "does not increase", 1 },
	{ "blank-row", HEAD COLS ROW0 "\n" ROW1, 6, "empty line", 1 },
	{ "meta-after-header", HEAD COLS ROW0 "# exercise: bridge\n", 6, "after the header", 1 },
};

static void test_malformed(void **state)
{
	char message[600];
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		char name[64];
		snprintf(name, sizeof(name), "bad-%s.csv", c->name);
		const char *path = write_text(name, c->text);
		int rows = read_all(path, message, sizeof(message));
		if (rows != c->rows_before)
			print_error("case %s: %d rows before the error, expected %d (%s)\n",
				    c->name, rows, c->rows_before, message);
		assert_int_equal(rows, c->rows_before);
		assert_error_at(message, path, c->line, c->what);
	}
}

static void test_nul_byte(void **state)
{
	static const char text[] = HEAD COLS "0.00,0,0,1\0,0,0,0\n";
	char path[512], message[600];
	bc_test_tmp_path("nul.csv", path, sizeof(path));
	write_file(path, text, sizeof(text) - 1);
	assert_int_equal(read_all(path, message, sizeof(message)), 0);
	assert_error_at(message, path, 5, "NUL");
}

static void test_missing_file(void **state)
{
	char path[512], message[600];
	bc_test_tmp_path("does-not-exist.csv", path, sizeof(path));
	assert_int_equal(read_all(path, message, sizeof(message)), -1);
	assert_non_null(strstr(message, path));
	assert_non_null(strstr(message, "No such file"));
}

/* Builds a gzip trace of n rows; returns the compressed size in bytes. */
static long write_long_gz(const char *path, int n)
{
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	gzputs(gz, HEAD COLS);
	for (int i = 0; i < n; i++)
		gzprintf(gz, "%.6f,%.5f,%.5f,1.0,%.4f,0.5,-0.5\n", i * 0.01, sin(i * 0.37),
			 cos(i * 0.11), sin(i * 1.3) * 100);
	assert_int_equal(gzclose(gz), Z_OK);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fclose(f);
	return size;
}

static void test_truncated_gzip(void **state)
{
	char path[512], message[600];
	bc_test_tmp_path("truncated.csv.gz", path, sizeof(path));
	const int n = 20000;
	long size = write_long_gz(path, n);
	assert_int_equal(read_all(path, message, sizeof(message)), n);
	assert_int_equal(truncate(path, size / 2), 0);
	int rows = read_all(path, message, sizeof(message));
	assert_true(rows > 0 && rows < n);
	/* the error is on the line after the last complete row */
	assert_error_at(message, path, 4 + rows + 1, "truncated gzip");

	/* losing only the 8-byte trailer (CRC, length) is still truncation */
	write_long_gz(path, n);
	assert_int_equal(truncate(path, size - 4), 0);
	rows = read_all(path, message, sizeof(message));
	assert_true(rows <= n);
	assert_non_null(strstr(message, "truncated gzip"));
}

static void test_corrupt_gzip(void **state)
{
	char path[512], message[600];
	bc_test_tmp_path("corrupt.csv.gz", path, sizeof(path));
	long size = write_long_gz(path, 5000);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, size / 2, SEEK_SET);
	char junk[64];
	memset(junk, 0x5a, sizeof(junk));
	fwrite(junk, 1, sizeof(junk), f);
	fclose(f);
	int rows = read_all(path, message, sizeof(message));
	assert_true(rows < 5000);
	assert_non_null(strstr(message, path));
	assert_true(strstr(message, "corrupt gzip") || strstr(message, "not a number") ||
		    strstr(message, "fields") || strstr(message, "increase"));
}

/* The committed fixtures: NAME.lineN.csv fails at line N; gz-cut ones are truncated. */
static void check_malformed_fixture(const char *path, const char *name, void *ctx)
{
	(void)ctx;
	char message[700];
	assert_true(read_all(path, message, sizeof(message)) <= 0 || message[0]);
	const char *at = strstr(name, ".line");
	if (at) {
		assert_error_at(message, path, atol(at + 5), "");
	} else {
		assert_true(strstr(name, "gz-cut") != NULL);
		assert_non_null(strstr(message, "truncated gzip"));
		assert_non_null(strstr(message, path));
	}
}

static void test_malformed_fixtures(void **state)
{
	assert_true(bc_test_each_file("traces/malformed", ".csv", check_malformed_fixture, NULL) >=
		    9);
}

/* Shared data: a BROAD trial, counted independently; speed reported. */

static long count_lines_gz(const char *path)
{
	gzFile gz = gzopen(path, "rb");
	assert_non_null(gz);
	static char buf[1 << 16];
	long lines = 0;
	int n;
	while ((n = gzread(gz, buf, sizeof(buf))) > 0)
		for (int i = 0; i < n; i++)
			lines += buf[i] == '\n';
	gzclose(gz);
	return lines;
}

static void test_broad_trial(void **state)
{
	const char *data = bc_test_shared_data();
	if (!data) {
		print_message("skipped: no shared data (BC_SHARED_DATA)\n");
		skip();
	}
	char path[1024];
	snprintf(path, sizeof(path), "%s/broad/07_undisturbed_fast_rotation_B.csv.gz", data);
	if (access(path, R_OK) != 0) {
		print_message("skipped: %s absent\n", path);
		skip();
	}
	bc_trace_error err = { { 0 } };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		print_error("%s\n", err.message);
	assert_non_null(r);
	long header_lines = 2 + (long)bc_trace_reader_meta_count(r);
	int qw = bc_trace_reader_column(r, "qw");
	assert_true(qw >= 0);
	assert_true(bc_trace_reader_has_mag(r));
	bc_sample s;
	long rows = 0, reference = 0;
	int got;
	while ((got = bc_trace_reader_next(r, &s, &err)) == 1) {
		rows++;
		reference += !isnan(bc_trace_reader_value(r, qw));
	}
	if (got < 0)
		print_error("%s\n", err.message);
	assert_int_equal(got, 0);
	bc_trace_reader_free(r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s_elapsed = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
	assert_int_equal(rows, count_lines_gz(path) - header_lines);
	assert_true(reference > rows / 2); /* the optical reference mostly exists */
	print_message("read %ld rows in %.3f s: %.0f rows/s\n", rows, s_elapsed, rows / s_elapsed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_gzip_detected_by_content),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_last_line_without_newline),
		cmocka_unit_test(test_header_only_is_an_empty_session),
		cmocka_unit_test(test_columns_by_name_extra_and_mag),
		cmocka_unit_test(test_float_range_edges_accepted),
		cmocka_unit_test(test_line_length_limit),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_truncated_gzip),
		cmocka_unit_test(test_corrupt_gzip),
		cmocka_unit_test(test_malformed_fixtures),
		cmocka_unit_test(test_broad_trial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
