/* SPDX-License-Identifier: MIT */
/*
 * Start-up of the command line (make bench): build/backcoach, linked without
 * the screen's libraries, beside build/backcoach-app, the same program linked
 * with all of them (what build/backcoach was before they were split):
 * - `--version` (start and exit) and `replay --json` on a one-minute
 *   committed trace (tests/traces/posture-distractor-stand.csv.gz, 60.7 s
 *   at 50 Hz), each run by both programs;
 * - wall time of each, the median of RUNS interleaved rounds (fork, exec,
 *   wait) so all four see the same machine load;
 * - instructions (callgrind, the whole run and the part in ld.so's
 *   _dl_relocate_object; exact) and the shared objects mapped (what ldd
 *   lists: LD_TRACE_LOADED_OBJECTS, vdso and ld.so included).
 *
 * Usage: bench_startup BUILD_DIR [SHARED_DATA_DIR] (as tests/bench/run_bench.sh calls it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "support/bench_support.h"

#define RUNS  51
#define TRACE "tests/traces/posture-distractor-stand.csv.gz"

enum { PROGRAMS = 2, COMMANDS = 2 };

static const char *const program_names[PROGRAMS] = { "backcoach", "backcoach-app" };
static const char *const command_names[COMMANDS] = { "--version", "replay --json (1 min)" };

/* argv of command c run by program path (static storage; valid until the next call). */
static char **command_argv(const char *path, int c)
{
	static char *argv[5];
	argv[0] = (char *)path;
	if (c == 0) {
		argv[1] = "--version";
		argv[2] = NULL;
	} else {
		argv[1] = "replay";
		argv[2] = "--json";
		argv[3] = TRACE;
		argv[4] = NULL;
	}
	return argv;
}

/* Shared objects the loader maps for path (ldd's lines), or -1. */
static int objects_loaded(const char *path)
{
	char cmd[1100];
	snprintf(cmd, sizeof(cmd), "LD_TRACE_LOADED_OBJECTS=1 '%s'", path);
	FILE *p = popen(cmd, "r");
	if (!p)
		return -1;
	int lines = 0;
	for (int ch; (ch = fgetc(p)) != EOF;)
		lines += ch == '\n';
	return pclose(p) == 0 ? lines : -1;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_startup BUILD_DIR [SHARED_DATA_DIR]\n");
		return 2;
	}
	char paths[PROGRAMS][512], cpu[128];
	static double wall_s[PROGRAMS][COMMANDS][RUNS];
	for (int p = 0; p < PROGRAMS; p++)
		snprintf(paths[p], sizeof(paths[p]), "%s/%s", argv[1], program_names[p]);

	for (int r = 0; r < RUNS; r++)
		for (int c = 0; c < COMMANDS; c++)
			for (int p = 0; p < PROGRAMS; p++)
				if ((wall_s[p][c][r] = bc_bench_run_timed(
					     command_argv(paths[p], c))) < 0) {
					fprintf(stderr, "bench_startup: %s %s failed\n", paths[p],
						command_names[c]);
					return 1;
				}
	double load[1] = { -1 };
	getloadavg(load, 1);
	bc_bench_cpu_model(cpu, sizeof(cpu));

	printf("start-up: build/backcoach (the CLI) against build/backcoach-app (all libraries)\n");
	printf("  machine: %s, %ld cores online; load average %.2f after the runs\n", cpu,
	       sysconf(_SC_NPROCESSORS_ONLN), load[0]);
	printf("  wall: median of %d interleaved runs; instructions: callgrind, whole run "
	       "(in _dl_relocate_object)\n",
	       RUNS);
	for (int p = 0; p < PROGRAMS; p++)
		printf("  %-14s %d shared objects mapped\n", program_names[p],
		       objects_loaded(paths[p]));
	for (int c = 0; c < COMMANDS; c++)
		for (int p = 0; p < PROGRAMS; p++) {
			char **cmd = command_argv(paths[p], c);
			long long total = bc_bench_callgrind_instructions(cmd, NULL);
			long long relocating = bc_bench_callgrind_instructions(
				cmd, "_dl_relocate_object");
			printf("  %-14s %-22s %7.2f ms  %11lld instr (%lld)\n", program_names[p],
			       command_names[c], 1e3 * bc_bench_median(wall_s[p][c], RUNS), total,
			       relocating);
		}
	return 0;
}
