/* SPDX-License-Identifier: MIT */
/* The report's tables as CSV files: see report_csv.h. */
#include "report/report_csv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Definitions */

const char *const bc_report_csv_names[BC_REPORT_CSV_FILES] = {
	"summary.csv", "days.csv", "exercises.csv", "exercise_days.csv", "rejections.csv",
};

enum { SUMMARY, DAYS, EXERCISES, EXERCISE_DAYS, REJECTIONS };

/* Fields */

/* A number, or an empty field for NAN; then the separator. */
static void num(FILE *f, const char *fmt, float v, const char *sep)
{
	if (isfinite(v))
		fprintf(f, fmt, (double)v);
	fputs(sep, f);
}

/* A text field, quoted when it holds a comma, quote or line break (RFC 4180). */
static void field(FILE *f, const char *s, const char *sep)
{
	if (strpbrk(s, ",\"\r\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputs(sep, f);
}

/* The figures every day and period row shares, after its own leading fields. */
static void figures(FILE *f, const bc_history_day *d)
{
	fprintf(f, "%d,%d,%d,%d,", d->sessions, d->reps, d->rejected, d->posture_alerts);
	num(f, "%.2f", d->best_hold_s, ",");
	num(f, "%.2f", d->mean_hold_s, ",");
	num(f, "%.2f", d->best_peak_deg, ",");
	num(f, "%.3f", d->mean_hold_sd_deg, ",");
	num(f, "%.3f", d->mean_smoothness, ",");
	num(f, "%.2f", d->mean_time_to_zone_s, "\n");
}

#define FIGURES_HEADER                                                                          \
	"sessions,counted_reps,rejected,posture_alerts,best_hold_s,mean_hold_s,best_range_deg," \
	"hold_sd_deg,smoothness,time_to_zone_s\n"

/* The tables */

static void write_summary(FILE *f, const bc_report_data *r)
{
	char first[16], last[16];
	fprintf(f, "key,value\n");
	fprintf(f, "first_day,%s\n", bc_report_date(r->first_day_unix_s, first, sizeof(first)));
	fprintf(f, "last_day,%s\n",
		bc_report_date(r->all[r->days - 1].day_start_unix_s, last, sizeof(last)));
	fprintf(f, "days,%d\ndays_done,%d\nstreak_days,%d\nlongest_streak_days,%d\n", r->days,
		r->days_done, r->streak_days, r->longest_streak_days);
}

static void write_days(FILE *f, const bc_report_data *r)
{
	fprintf(f, "date,done,sessions,counted_reps,rejected\n");
	for (int i = 0; i < r->days; i++) {
		char date[16];
		const bc_history_day *d = &r->all[i];
		fprintf(f, "%s,%d,%d,%d,%d\n",
			bc_report_date(d->day_start_unix_s, date, sizeof(date)), d->reps > 0,
			d->sessions, d->reps, d->rejected);
	}
}

static void write_exercises(FILE *f, const bc_report_data *r)
{
	fprintf(f, "exercise,days_done," FIGURES_HEADER);
	for (int i = 0; i < r->n_exercises; i++) {
		field(f, r->exercises[i].name, ",");
		fprintf(f, "%d,", r->exercises[i].days_done);
		figures(f, &r->exercises[i].total);
	}
}

static void write_exercise_days(FILE *f, const bc_report_data *r)
{
	fprintf(f, "date,exercise," FIGURES_HEADER);
	for (int i = 0; i < r->n_exercises; i++)
		for (int k = 0; k < r->days; k++) {
			const bc_history_day *d = &r->exercises[i].days[k];
			char date[16];
			if (d->sessions == 0)
				continue;
			fprintf(f, "%s,", bc_report_date(d->day_start_unix_s, date, sizeof(date)));
			field(f, r->exercises[i].name, ",");
			figures(f, d);
		}
}

static void write_rejections(FILE *f, const bc_report_data *r)
{
	fprintf(f, "exercise,reason,attempts\n");
	for (int i = 0; i < r->n_exercises; i++)
		for (int why = 0; why < BC_REJECT_COUNT; why++) {
			int n = r->exercises[i].total.rejected_by_reason[why];
			if (!n)
				continue;
			field(f, r->exercises[i].name, ",");
			field(f, why == BC_REJECT_NONE ? "unknown" : bc_reject_reason_text(why),
			      ",");
			fprintf(f, "%d\n", n);
		}
}

static void write_table(FILE *f, int which, const bc_report_data *r)
{
	switch (which) {
	case SUMMARY:
		write_summary(f, r);
		break;
	case DAYS:
		write_days(f, r);
		break;
	case EXERCISES:
		write_exercises(f, r);
		break;
	case EXERCISE_DAYS:
		write_exercise_days(f, r);
		break;
	default:
		write_rejections(f, r);
		break;
	}
}

/* Files */

static void path_of(const char *dir, int which, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", dir, bc_report_csv_names[which]);
}

/* The directory, made when missing (not its parents: a typo should not build a tree). */
static int ensure_dir(const char *dir, char *err, size_t err_size)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		snprintf(err, err_size, "%s: not a directory", dir);
		return -1;
	}
	if (mkdir(dir, 0755) == 0)
		return 0;
	snprintf(err, err_size, "%s: cannot create the directory (%s)", dir, strerror(errno));
	return -1;
}

int bc_report_write_csv(const bc_report_data *r, const char *dir, bool overwrite, char *err,
			size_t err_size)
{
	char path[4096];
	bool created[BC_REPORT_CSV_FILES] = { false };
	if (ensure_dir(dir, err, err_size) < 0)
		return -1;
	for (int i = 0; i < BC_REPORT_CSV_FILES && !overwrite; i++) {
		path_of(dir, i, path, sizeof(path));
		if (access(path, F_OK) == 0) {
			snprintf(err, err_size,
				 "%s exists; not replaced (choose another --csv directory, or "
				 "--force to replace the report's files)",
				 path);
			return -1;
		}
	}
	for (int i = 0; i < BC_REPORT_CSV_FILES; i++) {
		path_of(dir, i, path, sizeof(path));
		/* "x": never replace a file that appeared since the check */
		FILE *f = fopen(path, overwrite ? "w" : "wx");
		if (!f)
			goto failed;
		created[i] = !overwrite;
		write_table(f, i, r);
		if (ferror(f) | fclose(f))
			goto failed;
	}
	return 0;

failed:
	snprintf(err, err_size, "%s: cannot write (%s)", path, strerror(errno));
	for (int i = 0; i < BC_REPORT_CSV_FILES; i++)
		if (created[i]) {
			path_of(dir, i, path, sizeof(path));
			remove(path);
		}
	return -1;
}
