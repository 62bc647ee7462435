/* SPDX-License-Identifier: MIT */
/*
 * Trace v1 writer: what it writes reads back (plain and gzip, with and
 * without magnetometer), and it refuses what a reader would reject.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "support/test_support.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

/* A sample with values over the chip's whole range, different for every i. */
static bc_sample make_sample(int i)
{
	bc_sample s = { 0 };
	s.t_s = 1234.5 + i * 0.0101 + 0.0003 * sin(i * 0.7); /* jittered */
	s.accel_g = bc_vec3_make(15.9f * sinf(i * 0.013f), -2.0f + 0.001f * i,
				 (float)(i % 97) / 1e4f);
	s.gyro_dps = bc_vec3_make(1999.0f * cosf(i * 0.021f), -0.0076f * i, 123.456f);
	s.mag_ut = bc_vec3_make(45.0f * sinf(i * 0.003f), -20.0f, 0.15f * (i % 11));
	s.has_mag = true;
	return s;
}

static const bc_trace_meta meta[] = {
	{ "sensor", "mpu6050" },   { "rate_hz", "99" },
	{ "exercise", "cat-cow" }, { "note", "written by test_trace_writer: commas, colons: fine" },
	{ "x-custom", "" },
};
#define N_META (sizeof(meta) / sizeof(meta[0]))

static void round_trip(const char *name, bool with_mag, int n)
{
	char path[512];
	bc_test_tmp_path(name, path, sizeof(path));
	bc_trace_error err = { { 0 } };
	bc_trace_writer *w = bc_trace_writer_open(path, meta, N_META, with_mag, &err);
	if (!w)
		print_error("%s\n", err.message);
	assert_non_null(w);
	for (int i = 0; i < n; i++) {
		bc_sample s = make_sample(i);
		assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
		if (i == n / 2)
			assert_int_equal(bc_trace_writer_sync(w, &err), 0);
	}
	assert_int_equal(bc_trace_writer_close(w, &err), 0);

	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		print_error("%s\n", err.message);
	assert_non_null(r);
	assert_int_equal(bc_trace_reader_meta_count(r), N_META);
	for (size_t i = 0; i < N_META; i++) {
		assert_string_equal(bc_trace_reader_meta_key(r, i), meta[i].key);
		assert_string_equal(bc_trace_reader_meta_value(r, i), meta[i].value);
	}
	assert_int_equal(bc_trace_reader_has_mag(r), with_mag);
	bc_sample got;
	int rows = 0, rc;
	while ((rc = bc_trace_reader_next(r, &got, &err)) == 1) {
		bc_sample want = make_sample(rows);
		assert_float_near(got.t_s, want.t_s, 0.5e-6 + 1e-9);
		/* printed to 1e-6 g / 1e-5 dps, then float: half a step + float ulp */
		assert_float_near(got.accel_g.x, want.accel_g.x, 0.5e-6 + 2e-6);
		assert_float_near(got.accel_g.y, want.accel_g.y, 0.5e-6 + 1e-6);
		assert_float_near(got.accel_g.z, want.accel_g.z, 0.5e-6 + 1e-7);
		assert_float_near(got.gyro_dps.x, want.gyro_dps.x, 0.5e-5 + 2e-4);
		assert_float_near(got.gyro_dps.y, want.gyro_dps.y, 0.5e-5 + 1e-5);
		assert_float_near(got.gyro_dps.z, want.gyro_dps.z, 0.5e-5 + 1e-5);
		assert_int_equal(got.has_mag, with_mag);
		if (with_mag) {
			assert_float_near(got.mag_ut.x, want.mag_ut.x, 0.5e-4 + 1e-5);
			assert_float_near(got.mag_ut.y, want.mag_ut.y, 0.5e-4 + 1e-5);
			assert_float_near(got.mag_ut.z, want.mag_ut.z, 0.5e-4 + 1e-5);
		}
		rows++;
	}
	if (rc < 0)
		print_error("%s\n", err.message);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, n);
	bc_trace_reader_free(r);
}

static void test_round_trip_plain(void **state)
{
	round_trip("rt.csv", false, 3000);
	round_trip("rt-mag.csv", true, 3000);
}

static void test_round_trip_gzip(void **state)
{
	round_trip("rt.csv.gz", false, 3000);
	round_trip("rt-mag.csv.gz", true, 3000);
	/* .gz really means gzip on disk */
	char path[512];
	bc_test_tmp_path("rt.csv.gz", path, sizeof(path));
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char magic[2] = { 0 };
	assert_int_equal(fread(magic, 1, 2, f), 2);
	fclose(f);
	assert_int_equal(magic[0], 0x1f);
	assert_int_equal(magic[1], 0x8b);
}

static void test_empty_session(void **state)
{
	round_trip("empty.csv", false, 0);
}

/* The rows as the writer spelled them with snprintf before trace_number. */
static size_t reference_rows(char *out, size_t size, bool with_mag, int n)
{
	size_t len = 0;
	for (int i = 0; i < n && len < size; i++) {
		bc_sample s = make_sample(i);
		len += (size_t)snprintf(out + len, size - len, "%.6f,%.6f,%.6f,%.6f,%.5f,%.5f,%.5f",
					s.t_s, (double)s.accel_g.x, (double)s.accel_g.y,
					(double)s.accel_g.z, (double)s.gyro_dps.x,
					(double)s.gyro_dps.y, (double)s.gyro_dps.z);
		if (with_mag)
			len += (size_t)snprintf(out + len, size - len, ",%.4f,%.4f,%.4f",
						(double)s.mag_ut.x, (double)s.mag_ut.y,
						(double)s.mag_ut.z);
		len += (size_t)snprintf(out + len, size - len, "\n");
	}
	return len;
}

/* Byte for byte the text snprintf wrote: committed traces regenerate identically. */
static void test_rows_are_snprintf_text(void **state)
{
	enum { ROWS = 5000 };
	static char want[ROWS * 128], got[ROWS * 128];
	for (int with_mag = 0; with_mag <= 1; with_mag++) {
		char path[512];
		bc_test_tmp_path("text.csv", path, sizeof(path));
		bc_trace_error err = { { 0 } };
		bc_trace_writer *w = bc_trace_writer_open(path, NULL, 0, with_mag, &err);
		assert_non_null(w);
		for (int i = 0; i < ROWS; i++) {
			bc_sample s = make_sample(i);
			assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
		}
		assert_int_equal(bc_trace_writer_close(w, &err), 0);
		size_t want_len = reference_rows(want, sizeof(want), with_mag, ROWS);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		size_t got_len = fread(got, 1, sizeof(got), f);
		fclose(f);
		const char *header = with_mag ? BC_TRACE_SIGNATURE
					     "\nt,ax,ay,az,gx,gy,gz,mx,my,mz\n"
					      : BC_TRACE_SIGNATURE "\nt,ax,ay,az,gx,gy,gz\n";
		size_t header_len = strlen(header);
		assert_memory_equal(got, header, header_len);
		assert_int_equal(got_len - header_len, want_len);
		assert_memory_equal(got + header_len, want, want_len);
	}
}

/* Rows wait in the writer's buffer, but a sync puts every one of them in the file. */
static void test_sync_writes_every_row(void **state)
{
	char path[512];
	bc_test_tmp_path("sync.csv", path, sizeof(path));
	bc_trace_error err = { { 0 } };
	bc_trace_writer *w = bc_trace_writer_open(path, meta, N_META, false, &err);
	assert_non_null(w);
	for (int synced = 1; synced <= 700; synced += 233) {
		for (int i = synced - 233 < 0 ? 0 : synced - 233; i < synced; i++) {
			bc_sample s = make_sample(i);
			assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
		}
		assert_int_equal(bc_trace_writer_sync(w, &err), 0);
		bc_trace_reader *r = bc_trace_reader_open(path, &err);
		assert_non_null(r);
		bc_sample got;
		int rows = 0;
		while (bc_trace_reader_next(r, &got, &err) == 1)
			rows++;
		bc_trace_reader_free(r);
		assert_int_equal(rows, synced);
	}
	assert_int_equal(bc_trace_writer_close(w, &err), 0);
}

static void test_refuses_what_readers_reject(void **state)
{
	char path[512];
	bc_test_tmp_path("refuse.csv", path, sizeof(path));
	bc_trace_error err = { { 0 } };
	bc_trace_writer *w = bc_trace_writer_open(path, meta, N_META, true, &err);
	assert_non_null(w);
	bc_sample s = make_sample(0);
	assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);

	bc_sample bad = make_sample(1);
	bad.gyro_dps.y = NAN;
	assert_int_equal(bc_trace_writer_write(w, &bad, &err), -1);
	assert_non_null(strstr(err.message, path));
	assert_non_null(strstr(err.message, "non-finite"));
	bad = make_sample(1);
	bad.mag_ut.z = INFINITY;
	assert_int_equal(bc_trace_writer_write(w, &bad, &err), -1);

	bc_sample same_t = make_sample(1);
	same_t.t_s = s.t_s;
	assert_int_equal(bc_trace_writer_write(w, &same_t, &err), -1);
	assert_non_null(strstr(err.message, "does not increase"));
	same_t.t_s = s.t_s + 1e-7; /* reads back as the same microsecond */
	assert_int_equal(bc_trace_writer_write(w, &same_t, &err), -1);
	assert_non_null(strstr(err.message, "1 us"));

	/* refusals leave the file intact: the good rows still read back */
	bc_sample next = make_sample(1);
	assert_int_equal(bc_trace_writer_write(w, &next, &err), 0);
	assert_int_equal(bc_trace_writer_close(w, &err), 0);
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	assert_non_null(r);
	int rows = 0;
	while (bc_trace_reader_next(r, &s, &err) == 1)
		rows++;
	assert_int_equal(rows, 2);
	bc_trace_reader_free(r);
}

static void test_refuses_bad_metadata(void **state)
{
	char path[512];
	bc_test_tmp_path("badmeta.csv", path, sizeof(path));
	bc_trace_error err = { { 0 } };
	const bc_trace_meta bad[][1] = {
		{ { "note", "two\nlines" } },	  { { "key with space", "v" } },
		{ { "key:colon", "v" } },	  { { "", "v" } },
		{ { "note", " leading blank" } },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err.message[0] = '\0';
		assert_null(bc_trace_writer_open(path, bad[i], 1, false, &err));
		assert_non_null(strstr(err.message, path));
	}
}

static void test_open_failure_names_path(void **state)
{
	bc_trace_error err = { { 0 } };
	const char *path = "/nonexistent-dir/x.csv";
	assert_null(bc_trace_writer_open(path, NULL, 0, false, &err));
	assert_non_null(strstr(err.message, path));
	assert_null(bc_trace_writer_open("/nonexistent-dir/x.csv.gz", NULL, 0, false, &err));
	assert_non_null(strstr(err.message, "x.csv.gz"));
	assert_int_equal(bc_trace_writer_close(NULL, &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_plain),
		cmocka_unit_test(test_round_trip_gzip),
		cmocka_unit_test(test_empty_session),
		cmocka_unit_test(test_rows_are_snprintf_text),
		cmocka_unit_test(test_sync_writes_every_row),
		cmocka_unit_test(test_refuses_what_readers_reject),
		cmocka_unit_test(test_refuses_bad_metadata),
		cmocka_unit_test(test_open_failure_names_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
