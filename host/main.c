/* SPDX-License-Identifier: MIT */
/*
 * build/backcoach: one command line, one subcommand per job.
 *
 * Built twice. build/backcoach is linked without the screen's libraries
 * (SDL2, cairo, fontconfig, espeak-ng and theirs: 74 of the 82 shared objects
 * it mapped), so that replay and the other tools start in a fraction of the
 * time; it hands the screen's commands to build/backcoach-app, this file
 * built with BC_APP_BINARY and linked with everything (docs/performance.md,
 * "Start-up of the command-line tools").
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_options.h"
#include "commands.h"
#include "paths.h"

/* A command that draws or speaks: NULL (run by backcoach-app) in build/backcoach. */
#ifdef BC_APP_BINARY
#define SCREEN_COMMAND(fn) fn
#else
#define SCREEN_COMMAND(fn) NULL
#endif

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "run", SCREEN_COMMAND(cmd_run), "the coach on the screen (live sensor or --trace FILE)" },
	{ "replay", cmd_replay, "run the whole pipeline over a trace and summarise" },
	{ "orient", cmd_orient, "orientation filter alone: CSV t,qw,qx,qy,qz" },
	{ "angles", cmd_angles, "body angles per sample as CSV" },
	{ "sim", cmd_sim, "generate a physics-based synthetic session trace" },
	{ "sway", cmd_sway, "how unsteady the wearer stands: gyro, tilt, bands" },
	{ "probe", cmd_probe, "find and name the IMU chips on an I2C bus" },
	{ "record", cmd_record, "record live samples to a trace file" },
	{ "history", cmd_history, "today's reps, the streak and recent sessions" },
	{ "profile", cmd_profile, "the wearers of this device: list, add, use" },
	{ "report", SCREEN_COMMAND(cmd_report),
	  "a PDF (and CSV) report of the last weeks for a physio" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: backcoach COMMAND [OPTIONS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'backcoach COMMAND --help' describes each one; --version (also after\n"
		     "any command) prints the version. Exit status: 0 done, 1 failed (no\n"
		     "sensor, cannot write, ...), 2 usage error, 3 unreadable trace;\n"
		     "man backcoach has the details.\n");
}

/*
 * The same command line, run by backcoach-app in this process (same pid, so
 * the boot service, a shell's job control and exit statuses see no change).
 * Returns only on failure.
 */
static int exec_app(char **argv)
{
	char path[PATH_MAX];
	if (!bc_paths_find_app(path, sizeof(path))) {
		fprintf(stderr,
			"backcoach %s: backcoach-app (the screen's program) is neither beside "
			"this program nor in its ../lib/backcoach/ (make builds it; "
			"BACKCOACH_APP names another)\n",
			argv[1]);
		return BC_EXIT_FAILURE;
	}
	execv(path, argv);
	fprintf(stderr, "backcoach %s: cannot start %s: %s\n", argv[1], path, strerror(errno));
	return BC_EXIT_FAILURE;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return BC_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return BC_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("backcoach %s\n", bc_cli_version());
		return BC_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run ? commands[i].run(argc - 1, argv + 1)
					       : exec_app(argv);
	fprintf(stderr, "backcoach: unknown command '%s' (try 'backcoach --help')\n", argv[1]);
	return BC_EXIT_USAGE;
}
