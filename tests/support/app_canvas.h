/* SPDX-License-Identifier: MIT */
/*
 * An offscreen canvas for the coach app: an SDL surface with a software
 * renderer, the app's text cache and a bc_draw set up on it. Tests and the
 * render benchmark draw frames into it without a display or video driver.
 */
#ifndef BC_TEST_APP_CANVAS_H
#define BC_TEST_APP_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "app/draw.h"
#include "app/text.h"

typedef struct {
	SDL_Surface *surface; /* ARGB8888, w x h pixels */
	SDL_Renderer *renderer;
	bc_text *text;
	bc_draw draw;
} bc_app_canvas;

/*
 * Opens a w x h pixel canvas. Returns 0, or -1 with a message in err and
 * nothing left open.
 */
int bc_app_canvas_open(bc_app_canvas *c, int w, int h, char *err, size_t err_size);

/* The same for a test: a canvas that cannot be opened fails it, with the reason. */
void bc_app_canvas_open_or_fail(bc_app_canvas *c, int w, int h);

/* Frees what bc_app_canvas_open made. */
void bc_app_canvas_close(bc_app_canvas *c);

/* Pixels in r that differ from the background colour: what was drawn there. */
int bc_app_canvas_ink_in(const bc_app_canvas *c, SDL_Rect r);

/*
 * Something big (over 2 % of the pixels) is drawn in each half, left and
 * right, of the canvas below y = top: a screen, not a status bar over void.
 */
bool bc_app_canvas_halves_drawn(const bc_app_canvas *c, int top);

#endif /* BC_TEST_APP_CANVAS_H */
