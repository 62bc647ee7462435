/* SPDX-License-Identifier: MIT */
/*
 * backcoach sway [--until-meta KEY | --from S --to S] FILE...: how unsteady
 * the wearer is over a span of each trace (sway_stats.h), one row per file
 * and then the min / median / max of each column. Made to hold simulated
 * people against real ones (docs/sway.md): the same code measures both.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_options.h"
#include "cli_trace.h"
#include "commands.h"
#include "sway_stats.h"

/* Definitions */

#define N_COLS (7 + 2 * BC_SWAY_BANDS)

enum { OPT_UNTIL_META, OPT_FROM, OPT_TO };

static const bc_cli_option options[] = {
	{ "until-meta", "KEY", "span: from the first sample to the trace time in '# KEY:'",
	  OPT_UNTIL_META },
	{ "from", "S", "span starts at trace time S, seconds (default: the first sample)",
	  OPT_FROM },
	{ "to", "S", "span ends at trace time S, seconds (default: the last sample)", OPT_TO },
	{ NULL, NULL, NULL, 0 },
};

static void more_help(FILE *out)
{
	fprintf(out, "\ncolumns: dur_s (span measured); gyro_p50 / gyro_p95: percentiles of\n"
		     "|gyro - its median|, deg/s; tilt_max / tilt_rms: the accelerometer's\n"
		     "direction in 0.1 s blocks, largest and RMS angle from its mean, deg;\n"
		     "steady3s: the steadiest 3 s window's largest tilt from its own mean, deg\n"
		     "(nan if the span is shorter); g<band> / t<band>: RMS of the gyro\n"
		     "(deg/s) and of the per-sample accelerometer direction (deg) in that\n"
		     "band, Hz. Then the min, median and max of every column.\n"
		     "Example: backcoach sway --until-meta stand_until_s data/ipol-l5/*.csv.gz\n");
}

static const bc_cli_command command = {
	.name = "sway",
	.synopsis = "[--until-meta KEY | --from S --to S] FILE...",
	.about = "Measures how unsteady the wearer is over a span of each trace: gyro\n"
		 "percentiles, tilt deviations, the steadiest 3 s, band RMS.",
	.options = options,
	.min_args = 1,
	.max_args = BC_CLI_MAX_ARGS,
	.more_help = more_help,
	.exit_status = "0 done; 1 a span too short to measure; 2 usage; "
		       "3 unreadable trace",
};

/* The command line, checked. */
typedef struct {
	const char *until_key; /* --until-meta: the span ends at '# KEY:'; NULL: at to_s */
	double from_s, to_s;   /* trace time; -INFINITY, INFINITY: the whole trace */
	char **paths;
	int n_paths;
} sway_options;

typedef struct {
	bc_sample *s;
	size_t n, cap;
} sample_buf;

/* Functions */

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, sway_options *o)
{
	*o = (sway_options){ .until_key = NULL, .from_s = -INFINITY, .to_s = INFINITY };
	bool to_given = false;
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		switch (id) {
		case OPT_UNTIL_META:
			o->until_key = value;
			break;
		case OPT_FROM:
			o->from_s = bc_cli_number(&command, "from", value, -1e9, 1e9);
			break;
		case OPT_TO:
			o->to_s = bc_cli_number(&command, "to", value, -1e9, 1e9);
			to_given = true;
			break;
		}
	}
	o->paths = bc_cli_arguments(&p, &o->n_paths);
	if (o->until_key && to_given)
		bc_cli_die_usage(&command, "--until-meta and --to both end the span");
	if (!(o->to_s > o->from_s))
		bc_cli_die_usage(&command, "--to must be after --from");
}

static int push(sample_buf *b, const bc_sample *s)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 4096;
		bc_sample *p = realloc(b->s, cap * sizeof(*p));
		if (!p)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	b->s[b->n++] = *s;
	return 0;
}

static void row_values(const bc_sway_stats *st, double v[N_COLS])
{
	int k = 0;
	v[k++] = st->duration_s;
	v[k++] = st->gyro_p50_dps;
	v[k++] = st->gyro_p95_dps;
	v[k++] = st->tilt_max_dev_deg;
	v[k++] = st->tilt_rms_deg;
	v[k++] = st->steadiest_3s_dev_deg;
	v[k++] = (double)st->n_samples;
	for (int b = 0; b < BC_SWAY_BANDS; b++)
		v[k++] = st->gyro_band_rms_dps[b];
	for (int b = 0; b < BC_SWAY_BANDS; b++)
		v[k++] = st->tilt_band_rms_deg[b];
}

static void print_header(void)
{
	printf("%-28s %6s %8s %8s %8s %8s %8s %6s", "file", "dur_s", "gyro_p50", "gyro_p95",
	       "tilt_max", "tilt_rms", "steady3s", "n");
	for (int t = 0; t < 2; t++)
		for (int b = 0; b < BC_SWAY_BANDS; b++) {
			char name[48];
			snprintf(name, sizeof(name), "%c%g-%g", t ? 't' : 'g', bc_sway_band_hz[b],
				 bc_sway_band_hz[b + 1]);
			printf(" %8s", name);
		}
	printf("\n");
}

static void print_row(const char *label, const double v[N_COLS])
{
	printf("%-28s %6.2f %8.2f %8.2f %8.2f %8.2f %8.2f %6.0f", label, v[0], v[1], v[2], v[3],
	       v[4], v[5], v[6]);
	for (int k = 7; k < N_COLS; k++)
		printf(" %8.3f", v[k]);
	printf("\n");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return isnan(x) ? !isnan(y) : isnan(y) ? -1 : x < y ? -1 : x > y;
}

/* Min, median and max of each column over the files (nan left out). */
static void print_summary(double (*rows)[N_COLS], size_t n)
{
	double col[BC_CLI_MAX_ARGS], out[3][N_COLS];
	for (int k = 0; k < N_COLS; k++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (!isnan(rows[i][k]))
				col[m++] = rows[i][k];
		qsort(col, m, sizeof(col[0]), cmp_double);
		out[0][k] = m ? col[0] : NAN;
		out[1][k] = !m ? NAN : m % 2 ? col[m / 2] : 0.5 * (col[m / 2 - 1] + col[m / 2]);
		out[2][k] = m ? col[m - 1] : NAN;
	}
	print_row("min", out[0]);
	print_row("median", out[1]);
	print_row("max", out[2]);
}

/* Reads the span of one trace into buf. 0 ok, else the exit status. */
static int read_span(const char *path, const char *until_key, double from_s, double to_s,
		     sample_buf *buf)
{
	int status = BC_EXIT_OK;
	bc_trace_reader *r = bc_cli_open_trace(path, &status);
	if (!r)
		return status;
	if (until_key) {
		const char *v = bc_trace_reader_meta(r, until_key);
		char *end = NULL;
		to_s = v ? strtod(v, &end) : NAN;
		if (!v || end == v || !isfinite(to_s)) {
			fprintf(stderr, "%s: no number in '# %s:'\n", path, until_key);
			bc_trace_reader_free(r);
			return BC_EXIT_BAD_TRACE;
		}
	}
	bc_sample s;
	bc_trace_error err = { { 0 } };
	int got;
	buf->n = 0;
	while ((got = bc_trace_reader_next(r, &s, &err)) == 1) {
		if (s.t_s < from_s)
			continue;
		if (s.t_s > to_s)
			break;
		if (push(buf, &s)) {
			fprintf(stderr, "backcoach sway: %s: out of memory\n", path);
			status = BC_EXIT_FAILURE;
			break;
		}
	}
	if (got < 0)
		status = bc_cli_trace_failed(&err);
	bc_trace_reader_free(r);
	return status;
}

int cmd_sway(int argc, char **argv)
{
	sway_options o;
	parse_options(argc, argv, &o);

	int status = BC_EXIT_OK;
	static double rows[BC_CLI_MAX_ARGS][N_COLS];
	size_t n_rows = 0;
	sample_buf buf = { 0 };
	double *scratch = NULL;
	print_header();
	for (int i = 0; i < o.n_paths; i++) {
		const char *path = o.paths[i];
		int st = read_span(path, o.until_key, o.from_s, o.to_s, &buf);
		if (st) {
			status = st;
			goto out;
		}
		free(scratch);
		scratch = malloc(bc_sway_scratch_len(buf.n) * sizeof(*scratch));
		if (!scratch) {
			fprintf(stderr, "backcoach sway: %s: out of memory\n", path);
			status = BC_EXIT_FAILURE;
			goto out;
		}
		bc_sway_stats stats;
		if (bc_sway_measure(buf.s, buf.n, scratch, &stats)) {
			fprintf(stderr, "%s: span too short to measure (%zu samples)\n", path,
				buf.n);
			status = BC_EXIT_FAILURE;
			continue;
		}
		row_values(&stats, rows[n_rows]);
		const char *base = strrchr(path, '/');
		print_row(base ? base + 1 : path, rows[n_rows++]);
	}
	if (n_rows > 1)
		print_summary(rows, n_rows);
	int flushed = bc_cli_flush_stdout(&command);
	if (status == BC_EXIT_OK)
		status = flushed;
out:
	free(scratch);
	free(buf.s);
	return status;
}
