/* SPDX-License-Identifier: MIT */
/*
 * The rest between sets: a ring emptying with the seconds left in big
 * digits, what comes next (the next set, or the next exercise of the plan)
 * and that SELECT skips. The plan moves on by itself when the ring is empty.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>

#include "app/layout.h"
#include "app/widgets.h"
#include "coach/exercise_table.h"

void bc_render_rest(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	const bc_plan_run *r = &s->plan_run;
	float left_s = bc_plan_run_rest_left_s(r, s->now_s);
	float frac = r->rest_s > 0 ? left_s / r->rest_s : 0.0f;

	/* Left: the ring and the seconds. */
	SDL_Rect ring = bc_design_rect(d, 24, 70, 330, 330);
	int cx = ring.x + ring.w / 2, cy = ring.y + ring.h / 2;
	bc_widget_ring(d, cx, cy, ring.w / 2, bc_dp(d, 26), frac, bc_col_info);
	char secs[16];
	snprintf(secs, sizeof(secs), "%d", (int)ceilf(left_s));
	bc_draw_text(d, secs, 120, BC_FONT_BOLD, bc_col_text, cx, cy, BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, ring.w * 7 / 10);

	/* Right: rest, what was done, what comes next, how to skip. */
	SDL_Rect col = bc_design_rect(d, 380, 70, 400, 400);
	int line = bc_dp(d, 66), y = col.y + bc_dp(d, 24);
	bc_draw_text(d, "Rest", BC_TEXT_READ_PX + 16, BC_FONT_BOLD, bc_col_info, col.x, y,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	y += line + bc_dp(d, 8);

	const bc_plan_entry *e = r->entry >= 0 ? &r->today.entry[r->entry] : NULL;
	const bc_exercise_info *info = e ? bc_exercise_info_get(e->item.exercise) : NULL;
	char text[96];
	if (r->phase == BC_PLAN_RUN_REST && e) {
		snprintf(text, sizeof(text), "Set %d of %d done", r->set + 1, r->sets);
		bc_draw_text(d, text, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_good, col.x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
		y += line;
		snprintf(text, sizeof(text), "Next: set %d", r->set + 2);
		bc_draw_text(d, text, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, col.x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
		y += line;
		bc_draw_text(d, info ? info->title : "", BC_TEXT_READ_PX, BC_FONT_REGULAR,
			     bc_col_text, col.x, y, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	} else {
		const bc_plan_entry *n = r->next_entry >= 0 ? &r->today.entry[r->next_entry] : NULL;
		const bc_exercise_info *next = n ? bc_exercise_info_get(n->item.exercise) : NULL;
		snprintf(text, sizeof(text), "%s done", info ? info->title : "Exercise");
		bc_draw_text(d, text, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_good, col.x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
		y += line;
		bc_draw_text(d, "Next:", BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, col.x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
		y += line;
		bc_draw_text(d, next ? next->title : "", BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text,
			     col.x, y, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	}
	y += line;
	bc_draw_text(d, "SELECT skips", BC_TEXT_READ_PX, BC_FONT_REGULAR, bc_col_dim, col.x, y,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
}
