/* SPDX-License-Identifier: MIT */
/*
 * Recording: crash-safe writing and recovery of a .part cut by a power
 * failure; a live recording over the MPU-6050 model with the sensor
 * unplugged mid-session; a 9-axis MPU-9250 recording with its magnetometer
 * (and without it); and a trace fed through the model, the driver and the
 * recorder that replays to the same JSON as the trace itself.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/ak_magnetometer.h"
#include "drivers/live_source.h"
#include "drivers/mpu6050_regs.h"
#include "models/model_rig.h"
#include "record_session.h"
#include "support/protocol_trace.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Reads a whole trace; returns rows, -1 on any error. */
static long count_rows(const char *path, double *t_first, double *max_step)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		return -1;
	bc_sample s;
	long n = 0;
	int rc;
	double prev = 0;
	*max_step = 0;
	while ((rc = bc_trace_reader_next(r, &s, &err)) == 1) {
		if (n == 0)
			*t_first = s.t_s;
		else
			*max_step = fmax(*max_step, s.t_s - prev);
		prev = s.t_s;
		n++;
	}
	bc_trace_reader_free(r);
	return rc == 0 ? n : -1;
}

static void write_part(const char *path, int rows)
{
	bc_trace_error err;
	bc_trace_meta meta[] = { { "sensor", "mpu6050" }, { "rate_hz", "100" } };
	bc_trace_writer *w = bc_trace_writer_open(path, meta, 2, false, &err);
	assert_non_null(w);
	for (int i = 0; i < rows; i++) {
		bc_sample s = { .t_s = i * 0.01,
				.accel_g = { 0.01f * i, -0.5f, 0.86f },
				.gyro_dps = { 1.5f, -2.25f, 0.125f * i } };
		assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
	}
	assert_int_equal(bc_trace_writer_close(w, &err), 0);
}

static void append(const char *path, const void *bytes, size_t n)
{
	FILE *fp = fopen(path, "ab");
	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, n, fp), n);
	fclose(fp);
}

/* A power cut mid-row, and the filesystem's zero-filled tail after it. */
static void test_recover_truncated_part(void **state)
{
	(void)state;
	char part[512], final_path[512], expect[512];
	snprintf(part, sizeof(part), "%s/cut.csv.part", bc_test_tmpdir());
	snprintf(expect, sizeof(expect), "%s/cut.csv", bc_test_tmpdir());
	write_part(part, 150);
	static const char torn[] = "1.500000,0.0123,-0.99";
	append(part, torn, strlen(torn));
	static const char zeros[64] = { 0 };
	append(part, zeros, sizeof(zeros));
	/* as found after the crash, the file is not a valid trace */
	double t0, step;
	assert_int_equal(count_rows(part, &t0, &step), -1);

	unsigned long rows;
	bc_trace_error err;
	assert_int_equal(bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err),
			 1);
	assert_string_equal(final_path, expect);
	assert_int_equal(rows, 150);
	assert_false(exists(part));
	assert_int_equal(count_rows(final_path, &t0, &step), 150);
}

/* The last row complete but for its newline: its last number may be cut, so it goes. */
static void test_recover_row_without_newline(void **state)
{
	(void)state;
	char part[512], final_path[512];
	snprintf(part, sizeof(part), "%s/nonl.csv.part", bc_test_tmpdir());
	write_part(part, 20);
	static const char row[] = "0.200000,0.2,-0.5,0.86,1.5,-2.25,2"; /* might have been 2.5 */
	append(part, row, strlen(row));
	unsigned long rows;
	bc_trace_error err;
	assert_int_equal(bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err),
			 1);
	assert_int_equal(rows, 20);
	double t0, step;
	assert_int_equal(count_rows(final_path, &t0, &step), 20);

	/* the same name again: the earlier recording is not overwritten */
	write_part(part, 5);
	assert_int_equal(bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err),
			 1);
	assert_non_null(strstr(final_path, "nonl-recovered-1.csv"));
	assert_int_equal(count_rows(final_path, &t0, &step), 5);
}

/* Cut inside the header: nothing to keep, and no malformed file left behind. */
static void test_recover_header_only(void **state)
{
	(void)state;
	char part[512], final_path[512];
	snprintf(part, sizeof(part), "%s/empty.csv.part", bc_test_tmpdir());
	static const char head[] = "# backcoach-trace v1\n# sensor: mpu6050\nt,ax,ay";
	FILE *fp = fopen(part, "w");
	fputs(head, fp);
	fclose(fp);
	unsigned long rows;
	bc_trace_error err;
	assert_int_equal(bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err),
			 0);
	assert_false(exists(part));
}

/* Unplugs and replugs the model at set world times, from inside the reader's hooks. */
typedef struct {
	bc_model_world *world;
	bc_chip_model *model;
	bc_imu_hooks inner;
	double unplug_at_s, replug_at_s;
	bool unplugged, replugged;
} plug_script;

static void plug_check(plug_script *p)
{
	double now = bc_model_world_now_s(p->world);
	if (!p->unplugged && now >= p->unplug_at_s) {
		bc_chip_model_unplug(p->model);
		p->unplugged = true;
	}
	if (p->unplugged && !p->replugged && now >= p->replug_at_s) {
		bc_chip_model_replug(p->model);
		p->replugged = true;
	}
}

static int plug_wait(void *ctx, int timeout_ms, uint64_t *edge_ns)
{
	plug_script *p = ctx;
	int rc = p->inner.wait_data_ready(p->inner.ctx, timeout_ms, edge_ns);
	plug_check(p);
	return rc;
}

static uint64_t plug_now(void *ctx)
{
	plug_script *p = ctx;
	return p->inner.now_ns(p->inner.ctx);
}

static void plug_sleep(void *ctx, uint64_t ns)
{
	plug_script *p = ctx;
	p->inner.sleep_ns(p->inner.ctx, ns);
	plug_check(p);
}

static void test_record_through_unplug(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	bc_chip_model *m = bc_mpu6050_model_new(BC_CHIP_MPU6050);
	bc_model_world *w = bc_model_world_new();
	bc_model_bus_attach(bus, 0x68, m);
	bc_model_world_add(w, m, NULL, NULL, true);
	double t_start = bc_model_world_now_s(w);
	plug_script p = { w,	 m,    bc_model_world_hooks(w, true), t_start + 2.0, t_start + 4.5,
			  false, false };
	bc_imu_hooks hooks = { plug_wait, plug_now, plug_sleep, &p };
	bc_live_source_config cfg = { .bus = bc_model_bus_i2c(bus),
				      .reader = bc_imu_reader_settings_default,
				      .hooks = &hooks };
	cfg.reader.chip.rate_hz = 100;
	bc_sample_source *src = bc_live_source_open(&cfg);
	assert_non_null(src);
	assert_non_null(strstr(src->description, "MPU-6050"));

	char out[512];
	snprintf(out, sizeof(out), "%s/live.csv", bc_test_tmpdir());
	bc_trace_meta meta[] = { { "sensor", "mpu6050" }, { "rate_hz", "100" } };
	bc_record_options opt = bc_record_options_default;
	opt.out_path = out;
	opt.meta = meta;
	opt.n_meta = 2;
	opt.duration_s = 8.0;
	bc_record_result res;
	bc_trace_error terr;
	assert_int_equal(bc_record_session(src, &opt, &res, &terr), 0);
	assert_true(p.replugged);
	assert_int_equal(res.gaps, 1);
	assert_true(res.syncs >= 5); /* once a recorded second (wall time covers the gap) */
	char part[600];
	snprintf(part, sizeof(part), "%s.part", out);
	assert_false(exists(part));
	double t0, step;
	long rows = count_rows(out, &t0, &step);
	assert_true(rows > 500);
	assert_float_near(t0, 0, 1e-9);
	assert_true(step >= 2.5); /* the 2.5 s unplugged is in the trace as a dropout */
	assert_true(step < 4.0);
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(bc_live_source_reader(src));
	assert_int_equal(st->reconnects, 1);
	bc_source_close(src);
	bc_model_world_free(w);
	bc_model_bus_free(bus);
}

/* The field the AK8963 sees, µT: FIELD_A, a magnet (overflow) for a while, then FIELD_B. */
typedef struct {
	double t0_s, magnet_from_s, magnet_until_s; /* world time of t = 0; the magnet's span */
} mag_script;

static const bc_vec3 FIELD_A = { 25, 5, -40 }, FIELD_B = { -10, 30, 12 },
		     MAGNET = { 3000, 2000, 0 };

static void mag_field(void *ctx, double t_s, bc_sample *out)
{
	const mag_script *ms = ctx;
	double t = t_s - ms->t0_s;
	out->mag_ut = t < ms->magnet_from_s ? FIELD_A : t < ms->magnet_until_s ? MAGNET : FIELD_B;
	out->has_mag = true;
}

static bool near_field(const bc_sample *s, bc_vec3 f)
{
	return fabsf(s->mag_ut.x - f.x) < 0.5f && fabsf(s->mag_ut.y - f.y) < 0.5f &&
	       fabsf(s->mag_ut.z - f.z) < 0.5f;
}

/* 2 s at 200 Hz from an MPU-9250 model, its AK8963 behind the bypass if with_ak. */
static void record_mpu9250(bool with_ak, mag_script *ms, const char *out, bc_record_result *res)
{
	bc_model_bus *bus = bc_model_bus_new();
	bc_model_world *world = bc_model_world_new();
	bc_chip_model *imu = bc_chip_model_new(BC_CHIP_MPU9250);
	assert_int_equal(bc_model_bus_attach(bus, 0x68, imu), 0);
	bc_model_world_add(world, imu, NULL, NULL, true);
	ms->t0_s = 1e9; /* field A while the driver starts (init takes world time) */
	if (with_ak) {
		bc_chip_model *ak = bc_chip_model_new(BC_CHIP_AK8963);
		assert_int_equal(bc_model_bus_attach_behind(bus, BC_AK_ADDR, ak, imu), 0);
		bc_model_world_add(world, ak, mag_field, ms, false);
	}
	bc_imu_hooks hooks = bc_model_world_hooks(world, true);
	bc_live_source_config cfg = { .bus = bc_model_bus_i2c(bus),
				      .reader = bc_imu_reader_settings_default,
				      .hooks = &hooks };
	cfg.reader.chip.rate_hz = 200;
	bc_sample_source *src = bc_live_source_open(&cfg);
	assert_non_null(src);
	ms->t0_s = bc_model_world_now_s(world); /* ~ the first sample: the trace's t = 0 */
	const bc_imu *chip = bc_imu_reader_chip(bc_live_source_reader(src));
	bc_trace_meta meta[] = { { "sensor", "mpu9250" }, { "rate_hz", "200" } };
	bc_record_options opt = bc_record_options_default;
	opt.out_path = out;
	opt.meta = meta;
	opt.n_meta = 2;
	opt.duration_s = 2.0;
	opt.mag = chip->variant->mag != NULL; /* as cmd_record decides it */
	assert_true(opt.mag);
	bc_trace_error terr;
	assert_int_equal(bc_record_session(src, &opt, res, &terr), 0);
	bc_source_close(src);
	bc_model_world_free(world);
	bc_model_bus_free(bus);
}

/*
 * mx,my,mz in every row; while a magnet overflows the magnetometer the rows
 * carry the last valid field (never the overflowed reading, never zeros).
 */
static void test_record_9axis_keeps_the_field(void **state)
{
	(void)state;
	char out[512];
	snprintf(out, sizeof(out), "%s/live9.csv", bc_test_tmpdir());
	mag_script ms = { .magnet_from_s = 0.8, .magnet_until_s = 1.1 };
	bc_record_result res;
	record_mpu9250(true, &ms, out, &res);
	assert_true(res.with_mag);
	assert_false(res.mag_missing);
	/* The AK8963's first measurement is ~10 ms after the IMU's first sample. */
	assert_true(res.mag_skipped <= 4);
	/* 0.3 s of overflow at 200 Hz rows, less the measurement in flight. */
	assert_true(res.mag_repeated >= 40);
	assert_true(res.mag_repeated <= 70);

	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(out, &err);
	assert_non_null(r);
	assert_true(bc_trace_reader_has_mag(r));
	bc_sample s;
	unsigned long rows = 0, a = 0, b = 0;
	int rc;
	while ((rc = bc_trace_reader_next(r, &s, &err)) == 1) {
		assert_true(s.has_mag);
		assert_false(near_field(&s, MAGNET));
		/* Until the magnet goes, the last valid field is A; well after, B. */
		if (s.t_s < ms.magnet_until_s - 0.03)
			assert_true(near_field(&s, FIELD_A));
		else if (s.t_s > ms.magnet_until_s + 0.05)
			assert_true(near_field(&s, FIELD_B));
		a += near_field(&s, FIELD_A);
		b += near_field(&s, FIELD_B);
		if (rows == 0)
			assert_float_near(s.t_s, 0, 1e-9);
		rows++;
	}
	assert_int_equal(rc, 0);
	bc_trace_reader_free(r);
	assert_int_equal(rows, res.samples);
	assert_int_equal(a + b, rows);
	assert_true(rows >= 390 && rows <= 410);
}

/* A 9-axis chip whose magnetometer never answers: 6-axis, no row lost, and said so. */
static void test_record_9axis_without_field_is_6axis(void **state)
{
	(void)state;
	char out[512];
	snprintf(out, sizeof(out), "%s/live9-nomag.csv", bc_test_tmpdir());
	mag_script ms = { .magnet_from_s = 1e9, .magnet_until_s = 1e9 };
	bc_record_result res;
	record_mpu9250(false, &ms, out, &res);
	assert_false(res.with_mag);
	assert_true(res.mag_missing);
	assert_int_equal(res.mag_skipped, 0);
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(out, &err);
	assert_non_null(r);
	assert_false(bc_trace_reader_has_mag(r));
	bc_trace_reader_free(r);
	double t0, step;
	long rows = count_rows(out, &t0, &step);
	assert_int_equal(rows, (long)res.samples);
	/* The samples held while waiting for a field are in the trace too. */
	assert_true(rows >= 390 && rows <= 410);
	assert_float_near(t0, 0, 1e-9);
	assert_true(step < 0.01);
}

static char *run_capture(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - 1 - n, p)) > 0)
		n += got;
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
	return buf;
}

/* orig → MPU-6050 model → driver → recorder → rec; returns the recorded rows. */
static unsigned long round_trip(const char *orig, const char *rec, float rate_hz,
				const bc_trace_meta *meta, size_t n_meta)
{
	bc_trace_error err;
	bc_model_bus *bus = bc_model_bus_new();
	bc_chip_model *m = bc_mpu6050_model_new(BC_CHIP_MPU6050);
	bc_model_world *world = bc_model_world_new();
	bc_model_bus_attach(bus, 0x68, m);
	bc_trace_feed feed = { .model = m };
	feed.r = bc_trace_reader_open(orig, &err);
	assert_non_null(feed.r);
	long rows = 0;
	double t_last = 0;
	bc_sample s;
	bc_trace_reader *count = bc_trace_reader_open(orig, &err);
	while (bc_trace_reader_next(count, &s, &err) == 1) {
		rows++;
		t_last = s.t_s;
	}
	bc_trace_reader_free(count);
	bc_model_world_add(world, m, bc_trace_feed_fn, &feed, true);
	bc_imu_hooks hooks = bc_model_world_hooks(world, true);
	bc_live_source_config cfg = { .bus = bc_model_bus_i2c(bus),
				      .reader = bc_imu_reader_settings_default,
				      .hooks = &hooks };
	cfg.reader.chip.rate_hz = rate_hz;
	bc_sample_source *src = bc_live_source_open(&cfg);
	assert_non_null(src);
	bc_record_options opt = bc_record_options_default;
	opt.out_path = rec;
	opt.meta = meta;
	opt.n_meta = n_meta;
	opt.duration_s = t_last - 0.5 / rate_hz; /* the rows' span: stop on the last one */
	bc_record_result res;
	assert_int_equal(bc_record_session(src, &opt, &res, &err), 0);
	assert_int_equal(res.samples, rows);
	bc_source_close(src);
	bc_trace_reader_free(feed.r);
	bc_model_world_free(world);
	bc_model_bus_free(bus);
	return res.samples;
}

/* Same JSON from both; must_not names what would make the comparison empty. */
static void replay_both_equal(const char *orig, const char *rec, const char *must_not)
{
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "%s replay --json %s", bc_test_backcoach(), orig);
	char *want = run_capture(cmd);
	snprintf(cmd, sizeof(cmd), "%s replay --json %s", bc_test_backcoach(), rec);
	char *got = run_capture(cmd);
	print_message("    replay: %s", want);
	if (!bc_test_same_but_rounding(got, want, 0.0015))
		assert_string_equal(got, want);
	if (must_not)
		assert_null(strstr(want, must_not));
	free(want);
	free(got);
}

/*
 * A session (the wearing protocol, then bridges) at the chip's 200 Hz goes
 * through the MPU-6050 model, the driver and the recorder; replaying the
 * recording gives the same JSON as replaying the trace itself.
 */
static void test_session_round_trip_replays_the_same(void **state)
{
	(void)state;
	char orig[512], rec[512];
	snprintf(orig, sizeof(orig), "%s/session.csv", bc_test_tmpdir());
	snprintf(rec, sizeof(rec), "%s/session-rec.csv", bc_test_tmpdir());
	bc_test_trace_spec spec = bc_test_trace_spec_default();
	spec.rate_hz = 200;
	assert_true(bc_test_write_protocol_trace(orig, &spec) > 0);
	bc_trace_meta meta[] = { { "sensor", "mpu6050" },
				 { "rate_hz", "200" },
				 { "exercise", spec.exercise } };
	round_trip(orig, rec, 200, meta, 3);
	/* the pipeline got as far as calibrating the mounting on both */
	replay_both_equal(orig, rec, "\"calibrated_at_s\": null");
}

/* The same with real recorded motion (BROAD trial 01, relabelled at 250 Hz). */
static void test_broad_round_trip_replays_the_same(void **state)
{
	(void)state;
	const char *data = bc_test_shared_data();
	char src_path[512], orig[512], rec[512];
	if (data)
		snprintf(src_path, sizeof(src_path),
			 "%s/broad/01_undisturbed_slow_rotation_A.csv.gz", data);
	if (!data || !exists(src_path)) {
		print_message("skipped: BROAD trial 01 not present (../shared/data)\n");
		skip();
		return;
	}
	snprintf(orig, sizeof(orig), "%s/orig.csv", bc_test_tmpdir());
	snprintf(rec, sizeof(rec), "%s/rec.csv", bc_test_tmpdir());

	/* the first 60 s, at exactly 250 Hz, accel and gyro only */
	enum { RATE = 250, ROWS = 60 * RATE };
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(src_path, &err);
	assert_non_null(r);
	bc_trace_meta meta[] = { { "sensor", "mpu6050" },
				 { "rate_hz", "250" },
				 { "exercise", "posture" } };
	bc_trace_writer *w = bc_trace_writer_open(orig, meta, 3, false, &err);
	assert_non_null(w);
	bc_sample s;
	for (int k = 0; k < ROWS; k++) {
		assert_int_equal(bc_trace_reader_next(r, &s, &err), 1);
		s.t_s = (double)k / RATE;
		s.has_mag = false;
		assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
	}
	bc_trace_writer_close(w, &err);
	bc_trace_reader_free(r);
	assert_int_equal(round_trip(orig, rec, RATE, meta, 3), ROWS);
	replay_both_equal(orig, rec, NULL);
}

/*
 * Only our own: in a folder with a browser's half-downloaded movie.mkv.part,
 * a .part of ours by name but not a trace, and our crashed recording, only
 * the recording is recovered; the other two stay byte for byte.
 */
static void test_recover_leaves_other_files_alone(void **state)
{
	(void)state;
	char dir[512], movie[600], fake[600], ours[600], plain[600];
	snprintf(dir, sizeof(dir), "%s/mixed", bc_test_tmpdir());
	mkdir(dir, 0700);
	snprintf(movie, sizeof(movie), "%s/movie.mkv.part", dir);
	snprintf(fake, sizeof(fake), "%s/backcoach-20250101-120000.csv.part", dir);
	snprintf(ours, sizeof(ours), "%s/backcoach-20250101-120001-042-bridge.csv.part", dir);
	snprintf(plain, sizeof(plain), "%s/notes.csv.part", dir);
	static const char video[] = "\x1a\x45\xdf\xa3 not a trace at all";
	append(movie, video, sizeof(video) - 1);
	static const char other[] = "t,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n";
	append(fake, other, strlen(other));
	write_part(plain, 10); /* a trace, but a name we never make */
	write_part(ours, 30);
	static const char torn[] = "0.300000,0.01";
	append(ours, torn, strlen(torn));

	assert_int_equal(bc_record_recover_dir(dir, NULL, NULL, NULL), 1);
	struct stat st;
	assert_int_equal(stat(movie, &st), 0);
	assert_int_equal(st.st_size, sizeof(video) - 1);
	assert_int_equal(stat(fake, &st), 0);
	assert_int_equal(st.st_size, strlen(other));
	assert_true(exists(plain));
	assert_false(exists(ours));
	char whole[600];
	snprintf(whole, sizeof(whole), "%s/backcoach-20250101-120001-042-bridge.csv", dir);
	double t0, step;
	assert_int_equal(count_rows(whole, &t0, &step), 30);
	assert_int_equal(stat(whole, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* asked for by name (record --out), a trace is recovered; a non-trace never */
	unsigned long rows;
	bc_trace_error err;
	char final_path[600];
	assert_int_equal(bc_record_recover_part(movie, final_path, sizeof(final_path), &rows, &err),
			 BC_RECORD_RECOVER_NOT_OURS);
	assert_true(exists(movie));
	assert_int_equal(bc_record_recover_dir(dir, plain, NULL, NULL), 1);
	assert_false(exists(plain));
	assert_true(exists(movie));
}

/* The names the recorder makes, and only those, are its own. */
static void test_own_part_names(void **state)
{
	(void)state;
	assert_true(bc_record_part_is_ours("backcoach-20261206-195300.csv.part"));
	assert_true(bc_record_part_is_ours("backcoach-20261206-195300-123.csv.part"));
	assert_true(bc_record_part_is_ours("backcoach-20261206-195300-123-bridge-2.csv.part"));
	assert_false(bc_record_part_is_ours("movie.mkv.part"));
	assert_false(bc_record_part_is_ours("backcoach-20261206-195300.csv"));
	assert_false(bc_record_part_is_ours("backcoach-2026120-195300.csv.part"));
	assert_false(bc_record_part_is_ours("backcoach-20261206-19530x.csv.part"));
	assert_false(bc_record_part_is_ours("my-backcoach-20261206-195300.csv.part"));
}

/* A still sensor at 100 Hz, for recordings whose content does not matter. */
static int still_read(bc_sample_source *src, bc_sample *out, int timeout_ms)
{
	(void)timeout_ms;
	double *t = (double *)(src + 1);
	*out = (bc_sample){ .t_s = *t, .accel_g = { 0, 0, 1 } };
	*t += 0.01;
	return 1;
}

static void still_close(bc_sample_source *src)
{
	(void)src;
}

static int record_still_rc(const char *path, bool reserved, bc_record_result *res,
			   bc_trace_error *err)
{
	struct {
		bc_sample_source src;
		double t;
	} still = { .src = { .read = still_read, .close = still_close } };
	bc_record_options opt = bc_record_options_default;
	opt.out_path = path;
	opt.duration_s = 0.5;
	opt.reserved = reserved;
	return bc_record_session(&still.src, &opt, res, err);
}

static void record_still(const char *path, bool reserved, bc_record_result *res)
{
	bc_trace_error err;
	if (record_still_rc(path, reserved, res, &err) != 0)
		fail_msg("%s", err.message);
}

/*
 * Two recordings that want the same name (started in the same second): both
 * are kept, under two names; a recording never replaces a file, and it is
 * the wearer's alone (0600).
 */
static void test_same_second_keeps_both(void **state)
{
	(void)state;
	char dir[512], want[600], first[600], second[600];
	snprintf(dir, sizeof(dir), "%s/same-second", bc_test_tmpdir());
	mkdir(dir, 0700);
	snprintf(want, sizeof(want), "%s/backcoach-20250101-120000-000.csv", dir);
	assert_int_equal(bc_record_reserve(want, true, first, sizeof(first)), 0);
	assert_int_equal(bc_record_reserve(want, true, second, sizeof(second)), 0);
	assert_string_equal(first, want);
	assert_string_not_equal(second, first);
	bc_record_result r1, r2;
	record_still(first, true, &r1);
	record_still(second, true, &r2);
	assert_string_equal(r1.path, first);
	assert_string_equal(r2.path, second);
	double t0, step;
	assert_int_equal(count_rows(first, &t0, &step), r1.samples);
	assert_int_equal(count_rows(second, &t0, &step), r2.samples);
	struct stat st;
	assert_int_equal(stat(second, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* a name asked for that exists is refused, and the file is untouched */
	char keep[600];
	snprintf(keep, sizeof(keep), "%s/mine.csv", dir);
	append(keep, "precious", 8);
	char out[600];
	assert_int_equal(bc_record_reserve(keep, false, out, sizeof(out)), -1);
	bc_trace_error err;
	bc_record_result res;
	assert_int_equal(record_still_rc(keep, false, &res, &err), -1);
	print_message("    refused: %s\n", err.message);
	assert_int_equal(stat(keep, &st), 0);
	assert_int_equal(st.st_size, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recover_truncated_part),
		cmocka_unit_test(test_recover_row_without_newline),
		cmocka_unit_test(test_recover_header_only),
		cmocka_unit_test(test_recover_leaves_other_files_alone),
		cmocka_unit_test(test_own_part_names),
		cmocka_unit_test(test_same_second_keeps_both),
		cmocka_unit_test(test_record_through_unplug),
		cmocka_unit_test(test_record_9axis_keeps_the_field),
		cmocka_unit_test(test_record_9axis_without_field_is_6axis),
		cmocka_unit_test(test_session_round_trip_replays_the_same),
		cmocka_unit_test(test_broad_round_trip_replays_the_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
