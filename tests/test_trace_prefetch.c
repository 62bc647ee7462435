/* SPDX-License-Identifier: MIT */
/*
 * The read-ahead (host/trace_prefetch.h) is invisible: through it a trace
 * reads as the reader reads it directly, sample for sample, to the same end
 * or the same error at the same line, whatever the block size; a stage makes
 * each sample's item in turn; a consumer that stops early stops and joins the
 * reader's thread; and replay prints the same bytes with it as without it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "support/run_command.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"
#include "trace_prefetch.h"

/* Small blocks force a hand-over every few samples; the default hands over rarely. */
static const bc_trace_prefetch_settings tiny = { .block_samples = 3, .blocks = 2 };
static const bc_trace_prefetch_settings small = { .block_samples = 7, .blocks = 3 };
static const bc_trace_prefetch_settings direct = { .blocks = 0 };

/* Helpers */

/* Bit for bit (a copied struct's padding may differ, its fields may not). */
static bool same_sample(const bc_sample *a, const bc_sample *b)
{
	return !memcmp(&a->t_s, &b->t_s, sizeof(a->t_s)) &&
	       !memcmp(&a->accel_g, &b->accel_g, sizeof(a->accel_g)) &&
	       !memcmp(&a->gyro_dps, &b->gyro_dps, sizeof(a->gyro_dps)) &&
	       !memcmp(&a->mag_ut, &b->mag_ut, sizeof(a->mag_ut)) && a->has_mag == b->has_mag;
}

static bc_trace_reader *open_trace(const char *path)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		print_error("%s\n", err.message);
	assert_non_null(r);
	return r;
}

/*
 * Reads path twice, directly and through a prefetch with settings, side by
 * side: every sample equal, the same end or error message, and the end still
 * the same when asked again. Returns the samples read.
 */
static long check_same_stream(const char *path, const bc_trace_prefetch_settings *settings)
{
	bc_trace_reader *r = open_trace(path), *ra = open_trace(path);
	bc_trace_prefetch ahead;
	bc_trace_prefetch_start(&ahead, ra, settings);
	bc_sample want, got;
	bc_trace_error want_err = { { 0 } }, got_err = { { 0 } };
	long n = 0;
	int w, g;
	do {
		w = bc_trace_reader_next(r, &want, &want_err);
		g = bc_trace_prefetch_next(&ahead, &got, &got_err);
		if (w != g || (w == 1 && !same_sample(&want, &got)))
			print_error("%s: sample %ld: direct %d t=%.6f, ahead %d t=%.6f\n", path, n,
				    w, want.t_s, g, got.t_s);
		assert_int_equal(w, g);
		assert_true(w != 1 || same_sample(&want, &got));
		n += w == 1;
	} while (w == 1);
	assert_string_equal(got_err.message, want_err.message);
	for (int again = 0; again < 2; again++) { /* sticky, as the reader's end */
		memset(&got_err, 0, sizeof(got_err));
		assert_int_equal(bc_trace_prefetch_next(&ahead, &got, &got_err), w);
		assert_string_equal(got_err.message, want_err.message);
	}
	if (settings->blocks > 0) /* one block per block_samples, and the one that ends */
		assert_int_equal(bc_trace_prefetch_stats_get(&ahead).blocks_handed_over,
				 n / (long)settings->block_samples + 1);
	bc_trace_prefetch_stop(&ahead);
	bc_trace_reader_free(ra);
	bc_trace_reader_free(r);
	return n;
}

/* A committed trace unzipped into a plain file, with a row missing a field at line bad_line. */
static const char *with_bad_row(const char *trace, const char *name, long bad_line)
{
	static char path[512];
	char src[512], line[BC_TRACE_LINE_MAX + 2];
	gzFile in = gzopen(bc_test_path(trace, src, sizeof(src)), "rb");
	FILE *out = fopen(bc_test_tmp_path(name, path, sizeof(path)), "w");
	assert_non_null(in);
	assert_non_null(out);
	for (long n = 1; gzgets(in, line, sizeof(line)); n++) {
		if (n == bad_line)
			fputs("99999.0,0,0,1,0,0\n", out);
		fputs(line, out);
	}
	gzclose(in);
	assert_int_equal(fclose(out), 0);
	return path;
}

/* Tests */

static void check_committed_trace(const char *path, const char *name, void *ctx)
{
	(void)name;
	(void)ctx;
	assert_true(check_same_stream(path, &bc_trace_prefetch_settings_default) > 1000);
}

/* Every committed session trace (gzip), at the size replay uses. */
static void test_committed_traces_read_the_same(void **state)
{
	assert_true(bc_test_each_file("traces", ".csv.gz", check_committed_trace, NULL) >= 30);
}

/* Hand-overs every few samples: a block dropped, doubled or out of turn shows. */
static void test_small_blocks_read_the_same(void **state)
{
	char gz[512];
	bc_test_path("traces/cat-cow-mixed.csv.gz", gz, sizeof(gz));
	assert_true(check_same_stream(gz, &tiny) > 1000);
	assert_true(check_same_stream(gz, &small) > 1000);
	assert_true(check_same_stream(gz, &direct) > 1000);
}

static void check_malformed_fixture(const char *path, const char *name, void *ctx)
{
	(void)name;
	(void)ctx;
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		return; /* a header error: the read-ahead never starts */
	bc_trace_reader_free(r);
	check_same_stream(path, &tiny);
	check_same_stream(path, &bc_trace_prefetch_settings_default);
}

/* A bad row: the error at the same line, after every sample before it. */
static void test_errors_come_at_the_same_line(void **state)
{
	assert_true(bc_test_each_file("traces/malformed", ".csv", check_malformed_fixture, NULL) >=
		    9);
	const char *bad = with_bad_row("traces/bridge-mixed.csv.gz", "bad-row.csv", 4321);
	const long rows_before = 4321 - 26; /* the trace's header is 25 lines */
	assert_int_equal(check_same_stream(bad, &small), rows_before);
	assert_int_equal(check_same_stream(bad, &bc_trace_prefetch_settings_default), rows_before);
}

/* A consumer may stop anywhere: the reader's thread stops and is joined (ASan: no leak). */
static void test_stopping_early_joins_the_reader(void **state)
{
	char gz[512];
	bc_test_path("traces/posture-mixed.csv.gz", gz, sizeof(gz));
	const long stops[] = { 0, 1, 3, 5, 100, 2048 * 4 + 1 };
	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		for (int tiny_ring = 0; tiny_ring <= 1; tiny_ring++) {
			bc_trace_reader *r = open_trace(gz);
			bc_trace_prefetch ahead;
			bc_trace_prefetch_start(
				&ahead, r, tiny_ring ? &tiny : &bc_trace_prefetch_settings_default);
			bc_sample s;
			for (long k = 0; k < stops[i]; k++)
				assert_int_equal(bc_trace_prefetch_next(&ahead, &s, NULL), 1);
			bc_trace_prefetch_stop(&ahead);
			/* the reader is the caller's again, where the prefetch left it */
			assert_int_equal(bc_trace_reader_next(r, &s, NULL), 1);
			bc_trace_reader_free(r);
		}
	}
}

/* BACKCOACH_READAHEAD=0 (the emulated tests): no thread, samples read directly. */
static void test_environment_turns_it_off(void **state)
{
	char gz[512];
	bc_test_path("traces/bridge-correct.csv.gz", gz, sizeof(gz));
	setenv("BACKCOACH_READAHEAD", "0", 1);
	bc_trace_reader *r = open_trace(gz);
	bc_trace_prefetch ahead;
	bc_trace_prefetch_start(&ahead, r, NULL);
	bc_sample s;
	assert_int_equal(bc_trace_prefetch_next(&ahead, &s, NULL), 1);
	assert_int_equal(bc_trace_prefetch_stats_get(&ahead).blocks_handed_over, 0);
	bc_trace_prefetch_stop(&ahead);
	bc_trace_reader_free(r);
	unsetenv("BACKCOACH_READAHEAD");
}

/* A stage's item: the sample, and how many the stage had made before it. */
typedef struct {
	long made_before;
	bc_sample s;
} numbered;

static void number_sample(void *made, bc_sample *s, void *item)
{
	numbered *n = item;
	n->made_before = (*(long *)made)++;
	n->s = *s;
}

/* A staged read-ahead gives stage(sample) for every sample in turn, then the same end or error. */
static void check_staged_stream(const char *path, const bc_trace_prefetch_settings *settings)
{
	bc_trace_reader *r = open_trace(path), *ra = open_trace(path);
	long made = 0;
	bc_trace_prefetch_stage stage = { sizeof(numbered), number_sample, &made };
	bc_trace_prefetch ahead;
	bc_trace_prefetch_start_staged(&ahead, ra, settings, &stage);
	bc_sample want;
	const void *item;
	bc_trace_error want_err = { { 0 } }, got_err = { { 0 } };
	long n = 0;
	int w, g;
	do {
		w = bc_trace_reader_next(r, &want, &want_err);
		g = bc_trace_prefetch_next_item(&ahead, &item, &got_err);
		assert_int_equal(w, g);
		if (w == 1) {
			const numbered *got = item;
			assert_int_equal(got->made_before, n);
			assert_true(same_sample(&want, &got->s));
		}
		n += w == 1;
	} while (w == 1);
	assert_string_equal(got_err.message, want_err.message);
	bc_trace_prefetch_stop(&ahead);
	assert_int_equal(made, n); /* made once each, none ahead of the end */
	bc_trace_reader_free(ra);
	bc_trace_reader_free(r);
}

/* Items made on the reader's thread, handed over in blocks of any size, or made here. */
static void test_stage_makes_each_sample_in_turn(void **state)
{
	char gz[512];
	bc_test_path("traces/cat-cow-mixed.csv.gz", gz, sizeof(gz));
	const bc_trace_prefetch_settings *all[] = { &tiny, &small, &direct,
						    &bc_trace_prefetch_settings_default };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		check_staged_stream(gz, all[i]);
		check_staged_stream(with_bad_row("traces/bridge-mixed.csv.gz", "bad-row.csv", 4321),
				    all[i]);
	}
}

/* Replay's own bytes: stdout, stderr and status with the read-ahead and without. */
static void check_replay_same(const char *path)
{
	bc_test_output ahead, direct_read;
	bc_run_backcoach(&ahead, "replay", "--json", "--exercise", "bridge", path);
	setenv("BACKCOACH_READAHEAD", "0", 1);
	bc_run_backcoach(&direct_read, "replay", "--json", "--exercise", "bridge", path);
	unsetenv("BACKCOACH_READAHEAD");
	assert_int_equal(ahead.status, direct_read.status);
	assert_string_equal(ahead.out, direct_read.out);
	assert_string_equal(ahead.err, direct_read.err);
	bc_test_output_free(&ahead);
	bc_test_output_free(&direct_read);
}

static void test_replay_prints_the_same(void **state)
{
	char gz[512];
	bc_test_path("traces/bridge-mixed.csv.gz", gz, sizeof(gz));
	check_replay_same(gz);
	check_replay_same(with_bad_row("traces/bridge-mixed.csv.gz", "bad-row.csv", 4321));
	bc_test_path("traces/malformed/truncated.gz-cut.csv.gz", gz, sizeof(gz));
	check_replay_same(gz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_committed_traces_read_the_same),
		cmocka_unit_test(test_small_blocks_read_the_same),
		cmocka_unit_test(test_errors_come_at_the_same_line),
		cmocka_unit_test(test_stopping_early_joins_the_reader),
		cmocka_unit_test(test_environment_turns_it_off),
		cmocka_unit_test(test_stage_makes_each_sample_in_turn),
		cmocka_unit_test(test_replay_prints_the_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
