/* SPDX-License-Identifier: MIT */
/* The plan and the screens reached from home, in the reducer: see app_plan.h. */
#include "app/app_plan.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Days the progress screen looks back over (four weeks). */
#define PROGRESS_DAYS 28
/* The rest's last seconds are counted aloud. */
#define REST_COUNTDOWN_S 3

void bc_app_plan_refresh(bc_app_state *s)
{
	bc_plan_today_compute(&s->plan_settings, s->target_reps, s->hold_target_s, &s->today.days,
			      &s->plan);
}

/* Asks the main loop for a session of the item the plan run is on. */
static void request_item(bc_app_state *s)
{
	const bc_plan_item *it = &s->plan_run.today.entry[s->plan_run.entry].item;
	s->plan_session = true;
	s->session_target_reps = it->reps;
	s->session_hold_s = it->hold_s;
	s->start_requested = it->exercise;
}

void bc_app_plan_start(bc_app_state *s, int entry)
{
	if (entry < 0 || entry >= s->plan.n)
		return;
	bc_plan_run_begin(&s->plan_run, &s->plan, entry);
	request_item(s);
}

int bc_app_plan_set_reps(const bc_app_state *s)
{
	/* The plan's last set done: the summary counts the whole session, like its tally. */
	if (!s->plan_session || s->plan_run.phase == BC_PLAN_RUN_DONE)
		return s->session_reps;
	return bc_plan_run_set_reps(&s->plan_run, s->session_reps);
}

void bc_app_plan_set_sides(const bc_app_state *s, const int session[BC_SIDE_COUNT],
			   int out[BC_SIDE_COUNT])
{
	bool whole = !s->plan_session || s->plan_run.phase == BC_PLAN_RUN_DONE;
	for (int i = 0; i < BC_SIDE_COUNT; i++) {
		int n = whole ? session[i] : session[i] - s->set_side_base[i];
		out[i] = n > 0 ? n : 0;
	}
}

/*
 * The set just ended, aloud: its summary, the rest and what comes next (the
 * same set's next, or the next item's first set not done), once. Not when
 * the wearer had already ended the session: its own summary follows.
 */
static void say_set_end(bc_app_state *s)
{
	const bc_plan_run *r = &s->plan_run;
	if (s->session_over)
		return;
	bc_set_end e = { .reps = r->reps_per_set, .rest_s = r->rest_s, .next = BC_EXERCISE_NONE };
	if (r->phase == BC_PLAN_RUN_REST) {
		e.next = r->today.entry[r->entry].item.exercise;
		e.next_set = r->set + 2;
		e.next_sets = r->sets;
	} else if (r->phase == BC_PLAN_RUN_NEXT_ITEM && r->next_entry >= 0) {
		const bc_plan_entry *n = &r->today.entry[r->next_entry];
		e.next = n->item.exercise;
		e.next_set = n->sets_done + 1;
		e.next_sets = n->item.sets;
	}
	char words[BC_APP_TEXT_MAX];
	bc_app_say(s, words, bc_set_end_words(&e, words, sizeof(words)));
	s->set_summary_said = true;
	s->rest_said_s = REST_COUNTDOWN_S + 1;
}

/* The rest's last seconds aloud ("three", "two", "one"), each once. */
static void count_down_rest(bc_app_state *s)
{
	const bc_plan_run *r = &s->plan_run;
	if (r->phase != BC_PLAN_RUN_REST && r->phase != BC_PLAN_RUN_NEXT_ITEM)
		return;
	int left_s = (int)ceilf(bc_plan_run_rest_left_s(r, s->now_s));
	if (left_s < 1 || left_s > REST_COUNTDOWN_S || left_s >= s->rest_said_s)
		return;
	s->rest_said_s = left_s;
	char n[24];
	bc_number_words(left_s, n, sizeof(n));
	bc_app_say(s, n, BC_SPOKEN_COUNTDOWN);
}

void bc_app_plan_rep(bc_app_state *s)
{
	if (!s->plan_session)
		return;
	bc_plan_step step = bc_plan_run_reps(&s->plan_run, s->session_reps, s->now_s);
	if (step != BC_PLAN_STEP_NONE) {
		/* the next set's sides count from here (the tally has this rep already) */
		memcpy(s->set_side_base, s->tally.events.side_reps, sizeof(s->set_side_base));
		s->plan_sets_ended++;
		say_set_end(s);
	}
	if (step == BC_PLAN_STEP_PLAN_DONE) {
		/* The plan's last set: the summary, then home. */
		s->set_done = true;
		s->set_done_at_s = s->now_s;
	}
}

void bc_app_plan_leave(bc_app_state *s)
{
	if (s->plan_session)
		s->menu = BC_SCREEN_HOME; /* where the plan shows what is done */
	s->plan_session = false;
	bc_plan_run_idle(&s->plan_run);
}

/* The rest is over (run out or skipped): the item's next set, or the next item's session. */
static void after_rest(bc_app_state *s, bc_plan_step step)
{
	if (step == BC_PLAN_STEP_START_NEXT)
		request_item(s); /* its calibration guide speaks for itself */
	else if (step == BC_PLAN_STEP_RESUME) {
		char words[BC_APP_TEXT_MAX];
		const bc_plan_run *r = &s->plan_run;
		bc_app_say(s, words, bc_set_start_words(r->set + 1, r->sets, words, sizeof(words)));
	}
}

void bc_app_plan_tick(bc_app_state *s)
{
	if (!s->plan_session)
		return;
	count_down_rest(s);
	/* The plan moves on by itself. */
	after_rest(s, bc_plan_run_tick(&s->plan_run, s->now_s));
}

const char *bc_app_streak_text(const bc_app_state *s, char *buf, size_t size, bool *good)
{
	const bc_app_today *t = &s->today;
	*good = false;
	if (!t->known)
		snprintf(buf, size, "%s", s->source.demo ? "Demo: no history" : "No history");
	else if (t->streak_days <= 0)
		snprintf(buf, size, "Streak starts today");
	else {
		snprintf(buf, size, "Streak: %d day%s", t->streak_days,
			 t->streak_days == 1 ? "" : "s");
		*good = true;
	}
	return buf;
}

/* ---- Home ------------------------------------------------------------------- */

static void go(bc_app_state *s, bc_screen menu)
{
	s->menu = menu;
	if (menu == BC_SCREEN_PROGRESS)
		s->progress_page = 0;
	if (menu == BC_SCREEN_PROFILES)
		s->profiles.selection = s->profiles.current;
	if (menu == BC_SCREEN_EXERCISES && s->home_selection > BC_EXERCISE_COUNT)
		s->home_selection = 0;
}

void bc_app_home_pick(bc_app_state *s, bc_home_tile tile)
{
	if (tile < 0 || tile >= BC_HOME_TILE_COUNT)
		return;
	s->home_tile = tile;
	switch (tile) {
	case BC_HOME_TILE_START:
		/* All done: once more from the top (extra sets only add to today's count). */
		bc_app_plan_start(s, s->plan.next >= 0 ? s->plan.next : 0);
		break;
	case BC_HOME_TILE_EXERCISES:
		go(s, BC_SCREEN_EXERCISES);
		break;
	case BC_HOME_TILE_PROGRESS:
		go(s, BC_SCREEN_PROGRESS);
		break;
	case BC_HOME_TILE_PROFILE:
		go(s, BC_SCREEN_PROFILES);
		break;
	case BC_HOME_TILE_COUNT:
		break;
	}
}

static int wrap(int i, int n)
{
	return n > 0 ? ((i % n) + n) % n : 0;
}

static void home_action(bc_app_state *s, bc_app_action a)
{
	if (a == BC_ACTION_PREV || a == BC_ACTION_NEXT)
		s->home_tile = wrap(s->home_tile + (a == BC_ACTION_NEXT ? 1 : -1),
				    BC_HOME_TILE_COUNT);
	else if (a == BC_ACTION_SELECT)
		bc_app_home_pick(s, s->home_tile);
	else if (a == BC_ACTION_BACK)
		s->quit_requested = true;
}

/* The exercise list: every exercise, then a "Today" tile back home (GPIO has no BACK). */
static void exercises_action(bc_app_state *s, bc_app_action a)
{
	int n = BC_EXERCISE_COUNT + 1;
	if (a == BC_ACTION_PREV || a == BC_ACTION_NEXT) {
		s->home_selection = wrap(s->home_selection + (a == BC_ACTION_NEXT ? 1 : -1), n);
	} else if (a == BC_ACTION_SELECT) {
		if (s->home_selection >= BC_EXERCISE_COUNT) {
			go(s, BC_SCREEN_HOME);
			return;
		}
		s->plan_session = false;
		s->session_target_reps = 0;
		s->session_hold_s = 0;
		s->start_requested = (bc_exercise_id)s->home_selection;
	} else if (a == BC_ACTION_BACK) {
		go(s, BC_SCREEN_HOME);
	}
}

/* ---- Rest, progress, profiles ----------------------------------------------- */

/*
 * Between sets: SELECT skips the rest; BACK, or a held NEXT (END_SET) from
 * the buttons, ends the session (the sets done are saved; the screen goes home).
 */
static void rest_action(bc_app_state *s, bc_app_action a)
{
	if (a == BC_ACTION_SELECT || a == BC_ACTION_PAUSE)
		after_rest(s, bc_plan_run_skip_rest(&s->plan_run, s->now_s));
	else if (a == BC_ACTION_BACK || a == BC_ACTION_END_SET) {
		bc_app_plan_leave(s);
		s->exercise = BC_EXERCISE_NONE;
	}
}

static bool has_reps(const bc_app_state *s, bc_exercise_id ex)
{
	for (int d = 0; d < PROGRESS_DAYS; d++)
		if (s->today.days.reps[d][ex] > 0)
			return true;
	return false;
}

static bool in_plan(const bc_app_state *s, bc_exercise_id ex)
{
	for (int i = 0; i < s->plan.n; i++)
		if (s->plan.entry[i].item.exercise == ex)
			return true;
	return false;
}

/* The plan's exercises first, then any other done in the last four weeks. */
bc_exercise_id bc_app_progress_exercise(const bc_app_state *s, int page)
{
	if (page <= 0)
		return BC_EXERCISE_NONE;
	int k = page - 1;
	for (int i = 0; i < s->plan.n; i++) {
		bc_exercise_id ex = s->plan.entry[i].item.exercise;
		bool first = true; /* an exercise twice in the plan gets one page */
		for (int j = 0; j < i; j++)
			first &= s->plan.entry[j].item.exercise != ex;
		if (first && k-- == 0)
			return ex;
	}
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (!in_plan(s, ex) && ex != BC_EXERCISE_POSTURE && has_reps(s, ex) && k-- == 0)
			return ex;
	return BC_EXERCISE_NONE;
}

int bc_app_progress_pages(const bc_app_state *s)
{
	int n = 1;
	while (bc_app_progress_exercise(s, n) != BC_EXERCISE_NONE)
		n++;
	return n;
}

/* NEXT/PREV turn the pages, SELECT (or BACK) goes home. */
static void progress_action(bc_app_state *s, bc_app_action a)
{
	int n = bc_app_progress_pages(s);
	if (a == BC_ACTION_PREV || a == BC_ACTION_NEXT)
		s->progress_page = wrap(s->progress_page + (a == BC_ACTION_NEXT ? 1 : -1), n);
	else if (a == BC_ACTION_SELECT || a == BC_ACTION_BACK)
		go(s, BC_SCREEN_HOME);
}

int bc_app_new_wearer_tile(const bc_app_profiles *p)
{
	return p->n > 0 && p->n < BC_APP_PROFILES_MAX ? p->n : -1;
}

void bc_app_profile_pick(bc_app_state *s, int profile)
{
	if (profile >= 0 && profile == bc_app_new_wearer_tile(&s->profiles)) {
		s->profiles.create_requested = true;
		go(s, BC_SCREEN_HOME);
		return;
	}
	if (profile < 0 || profile >= s->profiles.n)
		return;
	s->profiles.selection = profile;
	if (profile != s->profiles.current)
		s->profiles.requested = profile;
	go(s, BC_SCREEN_HOME);
}

/*
 * NEXT/PREV step through the wearers and the new-wearer tile, SELECT takes
 * one (and goes home), BACK keeps.
 */
static void profiles_action(bc_app_state *s, bc_app_action a)
{
	int n = s->profiles.n + (bc_app_new_wearer_tile(&s->profiles) >= 0);
	if (a == BC_ACTION_PREV || a == BC_ACTION_NEXT)
		s->profiles.selection = wrap(s->profiles.selection + (a == BC_ACTION_NEXT ? 1 : -1),
					     n);
	else if (a == BC_ACTION_SELECT && n > 0)
		bc_app_profile_pick(s, s->profiles.selection);
	else if (a == BC_ACTION_SELECT || a == BC_ACTION_BACK)
		go(s, BC_SCREEN_HOME);
}

bool bc_app_menu_action(bc_app_state *s, bc_app_action a)
{
	switch (s->screen) {
	case BC_SCREEN_HOME:
		home_action(s, a);
		return true;
	case BC_SCREEN_EXERCISES:
		exercises_action(s, a);
		return true;
	case BC_SCREEN_REST:
		rest_action(s, a);
		return true;
	case BC_SCREEN_PROGRESS:
		progress_action(s, a);
		return true;
	case BC_SCREEN_PROFILES:
		profiles_action(s, a);
		return true;
	default:
		return false;
	}
}
