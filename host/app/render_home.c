/* SPDX-License-Identifier: MIT */
/*
 * Home: today's plan. The streak at the top; the first tile starts the next
 * item of the plan (SELECT, the moment the app opens); then the plan with
 * what is done (a tick, sets done of sets; a longer plan than three rows
 * scrolls to keep the next item in view), and three tiles: every
 * exercise, progress, and who is exercising. All of it in BC_TEXT_READ_PX, read
 * from the floor; NEXT steps through the four tiles, SELECT takes one.
 */
#include "app/screens.h"

#include <stdio.h>

#include "app/app_plan.h"
#include "app/layout.h"
#include "coach/exercise_table.h"

/* Design px (800x480). */
#define MARGIN	   8
#define HEAD_Y	   48
#define HEAD_H	   46
#define START_Y	   98
#define START_H	   112
#define LIST_Y	   216
#define LIST_ROW_H 50
#define LIST_ROWS  3
#define NAV_Y	   386
#define NAV_H	   86
#define GAP	   8

SDL_Rect bc_today_tile_rect(const bc_draw *d, int tile)
{
	if (tile == BC_HOME_TILE_START)
		return bc_design_rect(d, MARGIN, START_Y, BC_DESIGN_W - 2 * MARGIN, START_H);
	int w = (BC_DESIGN_W - 2 * MARGIN - 2 * GAP) / 3, k = tile - BC_HOME_TILE_EXERCISES;
	return bc_design_rect(d, MARGIN + k * (w + GAP), NAV_Y, w, NAV_H);
}

int bc_today_tile_at(const bc_draw *d, int x, int y)
{
	SDL_Point p = { x, y };
	for (int t = 0; t < BC_HOME_TILE_COUNT; t++) {
		SDL_Rect r = bc_today_tile_rect(d, t);
		if (SDL_PointInRect(&p, &r))
			return t;
	}
	return -1;
}

/* A tile's panel, outlined when highlighted. */
static void tile_panel(const bc_draw *d, SDL_Rect r, bool sel)
{
	if (sel) {
		int b = bc_dp(d, 4);
		SDL_Rect outer = { r.x - b, r.y - b, r.w + 2 * b, r.h + 2 * b };
		bc_draw_panel(d, outer, bc_dp(d, 16), bc_col_info);
	}
	bc_draw_panel(d, r, bc_dp(d, 12), sel ? bc_col_panel_hi : bc_col_panel);
}

/* "10 × hold 5 s" (with the progression's share), "8 slow cycles", ... */
static void item_target(const bc_plan_entry *e, char *buf, size_t size)
{
	const bc_plan_item *it = &e->item;
	const bc_exercise_row *row = bc_exercise_row_of(it->exercise);
	if (it->exercise == BC_EXERCISE_CAT_COW)
		snprintf(buf, size, "%d slow cycles", it->reps);
	else if (row && row->sides != BC_SIDES_NONE && it->hold_s > 0)
		snprintf(buf, size, "%d/side \xc3\x97 %.0f s", (it->reps + 1) / 2,
			 (double)it->hold_s);
	else if (it->hold_s > 0 && e->level > 0)
		snprintf(buf, size, "%d \xc3\x97 hold %.0f s (+%.0f)", it->reps, (double)it->hold_s,
			 (double)(it->hold_s - e->base_hold_s));
	else if (it->hold_s > 0)
		snprintf(buf, size, "%d \xc3\x97 hold %.0f s", it->reps, (double)it->hold_s);
	else
		snprintf(buf, size, "%d reps", it->reps);
}

/* The profile's name (when there are several) and the streak, as the history has it. */
static void draw_heading(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect head = bc_design_rect(d, 16, HEAD_Y, BC_DESIGN_W - 32, HEAD_H);
	const bc_app_profiles *p = &s->profiles;
	char who[64];
	if (p->n > 1 && p->current >= 0 && p->current < p->n)
		snprintf(who, sizeof(who), "%s: today", p->name[p->current]);
	else
		snprintf(who, sizeof(who), "Today");
	bc_draw_text(d, who, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, head.x,
		     head.y + head.h / 2, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w * 45 / 100);
	char streak[64];
	bool good;
	bc_app_streak_text(s, streak, sizeof(streak), &good);
	SDL_Color c = good ? bc_col_good : bc_col_dim;
	bc_draw_text(d, streak, BC_TEXT_READ_PX, BC_FONT_BOLD, c, head.x + head.w,
		     head.y + head.h / 2, BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, head.w * 53 / 100);
}

/* The start tile: what SELECT starts now. */
static void draw_start(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect r = bc_today_tile_rect(d, BC_HOME_TILE_START);
	bool sel = s->home_tile == BC_HOME_TILE_START;
	tile_panel(d, r, sel);
	char line1[96], line2[96];
	SDL_Color c1 = bc_col_text;
	const bc_plan_today *p = &s->plan;
	if (p->n == 0) {
		snprintf(line1, sizeof(line1), "No plan yet");
		snprintf(line2, sizeof(line2), "Choose under Exercises");
	} else if (p->next < 0) {
		snprintf(line1, sizeof(line1), "Plan done today \xe2\x9c\x93");
		snprintf(line2, sizeof(line2), "SELECT: once more");
		c1 = bc_col_good;
	} else {
		const bc_plan_entry *e = &p->entry[p->next];
		const bc_exercise_info *info = bc_exercise_info_get(e->item.exercise);
		snprintf(line1, sizeof(line1), "\xe2\x96\xb6 %s", info ? info->title : "?");
		char target[48];
		item_target(e, target, sizeof(target));
		snprintf(line2, sizeof(line2), "Set %d of %d \xc2\xb7 %s", e->sets_done + 1,
			 e->item.sets, target);
	}
	int pad = bc_dp(d, 20);
	bc_draw_text(d, line1, BC_TEXT_READ_PX + 6, BC_FONT_BOLD, c1, r.x + pad,
		     r.y + r.h * 30 / 100, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, r.w - 2 * pad);
	bc_draw_text(d, line2, BC_TEXT_READ_PX, BC_FONT_REGULAR, sel ? bc_col_info : bc_col_dim,
		     r.x + pad, r.y + r.h * 74 / 100, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE,
		     r.w - 2 * pad);
}

/*
 * The first of the LIST_ROWS items shown: the whole plan when it fits, else
 * a window that keeps the item to do next in view with the one done before
 * it (the last rows once all are done). One column always: two would
 * shrink the titles below what reads from the floor.
 */
static int list_first(const bc_plan_today *p)
{
	if (p->n <= LIST_ROWS)
		return 0;
	int first = p->next < 0 ? p->n - LIST_ROWS : p->next - 1;
	return first < 0 ? 0 : first > p->n - LIST_ROWS ? p->n - LIST_ROWS : first;
}

/* Where the window is in a longer plan: a thin bar beside the rows, its thumb the window. */
static void draw_scroll_bar(const bc_draw *d, const bc_plan_today *p, int first)
{
	if (p->n <= LIST_ROWS)
		return;
	int track_h = LIST_ROWS * LIST_ROW_H;
	SDL_Rect track = bc_design_rect(d, BC_DESIGN_W - 14, LIST_Y, 6, track_h);
	SDL_Rect thumb = bc_design_rect(d, BC_DESIGN_W - 14, LIST_Y + track_h * first / p->n, 6,
					track_h * LIST_ROWS / p->n);
	bc_draw_panel(d, track, bc_dp(d, 3), bc_col_panel);
	bc_draw_panel(d, thumb, bc_dp(d, 3), bc_col_dim);
}

/* The plan, one row an item: a tick when done, its title, sets done of sets. */
static void draw_list(const bc_draw *d, const bc_app_state *s)
{
	const bc_plan_today *p = &s->plan;
	int first = list_first(p);
	int row_w = BC_DESIGN_W - 32 - (p->n > LIST_ROWS ? 12 : 0); /* room for the bar */
	draw_scroll_bar(d, p, first);
	for (int i = first; i < p->n && i < first + LIST_ROWS; i++) {
		const bc_plan_entry *e = &p->entry[i];
		const bc_exercise_info *info = bc_exercise_info_get(e->item.exercise);
		SDL_Rect row = bc_design_rect(d, 16, LIST_Y + (i - first) * LIST_ROW_H, row_w,
					      LIST_ROW_H);
		bool done = e->sets_done >= e->item.sets, next = i == p->next;
		SDL_Color c = done ? bc_col_good : next ? bc_col_text : bc_col_dim;
		char mark[8], sets[16];
		snprintf(mark, sizeof(mark), "%s",
			 done	? "\xe2\x9c\x93"
			 : next ? "\xe2\x96\xb6"
				: "\xc2\xb7");
		snprintf(sets, sizeof(sets), "%d/%d", e->sets_done, e->item.sets);
		int cy = row.y + row.h / 2, mark_w = bc_dp(d, 40), sets_w = bc_dp(d, 80);
		bc_draw_text(d, mark, BC_TEXT_READ_PX, BC_FONT_BOLD, c, row.x, cy, BC_ALIGN_LEFT,
			     BC_VALIGN_MIDDLE, mark_w);
		bc_draw_text(d, info ? info->title : "?", BC_TEXT_READ_PX, BC_FONT_BOLD, c,
			     row.x + mark_w, cy, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE,
			     row.w - mark_w - sets_w);
		bc_draw_text(d, sets, BC_TEXT_READ_PX, BC_FONT_BOLD, c, row.x + row.w, cy,
			     BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, sets_w);
	}
}

static void draw_nav(const bc_draw *d, const bc_app_state *s, int tile, const char *label)
{
	SDL_Rect r = bc_today_tile_rect(d, tile);
	bool sel = s->home_tile == tile;
	tile_panel(d, r, sel);
	bc_draw_text(d, label, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, r.x + r.w / 2,
		     r.y + r.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 12));
}

void bc_render_home(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	draw_heading(d, s);
	draw_start(d, s);
	draw_list(d, s);
	draw_nav(d, s, BC_HOME_TILE_EXERCISES, "Exercises");
	draw_nav(d, s, BC_HOME_TILE_PROGRESS, "Progress");
	const bc_app_profiles *p = &s->profiles;
	draw_nav(d, s, BC_HOME_TILE_PROFILE,
		 p->n > 0 && p->current >= 0 && p->current < p->n ? p->name[p->current] : "Wearer");
}
