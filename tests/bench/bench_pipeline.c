/* SPDX-License-Identifier: MIT */
/*
 * Whole-pipeline figures (make bench): a one-hour, 400 Hz simulated posture
 * session (about 1.6 million samples), and a mixed session of every exercise,
 * through
 * - the coach in memory (filter, calibration, body angles, detector, events):
 *   ns per sample and samples per second;
 * - `backcoach replay --json` from the gzip file, as a user runs it: wall
 *   time, samples per second and peak resident memory, next to the peak
 *   memory of the same command on a 1-minute trace. Equal peaks show that
 *   memory does not grow with the length of the file.
 *
 * Usage: bench_pipeline BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "support/bench_support.h"
#include "trace/trace_reader.h"

#define RUNS 3

/* Generates a mixed session with `backcoach sim` (seed 7, 400 Hz); wall time to *wall_s. */
static int simulate(const char *backcoach, const char *exercise, const char *reps, const char *out,
		    double *wall_s)
{
	char *argv[16] = { (char *)backcoach, "sim",   "--exercise", (char *)exercise,
			   "--scenario",      "mixed", "--seed",     "7",
			   "--rate",	      "400",   "--out",	     (char *)out };
	int n = 12;
	if (reps) {
		argv[n++] = "--reps";
		argv[n++] = (char *)reps;
	}
	argv[n] = NULL;
	long rss;
	return bc_bench_run_measured(argv, wall_s, &rss);
}

/* One pass of the coach over the samples: what the instruction counts measure. */
__attribute__((noinline)) int bench_coach_pass(bc_exercise_id ex, const bc_sample *s, size_t n)
{
	static bc_coach coach; /* large; not on the stack */
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_coach_init(&coach, NULL, ex);
	for (size_t i = 0; i < n; i++)
		bc_coach_update(&coach, &s[i], events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
	return bc_coach_get_view(&coach)->reps;
}

static double coach_ns_per_sample(bc_exercise_id ex, const bc_sample *s, size_t n, int *reps)
{
	double ns[RUNS];
	for (int r = 0; r < RUNS; r++) {
		double t0 = bc_bench_now_s();
		*reps = bench_coach_pass(ex, s, n);
		ns[r] = (bc_bench_now_s() - t0) * 1e9 / (double)n;
	}
	return bc_bench_median(ns, RUNS);
}

/*
 * Instructions per sample of one coach pass: from the CPU's counter, or
 * (where the machine has none) by running `self --one EX PATH` under
 * callgrind. -1 if neither is possible.
 */
static double instructions_per_sample(const char *self, bc_exercise_id ex, const char *path,
				      const bc_sample *s, size_t n)
{
	long long before = bc_bench_instructions();
	if (before >= 0) {
		bench_coach_pass(ex, s, n);
		return (double)(bc_bench_instructions() - before) / (double)n;
	}
	char index[16];
	snprintf(index, sizeof(index), "%d", (int)ex);
	char *argv[] = { (char *)self, "--one", index, (char *)path, NULL };
	long long count = bc_bench_callgrind_instructions(argv, "bench_coach_pass");
	return count < 0 ? -1.0 : (double)count / (double)n;
}

/* What each exercise's detector adds: a mixed session of each through the coach. */
static int per_exercise(const char *self, const char *backcoach, const char *tmp)
{
	printf("  per exercise (a mixed session of each, seed 7, 400 Hz, in memory):\n");
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		const char *name = bc_exercise_info_get(ex)->name;
		char path[600];
		double sim_s;
		size_t n = 0;
		snprintf(path, sizeof(path), "%s/%s.csv.gz", tmp, name);
		bc_sample *s = simulate(backcoach, name, NULL, path, &sim_s) == 0
				       ? bc_bench_load_trace(path, 0, &n)
				       : NULL;
		if (!s || n < 2) {
			free(s);
			return -1;
		}
		int reps;
		double ns = coach_ns_per_sample(ex, s, n, &reps);
		double ins = instructions_per_sample(self, ex, path, s, n);
		printf("    %-17s %7zu samples %3d reps  %5.0f ns/sample  ", name, n, reps, ns);
		if (ins < 0)
			printf("instructions: no counter, no valgrind\n");
		else
			printf("%6.0f instructions/sample\n", ins);
		free(s);
		unlink(path);
	}
	return 0;
}

/* `bench_pipeline --one EX PATH`: one coach pass, for callgrind to count. */
static int one_pass(const char *ex, const char *path)
{
	size_t n = 0;
	bc_sample *s = bc_bench_load_trace(path, 0, &n);
	if (!s)
		return 1;
	bench_coach_pass((bc_exercise_id)atoi(ex), s, n);
	free(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "--one"))
		return one_pass(argv[2], argv[3]);
	const char *build = argc > 1 ? argv[1] : "build";
	char backcoach[512], tmp[] = "/tmp/backcoach-bench-XXXXXX", long_path[600], short_path[600],
			     cpu[200];
	snprintf(backcoach, sizeof(backcoach), "%s/backcoach", build);
	if (!mkdtemp(tmp))
		return 1;
	snprintf(long_path, sizeof(long_path), "%s/hour.csv.gz", tmp);
	snprintf(short_path, sizeof(short_path), "%s/minute.csv.gz", tmp);
	double sim_s, sim_short_s;
	if (simulate(backcoach, "posture", "60", long_path, &sim_s) != 0 ||
	    simulate(backcoach, "posture", "1", short_path, &sim_short_s) != 0) {
		fprintf(stderr, "bench_pipeline: %s sim failed\n", backcoach);
		return 1;
	}

	/*
	 * The replays run first: a spawned child starts with its parent's peak
	 * memory on Linux, so they must not follow the in-memory load below.
	 */
	double wall_s, wall_short_s;
	long rss_kib, rss_short_kib;
	char *replay_long[] = { backcoach, "replay", "--json", long_path, NULL };
	char *replay_short[] = { backcoach, "replay", "--json", short_path, NULL };
	int rc = bc_bench_run_measured(replay_short, &wall_short_s, &rss_short_kib);
	rc |= bc_bench_run_measured(replay_long, &wall_s, &rss_kib);

	size_t n = 0;
	bc_sample *samples = bc_bench_load_trace(long_path, 0, &n);
	if (!samples || n < 2)
		return 1;
	double duration_s = samples[n - 1].t_s - samples[0].t_s;
	int reps;
	double ns = coach_ns_per_sample(BC_EXERCISE_POSTURE, samples, n, &reps);
	double ins = instructions_per_sample(argv[0], BC_EXERCISE_POSTURE, long_path, samples, n);
	free(samples);

	bc_bench_cpu_model(cpu, sizeof(cpu));
	printf("whole pipeline (coach: filter, calibration, angles, detector, events)\n");
	printf("  machine: %s, %ld cores online\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
	printf("  trace: %zu samples, %.0f s at 400 Hz (%d slouch alerts), generated by\n"
	       "    backcoach sim in %.2f s (%.1f M samples/s, gzip included)\n",
	       n, duration_s, reps, sim_s, (double)n / sim_s / 1e6);
	printf("  coach in memory: %.0f ns/sample = %.2f M samples/s (%.0fx a 1 kHz sensor), "
	       "%.0f instructions/sample\n",
	       ns, 1e3 / ns, 1e9 / ns / 1000.0, ins);
	printf("  replay --json from .csv.gz: %.2f s wall = %.2f M samples/s, %.0fx real time\n",
	       wall_s, (double)n / wall_s / 1e6, duration_s / wall_s);
	printf("  peak memory of replay: %ld KiB for 1 hour, %ld KiB for 1 minute\n", rss_kib,
	       rss_short_kib);
	rc |= per_exercise(argv[0], backcoach, tmp);
	unlink(long_path);
	unlink(short_path);
	rmdir(tmp);
	return rc == 0 ? 0 : 1;
}
