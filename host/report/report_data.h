/* SPDX-License-Identifier: MIT */
/*
 * What the physiotherapist's report shows, gathered from the history before
 * anything is drawn or written: the period, adherence (days done, streaks),
 * and per exercise its totals and its days. The PDF (report_pdf.c) and the
 * CSV files (report_csv.c) are two renderings of this one record, so every
 * number in either comes from the history the same way.
 */
#ifndef BC_REPORT_DATA_H
#define BC_REPORT_DATA_H

#include <stdbool.h>
#include <stdint.h>

#include "history/history.h"

/* A report covers at most a year and a day. */
#define BC_REPORT_DAYS_MAX 366
/* Exercises in one report: every exercise, and room for names from a newer backcoach. */
#define BC_REPORT_EXERCISES_MAX 24

typedef struct {
	char name[BC_HISTORY_EXERCISE_MAX]; /* "bridge" */
	const char *title;		    /* "Bridge" (the name when unknown to this build) */
	bool monitor;			    /* posture: alerts, not reps */
	bc_history_day total;		    /* the whole period */
	int days_done;			    /* days with a counted rep (posture: a session) */
	bc_history_day days[BC_REPORT_DAYS_MAX]; /* oldest first, as the period's */
} bc_report_exercise;

typedef struct {
	int days;				/* the period's length, local days */
	int64_t first_day_unix_s;		/* local midnight starting the first day */
	int64_t end_unix_s;			/* local midnight ending the last day */
	int64_t made_unix_s;			/* when the report was made */
	bc_history_day all[BC_REPORT_DAYS_MAX]; /* every exercise together, by day */
	int days_done;				/* days with a counted rep */
	int streak_days;			/* consecutive days with reps up to the last day */
	int longest_streak_days;		/* the longest run within the period */
	int n_exercises;			/* exercises with a session in the period */
	bc_report_exercise exercises[BC_REPORT_EXERCISES_MAX];
	/*
	 * The plan the settings name, one line per item; none yet: the
	 * report then lists the exercises done instead.
	 */
	int plan_lines;
	char plan[BC_REPORT_EXERCISES_MAX][96];
} bc_report_data;

/*
 * Fills r for the `days` local days ending with the one holding
 * until_unix_s. r is large (heap it). 0 done; -1 with the history's error.
 */
int bc_report_gather(bc_history *h, int64_t until_unix_s, int days, int64_t made_unix_s,
		     bc_report_data *r);

/* The local date of a day's start as "2024-05-01", into buf. */
const char *bc_report_date(int64_t day_start_unix_s, char *buf, size_t size);

#endif /* BC_REPORT_DATA_H */
