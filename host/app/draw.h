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

/*
 * Read from two metres: the wearer lies on the floor 2 m from the official
 * 7" panel (800x480, 0.193 mm pixels). Every text the wearer must read
 * there has capital letters at least BC_TEXT_CAP_MIN_PX tall at 800x480
 * (27 px = 5.2 mm, about 9 arcminutes at 2 m: three times the letter a
 * 20/20 eye just reads, the size signs use for reading at a glance), and
 * proportionally at other sizes (times bc_draw.k). BC_TEXT_READ_PX is the
 * smallest design font size that gives it (DejaVu's capitals are 0.73 em).
 *
 * bc_draw_text is for such text; bc_draw_note for what is read up close or
 * only explains (gauge ticks, labels over a big number, button hints, a
 * file path). test_app_readable audits every screen through bc_text_audit.
 */
#define BC_TEXT_CAP_MIN_PX 27
#define BC_TEXT_READ_PX	   38

/* Test hook: what bc_draw_text drew since the audit was cleared. */
typedef struct {
	int min_cap_px;	   /* smallest capital height drawn, pixels (INT_MAX: none yet) */
	char smallest[80]; /* the text that had it */
	int texts;	   /* how many texts were drawn */
} bc_text_audit;

/* Ready for a frame: nothing drawn yet. */
void bc_text_audit_clear(bc_text_audit *a);

typedef struct {
	SDL_Renderer *r;
	bc_text *text;
	int w, h;	      /* frame size, pixels */
	float k;	      /* pixels per design pixel (800x480 design) */
	bc_text_audit *audit; /* tests: records must-read text (NULL: off) */
} bc_draw;

/* The smallest capital height must-read text may have on this frame, pixels. */
int bc_draw_cap_min_px(const bc_draw *d);

/* Sets the frame size and scale; the audit is off. */
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

/*
 * Text the wearer must read, in design-size pixels (scaled); see
 * bc_text_draw. At least BC_TEXT_READ_PX, and short enough not to shrink
 * much to fit: the audit records the size really drawn.
 */
SDL_Rect bc_draw_text(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
		      SDL_Color c, int x, int y, bc_align align, bc_valign valign, int max_w_px);

/* Text read up close or that only explains (labels, ticks, hints): not audited. */
SDL_Rect bc_draw_note(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
		      SDL_Color c, int x, int y, bc_align align, bc_valign valign, int max_w_px);

/*
 * Must-read text wrapped at spaces (or '/') into at most max_lines lines of
 * box's width, centred in box; the last line shrinks if it must. Returns
 * the lines drawn.
 */
int bc_draw_text_wrapped(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
			 SDL_Color c, SDL_Rect box, int max_lines);

/* The colour c with alpha-free blending towards the background (0..1 of c). */
SDL_Color bc_color_dim(SDL_Color c, float amount);

#endif /* BC_APP_DRAW_H */
