/* SPDX-License-Identifier: MIT */
/*
 * The plan's screens draw, headless, at 800x480 and 480x320: home (today's
 * plan, the streak), the exercise list, the rest, progress (the calendar
 * and an exercise's charts, drawn with cairo) and the profile chooser.
 * Each puts ink in both halves of the frame; the charts really are drawn
 * (bars where the days have reps, nothing where they have none); home's
 * tiles are apart and found where they are drawn; the text they set in
 * BC_TEXT_READ_PX has capitals at least BC_TEXT_CAP_MIN_PX tall at 800x480.
 *
 * With BC_APP_RENDER_PNG_DIR set, the frames are also saved there as PNG.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "app/app_plan.h"
#include "app/app_state.h"
#include "app/layout.h"
#include "app/render.h"
#include "app/screens.h"
#include "app/screenshot.h"
#include "chart/chart.h"
#include "support/app_canvas.h"
#include "support/test_support.h"

/* Pixels in rect close to colour c (the charts' marks are the app's green). */
static int colour_in(const bc_app_canvas *c, SDL_Rect r, SDL_Color want)
{
	const SDL_Surface *s = c->surface;
	int n = 0;
	for (int y = r.y; y < r.y + r.h && y < s->h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
		for (int x = r.x; x < r.x + r.w && x < s->w; x++) {
			Uint8 R, G, B;
			SDL_GetRGB(row[x], s->format, &R, &G, &B);
			if (abs(R - want.r) + abs(G - want.g) + abs(B - want.b) < 24)
				n++;
		}
	}
	return n;
}

static void maybe_save(const bc_app_canvas *c, const char *name)
{
	const char *dir = getenv("BC_APP_RENDER_PNG_DIR");
	if (!dir || !*dir)
		return;
	char path[512], err[256];
	snprintf(path, sizeof(path), "%s/%s-%dx%d.png", dir, name, c->surface->w, c->surface->h);
	assert_int_equal(bc_screenshot_save(c->renderer, c->surface->w, c->surface->h, path, err,
					    sizeof(err)),
			 0);
}

/*
 * Four weeks of a wearer who keeps going: the bridge on most days with a
 * hold growing from 2 s to 5 s and range from 18 to 26 degrees; the pelvic
 * tilt one set a day; a gap of three days in the middle; today half done.
 */
static void four_weeks(bc_app_state *s)
{
	bc_app_init(s, NULL);
	time_t now = 1780000000; /* a fixed day: the frames are the same every run */
	for (int d = 0; d < BC_APP_PROGRESS_DAYS; d++) {
		s->today.day_start_unix_s[d] = (int64_t)now - (int64_t)d * 86400;
		for (int e = 0; e < BC_EXERCISE_COUNT; e++)
			s->today.best_hold_s[d][e] = s->today.best_peak_deg[d][e] = NAN;
		if (d >= 12 && d <= 14)
			continue;
		int old = BC_APP_PROGRESS_DAYS - d;
		s->today.days.reps[d][BC_EXERCISE_BRIDGE] = d == 0 ? 10 : 16 + d % 5;
		s->today.best_hold_s[d][BC_EXERCISE_BRIDGE] = 2.0f + 3.0f * (float)old / 28.0f;
		s->today.best_peak_deg[d][BC_EXERCISE_BRIDGE] = 18.0f + 8.0f * (float)old / 28.0f;
		s->today.days.reps[d][BC_EXERCISE_PELVIC_TILT] = d == 0 ? 20 : 10;
		s->today.best_hold_s[d][BC_EXERCISE_PELVIC_TILT] = 10.5f;
		s->today.best_peak_deg[d][BC_EXERCISE_PELVIC_TILT] = 8.0f;
	}
	s->today.known = true;
	s->today.streak_days = 12;
	bc_app_plan_refresh(s);
}

typedef enum { HOME, HOME_DONE, EXERCISES, REST, NEXT_ITEM, CALENDAR, CHARTS, PROFILES } scene;

static const char *const scene_name[] = { "plan-home",	     "plan-home-done",
					  "exercises",	     "rest",
					  "rest-next-item",  "progress-calendar",
					  "progress-bridge", "profiles" };

static void state_for(bc_app_state *s, scene sc)
{
	four_weeks(s);
	s->profiles.n = 3;
	snprintf(s->profiles.name[0], BC_APP_PROFILE_NAME_MAX, "Me");
	snprintf(s->profiles.name[1], BC_APP_PROFILE_NAME_MAX, "Anna");
	snprintf(s->profiles.name[2], BC_APP_PROFILE_NAME_MAX, "Ben");
	s->profiles.current = 1;
	switch (sc) {
	case HOME:
		break;
	case HOME_DONE:
		for (int e = 0; e < s->plan.n; e++)
			s->today.days.reps[0][s->plan.entry[e].item.exercise] += 30;
		bc_app_plan_refresh(s);
		break;
	case EXERCISES:
		s->menu = BC_SCREEN_EXERCISES;
		s->home_selection = BC_EXERCISE_BRIDGE;
		break;
	case REST:
	case NEXT_ITEM: {
		/* REST: the bridge's first set (between sets); NEXT_ITEM: its last (cat-cow next). */
		if (sc == REST) {
			s->today.days.reps[0][BC_EXERCISE_BRIDGE] = 0;
			bc_app_plan_refresh(s);
		}
		bc_app_tick(s, 100);
		bc_app_plan_start(s, s->plan.next);
		bc_exercise_id ex = s->start_requested;
		s->start_requested = BC_EXERCISE_NONE;
		bc_app_begin_session(s, ex);
		bc_coach_view v = { .exercise = ex,
				    .stage = BC_CALIB_DONE,
				    .started = true,
				    .target_reps = s->session_target_reps,
				    .t_s = 10,
				    .phase_name = "" };
		bc_app_apply_view(s, &v, NULL);
		for (int i = 1; i <= s->session_target_reps; i++) {
			bc_coach_event e = { .type = BC_EVENT_REP, .t_s = 10 + i, .reps = i };
			bc_app_apply_event(s, &e);
		}
		assert_int_equal(s->plan_run.phase,
				 sc == REST ? BC_PLAN_RUN_REST : BC_PLAN_RUN_NEXT_ITEM);
		bc_app_tick(s, 112.4);
		break;
	}
	case CALENDAR:
		s->menu = BC_SCREEN_PROGRESS;
		break;
	case CHARTS:
		s->menu = BC_SCREEN_PROGRESS;
		while (bc_app_progress_exercise(s, s->progress_page) != BC_EXERCISE_BRIDGE)
			s->progress_page++;
		break;
	case PROFILES:
		s->menu = BC_SCREEN_PROFILES;
		s->profiles.selection = 2;
		break;
	}
	bc_app_tick(s, s->now_s);
}

static const bc_screen expected[] = { BC_SCREEN_HOME,	  BC_SCREEN_HOME,    BC_SCREEN_EXERCISES,
				      BC_SCREEN_REST,	  BC_SCREEN_REST,    BC_SCREEN_PROGRESS,
				      BC_SCREEN_PROGRESS, BC_SCREEN_PROFILES };

static void render_all_at(int w, int h)
{
	for (int sc = HOME; sc <= PROFILES; sc++) {
		bc_app_canvas c;
		bc_app_state s;
		bc_app_canvas_open_or_fail(&c, w, h);
		state_for(&s, (scene)sc);
		assert_int_equal(s.screen, expected[sc]);
		bc_render_frame(&c.draw, &s);
		maybe_save(&c, scene_name[sc]);
		if (!bc_app_canvas_halves_drawn(&c, bc_status_bar_h(&c.draw)))
			fail_msg("%s at %dx%d: a half of the screen is empty", scene_name[sc], w,
				 h);
		bc_app_canvas_close(&c);
	}
}

static void test_plan_screens_800x480(void **state)
{
	(void)state;
	render_all_at(800, 480);
}

static void test_plan_screens_480x320(void **state)
{
	(void)state;
	render_all_at(480, 320);
}

/*
 * The bridge's charts are drawn: its reps a day are green bars in the top
 * half, one per day with reps; with no history at all the page has none.
 */
static void test_progress_charts_show_the_days(void **state)
{
	(void)state;
	bc_app_canvas c;
	bc_app_canvas_open_or_fail(&c, 800, 480);
	bc_app_state s;
	state_for(&s, CHARTS);
	bc_render_frame(&c.draw, &s);
	SDL_Rect top = bc_design_rect(&c.draw, 8, 100, 784, 180);
	int green = colour_in(&c, top, bc_col_good);
	assert_true(green > 2000);

	for (int d = 0; d < BC_APP_PROGRESS_DAYS; d++)
		s.today.days.reps[d][BC_EXERCISE_BRIDGE] = 0;
	bc_render_frame(&c.draw, &s);
	assert_true(colour_in(&c, top, bc_col_good) < green / 10);
	bc_app_canvas_close(&c);
}

/* Rows of rect that hold any ink: the height of what is drawn there, pixels. */
static int ink_height(const bc_app_canvas *c, SDL_Rect r)
{
	int top = -1, bottom = -1;
	for (int y = r.y; y < r.y + r.h; y++) {
		SDL_Rect row = { r.x, y, r.w, 1 };
		if (bc_app_canvas_ink_in(c, row) > 0) {
			if (top < 0)
				top = y;
			bottom = y;
		}
	}
	return top < 0 ? 0 : bottom - top + 1;
}

/* BC_TEXT_READ_PX sets capitals at least BC_TEXT_CAP_MIN_PX tall at 800x480 (measured ink). */
static void test_read_size_has_27px_capitals(void **state)
{
	(void)state;
	bc_app_canvas c;
	bc_app_canvas_open_or_fail(&c, 800, 480);
	for (int style = 0; style < BC_FONT_STYLE_COUNT; style++) {
		SDL_SetRenderDrawColor(c.renderer, bc_col_bg.r, bc_col_bg.g, bc_col_bg.b, 255);
		SDL_RenderClear(c.renderer);
		SDL_Rect drawn = bc_draw_text(&c.draw, "H", BC_TEXT_READ_PX, (bc_font_style)style,
					      bc_col_text, 10, 10, BC_ALIGN_LEFT, BC_VALIGN_TOP, 0);
		int cap = ink_height(&c, drawn);
		if (cap < BC_TEXT_CAP_MIN_PX)
			fail_msg("capitals %d px tall, under %d", cap, BC_TEXT_CAP_MIN_PX);
	}
	bc_app_canvas_close(&c);
}

/* Home's four tiles: inside the frame, apart, found where they are drawn, at every size. */
static void test_home_tiles_apart_and_tappable(void **state)
{
	(void)state;
	const int sizes[][2] = { { 800, 480 }, { 480, 320 }, { 1920, 1080 } };
	for (int k = 0; k < 3; k++) {
		bc_app_canvas c;
		bc_app_canvas_open_or_fail(&c, sizes[k][0], sizes[k][1]);
		SDL_Rect frame = { 0, bc_status_bar_h(&c.draw), c.surface->w,
				   c.surface->h - bc_status_bar_h(&c.draw) };
		for (int i = 0; i < BC_HOME_TILE_COUNT; i++) {
			SDL_Rect r = bc_today_tile_rect(&c.draw, i), in;
			assert_true(SDL_IntersectRect(&r, &frame, &in) && SDL_RectEquals(&in, &r));
			for (int j = 0; j < i; j++) {
				SDL_Rect o = bc_today_tile_rect(&c.draw, j);
				assert_false(SDL_HasIntersection(&r, &o));
			}
			assert_int_equal(bc_today_tile_at(&c.draw, r.x + r.w / 2, r.y + r.h / 2),
					 i);
		}
		bc_app_canvas_close(&c);
	}
}

/*
 * A full plan of six items, with the longest titles: home must set every
 * title it shows at BC_TEXT_CAP_MIN_PX (at 800x480, and the same fraction
 * of the frame at 480x320), at every point of the day (each item next in
 * turn, then all done), never shrunk into two narrow columns.
 */
static void test_home_with_six_items_stays_readable(void **state)
{
	(void)state;
	static const bc_exercise_id six[BC_PLAN_MAX_ITEMS] = {
		BC_EXERCISE_SHOULDER_SQUEEZE, BC_EXERCISE_KNEE_TO_CHEST, BC_EXERCISE_DOWNWARD_DOG,
		BC_EXERCISE_CHILDS_POSE,      BC_EXERCISE_PELVIC_TILT,	 BC_EXERCISE_DEEP_SQUAT,
	};
	const int sizes[][2] = { { 800, 480 }, { 480, 320 } };
	for (int k = 0; k < 2; k++) {
		bc_app_canvas c;
		bc_app_canvas_open_or_fail(&c, sizes[k][0], sizes[k][1]);
		for (int done = 0; done <= BC_PLAN_MAX_ITEMS; done++) {
			bc_app_state s;
			bc_app_init(&s, NULL);
			s.today.known = true;
			for (int i = 0; i < BC_PLAN_MAX_ITEMS; i++) {
				s.plan_settings.items[i] = (bc_plan_item){
					.exercise = six[i], .sets = 1, .reps = 5, .rest_s = 30
				};
				if (i < done) /* the first items done today */
					s.today.days.reps[0][six[i]] = 5;
			}
			bc_app_plan_refresh(&s);
			assert_int_equal(s.plan.n, BC_PLAN_MAX_ITEMS);
			bc_text_audit audit;
			bc_text_audit_clear(&audit);
			c.draw.audit = &audit;
			bc_render_frame(&c.draw, &s);
			c.draw.audit = NULL;
			if (done == 2)
				maybe_save(&c, "plan-home-six");
			if (audit.min_cap_px < bc_draw_cap_min_px(&c.draw))
				fail_msg("six items, %d done, at %dx%d: '%s' has %d px capitals, "
					 "under %d",
					 done, c.surface->w, c.surface->h, audit.smallest,
					 audit.min_cap_px, bc_draw_cap_min_px(&c.draw));
		}
		bc_app_canvas_close(&c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_screens_800x480),
		cmocka_unit_test(test_plan_screens_480x320),
		cmocka_unit_test(test_progress_charts_show_the_days),
		cmocka_unit_test(test_read_size_has_27px_capitals),
		cmocka_unit_test(test_home_tiles_apart_and_tappable),
		cmocka_unit_test(test_home_with_six_items_stays_readable),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	bc_chart_release_fonts(); /* the progress charts' text: every allocation returned */
	return failed;
}
