/* SPDX-License-Identifier: MIT */
/*
 * Progress, page by page (NEXT turns, SELECT goes home): first a calendar
 * of the last four weeks with the days done (a counted rep), then one page
 * per exercise with its counted reps a day (against the plan's day; the
 * dates a week apart under it, back from today), its best hold a day
 * (against the hold asked for) and its furthest range.
 *
 * The charts are host/chart's, drawn with cairo into an image surface the
 * size of the frame's chart area and shown as a texture; text in them is
 * BC_TEXT_READ_PX design px like everything else read from the floor.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "app/app_plan.h"
#include "app/layout.h"
#include "chart/chart.h"
#include "coach/exercise_table.h"

#define DAYS BC_APP_PROGRESS_DAYS

/* The chart style of the screen at this frame's scale, in the app's colours. */
static bc_chart_style screen_style(const bc_draw *d)
{
	bc_chart_style st = bc_chart_style_screen;
	st.font_px = BC_TEXT_READ_PX * d->k;
	st.title_px = BC_TEXT_READ_PX * d->k;
	st.line_w = 3.0 * d->k;
	st.fill_background = true;
	st.background = (bc_chart_rgb){ bc_col_bg.r / 255.0, bc_col_bg.g / 255.0,
					bc_col_bg.b / 255.0 };
	st.mark = (bc_chart_rgb){ bc_col_good.r / 255.0, bc_col_good.g / 255.0,
				  bc_col_good.b / 255.0 };
	st.target = (bc_chart_rgb){ bc_col_hold.r / 255.0, bc_col_hold.g / 255.0,
				    bc_col_hold.b / 255.0 };
	return st;
}

/* What one page draws with cairo into its area (origin at the area's corner). */
typedef void (*page_fn)(cairo_t *cr, double w, double h, const bc_draw *d, const bc_app_state *s,
			bc_exercise_id ex);

/*
 * Runs fn on a cairo image surface of area's size and copies it onto the
 * frame: a texture made from the pixels cairo drew (ARGB32 is SDL's
 * ARGB8888 in memory), drawn once and freed.
 */
static void draw_with_cairo(const bc_draw *d, SDL_Rect area, page_fn fn, const bc_app_state *s,
			    bc_exercise_id ex)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, area.w, area.h);
	cairo_t *cr = cairo_create(img);
	fn(cr, area.w, area.h, d, s, ex);
	cairo_surface_flush(img);
	if (cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
		SDL_Surface *pix = SDL_CreateRGBSurfaceWithFormatFrom(
			cairo_image_surface_get_data(img), area.w, area.h, 32,
			cairo_image_surface_get_stride(img), SDL_PIXELFORMAT_ARGB8888);
		SDL_Texture *tex = pix ? SDL_CreateTextureFromSurface(d->r, pix) : NULL;
		if (tex)
			SDL_RenderCopy(d->r, tex, NULL, &area);
		SDL_DestroyTexture(tex);
		SDL_FreeSurface(pix);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(img);
}

/* The calendar: days with a counted rep (any exercise), weeks as rows. */
static void calendar_page(cairo_t *cr, double w, double h, const bc_draw *d, const bc_app_state *s,
			  bc_exercise_id ex)
{
	(void)ex;
	bool done[DAYS];
	int mday[DAYS];
	int first_weekday = 0;
	for (int i = 0; i < DAYS; i++) {
		int back = DAYS - 1 - i;
		done[i] = false;
		for (int e = 0; e < BC_EXERCISE_COUNT; e++)
			done[i] |= e != BC_EXERCISE_POSTURE && s->today.days.reps[back][e] > 0;
		time_t t = (time_t)s->today.day_start_unix_s[back];
		struct tm tm;
		localtime_r(&t, &tm);
		mday[i] = tm.tm_mday;
		if (i == 0)
			first_weekday = (tm.tm_wday + 6) % 7; /* Monday first */
	}
	bc_chart_calendar c = { .title = NULL,
				.done = done,
				.day_of_month = mday,
				.n = DAYS,
				.first_weekday = first_weekday,
				.today = DAYS - 1 };
	bc_chart_style st = screen_style(d);
	bc_chart_draw_calendar(cr, (bc_chart_box){ 0, 0, w, h }, &c, &st);
}

/* The plan's day for ex (sets x reps), NAN when ex is not in the plan. */
static float plan_day_reps(const bc_app_state *s, bc_exercise_id ex, float *hold_s)
{
	*hold_s = NAN;
	for (int i = 0; i < s->plan.n; i++) {
		const bc_plan_item *it = &s->plan.entry[i].item;
		if (it->exercise == ex) {
			if (it->hold_s > 0)
				*hold_s = it->hold_s;
			return (float)(it->sets * it->reps);
		}
	}
	return NAN;
}

/*
 * The days under the reps chart: the date ("15 Nov"), "Today" for the last;
 * the chart draws them a week apart.
 */
static void day_labels(const bc_app_state *s, char text[DAYS][16], const char *labels[DAYS])
{
	for (int i = 0; i < DAYS; i++) {
		time_t t = (time_t)s->today.day_start_unix_s[DAYS - 1 - i];
		struct tm tm;
		if (i == DAYS - 1 || !localtime_r(&t, &tm) || !strftime(text[i], 16, "%-d %b", &tm))
			snprintf(text[i], 16, "%s", i == DAYS - 1 ? "Today" : "");
		labels[i] = text[i];
	}
}

/* One exercise: reps a day across the top, best hold and furthest range below. */
static void exercise_page(cairo_t *cr, double w, double h, const bc_draw *d, const bc_app_state *s,
			  bc_exercise_id ex)
{
	float reps[DAYS], hold[DAYS], peak[DAYS];
	bool any_hold = false;
	for (int i = 0; i < DAYS; i++) {
		int back = DAYS - 1 - i, n = s->today.days.reps[back][ex];
		reps[i] = (float)n;
		hold[i] = n > 0 ? s->today.best_hold_s[back][ex] : NAN;
		peak[i] = n > 0 ? s->today.best_peak_deg[back][ex] : NAN;
		any_hold |= isfinite(hold[i]) && hold[i] > 0;
	}
	float hold_target_s;
	float day_target = plan_day_reps(s, ex, &hold_target_s);
	bc_chart_style st = screen_style(d);
	double gap = 16 * d->k, top_h = h * 0.56; /* the reps have the dates below */
	char label_text[DAYS][16];
	const char *labels[DAYS];
	day_labels(s, label_text, labels);
	bc_chart_series r = { .title = "Counted reps a day",
			      .values = reps,
			      .n = DAYS,
			      .labels = labels,
			      .label_every = 7,
			      .target = day_target };
	bc_chart_draw_bars(cr, (bc_chart_box){ 0, 0, w, top_h - gap / 2 }, &r, &st);
	bc_chart_box left = { 0, top_h + gap / 2, (w - gap) / 2, h - top_h - gap / 2 };
	bc_chart_box right = { left.w + gap, left.y, left.w, left.h };
	if (any_hold) {
		bc_chart_series hs = { .title = "Best hold",
				       .unit = " s",
				       .values = hold,
				       .n = DAYS,
				       .target = hold_target_s };
		bc_chart_draw_lines(cr, left, &hs, &st);
	} else {
		right = (bc_chart_box){ 0, left.y, w, left.h }; /* no hold: range alone */
	}
	bc_chart_series ps = {
		.title = "Range", .unit = "\xc2\xb0", .values = peak, .n = DAYS, .target = NAN
	};
	bc_chart_draw_lines(cr, right, &ps, &st);
}

void bc_render_progress(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	int pages = bc_app_progress_pages(s), page = s->progress_page;
	if (page < 0 || page >= pages)
		page = 0;
	bc_exercise_id ex = bc_app_progress_exercise(s, page);
	const bc_exercise_info *info = bc_exercise_info_get(ex);

	SDL_Rect head = bc_design_rect(d, 16, 48, 768, 46);
	char title[96], pager[32];
	snprintf(title, sizeof(title), "%s: 4 weeks", info ? info->title : "Days done");
	snprintf(pager, sizeof(pager), "%d/%d \xe2\x96\xb6", page + 1, pages);
	bc_draw_text(d, title, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, head.x,
		     head.y + head.h / 2, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w * 75 / 100);
	bc_draw_text(d, pager, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_info, head.x + head.w,
		     head.y + head.h / 2, BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, head.w * 24 / 100);

	if (info) {
		draw_with_cairo(d, bc_design_rect(d, 8, 100, 784, 374), exercise_page, s, ex);
		return;
	}
	draw_with_cairo(d, bc_design_rect(d, 8, 100, 470, 374), calendar_page, s, ex);
	/* Beside the calendar: the days done of the four weeks and the streak. */
	int done = 0;
	for (int back = 0; back < DAYS; back++) {
		bool any = false;
		for (int e = 0; e < BC_EXERCISE_COUNT; e++)
			any |= e != BC_EXERCISE_POSTURE && s->today.days.reps[back][e] > 0;
		done += any;
	}
	SDL_Rect col = bc_design_rect(d, 500, 150, 284, 300);
	char line[64];
	snprintf(line, sizeof(line), "%d of %d", done, DAYS);
	bc_draw_text(d, line, BC_TEXT_READ_PX + 10, BC_FONT_BOLD, bc_col_good, col.x, col.y,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	bc_draw_text(d, "days done", BC_TEXT_READ_PX, BC_FONT_REGULAR, bc_col_text, col.x,
		     col.y + bc_dp(d, 54), BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	if (s->today.known) {
		snprintf(line, sizeof(line), "Streak: %d", s->today.streak_days);
		bc_draw_text(d, line, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, col.x,
			     col.y + bc_dp(d, 140), BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	}
}
