/* SPDX-License-Identifier: MIT */
/*
 * backcoach run [--trace FILE] [--speed X] [--exercise NAME] [--size WxH]
 *               [--windowed] [--quit-after S] [--screenshot FILE.png]
 *               [--settings FILE] [--record DIR | --no-record] [--history]
 *
 * The coach on the screen. Where the samples come from:
 *   --trace FILE   a recorded session replayed in real time (x --speed);
 *   otherwise      the live sensor on /dev/i2c-N (--bus, default 1);
 *   no sensor      the bundled demo session, labelled DEMO (see find_demo()).
 * A trace (or the demo) starts straight in its exercise; live starts on home.
 *
 * Settings: live sessions read ~/.config/backcoach/settings.conf (or
 * $XDG_CONFIG_HOME/backcoach/settings.conf) when it exists; a replay uses
 * the same defaults as `backcoach replay` (and the trace's # hold_s:), so
 * the counts on screen match `replay --json` for the same trace, unless
 * --settings FILE is given. A bad settings file: a clear message, defaults.
 *
 * History: live sessions are saved to the history store; replays only with
 * --history or --record (a demo must not pollute the user's history).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_run.h"
#include "app/session_recorder.h"
#include "app/trace_source.h"
#include "cli_options.h"
#include "coach/settings.h"
#include "commands.h"
#include "hw_backend.h"
#include "drivers/live_source.h"
#include "record_session.h"

#define DEMO_NAME "demo-session.csv.gz"
#define DEMO_INSTALLED "/usr/local/share/backcoach/" DEMO_NAME
#define SPEED_MAX 1000.0
#define QUIT_AFTER_MAX_S 86400.0

static const bc_cli_option options[] = {
	{ "trace", "FILE", "replay a recorded session as a virtual sensor" },
	{ "speed", "X", "replay speed, 0.1-1000 (default 1: real time)" },
	{ "exercise", "NAME", "start in this exercise (default: the trace's; live: home)" },
	{ "size", "WxH", "window size, 320x240-3840x2160 (default 800x480)" },
	{ "windowed", NULL, "a window even on the Pi's console (no full screen)" },
	{ "quit-after", "SECONDS", "quit after this long" },
	{ "screenshot", "FILE.png", "save the last frame as PNG on exit (works headless)" },
	{ "settings", "FILE", "coach settings file (default ~/.config/backcoach/settings.conf)" },
	{ "record", "DIR", "record live sessions here; with --trace: save to the history" },
	{ "no-record", NULL, "do not record live sessions" },
	{ "history", NULL, "save replayed sessions to the history too" },
	{ "bus", "N", "the sensor's I2C bus, /dev/i2c-N (default 1)" },
	{ "text", NULL, "no graphics: live angles and coach events as text" },
	{ "home", NULL, "start on the home screen even with a trace" },
	{ "offscreen", NULL, "draw in memory only, never a window (for --screenshot)" },
	{ NULL, NULL, NULL },
};

static void more_help(FILE *out)
{
	fprintf(out, "\nWithout --trace and with no sensor answering, the bundled demo session\n"
		     "is replayed and labelled DEMO. It is looked for next to the program\n"
		     "(../host/data/ from build/), in ./host/data/ and in\n" DEMO_INSTALLED ".\n"
		     "Keys: arrows choose, Enter starts, Esc goes home (quits on home),\n"
		     "c recalibrates, m mutes, q quits. Touch: tap a tile; tap the top bar\n"
		     "to go home. Headless, --screenshot still draws (offscreen); without it\n"
		     "the coach is shown as text.\n");
	bc_cli_help_exercises(out);
}

static const bc_cli_command command = {
	.name = "run",
	.synopsis = "[--trace FILE [--speed X]] [--exercise NAME] [--size WxH] [--quit-after S] "
		    "[--screenshot FILE.png]",
	.about = "The coach on the screen: exercise choice, calibration guide, rep counter,\n"
		 "hold ring, back angle gauge and feedback, driven by the coach's events.",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.more_help = more_help,
	.exit_status = "0 done, 1 cannot run (no font, no display for a screenshot), "
		       "2 usage error, 3 unreadable trace",
};

/* Where sessions get their samples (the app asks again for each session). */
typedef struct {
	const char *trace_path;       /* a replay: this file (or the demo) */
	double speed;
	bool demo;
	bc_sample_source *live;       /* opened at start, handed to the first session */
	int bus_number;
	bc_gpio_line *drdy;
	bc_imu_hooks hooks;
} sources;

static bc_sample_source *open_live(sources *src, char *err, size_t err_size)
{
	bc_live_source_config cfg = { .reader = bc_imu_reader_settings_default };
	cfg.bus = bc_hw.i2c_open(src->bus_number, err, err_size);
	if (!cfg.bus)
		return NULL;
	cfg.bus_close = bc_hw.i2c_close;
	cfg.hooks = &src->hooks;
	bc_sample_source *s = bc_hw_live_source_open(&cfg, err, err_size);
	if (!s)
		bc_hw.i2c_close(cfg.bus);
	return s;
}

static bc_sample_source *open_source(void *ctx, bc_exercise_id exercise, char *err,
				     size_t err_size)
{
	(void)exercise;
	sources *src = ctx;
	if (src->trace_path) {
		bc_trace_source_config tc = { .path = src->trace_path, .speed = src->speed,
					      .demo = src->demo };
		return bc_trace_source_open(&tc, err, err_size);
	}
	if (src->live) {
		bc_sample_source *s = src->live;
		src->live = NULL;
		return s;
	}
	return open_live(src, err, err_size);
}

/* The directory of this executable, for finding the demo beside it. */
static bool exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/*
 * The bundled demo: beside the program in the source tree (build/ and
 * build/<arch>/ are one and two levels below it), in the working directory's
 * host/data/, or installed under /usr/local/share/backcoach/.
 */
static bool find_demo(char *out, size_t size)
{
	char dir[PATH_MAX];
	if (exe_dir(dir, sizeof(dir))) {
		static const char *const rel[] = { "/../host/data/", "/../../host/data/",
						   "/../share/backcoach/" };
		for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			if ((size_t)snprintf(out, size, "%.*s%s" DEMO_NAME, (int)(size / 2), dir,
					     rel[i]) >= size)
				continue;
			if (access(out, R_OK) == 0)
				return true;
		}
	}
	snprintf(out, size, "host/data/" DEMO_NAME);
	if (access(out, R_OK) == 0)
		return true;
	snprintf(out, size, "%s", DEMO_INSTALLED);
	return access(out, R_OK) == 0;
}

/* ~/.config/backcoach/settings.conf (XDG_CONFIG_HOME first); false if no home. */
static bool default_settings_path(char *out, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		snprintf(out, size, "%s/backcoach/settings.conf", xdg);
	else if (home && *home)
		snprintf(out, size, "%s/.config/backcoach/settings.conf", home);
	else
		return false;
	return true;
}

static void report(const char *msg)
{
	fprintf(stderr, "backcoach run: %s\n", msg);
}

static int parse_size(const char *text, int *w, int *h)
{
	char tail;
	if (sscanf(text, "%dx%d%c", w, h, &tail) != 2 || *w < 320 || *h < 240 || *w > 3840 ||
	    *h > 2160)
		return bc_cli_usage_error(&command, "--size: '%s' is not WxH within "
					  "320x240..3840x2160", text);
	return -1;
}

int cmd_run(int argc, char **argv)
{
	bc_cli_args args;
	int status = bc_cli_parse(&command, argc, argv, &args);
	if (status >= 0)
		return status;

	bc_app_config cfg = { .start_exercise = BC_EXERCISE_NONE, .width = 800, .height = 480 };
	sources src = { .speed = 1.0, .bus_number = 1 };
	double speed = 1.0, quit_after = 0, bus = 1;
	if ((status = bc_cli_number(&command, &args, "speed", 0.1, SPEED_MAX, &speed)) >= 0 ||
	    (status = bc_cli_number(&command, &args, "quit-after", 0.01, QUIT_AFTER_MAX_S,
				    &quit_after)) >= 0 ||
	    (status = bc_cli_number(&command, &args, "bus", 0, 255, &bus)) >= 0)
		return status;
	src.speed = speed;
	src.bus_number = (int)bus;
	cfg.quit_after_s = quit_after;
	const char *size = bc_cli_get(&command, &args, "size");
	if (size && (status = parse_size(size, &cfg.width, &cfg.height)) >= 0)
		return status;
	bc_exercise_id forced = BC_EXERCISE_NONE;
	const char *ex_name = bc_cli_get(&command, &args, "exercise");
	if (ex_name && (status = bc_cli_exercise(&command, ex_name, "--exercise", &forced)) >= 0)
		return status;
	const char *record = bc_cli_get(&command, &args, "record");
	bool no_record = bc_cli_get(&command, &args, "no-record") != NULL;
	if (record && no_record)
		return bc_cli_usage_error(&command, "--record and --no-record contradict each other");
	cfg.windowed = bc_cli_get(&command, &args, "windowed") != NULL;
	cfg.screenshot_path = bc_cli_get(&command, &args, "screenshot");
	if (bc_cli_get(&command, &args, "text"))
		cfg.display = BC_APP_DISPLAY_TERMINAL;
	else if (bc_cli_get(&command, &args, "offscreen"))
		cfg.display = BC_APP_DISPLAY_SURFACE;

	/* The source: --trace, else the live sensor, else the demo. */
	char demo[PATH_MAX], err[512], notice[600] = "", default_dir[PATH_MAX];
	src.trace_path = bc_cli_get(&command, &args, "trace");
	if (!src.trace_path) {
		src.hooks = bc_hw_data_ready_hooks(NULL);
		src.live = open_live(&src, err, sizeof(err));
		if (!src.live) {
			if (!find_demo(demo, sizeof(demo))) {
				fprintf(stderr, "backcoach run: no sensor (i2c-%d: %s) and no demo "
						"session (%s)\n", src.bus_number, err, DEMO_INSTALLED);
				return BC_EXIT_FAILURE;
			}
			fprintf(stderr, "backcoach run: no sensor on i2c-%d (%s): playing the DEMO "
					"session %s\n", src.bus_number, err, demo);
			src.trace_path = demo;
			src.demo = true;
		}
	}
	cfg.replay = src.trace_path != NULL;
	cfg.demo = src.demo;
	cfg.source_description = src.live ? src.live->description : NULL;

	/* Settings: defaults as replay has them; the user's file for live sessions. */
	bc_coach_settings_init(&cfg.settings);
	const char *settings_path = bc_cli_get(&command, &args, "settings");
	char default_path[PATH_MAX];
	if (!settings_path && !cfg.replay && default_settings_path(default_path, sizeof(default_path)) &&
	    access(default_path, F_OK) == 0)
		settings_path = default_path;
	if (settings_path) {
		bc_settings_error serr;
		if (bc_settings_load(settings_path, &cfg.settings, &serr) != 0) {
			snprintf(notice, sizeof(notice), "Settings not used (defaults instead): %s",
				 serr.message);
			fprintf(stderr, "backcoach run: %s\n", notice);
			cfg.notice = notice;
		}
	}
	if (cfg.replay) {
		bc_trace_source_config tc = { .path = src.trace_path, .speed = src.speed,
					      .demo = src.demo };
		bc_sample_source *probe = bc_trace_source_open(&tc, err, sizeof(err));
		if (!probe) {
			fprintf(stderr, "%s\n", err);
			return BC_EXIT_BAD_TRACE;
		}
		bc_exercise_id ex = forced != BC_EXERCISE_NONE ? forced
							       : bc_trace_source_exercise(probe);
		float hold_s = bc_trace_source_hold_s(probe);
		bc_source_close(probe);
		/* As `replay` does: the trace's hold target, when the exercise has a hold. */
		if (ex != BC_EXERCISE_NONE && hold_s > 0 && cfg.settings.hold_s[ex] > 0 &&
		    !bc_cli_get(&command, &args, "settings"))
			cfg.settings.hold_s[ex] = hold_s;
		cfg.start_exercise = bc_cli_get(&command, &args, "home") ? BC_EXERCISE_NONE : ex;
		cfg.quit_when_done = cfg.screenshot_path && quit_after <= 0;
		cfg.history = record || bc_cli_get(&command, &args, "history");
	} else {
		cfg.start_exercise = forced;
		cfg.history = true;
		/* Each live session to its own trace; first recover what a crash left. */
		cfg.record_dir = no_record ? NULL
			: record ? record
			: bc_session_recorder_default_dir(default_dir, sizeof(default_dir));
		if (cfg.record_dir)
			bc_session_recorder_recover(cfg.record_dir, report);
		const bc_imu *imu = bc_imu_reader_chip(bc_live_source_reader(src.live));
		cfg.sensor_name = imu && imu->variant ? imu->variant->trace_name : NULL;
		cfg.sensor_mag = bc_record_chip_has_mag(imu);
	}
	cfg.open_source = open_source;
	cfg.source_ctx = &src;

	status = bc_app_run(&cfg);
	bc_source_close(src.live);
	return status;
}
