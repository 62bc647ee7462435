/* SPDX-License-Identifier: MIT */
/*
 * What is drawn over a screen: PAUSED, the question before a set ends
 * early, and a problem to tell (a bad settings file, the history, the
 * recording), each large enough to read from the floor; and along the
 * bottom edge, the button map for the screen.
 */
#include "app/screens.h"

#include "app/input.h"
#include "app/layout.h"

/* A panel over the middle of the screen with a large word and one line under it. */
static void banner(const bc_draw *d, const char *big, const char *line, const char *note,
		   SDL_Color c)
{
	SDL_Rect r = bc_design_rect(d, 60, 96, 680, 250);
	SDL_Rect edge = { r.x - bc_dp(d, 4), r.y - bc_dp(d, 4), r.w + bc_dp(d, 8),
			  r.h + bc_dp(d, 8) };
	bc_draw_panel(d, edge, bc_dp(d, 22), c);
	bc_draw_panel(d, r, bc_dp(d, 18), bc_col_panel);
	int cx = r.x + r.w / 2;
	bc_draw_text(d, big, 96, BC_FONT_BOLD, c, cx, r.y + bc_dp(d, 80), BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, r.w - bc_dp(d, 30));
	bc_draw_text(d, line, 44, BC_FONT_BOLD, bc_col_text, cx, r.y + bc_dp(d, 168),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 30));
	bc_draw_note(d, note, 20, BC_FONT_REGULAR, bc_col_dim, cx, r.y + r.h - bc_dp(d, 24),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 30));
}

/* The problem itself, every word of it, wrapped in large letters. */
static void notice(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect r = bc_design_rect(d, 16, 56, 768, 392);
	SDL_Rect edge = { r.x - bc_dp(d, 4), r.y - bc_dp(d, 4), r.w + bc_dp(d, 8),
			  r.h + bc_dp(d, 8) };
	bc_draw_panel(d, edge, bc_dp(d, 22), bc_col_bad);
	bc_draw_panel(d, r, bc_dp(d, 18), bc_col_panel);
	SDL_Rect text = { r.x + bc_dp(d, 16), r.y + bc_dp(d, 8), r.w - bc_dp(d, 32),
			  r.h - bc_dp(d, 44) };
	bc_draw_text_wrapped(d, s->notice, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, text, 6);
	bc_draw_note(d, "Any button, key or tap: OK", 20, BC_FONT_REGULAR, bc_col_dim,
		     r.x + r.w / 2, r.y + r.h - bc_dp(d, 22), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
		     r.w);
}

void bc_render_overlays(const bc_draw *d, const bc_app_state *s)
{
	if (bc_app_notice_up(s))
		notice(d, s);
	else if (s->confirm_leave && bc_app_in_session(s))
		banner(d, "End this set?", "Press again to end it",
		       "The summary shows what you did  \xc2\xb7  START / Enter: carry on",
		       bc_col_hold);
	else if (s->paused && bc_app_in_session(s))
		banner(d, "PAUSED", "Press START to go on",
		       "Nothing is counted while paused  \xc2\xb7  Enter / p / a tap: go on",
		       bc_col_hold);
}

void bc_render_footer(const bc_draw *d, const bc_app_state *s)
{
	SDL_Rect r = bc_design_rect(d, 16, 456, 768, 24);
	bc_draw_note(d, bc_input_button_hint(s), 17, BC_FONT_REGULAR, bc_col_dim, r.x + r.w / 2,
		     r.y + r.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w);
}
