/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter accuracy on the 14 BROAD trials (shared data
 * data/broad/, real IMU with optical reference): 6-axis inclination RMSE over
 * moving samples with a finite reference, per trial, then the mean over
 * trials (the dataset's metric, data/broad/README.md). Production defaults,
 * one parameter set. Bar: mean at most 1.0 deg (VQF scores 0.72 deg).
 *
 * Under AddressSanitizer only the first two trials run (the whole set takes
 * too long there); the output says so.
 */
#include <math.h>
#include <stdio.h>

#include "filter/orientation_filter.h"
#include "support/broad_trial.h"
#include "support/test_support.h"

#define BAR_DEG	     1.0
#define BROAD_TRIALS 14

/* RMS inclination error of one trial, degrees; samples counted in *used. */
static double trial_rmse_deg(const bc_broad_trial *t, size_t *used)
{
	bc_filter f;
	bc_filter_init(&f, &bc_filter_settings_default);
	double se = 0;
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		bc_filter_update(&f, &t->samples[i]);
		bc_quat r = t->ref[i];
		if (!t->moving[i] || !isfinite(r.w) || !isfinite(r.x) || !isfinite(r.y) ||
		    !isfinite(r.z))
			continue;
		double e = bc_broad_inclination_err_deg(bc_filter_quat(&f), r);
		se += e * e;
		n++;
	}
	*used = n;
	return n ? sqrt(se / (double)n) : NAN;
}

static void test_broad_inclination_rmse(void **state)
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

	print_message("%-46s %8s %9s\n", "trial", "samples", "RMSE deg");
	double sum = 0;
	for (size_t i = 0; i < run; i++) {
		bc_broad_trial t;
		char err[600];
		if (bc_broad_load(paths[i], &t, err, sizeof(err)) != 0)
			fail_msg("%s", err);
		size_t used = 0;
		double rmse = trial_rmse_deg(&t, &used);
		print_message("%-46s %8zu %9.3f\n", t.name, used, rmse);
		bc_broad_free(&t);
		assert_true(used > 1000);
		assert_true(isfinite(rmse));
		sum += rmse;
	}
	double mean = sum / (double)run;
	print_message("mean over %zu trials: %.3f deg (bar %.2f, VQF 0.72)\n", run, mean, BAR_DEG);
	assert_true(mean <= BAR_DEG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_broad_inclination_rmse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
