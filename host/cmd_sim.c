/* SPDX-License-Identifier: MIT */
/*
 * backcoach sim: writes a physics-based synthetic session trace with the
 * expected answer in its metadata (see host/sim/sim_session.h and
 * host/sim/session_script.h for what is simulated and what expect_* means).
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_options.h"
#include "commands.h"
#include "sim/sim_session.h"
#include "trace/trace_writer.h"

/* Definitions */

static const bc_cli_option options[] = {
	{ "exercise", "NAME", "the exercise (required)" },
	{ "seed", "N", "random seed; the same seed gives the same file (default 1)" },
	{ "scenario", "KIND", "correct | mixed | incorrect:REASON | distractor:WHAT (default correct)" },
	{ "reps", "N", "correct reps (incorrect: attempts); default per exercise" },
	{ "rate", "HZ", "nominal sample rate, 10..2000 (default 100)" },
	{ "person", "ID|random", "the wearer: a number names one person (default random)" },
	{ "mount", "HOW", "random | aligned | w,x,y,z (q_body_from_sensor) (default random)" },
	{ "noise", "on|off", "off: ideal sensor, clock and no quantisation (default on)" },
	{ "dropouts", "N", "data gaps of 0.6-2.5 s placed in rests (default 0)" },
	{ "hold", "SECONDS", "hold target the attempts are scripted against" },
	{ "accel-fs", "G", "accelerometer full scale 2|4|8|16 (default random)" },
	{ "gyro-fs", "DPS", "gyroscope full scale 250|500|1000|2000 (default random)" },
	{ "t0", "SECONDS", "time of the first sample (default 0)" },
	{ "out", "FILE", "output .csv or .csv.gz (default: CSV on stdout)" },
	{ NULL, NULL, NULL },
};

static void more_help(FILE *out)
{
	bc_cli_help_exercises(out);
	fprintf(out, "\nrejection reasons (incorrect:REASON, '-' for spaces):\n");
	for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT; r++) {
		fprintf(out, "  %-20s", bc_reject_reason_text((bc_reject_reason)r));
		for (int e = 0; e < BC_EXERCISE_COUNT; e++)
			if (sim_reason_applies((bc_exercise_id)e, (bc_reject_reason)r))
				fprintf(out, " %s", bc_exercise_info_get((bc_exercise_id)e)->name);
		fprintf(out, "\n");
	}
	fprintf(out, "\ndistractors (distractor:WHAT, nothing to count):\n"
		     "  all        fidget, roll over, lie still, sit up, stand, walk, return\n"
		     "  fidget     small shifts in the start pose\n"
		     "  roll-over  onto the side and back (lying exercises)\n"
		     "  sit-up     sit up / kneel up and back down (not posture)\n"
		     "  walk       get up and walk about\n"
		     "  still      stay in the start pose for minutes\n"
		     "  stand      get up and stand\n"
		     "\nThe trace's '# expect_*' lines carry the answer: expect_reps, expect_rejected,\n"
		     "expect_reasons (in order), expect_events (TYPE@t; t is the midpoint of the\n"
		     "return movement that ends an attempt: the release of the hold, cat-cow the\n"
		     "rise out of the cow; posture: 10 s after the slouch reaches 10 deg, then\n"
		     "every 30 s), expect_tolerance_s.\n");
}

static const bc_cli_command command = {
	.name = "sim",
	.synopsis = "--exercise NAME [--seed N] [--scenario KIND] [options] [--out FILE]",
	.about = "Generates a synthetic session: a simulated wearer follows the wearing\n"
		 "protocol and does the exercise (or something else), a simulated IMU on\n"
		 "the lower back records it. The metadata holds the expected answer.",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.more_help = more_help,
};

/* Parsing */

static int parse_u64(const char *opt, const char *text, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (end == text || *end || errno || text[0] == '-')
		return bc_cli_usage_error(&command, "--%s '%s' must be a non-negative whole number",
					  opt, text);
	*out = (uint64_t)v;
	return -1;
}

static int parse_scenario(const char *text, bc_exercise_id ex, sim_script_settings *st)
{
	if (!strcmp(text, "correct")) {
		st->scenario = SIM_SCENARIO_CORRECT;
	} else if (!strcmp(text, "mixed")) {
		st->scenario = SIM_SCENARIO_MIXED;
	} else if (!strncmp(text, "incorrect:", 10)) {
		st->scenario = SIM_SCENARIO_INCORRECT;
		st->reason = sim_reason_from_name(text + 10);
		if (st->reason == BC_REJECT_NONE)
			return bc_cli_usage_error(&command, "unknown rejection reason '%s'", text + 10);
		if (!sim_reason_applies(ex, st->reason))
			return bc_cli_usage_error(&command, "'%s' does not apply to %s",
						  bc_reject_reason_text(st->reason),
						  bc_exercise_info_get(ex)->name);
	} else if (!strncmp(text, "distractor", 10) && (text[10] == ':' || !text[10])) {
		st->scenario = SIM_SCENARIO_DISTRACTOR;
		st->distractor = text[10] ? sim_distractor_from_name(text + 11) : SIM_DISTRACT_ALL;
		if (st->distractor == SIM_DISTRACT_COUNT)
			return bc_cli_usage_error(&command, "unknown distractor '%s'", text + 11);
		if (!sim_distractor_applies(ex, st->distractor))
			return bc_cli_usage_error(&command, "distractor '%s' does not apply to %s",
						  sim_distractor_name(st->distractor),
						  bc_exercise_info_get(ex)->name);
	} else {
		return bc_cli_usage_error(&command, "unknown scenario '%s'", text);
	}
	return -1;
}

static int parse_mount(const char *text, sim_session_settings *st)
{
	if (!strcmp(text, "random")) {
		st->mount = SIM_MOUNT_RANDOM;
		return -1;
	}
	if (!strcmp(text, "aligned")) {
		st->mount = SIM_MOUNT_ALIGNED;
		return -1;
	}
	double q[4];
	const char *p = text;
	for (int i = 0; i < 4; i++) {
		char *end;
		q[i] = strtod(p, &end);
		if (end == p || !isfinite(q[i]) || (i < 3 && *end != ',') || (i == 3 && *end))
			return bc_cli_usage_error(&command, "--mount '%s': random, aligned or w,x,y,z",
						  text);
		p = end + 1;
	}
	if (sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]) < 1e-6)
		return bc_cli_usage_error(&command, "--mount '%s' is not a rotation", text);
	st->mount = SIM_MOUNT_GIVEN;
	st->mount_q = sim_quat_make(q[0], q[1], q[2], q[3]);
	return -1;
}

/* The command line that reproduces this file (without --out). */
static char *command_line(int argc, char **argv)
{
	size_t cap = 64;
	for (int i = 1; i < argc; i++)
		cap += strlen(argv[i]) + 3;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	strcpy(s, "backcoach sim");
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--out")) {
			i++;
			continue;
		}
		if (!strncmp(argv[i], "--out=", 6))
			continue;
		bool quote = strchr(argv[i], ' ') != NULL;
		strcat(s, quote ? " '" : " ");
		strcat(s, argv[i]);
		if (quote)
			strcat(s, "'");
	}
	return s;
}

static int parse(int argc, char **argv, sim_session_settings *st, const char **out_path)
{
	bc_cli_args args;
	int rc = bc_cli_parse(&command, argc, argv, &args);
	if (rc >= 0)
		return rc;
	const char *v;
	long n;
	*st = sim_session_settings_default;
	st->script.reps = 0;
	st->script.hold_s = 0;

	if (!(v = bc_cli_get(&command, &args, "exercise")))
		return bc_cli_usage_error(&command, "--exercise is required");
	if ((rc = bc_cli_exercise(&command, v, "--exercise", &st->script.exercise)) >= 0)
		return rc;
	if ((v = bc_cli_get(&command, &args, "seed")) && (rc = parse_u64("seed", v, &st->seed)) >= 0)
		return rc;
	if ((v = bc_cli_get(&command, &args, "scenario")) &&
	    (rc = parse_scenario(v, st->script.exercise, &st->script)) >= 0)
		return rc;
	if (bc_cli_get(&command, &args, "reps")) {
		if ((rc = bc_cli_integer(&command, &args, "reps", 1, 60, &n)) >= 0)
			return rc;
		st->script.reps = (int)n;
	}
	if ((rc = bc_cli_number(&command, &args, "rate", 10, 2000, &st->rate_hz)) >= 0)
		return rc;
	if ((v = bc_cli_get(&command, &args, "person")) && strcmp(v, "random")) {
		if ((rc = parse_u64("person", v, &st->person_id)) >= 0)
			return rc;
		st->person_random = false;
	}
	if ((v = bc_cli_get(&command, &args, "mount")) && (rc = parse_mount(v, st)) >= 0)
		return rc;
	if ((v = bc_cli_get(&command, &args, "noise"))) {
		if (strcmp(v, "on") && strcmp(v, "off"))
			return bc_cli_usage_error(&command, "--noise must be on or off");
		st->noise = !strcmp(v, "on");
	}
	if (bc_cli_get(&command, &args, "dropouts")) {
		if ((rc = bc_cli_integer(&command, &args, "dropouts", 0, 50, &n)) >= 0)
			return rc;
		st->script.dropouts = (int)n;
	}
	if ((v = bc_cli_get(&command, &args, "hold"))) {
		if ((rc = bc_cli_number(&command, &args, "hold", 0.5, 600, &st->script.hold_s)) >= 0)
			return rc;
		if (sim_default_hold_s(st->script.exercise) <= 0.0)
			return bc_cli_usage_error(&command, "%s has no hold",
						  bc_exercise_info_get(st->script.exercise)->name);
	}
	if (bc_cli_get(&command, &args, "accel-fs")) {
		if ((rc = bc_cli_integer(&command, &args, "accel-fs", 2, 16, &n)) >= 0)
			return rc;
		if (!sim_imu_accel_fs_valid((int)n))
			return bc_cli_usage_error(&command, "--accel-fs must be 2, 4, 8 or 16");
		st->accel_fs_g = (int)n;
	}
	if (bc_cli_get(&command, &args, "gyro-fs")) {
		if ((rc = bc_cli_integer(&command, &args, "gyro-fs", 250, 2000, &n)) >= 0)
			return rc;
		if (!sim_imu_gyro_fs_valid((int)n))
			return bc_cli_usage_error(&command, "--gyro-fs must be 250, 500, 1000 or 2000");
		st->gyro_fs_dps = (int)n;
	}
	if ((rc = bc_cli_number(&command, &args, "t0", 0, 1e7, &st->script.t0_s)) >= 0)
		return rc;
	*out_path = bc_cli_get(&command, &args, "out");
	return -1;
}

/* Writing */

typedef struct {
	bc_trace_writer *w;
	bc_trace_error err;
} write_ctx;

static int write_sample(void *user, const bc_sample *s, const sim_truth *truth)
{
	(void)truth;
	write_ctx *ctx = user;
	return bc_trace_writer_write(ctx->w, s, &ctx->err) ? -1 : 0;
}

int cmd_sim(int argc, char **argv)
{
	sim_session_settings st;
	const char *out = NULL;
	int rc = parse(argc, argv, &st, &out);
	if (rc >= 0)
		return rc;

	sim_session ss;
	char err[256];
	write_ctx ctx = { 0 };
	char *cmdline = NULL;
	rc = BC_EXIT_FAILURE;
	if (sim_session_init(&ss, &st, err, sizeof(err))) {
		fprintf(stderr, "backcoach sim: %s\n", err);
		goto out;
	}
	cmdline = command_line(argc, argv);
	if (!cmdline || sim_session_add_meta(&ss, "sim_command", cmdline)) {
		fprintf(stderr, "backcoach sim: out of memory\n");
		goto out;
	}
	size_t n_meta;
	const bc_trace_meta *meta = sim_session_meta(&ss, &n_meta);
	const char *path = out ? out : "/dev/stdout";
	ctx.w = bc_trace_writer_open(path, meta, n_meta, false, &ctx.err);
	if (!ctx.w) {
		fprintf(stderr, "backcoach sim: %s\n", ctx.err.message);
		goto out;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (sim_session_run(&ss, write_sample, &ctx)) {
		fprintf(stderr, "backcoach sim: %s\n", ctx.err.message);
		goto out;
	}
	bc_trace_writer *w = ctx.w;
	ctx.w = NULL;
	if (bc_trace_writer_close(w, &ctx.err)) {
		fprintf(stderr, "backcoach sim: %s\n", ctx.err.message);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (out) {
		const sim_script *sc = &ss.script;
		fprintf(stderr, "backcoach sim: %s: %lu samples, %.1f s, %zu expected events, "
				"%lu saturated, generated in %.2f s\n",
			out, ss.n_samples, sim_traj_end_s(&sc->traj) - sc->traj.keys[0].t_s,
			sc->n_events, ss.n_saturated,
			(double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec));
	}
	rc = BC_EXIT_OK;
out:
	bc_trace_writer_close(ctx.w, NULL);
	free(cmdline);
	sim_session_free(&ss);
	return rc;
}
