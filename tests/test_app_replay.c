/* SPDX-License-Identifier: MIT */
/*
 * A whole recorded session driven through the coach app ends with the same
 * counts on screen as `backcoach replay --json` gives for that trace.
 *
 *  - in-process: the app's own loop (pipeline thread, reducer, renderer on
 *    a surface) runs the trace as fast as it can, losslessly; the counts are
 *    read from the state the app drew its last frame from;
 *  - the real command: `backcoach run --trace FILE --speed 1000 --offscreen
 *    --screenshot F.png`; the summary's big figures in the PNG must be pixel
 *    for pixel what the renderer draws for replay's numbers (and differ
 *    clearly from what it draws for one more), so the pixels are checked,
 *    not a copy of the replay's numbers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>

#include "app/app_run.h"
#include "app/draw.h"
#include "app/render.h"
#include "app/screens.h"
#include "app/trace_source.h"
#include "coach/exercise_table.h"
#include "support/app_canvas.h"
#include "support/mini_json.h"
#include "support/run_command.h"
#include "support/test_support.h"

typedef struct {
	char exercise[32];
	int reps, rejected;
} replay_counts;

static const char *const traces[] = {
	"../host/data/demo-bridge.csv.gz", "traces/bridge-mixed.csv.gz",
	"traces/cat-cow-mixed.csv.gz",	   "traces/pelvic-tilt-mixed.csv.gz",
	"traces/posture-mixed.csv.gz",
};
#define N_TRACES (sizeof(traces) / sizeof(traces[0]))

static const char *trace_path(size_t i, char *buf, size_t size)
{
	return bc_test_path(traces[i], buf, size);
}

/* `backcoach replay --json`, parsed. */
static void replay(const char *path, replay_counts *out)
{
	bc_test_output o;
	const char *argv[] = { bc_test_backcoach(), "replay", "--json", path, NULL };
	assert_int_equal(bc_test_run(argv, &o), 0);
	char err[256];
	bc_test_json_value *v = bc_test_json_parse(o.out, err, sizeof(err));
	if (!v)
		fail_msg("replay --json: %s", err);
	const bc_test_json_value *ex = bc_test_json_get(v, "exercise");
	const bc_test_json_value *reps = bc_test_json_get(v, "reps");
	const bc_test_json_value *rej = bc_test_json_get(v, "rejected");
	assert_non_null(ex);
	assert_non_null(reps);
	assert_non_null(rej);
	snprintf(out->exercise, sizeof(out->exercise), "%s", ex->string);
	out->reps = (int)reps->number;
	out->rejected = (int)rej->number;
	bc_test_json_free(v);
	bc_test_output_free(&o);
}

/* In-process */

static bc_sample_source *open_trace(void *ctx, bc_exercise_id exercise, char *err, size_t err_size)
{
	(void)exercise;
	bc_trace_source_config tc = { .path = ctx, .speed = 0 };
	return bc_trace_source_open(&tc, err, err_size);
}

static void test_app_state_matches_replay(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_TRACES; i++) {
		char path[512];
		replay_counts want;
		trace_path(i, path, sizeof(path));
		replay(path, &want);

		char err[512];
		bc_trace_source_config tc = { .path = path };
		bc_sample_source *probe = bc_trace_source_open(&tc, err, sizeof(err));
		if (!probe)
			fail_msg("%s", err);
		bc_exercise_id ex = bc_trace_source_exercise(probe);
		float hold_s = bc_trace_source_hold_s(probe);
		bc_source_close(probe);

		bc_app_state final;
		bc_app_config cfg = {
			.open_source = open_trace,
			.source_ctx = path,
			.replay = true,
			.lossless = true,
			.start_exercise = ex,
			.display = BC_APP_DISPLAY_SURFACE,
			.quit_when_done = true,
			.quit_after_s = 60, /* a hang fails rather than blocks */
			.final_state = &final,
		};
		bc_coach_settings_init(&cfg.settings);
		if (hold_s > 0 && cfg.settings.hold_s[ex] > 0)
			cfg.settings.hold_s[ex] = hold_s;
		assert_int_equal(bc_app_run(&cfg), 0);

		assert_string_equal(bc_exercise_info_get(final.exercise)->name, want.exercise);
		assert_int_equal(final.screen, BC_SCREEN_SUMMARY);
		assert_true(final.session_over);
		if (final.view.reps != want.reps || final.view.rejected != want.rejected)
			fail_msg("%s: app shows %d reps, %d rejected; replay --json says %d, %d",
				 traces[i], final.view.reps, final.view.rejected, want.reps,
				 want.rejected);
		/* The summary's reasons add up to what the counter says. */
		int by_reason = 0;
		for (int r = 0; r < BC_REJECT_COUNT; r++)
			by_reason += final.tally.events.rejected_by_reason[r];
		assert_int_equal(by_reason, want.rejected);
	}
}

/* The real command, checked by its pixels */

/* The summary frame as the renderer draws it for these counts. */
static void draw_summary(bc_app_canvas *c, bc_exercise_id ex, int reps, int rejected)
{
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_begin_session(&s, ex);
	bc_coach_event e = { .type = BC_EVENT_SUMMARY, .reps = reps, .rejected = rejected };
	bc_app_apply_event(&s, &e);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	bc_render_frame(&c->draw, &s);
}

/* Pixels of rect that differ (by more than rounding) between a and b. */
static int differing(SDL_Surface *a, SDL_Surface *b, SDL_Rect r)
{
	int n = 0;
	for (int y = r.y; y < r.y + r.h; y++) {
		const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
		const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch);
		for (int x = r.x; x < r.x + r.w; x++) {
			Uint8 r1, g1, b1, r2, g2, b2;
			SDL_GetRGB(ra[x], a->format, &r1, &g1, &b1);
			SDL_GetRGB(rb[x], b->format, &r2, &g2, &b2);
			n += abs(r1 - r2) + abs(g1 - g2) + abs(b1 - b2) > 24;
		}
	}
	return n;
}

static void test_screenshot_shows_replay_counts(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_TRACES; i++) {
		char path[512], png[600];
		replay_counts want;
		trace_path(i, path, sizeof(path));
		replay(path, &want);
		snprintf(png, sizeof(png), "%s/run-%zu.png", bc_test_tmpdir(), i);

		bc_test_output o;
		const char *argv[] = {
			bc_test_backcoach(), "run",	     "--trace", path, "--speed", "1000",
			"--offscreen",	     "--screenshot", png,	NULL
		};
		int rc = bc_test_run(argv, &o);
		if (rc != 0)
			fail_msg("backcoach run exited %d: %s", rc, o.err);
		bc_test_output_free(&o);

		SDL_Surface *loaded = IMG_Load(png);
		if (!loaded)
			fail_msg("%s: %s", png, IMG_GetError());
		SDL_Surface *shot = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
		SDL_FreeSurface(loaded);
		assert_non_null(shot);
		assert_int_equal(shot->w, 800);
		assert_int_equal(shot->h, 480);

		bc_exercise_id ex = bc_exercise_from_name(want.exercise);
		bc_app_canvas same, more;
		bc_app_canvas_open_or_fail(&same, 800, 480);
		bc_app_canvas_open_or_fail(&more, 800, 480);
		draw_summary(&same, ex, want.reps, want.rejected);
		int figures = ex == BC_EXERCISE_POSTURE ? 1 : 2;
		for (int f = 0; f < figures; f++) {
			SDL_Rect r = bc_summary_figure_rect(&same.draw, f);
			draw_summary(&more, ex, want.reps + (f == 0), want.rejected + (f == 1));
			int off = differing(shot, same.surface, r);
			int off_by_one = differing(shot, more.surface, r);
			if (off > r.w * r.h / 200 || off_by_one < r.w * r.h / 50)
				fail_msg("%s: figure %d: %d pixels differ from replay's count %d, "
					 "%d from one more",
					 traces[i], f, off, f ? want.rejected : want.reps,
					 off_by_one);
		}
		bc_app_canvas_close(&same);
		bc_app_canvas_close(&more);
		SDL_FreeSurface(shot);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_app_state_matches_replay),
		cmocka_unit_test(test_screenshot_shows_replay_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
