/* SPDX-License-Identifier: MIT */
/*
 * The per-sample budget on the Raspberry Pi from instruction counts (make
 * bench): each stage of the sample's way (the coach: filter, calibration,
 * angles, detector, events; the recorder's row; reading a trace back, plain
 * and gzip) counted on x86-64 by callgrind and on aarch64 by qemu-aarch64
 * with tests/tools/qemu_insn_count.c, the same code built by the Pi's cross
 * compiler (make CROSS=aarch64-linux-gnu-).
 *
 * Counts are differences: the stage runner loads the trace, then runs the
 * stage once or twice; (twice - once) / rows is one pass per row, with the
 * program's start, the loading and the libraries' set-up cancelled out.
 * Both machines run the very same passes over the very same rows.
 *
 * Usage: bench_pi_budget BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 *        bench_pi_budget --stage coach|write|read PATH PASSES  (one run, to be counted)
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "coach/coach.h"
#include "support/bench_support.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

#define SLICE_ROWS 60000 /* ten minutes at 100 Hz */
#define PI_SYSROOT "/usr/aarch64-linux-gnu"

/* A53 at 1 GHz, in order, dual issue: 0.5-1 instruction per cycle on this code. */
#define PI_INSTR_PER_US_LOW  500.0
#define PI_INSTR_PER_US_HIGH 1000.0

extern char **environ;

/* Stage runner (both machines) */

static int coach_pass(const bc_sample *s, size_t n)
{
	static bc_coach coach;
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_coach_init(&coach, NULL, BC_EXERCISE_POSTURE);
	for (size_t i = 0; i < n; i++)
		bc_coach_update(&coach, &s[i], events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
	return 0;
}

/* As the recorder writes: a plain file, a sync every second of samples. */
static int write_pass(const char *path, const bc_sample *s, size_t n)
{
	bc_trace_error err;
	bc_trace_writer *w = bc_trace_writer_open(path, NULL, 0, false, &err);
	if (!w)
		return -1;
	int rc = 0;
	/* a countdown, not i % 100: the loop's own cost is not the recorder's */
	for (size_t i = 0, to_sync = 100; i < n && rc == 0; i++) {
		rc = bc_trace_writer_write(w, &s[i], &err);
		if (--to_sync == 0 && rc == 0) {
			rc = bc_trace_writer_sync(w, &err);
			to_sync = 100;
		}
	}
	return bc_trace_writer_close(w, &err) || rc ? -1 : 0;
}

static int read_pass(const char *path)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		return -1;
	bc_sample s;
	int got;
	while ((got = bc_trace_reader_next(r, &s, &err)) == 1)
		;
	bc_trace_reader_free(r);
	return got;
}

static int run_stage(const char *stage, const char *path, int passes)
{
	size_t n = 0;
	bc_sample *s = bc_bench_load_trace(path, SLICE_ROWS + 1, &n);
	if (!s || n == 0)
		return 1;
	char out[600];
	snprintf(out, sizeof(out), "%s.written", path);
	int rc = 0;
	for (int k = 0; k < passes && rc == 0; k++) {
		if (!strcmp(stage, "coach"))
			rc = coach_pass(s, n);
		else if (!strcmp(stage, "write"))
			rc = write_pass(out, s, n);
		else
			rc = read_pass(path);
	}
	unlink(out);
	free(s);
	return rc != 0;
}

/* Orchestration (x86) */

/* Runs argv, stdout to /dev/null and stderr to err_path; 0 when it exits 0. */
static int run_quiet(char *const argv[], const char *err_path)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	pid_t pid;
	int status = -1;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The "instructions: N" line qemu_insn_count.so prints; -1 if none. */
static long long qemu_count(const char *err_path)
{
	FILE *f = fopen(err_path, "r");
	if (!f)
		return -1;
	char line[256];
	long long n = -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "instructions: ", 14))
			n = atoll(line + 14);
	fclose(f);
	return n;
}

typedef struct {
	const char *self_x86, *self_arm, *plugin, *err_path;
} counters;

/* Instructions of one run of `--stage stage path passes`: x86 (callgrind) or aarch64 (qemu). */
static long long count_run(const counters *c, bool arm, const char *stage, const char *path,
			   int passes)
{
	char passes_text[8];
	snprintf(passes_text, sizeof(passes_text), "%d", passes);
	if (!arm) {
		char *argv[] = { (char *)c->self_x86, "--stage",   (char *)stage,
				 (char *)path,	      passes_text, NULL };
		return bc_bench_callgrind_instructions(argv, NULL);
	}
	char *argv[] = { "qemu-aarch64",
			 "-L",
			 PI_SYSROOT,
			 "-plugin",
			 (char *)c->plugin,
			 (char *)c->self_arm,
			 "--stage",
			 (char *)stage,
			 (char *)path,
			 passes_text,
			 NULL };
	if (run_quiet(argv, c->err_path) != 0)
		return -1;
	return qemu_count(c->err_path);
}

/* One pass per row: (two passes - one pass) / rows; -1 when not countable. */
static double per_row(const counters *c, bool arm, const char *stage, const char *path, size_t rows)
{
	if (arm && !c->self_arm)
		return -1;
	long long once = count_run(c, arm, stage, path, 1);
	long long twice = once < 0 ? -1 : count_run(c, arm, stage, path, 2);
	return twice < 0 ? -1 : (double)(twice - once) / (double)rows;
}

static bool executable(const char *path)
{
	return access(path, X_OK) == 0;
}

static bool have_qemu(void)
{
	char *argv[] = { "qemu-aarch64", "--version", NULL };
	return run_quiet(argv, "/dev/null") == 0;
}

static void print_stage(const char *name, double x86, double arm, double rate_hz)
{
	printf("    %-30s", name);
	if (x86 < 0)
		printf(" %8s", "n/a");
	else
		printf(" %8.0f", x86);
	if (arm < 0) {
		printf(" %8s\n", "n/a");
		return;
	}
	double us_low = arm / PI_INSTR_PER_US_HIGH, us_high = arm / PI_INSTR_PER_US_LOW;
	printf(" %8.0f %5.1f-%4.1f us %6.3f-%.3f %%\n", arm, us_low, us_high,
	       us_low * rate_hz * 1e-4, us_high * rate_hz * 1e-4);
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "--stage"))
		return run_stage(argv[2], argv[3], atoi(argv[4]));
	const char *build = argc > 1 ? argv[1] : "build";
	char backcoach[512], arm_self[512], plugin[512], dir[] = "/tmp/backcoach-budget-XXXXXX";
	snprintf(backcoach, sizeof(backcoach), "%s/backcoach", build);
	snprintf(arm_self, sizeof(arm_self), "%s/aarch64/bench/bench_pi_budget", build);
	snprintf(plugin, sizeof(plugin), "%s/tools/qemu_insn_count.so", build);
	if (!mkdtemp(dir))
		return 1;
	char plain[600], gz[600], hour[600], err_path[600];
	snprintf(hour, sizeof(hour), "%s/session.csv.gz", dir);
	snprintf(plain, sizeof(plain), "%s/slice.csv", dir);
	snprintf(gz, sizeof(gz), "%s/slice.csv.gz", dir);
	snprintf(err_path, sizeof(err_path), "%s/stderr.txt", dir);
	char *sim[] = { backcoach, "sim",    "--exercise", "posture", "--scenario",
			"mixed",   "--seed", "7",	   "--rate",  "100",
			"--reps",  "15",     "--out",	   hour,      NULL };
	size_t n = 0;
	bc_sample *s = run_quiet(sim, "/dev/null") == 0
			       ? bc_bench_load_trace(hour, SLICE_ROWS + 1, &n)
			       : NULL;
	if (!s || n < 1000 || write_pass(plain, s, n) || write_pass(gz, s, n)) {
		fprintf(stderr, "bench_pi_budget: could not make the trace with %s\n", backcoach);
		return 1;
	}
	free(s);
	counters c = { argv[0], NULL, plugin, err_path };
	bool arm = executable(arm_self) && executable(plugin) && have_qemu();
	if (arm)
		c.self_arm = arm_self;

	printf("Pi budget: instructions per sample, x86-64 (callgrind) and aarch64 (qemu + %s)\n",
	       "tests/tools/qemu_insn_count.c");
	printf("  %zu samples of a posture session at 100 Hz; Pi Zero 2 W time at 0.5-1 "
	       "instruction per cycle, 1 GHz; share of one core at 100 Hz\n",
	       n);
	if (!arm)
		printf("  aarch64: not counted (needs %s, %s and qemu-aarch64: make deps-cross, "
		       "then make bench)\n",
		       arm_self, plugin);
	printf("    %-30s %8s %8s %16s %s\n", "stage", "x86", "aarch64", "Pi time/sample",
	       "Pi core share");
	double coach_x86 = per_row(&c, false, "coach", plain, n);
	double coach_arm = per_row(&c, true, "coach", plain, n);
	print_stage("coach (filter -> events)", coach_x86, coach_arm, 100);
	double write_x86 = per_row(&c, false, "write", plain, n);
	double write_arm = per_row(&c, true, "write", plain, n);
	print_stage("recording (a row, sync 1/s)", write_x86, write_arm, 100);
	print_stage("live total (coach + recording)",
		    coach_x86 < 0 || write_x86 < 0 ? -1 : coach_x86 + write_x86,
		    coach_arm < 0 || write_arm < 0 ? -1 : coach_arm + write_arm, 100);
	print_stage("replay: read plain", per_row(&c, false, "read", plain, n),
		    per_row(&c, true, "read", plain, n), 100);
	print_stage("replay: read gzip", per_row(&c, false, "read", gz, n),
		    per_row(&c, true, "read", gz, n), 100);
	unlink(hour);
	unlink(plain);
	unlink(gz);
	unlink(err_path);
	rmdir(dir);
	return 0;
}
