/* SPDX-License-Identifier: MIT */
#include "support/bench_support.h"

#include <fcntl.h>
#include <linux/perf_event.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "trace/trace_reader.h"

extern char **environ;

double bc_bench_now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int bc_bench_run_measured(char *const argv[], double *wall_s, long *max_rss_kib)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	double t0 = bc_bench_now_s();
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	*wall_s = bc_bench_now_s() - t0;
	if (max_rss_kib)
		*max_rss_kib = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

double bc_bench_run_timed(char *const argv[])
{
	double wall_s;
	return bc_bench_run_measured(argv, &wall_s, NULL) == 0 ? wall_s : -1;
}

void bc_bench_cpu_model(char *out, size_t size)
{
	snprintf(out, size, "unknown CPU");
	FILE *f = fopen("/proc/cpuinfo", "r");
	if (!f)
		return;
	char line[256];
	while (fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');
		/* x86 says "model name", a Raspberry Pi says "Model". */
		if (colon && (!strncmp(line, "model name", 10) || !strncmp(line, "Model", 5))) {
			colon += 2;
			colon[strcspn(colon, "\n")] = '\0';
			snprintf(out, size, "%s", colon);
			break;
		}
	}
	fclose(f);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bc_bench_median(double *values, size_t n)
{
	qsort(values, n, sizeof(values[0]), cmp_double);
	return n ? values[n / 2] : 0.0;
}

long long bc_bench_instructions(void)
{
	static int fd = -2;
	if (fd == -2) {
		struct perf_event_attr a;
		memset(&a, 0, sizeof(a));
		a.size = sizeof(a);
		a.type = PERF_TYPE_HARDWARE;
		a.config = PERF_COUNT_HW_INSTRUCTIONS;
		a.exclude_kernel = 1;
		a.exclude_hv = 1;
		fd = (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	}
	uint64_t count;
	if (fd < 0 || read(fd, &count, sizeof(count)) != (ssize_t)sizeof(count))
		return -1;
	return (long long)count;
}

/* The "totals:" line of a callgrind output file: instructions (Ir). */
static long long callgrind_totals(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char line[256];
	long long total = -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "totals:", 7) || !strncmp(line, "summary:", 8))
			total = atoll(strchr(line, ':') + 1);
	fclose(f);
	return total;
}

long long bc_bench_callgrind_instructions(char *const argv[], const char *function)
{
	char out[] = "/tmp/backcoach-callgrind-XXXXXX", out_opt[64], toggle_opt[256];
	int fd = mkstemp(out);
	if (fd < 0)
		return -1;
	close(fd);
	snprintf(out_opt, sizeof(out_opt), "--callgrind-out-file=%s", out);
	snprintf(toggle_opt, sizeof(toggle_opt), "--toggle-collect=%s", function);
	char *vg[32] = { "valgrind", "--tool=callgrind", "--quiet", out_opt, toggle_opt };
	int n = function ? 5 : 4;
	for (int i = 0; argv[i] && n < 31; i++)
		vg[n++] = argv[i];
	vg[n] = NULL;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int status = -1;
	long long total = -1;
	if (posix_spawnp(&pid, "valgrind", &fa, NULL, vg, environ) == 0 &&
	    waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		total = callgrind_totals(out);
	posix_spawn_file_actions_destroy(&fa);
	unlink(out);
	return total;
}

bc_sample *bc_bench_load_trace(const char *path, size_t max_rows, size_t *n)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r) {
		fprintf(stderr, "%s\n", err.message);
		return NULL;
	}
	size_t cap = max_rows ? max_rows : (size_t)1 << 16;
	bc_sample *s = malloc(cap * sizeof(*s));
	*n = 0;
	while (s && (!max_rows || *n < max_rows) && bc_trace_reader_next(r, &s[*n], &err) == 1) {
		if (++*n == cap && !max_rows) {
			cap *= 2;
			bc_sample *grown = realloc(s, cap * sizeof(*s));
			if (!grown)
				free(s);
			s = grown;
		}
	}
	bc_trace_reader_free(r);
	if (!s)
		fprintf(stderr, "%s: out of memory\n", path);
	return s;
}
