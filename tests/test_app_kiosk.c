/* SPDX-License-Identifier: MIT */
/*
 * The boot service's rules in the app (run --kiosk): quitting means home,
 * never a black screen; with no sensor the plug-in screen stays up, a tap
 * opens the demo and BACK returns to it; outside the kiosk q still quits.
 * And the plug-in screen draws what the probe found.
 */
#include "support/app_canvas.h"
#include "support/test_support.h"

#include <stdlib.h>
#include <string.h>

#include "app/app_state.h"
#include "app/layout.h"
#include "app/render.h"
#include "app/screens.h"
#include "app/screenshot.h"

#define PROBED "i2c-1: 0x68 no answer, 0x69 no answer, 0x6a no answer, 0x6b no answer"

static void kiosk_state(bc_app_state *s)
{
	bc_app_init(s, NULL);
	s->kiosk = true;
}

/* q or Esc on home, or a window-manager quit mapped to QUIT: nothing quits. */
static void test_kiosk_quit_goes_home_never_out(void **state)
{
	bc_app_state s;
	kiosk_state(&s);
	bc_app_apply_action(&s, BC_ACTION_QUIT);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_false(s.quit_requested);
	assert_int_equal(s.screen, BC_SCREEN_HOME);

	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	assert_int_equal(s.screen, BC_SCREEN_CALIBRATION);
	bc_app_apply_action(&s, BC_ACTION_QUIT);
	assert_false(s.quit_requested);
	assert_int_equal(s.exercise, BC_EXERCISE_NONE); /* the session ends: home */
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	bc_app_apply_action(&s, BC_ACTION_MUTE);
	assert_true(s.muted);
}

/* Outside the kiosk nothing changed: q quits, Esc on home quits. */
static void test_desktop_still_quits(void **state)
{
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_apply_action(&s, BC_ACTION_QUIT);
	assert_true(s.quit_requested);
	bc_app_init(&s, NULL);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_true(s.quit_requested);
}

/* No sensor: the plug-in screen, the demo a tap away, BACK returns. */
static void test_plug_in_screen_and_the_demo(void **state)
{
	bc_app_state s;
	kiosk_state(&s);
	bc_app_wait_for_sensor(&s, PROBED);
	assert_int_equal(s.screen, BC_SCREEN_PLUG_IN);
	assert_string_equal(s.probe_report, PROBED);
	assert_false(s.source.demo);
	bc_app_tick(&s, 5.0); /* time passing does not leave it */
	assert_int_equal(s.screen, BC_SCREEN_PLUG_IN);
	bc_app_apply_action(&s, BC_ACTION_QUIT);
	bc_app_apply_action(&s, BC_ACTION_BACK);
	assert_int_equal(s.screen, BC_SCREEN_PLUG_IN);
	assert_false(s.quit_requested);
	assert_int_equal(s.start_requested, BC_EXERCISE_NONE); /* no session from here */

	bc_app_apply_action(&s, BC_ACTION_SELECT); /* a tap, Enter or START */
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	assert_true(s.source.demo);
	assert_int_equal(s.start_requested, BC_EXERCISE_NONE); /* home first, then a tile */
	bc_app_tick(&s, 6.0);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	bc_app_apply_action(&s, BC_ACTION_SELECT);
	assert_int_equal(s.start_requested, s.home_selection);

	s.start_requested = BC_EXERCISE_NONE;
	bc_app_apply_action(&s, BC_ACTION_BACK); /* back from the demo's home */
	assert_int_equal(s.screen, BC_SCREEN_PLUG_IN);
	assert_false(s.source.demo);
	assert_string_equal(s.probe_report, PROBED);
}

/*
 * The screen at 800x480 and 480x320: heading, the probe's lines, the demo
 * button all drawn (BC_APP_RENDER_PNG_DIR=dir saves them to look at).
 */
static void test_plug_in_screen_draws(void **state)
{
	static const int sizes[][2] = { { 800, 480 }, { 480, 320 } };
	for (size_t k = 0; k < 4; k++) {
		int w = sizes[k % 2][0], h = sizes[k % 2][1];
		bool failing = k >= 2; /* a chip that answers but does not start */
		bc_app_canvas c;
		bc_app_state s;
		char err[256];
		bc_app_canvas_open_or_fail(&c, w, h);
		kiosk_state(&s);
		bc_app_wait_for_sensor(&s, PROBED);
		snprintf(s.drdy_note, sizeof(s.drdy_note),
			 "no data-ready line GPIO17 (No such file or directory): polling the FIFO");
		if (failing)
			bc_app_sensor_news(&s, PROBED,
					   "MPU-6050 at 0x68 answers but does not start: "
					   "initialisation failed: Input/output error",
					   4);
		bc_render_frame(&c.draw, &s);
		const char *dir = getenv("BC_APP_RENDER_PNG_DIR");
		if (dir && *dir) {
			char path[512];
			snprintf(path, sizeof(path), "%s/plug-in%s-%dx%d.png", dir,
				 failing ? "-failing" : "", w, h);
			assert_int_equal(
				bc_screenshot_save(c.renderer, w, h, path, err, sizeof(err)), 0);
		}
		int bar_h = bc_status_bar_h(&c.draw);
		SDL_Rect top = { 0, bar_h, w, (h - bar_h) / 3 };
		SDL_Rect middle = { w / 4, bar_h + (h - bar_h) / 3, w / 2, (h - bar_h) / 3 };
		SDL_Rect bottom = { w / 4, h - (h - bar_h) / 5, w / 2, (h - bar_h) / 5 };
		assert_true(bc_app_canvas_ink_in(&c, top) > top.w * top.h / 50);
		assert_true(bc_app_canvas_ink_in(&c, middle) > middle.w * middle.h / 50);
		assert_true(bc_app_canvas_ink_in(&c, bottom) >
			    bottom.w * bottom.h / 5); /* the button */
		bc_app_canvas_close(&c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kiosk_quit_goes_home_never_out),
		cmocka_unit_test(test_desktop_still_quits),
		cmocka_unit_test(test_plug_in_screen_and_the_demo),
		cmocka_unit_test(test_plug_in_screen_draws),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
