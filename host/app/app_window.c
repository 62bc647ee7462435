/* SPDX-License-Identifier: MIT */
/* A display or a surface for the app's frames: see app_window.h. */
#include "app/app_window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A display: SDL's own choice of video driver (KMSDRM on the Pi without a
 * desktop, x11/wayland with one, offscreen/dummy when asked for). Full screen
 * on KMSDRM, a window on a desktop.
 */
static int open_display(bc_app_window *w, const bc_app_config *cfg, char *err, size_t err_size)
{
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	w->video = true;
	const char *driver = SDL_GetCurrentVideoDriver();
	/*
	 * SDL falls back to its offscreen driver by itself when nothing else
	 * works: that is no display for a person, unless asked for by name.
	 */
	const char *asked = getenv("SDL_VIDEODRIVER");
	if (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")) &&
	    !(asked && *asked)) {
		snprintf(err, err_size,
			 "no display found (DISPLAY, WAYLAND_DISPLAY or a KMSDRM "
			 "device)");
		return -1;
	}
	bool kms = driver && !strcmp(driver, "KMSDRM");
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
	if (kms && !cfg->windowed)
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	w->window = SDL_CreateWindow("backcoach", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				     cfg->width, cfg->height, flags);
	if (!w->window) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	w->renderer = SDL_CreateRenderer(w->window, -1, SDL_RENDERER_ACCELERATED);
	if (!w->renderer)
		w->renderer = SDL_CreateRenderer(w->window, -1, SDL_RENDERER_SOFTWARE);
	if (!w->renderer) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	if (kms)
		SDL_ShowCursor(SDL_DISABLE);
	return 0;
}

/* No video driver at all: SDL's software renderer drawing into a surface. */
static int open_surface(bc_app_window *w, const bc_app_config *cfg, char *err, size_t err_size)
{
	w->surface = SDL_CreateRGBSurfaceWithFormat(0, cfg->width, cfg->height, 32,
						    SDL_PIXELFORMAT_ARGB8888);
	if (w->surface)
		w->renderer = SDL_CreateSoftwareRenderer(w->surface);
	if (!w->renderer) {
		snprintf(err, err_size, "cannot draw offscreen: %s", SDL_GetError());
		return -1;
	}
	return 0;
}

bc_app_window_result bc_app_window_open(bc_app_window *w, const bc_app_config *cfg, char *err,
					size_t err_size)
{
	bc_app_display display = cfg->display;
	if (display == BC_APP_DISPLAY_AUTO && open_display(w, cfg, err, err_size) != 0) {
		if (!cfg->screenshot_path)
			return BC_APP_WINDOW_NO_DISPLAY;
		/* Headless with --screenshot: draw offscreen all the same. */
		bc_app_window_close(w);
		display = BC_APP_DISPLAY_SURFACE;
	}
	if (display == BC_APP_DISPLAY_TERMINAL) {
		err[0] = '\0'; /* asked for: nothing to explain */
		return BC_APP_WINDOW_NO_DISPLAY;
	}
	if (display == BC_APP_DISPLAY_SURFACE && open_surface(w, cfg, err, err_size) != 0)
		return BC_APP_WINDOW_FAILED;
	return BC_APP_WINDOW_DRAWING;
}

void bc_app_window_close(bc_app_window *w)
{
	if (w->renderer)
		SDL_DestroyRenderer(w->renderer);
	if (w->surface)
		SDL_FreeSurface(w->surface);
	if (w->window)
		SDL_DestroyWindow(w->window);
	w->renderer = NULL;
	w->surface = NULL;
	w->window = NULL;
}
