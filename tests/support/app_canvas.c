/* SPDX-License-Identifier: MIT */
#include "support/app_canvas.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/test_support.h"

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

void bc_app_canvas_open_or_fail(bc_app_canvas *c, int w, int h)
{
	char err[256];
	if (bc_app_canvas_open(c, w, h, err, sizeof(err)))
		fail_msg("canvas %dx%d: %s", w, h, err);
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

int bc_app_canvas_ink_in(const bc_app_canvas *c, SDL_Rect r)
{
	const SDL_Surface *s = c->surface;
	int n = 0;
	for (int y = r.y; y < r.y + r.h && y < s->h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
		for (int x = r.x; x < r.x + r.w && x < s->w; x++) {
			Uint8 R, G, B;
			SDL_GetRGB(row[x], s->format, &R, &G, &B);
			if (abs(R - bc_col_bg.r) + abs(G - bc_col_bg.g) + abs(B - bc_col_bg.b) > 30)
				n++;
		}
	}
	return n;
}

bool bc_app_canvas_halves_drawn(const bc_app_canvas *c, int top)
{
	int w = c->surface->w, h = c->surface->h;
	SDL_Rect left = { 0, top, w / 2, h - top };
	SDL_Rect right = { w / 2, top, w - w / 2, h - top };
	return bc_app_canvas_ink_in(c, left) > left.w * left.h / 50 &&
	       bc_app_canvas_ink_in(c, right) > right.w * right.h / 50;
}
