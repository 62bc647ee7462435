/* SPDX-License-Identifier: MIT */
/* The daily plan in words: see plan_text.h. */
#include "plan_text.h"

#include <stdio.h>

#include "coach/exercise_table.h"

int bc_plan_text_lines(const bc_coach_settings *s, char *lines, size_t line_size, int max)
{
	bc_plan_today t;
	bc_plan_today_compute(&s->plan, s->target_reps, s->hold_s, NULL, &t);
	int n = 0;
	for (int i = 0; i < t.n && n < max; i++) {
		const bc_plan_item *it = &t.entry[i].item;
		const bc_exercise_info *info = bc_exercise_info_get(it->exercise);
		char hold[32] = "";
		if (it->hold_s > 0)
			snprintf(hold, sizeof(hold), ", hold %g s", (double)it->hold_s);
		snprintf(lines + (size_t)n++ * line_size, line_size,
			 "%s: %d set%s of %d%s, rest %g s", info ? info->title : "?", it->sets,
			 it->sets == 1 ? "" : "s", it->reps, hold, (double)it->rest_s);
	}
	const bc_plan_settings *p = &s->plan;
	if (n > 0 && n < max && p->progress_hold_s > 0)
		snprintf(lines + (size_t)n++ * line_size, line_size,
			 "Holds grow %g s after %d complete days in a row, up to %g s",
			 (double)p->progress_hold_s, p->progress_days,
			 (double)p->progress_max_hold_s);
	return n;
}
