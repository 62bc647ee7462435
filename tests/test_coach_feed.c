/* SPDX-License-Identifier: MIT */
/*
 * Replay coaches on two cores (host/coach_feed.h): for a plain trace the
 * coach's front half (the sample guard and the filter) runs on the reader's
 * thread and the rest on replay's; for gzip the reader's thread only reads.
 * Neither may change anything: every committed trace, as gzip and as plain
 * text, and a plain trace full of sensor faults (spikes, a burst of them, a
 * freeze, time gaps) give the same events, the same final view and the same
 * rejected samples as bc_coach_update on the samples in one thread.
 */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "coach_feed.h"
#include "support/coach_events.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

/* What coaching a trace came to. */
typedef struct {
	bc_event_log log;
	bc_coach_view view;
	unsigned long rejected_samples;
	bool front_here; /* fed: the fronts were made on the caller's thread */
} coached;

static bc_trace_reader *open_trace(const char *path, bc_coach *c)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		fail_msg("%s", err.message);
	bc_coach_init(c, NULL, bc_exercise_from_name(bc_trace_reader_meta(r, "exercise")));
	return r;
}

static void finish(bc_coach *c, coached *out)
{
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_event_log_add(&out->log, ev, bc_coach_finish(c, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE));
	out->view = c->view;
	out->rejected_samples = c->body.filter.rejected;
}

/* The samples read in this thread into bc_coach_update: the reference. */
static void coach_in_one_thread(const char *path, coached *out)
{
	static bc_coach c;
	bc_trace_reader *r = open_trace(path, &c);
	out->log.n = 0;
	bc_sample s;
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	while (bc_trace_reader_next(r, &s, NULL) == 1)
		bc_event_log_add(&out->log, ev,
				 bc_coach_update(&c, &s, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE));
	finish(&c, out);
	bc_trace_reader_free(r);
}

/* As replay coaches: the feed's fronts into bc_coach_update_fronted. */
static void coach_fed(const char *path, coached *out)
{
	static bc_coach c;
	bc_trace_reader *r = open_trace(path, &c);
	out->log.n = 0;
	bc_coach_feed feed;
	bc_coach_feed_start(&feed, r, &c);
	out->front_here = feed.front_here;
	const bc_coach_front *f;
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	int got;
	while ((got = bc_coach_feed_next(&feed, &f, NULL)) == 1)
		bc_event_log_add(
			&out->log, ev,
			bc_coach_update_fronted(&c, f, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE));
	assert_int_equal(got, 0);
	bc_coach_feed_stop(&feed);
	finish(&c, out);
	bc_trace_reader_free(r);
}

static bool same_bits(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n) == 0;
}

/* Coached both ways: everything the same; returns the events. */
static size_t check_same_coaching(const char *path, const char *what, bool want_front_here)
{
	static coached want, got;
	coach_in_one_thread(path, &want);
	coach_fed(path, &got);
	assert_int_equal(got.front_here, want_front_here);
	bc_event_logs_same(what, &want.log, &got.log);
	const bc_coach_view *a = &want.view, *b = &got.view;
	if (a->reps != b->reps || a->rejected != b->rejected ||
	    a->sensor_glitches != b->sensor_glitches || a->stage != b->stage ||
	    !same_bits(&a->t_s, &b->t_s, sizeof(a->t_s)) ||
	    !same_bits(&a->angles, &b->angles, sizeof(a->angles)) ||
	    !same_bits(a->side_reps, b->side_reps, sizeof(a->side_reps)) ||
	    strcmp(a->feedback, b->feedback) != 0)
		fail_msg("%s: the final view differs", what);
	assert_int_equal(want.rejected_samples, got.rejected_samples);
	return want.log.n;
}

/* The gzip trace at path inflated into the plain file name (in the test's tmp dir). */
static const char *plain_copy(const char *path, const char *name)
{
	static char out_path[512];
	char buf[1 << 16];
	gzFile in = gzopen(path, "rb");
	FILE *out = fopen(bc_test_tmp_path(name, out_path, sizeof(out_path)), "w");
	assert_non_null(in);
	assert_non_null(out);
	int n;
	while ((n = gzread(in, buf, sizeof(buf))) > 0)
		assert_int_equal(fwrite(buf, 1, (size_t)n, out), (size_t)n);
	assert_int_equal(n, 0);
	gzclose(in);
	assert_int_equal(fclose(out), 0);
	return out_path;
}

/* Tests */

static void check_committed_trace(const char *path, const char *name, void *ctx)
{
	(void)ctx;
	char what[256];
	snprintf(what, sizeof(what), "%s (gzip)", name);
	assert_true(check_same_coaching(path, what, true) > 0);
	snprintf(what, sizeof(what), "%s (plain)", name);
	assert_true(check_same_coaching(plain_copy(path, "plain.csv"), what, false) > 0);
}

/* Every committed session trace, gzip (fronts made here) and plain (made on the reader's thread). */
static void test_committed_traces_coach_the_same(void **state)
{
	(void)state;
	assert_true(bc_test_each_file("traces", ".csv.gz", check_committed_trace, NULL) >= 30);
}

/*
 * The sensor faults a trace can hold, at sample indexes of bridge-mixed
 * (100 Hz, 90 s; bridges held at 24-29 s and 44-49 s).
 */
static bool dropped(size_t i)
{
	return (i >= 6000 && i < 6150) || i == 6500; /* a 1.5 s gap and one lost sample */
}

static void add_faults(bc_sample *s, size_t i, const bc_sample *frozen_at)
{
	if (i == 3500)
		s->gyro_dps.x += 400.0f; /* one spike, back next sample */
	if (i >= 2500 && i < 2620 && i % 20 == 0)
		s->accel_g.z += 3.0f; /* six within 1.2 s: a burst, the hold interrupted */
	if (i >= 4500 && i < 4600) {
		s->accel_g = frozen_at->accel_g; /* a second of the same output: frozen */
		s->gyro_dps = frozen_at->gyro_dps;
	}
	if (i >= 7000 && i < 7003)
		s->gyro_dps.y -= 300.0f; /* a jump that stays three samples: taken as real */
}

/* bridge-mixed (100 Hz) with faults, written as a plain trace; returns its path. */
static const char *faulty_trace(void)
{
	static char path[512];
	char src[512];
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(
		bc_test_path("traces/bridge-mixed.csv.gz", src, sizeof(src)), &err);
	assert_non_null(r);
	static const bc_trace_meta meta[] = { { "rate_hz", "100" }, { "exercise", "bridge" } };
	bc_trace_writer *w = bc_trace_writer_open(
		bc_test_tmp_path("faulty.csv", path, sizeof(path)), meta, 2, false, &err);
	assert_non_null(w);
	bc_sample s, frozen_at = { 0 };
	for (size_t i = 0; bc_trace_reader_next(r, &s, &err) == 1; i++) {
		if (i == 4499)
			frozen_at = s;
		add_faults(&s, i, &frozen_at);
		if (!dropped(i))
			assert_int_equal(bc_trace_writer_write(w, &s, &err), 0);
	}
	assert_int_equal(bc_trace_writer_close(w, &err), 0);
	bc_trace_reader_free(r);
	return path;
}

/* The guard's verdicts and glitches cross threads with the samples they belong to. */
static void test_sensor_faults_coach_the_same(void **state)
{
	(void)state;
	const char *path = faulty_trace();
	static coached one;
	coach_in_one_thread(path, &one);
	/* the faults are there: spikes, a burst, a freeze; gaps are dropouts */
	int glitches = 0, interrupted = 0, dropouts = 0;
	for (size_t i = 0; i < one.log.n; i++) {
		glitches += one.log.ev[i].type == BC_EVENT_SENSOR_GLITCH;
		interrupted += one.log.ev[i].type == BC_EVENT_INTERRUPTED;
		dropouts += one.log.ev[i].type == BC_EVENT_DROPOUT;
	}
	assert_true(glitches >= 8);
	assert_true(interrupted >= 1);
	assert_true(dropouts >= 1);
	check_same_coaching(path, "faulty plain trace", false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_committed_traces_coach_the_same),
		cmocka_unit_test(test_sensor_faults_coach_the_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
