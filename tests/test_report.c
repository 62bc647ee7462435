/* SPDX-License-Identifier: MIT */
/*
 * `backcoach report` for real: a history filled through the history API
 * with known sessions (and one outside the period), the report written,
 * the PDF rendered by poppler's pdftoppm (its pages counted) and read back
 * by pdftotext, which must show the numbers the history holds: reps per
 * exercise, rejected reasons and counts, adherence and streak. The CSV
 * files hold the same. Existing files are not replaced without --force.
 * Skips, saying so, when poppler-utils is not installed (make deps).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "coach/exercise_table.h"
#include "history/history.h"
#include "support/run_command.h"
#include "support/test_support.h"

/* Helpers */

/* The program's full path from PATH into buf, or NULL. */
static const char *find_tool(const char *name, char *buf, size_t size)
{
	const char *path = getenv("PATH");
	char dirs[4096];
	snprintf(dirs, sizeof(dirs), "%s", path ? path : "/usr/bin:/bin");
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d;
	     d = strtok_r(NULL, ":", &save)) {
		snprintf(buf, size, "%s/%s", d, name);
		if (access(buf, X_OK) == 0)
			return buf;
	}
	return NULL;
}

static int64_t noon(int month, int day)
{
	struct tm tm = {
		.tm_year = 2024 - 1900, .tm_mon = month - 1, .tm_mday = day, .tm_hour = 12
	};
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static bc_coach_event rep(double t, bc_side side)
{
	return (bc_coach_event){ .type = BC_EVENT_REP,
				 .t_s = t,
				 .hold_s = 3.0f,
				 .hold_target_s = 2.0f,
				 .peak_deg = 24.0f,
				 .side = side,
				 .hold_sd_deg = 0.5f,
				 .smoothness = 0.9f,
				 .time_to_zone_s = 1.5f };
}

static bc_coach_event rejected(double t, bc_reject_reason why, bc_side side)
{
	return (bc_coach_event){ .type = BC_EVENT_REJECTED,
				 .t_s = t,
				 .reason = why,
				 .side = side,
				 .peak_deg = 9.0f,
				 .hold_sd_deg = NAN,
				 .smoothness = NAN,
				 .time_to_zone_s = NAN };
}

/* A session of reps counted reps, then the rejections given, stored. */
static void store(bc_history *h, bc_exercise_id ex, int64_t started, int reps,
		  const bc_reject_reason *why, int n_why)
{
	static bc_coach_event ev[128];
	static bc_history_session s;
	bool sided = ex == BC_EXERCISE_KNEE_TO_CHEST;
	int n = 0;
	for (int i = 0; i < reps; i++, n++)
		ev[n] = rep(10.0 * n,
			    sided ? (i % 2 ? BC_SIDE_RIGHT : BC_SIDE_LEFT) : BC_SIDE_NONE);
	for (int i = 0; i < n_why; i++, n++)
		ev[n] = rejected(10.0 * n, why[i], sided ? BC_SIDE_LEFT : BC_SIDE_NONE);
	bc_history_session_from_events(&s, ex, started, 0.0, ev, (size_t)n);
	if (bc_history_add_session(h, &s) <= 0)
		fail_msg("store: %s", bc_history_error(h));
}

/*
 * The period 2024-05-15 .. 05-28 (14 days). Bridge: 8 + 5 + 6 + 3 = 22
 * counted in 5 sessions on 4 days, rejected: hold too short, too little
 * range, pelvis not level (1 each). Knee to chest: 4 counted, 3 "hold too
 * short", on 05-26. Days done: 20, 21, 26, 27, 28 = 5 of 14; streak 3.
 * A bridge session of 99 reps on 05-10 is outside the period.
 */
static void fill_history(const char *path)
{
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(path, err, sizeof(err));
	if (!h)
		fail_msg("open: %s", err);
	const bc_reject_reason short_hold[] = { BC_REJECT_HOLD_TOO_SHORT, BC_REJECT_HOLD_TOO_SHORT,
						BC_REJECT_HOLD_TOO_SHORT };
	const bc_reject_reason range[] = { BC_REJECT_TOO_LITTLE_RANGE };
	const bc_reject_reason level[] = { BC_REJECT_NOT_LEVEL };
	store(h, BC_EXERCISE_BRIDGE, noon(5, 10), 99, NULL, 0);
	store(h, BC_EXERCISE_BRIDGE, noon(5, 20) - 3600, 4, short_hold, 1);
	store(h, BC_EXERCISE_BRIDGE, noon(5, 20) + 3600, 4, range, 1);
	store(h, BC_EXERCISE_BRIDGE, noon(5, 21), 5, level, 1);
	store(h, BC_EXERCISE_KNEE_TO_CHEST, noon(5, 26), 4, short_hold, 3);
	store(h, BC_EXERCISE_BRIDGE, noon(5, 27), 6, NULL, 0);
	store(h, BC_EXERCISE_BRIDGE, noon(5, 28), 3, NULL, 0);
	bc_history_close(h);
}

/* Runs of spaces made one, in place: pdftotext -layout spaces columns out. */
static void squeeze_spaces(char *text)
{
	char *out = text;
	for (const char *in = text; *in; in++)
		if (!(*in == ' ' && out > text && out[-1] == ' '))
			*out++ = *in;
	*out = '\0';
}

/* The squeezed text holds this line (from a line's start, to its end). */
static void assert_line(const char *text, const char *want)
{
	size_t n = strlen(want);
	for (const char *p = strstr(text, want); p; p = strstr(p + 1, want))
		if ((p == text || p[-1] == '\n' ||
		     (p[-1] == ' ' && (p - 1 == text || p[-2] == '\n'))) &&
		    (p[n] == '\n' || p[n] == '\0'))
			return;
	fail_msg("no line '%s' in the report's text", want);
}

static char *file_text(const char *path)
{
	size_t n;
	return bc_test_read_file(path, &n);
}

/* The text of file name in directory dir. */
static char *dir_file_text(const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return file_text(path);
}

/* Tests */

static void test_report_pdf_holds_the_history(void **state)
{
	char pdftoppm[512], pdftotext[512];
	if (!find_tool("pdftoppm", pdftoppm, sizeof(pdftoppm)) ||
	    !find_tool("pdftotext", pdftotext, sizeof(pdftotext))) {
		print_message("test_report: SKIPPED: pdftoppm/pdftotext not found "
			      "(Debian poppler-utils; make deps installs it)\n");
		skip();
	}
	char db[512], pdf[512], csv[512], pages[512], txt[512];
	bc_test_tmp_path("report.sqlite3", db, sizeof(db));
	bc_test_tmp_path("report.pdf", pdf, sizeof(pdf));
	bc_test_tmp_path("csv", csv, sizeof(csv));
	bc_test_tmp_path("page", pages, sizeof(pages));
	bc_test_tmp_path("report.txt", txt, sizeof(txt));
	fill_history(db);

	bc_test_output o;
	bc_run_backcoach(&o, "report", "--history", db, "--until", "2024-05-28", "--days", "14",
			 "--out", pdf, "--csv", csv);
	if (o.status != 0)
		fail_msg("report: status %d: %s", o.status, o.err);
	bc_test_output_free(&o);

	/* page 1, then a page for each of the two exercises */
	bc_test_run_started(
		&o, (const char *const[]){ pdftoppm, "-r", "30", "-png", pdf, pages, NULL });
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	char page_png[600];
	for (int i = 1; i <= 3; i++) {
		snprintf(page_png, sizeof(page_png), "%s-%d.png", pages, i);
		assert_int_equal(access(page_png, R_OK), 0);
	}
	snprintf(page_png, sizeof(page_png), "%s-4.png", pages);
	assert_int_not_equal(access(page_png, F_OK), 0);

	bc_test_run_started(&o, (const char *const[]){ pdftotext, "-layout", pdf, txt, NULL });
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	char *text = file_text(txt);
	assert_non_null(strstr(text, "Period: 2024-05-15 to 2024-05-28 (14 days)"));
	assert_non_null(strstr(text, "Days with exercise: 5 of 14 (36%)"));
	assert_non_null(strstr(text, "Streak at the end of the period: 3 days; longest in it: 3"));
	squeeze_spaces(text);
	/* Exercise, sessions, days, counted, rejected, best hold, mean hold, best range */
	assert_line(text, "Bridge 5 4 22 3 3.0 s 3.0 s 24.0\xc2\xb0");
	assert_line(text, "Knee to chest 1 1 4 3 3.0 s 3.0 s 24.0\xc2\xb0");
	assert_line(text, "Bridge hold too short 1");
	assert_line(text, "Bridge too little range 1");
	assert_line(text, "Bridge pelvis not level 1");
	assert_line(text, "Knee to chest hold too short 3");
	/* form: steadiness, smoothness, time to the zone */
	assert_line(text, "Bridge 0.5\xc2\xb0 0.90 1.5 s");
	assert_non_null(strstr(text, "22 counted reps, 3 rejected"));
	/* the charts' days: the last day's date and a week before it, nothing between */
	assert_non_null(strstr(text, "28 May"));
	assert_non_null(strstr(text, "21 May"));
	assert_null(strstr(text, "24 May"));
	assert_null(strstr(text, "99")); /* the session before the period */
	free(text);

	text = dir_file_text(csv, "exercises.csv");
	assert_non_null(strstr(text, "\nbridge,4,5,22,3,0,3.00,3.00,24.00,0.500,0.900,1.50\n"));
	assert_non_null(strstr(text, "\nknee-to-chest,1,1,4,3,0,"));
	free(text);
	text = dir_file_text(csv, "rejections.csv");
	assert_non_null(strstr(text, "\nbridge,hold too short,1\n"));
	assert_non_null(strstr(text, "\nknee-to-chest,hold too short,3\n"));
	free(text);
	text = dir_file_text(csv, "summary.csv");
	assert_non_null(strstr(text, "\ndays_done,5\nstreak_days,3\n"));
	free(text);
}

/* The PDF and CSV files already there are kept unless --force says otherwise. */
static void test_existing_files_are_kept(void **state)
{
	char db[512], pdf[512], csv[512], mine[600];
	bc_test_tmp_path("keep.sqlite3", db, sizeof(db));
	bc_test_tmp_path("keep.pdf", pdf, sizeof(pdf));
	bc_test_tmp_path("keep-csv", csv, sizeof(csv));
	fill_history(db);
	FILE *f = fopen(pdf, "w");
	assert_non_null(f);
	fputs("the report I handed over", f);
	fclose(f);

	bc_test_output o;
	bc_run_backcoach(&o, "report", "--history", db, "--out", pdf);
	assert_int_equal(o.status, 1);
	assert_non_null(strstr(o.err, "exists; not replaced"));
	bc_test_output_free(&o);
	char *text = file_text(pdf);
	assert_string_equal(text, "the report I handed over");
	free(text);

	bc_run_backcoach(&o, "report", "--history", db, "--out", pdf, "--force");
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	text = file_text(pdf);
	assert_memory_equal(text, "%PDF", 4);
	free(text);

	/* CSV: one file of the same name there stops them all */
	assert_int_equal(mkdir(csv, 0755), 0);
	snprintf(mine, sizeof(mine), "%s/days.csv", csv);
	f = fopen(mine, "w");
	fputs("mine\n", f);
	fclose(f);
	bc_run_backcoach(&o, "report", "--history", db, "--csv", csv);
	assert_int_equal(o.status, 1);
	assert_non_null(strstr(o.err, "days.csv exists; not replaced"));
	bc_test_output_free(&o);
	text = file_text(mine);
	assert_string_equal(text, "mine\n");
	free(text);
	snprintf(mine, sizeof(mine), "%s/summary.csv", csv);
	assert_int_not_equal(access(mine, F_OK), 0);
}

static void test_usage_and_missing_history(void **state)
{
	char db[512];
	bc_test_tmp_path("none.sqlite3", db, sizeof(db));
	bc_test_output o;
	bc_run_backcoach(&o, "report", "--days", "0");
	bc_test_assert_usage_error(&o, "--days");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "report", "--until", "May 28");
	bc_test_assert_usage_error(&o, "--until");
	bc_test_output_free(&o);
	bc_run_backcoach(&o, "report", "--history", db);
	assert_int_equal(o.status, 1);
	assert_non_null(strstr(o.err, "no history there"));
	bc_test_output_free(&o);
	assert_int_not_equal(access(db, F_OK), 0); /* not created */
}

/* replay --history stores a recorded session at the time given, as the app would. */
static void test_replay_into_history(void **state)
{
	char db[512], trace[512];
	bc_test_tmp_path("replayed.sqlite3", db, sizeof(db));
	bc_test_path("traces/bridge-correct.csv.gz", trace, sizeof(trace));
	bc_test_output o;
	bc_run_backcoach(&o, "replay", "--history", db, "--started", "2024-05-20T09:00", trace);
	assert_int_equal(o.status, 0);
	bc_test_output_free(&o);
	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(db, err, sizeof(err));
	assert_non_null(h);
	bc_history_day d;
	assert_int_equal(bc_history_days(h, noon(5, 20), 1, "bridge", &d), 0);
	assert_int_equal(d.sessions, 1);
	assert_int_equal(d.reps, 8); /* what replay counts on that trace */
	assert_true(d.mean_hold_sd_deg >= 0.0f);
	assert_true(d.mean_smoothness > 0.9f);
	bc_history_close(h);
}

int main(void)
{
	setenv("TZ", "UTC0", 1); /* the report, run as a child, reads the same days */
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_pdf_holds_the_history),
		cmocka_unit_test(test_existing_files_are_kept),
		cmocka_unit_test(test_usage_and_missing_history),
		cmocka_unit_test(test_replay_into_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
