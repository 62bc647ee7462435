/* SPDX-License-Identifier: MIT */
/*
 * Detector regression: a fixed handful of simulated sessions from the
 * accuracy suite's tuned seeds (docs/accuracy.md), one per exercise plus a
 * distractor. Tuned, not held-out: a failure here is read session by
 * session, and held-out sessions are only ever read as the suite's summary. Each is generated with `backcoach sim`, replayed with
 * `backcoach replay --json`, and its rep and rejection counts must equal the
 * simulator's expect_reps / expect_rejected. The simulator is part of every
 * build, so a failure to generate a session fails the test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/test_support.h"

static const char *const sessions[] = {
	"--exercise pelvic-tilt --seed 10 --scenario mixed --rate 400",
	"--exercise bridge --seed 31 --scenario mixed --rate 50 --mount aligned",
	"--exercise cat-cow --seed 56 --scenario mixed --rate 100 --mount aligned",
	"--exercise knee-to-chest --seed 76 --scenario mixed --rate 400 --mount aligned",
	"--exercise childs-pose --seed 94 --scenario correct --rate 400",
	"--exercise posture --seed 124 --scenario mixed --rate 400",
	"--exercise bridge --seed 48 --scenario distractor:all --rate 150",
};

/* The integer after "key" in text (a "# key: N" line or a JSON "key": N). */
static int number_after(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	if (!p)
		return -1;
	p += strlen(key);
	while (*p == '"' || *p == ':' || *p == ' ')
		p++;
	return atoi(p);
}

static char *slurp(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - 1 - n, f)) > 0) {
		n += got;
		if (n + 1 >= cap) {
			char *more = realloc(buf, cap *= 2);
			if (!more) {
				free(buf);
				buf = NULL;
			}
			buf = more;
		}
	}
	int rc = pclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void test_fixed_sessions_count_exactly(void **state)
{
	(void)state;
	const char *bc = bc_test_backcoach();
	char cmd[1024], path[512];
	for (size_t i = 0; i < sizeof(sessions) / sizeof(sessions[0]); i++) {
		snprintf(path, sizeof(path), "%s/regress%zu.csv", bc_test_tmpdir(), i);
		snprintf(cmd, sizeof(cmd), "%s sim %s --out %s 2>/dev/null", bc, sessions[i], path);
		if (system(cmd) != 0)
			fail_msg("`backcoach sim %s` failed", sessions[i]);
		/* The answer: the header of the trace. */
		snprintf(cmd, sizeof(cmd), "sed -n '/^# expect_re/p' %s", path);
		char *expect = slurp(cmd);
		snprintf(cmd, sizeof(cmd), "%s replay --json %s", bc, path);
		char *json = slurp(cmd);
		assert_non_null(expect);
		assert_non_null(json);
		int want_reps = number_after(expect, "expect_reps");
		int want_rej = number_after(expect, "expect_rejected");
		int reps = number_after(json, "\"reps\"");
		int rej = number_after(json, "\"rejected\"");
		/* A key missing on both sides would make -1 == -1 pass. */
		assert_true(want_reps >= 0 && want_rej >= 0);
		assert_true(reps >= 0 && rej >= 0);
		if (reps != want_reps || rej != want_rej)
			print_error("%s: reps %d (want %d), rejected %d (want %d)\n", sessions[i],
				    reps, want_reps, rej, want_rej);
		assert_int_equal(reps, want_reps);
		assert_int_equal(rej, want_rej);
		free(expect);
		free(json);
		remove(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_sessions_count_exactly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
