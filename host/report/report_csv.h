/* SPDX-License-Identifier: MIT */
/*
 * The report's tables as CSV files in one directory, for a spreadsheet:
 *   summary.csv        the period and adherence (key,value)
 *   days.csv           every day: sessions, counted, rejected, done
 *   exercises.csv      per exercise over the period: counts, holds, range, form
 *   exercise_days.csv  per exercise per day with a session: the same by day
 *   rejections.csv     per exercise: each reason not counted and its attempts
 * Header row first; empty field: not measured. Dates are local (YYYY-MM-DD).
 */
#ifndef BC_REPORT_CSV_H
#define BC_REPORT_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "report/report_data.h"

/* How many files bc_report_write_csv writes, and their names. */
#define BC_REPORT_CSV_FILES 5
extern const char *const bc_report_csv_names[BC_REPORT_CSV_FILES];

/*
 * Writes the files into dir (created, mode 0755, when missing). An existing
 * file of the same name is never replaced unless overwrite: then nothing is
 * written and err names it. 0 done; -1 with err (files this call created
 * before a failure are removed; nothing else is touched).
 */
int bc_report_write_csv(const bc_report_data *r, const char *dir, bool overwrite, char *err,
			size_t err_size);

#endif /* BC_REPORT_CSV_H */
