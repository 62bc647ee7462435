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
#include "coach/exercise_table.h"
#include "commands.h"
#include "sim/sim_session.h"
#include "trace/trace_writer.h"

/* Definitions */

enum {
	OPT_EXERCISE,
	OPT_SEED,
	OPT_SCENARIO,
	OPT_REPS,
	OPT_RATE,
	OPT_PERSON,
	OPT_MOUNT,
	OPT_NOISE,
	OPT_DROPOUTS,
	OPT_HOLD,
	OPT_ACCEL_FS,
	OPT_GYRO_FS,
	OPT_T0,
	OPT_OUT,
};

static const bc_cli_option options[] = {
	{ "exercise", "NAME", "the exercise (required)", OPT_EXERCISE },
	{ "seed", "N", "random seed; the same seed gives the same file (default 1)", OPT_SEED },
	{ "scenario", "KIND",
	  "correct | mixed | incorrect:REASON | distractor:WHAT (default correct)", OPT_SCENARIO },
	{ "reps", "N", "correct reps (incorrect: attempts); default per exercise", OPT_REPS },
	{ "rate", "HZ", "nominal sample rate, 10..2000 (default 100)", OPT_RATE },
	{ "person", "ID|random", "the wearer: a number names one person (default random)",
	  OPT_PERSON },
	{ "mount", "HOW", "random | aligned | w,x,y,z (q_body_from_sensor) (default random)",
	  OPT_MOUNT },
	{ "noise", "on|off", "off: ideal sensor, clock and no quantisation (default on)",
	  OPT_NOISE },
	{ "dropouts", "N", "data gaps of 0.6-2.5 s placed in rests (default 0)", OPT_DROPOUTS },
	{ "hold", "SECONDS", "hold target the attempts are scripted against", OPT_HOLD },
	{ "accel-fs", "G", "accelerometer full scale 2|4|8|16 (default random)", OPT_ACCEL_FS },
	{ "gyro-fs", "DPS", "gyroscope full scale 250|500|1000|2000 (default random)",
	  OPT_GYRO_FS },
	{ "t0", "SECONDS", "time of the first sample (default 0)", OPT_T0 },
	{ "out", "FILE", "output .csv or .csv.gz (default: CSV on stdout)", OPT_OUT },
	{ NULL, NULL, NULL, 0 },
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
	fprintf(out,
		"\ndistractors (distractor:WHAT, nothing to count):\n"
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
	.exit_status = "0 done, 1 the trace cannot be made or written, 2 usage error",
};

/* Parsing */

/* The command line, checked. */
typedef struct {
	sim_session_settings session;
	const char *out_path; /* NULL: CSV on stdout */
} sim_options;

static uint64_t parse_u64(const char *opt, const char *text)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (end == text || *end || errno || text[0] == '-')
		bc_cli_die_usage(&command, "--%s '%s' must be a non-negative whole number", opt,
				 text);
	return (uint64_t)v;
}

static void parse_scenario(const char *text, bc_exercise_id ex, sim_script_settings *st)
{
	if (!strcmp(text, "correct")) {
		st->scenario = SIM_SCENARIO_CORRECT;
	} else if (!strcmp(text, "mixed")) {
		st->scenario = SIM_SCENARIO_MIXED;
	} else if (!strncmp(text, "incorrect:", 10)) {
		st->scenario = SIM_SCENARIO_INCORRECT;
		st->reason = sim_reason_from_name(text + 10);
		if (st->reason == BC_REJECT_NONE)
			bc_cli_die_usage(&command, "unknown rejection reason '%s'", text + 10);
		if (!sim_reason_applies(ex, st->reason))
			bc_cli_die_usage(&command, "'%s' does not apply to %s",
					 bc_reject_reason_text(st->reason),
					 bc_exercise_info_get(ex)->name);
	} else if (!strncmp(text, "distractor", 10) && (text[10] == ':' || !text[10])) {
		st->scenario = SIM_SCENARIO_DISTRACTOR;
		st->distractor = text[10] ? sim_distractor_from_name(text + 11) : SIM_DISTRACT_ALL;
		if (st->distractor == SIM_DISTRACT_COUNT)
			bc_cli_die_usage(&command, "unknown distractor '%s'", text + 11);
		if (!sim_distractor_applies(ex, st->distractor))
			bc_cli_die_usage(&command, "distractor '%s' does not apply to %s",
					 sim_distractor_name(st->distractor),
					 bc_exercise_info_get(ex)->name);
	} else {
		bc_cli_die_usage(&command, "unknown scenario '%s'", text);
	}
}

static void parse_mount(const char *text, sim_session_settings *st)
{
	if (!strcmp(text, "random")) {
		st->mount = SIM_MOUNT_RANDOM;
		return;
	}
	if (!strcmp(text, "aligned")) {
		st->mount = SIM_MOUNT_ALIGNED;
		return;
	}
	double q[4];
	const char *p = text;
	for (int i = 0; i < 4; i++) {
		char *end;
		q[i] = strtod(p, &end);
		if (end == p || !isfinite(q[i]) || (i < 3 && *end != ',') || (i == 3 && *end))
			bc_cli_die_usage(&command, "--mount '%s': random, aligned or w,x,y,z",
					 text);
		p = end + 1;
	}
	if (sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]) < 1e-6)
		bc_cli_die_usage(&command, "--mount '%s' is not a rotation", text);
	st->mount = SIM_MOUNT_GIVEN;
	st->mount_q = sim_quat_make(q[0], q[1], q[2], q[3]);
}

/* A full scale that the simulated chip has, else a usage error. */
static int full_scale(int id, const char *text)
{
	if (id == OPT_ACCEL_FS) {
		int g = (int)bc_cli_integer(&command, "accel-fs", text, 2, 16);
		if (!sim_imu_accel_fs_valid(g))
			bc_cli_die_usage(&command, "--accel-fs must be 2, 4, 8 or 16");
		return g;
	}
	int dps = (int)bc_cli_integer(&command, "gyro-fs", text, 250, 2000);
	if (!sim_imu_gyro_fs_valid(dps))
		bc_cli_die_usage(&command, "--gyro-fs must be 250, 500, 1000 or 2000");
	return dps;
}

/* An option that needs no other to be checked: its value into o. */
static void take_option(sim_options *o, int id, const char *value)
{
	sim_session_settings *st = &o->session;
	switch (id) {
	case OPT_SEED:
		st->seed = parse_u64("seed", value);
		break;
	case OPT_REPS:
		st->script.reps = (int)bc_cli_integer(&command, "reps", value, 1, 60);
		break;
	case OPT_RATE:
		st->rate_hz = bc_cli_number(&command, "rate", value, 10, 2000);
		break;
	case OPT_PERSON:
		st->person_random = !strcmp(value, "random");
		if (!st->person_random)
			st->person_id = parse_u64("person", value);
		break;
	case OPT_MOUNT:
		parse_mount(value, st);
		break;
	case OPT_NOISE:
		if (strcmp(value, "on") && strcmp(value, "off"))
			bc_cli_die_usage(&command, "--noise must be on or off");
		st->noise = !strcmp(value, "on");
		break;
	case OPT_DROPOUTS:
		st->script.dropouts = (int)bc_cli_integer(&command, "dropouts", value, 0, 50);
		break;
	case OPT_ACCEL_FS:
		st->accel_fs_g = full_scale(id, value);
		break;
	case OPT_GYRO_FS:
		st->gyro_fs_dps = full_scale(id, value);
		break;
	case OPT_T0:
		st->script.t0_s = bc_cli_number(&command, "t0", value, 0, 1e7);
		break;
	case OPT_OUT:
		o->out_path = value;
		break;
	}
}

/*
 * Parses argv into o; exits on --help (0) and on a usage error (2). The
 * scenario and the hold are checked against the exercise once all is read.
 */
static void parse_options(int argc, char **argv, sim_options *o)
{
	*o = (sim_options){ .session = sim_session_settings_default, .out_path = NULL };
	sim_script_settings *script = &o->session.script;
	/* reps and hold_s 0: the exercise's own (session_script.h) */
	script->reps = 0;
	script->hold_s = 0;
	const char *exercise = NULL, *scenario = NULL, *hold = NULL;
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		if (id == OPT_EXERCISE)
			exercise = value;
		else if (id == OPT_SCENARIO)
			scenario = value;
		else if (id == OPT_HOLD)
			hold = value;
		else
			take_option(o, id, value);
	}
	bc_cli_arguments(&p, NULL);
	if (!exercise)
		bc_cli_die_usage(&command, "--exercise is required");
	script->exercise = bc_cli_exercise_option(&command, exercise);
	if (scenario)
		parse_scenario(scenario, script->exercise, script);
	if (hold) {
		script->hold_s = bc_cli_number(&command, "hold", hold, 0.5, 600);
		if (sim_default_hold_s(script->exercise) <= 0.0)
			bc_cli_die_usage(&command, "%s has no hold",
					 bc_exercise_info_get(script->exercise)->name);
	}
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
	sim_options o;
	parse_options(argc, argv, &o);
	const char *out = o.out_path;

	sim_session ss;
	char err[256];
	write_ctx ctx = { 0 };
	char *cmdline = NULL;
	int rc = BC_EXIT_FAILURE;
	if (sim_session_init(&ss, &o.session, err, sizeof(err))) {
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
		fprintf(stderr,
			"backcoach sim: %s: %lu samples, %.1f s, %zu expected events, "
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
