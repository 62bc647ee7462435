/* SPDX-License-Identifier: MIT */
/*
 * backcoach run [--trace FILE] [--speed X] [--exercise NAME] [--size WxH]
 *               [--windowed] [--quit-after S] [--screenshot FILE.png]
 *               [--settings FILE] [--record DIR | --no-record] [--history]
 *               [--bus N] [--int LINE | --no-int] [--kiosk]
 *
 * The coach on the screen. Where the samples come from:
 *   --trace FILE   a recorded session replayed in real time (x --speed);
 *   otherwise      the live sensor on /dev/i2c-N (--bus, default 1);
 *   no sensor      the bundled demo of the exercise chosen, labelled DEMO
 *                  (demo.h: one per exercise).
 * A trace starts straight in its exercise; live and the demo start on home
 * (or in --exercise).
 *
 * Settings: live sessions read ~/.config/backcoach/settings.conf (or
 * $XDG_CONFIG_HOME/backcoach/settings.conf) when it exists; a replay uses
 * the same defaults as `backcoach replay` (and the trace's # hold_s:), so
 * the counts on screen match `replay --json` for the same trace, unless
 * --settings FILE is given. A bad settings file: a clear message, defaults.
 *
 * History: live sessions are saved to the history store; replays only with
 * --history or --record (a demo must not pollute the user's history).
 *
 * --kiosk is the boot service (hw/backcoach.service): quitting goes home,
 * never to a black screen; with no sensor the plug-in screen shows what the
 * probe found, the bus is probed every second, and the app opens again with
 * the sensor when one answers (or with the plug-in screen when it goes).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_run.h"
#include "app/input.h"
#include "app/session_recorder.h"
#include "app/trace_source.h"
#include "cli_options.h"
#include "coach/settings.h"
#include "commands.h"
#include "demo.h"
#include "drivers/live_source.h"
#include "live_sensor.h"
#include "paths.h"
#include "platform/mono_clock.h"
#include "record_session.h"
#include "run_profile.h"

#define DEMO_INSTALLED	 BC_PATHS_INSTALLED_DATA_DIR "/demo-NAME.csv.gz"
#define SPEED_MAX	 1000.0
#define QUIT_AFTER_MAX_S 86400.0
#define DEFAULT_WIDTH	 800
#define DEFAULT_HEIGHT	 480

enum {
	OPT_TRACE,
	OPT_SPEED,
	OPT_EXERCISE,
	OPT_SIZE,
	OPT_WINDOWED,
	OPT_QUIT_AFTER,
	OPT_SCREENSHOT,
	OPT_SETTINGS,
	OPT_RECORD,
	OPT_NO_RECORD,
	OPT_HISTORY,
	OPT_BUS,
	OPT_TEXT,
	OPT_HOME,
	OPT_OFFSCREEN,
	OPT_INT,
	OPT_NO_INT,
	OPT_KIOSK,
	OPT_PRESS,
	OPT_PROFILE,
};

static const bc_cli_option options[] = {
	{ "trace", "FILE", "replay a recorded session as a virtual sensor", OPT_TRACE },
	{ "speed", "X", "replay speed, 0.1-1000 (default 1: real time)", OPT_SPEED },
	{ "exercise", "NAME", "start in this exercise (default: the trace's; live: home)",
	  OPT_EXERCISE },
	{ "size", "WxH", "window size, 320x240-3840x2160 (default 800x480)", OPT_SIZE },
	{ "windowed", NULL, "a window even on the Pi's console (no full screen)", OPT_WINDOWED },
	{ "quit-after", "SECONDS", "quit after this long", OPT_QUIT_AFTER },
	{ "screenshot", "FILE.png", "save the last frame as PNG on exit (works headless)",
	  OPT_SCREENSHOT },
	{ "settings", "FILE", "coach settings file (default ~/.config/backcoach/settings.conf)",
	  OPT_SETTINGS },
	{ "record", "DIR", "record live sessions here; with --trace: save to the history",
	  OPT_RECORD },
	{ "no-record", NULL, "do not record live sessions", OPT_NO_RECORD },
	{ "history", NULL, "save replayed sessions to the history too", OPT_HISTORY },
	{ "bus", "N", "the sensor's I2C bus, /dev/i2c-N (default 1)", OPT_BUS },
	{ "text", NULL, "no graphics: live angles and coach events as text", OPT_TEXT },
	{ "home", NULL, "start on the home screen even with a trace", OPT_HOME },
	{ "press", "NAME@S,...",
	  "press buttons at these app-clock seconds (pause, back, end-set, select, next, ...)",
	  OPT_PRESS },
	{ "offscreen", NULL, "draw in memory only, never a window (for --screenshot)",
	  OPT_OFFSCREEN },
	{ "int", "LINE", "GPIO line of the data-ready interrupt (default GPIO17, header pin 11)",
	  OPT_INT },
	{ "no-int", NULL, "poll the sensor's FIFO instead of waiting for the interrupt",
	  OPT_NO_INT },
	{ "kiosk", NULL, "the boot service: quit goes home; without a sensor, wait for it",
	  OPT_KIOSK },
	{ "profile", "NAME", "coach this wearer (backcoach profile; default: the last chosen)",
	  OPT_PROFILE },
	{ NULL, NULL, NULL, 0 },
};

static void more_help(FILE *out)
{
	fprintf(out, "\nWithout --trace and with no sensor answering, the bundled demo session\n"
		     "of the exercise chosen is replayed and labelled DEMO. The demos are\n"
		     "looked for next to the program (../host/data/ from build/), in\n"
		     "./host/data/ and in " DEMO_INSTALLED ".\n"
		     "Keys: arrows choose, Enter starts (in a set: pauses and resumes, as p\n"
		     "does), Esc ends a set (it asks once; the summary follows) and goes\n"
		     "home (quits on home), c recalibrates, m mutes, q quits. Touch: tap a\n"
		     "tile; tap the screen to pause; tap the top bar to end the set. Buttons:\n"
		     "START starts, pauses and resumes; NEXT chooses, ends a set (press\n"
		     "again or hold) and goes home; RECAL recalibrates; hold RECAL mutes.\n"
		     "Headless, --screenshot still draws (offscreen); without it the coach\n"
		     "is shown as text.\n"
		     "The live sensor is paced by its data-ready line (--int, GPIO17); without\n"
		     "the line it is polled. With --kiosk (the boot service) q and Esc go home\n"
		     "and never quit (SIGTERM still does); with no sensor a \"Plug in the\n"
		     "sensor\" screen lists what the probe found, the bus is probed every\n"
		     "second, and coaching starts by itself when a sensor answers; a tap\n"
		     "there opens the demo.\n");
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
	.exit_status = "0 done, 1 cannot run (no sensor and no demo, no font, no display for a "
		       "screenshot), 2 usage error, 3 unreadable trace",
};

/* The command line, checked. */
typedef struct {
	const char *trace_path;	 /* --trace; NULL: the live sensor, else the demos */
	double speed;		 /* replay speed, times real time */
	bc_exercise_id exercise; /* BC_EXERCISE_NONE: the trace's (live: home) */
	int width, height;	 /* pixels */
	bool windowed, history, home, kiosk;
	bool quit_after_given; /* quit after quit_after_s (else: not on a timer) */
	double quit_after_s;
	const char *screenshot_path; /* NULL: no screenshot */
	const char *settings_path;   /* NULL: live the user's file, a replay the defaults */
	const char *record_dir;	     /* --record; NULL: the default directory (live) */
	const char *profile;	     /* --profile; NULL: the one chosen last */
	bool no_record;
	bc_live_sensor_options sensor; /* bus, chip defaults, data-ready line (NULL: poll) */
	bc_app_display display;
	bc_app_press presses[BC_APP_PRESSES_MAX]; /* --press */
	int n_presses;
} run_options;

/* Where sessions get their samples (the app asks again for each session). */
typedef struct {
	const char *trace_path; /* a replay: this file */
	double speed;
	bool demo;		/* no sensor: each session replays its exercise's demo */
	bc_sample_source *live; /* opened at start, handed to the first session */
	bc_live_sensor *sensor; /* the bus and data-ready line every live session opens */
	bool waiting;		/* kiosk, no sensor: the plug-in screen, then the demos */
	char probe_report[320]; /* what the last probe of the bus found */
} sources;

/* Parsing */

static void parse_size(const char *text, int *w, int *h)
{
	char tail;
	if (sscanf(text, "%dx%d%c", w, h, &tail) != 2 || *w < 320 || *h < 240 || *w > 3840 ||
	    *h > 2160)
		bc_cli_die_usage(&command, "--size: '%s' is not WxH within 320x240..3840x2160",
				 text);
}

/* A flag (an option without a value) into o. */
static void take_flag(run_options *o, int id)
{
	switch (id) {
	case OPT_WINDOWED:
		o->windowed = true;
		break;
	case OPT_NO_RECORD:
		o->no_record = true;
		break;
	case OPT_HISTORY:
		o->history = true;
		break;
	case OPT_HOME:
		o->home = true;
		break;
	case OPT_KIOSK:
		o->kiosk = true;
		break;
	case OPT_NO_INT:
		o->sensor.drdy_line = NULL;
		break;
	case OPT_TEXT:
		o->display = BC_APP_DISPLAY_TERMINAL;
		break;
	case OPT_OFFSCREEN:
		if (o->display != BC_APP_DISPLAY_TERMINAL) /* --text wins */
			o->display = BC_APP_DISPLAY_SURFACE;
		break;
	}
}

/* One option's value into o. */
static void take_option(run_options *o, int id, const char *value)
{
	switch (id) {
	case OPT_TRACE:
		o->trace_path = value;
		break;
	case OPT_SPEED:
		o->speed = bc_cli_number(&command, "speed", value, 0.1, SPEED_MAX);
		break;
	case OPT_EXERCISE:
		o->exercise = bc_cli_exercise_option(&command, value);
		break;
	case OPT_SIZE:
		parse_size(value, &o->width, &o->height);
		break;
	case OPT_QUIT_AFTER:
		o->quit_after_given = true;
		o->quit_after_s = bc_cli_number(&command, "quit-after", value, 0.01,
						QUIT_AFTER_MAX_S);
		break;
	case OPT_SCREENSHOT:
		o->screenshot_path = value;
		break;
	case OPT_PRESS: {
		char err[256];
		o->n_presses = bc_input_parse_presses(value, o->presses, BC_APP_PRESSES_MAX, err,
						      sizeof(err));
		if (o->n_presses < 0)
			bc_cli_die_usage(&command, "--press: %s", err);
		break;
	}
	case OPT_SETTINGS:
		o->settings_path = value;
		break;
	case OPT_RECORD:
		o->record_dir = value;
		break;
	case OPT_PROFILE:
		o->profile = value;
		break;
	case OPT_BUS:
		o->sensor.bus_number = (int)bc_cli_integer(&command, "bus", value, 0, 255);
		break;
	case OPT_INT:
		o->sensor.drdy_line = value;
		break;
	default:
		take_flag(o, id);
		break;
	}
}

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, run_options *o)
{
	*o = (run_options){
		.speed = 1.0,
		.exercise = BC_EXERCISE_NONE,
		.width = DEFAULT_WIDTH,
		.height = DEFAULT_HEIGHT,
		.sensor = bc_live_sensor_options_default(),
		.display = BC_APP_DISPLAY_AUTO,
	};
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;)
		take_option(o, id, value);
	bc_cli_arguments(&p, NULL);
	if (o->record_dir && o->no_record)
		bc_cli_die_usage(&command, "--record and --no-record contradict each other");
	if (o->kiosk && (o->trace_path || o->screenshot_path))
		bc_cli_die_usage(&command, "--kiosk is the live device: not with --trace or "
					   "--screenshot");
}

/* Sources */

static bc_sample_source *open_live(sources *src, char *err, size_t err_size)
{
	return bc_live_sensor_open(src->sensor, err, err_size);
}

static double now_s(void)
{
	return (double)bc_mono_now_ns(NULL) * 1e-9;
}

/*
 * The kiosk's question every second. Waiting: is there a sensor to coach
 * with (one that answers and starts; a failed start is logged and tried
 * again later, the plug-in screen says why)? Live: does it still answer?
 */
static bool probe_sensor(void *ctx, bc_app_sensor_check *c)
{
	sources *src = ctx;
	bc_live_sensor *ls = src->sensor;
	bc_live_sensor_probe_result r;
	if (!src->waiting) {
		bool found = bc_live_sensor_probe(ls->opt.bus_number, &r);
		snprintf(c->report, sizeof(c->report), "%s", r.summary);
		return found;
	}
	double tried_until_s = ls->retry.next_try_s, t = now_s();
	bool ready = bc_live_sensor_ready(ls, t, &r);
	snprintf(c->report, sizeof(c->report), "%s", r.summary);
	if (ready || !r.found)
		return ready;
	snprintf(c->not_starting, sizeof(c->not_starting), "%.*s", (int)sizeof(c->not_starting) - 1,
		 ls->retry.why);
	c->retry_in_s = bc_live_sensor_retry_in_s(ls, t);
	if (ls->retry.next_try_s != tried_until_s) /* a start was tried, and failed */
		fprintf(stderr, "backcoach run: %s (trying again in %d s)\n", ls->retry.why,
			c->retry_in_s);
	return false;
}

/* The demo of exercise (the tile chosen), replayed as a virtual sensor. */
static bc_sample_source *open_demo(const sources *src, bc_exercise_id exercise, char *err,
				   size_t err_size)
{
	char path[PATH_MAX], name[64];
	if (!bc_demo_find(exercise, path, sizeof(path))) {
		snprintf(err, err_size, "no demo session %s (looked beside the program and in %s)",
			 bc_demo_file_name(exercise, name, sizeof(name)) ? name
									 : "for this exercise",
			 BC_PATHS_INSTALLED_DATA_DIR);
		return NULL;
	}
	bc_trace_source_config tc = { .path = path, .speed = src->speed, .demo = true };
	return bc_trace_source_open(&tc, err, err_size);
}

static bc_sample_source *open_source(void *ctx, bc_exercise_id exercise, char *err, size_t err_size)
{
	sources *src = ctx;
	if (src->demo)
		return open_demo(src, exercise, err, err_size);
	if (src->trace_path) {
		bc_trace_source_config tc = { .path = src->trace_path, .speed = src->speed };
		return bc_trace_source_open(&tc, err, err_size);
	}
	if (src->live) {
		bc_sample_source *s = src->live;
		src->live = NULL;
		return s;
	}
	return open_live(src, err, err_size);
}

/*
 * --trace, else the live sensor, else the demos (the kiosk: the plug-in
 * screen first); 0, or 1 after a message. The demos need the one to start
 * in (--exercise, else the first tile's).
 */
static int choose_source(const run_options *o, bc_live_sensor *sensor, sources *src)
{
	char err[512];
	int bus = o->sensor.bus_number;
	*src = (sources){ .trace_path = o->trace_path, .speed = o->speed, .sensor = sensor };
	if (src->trace_path)
		return 0;
	src->live = open_live(src, err, sizeof(err));
	if (src->live) {
		if (sensor->drdy_note[0])
			fprintf(stderr, "backcoach run: %s\n", sensor->drdy_note);
		return 0;
	}
	char demo_path[PATH_MAX];
	bc_exercise_id first = o->exercise != BC_EXERCISE_NONE ? o->exercise
							       : BC_EXERCISE_PELVIC_TILT;
	bool have_demo = bc_demo_find(first, demo_path, sizeof(demo_path)) != NULL;
	if (o->kiosk) {
		bc_live_sensor_probe_result r;
		bc_live_sensor_probe(bus, &r);
		snprintf(src->probe_report, sizeof(src->probe_report), "%s", r.summary);
		if (r.found) { /* it answers, but did not start: tried again, later */
			bc_live_sensor_start_failed(sensor, now_s(), &r, err);
			fprintf(stderr,
				"backcoach run: %s: waiting for it (trying again in %d s)\n",
				sensor->retry.why, bc_live_sensor_retry_in_s(sensor, now_s()));
		} else {
			sensor->retry = (bc_live_sensor_retry){ 0 };
			/* The probe says it all (each address), or the bus's error as err does. */
			fprintf(stderr, "backcoach run: no sensor: waiting for one (%s)\n",
				r.bus_open ? src->probe_report : err);
		}
		if (!have_demo)
			fprintf(stderr, "backcoach run: and no demo session (%s)\n",
				DEMO_INSTALLED);
		src->waiting = true;
		src->demo = true;
		return 0;
	}
	if (!have_demo) {
		fprintf(stderr, "backcoach run: no sensor (i2c-%d: %s) and no demo session (%s)\n",
			bus, err, DEMO_INSTALLED);
		return BC_EXIT_FAILURE;
	}
	fprintf(stderr,
		"backcoach run: no sensor on i2c-%d (%s): the DEMO sessions, one per exercise "
		"(e.g. %s)\n",
		bus, err, demo_path);
	src->demo = true;
	return 0;
}

/* Configuration */

/* A replay: the trace's exercise and hold target, as `replay` takes them. 0 or 3. */
static int configure_replay(const run_options *o, const sources *src, bc_app_config *cfg)
{
	char err[512];
	bc_trace_source_config tc = { .path = src->trace_path, .speed = src->speed };
	bc_sample_source *probe = bc_trace_source_open(&tc, err, sizeof(err));
	if (!probe) {
		fprintf(stderr, "%s\n", err);
		return BC_EXIT_BAD_TRACE;
	}
	bc_exercise_id ex = o->exercise != BC_EXERCISE_NONE ? o->exercise
							    : bc_trace_source_exercise(probe);
	float hold_s = bc_trace_source_hold_s(probe);
	bc_source_close(probe);
	/* As `replay` does: the trace's hold target, when the exercise has a hold. */
	if (ex != BC_EXERCISE_NONE && hold_s > 0 && cfg->settings.hold_s[ex] > 0 &&
	    !o->settings_path)
		cfg->settings.hold_s[ex] = hold_s;
	cfg->start_exercise = o->home ? BC_EXERCISE_NONE : ex;
	cfg->quit_when_done = cfg->screenshot_path && !o->quit_after_given;
	cfg->history = o->record_dir || o->history;
	return 0;
}

/*
 * The demo: home (or --exercise), each session its exercise's demo with the
 * defaults replay uses (the demos keep the default holds), no history.
 */
static void configure_demo(const run_options *o, bc_app_config *cfg)
{
	cfg->start_exercise = o->exercise;
	cfg->quit_when_done = cfg->screenshot_path && !o->quit_after_given &&
			      o->exercise != BC_EXERCISE_NONE;
	cfg->history = o->record_dir || o->history;
}

static void report(const char *msg)
{
	fprintf(stderr, "backcoach run: %s\n", msg);
}

/* A live session: saved to the history and recorded, leftovers recovered first. */
static void configure_live(const run_options *o, const sources *src, bc_app_config *cfg,
			   char *default_dir, size_t dir_size)
{
	cfg->start_exercise = o->exercise;
	cfg->history = true;
	cfg->record_dir = o->no_record	  ? NULL
			  : o->record_dir ? o->record_dir
					  : bc_session_recorder_default_dir(default_dir, dir_size);
	if (cfg->record_dir)
		bc_session_recorder_recover(cfg->record_dir, report);
	const bc_imu *imu = bc_imu_reader_chip(bc_live_source_reader(src->live));
	cfg->sensor_name = imu && imu->variant ? imu->variant->trace_name : NULL;
	cfg->sensor_mag = bc_record_chip_has_mag(imu);
}

/* One run of the app with the source there is now; its status (kiosk: maybe SENSOR_CHANGED). */
static int run_once(const run_options *o, bc_live_sensor *sensor)
{
	bc_app_config cfg = {
		.start_exercise = BC_EXERCISE_NONE,
		.display = o->display,
		.width = o->width,
		.height = o->height,
		.windowed = o->windowed,
		.quit_after_s = o->quit_after_given ? o->quit_after_s : 0, /* 0: never */
		.screenshot_path = o->screenshot_path,
		.kiosk = o->kiosk,
		.n_presses = o->n_presses,
	};
	memcpy(cfg.presses, o->presses, sizeof(cfg.presses));
	sources src;
	int status = choose_source(o, sensor, &src);
	if (status)
		return status;
	cfg.replay = src.trace_path != NULL || src.demo;
	cfg.demo = src.demo;
	cfg.source_description = src.live ? src.live->description : NULL;
	if (o->kiosk) {
		cfg.probe_sensor = probe_sensor;
		cfg.waiting_for_sensor = src.waiting;
		cfg.probe_report = src.probe_report;
		cfg.not_starting = sensor->retry.why;
		cfg.retry_in_s = bc_live_sensor_retry_in_s(sensor, now_s());
		cfg.drdy_note = sensor->drdy_note;
	}

	char notice[600] = "", default_dir[PATH_MAX];
	/* The wearer's settings (live; a replay: their plan), history and recordings. */
	bc_run_profile prof = { .live = !cfg.replay,
				.settings_path = o->settings_path,
				.own_recordings = !cfg.replay && !o->record_dir && !o->no_record };
	bc_coach_settings_init(&cfg.settings);
	if (bc_run_profile_open(&prof, o->profile, &cfg, notice, sizeof(notice)) != 0) {
		bc_source_close(src.live);
		return BC_EXIT_FAILURE;
	}
	if (src.demo) {
		configure_demo(o, &cfg);
	} else if (cfg.replay) {
		status = configure_replay(o, &src, &cfg);
		if (status)
			return status;
	} else {
		configure_live(o, &src, &cfg, default_dir, sizeof(default_dir));
		if (prof.own_recordings)
			cfg.record_dir = prof.record_dir;
	}
	cfg.open_source = open_source;
	cfg.source_ctx = &src;

	status = bc_app_run(&cfg);
	bc_source_close(src.live);
	return status;
}

int cmd_run(int argc, char **argv)
{
	run_options o;
	parse_options(argc, argv, &o);
	if (o.trace_path)
		o.sensor.drdy_line = NULL; /* a replay touches no GPIO */
	bc_live_sensor sensor;
	bc_live_sensor_init(&sensor, &o.sensor);
	int status;
	/* The kiosk opens everything again when the sensor comes or goes. */
	while ((status = run_once(&o, &sensor)) == BC_APP_SENSOR_CHANGED)
		;
	bc_live_sensor_free(&sensor);
	return status;
}
