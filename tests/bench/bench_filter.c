/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter speed: nanoseconds per bc_filter_update over a BROAD
 * trial held in memory (no I/O in the timed loop), median of several runs,
 * printed with the machine's CPU model; beside it the instructions per update
 * (the CPU's counter, or callgrind where there is none), which compare across
 * machines and do not move with the load.
 *
 * Usage: bench_filter BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 *        bench_filter --one TRIAL_PATH 6|9 (one pass, for callgrind to count)
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

/* One pass over the trial: the loop callgrind counts (bc_filter_update inside). */
static void one_pass(const bc_broad_trial *t, bool use_mag)
{
	bc_filter_settings st = bc_filter_settings_default;
	st.use_mag = use_mag;
	bc_filter f;
	bc_filter_init(&f, &st);
	for (size_t i = 0; i < t->n; i++)
		bc_filter_update(&f, &t->samples[i]);
}

/* Instructions per update, counter or callgrind; -1 if neither is possible. */
static double instructions_per_update(const char *self, const char *path, const bc_broad_trial *t,
				      bool use_mag)
{
	long long before = bc_bench_instructions();
	if (before >= 0) {
		one_pass(t, use_mag);
		return (double)(bc_bench_instructions() - before) / (double)t->n;
	}
	char *argv[] = { (char *)self, "--one", (char *)path, use_mag ? "9" : "6", NULL };
	long long count = bc_bench_callgrind_instructions(argv, "bc_filter_update");
	return count < 0 ? -1.0 : (double)count / (double)t->n;
}

static void print_instructions(const char *label, double ins)
{
	if (ins < 0)
		printf("  %s instructions: no counter, no valgrind\n", label);
	else
		printf("  %s %6.0f instructions/update (x86-64 here; see docs/performance.md for "
		       "aarch64)\n",
		       label, ins);
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "--one")) {
		bc_broad_trial one;
		char e[900];
		if (bc_broad_load(argv[2], &one, e, sizeof(e)) != 0)
			return 1;
		one_pass(&one, !strcmp(argv[3], "9"));
		bc_broad_free(&one);
		return 0;
	}
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
	print_instructions("6-axis (default): ", instructions_per_update(argv[0], path, &t, false));
	print_instructions("with magnetometer:", instructions_per_update(argv[0], path, &t, true));
	bc_broad_free(&t);
	return 0;
}
