/* SPDX-License-Identifier: MIT */
/*
 * Trace I/O figures (make bench), the issue-14 goals side by side:
 * - a 4-hour, 100 Hz trace (about 1.45 million rows) made here, not
 *   committed: a one-hour simulated posture session (`backcoach sim`) written
 *   four times end to end by bc_trace_writer, plain and gzip;
 * - wall time of `zcat FILE.csv.gz > /dev/null` (the floor: inflating the
 *   file), `backcoach replay --json FILE.csv.gz` and `... FILE.csv`, and both
 *   again in one thread (BACKCOACH_READAHEAD=0: the reader not run ahead),
 *   medians of RUNS interleaved runs so all see the same machine load;
 * - the read-ahead in process (host/trace_prefetch.h, the coach fed as replay
 *   feeds it): how much of the wall each side waited for the other, so a
 *   reader sees which side is the floor;
 * - per row: instructions (callgrind, exact, on a quarter-hour slice) beside
 *   ns (in process, over the 4-hour files) for reading plain and gzip,
 *   replay's two threads (the coach's, the reader's) and replay in one
 *   thread, and writing as the recorder does (plain) and as sim does (gzip).
 *
 * Usage: bench_trace_io BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 *        bench_trace_io --read PATH | --write OUT SOURCE  (one pass, for callgrind)
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coach/coach.h"
#include "support/bench_support.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"
#include "coach_feed.h"
#include "trace_prefetch.h"

#define RUNS	   5
#define COPIES	   4	 /* one hour, four times: 4 h */
#define SLICE_ROWS 90000 /* a quarter hour at 100 Hz, for callgrind */

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
	if (bc_bench_run_timed(sim) < 0) {
		fprintf(stderr, "bench_trace_io: %s sim failed\n", f->backcoach);
		return -1;
	}
	size_t n = 0;
	bc_sample *s = bc_bench_load_trace(f->hour, 0, &n);
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

/* Wall seconds of each command, medians of RUNS interleaved rounds. */
typedef struct {
	double zcat, gz, plain;		/* replay with its read-ahead */
	double gz_direct, plain_direct; /* replay in one thread */
} replay_times;

/* argv run with BACKCOACH_READAHEAD=0 in its environment: replay in one thread. */
static double run_timed_direct(char *const argv[])
{
	setenv("BACKCOACH_READAHEAD", "0", 1);
	double s = bc_bench_run_timed(argv);
	unsetenv("BACKCOACH_READAHEAD");
	return s;
}

/* zcat, replay gzip, replay plain, and both replays in one thread: RUNS rounds, interleaved. */
static int time_replays(const bench_files *f, replay_times *t)
{
	double z[RUNS], g[RUNS], p[RUNS], gd[RUNS], pd[RUNS];
	char *zcat[] = { "zcat", (char *)f->gz, NULL };
	char *replay_gz[] = { (char *)f->backcoach, "replay", "--json", (char *)f->gz, NULL };
	char *replay_plain[] = { (char *)f->backcoach, "replay", "--json", (char *)f->plain, NULL };
	for (int r = 0; r < RUNS; r++) {
		z[r] = bc_bench_run_timed(zcat);
		g[r] = bc_bench_run_timed(replay_gz);
		p[r] = bc_bench_run_timed(replay_plain);
		gd[r] = run_timed_direct(replay_gz);
		pd[r] = run_timed_direct(replay_plain);
		if (z[r] < 0 || g[r] < 0 || p[r] < 0 || gd[r] < 0 || pd[r] < 0)
			return -1;
	}
	t->zcat = median_of(z);
	t->gz = median_of(g);
	t->plain = median_of(p);
	t->gz_direct = median_of(gd);
	t->plain_direct = median_of(pd);
	return 0;
}

/*
 * The read-ahead as replay runs it (coach_feed.h: the coach's back half in
 * this thread): the share of the wall that each side spent waiting for the
 * other. -1 on failure.
 */
static int prefetch_waits(const char *path, double *wall_s, bc_trace_prefetch_stats *stats)
{
	static bc_coach coach; /* large */
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		return -1;
	bc_coach_init(&coach, NULL, BC_EXERCISE_POSTURE);
	double t0 = bc_bench_now_s();
	bc_coach_feed feed;
	bc_coach_feed_start(&feed, r, &coach);
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	const bc_coach_front *f;
	int got;
	while ((got = bc_coach_feed_next(&feed, &f, &err)) == 1)
		bc_coach_update_fronted(&coach, f, events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
	*wall_s = bc_bench_now_s() - t0;
	*stats = bc_trace_prefetch_stats_get(&feed.ahead);
	bc_coach_feed_stop(&feed);
	bc_trace_reader_free(r);
	return got == 0 ? 0 : -1;
}

static void print_waits(const char *what, const char *path)
{
	double wall_s;
	bc_trace_prefetch_stats st;
	if (prefetch_waits(path, &wall_s, &st) < 0) {
		printf("    %-8s failed\n", what);
		return;
	}
	printf("    %-8s %5.2f s: coach waited for the reader %4.1f %%, reader for the coach "
	       "%4.1f %% (%ld blocks)\n",
	       what, wall_s, 100 * st.consumer_wait_s / wall_s, 100 * st.producer_wait_s / wall_s,
	       st.blocks_handed_over);
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

/*
 * Replay's instructions per row: each thread's (callgrind counts a toggled
 * function in its own thread only), and the whole in one thread as before.
 */
static void print_replay_rows(const char *what, char *const argv[], long rows)
{
	char label[64];
	double coach = callgrind_per_row(argv, "cmd_replay", rows);
	double reader = callgrind_per_row(argv, "produce_blocks", rows);
	snprintf(label, sizeof(label), "%s: coach thread", what);
	print_row(label, coach, -1);
	snprintf(label, sizeof(label), "%s: read-ahead thread", what);
	print_row(label, reader, -1);
	setenv("BACKCOACH_READAHEAD", "0", 1);
	snprintf(label, sizeof(label), "%s: one thread (before)", what);
	print_row(label, callgrind_per_row(argv, "cmd_replay", rows), -1);
	unsetenv("BACKCOACH_READAHEAD");
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
	/* callgrind counts each thread's toggled function alone */
	print_replay_rows("replay plain", replay_plain, rows);
	print_replay_rows("replay gzip", replay_gz, rows);
	print_row("write plain (the recorder's path)",
		  callgrind_per_row(write_plain, "bc_trace_writer_write", rows), write_ns);
	print_row("write gzip (sim, level 6)", -1, write_gz_ns);
	unlink(out);
}

/* The 1-minute load average, as /proc/loadavg gives it; -1 if unreadable. */
static double load_average(void)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double load = -1;
	if (f && fscanf(f, "%lf", &load) != 1)
		load = -1;
	if (f)
		fclose(f);
	return load;
}

static void print_time(const char *what, double s, double zcat_s, size_t rows, const char *goal,
		       bool met)
{
	printf("    %-38s %6.2f s = %.2fx zcat, %.2f M rows/s", what, s, s / zcat_s,
	       (double)rows / s / 1e6);
	if (goal)
		printf(" (goal %s: %s)", goal, met ? "met" : "not met");
	printf("\n");
}

/* The wall times against issue 14's goals, and the same replays in one thread. */
static void print_times(const bench_files *f, const replay_times *t)
{
	printf("  wall time, median of %d interleaved runs (load average %.1f after them):\n", RUNS,
	       load_average());
	printf("    %-38s %6.2f s\n", "zcat 4h.csv.gz > /dev/null", t->zcat);
	print_time("backcoach replay --json 4h.csv.gz", t->gz, t->zcat, f->rows, "<= 1.5x",
		   t->gz <= 1.5 * t->zcat);
	print_time("backcoach replay --json 4h.csv", t->plain, t->zcat, f->rows, "< 1x",
		   t->plain < t->zcat);
	print_time("  the same in one thread, gzip", t->gz_direct, t->zcat, f->rows, NULL, false);
	print_time("  the same in one thread, plain", t->plain_direct, t->zcat, f->rows, NULL,
		   false);
}

/* `--read PATH` / `--write OUT SOURCE`: one pass for callgrind to count. */
static int one_pass(int argc, char **argv)
{
	if (!strcmp(argv[1], "--read"))
		return bench_read_pass(argv[2]) < 0;
	if (argc < 4)
		return 2;
	size_t n = 0;
	bc_sample *s = bc_bench_load_trace(argv[3], 0, &n);
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
	double write_ns = -1, write_gz_ns = -1;
	replay_times t;
	int rc = make_files(&f, &write_ns, &write_gz_ns);
	if (rc == 0)
		rc = time_replays(&f, &t);
	if (rc == 0) {
		bc_bench_cpu_model(cpu, sizeof(cpu));
		printf("trace I/O: 4 h at 100 Hz, %zu rows (plain %.1f MB, gzip %.1f MB)\n", f.rows,
		       file_mb(f.plain), file_mb(f.gz));
		printf("  machine: %s, %ld cores online\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
		print_times(&f, &t);
		printf("  read-ahead in process (the coach fed as replay feeds it):\n");
		print_waits("gzip", f.gz);
		print_waits("plain", f.plain);
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
