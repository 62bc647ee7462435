/* SPDX-License-Identifier: MIT */
/* build/backcoach: one binary, one subcommand per job. */
#include <stdio.h>
#include <string.h>

#include "cli_options.h"
#include "commands.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "run", cmd_run, "the coach on the screen (live sensor or --trace FILE)" },
	{ "replay", cmd_replay, "run the whole pipeline over a trace and summarise" },
	{ "orient", cmd_orient, "orientation filter alone: CSV t,qw,qx,qy,qz" },
	{ "angles", cmd_angles, "body angles per sample as CSV" },
	{ "sim", cmd_sim, "generate a physics-based synthetic session trace" },
	{ "sway", cmd_sway, "how unsteady the wearer stands: gyro, tilt, bands" },
	{ "probe", cmd_probe, "find and name the IMU chips on an I2C bus" },
	{ "record", cmd_record, "record live samples to a trace file" },
	{ "history", cmd_history, "today's reps, the streak and recent sessions" },
	{ "profile", cmd_profile, "the wearers of this device: list, add, use" },
	{ "report", cmd_report, "a PDF (and CSV) report of the last weeks for a physio" },
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
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "backcoach: unknown command '%s' (try 'backcoach --help')\n", argv[1]);
	return BC_EXIT_USAGE;
}
