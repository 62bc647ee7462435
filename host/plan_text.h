/* SPDX-License-Identifier: MIT */
/*
 * The daily plan in words, one line per item and one for the progression,
 * for the physiotherapist's report: "Bridge: 3 sets of 10, hold 5 s, rest
 * 45 s". The plan as the device runs it (daily_plan.h): an item's 0 reps or
 * hold shown as what they mean (target_reps, the exercise's hold).
 */
#ifndef BC_PLAN_TEXT_H
#define BC_PLAN_TEXT_H

#include <stddef.h>

#include "coach/coach.h"

/* Up to max lines of line_size bytes into lines (a 2-D array); returns how many. */
int bc_plan_text_lines(const bc_coach_settings *s, char *lines, size_t line_size, int max);

#endif /* BC_PLAN_TEXT_H */
