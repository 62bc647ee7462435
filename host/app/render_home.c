/* SPDX-License-Identifier: MIT */
/*
 * Home: one big tile per exercise the coach supports (and the posture
 * monitor), each with today's target, so the choice can be made with a
 * finger, the arrow keys or the two GPIO buttons.
 */
#include "app/screens.h"

#include <stdio.h>

#include "app/layout.h"
#include "coach/exercise_table.h"

#define COLS 3
#define ROWS 2

SDL_Rect bc_home_tile_rect(const bc_draw *d, int i)
{
	const int top = 112, gap = 16, margin = 16;
	int w = (BC_DESIGN_W - 2 * margin - (COLS - 1) * gap) / COLS;
	int h = (BC_DESIGN_H - top - margin - (ROWS - 1) * gap) / ROWS;
	int col = i % COLS, row = i / COLS;
	return bc_design_rect(d, margin + col * (w + gap), top + row * (h + gap), w, h);
}

int bc_home_tile_at(const bc_draw *d, int x, int y)
{
	SDL_Point p = { x, y };
	for (int i = 0; i < BC_EXERCISE_COUNT; i++) {
		SDL_Rect r = bc_home_tile_rect(d, i);
		if (SDL_PointInRect(&p, &r))
			return i;
	}
	return -1;
}

/* "10 reps · hold 10 s" and the like: today's target for one exercise. */
static void target_text(const bc_app_state *s, bc_exercise_id id, char *buf, size_t size)
{
	float hold = s->hold_target_s[id];
	if (id == BC_EXERCISE_POSTURE)
		snprintf(buf, size, "alert after 10 s slouched");
	else if (id == BC_EXERCISE_CAT_COW)
		snprintf(buf, size, "%d slow cycles", s->target_reps);
	else if (hold > 0)
		snprintf(buf, size, "%d \xc3\x97 hold %.0f s", s->target_reps, hold);
	else
		snprintf(buf, size, "%d reps", s->target_reps);
}

void bc_render_home(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	SDL_Rect head = bc_design_rect(d, 16, 52, 768, 52);
	bc_draw_text(d, "Choose an exercise", 34, BC_FONT_BOLD, bc_col_text, head.x,
		     head.y + head.h / 2, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w * 6 / 10);
	/* Today's reps against the day's target (one set of the selected exercise). */
	char today[96];
	const bc_app_today *t = &s->today;
	if (!t->known)
		snprintf(today, sizeof(today), "Target today: %d reps", s->target_reps);
	else if (t->streak_days > 1)
		snprintf(today, sizeof(today), "Today %d / %d reps \xc2\xb7 %d-day streak",
			 t->reps_today, s->target_reps, t->streak_days);
	else
		snprintf(today, sizeof(today), "Today %d / %d reps", t->reps_today, s->target_reps);
	bc_draw_text(d, today, 20, BC_FONT_BOLD,
		     t->known && t->reps_today >= s->target_reps ? bc_col_good : bc_col_dim,
		     head.x + head.w, head.y + head.h / 2, BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE,
		     head.w * 45 / 100);

	for (int i = 0; i < BC_EXERCISE_COUNT; i++) {
		const bc_exercise_info *info = bc_exercise_info_get(i);
		SDL_Rect r = bc_home_tile_rect(d, i);
		bool sel = i == s->home_selection;
		if (sel) {
			int b = bc_dp(d, 4);
			SDL_Rect outer = { r.x - b, r.y - b, r.w + 2 * b, r.h + 2 * b };
			bc_draw_panel(d, outer, bc_dp(d, 18), bc_col_info);
		}
		bc_draw_panel(d, r, bc_dp(d, 14), sel ? bc_col_panel_hi : bc_col_panel);
		char target[64];
		target_text(s, i, target, sizeof(target));
		int pad = bc_dp(d, 14);
		bc_draw_text(d, info->title, 30, BC_FONT_BOLD, bc_col_text, r.x + r.w / 2,
			     r.y + r.h * 40 / 100, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     r.w - 2 * pad);
		bc_draw_text(d, target, 19, BC_FONT_REGULAR, sel ? bc_col_info : bc_col_dim,
			     r.x + r.w / 2, r.y + r.h * 72 / 100, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
			     r.w - 2 * pad);
	}
}
