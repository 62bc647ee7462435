/* SPDX-License-Identifier: MIT */
/*
 * What every render function receives: the renderer, the text cache and the
 * frame's size and scale, plus the few shapes SDL lacks (filled discs,
 * rounded panels, ring arcs), drawn as triangle geometry.
 */
#ifndef BC_APP_DRAW_H
#define BC_APP_DRAW_H

#include <SDL.h>

#include "app/text.h"
#include "app/theme.h"

typedef struct {
	SDL_Renderer *r;
	bc_text *text;
	int w, h; /* frame size, pixels */
	float k;  /* pixels per design pixel (800x480 design) */
} bc_draw;

/* Sets the frame size and scale. */
void bc_draw_setup(bc_draw *d, SDL_Renderer *r, bc_text *text, int w, int h);

/* A design-size length in pixels of this frame. */
static inline int bc_dp(const bc_draw *d, float design_px)
{
	return bc_px(d->k, design_px);
}

void bc_draw_fill(const bc_draw *d, SDL_Rect rect, SDL_Color c);

/* Rectangle with rounded corners of radius_px. */
void bc_draw_panel(const bc_draw *d, SDL_Rect rect, int radius_px, SDL_Color c);

void bc_draw_disc(const bc_draw *d, float cx, float cy, float r_px, SDL_Color c);

/*
 * Part of a ring between radii r_in_px and r_out_px, from angle a0 to a1 in
 * turns (0 = 12 o'clock, clockwise, 1 = full circle).
 */
void bc_draw_arc(const bc_draw *d, float cx, float cy, float r_in_px, float r_out_px,
		 float a0_turns, float a1_turns, SDL_Color c);

/* Text in design-size pixels (scaled); see bc_text_draw. */
SDL_Rect bc_draw_text(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
		      SDL_Color c, int x, int y, bc_align align, bc_valign valign, int max_w_px);

/* The colour c with alpha-free blending towards the background (0..1 of c). */
SDL_Color bc_color_dim(SDL_Color c, float amount);

#endif /* BC_APP_DRAW_H */
