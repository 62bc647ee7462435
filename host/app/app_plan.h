/* SPDX-License-Identifier: MIT */
/*
 * The reducer's part for the daily plan and the screens reached from home
 * (exercises, rest, progress, profiles): app_state.c calls these, so the
 * rule for what each button does on them lives here, in one place. Like
 * app_state.c: no SDL, no I/O; the main loop carries out the requests.
 *
 * With the three buttons alone (PREV, NEXT, SELECT; NEXT and SELECT are
 * enough) everything is reached: NEXT steps through a screen's tiles (or
 * pages) and wraps, SELECT takes the one highlighted; every screen off home
 * has a way home by SELECT (a "Today" tile, or SELECT itself).
 */
#ifndef BC_APP_PLAN_H
#define BC_APP_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app_state.h"

/* Today's plan again from s->today.days and the plan settings (after a history read). */
void bc_app_plan_refresh(bc_app_state *s);

/* Asks the main loop to start today's plan entry e, from its first set not done. */
void bc_app_plan_start(bc_app_state *s, int entry);

/* The coach counted a rep (s->session_reps is its count): the plan may end a set. */
void bc_app_plan_rep(bc_app_state *s);

/* The session ends (BACK, NEXT on a summary, the plan done): a plan's leads home. */
void bc_app_plan_leave(bc_app_state *s);

/* The clock moved on (s->now_s): a rest may be over. */
void bc_app_plan_tick(bc_app_state *s);

/* Reps of the set going on, as the counter shows them (the session's in a free session). */
int bc_app_plan_set_reps(const bc_app_state *s);

/* The same by side ("Left 2/5 · Right 1/5"), from the session's counts. */
void bc_app_plan_set_sides(const bc_app_state *s, const int session[BC_SIDE_COUNT],
			   int out[BC_SIDE_COUNT]);

/*
 * An action on home, the exercise list, the rest, progress or the profile
 * chooser. Returns false when the screen is none of those (the caller
 * handles it).
 */
bool bc_app_menu_action(bc_app_state *s, bc_app_action a);

/* A home tile touched: select it and take it. */
void bc_app_home_pick(bc_app_state *s, bc_home_tile tile);

/* A profile tile touched on the chooser (the new-wearer tile too). */
void bc_app_profile_pick(bc_app_state *s, int profile);

/*
 * The chooser's last tile, after the wearers: "+ New wearer" (there is no
 * keyboard, so the loop names them "Wearer 2", "Wearer 3", ...). -1 when no
 * more fit, or when there are no profiles at all (history off).
 */
int bc_app_new_wearer_tile(const bc_app_profiles *p);

/*
 * Home's streak line: "Streak: 3 days", "Streak starts today" (a history
 * without one), or that no history is kept ("Demo: no history"). good is
 * set when there is a streak to be pleased about.
 */
const char *bc_app_streak_text(const bc_app_state *s, char *buf, size_t size, bool *good);

/* Pages on the progress screen: the calendar, then one per exercise in the plan. */
int bc_app_progress_pages(const bc_app_state *s);

/* The exercise progress page p shows (NONE for the calendar). */
bc_exercise_id bc_app_progress_exercise(const bc_app_state *s, int page);

#endif /* BC_APP_PLAN_H */
