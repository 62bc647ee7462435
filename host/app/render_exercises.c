/* SPDX-License-Identifier: MIT */
/*
 * Every exercise (home's "Exercises" tile): one big tile per exercise the
 * coach supports (and the posture monitor), and a last tile back to today's
 * plan, so the choice can be made with a finger, the arrow keys or the GPIO
 * buttons (NEXT steps through the tiles in reading order and wraps, SELECT
 * starts the one highlighted). The highlighted exercise's target is in the
 * heading: the tiles keep their room for titles that read from 2 m.
 */
#include "app/screens.h"

#include <stdio.h>
#include <string.h>

#include "app/layout.h"
#include "coach/exercise_table.h"

/* Eleven tiles and "Today": three across, four down, under the heading. */
#define COLS	 3
#define ROWS	 4
#define GRID_TOP 100 /* design px: below the heading */
#define GAP	 6
#define MARGIN	 8
#define TILE_PAD 3 /* design px of tile kept clear beside the title */

SDL_Rect bc_home_tile_rect(const bc_draw *d, int i)
{
	int w = (BC_DESIGN_W - 2 * MARGIN - (COLS - 1) * GAP) / COLS;
	int h = (BC_DESIGN_H - GRID_TOP - MARGIN - (ROWS - 1) * GAP) / ROWS;
	int col = i % COLS, row = i / COLS;
	return bc_design_rect(d, MARGIN + col * (w + GAP), GRID_TOP + row * (h + GAP), w, h);
}

/*
 * A title on one line at BC_HOME_TITLE_PX when it fits the tile, else on two
 * lines split at the space that makes the longer line shortest: never shrunk,
 * so every title keeps its capital height (screens.h) and reads from 2 m.
 * Shrinking is the last resort for a word longer than the tile.
 */
void bc_home_title_layout(const bc_draw *d, const char *title, SDL_Rect tile, bc_home_title *out)
{
	int room = tile.w - 2 * bc_dp(d, TILE_PAD), px = bc_dp(d, BC_HOME_TITLE_PX), w;
	*out = (bc_home_title){ .n = 1, .px = px };
	snprintf(out->line[0], sizeof(out->line[0]), "%s", title);
	bc_text_measure(d->text, title, px, BC_FONT_BOLD, &w, NULL);
	if (w <= room)
		return;
	int best = -1;
	for (const char *sp = strchr(title, ' '); sp; sp = strchr(sp + 1, ' ')) {
		char a[sizeof(out->line[0])];
		snprintf(a, sizeof(a), "%.*s", (int)(sp - title), title);
		int wa, wb;
		bc_text_measure(d->text, a, px, BC_FONT_BOLD, &wa, NULL);
		bc_text_measure(d->text, sp + 1, px, BC_FONT_BOLD, &wb, NULL);
		int longer = wa > wb ? wa : wb;
		if (best < 0 || longer < best) {
			best = longer;
			out->n = 2;
			snprintf(out->line[0], sizeof(out->line[0]), "%s", a);
			snprintf(out->line[1], sizeof(out->line[1]), "%s", sp + 1);
		}
	}
	if (best > room)
		out->px = px * room / best;
}

int bc_home_tile_at(const bc_draw *d, int x, int y)
{
	SDL_Point p = { x, y };
	for (int i = 0; i <= BC_EXERCISE_COUNT; i++) {
		SDL_Rect r = bc_home_tile_rect(d, i);
		if (SDL_PointInRect(&p, &r))
			return i;
	}
	return -1;
}

/* "10 × hold 10 s" and the like: today's target for one exercise. */
static void target_text(const bc_app_state *s, bc_exercise_id id, char *buf, size_t size)
{
	const bc_exercise_row *row = bc_exercise_row_of(id);
	float hold = s->hold_target_s[id];
	if (id == BC_EXERCISE_POSTURE)
		snprintf(buf, size, "alert after 10 s");
	else if (id == BC_EXERCISE_CAT_COW)
		snprintf(buf, size, "%d slow cycles", s->target_reps);
	else if (id == BC_EXERCISE_SHOULDER_SQUEEZE)
		snprintf(buf, size, "%d paced squeezes", s->target_reps);
	else if (row && row->sides != BC_SIDES_NONE && hold > 0)
		snprintf(buf, size, "%d/side \xc3\x97 %.0f s", (s->target_reps + 1) / 2, hold);
	else if (hold > 0)
		snprintf(buf, size, "%d \xc3\x97 hold %.0f s", s->target_reps, hold);
	else
		snprintf(buf, size, "%d reps", s->target_reps);
}

/* The highlighted exercise and its target: "Bridge: 10 × hold 2 s". */
static void draw_heading(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect head = bc_design_rect(d, 16, 50, 768, 46);
	const bc_exercise_info *info = bc_exercise_info_get(s->home_selection);
	char text[96], target[64];
	if (info) {
		target_text(s, s->home_selection, target, sizeof(target));
		snprintf(text, sizeof(text), "%s: %s", info->title, target);
	} else {
		snprintf(text, sizeof(text), "Back to today's plan");
	}
	bc_draw_text(d, text, BC_HOME_TITLE_PX, BC_FONT_BOLD, bc_col_info, head.x,
		     head.y + head.h / 2, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w);
}

static void draw_tile(const bc_draw *d, const bc_app_state *s, int i)
{
	const bc_exercise_info *info = bc_exercise_info_get(i);
	const char *title = info ? info->title : "Today";
	SDL_Rect r = bc_home_tile_rect(d, i);
	bool sel = i == s->home_selection;
	if (sel) {
		int b = bc_dp(d, 4);
		SDL_Rect outer = { r.x - b, r.y - b, r.w + 2 * b, r.h + 2 * b };
		bc_draw_panel(d, outer, bc_dp(d, 16), bc_col_info);
	}
	bc_draw_panel(d, r, bc_dp(d, 12), sel ? bc_col_panel_hi : bc_col_panel);
	bc_home_title t;
	bc_home_title_layout(d, title, r, &t);
	int line_h = t.px * 108 / 100;
	int title_cy = r.y + r.h / 2; /* the title block's middle */
	for (int k = 0; k < t.n; k++)
		bc_text_draw(d->text, t.line[k], t.px, BC_FONT_BOLD, bc_col_text, r.x + r.w / 2,
			     title_cy + (2 * k - (t.n - 1)) * line_h / 2, BC_ALIGN_CENTER,
			     BC_VALIGN_MIDDLE, 0);
}

void bc_render_exercises(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	draw_heading(d, s);
	for (int i = 0; i <= BC_EXERCISE_COUNT; i++)
		draw_tile(d, s, i);
}
