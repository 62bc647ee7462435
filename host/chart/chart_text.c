/* SPDX-License-Identifier: MIT */
/*
 * Text for the charts: cairo's own text API with the font the app uses
 * (DejaVu Sans, through fontconfig), at the caller's size. Enough for
 * labels in one script; no shaping needed for numbers and short words.
 */
#include <fontconfig/fontconfig.h>

#include "chart/chart_internal.h"

static void set_font(cairo_t *cr, const bc_chart_style *st, bool title)
{
	cairo_select_font_face(cr, st->font_family ? st->font_family : "DejaVu Sans",
			       CAIRO_FONT_SLANT_NORMAL,
			       title ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, title ? bc_chart_title_px(st) : st->font_px);
}

double bc_chart_text_width(cairo_t *cr, const bc_chart_style *st, const char *text, bool title)
{
	cairo_text_extents_t ext;
	set_font(cr, st, title);
	cairo_text_extents(cr, text, &ext);
	return ext.x_advance;
}

void bc_chart_text(cairo_t *cr, const bc_chart_style *st, bc_chart_rgb colour, const char *text,
		   double x, double y, double ax, double ay, bool title)
{
	cairo_text_extents_t ext;
	cairo_font_extents_t font;
	set_font(cr, st, title);
	cairo_text_extents(cr, text, &ext);
	cairo_font_extents(cr, &font);
	/* ay 0: the top at y; 1: the baseline at y (the ascent above it) */
	double baseline = y + font.ascent * (1.0 - ay);
	if (ay > 0.0 && ay < 1.0)
		baseline = y + font.ascent * 0.5 - font.descent * 0.25;
	bc_chart_set_rgb(cr, colour);
	cairo_move_to(cr, x - ext.x_advance * ax, baseline);
	cairo_show_text(cr, text);
	cairo_new_path(cr);
}

void bc_chart_release_fonts(void)
{
	cairo_debug_reset_static_data();
	FcFini(); /* fontconfig's own configuration, loaded for the first text */
}
