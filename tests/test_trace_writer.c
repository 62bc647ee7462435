/* SPDX-License-Identifier: MIT */
/*
 * Trace v1 writer: what it writes reads back (plain and gzip, with and
 * without magnetometer), and it refuses what a reader would reject.
 */
#include <float.h>
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

/* One row as the writer spelled it with snprintf before trace_number. */
static size_t reference_row(char *out, size_t size, const bc_sample *s, bool with_mag)
{
	size_t len = (size_t)snprintf(out, size, "%.6f,%.6f,%.6f,%.6f,%.5f,%.5f,%.5f", s->t_s,
				      (double)s->accel_g.x, (double)s->accel_g.y,
				      (double)s->accel_g.z, (double)s->gyro_dps.x,
				      (double)s->gyro_dps.y, (double)s->gyro_dps.z);
	if (with_mag)
		len += (size_t)snprintf(out + len, size - len, ",%.4f,%.4f,%.4f",
					(double)s->mag_ut.x, (double)s->mag_ut.y,
					(double)s->mag_ut.z);
	return len + (size_t)snprintf(out + len, size - len, "\n");
}

/* The file holds the header and then, byte for byte, snprintf's text of every sample. */
static void check_written_text(const bc_sample *samples, int n, bool with_mag)
{
	enum { TEXT_BYTES = 5000 * 128 };
	static char want[TEXT_BYTES], got[TEXT_BYTES];
	char path[512];
	bc_test_tmp_path("text.csv", path, sizeof(path));
	bc_trace_error err = { { 0 } };
	bc_trace_writer *w = bc_trace_writer_open(path, NULL, 0, with_mag, &err);
	assert_non_null(w);
	size_t want_len = 0;
	for (int i = 0; i < n; i++) {
		int rc = bc_trace_writer_write(w, &samples[i], &err);
		if (rc != 0)
			print_error("row %d: %s\n", i, err.message);
		assert_int_equal(rc, 0);
		want_len += reference_row(want + want_len, sizeof(want) - want_len, &samples[i],
					  with_mag);
	}
	assert_int_equal(bc_trace_writer_close(w, &err), 0);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t got_len = fread(got, 1, sizeof(got), f);
	fclose(f);
	const char *header = with_mag ? BC_TRACE_SIGNATURE "\nt,ax,ay,az,gx,gy,gz,mx,my,mz\n"
				      : BC_TRACE_SIGNATURE "\nt,ax,ay,az,gx,gy,gz\n";
	size_t header_len = strlen(header);
	assert_memory_equal(got, header, header_len);
	assert_int_equal(got_len - header_len, want_len);
	assert_memory_equal(got + header_len, want, want_len);
}

/* Byte for byte the text snprintf wrote: committed traces regenerate identically. */
static void test_rows_are_snprintf_text(void **state)
{
	enum { ROWS = 5000 };
	static bc_sample samples[ROWS];
	for (int i = 0; i < ROWS; i++)
		samples[i] = make_sample(i);
	check_written_text(samples, ROWS, false);
	check_written_text(samples, ROWS, true);
}

/*
 * The same at the edges of the writer's fast path (values under 100 g,
 * 1000 deg/s, 10^4 uT and t under 10^8 s and clear of a rounding tie) and
 * past them: zeros of both signs, carries into a new digit, ties, large values.
 */
static void test_rows_at_the_fast_paths_edges(void **state)
{
	static const double times[] = {
		-5.0000005, -0.0000004, 0.0000006,  0.0158395,	  0.0712725,  0.999999,
		9.9999995,  10.0000004, 59.9999996, 1234.5678905, 99999998.9,
	};
	static const float accel[] = {
		0.0f,	-0.0f,	 1e-9f,	     -1e-9f, 9.9999995f, 99.99999f, -99.99999f,
		100.0f, -100.0f, 0.0000005f, 16.0f,  FLT_MIN,	 1e10f,
	};
	static const float gyro[] = {
		0.0f,	  -0.0f,     999.99994f, -999.99994f, 1000.0f,
		1999.99f, 0.000005f, 0.0000049f, 123.456f,
	};
	static const float mag[] = { 9999.999f, 10000.0f, -0.0f, 0.00005f, 45.5f, -12345.678f };
	enum { ROWS = 120, N_TIMES = sizeof(times) / sizeof(times[0]) };
	static bc_sample samples[ROWS];
	for (int i = 0; i < ROWS; i++) {
		bc_sample *s = &samples[i];
		if (i < N_TIMES)
			s->t_s = times[i];
		else if (i < ROWS - 3)
			s->t_s = times[N_TIMES - 1] + 0.0047 * (i - N_TIMES + 1);
		else /* past 10^8 s and the fast path */
			s->t_s = 1e8 - 4e-7 + (i - (ROWS - 3)) * 1e6;
		/* everyday values, one column at a time replaced by an edge */
		float v[9] = { 0.01f, -0.98f, 0.2f, 1.5f, -2.5f, 0.25f, 20.0f, -30.0f, 40.0f };
		int column = i % 9, k = i / 9;
		if (column < 3)
			v[column] = accel[k % (sizeof(accel) / sizeof(accel[0]))];
		else if (column < 6)
			v[column] = gyro[k % (sizeof(gyro) / sizeof(gyro[0]))];
		else
			v[column] = mag[k % (sizeof(mag) / sizeof(mag[0]))];
		s->accel_g = bc_vec3_make(v[0], v[1], v[2]);
		s->gyro_dps = bc_vec3_make(v[3], v[4], v[5]);
		s->mag_ut = bc_vec3_make(v[6], v[7], v[8]);
	}
	check_written_text(samples, ROWS, false);
	check_written_text(samples, ROWS, true);
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
		cmocka_unit_test(test_rows_at_the_fast_paths_edges),
		cmocka_unit_test(test_sync_writes_every_row),
		cmocka_unit_test(test_refuses_what_readers_reject),
		cmocka_unit_test(test_refuses_bad_metadata),
		cmocka_unit_test(test_open_failure_names_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
