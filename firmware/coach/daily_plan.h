/* SPDX-License-Identifier: MIT */
/*
 * The daily plan: a few exercises, each with sets, reps (or holds) per set,
 * a hold time and a rest between sets, chosen by the wearer or their
 * physiotherapist in the settings file (plan.N = EXERCISE, plan.N.sets, ...;
 * see settings.h). Pure logic, no I/O and no clock of its own:
 *
 *   - what is done today, from today's counted reps per exercise (the
 *     history's tally), and which item is next;
 *   - gentle progression: after progress_days days in a row with every set
 *     of an item done, its hold grows by progress_hold_s, up to
 *     progress_max_hold_s; a missed day only pauses the climb (never down);
 *   - one item being done: which set, the rest between sets (a timer on the
 *     caller's clock), and moving on by itself after each set.
 *
 * Days are counted back from today (0 today, 1 yesterday, ...); the caller
 * turns its history into that table (host side), so the rules are tested on
 * synthetic day histories.
 */
#ifndef BC_DAILY_PLAN_H
#define BC_DAILY_PLAN_H

#include <stdbool.h>

#include "vocab/exercise.h"

/* Items a plan may hold (plan.1 ... plan.6 in the settings file). */
#define BC_PLAN_MAX_ITEMS 6
/* Days of history the progression looks back over (today included). */
#define BC_PLAN_HISTORY_DAYS 64

typedef struct {
	bc_exercise_id exercise; /* BC_EXERCISE_NONE: an unused slot */
	int sets;		 /* sets per day, 1..10 (0: an unused slot) */
	int reps;		 /* reps (or holds) per set; 0: the settings' target_reps */
	float hold_s;		 /* hold per rep, seconds; 0: the exercise's NAME.hold_s */
	float rest_s;		 /* rest between sets (and before the next item), seconds */
} bc_plan_item;

typedef struct {
	bc_plan_item items[BC_PLAN_MAX_ITEMS]; /* in the order they are done; gaps skipped */
	float progress_hold_s;		       /* hold added per step, seconds (0: never) */
	int progress_days;		       /* complete days in a row for one step */
	float progress_max_hold_s;	       /* holds grow no further than this, seconds */
} bc_plan_settings;

/* A short plan for a first week: pelvic tilt and bridge, two sets each, then cat-cow. */
extern const bc_plan_settings bc_plan_settings_default;

/* A slot in use: an exercise and at least one set. */
bool bc_plan_item_used(const bc_plan_item *item);

/* Counted reps per exercise on each of the last days; [0] is today. */
typedef struct {
	int reps[BC_PLAN_HISTORY_DAYS][BC_EXERCISE_COUNT];
} bc_plan_days;

/* One item as it stands today. */
typedef struct {
	bc_plan_item item; /* reps and hold_s resolved: never 0 where the exercise has them */
	int slot;	   /* index in bc_plan_settings.items */
	int sets_done;	   /* complete sets today, 0..item.sets */
	int reps_today;	   /* counted reps today */
	int level;	   /* progression steps earned */
	float base_hold_s; /* the hold before progression, seconds */
} bc_plan_entry;

/* Today's plan. */
typedef struct {
	int n;					/* items in the plan */
	bc_plan_entry entry[BC_PLAN_MAX_ITEMS]; /* the plan's items, gaps removed */
	int next;				/* first entry not done, -1: all done (or empty) */
	int sets_done, sets_total;		/* over the whole plan */
} bc_plan_today;

/*
 * Today's plan from the settings (target_reps, each exercise's hold_s) and
 * the day table (NULL: nothing done on any day).
 */
void bc_plan_today_compute(const bc_plan_settings *plan, int target_reps,
			   const float hold_s[BC_EXERCISE_COUNT], const bc_plan_days *days,
			   bc_plan_today *out);

/* Complete sets in reps_today counted reps of an item of reps_per_set, at most sets. */
int bc_plan_sets_done(int reps_today, int reps_per_set, int sets);

/*
 * Progression steps an item has earned from the days before today: walking
 * from the oldest day, every run of progress_days complete days (each with
 * at least sets x reps counted) earns one step; a day short of that starts
 * the run again. Today does not count (it is not over).
 */
int bc_plan_level(const bc_plan_settings *plan, const bc_plan_item *item, const bc_plan_days *days);

/* The hold for level steps above base_hold_s: never past the cap, never below base. */
float bc_plan_hold_at_level(const bc_plan_settings *plan, float base_hold_s, int level);

/* ---- Doing one item --------------------------------------------------------- */

typedef enum {
	BC_PLAN_RUN_IDLE,      /* no plan item going on */
	BC_PLAN_RUN_EXERCISE,  /* a set going on */
	BC_PLAN_RUN_REST,      /* resting between sets of the same item */
	BC_PLAN_RUN_NEXT_ITEM, /* the item is done: resting before the next one */
	BC_PLAN_RUN_DONE,      /* the plan's last set is done */
} bc_plan_run_phase;

/* What happened after a rep or a tick, for the caller to act on. */
typedef enum {
	BC_PLAN_STEP_NONE,
	BC_PLAN_STEP_SET_DONE,	/* a set done, rest begins (same item) */
	BC_PLAN_STEP_ITEM_DONE, /* the item's last set done, rest before the next item */
	BC_PLAN_STEP_PLAN_DONE, /* the item's last set was the plan's last */
	BC_PLAN_STEP_RESUME,	/* the rest is over: the next set */
	BC_PLAN_STEP_START_NEXT /* the rest is over: start the next item (a new session) */
} bc_plan_step;

typedef struct {
	bc_plan_run_phase phase;
	int entry;	     /* the entry of bc_plan_today being done */
	int next_entry;	     /* NEXT_ITEM: the one to start after the rest, else -1 */
	int set;	     /* 0-based set going on (or the last one done) */
	int sets;	     /* sets the item has today */
	int reps_per_set;    /* counted reps that make a set */
	int base_reps;	     /* the session's count when this set began */
	float rest_s;	     /* this rest's length, seconds */
	double rest_until_s; /* caller's clock when the rest ends */
	bc_plan_today today; /* the plan as it was when the item began */
} bc_plan_run;

/* Nothing going on. */
void bc_plan_run_idle(bc_plan_run *r);

/*
 * Begins today's entry e (a new session whose count starts at 0): from the
 * first set not done yet, so a plan left half-way goes on where it was.
 */
void bc_plan_run_begin(bc_plan_run *r, const bc_plan_today *today, int e);

/*
 * The session's counted reps are now session_reps (the coach's count, from
 * its REP events). When that finishes a set, the rest begins at now_s.
 */
bc_plan_step bc_plan_run_reps(bc_plan_run *r, int session_reps, double now_s);

/* The clock moved on: RESUME / START_NEXT when a rest is over. */
bc_plan_step bc_plan_run_tick(bc_plan_run *r, double now_s);

/* The wearer skipped the rest: as if it were over now. */
bc_plan_step bc_plan_run_skip_rest(bc_plan_run *r, double now_s);

/* Seconds of rest left (0 when not resting). */
float bc_plan_run_rest_left_s(const bc_plan_run *r, double now_s);

/* Reps of the set going on (the session's count less the set's start). */
int bc_plan_run_set_reps(const bc_plan_run *r, int session_reps);

#endif /* BC_DAILY_PLAN_H */
