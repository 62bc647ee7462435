/* SPDX-License-Identifier: MIT */
/*
 * Text on the coach screen: DejaVu Sans (fonts-dejavu-core) through SDL2_ttf.
 *
 * Rasterising a string is the most expensive thing a frame does, and most
 * strings are the same from one frame to the next, so finished strings are
 * kept as textures (keyed by text, style, size and colour) and only new ones
 * are rendered. Entries unused for a while are freed.
 */
#ifndef BC_APP_TEXT_H
#define BC_APP_TEXT_H

#include <stddef.h>

#include <SDL.h>

typedef enum { BC_FONT_REGULAR, BC_FONT_BOLD, BC_FONT_STYLE_COUNT } bc_font_style;

typedef enum { BC_ALIGN_LEFT, BC_ALIGN_CENTER, BC_ALIGN_RIGHT } bc_align;
typedef enum { BC_VALIGN_TOP, BC_VALIGN_MIDDLE, BC_VALIGN_BOTTOM } bc_valign;

typedef struct bc_text bc_text;

/* Text drawer for this renderer. NULL and a message in err if no font. */
bc_text *bc_text_new(SDL_Renderer *renderer, char *err, size_t err_size);

/* Frees cached textures and fonts; NULL-safe. */
void bc_text_free(bc_text *t);

/*
 * Draws UTF-8 text of height size_px anchored at (x, y) by align/valign.
 * If max_w_px > 0 the text shrinks to fit that width. Returns the rectangle
 * drawn (w = 0 if nothing was drawn).
 */
SDL_Rect bc_text_draw(bc_text *t, const char *utf8, int size_px, bc_font_style style,
		      SDL_Color color, int x, int y, bc_align align, bc_valign valign,
		      int max_w_px);

/*
 * The size bc_text_draw really uses for utf8 at size_px within max_w_px
 * (max_w_px <= 0: no limit): smaller when the text is shrunk to fit.
 */
int bc_text_fit_px(bc_text *t, const char *utf8, int size_px, bc_font_style style, int max_w_px);

/* Height of a capital H in the font at size_px, pixels (the glyph's ink, from the font). */
int bc_text_cap_px(bc_text *t, int size_px, bc_font_style style);

/* Width and height text would take, pixels. */
void bc_text_measure(bc_text *t, const char *utf8, int size_px, bc_font_style style, int *w_px,
		     int *h_px);

/* End of a frame: ages the cache and frees entries unused for a while. */
void bc_text_end_frame(bc_text *t);

/* Cache statistics for the bench: strings rasterised since creation. */
unsigned long bc_text_rasterised(const bc_text *t);

#endif /* BC_APP_TEXT_H */
