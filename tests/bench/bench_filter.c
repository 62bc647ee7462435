/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter speed: nanoseconds per bc_filter_update over a BROAD
 * trial held in memory (no I/O in the timed loop), median of several runs,
 * printed with the machine's CPU model.
 *
 * Usage: bench_filter BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filter/orientation_filter.h"
#include "support/bench_support.h"
#include "support/broad_trial.h"

#define RUNS  15
#define TRIAL "21_undisturbed_fast_combined" /* fast motion: every code path busy */

/*
 * ns per update over RUNS passes of the whole trial: the median, and the
 * fastest pass (*best), which is what an unshared core would see.
 */
static double bench(const bc_broad_trial *t, const bc_filter_settings *st, double *best)
{
	double ns[RUNS];
	volatile float sink = 0;
	for (int r = 0; r < RUNS; r++) {
		bc_filter f;
		bc_filter_init(&f, st);
		double t0 = bc_bench_now_s();
		for (size_t i = 0; i < t->n; i++)
			bc_filter_update(&f, &t->samples[i]);
		double t1 = bc_bench_now_s();
		sink += bc_filter_quat(&f).w;
		ns[r] = (t1 - t0) * 1e9 / (double)t->n;
	}
	(void)sink;
	double median = bc_bench_median(ns, RUNS);
	*best = ns[0];
	return median;
}

int main(int argc, char **argv)
{
	const char *data = argc > 2 ? argv[2] : "../shared/data";
	char path[768], err[900], cpu[200];
	snprintf(path, sizeof(path), "%s/broad/%s.csv.gz", data, TRIAL);
	bc_broad_trial t;
	if (bc_broad_load(path, &t, err, sizeof(err)) != 0) {
		printf("bench_filter: skipped (%s)\n", err);
		return 0;
	}
	bc_bench_cpu_model(cpu, sizeof(cpu));

	double best6, best9;
	double ns6 = bench(&t, &bc_filter_settings_default, &best6);
	bc_filter_settings mag = bc_filter_settings_default;
	mag.use_mag = true;
	double ns9 = bench(&t, &mag, &best9);

	printf("bench_filter: %s, %zu samples, %d runs, on %s\n", TRIAL, t.n, RUNS, cpu);
	printf("  6-axis (default):  median %6.1f ns/update (fastest run %6.1f)\n", ns6, best6);
	printf("  with magnetometer: median %6.1f ns/update (fastest run %6.1f)\n", ns9, best9);
	bc_broad_free(&t);
	return 0;
}
