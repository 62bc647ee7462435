/* SPDX-License-Identifier: MIT */
/* Bar and line charts over days, with cairo: see chart.h. */
#include "chart/chart.h"

#include <math.h>
#include <stdio.h>

#include "chart/chart_internal.h"

/* Definitions */

const bc_chart_style bc_chart_style_screen = {
	.font_px = 27.0,
	.title_px = 30.0,
	.line_w = 3.0,
	.fill_background = false,
	.background = { 0.10, 0.11, 0.13 },
	.text = { 0.93, 0.94, 0.95 },
	.grid = { 0.40, 0.42, 0.46 },
	.mark = { 0.30, 0.78, 0.47 },
	.target = { 0.98, 0.75, 0.25 },
};

const bc_chart_style bc_chart_style_print = {
	.font_px = 8.0,
	.title_px = 10.0,
	.line_w = 0.8,
	.fill_background = false,
	.background = { 1.0, 1.0, 1.0 },
	.text = { 0.0, 0.0, 0.0 },
	.grid = { 0.62, 0.62, 0.62 },
	.mark = { 0.13, 0.42, 0.70 },
	.target = { 0.85, 0.45, 0.05 },
};

/* The plot area inside a chart's box, and its scale. */
typedef struct {
	bc_chart_box plot;
	float y_max;
	double slot_w;	/* width per value */
	double right_x; /* the box's right edge: no label goes past it */
} frame;

/* Functions */

float bc_chart_nice_max(float v)
{
	if (!(v > 0.0f) || !isfinite(v))
		return 1.0f;
	float p = powf(10.0f, floorf(log10f(v)));
	static const float steps[] = { 1.0f, 2.0f, 2.5f, 5.0f, 10.0f };
	for (int i = 0; i < 5; i++)
		if (steps[i] * p >= v * (1.0f - 1e-6f))
			return steps[i] * p;
	return 10.0f * p;
}

static float top_of(const bc_chart_series *s)
{
	float top = 0.0f;
	for (int i = 0; i < s->n; i++)
		if (isfinite(s->values[i]) && s->values[i] > top)
			top = s->values[i];
	if (isfinite(s->target) && s->target > top)
		top = s->target;
	return s->y_max > 0.0f ? s->y_max : bc_chart_nice_max(top);
}

/* An axis value with the series' decimals, or one more where they would round it (2.5). */
static void axis_value_text(const bc_chart_series *s, float v, char *buf, size_t size)
{
	int decimals = s->decimals;
	double scale = pow(10.0, decimals);
	if (fabs(v * scale - round(v * scale)) > 1e-3)
		decimals++;
	snprintf(buf, size, "%.*f%s", decimals, (double)v, s->unit ? s->unit : "");
}

/* Title, y-axis labels on the left, category labels below: what is left is the plot. */
static int layout(cairo_t *cr, bc_chart_box box, const bc_chart_series *s, const bc_chart_style *st,
		  frame *f)
{
	char top[32];
	f->y_max = top_of(s);
	axis_value_text(s, f->y_max, top, sizeof(top));
	double title_h = s->title ? bc_chart_title_px(st) * 1.5 : 0.0;
	double pad = st->font_px * 0.4;
	double left = bc_chart_text_width(cr, st, top, false) + pad;
	double bottom = s->labels ? st->font_px * 1.5 : pad;
	f->plot = (bc_chart_box){ box.x + left, box.y + title_h + st->font_px * 0.6,
				  box.w - left - pad,
				  box.h - title_h - st->font_px * 0.6 - bottom };
	f->slot_w = f->plot.w / s->n;
	f->right_x = box.x + box.w;
	return f->plot.w > 2.0 && f->plot.h > 2.0 ? 0 : -1;
}

static double y_of(const frame *f, float v)
{
	double frac = v / f->y_max;
	frac = frac < 0.0 ? 0.0 : frac > 1.0 ? 1.0 : frac;
	return f->plot.y + f->plot.h * (1.0 - frac);
}

/* Baseline, half and top grid lines with their values; the target dashed. */
static void draw_axes(cairo_t *cr, const frame *f, const bc_chart_series *s,
		      const bc_chart_style *st)
{
	char text[32];
	cairo_set_line_width(cr, st->line_w * 0.5);
	/* a plot too short for three values one above the other: the middle one's line alone */
	bool mid_value = f->plot.h / 2.0 >= st->font_px * 1.1;
	for (int i = 0; i <= 2; i++) {
		float v = f->y_max * (float)i / 2.0f;
		double y = y_of(f, v);
		bc_chart_set_rgb(cr, st->grid);
		cairo_move_to(cr, f->plot.x, y);
		cairo_line_to(cr, f->plot.x + f->plot.w, y);
		cairo_stroke(cr);
		if (i == 1 && !mid_value)
			continue;
		axis_value_text(s, v, text, sizeof(text));
		bc_chart_text(cr, st, st->text, text, f->plot.x - st->font_px * 0.3, y, 1.0, 0.5,
			      false);
	}
	if (isfinite(s->target) && s->target > 0.0f) {
		double dash = st->line_w * 3.0;
		cairo_set_dash(cr, &dash, 1, 0.0);
		cairo_set_line_width(cr, st->line_w);
		bc_chart_set_rgb(cr, st->target);
		cairo_move_to(cr, f->plot.x, y_of(f, s->target));
		cairo_line_to(cr, f->plot.x + f->plot.w, y_of(f, s->target));
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0.0);
	}
}

/*
 * How many slots apart the labels go so that none overlap: the series'
 * label_every (a week on days) or a multiple of it.
 */
static int label_step(cairo_t *cr, const frame *f, const bc_chart_series *s,
		      const bc_chart_style *st)
{
	double widest = 0.0;
	for (int i = 0; i < s->n; i++) {
		double w = s->labels[i] ? bc_chart_text_width(cr, st, s->labels[i], false) : 0.0;
		widest = w > widest ? w : widest;
	}
	int every = (int)ceil((widest + st->font_px * 0.6) / f->slot_w);
	every = every < 1 ? 1 : every;
	int k = s->label_every > 1 ? s->label_every : 1;
	return (every + k - 1) / k * k;
}

/*
 * Category labels under their slots, from the last back, label_step apart;
 * a tick under every slot (longer where labelled), so the days between
 * two labels can be counted.
 */
static void draw_labels(cairo_t *cr, const frame *f, const bc_chart_series *s,
			const bc_chart_style *st)
{
	if (!s->labels)
		return;
	int every = label_step(cr, f, s, st);
	double base = f->plot.y + f->plot.h, y = base + st->font_px * 0.75;
	bc_chart_set_rgb(cr, st->grid);
	cairo_set_line_width(cr, st->line_w * 0.5);
	for (int i = 0; i < s->n; i++) {
		bool labelled = (s->n - 1 - i) % every == 0;
		double x = f->plot.x + f->slot_w * (i + 0.5);
		cairo_move_to(cr, x, base);
		cairo_line_to(cr, x, base + st->font_px * (labelled ? 0.3 : 0.15));
	}
	cairo_stroke(cr);
	for (int i = s->n - 1; i >= 0; i -= every) {
		if (!s->labels[i])
			continue;
		/* centred under its slot, or ending at the box's edge ("Today" at the last) */
		double x = f->plot.x + f->slot_w * (i + 0.5);
		double half_w = bc_chart_text_width(cr, st, s->labels[i], false) / 2.0;
		if (x + half_w > f->right_x)
			bc_chart_text(cr, st, st->text, s->labels[i], f->right_x, y, 1.0, 0.5,
				      false);
		else
			bc_chart_text(cr, st, st->text, s->labels[i], x, y, 0.5, 0.5, false);
	}
}

/* Everything but the marks; -1 when nothing can be drawn. */
static int begin_chart(cairo_t *cr, bc_chart_box box, const bc_chart_series *s,
		       const bc_chart_style *st, frame *f)
{
	if (!cr || !s || !st || !s->values || s->n < 1 || cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_save(cr);
	if (st->fill_background) {
		bc_chart_set_rgb(cr, st->background);
		cairo_rectangle(cr, box.x, box.y, box.w, box.h);
		cairo_fill(cr);
	}
	if (layout(cr, box, s, st, f) < 0) {
		cairo_restore(cr);
		return -1;
	}
	if (s->title)
		bc_chart_text(cr, st, st->text, s->title, box.x, box.y, 0.0, 0.0, true);
	draw_axes(cr, f, s, st);
	draw_labels(cr, f, s, st);
	return 0;
}

static int end_chart(cairo_t *cr)
{
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int bc_chart_draw_bars(cairo_t *cr, bc_chart_box box, const bc_chart_series *s,
		       const bc_chart_style *st)
{
	frame f;
	if (begin_chart(cr, box, s, st, &f) < 0)
		return -1;
	bc_chart_set_rgb(cr, st->mark);
	double gap = f.slot_w * 0.2;
	double base = y_of(&f, 0.0f);
	for (int i = 0; i < s->n; i++) {
		if (!isfinite(s->values[i]) || s->values[i] <= 0.0f)
			continue;
		double y = y_of(&f, s->values[i]);
		cairo_rectangle(cr, f.plot.x + f.slot_w * i + gap / 2, y, f.slot_w - gap, base - y);
	}
	cairo_fill(cr);
	return end_chart(cr);
}

int bc_chart_draw_lines(cairo_t *cr, bc_chart_box box, const bc_chart_series *s,
			const bc_chart_style *st)
{
	frame f;
	if (begin_chart(cr, box, s, st, &f) < 0)
		return -1;
	bc_chart_set_rgb(cr, st->mark);
	cairo_set_line_width(cr, st->line_w * 1.5);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	bool drawing = false;
	for (int i = 0; i < s->n; i++) {
		double x = f.plot.x + f.slot_w * (i + 0.5);
		if (!isfinite(s->values[i])) {
			drawing = false;
			continue;
		}
		if (drawing)
			cairo_line_to(cr, x, y_of(&f, s->values[i]));
		else
			cairo_move_to(cr, x, y_of(&f, s->values[i]));
		drawing = true;
	}
	cairo_stroke(cr);
	double dot_r = st->line_w * 2.0;
	for (int i = 0; i < s->n; i++) {
		if (!isfinite(s->values[i]))
			continue;
		cairo_new_sub_path(cr);
		cairo_arc(cr, f.plot.x + f.slot_w * (i + 0.5), y_of(&f, s->values[i]), dot_r, 0,
			  2 * M_PI);
	}
	cairo_fill(cr);
	return end_chart(cr);
}
