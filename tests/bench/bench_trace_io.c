/* SPDX-License-Identifier: MIT */
/*
 * Trace I/O figures (make bench), the issue-14 goals side by side:
 * - a 4-hour, 100 Hz trace (about 1.45 million rows) made here, not
 *   committed: a one-hour simulated posture session (`backcoach sim`) written
 *   four times end to end by bc_trace_writer, plain and gzip;
 * - wall time of `zcat FILE.csv.gz > /dev/null` (the floor: inflating the
 *   file), `backcoach replay --json FILE.csv.gz` and `... FILE.csv`, medians
 *   of RUNS interleaved runs so all three see the same machine load;
 * - per row: instructions (callgrind, exact, on a quarter-hour slice) beside
 *   ns (in process, over the 4-hour files) for reading plain and gzip, the
 *   whole replay, and writing as the recorder does (plain) and as sim does
 *   (gzip).
 *
 * Usage: bench_trace_io BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 *        bench_trace_io --read PATH | --write OUT SOURCE  (one pass, for callgrind)
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/bench_support.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

#define RUNS	   3
#define COPIES	   4	 /* one hour, four times: 4 h */
#define SLICE_ROWS 90000 /* a quarter hour at 100 Hz, for callgrind */

extern char **environ;

/* Runs argv with stdout and stderr to /dev/null; wall seconds, or -1. */
static double run_timed(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	double t0 = bc_bench_now_s();
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	int status;
	if (rc != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return bc_bench_now_s() - t0;
}

/* The whole trace in memory. */
static bc_sample *load(const char *path, size_t *n)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r) {
		fprintf(stderr, "%s\n", err.message);
		return NULL;
	}
	size_t cap = 1 << 16;
	bc_sample *s = malloc(cap * sizeof(*s));
	*n = 0;
	while (s && bc_trace_reader_next(r, &s[*n], &err) == 1) {
		if (++*n == cap) {
			cap *= 2;
			bc_sample *grown = realloc(s, cap * sizeof(*s));
			if (!grown)
				free(s);
			s = grown;
		}
	}
	bc_trace_reader_free(r);
	return s;
}

/* Reads every row of path: what the read figures measure. Rows read, or -1. */
__attribute__((noinline)) long bench_read_pass(const char *path)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		return -1;
	bc_sample s;
	long rows = 0;
	int got;
	while ((got = bc_trace_reader_next(r, &s, &err)) == 1)
		rows++;
	bc_trace_reader_free(r);
	return got == 0 ? rows : -1;
}

/* Writes the samples copies times end to end (t shifted): what the write figures measure. */
__attribute__((noinline)) int bench_write_pass(const char *path, const bc_sample *s, size_t n,
					       int copies)
{
	static const bc_trace_meta meta[] = { { "sensor", "sim-mpu6050" },
					      { "rate_hz", "100" },
					      { "exercise", "posture" } };
	bc_trace_error err;
	bc_trace_writer *w = bc_trace_writer_open(path, meta, 3, false, &err);
	if (!w)
		return -1;
	double span_s = s[n - 1].t_s - s[0].t_s + 0.01;
	for (int c = 0; c < copies; c++)
		for (size_t i = 0; i < n; i++) {
			bc_sample row = s[i];
			row.t_s += c * span_s;
			if (bc_trace_writer_write(w, &row, &err))
				goto fail;
		}
	return bc_trace_writer_close(w, &err);
fail:
	fprintf(stderr, "%s\n", err.message);
	bc_trace_writer_close(w, NULL);
	return -1;
}

static double median_of(double *v)
{
	return bc_bench_median(v, RUNS);
}

static double file_mb(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (double)st.st_size / 1e6 : -1;
}

/* Instructions per row by callgrind: argv's whole run, or only `function` in it. */
static double callgrind_per_row(char *const argv[], const char *function, long rows)
{
	long long count = bc_bench_callgrind_instructions(argv, function);
	return count < 0 ? -1 : (double)count / (double)rows;
}

static void print_row(const char *what, double instructions, double ns)
{
	printf("    %-34s", what);
	if (instructions < 0)
		printf(" %9s", "n/a");
	else
		printf(" %9.0f", instructions);
	if (ns < 0)
		printf(" %9s\n", "-");
	else
		printf(" %9.1f\n", ns);
}

typedef struct {
	char dir[64], hour[128], plain[128], gz[128], slice_plain[128], slice_gz[128];
	const char *self, *backcoach;
	size_t rows, slice_rows;
} bench_files;

/* The one-hour simulation, then the 4-hour files and their quarter-hour slices. */
static int make_files(bench_files *f, double *write_ns, double *write_gz_ns)
{
	char *sim[] = { (char *)f->backcoach,
			"sim",
			"--exercise",
			"posture",
			"--scenario",
			"mixed",
			"--seed",
			"7",
			"--rate",
			"100",
			"--reps",
			"60",
			"--out",
			f->hour,
			NULL };
	if (run_timed(sim) < 0) {
		fprintf(stderr, "bench_trace_io: %s sim failed\n", f->backcoach);
		return -1;
	}
	size_t n = 0;
	bc_sample *s = load(f->hour, &n);
	if (!s || n < SLICE_ROWS)
		return -1;
	double t0 = bc_bench_now_s();
	int rc = bench_write_pass(f->plain, s, n, COPIES);
	*write_ns = (bc_bench_now_s() - t0) * 1e9 / (double)(n * COPIES);
	t0 = bc_bench_now_s();
	rc |= bench_write_pass(f->gz, s, n, COPIES);
	*write_gz_ns = (bc_bench_now_s() - t0) * 1e9 / (double)(n * COPIES);
	rc |= bench_write_pass(f->slice_plain, s, SLICE_ROWS, 1);
	rc |= bench_write_pass(f->slice_gz, s, SLICE_ROWS, 1);
	free(s);
	f->rows = n * COPIES;
	f->slice_rows = SLICE_ROWS;
	return rc;
}

/* zcat, replay gzip, replay plain: RUNS rounds, interleaved. */
static int time_replays(const bench_files *f, double *zcat_s, double *gz_s, double *plain_s)
{
	double z[RUNS], g[RUNS], p[RUNS];
	char *zcat[] = { "zcat", (char *)f->gz, NULL };
	char *replay_gz[] = { (char *)f->backcoach, "replay", "--json", (char *)f->gz, NULL };
	char *replay_plain[] = { (char *)f->backcoach, "replay", "--json", (char *)f->plain, NULL };
	for (int r = 0; r < RUNS; r++) {
		z[r] = run_timed(zcat);
		g[r] = run_timed(replay_gz);
		p[r] = run_timed(replay_plain);
		if (z[r] < 0 || g[r] < 0 || p[r] < 0)
			return -1;
	}
	*zcat_s = median_of(z);
	*gz_s = median_of(g);
	*plain_s = median_of(p);
	return 0;
}

static double read_ns_per_row(const char *path, size_t rows)
{
	double ns[RUNS];
	for (int r = 0; r < RUNS; r++) {
		double t0 = bc_bench_now_s();
		if (bench_read_pass(path) != (long)rows)
			return -1;
		ns[r] = (bc_bench_now_s() - t0) * 1e9 / (double)rows;
	}
	return median_of(ns);
}

static void print_per_row(const bench_files *f, double write_ns, double write_gz_ns)
{
	long rows = (long)f->slice_rows;
	char out[160];
	snprintf(out, sizeof(out), "%s/written.csv", f->dir);
	char *read_plain[] = { (char *)f->self, "--read", (char *)f->slice_plain, NULL };
	char *read_gz[] = { (char *)f->self, "--read", (char *)f->slice_gz, NULL };
	char *write_plain[] = { (char *)f->self, "--write", out, (char *)f->slice_plain, NULL };
	char *gunzip[] = { "gzip", "-cd", (char *)f->slice_gz, NULL };
	char *replay_plain[] = { (char *)f->backcoach, "replay", "--json", (char *)f->slice_plain,
				 NULL };
	char *replay_gz[] = { (char *)f->backcoach, "replay", "--json", (char *)f->slice_gz, NULL };
	printf("  per row: instructions (callgrind, %ld-row slice) and ns (in process, 4 h "
	       "file):\n",
	       rows);
	printf("    %-34s %9s %9s\n", "", "instr", "ns");
	print_row("zcat (gzip -cd, the whole program)", callgrind_per_row(gunzip, NULL, rows), -1);
	print_row("read plain (bc_trace_reader)",
		  callgrind_per_row(read_plain, "bench_read_pass", rows),
		  read_ns_per_row(f->plain, f->rows));
	print_row("read gzip", callgrind_per_row(read_gz, "bench_read_pass", rows),
		  read_ns_per_row(f->gz, f->rows));
	print_row("replay plain (read + coach)",
		  callgrind_per_row(replay_plain, "cmd_replay", rows), -1);
	print_row("replay gzip", callgrind_per_row(replay_gz, "cmd_replay", rows), -1);
	print_row("write plain (the recorder's path)",
		  callgrind_per_row(write_plain, "bc_trace_writer_write", rows), write_ns);
	print_row("write gzip (sim, level 6)", -1, write_gz_ns);
	unlink(out);
}

/* `--read PATH` / `--write OUT SOURCE`: one pass for callgrind to count. */
static int one_pass(int argc, char **argv)
{
	if (!strcmp(argv[1], "--read"))
		return bench_read_pass(argv[2]) < 0;
	if (argc < 4)
		return 2;
	size_t n = 0;
	bc_sample *s = load(argv[3], &n);
	int rc = s && n ? bench_write_pass(argv[2], s, n, 1) : -1;
	free(s);
	return rc != 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && (!strcmp(argv[1], "--read") || !strcmp(argv[1], "--write")))
		return one_pass(argc, argv);
	const char *build = argc > 1 ? argv[1] : "build";
	char backcoach[512], cpu[200];
	snprintf(backcoach, sizeof(backcoach), "%s/backcoach", build);
	bench_files f = { .dir = "/tmp/backcoach-traceio-XXXXXX", .self = argv[0] };
	f.backcoach = backcoach;
	if (!mkdtemp(f.dir))
		return 1;
	snprintf(f.hour, sizeof(f.hour), "%s/hour.csv.gz", f.dir);
	snprintf(f.plain, sizeof(f.plain), "%s/4h.csv", f.dir);
	snprintf(f.gz, sizeof(f.gz), "%s/4h.csv.gz", f.dir);
	snprintf(f.slice_plain, sizeof(f.slice_plain), "%s/quarter.csv", f.dir);
	snprintf(f.slice_gz, sizeof(f.slice_gz), "%s/quarter.csv.gz", f.dir);
	double write_ns = -1, write_gz_ns = -1, zcat_s, gz_s, plain_s;
	int rc = make_files(&f, &write_ns, &write_gz_ns);
	if (rc == 0)
		rc = time_replays(&f, &zcat_s, &gz_s, &plain_s);
	if (rc == 0) {
		bc_bench_cpu_model(cpu, sizeof(cpu));
		printf("trace I/O: 4 h at 100 Hz, %zu rows (plain %.1f MB, gzip %.1f MB)\n", f.rows,
		       file_mb(f.plain), file_mb(f.gz));
		printf("  machine: %s, %ld cores online\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
		printf("  wall time, median of %d interleaved runs:\n", RUNS);
		printf("    zcat 4h.csv.gz > /dev/null           %6.2f s\n", zcat_s);
		printf("    backcoach replay --json 4h.csv.gz    %6.2f s = %.2fx zcat (goal <= "
		       "1.5x), "
		       "%.2f M rows/s\n",
		       gz_s, gz_s / zcat_s, (double)f.rows / gz_s / 1e6);
		printf("    backcoach replay --json 4h.csv       %6.2f s = %.2fx zcat (goal < 1x), "
		       "%.2f M rows/s\n",
		       plain_s, plain_s / zcat_s, (double)f.rows / plain_s / 1e6);
		print_per_row(&f, write_ns, write_gz_ns);
	}
	unlink(f.hour);
	unlink(f.plain);
	unlink(f.gz);
	unlink(f.slice_plain);
	unlink(f.slice_gz);
	rmdir(f.dir);
	return rc == 0 ? 0 : 1;
}
