/* SPDX-License-Identifier: MIT */
/*
 * The committed synthetic traces (tests/traces/NAME.csv.gz, made by
 * tests/traces/regenerate.sh): each reads cleanly from end to end, carries
 * the expected answer, and the answer is consistent with itself and with the
 * samples. A few small ones are regenerated from their own '# sim_command:'
 * and must come out byte for byte the same, so stale traces are noticed.
 */
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

static glob_t traces;

static int find_traces(void **state)
{
	(void)state;
	char pattern[256];
	bc_test_path("traces/*.csv.gz", pattern, sizeof(pattern));
	return glob(pattern, 0, NULL, &traces) == 0 ? 0 : -1;
}

static int free_traces(void **state)
{
	(void)state;
	globfree(&traces);
	return 0;
}

/* Non-negative whole number, or -1. */
static long whole(const char *s)
{
	char *end;
	long v = s ? strtol(s, &end, 10) : -1;
	return s && end != s && !*end && v >= 0 ? v : -1;
}

static void check_trace(const char *path)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		fail_msg("%s", err.message);
	long reps = whole(bc_trace_reader_meta(r, "expect_reps"));
	long rejected = whole(bc_trace_reader_meta(r, "expect_rejected"));
	const char *events = bc_trace_reader_meta(r, "expect_events");
	const char *reasons = bc_trace_reader_meta(r, "expect_reasons");
	double rate = atof(bc_trace_reader_meta(r, "rate_hz") ? bc_trace_reader_meta(r, "rate_hz")
							      : "0");
	assert_true(reps >= 0);
	assert_true(rejected >= 0);
	assert_non_null(events);
	assert_non_null(reasons);
	assert_non_null(bc_trace_reader_meta(r, "exercise"));
	assert_string_equal(bc_trace_reader_meta(r, "sensor"), "sim-mpu6050");
	assert_non_null(bc_trace_reader_meta(r, "sim_seed"));
	assert_non_null(bc_trace_reader_meta(r, "mounting_quat"));
	assert_true(rate >= 25 && rate <= 1000);

	/* expect_events agrees with the counts and the reasons, in order. */
	long n_rep = 0, n_rej = 0;
	double times[256];
	int n_times = 0;
	char reasons_again[1024] = "";
	if (strcmp(events, "none")) {
		char *copy = strdup(events), *save = NULL;
		for (char *e = strtok_r(copy, ",", &save); e; e = strtok_r(NULL, ",", &save)) {
			char *at = strrchr(e, '@');
			assert_non_null(at);
			*at = '\0';
			assert_true(n_times < 256);
			times[n_times++] = atof(at + 1);
			if (!strcmp(e, "rep")) {
				n_rep++;
			} else {
				assert_true(!strncmp(e, "rejected:", 9));
				strcat(reasons_again, n_rej ? "," : "");
				strcat(reasons_again, e + 9);
				n_rej++;
			}
		}
		free(copy);
	}
	assert_int_equal(n_rep, reps);
	assert_int_equal(n_rej, rejected);
	assert_string_equal(reasons, rejected ? reasons_again : "none");

	/* The samples: all readable, at about the stated rate, spanning the events. */
	bc_sample s;
	long n = 0;
	double first = 0, last = 0;
	int rc;
	while ((rc = bc_trace_reader_next(r, &s, &err)) == 1) {
		if (!n)
			first = s.t_s;
		last = s.t_s;
		n++;
	}
	if (rc < 0)
		fail_msg("%s", err.message);
	assert_true(n > 1000);
	double mean_rate = (double)(n - 1) / (last - first);
	assert_true(mean_rate > 0.9 * rate && mean_rate < 1.01 * rate); /* dropouts lower it */
	for (int i = 0; i < n_times; i++) {
		assert_true(times[i] > first && times[i] < last);
		if (i)
			assert_true(times[i] > times[i - 1]);
	}
	bc_trace_reader_free(r);
}

static void test_committed_traces_read_and_answer(void **state)
{
	(void)state;
	assert_true(traces.gl_pathc >= 19);
	for (size_t i = 0; i < traces.gl_pathc; i++)
		check_trace(traces.gl_pathv[i]);
}

static void test_small_traces_regenerate_identically(void **state)
{
	(void)state;
	const char *names[] = { "bridge-distractor", "posture-distractor-stand",
				"childs-pose-distractor" };
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		char rel[128], path[256], out[512];
		snprintf(rel, sizeof(rel), "traces/%s.csv.gz", names[k]);
		bc_test_path(rel, path, sizeof(path));
		snprintf(out, sizeof(out), "%s/%s.csv.gz", bc_test_tmpdir(), names[k]);

		bc_trace_error err;
		bc_trace_reader *r = bc_trace_reader_open(path, &err);
		if (!r)
			fail_msg("%s", err.message);
		char cmd[1024];
		snprintf(cmd, sizeof(cmd), "%s --out %s", bc_trace_reader_meta(r, "sim_command"),
			 out);
		bc_trace_reader_free(r);
		char *argv[48];
		int argc = 0;
		for (char *tok = strtok(cmd, " "); tok && argc < 47; tok = strtok(NULL, " "))
			argv[argc++] = tok;
		argv[argc] = NULL;
		assert_string_equal(argv[0], "backcoach");
		assert_int_equal(cmd_sim(argc - 1, argv + 1), 0);

		size_t na, nb;
		char *a = bc_test_read_file(path, &na), *b = bc_test_read_file(out, &nb);
		if (na != nb || memcmp(a, b, na))
			fail_msg("%s differs from what the simulator now makes: run "
				 "tests/traces/regenerate.sh if the change is intended",
				 path);
		free(a);
		free(b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_committed_traces_read_and_answer),
		cmocka_unit_test(test_small_traces_regenerate_identically),
	};
	return cmocka_run_group_tests(tests, find_traces, free_traces);
}
