/* SPDX-License-Identifier: MIT */
/*
 * Who is exercising: one tile per wearer (their own plan and history), two
 * columns of up to four. NEXT steps, SELECT takes the one highlighted and
 * goes home with their plan. The last tile, "+ New wearer", makes one named
 * "Wearer 2", "Wearer 3", ... (typing a name needs a keyboard the device
 * does not have; `backcoach profile add NAME` names one).
 */
#include "app/screens.h"

#include <stdio.h>

#include "app/app_plan.h"
#include "app/layout.h"

#define COLS 2
#define ROWS 4
#define TOP  100
#define GAP  8
#define SIDE 8

SDL_Rect bc_profile_tile_rect(const bc_draw *d, int i)
{
	int w = (BC_DESIGN_W - 2 * SIDE - (COLS - 1) * GAP) / COLS;
	int h = (BC_DESIGN_H - TOP - SIDE - (ROWS - 1) * GAP) / ROWS;
	return bc_design_rect(d, SIDE + (i % COLS) * (w + GAP), TOP + (i / COLS) * (h + GAP), w, h);
}

int bc_profile_tile_at(const bc_draw *d, const bc_app_state *s, int x, int y)
{
	SDL_Point p = { x, y };
	int tiles = s->profiles.n + (bc_app_new_wearer_tile(&s->profiles) >= 0);
	for (int i = 0; i < tiles; i++) {
		SDL_Rect r = bc_profile_tile_rect(d, i);
		if (SDL_PointInRect(&p, &r))
			return i;
	}
	return -1;
}

void bc_render_profiles(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	const bc_app_profiles *p = &s->profiles;
	SDL_Rect head = bc_design_rect(d, 16, 50, 768, 46);
	bc_draw_text(d, "Who is exercising?", BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, head.x,
		     head.y + head.h / 2, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w);
	if (p->n == 0) {
		bc_draw_text(d, "No profiles: history off", BC_TEXT_READ_PX, BC_FONT_REGULAR,
			     bc_col_dim, head.x, head.y + bc_dp(d, 120), BC_ALIGN_LEFT,
			     BC_VALIGN_MIDDLE, head.w);
		return;
	}
	int new_tile = bc_app_new_wearer_tile(p);
	int tiles = p->n + (new_tile >= 0);
	for (int i = 0; i < tiles && i < COLS * ROWS; i++) {
		SDL_Rect r = bc_profile_tile_rect(d, i);
		bool sel = i == p->selection;
		if (sel) {
			int b = bc_dp(d, 4);
			SDL_Rect outer = { r.x - b, r.y - b, r.w + 2 * b, r.h + 2 * b };
			bc_draw_panel(d, outer, bc_dp(d, 16), bc_col_info);
		}
		bc_draw_panel(d, r, bc_dp(d, 12), sel ? bc_col_panel_hi : bc_col_panel);
		char label[BC_APP_PROFILE_NAME_MAX + 8];
		snprintf(label, sizeof(label), "%s%s", i == new_tile ? "+ New wearer" : p->name[i],
			 i == p->current ? " \xe2\x9c\x93" : "");
		SDL_Color ink = i == p->current ? bc_col_good
				: i == new_tile ? bc_col_dim
						: bc_col_text;
		bc_draw_text(d, label, BC_TEXT_READ_PX, BC_FONT_BOLD, ink, r.x + r.w / 2,
			     r.y + r.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 16));
	}
}
