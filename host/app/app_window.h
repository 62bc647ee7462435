/* SPDX-License-Identifier: MIT */
/*
 * Where the app's frames go: a display (SDL's own choice of video driver:
 * KMSDRM full screen on the Pi, a window on a desktop) or, with no video
 * driver at all, a surface in memory drawn by SDL's software renderer.
 */
#ifndef BC_APP_WINDOW_H
#define BC_APP_WINDOW_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "app/app_run.h"

typedef struct {
	SDL_Window *window;   /* NULL: drawing into surface */
	SDL_Surface *surface; /* BC_APP_DISPLAY_SURFACE target */
	SDL_Renderer *renderer;
	bool video; /* SDL video is up (events come from a display) */
} bc_app_window;

/* What bc_app_window_open found. */
typedef enum {
	BC_APP_WINDOW_DRAWING,	  /* w->renderer draws the frames */
	BC_APP_WINDOW_NO_DISPLAY, /* no display and nothing asked to draw: the terminal view */
	BC_APP_WINDOW_FAILED,	  /* cannot draw at all: the message is in err */
} bc_app_window_result;

/*
 * Opens what cfg->display asks for into w (zeroed by the caller). AUTO
 * without a display falls back to a surface when a screenshot is wanted,
 * else says NO_DISPLAY (err: why; "" when the terminal was asked for).
 * Whatever the result, close w after.
 */
bc_app_window_result bc_app_window_open(bc_app_window *w, const bc_app_config *cfg, char *err,
					size_t err_size);

/* Frees what open made; NULL members are skipped. */
void bc_app_window_close(bc_app_window *w);

#endif /* BC_APP_WINDOW_H */
