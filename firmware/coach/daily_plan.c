/* SPDX-License-Identifier: MIT */
/* The daily plan: see daily_plan.h. */
#include "coach/daily_plan.h"

#include <string.h>

/* ---- Settings ------------------------------------------------------------ */

#define PLAN_REST_S 30.0f

const bc_plan_settings bc_plan_settings_default = {
	.items = {
		{ BC_EXERCISE_PELVIC_TILT, 2, 0, 0, PLAN_REST_S },
		{ BC_EXERCISE_BRIDGE, 2, 0, 0, PLAN_REST_S },
		{ BC_EXERCISE_CAT_COW, 1, 0, 0, PLAN_REST_S },
		/* Free slots: naming an exercise (plan.4 = bridge) is enough to use one. */
		{ BC_EXERCISE_NONE, 2, 0, 0, PLAN_REST_S },
		{ BC_EXERCISE_NONE, 2, 0, 0, PLAN_REST_S },
		{ BC_EXERCISE_NONE, 2, 0, 0, PLAN_REST_S },
	},
	.progress_hold_s = 2.0f,
	.progress_days = 7,
	.progress_max_hold_s = 30.0f,
};

bool bc_plan_item_used(const bc_plan_item *item)
{
	return item->exercise > BC_EXERCISE_NONE && item->exercise < BC_EXERCISE_COUNT &&
	       item->sets > 0;
}

/* ---- Today ----------------------------------------------------------------- */

int bc_plan_sets_done(int reps_today, int reps_per_set, int sets)
{
	if (reps_per_set <= 0 || reps_today <= 0)
		return 0;
	int done = reps_today / reps_per_set;
	return done < sets ? done : sets;
}

static bool day_complete(const bc_plan_item *item, const int reps[BC_EXERCISE_COUNT])
{
	return reps[item->exercise] >= item->sets * item->reps;
}

int bc_plan_level(const bc_plan_settings *plan, const bc_plan_item *item, const bc_plan_days *days)
{
	if (!days || plan->progress_hold_s <= 0.0f || plan->progress_days <= 0 ||
	    item->exercise < 0 || item->exercise >= BC_EXERCISE_COUNT || item->reps <= 0)
		return 0;
	int level = 0, run = 0;
	for (int d = BC_PLAN_HISTORY_DAYS - 1; d >= 1; d--) {
		if (!day_complete(item, days->reps[d])) {
			run = 0;
			continue;
		}
		if (++run == plan->progress_days) {
			level++;
			run = 0;
		}
	}
	return level;
}

float bc_plan_hold_at_level(const bc_plan_settings *plan, float base_hold_s, int level)
{
	if (base_hold_s <= 0.0f || level <= 0)
		return base_hold_s;
	float hold = base_hold_s + plan->progress_hold_s * (float)level;
	float cap = plan->progress_max_hold_s > base_hold_s ? plan->progress_max_hold_s
							    : base_hold_s;
	return hold < cap ? hold : cap;
}

/* The item with its defaults filled in: reps from target_reps, hold from the exercise's. */
static bc_plan_item resolved(const bc_plan_item *in, int target_reps,
			     const float hold_s[BC_EXERCISE_COUNT])
{
	bc_plan_item it = *in;
	if (it.reps <= 0)
		it.reps = target_reps > 0 ? target_reps : 1;
	if (it.sets <= 0)
		it.sets = 1;
	if (it.hold_s <= 0.0f)
		it.hold_s = hold_s ? hold_s[it.exercise] : 0.0f;
	return it;
}

void bc_plan_today_compute(const bc_plan_settings *plan, int target_reps,
			   const float hold_s[BC_EXERCISE_COUNT], const bc_plan_days *days,
			   bc_plan_today *out)
{
	memset(out, 0, sizeof(*out));
	out->next = -1;
	for (int i = 0; i < BC_PLAN_MAX_ITEMS; i++) {
		const bc_plan_item *in = &plan->items[i];
		if (!bc_plan_item_used(in))
			continue;
		bc_plan_entry *e = &out->entry[out->n++];
		e->slot = i;
		e->item = resolved(in, target_reps, hold_s);
		e->base_hold_s = e->item.hold_s;
		e->level = bc_plan_level(plan, &e->item, days);
		e->item.hold_s = bc_plan_hold_at_level(plan, e->base_hold_s, e->level);
		e->reps_today = days ? days->reps[0][in->exercise] : 0;
		e->sets_done = bc_plan_sets_done(e->reps_today, e->item.reps, e->item.sets);
		out->sets_done += e->sets_done;
		out->sets_total += e->item.sets;
		if (out->next < 0 && e->sets_done < e->item.sets)
			out->next = out->n - 1;
	}
}

/* ---- Doing one item ------------------------------------------------------------ */

void bc_plan_run_idle(bc_plan_run *r)
{
	memset(r, 0, sizeof(*r));
	r->phase = BC_PLAN_RUN_IDLE;
	r->entry = -1;
	r->next_entry = -1;
}

void bc_plan_run_begin(bc_plan_run *r, const bc_plan_today *today, int e)
{
	bc_plan_run_idle(r);
	if (e < 0 || e >= today->n)
		return;
	const bc_plan_entry *en = &today->entry[e];
	r->today = *today;
	r->phase = BC_PLAN_RUN_EXERCISE;
	r->entry = e;
	r->sets = en->item.sets;
	r->reps_per_set = en->item.reps;
	r->set = en->sets_done < en->item.sets ? en->sets_done : 0;
	r->base_reps = 0;
}

/* The entry to do after e: the first later one not done, else an earlier one, else -1. */
static int entry_after(const bc_plan_today *t, int e)
{
	for (int k = 1; k < t->n; k++) {
		int i = (e + k) % t->n;
		if (t->entry[i].sets_done < t->entry[i].item.sets)
			return i;
	}
	return -1;
}

static void rest(bc_plan_run *r, bc_plan_run_phase phase, double now_s)
{
	r->phase = phase;
	r->rest_s = r->today.entry[r->entry].item.rest_s;
	r->rest_until_s = now_s + r->rest_s;
}

bc_plan_step bc_plan_run_reps(bc_plan_run *r, int session_reps, double now_s)
{
	if (r->phase != BC_PLAN_RUN_EXERCISE || r->reps_per_set <= 0 ||
	    session_reps - r->base_reps < r->reps_per_set)
		return BC_PLAN_STEP_NONE;
	/* A set is done: the rest starts; the next set's count starts here. */
	r->base_reps += r->reps_per_set;
	r->today.entry[r->entry].sets_done = r->set + 1;
	if (r->set + 1 < r->sets) {
		rest(r, BC_PLAN_RUN_REST, now_s);
		return BC_PLAN_STEP_SET_DONE;
	}
	r->next_entry = entry_after(&r->today, r->entry);
	if (r->next_entry < 0) {
		r->phase = BC_PLAN_RUN_DONE;
		return BC_PLAN_STEP_PLAN_DONE;
	}
	rest(r, BC_PLAN_RUN_NEXT_ITEM, now_s);
	return BC_PLAN_STEP_ITEM_DONE;
}

bc_plan_step bc_plan_run_skip_rest(bc_plan_run *r, double now_s)
{
	(void)now_s;
	if (r->phase == BC_PLAN_RUN_REST) {
		r->phase = BC_PLAN_RUN_EXERCISE;
		r->set++;
		return BC_PLAN_STEP_RESUME;
	}
	if (r->phase == BC_PLAN_RUN_NEXT_ITEM) {
		bc_plan_today t = r->today;
		int next = r->next_entry;
		bc_plan_run_begin(r, &t, next);
		return BC_PLAN_STEP_START_NEXT;
	}
	return BC_PLAN_STEP_NONE;
}

bc_plan_step bc_plan_run_tick(bc_plan_run *r, double now_s)
{
	if ((r->phase == BC_PLAN_RUN_REST || r->phase == BC_PLAN_RUN_NEXT_ITEM) &&
	    now_s >= r->rest_until_s)
		return bc_plan_run_skip_rest(r, now_s);
	return BC_PLAN_STEP_NONE;
}

float bc_plan_run_rest_left_s(const bc_plan_run *r, double now_s)
{
	if (r->phase != BC_PLAN_RUN_REST && r->phase != BC_PLAN_RUN_NEXT_ITEM)
		return 0.0f;
	double left = r->rest_until_s - now_s;
	return left > 0 ? (float)left : 0.0f;
}

int bc_plan_run_set_reps(const bc_plan_run *r, int session_reps)
{
	int n = session_reps - r->base_reps;
	return n > 0 ? n : 0;
}
