/* SPDX-License-Identifier: MIT */
/*
 * Charts for progress over days, drawn with cairo into any surface: an image
 * surface over the app's SDL pixels (the device screen) or a PDF surface
 * (the physiotherapist's report). Host side only.
 *
 * Units are the surface's own: pixels on an image surface, points (1/72 in)
 * on a PDF. The caller gives every size, text included, in those units, so
 * one drawing reads from 2 m on the 7" panel (text >= 27 px at 800x480: 5 mm)
 * and at print size on paper.
 *
 * The functions draw inside box and nowhere else, leave the cairo state as
 * they found it (save/restore), and return 0, or -1 when there is nothing
 * they could draw (no values, a box too small, a cairo context in error).
 */
#ifndef BC_CHART_H
#define BC_CHART_H

#include <stdbool.h>

#include <cairo.h>

/* A rectangle on the surface, in its units. */
typedef struct {
	double x, y, w, h;
} bc_chart_box;

/* A colour, each channel 0..1. */
typedef struct {
	double r, g, b;
} bc_chart_rgb;

typedef struct {
	const char *font_family; /* NULL: "DejaVu Sans" (fonts-dejavu-core) */
	double font_px;		 /* axis labels and values, surface units */
	double title_px;	 /* the title (0: font_px) */
	double line_w;		 /* axes, lines and outlines, surface units */
	bool fill_background;	 /* paint the box with background first */
	bc_chart_rgb background;
	bc_chart_rgb text;
	bc_chart_rgb grid; /* grid lines, empty days, secondary text */
	bc_chart_rgb mark; /* bars, the line, days done */
	bc_chart_rgb target;
} bc_chart_style;

/* Dark, large: the device screen at 800x480 (text 27 px). */
extern const bc_chart_style bc_chart_style_screen;
/* Black on white at print sizes: a PDF page in points (text 9 pt). */
extern const bc_chart_style bc_chart_style_print;

/* One value per day (or any category), oldest first. */
typedef struct {
	const char *title;	   /* above the chart ("Counted reps"); NULL: none */
	const char *unit;	   /* after axis values ("s", "\xc2\xb0"); NULL: none */
	const float *values;	   /* n values; NAN: nothing that day (no bar, a gap) */
	int n;			   /* >= 1 */
	const char *const *labels; /* n category labels, or NULL; as many drawn as fit */
	int label_every;	   /* > 1: labels every k-th slot, or a multiple, from the
				    * last back (7 on days: a week apart); else any step */
	int decimals;		   /* on axis values */
	float y_max;		   /* top of the axis; <= 0: from the values, rounded up */
	float target;		   /* a dashed line at this value (a goal); NAN: none */
} bc_chart_series;

/* Bars from zero: counts, hold times. */
int bc_chart_draw_bars(cairo_t *cr, bc_chart_box box, const bc_chart_series *s,
		       const bc_chart_style *st);

/* A line through the values with a dot on each, broken where a value is NAN: trends. */
int bc_chart_draw_lines(cairo_t *cr, bc_chart_box box, const bc_chart_series *s,
			const bc_chart_style *st);

/* Days done on a calendar: weeks as rows, Monday first. */
typedef struct {
	const char *title;	 /* NULL: none */
	const bool *done;	 /* n days, oldest first: a day with a counted rep */
	const int *day_of_month; /* n numbers written in the cells, or NULL */
	int n;			 /* >= 1 */
	int first_weekday;	 /* weekday of done[0]: 0 Monday .. 6 Sunday */
	int today;		 /* index of today (ringed), -1: none */
} bc_chart_calendar;

int bc_chart_draw_calendar(cairo_t *cr, bc_chart_box box, const bc_chart_calendar *c,
			   const bc_chart_style *st);

/*
 * Frees cairo's font caches (and the fontconfig patterns they hold) once no
 * cairo object is alive: for a command that exits, so a leak checker sees
 * every allocation returned. Drawing again afterwards works.
 */
void bc_chart_release_fonts(void);

/* The smallest "nice" axis top (1, 2, 2.5, 5 x 10^k) at or above v; 1 for v <= 0. */
float bc_chart_nice_max(float v);

#endif /* BC_CHART_H */
