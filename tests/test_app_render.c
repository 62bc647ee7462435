/* SPDX-License-Identifier: MIT */
/*
 * Every screen of the coach app renders, headless, at the 7" display's
 * 800x480 and the small 480x320, and draws something where its widgets
 * should be (the new exercises' screens too: per side, depth, pace); the
 * home tiles' titles keep their capital height. Renders into an SDL software renderer on a plain surface, so no
 * display or video driver is needed.
 *
 * With BC_APP_RENDER_PNG_DIR set, the frames are also saved there as PNG.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "app/app_state.h"
#include "app/draw.h"
#include "app/layout.h"
#include "app/render.h"
#include "app/screens.h"
#include "app/screenshot.h"
#include "app/side_words.h"
#include "coach/exercise_table.h"
#include "support/app_canvas.h"
#include "support/test_support.h"

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

/* What the new exercises' views carry: sides, depth, the pace (detector.h). */
static void new_exercise_view(bc_coach_view *v, bc_exercise_id ex)
{
	if (ex == BC_EXERCISE_KNEE_TO_CHEST || ex == BC_EXERCISE_LAT_STRETCH ||
	    ex == BC_EXERCISE_CROSSOVER) {
		v->side = BC_SIDE_RIGHT;
		v->side_reps[BC_SIDE_LEFT] = 4;
		v->side_reps[BC_SIDE_RIGHT] = 3;
	}
	if (ex == BC_EXERCISE_DEEP_SQUAT) {
		v->gauge_kind = BC_GAUGE_DEPTH;
		v->depth_cm = 34;
		v->depth_target_cm = 30;
	}
	if (ex == BC_EXERCISE_SHOULDER_SQUEEZE) {
		v->gauge_kind = BC_GAUGE_PACE;
		v->pace_phase = BC_PACE_SQUEEZE;
		v->pace_s = 2.2f;
		v->pace_phase_s = 5;
		v->gauge_deg = 3;
		v->zone_min_deg = -10;
		v->zone_max_deg = 10;
	}
}

/* A state as it looks mid-session: counts, a hold in progress, feedback. */
static void mid_session(bc_app_state *s, bc_exercise_id ex)
{
	bc_app_init(s, NULL);
	bc_app_begin_session(s, ex);
	bc_app_source_info src = { .status = BC_SOURCE_REPLAYING, .rate_hz = 100, .demo = true };
	snprintf(src.description, sizeof(src.description), "DEMO: test");
	bc_coach_view v = { .exercise = ex,
			    .stage = BC_CALIB_DONE,
			    .started = true,
			    .gauge_deg = 18,
			    .zone_min_deg = 15,
			    .zone_max_deg = 40,
			    .phase_name = "hold",
			    .holding = true,
			    .hold_s = 1.2f,
			    .hold_target_s = 2,
			    .reps = 7,
			    .rejected = 2,
			    .target_reps = 10,
			    .t_s = 95 };
	if (ex == BC_EXERCISE_POSTURE) {
		v.gauge_deg = 14;
		v.zone_min_deg = -10;
		v.zone_max_deg = 10;
		v.reps = 2;
		v.rejected = 0;
	}
	new_exercise_view(&v, ex);
	bc_app_tick(s, 10);
	bc_app_apply_view(s, &v, &src);
	bc_coach_event e = { .type = BC_EVENT_REJECTED,
			     .t_s = 90,
			     .reason = BC_REJECT_HOLD_TOO_SHORT,
			     .hold_s = 0.8f,
			     .hold_target_s = 2,
			     .rejected = 2 };
	bc_app_apply_event(s, &e);
	for (int i = 0; i < 3 && v.side != BC_SIDE_NONE; i++) { /* reps on both sides */
		bc_coach_event rep = { .type = BC_EVENT_REP,
				       .t_s = 91 + i,
				       .hold_s = 15.5f,
				       .side = i % 2 ? BC_SIDE_RIGHT : BC_SIDE_LEFT,
				       .reps = v.reps };
		bc_app_apply_event(s, &rep);
	}
}

/* State showing screen sc, built through the reducer as the app would. */
static void state_for(bc_app_state *s, bc_screen sc, bc_exercise_id ex, int variant)
{
	switch (sc) {
	case BC_SCREEN_HOME:
		bc_app_init(s, NULL);
		s->today = (bc_app_today){ .known = true, .reps_today = 14, .streak_days = 3 };
		bc_app_apply_action(s, BC_ACTION_NEXT);
		break;
	case BC_SCREEN_CALIBRATION: {
		bc_app_init(s, NULL);
		bc_app_begin_session(s, ex);
		bc_coach_view v = { .exercise = ex,
				    .stage = variant ? BC_CALIB_GO_TO_START : BC_CALIB_STAND,
				    .stage_progress = 0.6f,
				    .target_reps = 10,
				    .t_s = 5,
				    .phase_name = "" };
		bc_app_source_info src = { .status = BC_SOURCE_CONNECTED, .rate_hz = 100 };
		bc_app_apply_view(s, &v, &src);
		break;
	}
	case BC_SCREEN_EXERCISE:
	case BC_SCREEN_POSTURE:
		mid_session(s, ex);
		break;
	case BC_SCREEN_PLUG_IN: /* the boot service with no sensor */
		bc_app_init(s, NULL);
		s->kiosk = true;
		bc_app_wait_for_sensor(s, "i2c-1: 0x68 no answer, 0x69 no answer, 0x6a no answer, "
					  "0x6b no answer");
		break;
	case BC_SCREEN_EXERCISES:
	case BC_SCREEN_REST:
	case BC_SCREEN_PROGRESS:
	case BC_SCREEN_PROFILES:
		bc_app_init(s, NULL); /* drawn with their contents in test_app_plan_render.c */
		s->menu = sc;
		bc_app_tick(s, 0);
		break;
	case BC_SCREEN_SUMMARY:
	case BC_SCREEN_COUNT: {
		mid_session(s, ex);
		bc_coach_event e = { .type = variant ? BC_EVENT_SET_DONE : BC_EVENT_SUMMARY,
				     .t_s = 120,
				     .reps = s->view.reps,
				     .rejected = s->view.rejected };
		bc_app_apply_event(s, &e);
		break;
	}
	}
	assert_int_equal(s->screen, sc);
}

typedef struct {
	const char *name;
	bc_screen screen;
	bc_exercise_id exercise;
	int variant;
} scenario;

/* Every screen, and the variants that draw differently. */
static const scenario scenarios[] = {
	{ "home", BC_SCREEN_HOME, BC_EXERCISE_NONE, 0 },
	{ "calibration-stand", BC_SCREEN_CALIBRATION, BC_EXERCISE_BRIDGE, 0 },
	{ "calibration-start", BC_SCREEN_CALIBRATION, BC_EXERCISE_CAT_COW, 1 },
	{ "exercise-bridge", BC_SCREEN_EXERCISE, BC_EXERCISE_BRIDGE, 0 },
	{ "exercise-cat-cow", BC_SCREEN_EXERCISE, BC_EXERCISE_CAT_COW, 0 },
	{ "posture", BC_SCREEN_POSTURE, BC_EXERCISE_POSTURE, 0 },
	{ "plug-in", BC_SCREEN_PLUG_IN, BC_EXERCISE_NONE, 0 },
	{ "summary-session", BC_SCREEN_SUMMARY, BC_EXERCISE_BRIDGE, 0 },
	{ "summary-set", BC_SCREEN_SUMMARY, BC_EXERCISE_PELVIC_TILT, 1 },
	{ "summary-posture", BC_SCREEN_SUMMARY, BC_EXERCISE_POSTURE, 0 },
	{ "calibration-standing", BC_SCREEN_CALIBRATION, BC_EXERCISE_DEEP_SQUAT, 1 },
	{ "exercise-knee-to-chest", BC_SCREEN_EXERCISE, BC_EXERCISE_KNEE_TO_CHEST, 0 },
	{ "exercise-deep-squat", BC_SCREEN_EXERCISE, BC_EXERCISE_DEEP_SQUAT, 0 },
	{ "exercise-crossover", BC_SCREEN_EXERCISE, BC_EXERCISE_CROSSOVER, 0 },
	{ "exercise-shoulder-squeeze", BC_SCREEN_EXERCISE, BC_EXERCISE_SHOULDER_SQUEEZE, 0 },
	{ "summary-lat-stretch", BC_SCREEN_SUMMARY, BC_EXERCISE_LAT_STRETCH, 0 },
};

static void render_all_at(int w, int h)
{
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		const scenario *sc = &scenarios[i];
		bc_app_canvas c;
		bc_app_state s;
		bc_app_canvas_open_or_fail(&c, w, h);
		state_for(&s, sc->screen, sc->exercise, sc->variant);
		bc_render_frame(&c.draw, &s);
		maybe_save(&c, sc->name);

		/* The status bar is drawn on every screen. */
		SDL_Rect bar = { 0, 0, w, bc_status_bar_h(&c.draw) };
		assert_true(bc_app_canvas_ink_in(&c, bar) > w * bar.h / 2);
		/* Something big is drawn in each half of the screen below it. */
		if (!bc_app_canvas_halves_drawn(&c, bar.h))
			fail_msg("%s at %dx%d: a half of the screen is empty", sc->name, w, h);
		bc_app_canvas_close(&c);
	}
}

static void test_every_screen_800x480(void **state)
{
	(void)state;
	render_all_at(800, 480);
}

static void test_every_screen_480x320(void **state)
{
	(void)state;
	render_all_at(480, 320);
}

static void test_every_screen_1920x1080(void **state)
{
	(void)state;
	render_all_at(1920, 1080);
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

/*
 * Every home tile's title reads from 2 m: set at 800x480, a capital H in its
 * font is at least BC_HOME_TITLE_CAP_MIN_PX tall (measured in the pixels
 * drawn, not taken from the font's metrics), and every line fits its tile
 * without shrinking, at 800x480 and at 480x320.
 */
static void test_home_titles_read_from_2m(void **state)
{
	(void)state;
	const int sizes[][2] = { { 800, 480 }, { 480, 320 } };
	for (int k = 0; k < 2; k++) {
		bc_app_canvas c;
		bc_app_canvas_open_or_fail(&c, sizes[k][0], sizes[k][1]);
		for (int i = 0; i < BC_EXERCISE_COUNT; i++) {
			const char *title = bc_exercise_info_get(i)->title;
			SDL_Rect tile = bc_home_tile_rect(&c.draw, i);
			bc_home_title t;
			bc_home_title_layout(&c.draw, title, tile, &t);
			for (int n = 0; n < t.n; n++) {
				int w;
				bc_text_measure(c.draw.text, t.line[n], t.px, BC_FONT_BOLD, &w,
						NULL);
				if (w > tile.w)
					fail_msg("'%s' at %dx%d: '%s' is %d px in a %d px tile",
						 title, c.surface->w, c.surface->h, t.line[n], w,
						 tile.w);
			}
			if (k > 0)
				continue;
			SDL_SetRenderDrawColor(c.renderer, bc_col_bg.r, bc_col_bg.g, bc_col_bg.b,
					       255);
			SDL_RenderClear(c.renderer);
			SDL_Rect drawn = bc_text_draw(c.draw.text, "H", t.px, BC_FONT_BOLD,
						      bc_col_text, 10, 10, BC_ALIGN_LEFT,
						      BC_VALIGN_TOP, 0);
			int cap = ink_height(&c, drawn);
			if (cap < BC_HOME_TITLE_CAP_MIN_PX)
				fail_msg("'%s': capitals %d px tall at 800x480, under %d", title,
					 cap, BC_HOME_TITLE_CAP_MIN_PX);
		}
		bc_app_canvas_close(&c);
	}
}

/* Every exercise has a tile of its own, inside the frame, found where it is drawn. */
static void test_home_tiles_apart_and_tappable(void **state)
{
	(void)state;
	const int sizes[][2] = { { 800, 480 }, { 480, 320 }, { 1920, 1080 } };
	for (int k = 0; k < 3; k++) {
		bc_app_canvas c;
		bc_app_canvas_open_or_fail(&c, sizes[k][0], sizes[k][1]);
		SDL_Rect frame = { 0, bc_status_bar_h(&c.draw), c.surface->w,
				   c.surface->h - bc_status_bar_h(&c.draw) };
		for (int i = 0; i < BC_EXERCISE_COUNT; i++) {
			SDL_Rect r = bc_home_tile_rect(&c.draw, i), in;
			assert_true(SDL_IntersectRect(&r, &frame, &in) && SDL_RectEquals(&in, &r));
			for (int j = 0; j < i; j++) {
				SDL_Rect o = bc_home_tile_rect(&c.draw, j);
				assert_false(SDL_HasIntersection(&r, &o));
			}
			assert_int_equal(bc_home_tile_at(&c.draw, r.x + r.w / 2, r.y + r.h / 2), i);
		}
		bc_app_canvas_close(&c);
	}
}

/* The counter's digits are really drawn: 7 and 8 give different pixels there. */
static void test_counter_shows_the_count(void **state)
{
	(void)state;
	bc_app_canvas a, b;
	bc_app_state s;
	bc_app_canvas_open_or_fail(&a, 800, 480);
	bc_app_canvas_open_or_fail(&b, 800, 480);
	mid_session(&s, BC_EXERCISE_BRIDGE);
	bc_render_frame(&a.draw, &s);
	s.view.reps = 8;
	bc_render_frame(&b.draw, &s);
	SDL_Rect counter = bc_exercise_counter_rect(&a.draw);
	int diff = 0;
	for (int y = counter.y; y < counter.y + counter.h; y++) {
		const Uint32 *ra = (const Uint32 *)((Uint8 *)a.surface->pixels +
						    y * a.surface->pitch);
		const Uint32 *rb = (const Uint32 *)((Uint8 *)b.surface->pixels +
						    y * b.surface->pitch);
		for (int x = counter.x; x < counter.x + counter.w; x++)
			diff += ra[x] != rb[x];
	}
	assert_true(diff > 500);
	bc_app_canvas_close(&a);
	bc_app_canvas_close(&b);
}

/* The words for one-sided exercises: the counts per side, the side asked for. */
static void test_side_words(void **state)
{
	(void)state;
	char buf[64];
	const int reps[BC_SIDE_COUNT] = { 0, 4, 3 };
	assert_string_equal(bc_app_side_counts(reps, 10, buf, sizeof(buf)),
			    "Left 4/5 \xc2\xb7 Right 3/5");
	assert_string_equal(bc_app_side_counts(reps, 0, buf, sizeof(buf)),
			    "Left 4 \xc2\xb7 Right 3");
	assert_string_equal(
		bc_app_side_name(BC_EXERCISE_KNEE_TO_CHEST, BC_SIDE_LEFT, buf, sizeof(buf)),
		"LEFT LEG");
	assert_string_equal(
		bc_app_side_name(BC_EXERCISE_LAT_STRETCH, BC_SIDE_RIGHT, buf, sizeof(buf)),
		"RIGHT ARM");
	assert_string_equal(
		bc_app_side_name(BC_EXERCISE_CROSSOVER, BC_SIDE_RIGHT, buf, sizeof(buf)),
		"RIGHT LEG");
	assert_string_equal(bc_app_side_name(BC_EXERCISE_CROSSOVER, BC_SIDE_NONE, buf, sizeof(buf)),
			    "");
	assert_string_equal(bc_app_side_name(BC_EXERCISE_BRIDGE, BC_SIDE_LEFT, buf, sizeof(buf)),
			    "");
	assert_true(bc_app_per_side(BC_EXERCISE_CROSSOVER));
	assert_false(bc_app_per_side(BC_EXERCISE_DEEP_SQUAT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_screen_800x480),
		cmocka_unit_test(test_every_screen_480x320),
		cmocka_unit_test(test_every_screen_1920x1080),
		cmocka_unit_test(test_counter_shows_the_count),
		cmocka_unit_test(test_home_titles_read_from_2m),
		cmocka_unit_test(test_home_tiles_apart_and_tappable),
		cmocka_unit_test(test_side_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
