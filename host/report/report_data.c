/* SPDX-License-Identifier: MIT */
/* The report's numbers, from the history: see report_data.h. */
#include "report/report_data.h"

#include <stdio.h>
#include <string.h>

#include "coach/exercise_table.h"
#include "history/local_day.h"

const char *bc_report_date(int64_t day_start_unix_s, char *buf, size_t size)
{
	return bc_local_time_text(day_start_unix_s, "%Y-%m-%d", buf, size);
}

static bool day_done(const bc_history_day *d, bool monitor)
{
	return monitor ? d->sessions > 0 : d->reps > 0;
}

/* The longest run of done days in the period. */
static int longest_run(const bc_history_day *days, int n)
{
	int best = 0, run = 0;
	for (int i = 0; i < n; i++) {
		run = days[i].reps > 0 ? run + 1 : 0;
		best = run > best ? run : best;
	}
	return best;
}

static int gather_exercise(bc_history *h, bc_report_data *r, int64_t until_unix_s,
			   bc_report_exercise *x)
{
	const bc_exercise_row *row = bc_exercise_row_of(bc_exercise_from_name(x->name));
	const bc_exercise_info *info = bc_exercise_info_get(bc_exercise_from_name(x->name));
	x->title = info ? info->title : x->name;
	x->monitor = row && row->monitor;
	if (bc_history_span(h, r->first_day_unix_s, r->end_unix_s, x->name, &x->total) < 0 ||
	    bc_history_days(h, until_unix_s, r->days, x->name, x->days) < 0)
		return -1;
	x->days_done = 0;
	for (int i = 0; i < r->days; i++)
		x->days_done += day_done(&x->days[i], x->monitor);
	return 0;
}

int bc_report_gather(bc_history *h, int64_t until_unix_s, int days, int64_t made_unix_s,
		     bc_report_data *r)
{
	if (days < 1 || days > BC_REPORT_DAYS_MAX)
		return -1;
	memset(r, 0, sizeof(*r));
	r->days = days;
	r->made_unix_s = made_unix_s;
	r->first_day_unix_s = bc_local_day_start(until_unix_s, -(days - 1));
	r->end_unix_s = bc_local_day_start(until_unix_s, 1);
	if (bc_history_days(h, until_unix_s, days, NULL, r->all) < 0)
		return -1;
	for (int i = 0; i < days; i++)
		r->days_done += r->all[i].reps > 0;
	r->longest_streak_days = longest_run(r->all, days);
	r->streak_days = bc_history_streak_days(h, until_unix_s);
	if (r->streak_days < 0)
		return -1;
	char names[BC_REPORT_EXERCISES_MAX][BC_HISTORY_EXERCISE_MAX];
	int n = bc_history_exercises(h, r->first_day_unix_s, names, BC_REPORT_EXERCISES_MAX);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		bc_report_exercise *x = &r->exercises[r->n_exercises];
		memcpy(x->name, names[i], sizeof(x->name)); /* both NUL-terminated, same size */
		if (gather_exercise(h, r, until_unix_s, x) < 0)
			return -1;
		if (x->total.sessions > 0) /* started after the period: not in it */
			r->n_exercises++;
	}
	return 0;
}
