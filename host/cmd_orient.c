/* SPDX-License-Identifier: MIT */
/*
 * backcoach orient [--mag] FILE (contract §2b): the orientation filter alone,
 * with the live device's settings, one quaternion row per input sample, so
 * that accuracy checks can line the output up with a reference row by row.
 */
#include <stdio.h>

#include "cli_options.h"
#include "cli_trace.h"
#include "commands.h"
#include "filter/orientation_filter.h"
#include "trace_prefetch.h"

enum { OPT_MAG };

static const bc_cli_option options[] = {
	{ "mag", NULL, "fuse the magnetometer (mx,my,mz): heading east/north", OPT_MAG },
	{ NULL, NULL, NULL, 0 },
};

static const bc_cli_command command = {
	.name = "orient",
	.synopsis = "[--mag] FILE",
	.about = "Runs the orientation filter over a trace and prints CSV t,qw,qx,qy,qz:\n"
		 "one row per input sample, the unit quaternion rotating sensor-frame\n"
		 "vectors into an earth frame with z up (x east, y north with --mag).",
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.exit_status = BC_CLI_EXIT_STATUS_TRACE,
};

/* The command line, checked. */
typedef struct {
	bool use_mag;
	const char *path;
} orient_options;

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, orient_options *o)
{
	*o = (orient_options){ .use_mag = false };
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		if (id == OPT_MAG)
			o->use_mag = true;
	}
	o->path = bc_cli_arguments(&p, NULL)[0];
}

int cmd_orient(int argc, char **argv)
{
	orient_options o;
	parse_options(argc, argv, &o);

	int status;
	bc_trace_reader *r = bc_cli_open_trace(o.path, &status);
	if (!r)
		return status;
	if (o.use_mag && !bc_trace_reader_has_mag(r)) {
		status = bc_cli_usage_error(&command, "--mag: %s has no mx,my,mz columns",
					    bc_trace_reader_path(r));
		goto out;
	}

	bc_filter_settings settings = bc_filter_settings_default;
	settings.use_mag = o.use_mag;
	bc_filter filter;
	bc_filter_init(&filter, &settings);

	static char out_buf[1 << 16];
	setvbuf(stdout, out_buf, _IOFBF, sizeof(out_buf));
	printf("t,qw,qx,qy,qz\n");
	bc_sample s;
	bc_trace_error err = { { 0 } };
	int got;
	bc_trace_prefetch ahead; /* the trace inflated and parsed on the other core meanwhile */
	bc_trace_prefetch_start(&ahead, r, NULL);
	while ((got = bc_trace_prefetch_next(&ahead, &s, &err)) == 1) {
		/* a rejected sample still gets a row: the filter's current estimate */
		bc_filter_update(&filter, &s);
		bc_quat q = bc_filter_quat(&filter);
		printf("%.6f,%.7f,%.7f,%.7f,%.7f\n", s.t_s, (double)q.w, (double)q.x, (double)q.y,
		       (double)q.z);
	}
	bc_trace_prefetch_stop(&ahead);
	status = bc_cli_trace_finish(&command, got, &err);
out:
	bc_trace_reader_free(r);
	return status;
}
