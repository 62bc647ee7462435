/* SPDX-License-Identifier: MIT */
/*
 * The physiotherapist's report as a PDF (cairo's PDF surface, A4): page 1
 * the period, the plan, adherence with a calendar of days done, counted and
 * rejected reps with their reasons, and the form; then a page per exercise
 * with its charts over the days.
 */
#ifndef BC_REPORT_PDF_H
#define BC_REPORT_PDF_H

#include <stdio.h>

#include "report/report_data.h"

/*
 * Writes the report to out (a file the caller opened for writing). Returns
 * the number of pages, or -1 when cairo failed (message in err).
 */
int bc_report_write_pdf(const bc_report_data *r, FILE *out, char *err, size_t err_size);

#endif /* BC_REPORT_PDF_H */
