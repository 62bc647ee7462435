/* SPDX-License-Identifier: MIT */
/* The calendar of days done: see chart.h. */
#include <math.h>
#include <stdio.h>

#include "chart/chart.h"
#include "chart/chart_internal.h"

static const char *const weekday_letters[7] = { "M", "T", "W", "T", "F", "S", "S" };

static void rounded_cell(cairo_t *cr, double x, double y, double size)
{
	double r = size * 0.2;
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + size - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + size - r, y + size - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + size - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
	cairo_close_path(cr);
}

/* One day: filled when done, an outline when not, today ringed, its date inside. */
static void draw_day(cairo_t *cr, const bc_chart_calendar *c, const bc_chart_style *st, int i,
		     double x, double y, double cell)
{
	double inset = cell * 0.08, size = cell - 2 * inset;
	rounded_cell(cr, x + inset, y + inset, size);
	if (c->done[i]) {
		bc_chart_set_rgb(cr, st->mark);
		cairo_fill(cr);
	} else {
		bc_chart_set_rgb(cr, st->grid);
		cairo_set_line_width(cr, st->line_w * 0.6);
		cairo_stroke(cr);
	}
	if (i == c->today) {
		rounded_cell(cr, x + inset * 0.5, y + inset * 0.5, cell - inset);
		bc_chart_set_rgb(cr, st->target);
		cairo_set_line_width(cr, st->line_w * 1.2);
		cairo_stroke(cr);
	}
	if (c->day_of_month && st->font_px < size * 0.8) {
		char num[8];
		snprintf(num, sizeof(num), "%d", c->day_of_month[i]);
		bc_chart_text(cr, st, c->done[i] ? st->background : st->text, num, x + cell / 2,
			      y + cell / 2, 0.5, 0.5, false);
	}
}

int bc_chart_draw_calendar(cairo_t *cr, bc_chart_box box, const bc_chart_calendar *c,
			   const bc_chart_style *st)
{
	if (!cr || !c || !st || !c->done || c->n < 1 || c->first_weekday < 0 ||
	    c->first_weekday > 6 || cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return -1;
	int weeks = (c->first_weekday + c->n + 6) / 7;
	double title_h = c->title ? bc_chart_title_px(st) * 1.5 : 0.0;
	double head_h = st->font_px * 1.4;
	double cell = fmin(box.w / 7.0, (box.h - title_h - head_h) / weeks);
	if (cell < 4.0)
		return -1;
	cairo_save(cr);
	if (st->fill_background) {
		bc_chart_set_rgb(cr, st->background);
		cairo_rectangle(cr, box.x, box.y, box.w, box.h);
		cairo_fill(cr);
	}
	if (c->title)
		bc_chart_text(cr, st, st->text, c->title, box.x, box.y, 0.0, 0.0, true);
	double top = box.y + title_h;
	for (int d = 0; d < 7; d++)
		bc_chart_text(cr, st, st->grid, weekday_letters[d], box.x + cell * (d + 0.5),
			      top + head_h / 2, 0.5, 0.5, false);
	for (int i = 0; i < c->n; i++) {
		int slot = c->first_weekday + i;
		draw_day(cr, c, st, i, box.x + cell * (slot % 7), top + head_h + cell * (slot / 7),
			 cell);
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}
