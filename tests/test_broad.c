/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter accuracy on the 14 BROAD trials (shared data
 * data/broad/, real IMU with optical reference), production defaults, one
 * parameter set for all trials (data/broad/README.md):
 *
 * - 6-axis inclination RMSE over moving samples with a finite reference, per
 *   trial, then the mean over trials (the dataset's metric);
 * - 9-axis (use_mag) heading RMSE, the same way;
 * - the share of the still samples (moving = 0) that the filter's rest
 *   detector calls rest: where the vertical gyro bias is learned.
 *
 * Under AddressSanitizer only the first two trials run (the whole set takes
 * too long there); the output says so.
 */
#include <math.h>
#include <stdio.h>

#include "filter/orientation_filter.h"
#include "support/broad_trial.h"
#include "support/test_support.h"

#define BROAD_TRIALS 14

/*
 * Bars (docs/performance.md has the figures). VQF (its published code,
 * default parameters, scored the same way on these 14 trials): 0.721 deg
 * inclination, 2.291 deg heading. Ours: heading 2.77 before the rest and
 * magnetometer work of issue 14, 2.42 after it, 2.26 since the bias learns
 * slower in motion with the magnetometer; the heading bar is VQF's figure.
 * Rest: 2.5 % before, 89 %.
 */
#define INCL_BAR_DEG	0.72
#define HEADING_BAR_DEG 2.29
#define REST_BAR	0.80 /* share of still samples found at rest, mean over trials */

typedef struct {
	double incl_deg;    /* 6D inclination RMSE */
	double heading_deg; /* 9D heading RMSE */
	double rest_share;  /* still samples at rest (6D run) */
	size_t scored;	    /* moving samples with a reference */
	size_t still;	    /* samples with moving = 0 */
} trial_score;

static bool ref_ok(bc_quat r)
{
	return isfinite(r.w) && isfinite(r.x) && isfinite(r.y) && isfinite(r.z);
}

static void run_trial(const bc_broad_trial *t, bool use_mag, trial_score *sc)
{
	bc_filter_settings st = bc_filter_settings_default;
	st.use_mag = use_mag;
	bc_filter f;
	bc_filter_init(&f, &st);
	double se = 0;
	size_t n = 0, still = 0, rest = 0;
	for (size_t i = 0; i < t->n; i++) {
		bc_filter_update(&f, &t->samples[i]);
		if (!t->moving[i]) {
			still++;
			rest += bc_filter_lying_still(&f);
			continue;
		}
		if (!ref_ok(t->ref[i]))
			continue;
		double e = use_mag ? bc_broad_heading_err_deg(bc_filter_quat(&f), t->ref[i])
				   : bc_broad_inclination_err_deg(bc_filter_quat(&f), t->ref[i]);
		se += e * e;
		n++;
	}
	double rmse = n ? sqrt(se / (double)n) : NAN;
	if (use_mag) {
		sc->heading_deg = rmse;
		return;
	}
	sc->incl_deg = rmse;
	sc->scored = n;
	sc->still = still;
	sc->rest_share = still ? (double)rest / (double)still : NAN;
}

static void test_broad_accuracy(void **state)
{
	(void)state;
	const char *data = bc_test_shared_data();
	if (!data) {
		print_message("skipped: no shared data (set BC_SHARED_DATA to ../shared/data)\n");
		skip();
	}
	static char paths[BC_BROAD_MAX_TRIALS][512];
	size_t n = bc_broad_list(data, paths, BC_BROAD_MAX_TRIALS);
	if (n == 0) {
		print_message("skipped: no BROAD trials under %s/broad\n", data);
		skip();
	}
	assert_int_equal(n, BROAD_TRIALS);
	size_t run = n;
	if (BC_TEST_UNDER_ASAN) {
		run = 2;
		print_message("AddressSanitizer build: only the first %zu of %zu trials "
			      "(the plain build runs all)\n",
			      run, n);
	}

	print_message("%-46s %8s %9s %11s %7s %6s\n", "trial", "samples", "incl deg", "heading deg",
		      "still", "rest");
	double incl = 0, heading = 0, rest = 0;
	for (size_t i = 0; i < run; i++) {
		bc_broad_trial t;
		char err[600];
		if (bc_broad_load(paths[i], &t, err, sizeof(err)) != 0)
			fail_msg("%s", err);
		trial_score sc = { 0 };
		run_trial(&t, false, &sc);
		run_trial(&t, true, &sc);
		print_message("%-46s %8zu %9.3f %11.3f %7zu %5.1f%%\n", t.name, sc.scored,
			      sc.incl_deg, sc.heading_deg, sc.still, 100.0 * sc.rest_share);
		bc_broad_free(&t);
		assert_true(sc.scored > 1000);
		assert_true(isfinite(sc.incl_deg) && isfinite(sc.heading_deg));
		assert_true(sc.still > 0);
		incl += sc.incl_deg;
		heading += sc.heading_deg;
		rest += sc.rest_share;
	}
	incl /= (double)run;
	heading /= (double)run;
	rest /= (double)run;
	print_message("mean over %zu trials: inclination %.3f deg (bar %.2f), heading %.3f deg "
		      "(bar %.2f), rest on still samples %.1f%% (bar %.0f%%)\n",
		      run, incl, INCL_BAR_DEG, heading, HEADING_BAR_DEG, 100.0 * rest,
		      100.0 * REST_BAR);
	if (run < n)
		return; /* two trials are no mean to hold to the bars */
	assert_true(incl <= INCL_BAR_DEG);
	assert_true(heading <= HEADING_BAR_DEG);
	assert_true(rest >= REST_BAR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_broad_accuracy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
