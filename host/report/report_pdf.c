/* SPDX-License-Identifier: MIT */
/* The report's PDF pages: see report_pdf.h. Sizes in points (1/72 inch). */
#include "report/report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart/chart.h"
#include "history/local_day.h"

/* Definitions */

#define PAGE_W	    595.28 /* A4 */
#define PAGE_H	    841.89
#define MARGIN	    42.0
#define BODY_PT	    9.0
#define HEADING_PT  12.0
#define TITLE_PT    18.0
#define ROW_PT	    13.0 /* a table row's height */
#define CONTENT_W   (PAGE_W - 2 * MARGIN)
#define PAGE_BOTTOM (PAGE_H - MARGIN)

/* A page being filled from the top. */
typedef struct {
	cairo_surface_t *surface;
	cairo_t *cr;
	double y; /* the next line's top */
	int pages;
} page;

/* A table column: its heading, width (points) and alignment. */
typedef struct {
	const char *heading;
	double w;
	bool right;
} column;

/* Text */

static void font(cairo_t *cr, double pt, bool bold)
{
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, pt);
}

/* Text with its top-left (right: top-right) at x, y. */
static void text(cairo_t *cr, double x, double y, double pt, bool bold, bool right, const char *s)
{
	cairo_text_extents_t ext;
	cairo_font_extents_t fe;
	font(cr, pt, bold);
	cairo_text_extents(cr, s, &ext);
	cairo_font_extents(cr, &fe);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, right ? x - ext.x_advance : x, y + fe.ascent);
	cairo_show_text(cr, s);
	cairo_new_path(cr);
}

/* A figure, or "-" when there is none (NAN). */
static const char *figure(char *buf, size_t size, const char *fmt, float v)
{
	if (isfinite(v))
		snprintf(buf, size, fmt, (double)v);
	else
		snprintf(buf, size, "-");
	return buf;
}

/* Pages */

static void new_page(page *p)
{
	if (p->pages > 0)
		cairo_show_page(p->cr);
	p->pages++;
	p->y = MARGIN;
	char foot[32];
	snprintf(foot, sizeof(foot), "page %d", p->pages);
	text(p->cr, PAGE_W - MARGIN, PAGE_H - MARGIN + 12, 7.5, false, true, foot);
}

/* Room for h more points on this page, else a new one. */
static void need(page *p, double h)
{
	if (p->y + h > PAGE_BOTTOM)
		new_page(p);
}

static void line(page *p, double pt, bool bold, const char *s)
{
	need(p, pt * 1.5);
	text(p->cr, MARGIN, p->y, pt, bold, false, s);
	p->y += pt * 1.5;
}

static void heading(page *p, const char *s)
{
	need(p, HEADING_PT * 2 + ROW_PT * 2); /* never a heading alone at the bottom */
	p->y += HEADING_PT * 0.6;
	line(p, HEADING_PT, true, s);
}

/* One table row of cells; the heading row in bold with a rule under it. */
static void table_row(page *p, const column *cols, int n, const char *const *cells, bool head)
{
	need(p, ROW_PT);
	double x = MARGIN;
	for (int c = 0; c < n; c++) {
		text(p->cr, cols[c].right ? x + cols[c].w - 4 : x, p->y, BODY_PT, head,
		     cols[c].right, cells[c]);
		x += cols[c].w;
	}
	p->y += ROW_PT;
	if (head) {
		cairo_set_line_width(p->cr, 0.5);
		cairo_move_to(p->cr, MARGIN, p->y - 2);
		cairo_line_to(p->cr, x, p->y - 2);
		cairo_stroke(p->cr);
	}
}

static void table_head(page *p, const column *cols, int n)
{
	const char *cells[8];
	for (int c = 0; c < n && c < 8; c++)
		cells[c] = cols[c].heading;
	table_row(p, cols, n, cells, true);
}

/* Page 1: period, plan, adherence */

static void title_block(page *p, const bc_report_data *r)
{
	char first[16], last[16], made[32], buf[160];
	line(p, TITLE_PT, true, "backcoach: exercise report");
	bc_report_date(r->first_day_unix_s, first, sizeof(first));
	bc_report_date(r->all[r->days - 1].day_start_unix_s, last, sizeof(last));
	bc_local_time_text(r->made_unix_s, "%Y-%m-%d %H:%M", made, sizeof(made));
	snprintf(buf, sizeof(buf), "Period: %s to %s (%d days). Made %s from the coach's history.",
		 first, last, r->days, made);
	line(p, BODY_PT, false, buf);
}

static void plan_block(page *p, const bc_report_data *r)
{
	heading(p, "Plan");
	for (int i = 0; i < r->plan_lines; i++)
		line(p, BODY_PT, false, r->plan[i]);
	if (r->plan_lines > 0)
		return;
	line(p, BODY_PT, false, "No plan in the settings. The exercises done in the period:");
	if (r->n_exercises == 0)
		line(p, BODY_PT, false, "  none: no session was recorded in these days.");
	for (int i = 0; i < r->n_exercises; i++) {
		char buf[128];
		snprintf(buf, sizeof(buf), "  %s (%s)", r->exercises[i].title,
			 r->exercises[i].name);
		line(p, BODY_PT, false, buf);
	}
}

static void adherence_block(page *p, const bc_report_data *r)
{
	char buf[160];
	heading(p, "Adherence");
	snprintf(buf, sizeof(buf), "Days with exercise: %d of %d (%.0f%%)", r->days_done, r->days,
		 100.0 * r->days_done / r->days);
	line(p, BODY_PT, false, buf);
	snprintf(buf, sizeof(buf),
		 "Streak at the end of the period: %d days; longest in it: %d days", r->streak_days,
		 r->longest_streak_days);
	line(p, BODY_PT, false, buf);

	/* the calendar: a cell a day, weeks as rows, at most 120 pt high */
	static bool done[BC_REPORT_DAYS_MAX];
	static int dom[BC_REPORT_DAYS_MAX];
	for (int i = 0; i < r->days; i++) {
		done[i] = r->all[i].reps > 0;
		char d[8];
		bc_local_time_text(r->all[i].day_start_unix_s, "%d", d, sizeof(d));
		sscanf(d, "%d", &dom[i]);
	}
	char wd[4];
	bc_local_time_text(r->first_day_unix_s, "%u", wd, sizeof(wd)); /* 1 Monday .. 7 */
	bc_chart_calendar cal = { .done = done,
				  .day_of_month = dom,
				  .n = r->days,
				  .first_weekday = wd[0] - '1',
				  .today = -1 };
	int weeks = (cal.first_weekday + r->days + 6) / 7;
	double cell = fmin(22.0, 160.0 / weeks);
	double h = BODY_PT * 1.4 + cell * weeks;
	need(p, h + 6);
	bc_chart_draw_calendar(p->cr, (bc_chart_box){ MARGIN, p->y + 4, cell * 7, h }, &cal,
			       &bc_chart_style_print);
	p->y += h + 10;
}

/* Page 1: the tables */

static void reps_table(page *p, const bc_report_data *r)
{
	static const column cols[] = {
		{ "Exercise", 120, false }, { "Sessions", 55, true },	{ "Days", 40, true },
		{ "Counted", 55, true },    { "Rejected", 55, true },	{ "Best hold", 60, true },
		{ "Mean hold", 65, true },  { "Best range", 60, true },
	};
	heading(p, "Counted and rejected reps");
	table_head(p, cols, 8);
	for (int i = 0; i < r->n_exercises; i++) {
		const bc_report_exercise *x = &r->exercises[i];
		char s[16], d[16], c[24], rj[16], bh[16], mh[16], br[16];
		snprintf(s, sizeof(s), "%d", x->total.sessions);
		snprintf(d, sizeof(d), "%d", x->days_done);
		if (x->monitor)
			snprintf(c, sizeof(c), "%d alerts", x->total.posture_alerts);
		else
			snprintf(c, sizeof(c), "%d", x->total.reps);
		snprintf(rj, sizeof(rj), "%d", x->total.rejected);
		const char *cells[] = { x->title,
					s,
					d,
					c,
					rj,
					figure(bh, sizeof(bh), "%.1f s", x->total.best_hold_s),
					figure(mh, sizeof(mh), "%.1f s", x->total.mean_hold_s),
					figure(br, sizeof(br), "%.1f\xc2\xb0",
					       x->total.best_peak_deg) };
		table_row(p, cols, 8, cells, false);
	}
	if (r->n_exercises == 0)
		line(p, BODY_PT, false, "No sessions in the period.");
}

static void reasons_table(const bc_report_data *r, page *p)
{
	static const column cols[] = {
		{ "Exercise", 130, false },
		{ "Reason not counted", 180, false },
		{ "Attempts", 60, true },
	};
	heading(p, "Rejected attempts by reason");
	int rows = 0;
	for (int i = 0; i < r->n_exercises; i++) {
		const bc_report_exercise *x = &r->exercises[i];
		for (int why = 0; why < BC_REJECT_COUNT; why++) {
			if (!x->total.rejected_by_reason[why])
				continue;
			if (rows++ == 0)
				table_head(p, cols, 3);
			char n[16];
			snprintf(n, sizeof(n), "%d", x->total.rejected_by_reason[why]);
			const char *cells[] = { x->title,
						why == BC_REJECT_NONE ? "other"
								      : bc_reject_reason_text(why),
						n };
			table_row(p, cols, 3, cells, false);
		}
	}
	if (rows == 0)
		line(p, BODY_PT, false, "Every attempt counted.");
}

static void form_table(page *p, const bc_report_data *r)
{
	static const column cols[] = {
		{ "Exercise", 130, false },
		{ "Hold steadiness (SD)", 110, true },
		{ "Smoothness", 80, true },
		{ "Time to the zone", 100, true },
	};
	heading(p, "Form of the counted reps (means)");
	table_head(p, cols, 4);
	for (int i = 0; i < r->n_exercises; i++) {
		const bc_report_exercise *x = &r->exercises[i];
		char sd[16], sm[16], tz[16];
		const char *cells[] = {
			x->title,
			figure(sd, sizeof(sd), "%.1f\xc2\xb0", x->total.mean_hold_sd_deg),
			figure(sm, sizeof(sm), "%.2f", x->total.mean_smoothness),
			figure(tz, sizeof(tz), "%.1f s", x->total.mean_time_to_zone_s),
		};
		table_row(p, cols, 4, cells, false);
	}
	line(p, 7.5, false,
	     "Steadiness: standard deviation of the angle while holding (smaller is steadier). "
	     "Smoothness: net rise / path on the");
	line(p, 7.5, false,
	     "way into the hold (1 = straight in, lower = back and forth). Time: from leaving the "
	     "start to reaching the zone. -: not measured.");
}

/* A page per exercise: its charts over the days */

typedef enum {
	SHOW_REPS,
	SHOW_ALERTS,
	SHOW_BEST_HOLD,
	SHOW_RANGE,
	SHOW_SD,
	SHOW_SMOOTH,
	SHOW_TIME
} shown;

static float value_of(const bc_history_day *d, shown what)
{
	switch (what) {
	case SHOW_REPS:
		return d->sessions ? (float)d->reps : NAN;
	case SHOW_ALERTS:
		return d->sessions ? (float)d->posture_alerts : NAN;
	case SHOW_BEST_HOLD:
		return d->best_hold_s;
	case SHOW_RANGE:
		return d->best_peak_deg;
	case SHOW_SD:
		return d->mean_hold_sd_deg;
	case SHOW_SMOOTH:
		return d->mean_smoothness;
	default:
		return d->mean_time_to_zone_s;
	}
}

typedef struct {
	shown what;
	const char *title;
	const char *unit;
	int decimals;
	bool bars;
	float y_max; /* 0: from the values */
} chart_spec;

static const chart_spec rep_charts[] = {
	{ SHOW_REPS, "Counted reps per day", NULL, 0, true, 0 },
	{ SHOW_BEST_HOLD, "Best hold (s)", NULL, 0, true, 0 },
	{ SHOW_RANGE, "Best range (\xc2\xb0)", NULL, 0, false, 0 },
	{ SHOW_SD, "Hold steadiness, SD (\xc2\xb0)", NULL, 1, false, 0 },
	{ SHOW_SMOOTH, "Smoothness (1 = straight in)", NULL, 1, false, 1 },
	{ SHOW_TIME, "Time to the zone (s)", NULL, 1, false, 0 },
};

static const chart_spec alert_charts[] = {
	{ SHOW_ALERTS, "Slouch alerts per day", NULL, 0, true, 0 },
};

static void exercise_page(page *p, const bc_report_data *r, const bc_report_exercise *x)
{
	static float values[BC_REPORT_DAYS_MAX];
	static char label_text[BC_REPORT_DAYS_MAX][16];
	static const char *labels[BC_REPORT_DAYS_MAX];
	for (int i = 0; i < r->days; i++) {
		bc_local_time_text(x->days[i].day_start_unix_s, "%-d %b", label_text[i], 16);
		labels[i] = label_text[i];
	}
	new_page(p);
	char buf[160];
	line(p, TITLE_PT, true, x->title);
	if (x->monitor)
		snprintf(buf, sizeof(buf), "%d sessions on %d days; %d slouch alerts",
			 x->total.sessions, x->days_done, x->total.posture_alerts);
	else
		snprintf(buf, sizeof(buf),
			 "%d sessions on %d days; %d counted reps, %d rejected. Dates along "
			 "the bottom, a week apart (a tick a day).",
			 x->total.sessions, x->days_done, x->total.reps, x->total.rejected);
	line(p, BODY_PT, false, buf);
	const chart_spec *specs = x->monitor ? alert_charts : rep_charts;
	int n = x->monitor ? 1 : (int)(sizeof(rep_charts) / sizeof(rep_charts[0]));
	double w = (CONTENT_W - 20) / 2, h = 200;
	for (int c = 0; c < n; c++) {
		for (int i = 0; i < r->days; i++)
			values[i] = value_of(&x->days[i], specs[c].what);
		bc_chart_series s = { .title = specs[c].title,
				      .values = values,
				      .n = r->days,
				      .labels = labels,
				      .label_every = 7,
				      .decimals = specs[c].decimals,
				      .y_max = specs[c].y_max,
				      .target = NAN };
		bc_chart_box box = { MARGIN + (c % 2) * (w + 20), p->y + (c / 2) * (h + 24), w, h };
		if (specs[c].bars)
			bc_chart_draw_bars(p->cr, box, &s, &bc_chart_style_print);
		else
			bc_chart_draw_lines(p->cr, box, &s, &bc_chart_style_print);
	}
}

/* The whole report */

static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

int bc_report_write_pdf(const bc_report_data *r, FILE *out, char *err, size_t err_size)
{
	page p = { .surface = cairo_pdf_surface_create_for_stream(write_to_file, out, PAGE_W,
								  PAGE_H) };
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE,
				       "backcoach exercise report");
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "backcoach report");
	p.cr = cairo_create(p.surface);
	new_page(&p);
	title_block(&p, r);
	plan_block(&p, r);
	adherence_block(&p, r);
	reps_table(&p, r);
	reasons_table(r, &p);
	form_table(&p, r);
	for (int i = 0; i < r->n_exercises; i++)
		exercise_page(&p, r, &r->exercises[i]);
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	cairo_status_t st = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, err_size, "%s", cairo_status_to_string(st));
		return -1;
	}
	return p.pages;
}
