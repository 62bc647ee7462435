/* SPDX-License-Identifier: MIT */
/*
 * backcoach report [--days N] [--until DATE] [--out FILE.pdf] [--csv DIR]
 *                  [--history FILE | --profile NAME] [--force]
 *
 * The physiotherapist's report: a PDF of the last N days from the history
 * (plan, adherence, counted and rejected reps with their reasons, charts of
 * reps, holds, range and form), and with --csv the same tables as CSV files.
 * Every number comes from the history (report/report_data.c gathers them
 * once; the PDF and the CSV render that one record).
 *
 * Files the user has are never replaced unless they say so (--force): a
 * report is often written again after the next visit, and the old one may
 * be the one that was handed over. With --force the PDF is written beside
 * its target and renamed over it, so a failure leaves the old one whole.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chart/chart.h"
#include "cli_options.h"
#include "commands.h"
#include "history/history.h"
#include "coach/settings.h"
#include "history/local_day.h"
#include "plan_text.h"
#include "profiles.h"
#include "report/report_csv.h"
#include "report/report_data.h"
#include "report/report_pdf.h"

/* Definitions */

#define DEFAULT_DAYS 28

enum { OPT_DAYS, OPT_UNTIL, OPT_OUT, OPT_CSV, OPT_HISTORY, OPT_FORCE, OPT_PROFILE };

static const bc_cli_option options[] = {
	{ "days", "N", "the last N days, the last one included (default 28, at most 366)",
	  OPT_DAYS },
	{ "until", "DATE", "the period's last day, YYYY-MM-DD (default today)", OPT_UNTIL },
	{ "out", "FILE", "the PDF (default backcoach-report-DATE.pdf here)", OPT_OUT },
	{ "csv", "DIR", "also write the tables as CSV files into DIR (made if missing)", OPT_CSV },
	{ "history", "FILE", "the history file (default: as for 'backcoach history')",
	  OPT_HISTORY },
	{ "force", NULL, "replace an existing PDF or CSV files of a report", OPT_FORCE },
	{ "profile", "NAME",
	  "this wearer's history and plan (backcoach profile; default: the first)", OPT_PROFILE },
	{ NULL, NULL, NULL, 0 },
};

static void more_help(FILE *out)
{
	fprintf(out,
		"\nWith --csv and no --out only the CSV files are written. An existing\n"
		"--out file or CSV file is never replaced without --force. The CSV\n"
		"files: %s, %s, %s, %s, %s.\n"
		"Days are local days. The plan is the one in the settings; without\n"
		"one, the report lists the exercises done.\n",
		bc_report_csv_names[0], bc_report_csv_names[1], bc_report_csv_names[2],
		bc_report_csv_names[3], bc_report_csv_names[4]);
}

static const bc_cli_command command = {
	.name = "report",
	.synopsis = "[--days N] [--until DATE] [--out FILE.pdf] [--csv DIR] [--history FILE] "
		    "[--profile NAME] [--force]",
	.about = "Writes a report for the physiotherapist from the coach's history: the\n"
		 "plan, adherence (days done, streak, a calendar), counted and rejected\n"
		 "reps with their reasons, and per exercise charts of reps, holds,\n"
		 "range and form over the days.",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.more_help = more_help,
	.exit_status = "0 done, 1 cannot run (no history, a file exists, cannot write), "
		       "2 usage error",
};

typedef struct {
	int days;
	int64_t until_unix_s; /* noon of the last day, local */
	const char *out;      /* NULL: the default name, unless csv only */
	const char *csv_dir;
	const char *history;
	bool force;
	const char *profile; /* NULL: the first profile */
} report_options;

/* Noon of a local date "YYYY-MM-DD"; exits 2 when it is not one. */
static int64_t parse_date(const char *text)
{
	struct tm tm = { 0 };
	const char *end = strptime(text, "%Y-%m-%d", &tm);
	if (!end || *end)
		bc_cli_die_usage(&command, "--until: '%s' is not a date YYYY-MM-DD", text);
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static void parse_options(int argc, char **argv, report_options *o)
{
	*o = (report_options){ .days = DEFAULT_DAYS, .until_unix_s = (int64_t)time(NULL) };
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		switch (id) {
		case OPT_DAYS:
			o->days = (int)bc_cli_integer(&command, "days", value, 1,
						      BC_REPORT_DAYS_MAX);
			break;
		case OPT_UNTIL:
			o->until_unix_s = parse_date(value);
			break;
		case OPT_OUT:
			o->out = value;
			break;
		case OPT_CSV:
			o->csv_dir = value;
			break;
		case OPT_HISTORY:
			o->history = value;
			break;
		case OPT_FORCE:
			o->force = true;
			break;
		case OPT_PROFILE:
			o->profile = value;
			break;
		}
	}
	bc_cli_arguments(&p, NULL);
	if (o->profile && o->history)
		bc_cli_die_usage(&command, "--history and --profile contradict each other");
}

/*
 * Without --history: the profile's history file (--profile, else the first
 * profile's) into buf and its plan (its settings file, else the default
 * plan) into plan. 0, or 1 when there is no such profile.
 */
typedef struct {
	int n;
	char line[BC_REPORT_EXERCISES_MAX][sizeof(((bc_report_data *)0)->plan[0])];
} plan_text;

static int use_profile(const report_options *o, char *buf, size_t size, const char **history,
		       plan_text *plan)
{
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], err[256], conf[4096];
	plan->n = 0;
	if (o->history)
		return 0; /* a file of no known wearer: no plan (the exercises done instead) */
	int n = bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err));
	if (o->profile && (n < 0 || bc_profiles_find(names, n, o->profile) < 0)) {
		fprintf(stderr, "backcoach report: no profile '%s' (backcoach profile)\n",
			o->profile);
		return 1;
	}
	if (o->profile)
		*history = bc_profile_file(o->profile, "history.sqlite3", buf, size);
	bc_coach_settings s;
	bc_coach_settings_init(&s);
	const char *path = bc_profile_file(o->profile, "settings.conf", conf, sizeof(conf));
	bc_settings_error serr;
	if (path && access(path, F_OK) == 0 && bc_settings_load(path, &s, &serr) != 0) {
		fprintf(stderr, "backcoach report: the plan: %s (the default plan instead)\n",
			serr.message);
		bc_coach_settings_init(&s);
	}
	plan->n = bc_plan_text_lines(&s, plan->line[0], sizeof(plan->line[0]),
				     BC_REPORT_EXERCISES_MAX);
	return 0;
}

/* The history, which must exist: a report of nothing is no report. */
static bc_history *open_history(const char *path_arg)
{
	char path_buf[4096], err[BC_HISTORY_ERROR_MAX];
	const char *path = path_arg ? path_arg
				    : bc_history_default_path(path_buf, sizeof(path_buf));
	if (!path) {
		fprintf(stderr, "backcoach report: no place for the history: set HOME or "
				"BACKCOACH_HOME, or give --history FILE\n");
		return NULL;
	}
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "backcoach report: %s: no history there (%s): nothing to report\n",
			path, strerror(errno));
		return NULL;
	}
	bc_history *h = bc_history_open(path, err, sizeof(err));
	if (!h)
		fprintf(stderr, "backcoach report: %s\n", err);
	return h;
}

/* Writes the PDF into a file made new for it (never an existing one). 0 or -1. */
static int write_new_pdf(const bc_report_data *r, const char *path, int *pages)
{
	char err[256];
	FILE *f = fopen(path, "wx");
	if (!f) {
		if (errno == EEXIST)
			fprintf(stderr,
				"backcoach report: %s exists; not replaced (choose another --out, "
				"or --force to replace it)\n",
				path);
		else
			fprintf(stderr, "backcoach report: %s: cannot create (%s)\n", path,
				strerror(errno));
		return -1;
	}
	*pages = bc_report_write_pdf(r, f, err, sizeof(err));
	bool failed = *pages < 0 || ferror(f);
	if ((fclose(f) != 0) | failed) {
		fprintf(stderr, "backcoach report: %s: cannot write (%s)\n", path,
			*pages < 0 ? err : strerror(errno));
		remove(path); /* made by this run, half written */
		return -1;
	}
	return 0;
}

/* --force: written beside the old file, then renamed over it (all or nothing). */
static int replace_pdf(const bc_report_data *r, const char *path, int *pages)
{
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.new-%ld", path, (long)getpid());
	if (write_new_pdf(r, tmp, pages) < 0)
		return -1;
	if (rename(tmp, path) != 0) {
		fprintf(stderr, "backcoach report: %s: cannot replace (%s)\n", path,
			strerror(errno));
		remove(tmp);
		return -1;
	}
	return 0;
}

int cmd_report(int argc, char **argv)
{
	report_options o;
	parse_options(argc, argv, &o);
	char default_out[64], last_day[16];
	bc_report_date(bc_local_day_start(o.until_unix_s, 0), last_day, sizeof(last_day));
	snprintf(default_out, sizeof(default_out), "backcoach-report-%s.pdf", last_day);
	const char *out = o.out ? o.out : o.csv_dir ? NULL : default_out;

	int status = BC_EXIT_FAILURE;
	bc_report_data *r = NULL;
	bc_history *h = NULL;
	char profile_history[4096];
	const char *history = o.history;
	plan_text plan;
	if (use_profile(&o, profile_history, sizeof(profile_history), &history, &plan) != 0)
		goto done;
	h = open_history(history);
	if (!h)
		goto done;
	if (!(r = malloc(sizeof(*r)))) {
		fprintf(stderr, "backcoach report: out of memory\n");
		goto done;
	}
	if (bc_report_gather(h, o.until_unix_s, o.days, (int64_t)time(NULL), r) < 0) {
		fprintf(stderr, "backcoach report: %s\n", bc_history_error(h));
		goto done;
	}
	if (r->plan_lines == 0) { /* the plan the wearer's settings give the device */
		_Static_assert(sizeof(plan.line) == sizeof(r->plan), "one plan table");
		r->plan_lines = plan.n;
		memcpy(r->plan, plan.line, sizeof(r->plan));
	}
	int pages = 0;
	if (out && (o.force && access(out, F_OK) == 0 ? replace_pdf(r, out, &pages)
						      : write_new_pdf(r, out, &pages)) < 0)
		goto done;
	if (out)
		printf("report: %s: %d pages, %d days, %d exercises, %d days done\n", out, pages,
		       r->days, r->n_exercises, r->days_done);
	char err[4200];
	if (o.csv_dir) {
		if (bc_report_write_csv(r, o.csv_dir, o.force, err, sizeof(err)) < 0) {
			fprintf(stderr, "backcoach report: %s\n", err);
			goto done;
		}
		printf("report: %s: %d CSV files\n", o.csv_dir, BC_REPORT_CSV_FILES);
	}
	status = bc_cli_flush_stdout(&command);
done:
	free(r);
	bc_history_close(h);
	bc_chart_release_fonts();
	return status;
}
