/* SPDX-License-Identifier: MIT */
/*
 * Every committed trace (tests/traces/NAME.csv.gz) replayed through the real
 * pipeline, `backcoach replay --json`, must give the answer its own
 * '# expect_*' lines state: the rep count, the rejection count, the
 * rejection reasons in order, the counts per side where it names them, and
 * every rep within expect_tolerance_s of its expected time. The answers are read from the metadata, never written
 * here, so a regenerated trace is checked against its new answer.
 */
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/mini_json.h"
#include "support/run_command.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

/* Definitions */

#define MAX_EVENTS 256
#define MAX_TRACES 64
#define REASON_MAX 32

/* One expected (or reported) outcome: a rep, or a rejection and its reason. */
typedef struct {
	bool rep;
	char reason[REASON_MAX];
	double t_s;
} outcome;

typedef struct {
	long reps;
	long rejected;
	double tolerance_s;
	outcome ev[MAX_EVENTS];
	int n;
	char reasons[1024]; /* expect_reasons as written ("none" or a,b,c) */
	long left, right;   /* expect_sides (one-sided exercises; -1: none) */
} expectation;

static glob_t traces;

/* Functions */

/* Non-negative whole number, or -1. */
static long whole(const char *s)
{
	char *end;
	long v = s ? strtol(s, &end, 10) : -1;
	return s && end != s && !*end && v >= 0 ? v : -1;
}

/* "rep@42.10,rejected:hold too short@60.50,..." or "none". */
static void parse_events(const char *text, expectation *x)
{
	x->n = 0;
	if (!strcmp(text, "none"))
		return;
	char *copy = strdup(text), *save = NULL;
	assert_non_null(copy);
	for (char *e = strtok_r(copy, ",", &save); e; e = strtok_r(NULL, ",", &save)) {
		char *at = strrchr(e, '@');
		assert_non_null(at);
		*at = '\0';
		assert_true(x->n < MAX_EVENTS);
		outcome *o = &x->ev[x->n++];
		o->t_s = strtod(at + 1, NULL);
		o->rep = !strcmp(e, "rep");
		if (!o->rep) {
			assert_true(!strncmp(e, "rejected:", 9));
			snprintf(o->reason, sizeof(o->reason), "%s", e + 9);
		}
	}
	free(copy);
}

static void read_expectation(const char *path, expectation *x)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		fail_msg("%s", err.message);
	const char *events = bc_trace_reader_meta(r, "expect_events");
	const char *reasons = bc_trace_reader_meta(r, "expect_reasons");
	const char *tol = bc_trace_reader_meta(r, "expect_tolerance_s");
	x->reps = whole(bc_trace_reader_meta(r, "expect_reps"));
	x->rejected = whole(bc_trace_reader_meta(r, "expect_rejected"));
	if (x->reps < 0 || x->rejected < 0 || !events || !reasons)
		fail_msg("%s: no complete '# expect_*' answer", path);
	x->tolerance_s = tol ? strtod(tol, NULL) : 0.3;
	const char *sides = bc_trace_reader_meta(r, "expect_sides");
	x->left = x->right = -1;
	if (sides && sscanf(sides, "left:%ld,right:%ld", &x->left, &x->right) != 2)
		fail_msg("%s: expect_sides '%s' is not left:N,right:N", path, sides);
	parse_events(events, x);
	snprintf(x->reasons, sizeof(x->reasons), "%s", reasons);
	bc_trace_reader_free(r);
}

/* The replay's events, in the order reported. */
static int reported_outcomes(const bc_test_json_value *events, outcome *out, int max)
{
	int n = 0;
	for (size_t i = 0; i < events->n; i++) {
		const bc_test_json_value *e = events->items[i];
		const bc_test_json_value *type = bc_test_json_need(e, "type", BC_TEST_JSON_STRING);
		const bc_test_json_value *t = bc_test_json_need(e, "t", BC_TEST_JSON_NUMBER);
		bool rep = !strcmp(type->string, "rep");
		if (!rep && strcmp(type->string, "rejected"))
			continue;
		assert_true(n < max);
		out[n] = (outcome){ .rep = rep, .t_s = t->number };
		if (!rep) {
			const bc_test_json_value *why = bc_test_json_need(e, "reason",
									  BC_TEST_JSON_STRING);
			snprintf(out[n].reason, sizeof(out[n].reason), "%s", why->string);
		}
		n++;
	}
	return n;
}

/* "a,b,c" (or "none") from the rejections of a list of outcomes. */
static void reason_list(const outcome *o, int n, char *buf, size_t size)
{
	snprintf(buf, size, "none");
	size_t len = 0;
	for (int i = 0; i < n; i++) {
		if (o[i].rep)
			continue;
		int w = snprintf(buf + len, size - len, "%s%s", len ? "," : "", o[i].reason);
		assert_true(w > 0 && (size_t)w < size - len);
		len += (size_t)w;
	}
}

static void test_trace(void **state)
{
	const char *path = *state;
	const char *bin = bc_test_backcoach();
	/* make tests builds it: a missing binary is a broken build, not a skip. */
	if (access(bin, X_OK) != 0)
		fail_msg("%s is not built", bin);
	expectation x;
	read_expectation(path, &x);

	const char *argv[] = { bin, "replay", "--json", path, NULL };
	bc_test_output o;
	assert_int_equal(bc_test_run(argv, &o), 0);
	char err[128];
	bc_test_json_value *v = bc_test_json_parse(o.out, err, sizeof(err));
	if (!v)
		fail_msg("%s: replay --json: %s", path, err);
	const bc_test_json_value *reps = bc_test_json_need(v, "reps", BC_TEST_JSON_NUMBER);
	const bc_test_json_value *rejected = bc_test_json_need(v, "rejected", BC_TEST_JSON_NUMBER);
	const bc_test_json_value *events = bc_test_json_need(v, "events", BC_TEST_JSON_ARRAY);

	static outcome got[MAX_EVENTS];
	int n = reported_outcomes(events, got, MAX_EVENTS);
	char got_reasons[1024];
	reason_list(got, n, got_reasons, sizeof(got_reasons));
	print_message("%s: reps %g (expected %ld), rejected %g (expected %ld), reasons %s "
		      "(expected %s)\n",
		      path, reps->number, x.reps, rejected->number, x.rejected, got_reasons,
		      x.reasons);
	assert_int_equal((long)reps->number, x.reps);
	assert_int_equal((long)rejected->number, x.rejected);
	assert_string_equal(got_reasons, x.reasons);

	/* The k-th rep against the k-th expected rep (the counts agree). */
	int k_got = 0;
	for (int i = 0; i < x.n; i++) {
		if (!x.ev[i].rep)
			continue;
		while (k_got < n && !got[k_got].rep)
			k_got++;
		assert_true(k_got < n);
		double dt = got[k_got].t_s - x.ev[i].t_s;
		if (fabs(dt) > x.tolerance_s)
			fail_msg("%s: rep at %.3f s, expected %.2f s (+-%.2f s)", path,
				 got[k_got].t_s, x.ev[i].t_s, x.tolerance_s);
		k_got++;
	}
	/* Per side (contract §2), where the trace says what to expect. */
	if (x.left >= 0) {
		const bc_test_json_value *sides = bc_test_json_need(v, "sides",
								    BC_TEST_JSON_OBJECT);
		assert_int_equal(
			(long)bc_test_json_need(sides, "left", BC_TEST_JSON_NUMBER)->number,
			x.left);
		assert_int_equal(
			(long)bc_test_json_need(sides, "right", BC_TEST_JSON_NUMBER)->number,
			x.right);
	}
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

int main(void)
{
	char pattern[256];
	bc_test_path("traces/*.csv.gz", pattern, sizeof(pattern));
	if (glob(pattern, 0, NULL, &traces) != 0 || traces.gl_pathc == 0) {
		fprintf(stderr, "no traces match %s\n", pattern);
		return 1;
	}
	if (traces.gl_pathc > MAX_TRACES) {
		fprintf(stderr, "%zu traces: raise MAX_TRACES\n", traces.gl_pathc);
		return 1;
	}
	static struct CMUnitTest tests[MAX_TRACES];
	for (size_t i = 0; i < traces.gl_pathc; i++) {
		const char *base = strrchr(traces.gl_pathv[i], '/');
		tests[i] = (struct CMUnitTest){ .name = base ? base + 1 : traces.gl_pathv[i],
						.test_func = test_trace,
						.initial_state = traces.gl_pathv[i] };
	}
	int rc = _cmocka_run_group_tests("replay_traces", tests, traces.gl_pathc, NULL, NULL);
	globfree(&traces);
	return rc;
}
