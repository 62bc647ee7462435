/* SPDX-License-Identifier: MIT */
/*
 * backcoach angles FILE [--exercise NAME]: the body tracker's view of a trace,
 * one CSV row per sample, for plotting and for checking calibration and angle
 * signs against what the wearer did. The start pose comes from the exercise.
 */
#include <math.h>
#include <stdio.h>

#include "body/body_tracker.h"
#include "cli_options.h"
#include "cli_trace.h"
#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "commands.h"
#include "trace_prefetch.h"

enum { OPT_EXERCISE };

static const bc_cli_option options[] = {
	{ "exercise", "NAME", "sets the start pose (default: the trace's '# exercise:')",
	  OPT_EXERCISE },
	{ NULL, NULL, NULL, 0 },
};

static void more_help(FILE *out)
{
	fprintf(out, "\ncolumns: t, stage (stand, go-to-start, done), still (0/1),\n"
		     "sagittal_deg (+ flexion / posterior tilt), frontal_deg (+ top towards\n"
		     "the right), axial_deg (+ turn to the left), trunk_incline_deg (0 upright,\n"
		     "90 lying); angles are nan until calibration is done.\n");
	bc_cli_help_exercises(out);
}

static const bc_cli_command command = {
	.name = "angles",
	.synopsis = "FILE [--exercise NAME]",
	.about = "Runs the body tracker (filter, mounting calibration) over a trace and\n"
		 "prints the lower back's angles relative to the start position, as CSV.",
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.more_help = more_help,
	.exit_status = BC_CLI_EXIT_STATUS_TRACE,
};

/* The command line, checked. */
typedef struct {
	bc_exercise_id exercise; /* BC_EXERCISE_NONE: the trace's '# exercise:' */
	const char *path;
} angles_options;

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, angles_options *o)
{
	*o = (angles_options){ .exercise = BC_EXERCISE_NONE };
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		if (id == OPT_EXERCISE)
			o->exercise = bc_cli_exercise_option(&command, value);
	}
	o->path = bc_cli_arguments(&p, NULL)[0];
}

static const char *stage_name(bc_calib_stage stage)
{
	switch (stage) {
	case BC_CALIB_STAND:
		return "stand";
	case BC_CALIB_GO_TO_START:
		return "go-to-start";
	case BC_CALIB_DONE:
		return "done";
	}
	return "unknown";
}

/* Angles before calibration mean nothing: nan, which CSV tools read as missing. */
static double angle_or_nan(const bc_body_state *b, float deg)
{
	return b->angles_valid ? (double)deg : NAN;
}

int cmd_angles(int argc, char **argv)
{
	angles_options o;
	parse_options(argc, argv, &o);

	int status;
	bc_exercise_id exercise;
	bc_trace_reader *r = bc_cli_open_trace(o.path, &status);
	if (!r)
		return status;
	status = bc_cli_trace_exercise(&command, o.exercise, r, &exercise);
	if (status)
		goto out;

	/* the body settings the coach (the live device) uses */
	static bc_coach coach;
	bc_coach_init(&coach, NULL, exercise);
	static bc_body_tracker tracker;
	bc_body_tracker_init(&tracker, &coach.settings.body,
			     bc_exercise_info_get(exercise)->start_pose);

	static char out_buf[1 << 16];
	setvbuf(stdout, out_buf, _IOFBF, sizeof(out_buf));
	printf("t,stage,still,sagittal_deg,frontal_deg,axial_deg,trunk_incline_deg\n");
	bc_sample s;
	bc_trace_error err = { { 0 } };
	int got;
	bc_trace_prefetch ahead; /* the trace inflated and parsed on the other core meanwhile */
	bc_trace_prefetch_start(&ahead, r, NULL);
	while ((got = bc_trace_prefetch_next(&ahead, &s, &err)) == 1) {
		const bc_body_state *b = bc_body_tracker_update(&tracker, &s);
		printf("%.6f,%s,%d,%.3f,%.3f,%.3f,%.3f\n", s.t_s, stage_name(b->stage),
		       b->still ? 1 : 0, angle_or_nan(b, b->angles.sagittal_deg),
		       angle_or_nan(b, b->angles.frontal_deg), angle_or_nan(b, b->angles.axial_deg),
		       (double)b->trunk_incline_deg);
	}
	bc_trace_prefetch_stop(&ahead);
	status = bc_cli_trace_finish(&command, got, &err);
out:
	bc_trace_reader_free(r);
	return status;
}
