/* SPDX-License-Identifier: MIT */
/* Cached SDL2_ttf text: see text.h. */
#include "app/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL_ttf.h>

#include "paths.h"

/* Fonts from the Debian package fonts-dejavu-core. */
static const char *const font_paths[BC_FONT_STYLE_COUNT] = {
	[BC_FONT_REGULAR] = BC_PATHS_FONT_DIR "/DejaVuSans.ttf",
	[BC_FONT_BOLD] = BC_PATHS_FONT_DIR "/DejaVuSans-Bold.ttf",
};

#define MAX_FONTS	   40  /* distinct (style, size) pairs open at once */
#define MAX_STRINGS	   256 /* cached string textures */
#define KEY_MAX		   112 /* longer strings are drawn but not cached */
#define EVICT_AFTER_FRAMES 120 /* unused this long: freed */

typedef struct {
	TTF_Font *font;
	int size_px;
	bc_font_style style;
} font_slot;

typedef struct {
	SDL_Texture *texture;
	int w, h;
	int size_px;
	bc_font_style style;
	Uint32 rgba;
	unsigned long last_frame;
	char key[KEY_MAX];
} string_slot;

struct bc_text {
	SDL_Renderer *renderer;
	font_slot fonts[MAX_FONTS];
	int font_count;
	string_slot strings[MAX_STRINGS];
	unsigned long frame;
	unsigned long rasterised;
};

bc_text *bc_text_new(SDL_Renderer *renderer, char *err, size_t err_size)
{
	for (int i = 0; i < BC_FONT_STYLE_COUNT; i++) {
		if (access(font_paths[i], R_OK) != 0) {
			snprintf(err, err_size, "font %s missing (install fonts-dejavu-core)",
				 font_paths[i]);
			return NULL;
		}
	}
	bc_text *t = calloc(1, sizeof(*t));
	if (!t) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	/* SDL2_ttf counts Init/Quit pairs, so every drawer holds its own reference. */
	if (TTF_Init() != 0) {
		snprintf(err, err_size, "SDL2_ttf: %s", TTF_GetError());
		free(t);
		return NULL;
	}
	t->renderer = renderer;
	return t;
}

void bc_text_free(bc_text *t)
{
	if (!t)
		return;
	for (int i = 0; i < MAX_STRINGS; i++)
		if (t->strings[i].texture)
			SDL_DestroyTexture(t->strings[i].texture);
	for (int i = 0; i < t->font_count; i++)
		TTF_CloseFont(t->fonts[i].font);
	TTF_Quit();
	free(t);
}

/* The font for style at size_px, opened on first use (least recent dropped when full). */
static TTF_Font *font_for(bc_text *t, bc_font_style style, int size_px)
{
	for (int i = 0; i < t->font_count; i++)
		if (t->fonts[i].size_px == size_px && t->fonts[i].style == style)
			return t->fonts[i].font;
	TTF_Font *f = TTF_OpenFont(font_paths[style], size_px);
	if (!f)
		return NULL;
	if (t->font_count == MAX_FONTS) {
		/* Rare (only when sizes keep changing): drop the oldest font. */
		TTF_CloseFont(t->fonts[0].font);
		memmove(&t->fonts[0], &t->fonts[1], sizeof(t->fonts[0]) * (MAX_FONTS - 1));
		t->font_count--;
	}
	t->fonts[t->font_count++] = (font_slot){ f, size_px, style };
	return f;
}

static Uint32 pack(SDL_Color c)
{
	return (Uint32)c.r << 24 | (Uint32)c.g << 16 | (Uint32)c.b << 8 | c.a;
}

/*
 * The cached texture for this string, rasterising it if new. Returns the
 * slot, or a temporary slot (texture to be destroyed by the caller, flagged
 * by *temporary) for strings too long to cache.
 */
static string_slot *lookup(bc_text *t, const char *utf8, int size_px, bc_font_style style,
			   SDL_Color color, string_slot *tmp, bool *temporary)
{
	Uint32 rgba = pack(color);
	size_t len = strlen(utf8);
	int free_slot = -1, oldest = 0;
	*temporary = len >= KEY_MAX;
	if (!*temporary) {
		for (int i = 0; i < MAX_STRINGS; i++) {
			string_slot *e = &t->strings[i];
			if (!e->texture) {
				if (free_slot < 0)
					free_slot = i;
				continue;
			}
			if (e->size_px == size_px && e->style == style && e->rgba == rgba &&
			    strcmp(e->key, utf8) == 0) {
				e->last_frame = t->frame;
				return e;
			}
			if (e->last_frame < t->strings[oldest].last_frame)
				oldest = i;
		}
	}
	TTF_Font *f = font_for(t, style, size_px);
	if (!f)
		return NULL;
	SDL_Surface *surf = TTF_RenderUTF8_Blended(f, utf8, color);
	if (!surf)
		return NULL;
	SDL_Texture *tex = SDL_CreateTextureFromSurface(t->renderer, surf);
	int w = surf->w, h = surf->h;
	SDL_FreeSurface(surf);
	if (!tex)
		return NULL;
	t->rasterised++;
	string_slot *e = tmp;
	if (!*temporary) {
		e = &t->strings[free_slot >= 0 ? free_slot : oldest];
		if (e->texture)
			SDL_DestroyTexture(e->texture);
		snprintf(e->key, sizeof(e->key), "%s", utf8);
	}
	e->texture = tex;
	e->w = w;
	e->h = h;
	e->size_px = size_px;
	e->style = style;
	e->rgba = rgba;
	e->last_frame = t->frame;
	return e;
}

void bc_text_measure(bc_text *t, const char *utf8, int size_px, bc_font_style style, int *w_px,
		     int *h_px)
{
	int w = 0, h = 0;
	TTF_Font *f = font_for(t, style, size_px);
	if (f && utf8 && *utf8)
		TTF_SizeUTF8(f, utf8, &w, &h);
	if (w_px)
		*w_px = w;
	if (h_px)
		*h_px = h;
}

int bc_text_fit_px(bc_text *t, const char *utf8, int size_px, bc_font_style style, int max_w_px)
{
	if (!t || !utf8 || !*utf8 || max_w_px <= 0)
		return size_px;
	int w = 0;
	bc_text_measure(t, utf8, size_px, style, &w, NULL);
	/* Shrink in proportion; fonts scale almost linearly. */
	return w > max_w_px ? size_px * max_w_px / w : size_px;
}

int bc_text_cap_px(bc_text *t, int size_px, bc_font_style style)
{
	int miny = 0, maxy = 0;
	TTF_Font *f = t ? font_for(t, style, size_px) : NULL;
	if (!f || TTF_GlyphMetrics(f, 'H', NULL, NULL, &miny, &maxy, NULL) != 0)
		return 0;
	return maxy - miny;
}

SDL_Rect bc_text_draw(bc_text *t, const char *utf8, int size_px, bc_font_style style,
		      SDL_Color color, int x, int y, bc_align align, bc_valign valign, int max_w_px)
{
	SDL_Rect dst = { x, y, 0, 0 };
	if (!t || !utf8 || !*utf8 || size_px < 4)
		return dst;
	size_px = bc_text_fit_px(t, utf8, size_px, style, max_w_px);
	if (size_px < 4)
		return dst;
	string_slot tmp = { 0 };
	bool temporary;
	string_slot *e = lookup(t, utf8, size_px, style, color, &tmp, &temporary);
	if (!e)
		return dst;
	/* Glyph boxes include line spacing; centre on the box, which reads right. */
	dst.w = e->w;
	dst.h = e->h;
	if (align == BC_ALIGN_CENTER)
		dst.x = x - e->w / 2;
	else if (align == BC_ALIGN_RIGHT)
		dst.x = x - e->w;
	if (valign == BC_VALIGN_MIDDLE)
		dst.y = y - e->h / 2;
	else if (valign == BC_VALIGN_BOTTOM)
		dst.y = y - e->h;
	SDL_RenderCopy(t->renderer, e->texture, NULL, &dst);
	if (temporary)
		SDL_DestroyTexture(e->texture);
	return dst;
}

void bc_text_end_frame(bc_text *t)
{
	if (!t)
		return;
	t->frame++;
	for (int i = 0; i < MAX_STRINGS; i++) {
		string_slot *e = &t->strings[i];
		if (e->texture && t->frame - e->last_frame > EVICT_AFTER_FRAMES) {
			SDL_DestroyTexture(e->texture);
			e->texture = NULL;
		}
	}
}

unsigned long bc_text_rasterised(const bc_text *t)
{
	return t ? t->rasterised : 0;
}
