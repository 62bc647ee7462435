/* SPDX-License-Identifier: MIT */
#include "support/app_canvas.h"

#include <stdio.h>
#include <string.h>

int bc_app_canvas_open(bc_app_canvas *c, int w, int h, char *err, size_t err_size)
{
	memset(c, 0, sizeof(*c));
	c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!c->surface) {
		snprintf(err, err_size, "surface %dx%d: %s", w, h, SDL_GetError());
		goto fail;
	}
	c->renderer = SDL_CreateSoftwareRenderer(c->surface);
	if (!c->renderer) {
		snprintf(err, err_size, "software renderer: %s", SDL_GetError());
		goto fail;
	}
	c->text = bc_text_new(c->renderer, err, err_size);
	if (!c->text)
		goto fail;
	bc_draw_setup(&c->draw, c->renderer, c->text, w, h);
	return 0;
fail:
	bc_app_canvas_close(c);
	return -1;
}

void bc_app_canvas_close(bc_app_canvas *c)
{
	bc_text_free(c->text);
	if (c->renderer)
		SDL_DestroyRenderer(c->renderer);
	if (c->surface)
		SDL_FreeSurface(c->surface);
	memset(c, 0, sizeof(*c));
}
