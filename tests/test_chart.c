/* SPDX-License-Identifier: MIT */
/*
 * The chart module draws into a plain cairo image surface (as the app does
 * over SDL's pixels) and a PDF surface: marks land where the values say,
 * nothing is drawn outside the box, NAN days are gaps, the calendar fills
 * done days only, and bad input draws nothing.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "chart/chart.h"
#include "support/test_support.h"

#define W 800
#define H 480

/* Helpers */

typedef struct {
	cairo_surface_t *surface;
	cairo_t *cr;
} canvas;

static canvas canvas_new(void)
{
	canvas c;
	c.surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
	c.cr = cairo_create(c.surface);
	assert_int_equal(cairo_status(c.cr), CAIRO_STATUS_SUCCESS);
	return c;
}

static void canvas_free(canvas *c)
{
	cairo_destroy(c->cr);
	cairo_surface_destroy(c->surface);
}

static uint32_t pixel(canvas *c, int x, int y)
{
	cairo_surface_flush(c->surface);
	const unsigned char *data = cairo_image_surface_get_data(c->surface);
	int stride = cairo_image_surface_get_stride(c->surface);
	return *(const uint32_t *)(data + y * stride + x * 4);
}

/* Pixels drawn (alpha > 0) inside and outside the rectangle. */
static void count_drawn(canvas *c, bc_chart_box b, int *inside, int *outside)
{
	*inside = *outside = 0;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			if (!(pixel(c, x, y) >> 24))
				continue;
			bool in = x >= b.x - 1 && x <= b.x + b.w + 1 && y >= b.y - 1 &&
				  y <= b.y + b.h + 1;
			(in ? inside : outside)[0]++;
		}
}

/* Opaque and within one step of colour c on each channel (cairo rounds its own way). */
static bool is_colour(uint32_t p, bc_chart_rgb c)
{
	int want[3] = { (int)lround(c.r * 255), (int)lround(c.g * 255), (int)lround(c.b * 255) };
	int got[3] = { (int)(p >> 16 & 0xff), (int)(p >> 8 & 0xff), (int)(p & 0xff) };
	for (int i = 0; i < 3; i++)
		if (abs(want[i] - got[i]) > 1)
			return false;
	return (p >> 24) == 0xff;
}

/* Pixels of the mark colour in column x. */
static int mark_pixels_in_column(canvas *c, int x, const bc_chart_style *st)
{
	int n = 0;
	for (int y = 0; y < H; y++)
		n += is_colour(pixel(c, x, y), st->mark);
	return n;
}

static const char *const day_labels[7] = { "1", "2", "3", "4", "5", "6", "7" };

/* Tests */

/* A bar's height follows its value; a NAN day has no bar; nothing outside the box. */
static void test_bars_follow_values(void **state)
{
	canvas c = canvas_new();
	float values[7] = { 2, 4, NAN, 8, 0, 8, 1 };
	bc_chart_series s = { .title = "Counted reps",
			      .values = values,
			      .n = 7,
			      .labels = day_labels,
			      .target = NAN };
	bc_chart_box box = { 20, 20, 760, 440 };
	const bc_chart_style *st = &bc_chart_style_screen;
	assert_int_equal(bc_chart_draw_bars(c.cr, box, &s, st), 0);
	int inside, outside;
	count_drawn(&c, box, &inside, &outside);
	assert_true(inside > 5000);
	assert_int_equal(outside, 0);

	/* the tallest bar (8 of an axis to 10) */
	int tallest = 0;
	for (int x = 0; x < W; x++) {
		int n = mark_pixels_in_column(&c, x, st);
		tallest = n > tallest ? n : tallest;
	}
	assert_true(tallest > 250); /* 8 of an axis to 8: most of the plot's height */
	canvas_free(&c);
}

/* Two series differing only in one value: only that slot's pixels differ. */
static void test_bar_heights_compare(void **state)
{
	const bc_chart_style *st = &bc_chart_style_screen;
	bc_chart_box box = { 0, 0, W, H };
	float a[4] = { 5, 5, 5, 5 }, b[4] = { 5, 5, 10, 5 };
	int col_a[4], col_b[4];
	for (int pass = 0; pass < 2; pass++) {
		canvas c = canvas_new();
		bc_chart_series s = { .values = pass ? b : a, .n = 4, .y_max = 10, .target = NAN };
		assert_int_equal(bc_chart_draw_bars(c.cr, box, &s, st), 0);
		/* the plot spans from the axis labels to the right edge: slot centres */
		for (int i = 0; i < 4; i++) {
			int x = W - 1 - (int)((3 - i + 0.5) * (W - 90) / 4.0);
			(pass ? col_b : col_a)[i] = mark_pixels_in_column(&c, x, st);
		}
		canvas_free(&c);
	}
	assert_true(col_a[0] > 50);
	assert_int_equal(col_a[0], col_b[0]);
	assert_int_equal(col_a[3], col_b[3]);
	assert_true(abs(col_b[2] - 2 * col_a[2]) <= 2); /* twice the value, twice the bar */
}

/* Centres of the bars crossing row y, left to right; their count. */
static int bar_centres(canvas *c, int y, const bc_chart_style *st, int *centre, int max)
{
	int n = 0, start = -1;
	for (int x = 0; x <= W; x++) {
		bool mark = x < W && is_colour(pixel(c, x, y), st->mark);
		if (mark && start < 0)
			start = x;
		if (!mark && start >= 0) {
			if (n < max)
				centre[n] = (start + x - 1) / 2;
			n++;
			start = -1;
		}
	}
	return n;
}

/* Text-coloured pixels in the rows from y0 down, within half_w of x. */
static int text_pixels_near(canvas *c, int x, int half_w, int y0, const bc_chart_style *st)
{
	int n = 0;
	for (int y = y0; y < H; y++)
		for (int dx = -half_w; dx <= half_w; dx++)
			n += x + dx >= 0 && x + dx < W && is_colour(pixel(c, x + dx, y), st->text);
	return n;
}

/*
 * Four weeks of days: a date under today's bar and every 7th back from it
 * (a week apart: the same weekday), none between, at the screen's size.
 */
static void test_day_labels_a_week_apart(void **state)
{
	enum { DAYS = 28 };
	float values[DAYS];
	char text[DAYS][16];
	const char *labels[DAYS];
	for (int i = 0; i < DAYS; i++) {
		values[i] = 5;
		snprintf(text[i], sizeof(text[i]), "%d May", i + 1);
		labels[i] = text[i];
	}
	canvas c = canvas_new();
	const bc_chart_style *st = &bc_chart_style_screen;
	bc_chart_series s = { .values = values,
			      .n = DAYS,
			      .labels = labels,
			      .label_every = 7,
			      .y_max = 10,
			      .target = NAN };
	assert_int_equal(bc_chart_draw_bars(c.cr, (bc_chart_box){ 0, 0, W, H }, &s, st), 0);
	int centre[DAYS];
	int y_bars = H * 3 / 4; /* half-height bars cross it; the labels are below */
	assert_int_equal(bar_centres(&c, y_bars, st, centre, DAYS), DAYS);
	int y_labels = H - (int)(st->font_px * 1.4), near = (centre[1] - centre[0]) / 3;
	for (int i = DAYS - 1; i >= 0; i -= 7)
		assert_true(text_pixels_near(&c, centre[i], near, y_labels, st) > 20);
	/* half-way between two labels (the last one may end at the edge, shifted left) */
	for (int i = DAYS - 11; i >= 0; i -= 7)
		assert_int_equal(text_pixels_near(&c, centre[i], near, y_labels, st), 0);
	canvas_free(&c);
}

/* A line through values, broken by NAN; a target line; in a PDF as well. */
static void test_lines_and_pdf(void **state)
{
	canvas c = canvas_new();
	float values[6] = { 10, 12, NAN, 14, 15, 16 };
	bc_chart_series s = { .title = "Best hold",
			      .unit = " s",
			      .values = values,
			      .n = 6,
			      .labels = day_labels,
			      .decimals = 0,
			      .target = 15 };
	bc_chart_box box = { 100, 60, 600, 360 };
	assert_int_equal(bc_chart_draw_lines(c.cr, box, &s, &bc_chart_style_screen), 0);
	int inside, outside;
	count_drawn(&c, box, &inside, &outside);
	assert_true(inside > 2000);
	assert_int_equal(outside, 0);
	canvas_free(&c);

	char path[512];
	bc_test_tmp_path("chart.pdf", path, sizeof(path));
	cairo_surface_t *pdf = cairo_pdf_surface_create(path, 595, 842);
	cairo_t *cr = cairo_create(pdf);
	assert_int_equal(bc_chart_draw_lines(cr, (bc_chart_box){ 40, 40, 500, 200 }, &s,
					     &bc_chart_style_print),
			 0);
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	assert_int_equal(cairo_surface_status(pdf), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(pdf);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 1000);
}

/* Done days are filled with the mark colour, the others are not. */
static void test_calendar_fills_done_days(void **state)
{
	canvas c = canvas_new();
	bool done[14] = { true, false, true,  true,  false, false, true,
			  true, true,  false, false, false, false, true };
	int dom[14];
	for (int i = 0; i < 14; i++)
		dom[i] = i + 1;
	bc_chart_calendar cal = {
		.done = done, .day_of_month = dom, .n = 14, .first_weekday = 0, .today = 13
	};
	const bc_chart_style *st = &bc_chart_style_screen;
	bc_chart_box box = { 0, 0, 700, 400 };
	assert_int_equal(bc_chart_draw_calendar(c.cr, box, &cal, st), 0);
	/* cells are 100 px (700 / 7); the header takes 1.4 x 27 px */
	double head = 27 * 1.4, cell = 100;
	for (int i = 0; i < 14; i++) {
		/* a corner inside the cell, away from the number */
		int x = (int)(cell * (i % 7) + cell * 0.2), y = (int)(head + cell * (i / 7) + 30);
		assert_int_equal(is_colour(pixel(&c, x, y), st->mark), done[i]);
	}
	canvas_free(&c);
}

/* Nothing to draw: -1, and the surface stays empty. */
static void test_bad_input_draws_nothing(void **state)
{
	canvas c = canvas_new();
	float v[1] = { 1 };
	bc_chart_series none = { .values = v, .n = 0, .target = NAN };
	assert_int_equal(bc_chart_draw_bars(c.cr, (bc_chart_box){ 0, 0, W, H }, &none,
					    &bc_chart_style_screen),
			 -1);
	bc_chart_series one = { .values = v, .n = 1, .target = NAN };
	assert_int_equal(bc_chart_draw_lines(c.cr, (bc_chart_box){ 0, 0, 3, 3 }, &one,
					     &bc_chart_style_screen),
			 -1);
	bc_chart_calendar cal = { .done = NULL, .n = 3 };
	assert_int_equal(bc_chart_draw_calendar(c.cr, (bc_chart_box){ 0, 0, W, H }, &cal,
						&bc_chart_style_screen),
			 -1);
	int inside, outside;
	count_drawn(&c, (bc_chart_box){ 0, 0, W, H }, &inside, &outside);
	assert_int_equal(inside + outside, 0);
	canvas_free(&c);
}

static void test_nice_max(void **state)
{
	assert_float_near(bc_chart_nice_max(0.0f), 1.0, 1e-6);
	assert_float_near(bc_chart_nice_max(7.0f), 10.0, 1e-5);
	assert_float_near(bc_chart_nice_max(10.0f), 10.0, 1e-5);
	assert_float_near(bc_chart_nice_max(11.0f), 20.0, 1e-5);
	assert_float_near(bc_chart_nice_max(23.0f), 25.0, 1e-5);
	assert_float_near(bc_chart_nice_max(0.42f), 0.5, 1e-6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bars_follow_values),
		cmocka_unit_test(test_bar_heights_compare),
		cmocka_unit_test(test_day_labels_a_week_apart),
		cmocka_unit_test(test_lines_and_pdf),
		cmocka_unit_test(test_calendar_fills_done_days),
		cmocka_unit_test(test_bad_input_draws_nothing),
		cmocka_unit_test(test_nice_max),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	bc_chart_release_fonts();
	return failed;
}
