/* SPDX-License-Identifier: MIT */
/* Private to host/chart/: colour and text helpers. */
#ifndef BC_CHART_INTERNAL_H
#define BC_CHART_INTERNAL_H

#include "chart/chart.h"

static inline void bc_chart_set_rgb(cairo_t *cr, bc_chart_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static inline double bc_chart_title_px(const bc_chart_style *st)
{
	return st->title_px > 0.0 ? st->title_px : st->font_px;
}

/* Width of text at the style's label size (title size when title), surface units. */
double bc_chart_text_width(cairo_t *cr, const bc_chart_style *st, const char *text, bool title);

/*
 * Draws text with its anchor at (x, y): ax 0 left, 0.5 centre, 1 right; ay
 * 0 top, 0.5 middle (of the font's ascent), 1 baseline.
 */
void bc_chart_text(cairo_t *cr, const bc_chart_style *st, bc_chart_rgb colour, const char *text,
		   double x, double y, double ax, double ay, bool title);

#endif /* BC_CHART_INTERNAL_H */
