/* SPDX-License-Identifier: MIT */
/*
 * The coach app's main loop: a window (or full screen on the Pi's KMSDRM,
 * or an offscreen surface for screenshots), the pipeline thread for the
 * current session, and the kilo-style cycle: input -> reducer, pipeline
 * snapshot -> reducer, render the whole frame from the state, at up to 60
 * frames a second. Headless without --screenshot it hands over to the
 * terminal view.
 */
#ifndef BC_APP_RUN_H
#define BC_APP_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app_state.h"
#include "coach/coach.h"
#include "platform/sample_source.h"

typedef enum {
	BC_APP_DISPLAY_AUTO,	 /* a display if SDL finds one, else the terminal view */
	BC_APP_DISPLAY_SURFACE,	 /* software renderer on a surface: no video driver at all */
	BC_APP_DISPLAY_TERMINAL, /* text only */
} bc_app_display;

/* A press scripted ahead (screenshots, demonstrations): action at_s into the app clock. */
typedef struct {
	bc_app_action action;
	double at_s;
} bc_app_press;

#define BC_APP_PRESSES_MAX 8

/* What the kiosk's watch found, each second. */
typedef struct bc_app_sensor_check {
	char report[2 * BC_APP_TEXT_MAX]; /* what the probe of the bus found, address by address */
	char not_starting[BC_APP_TEXT_MAX]; /* why the one that answers does not start, or "" */
	int retry_in_s;			    /* when it is tried again, seconds */
} bc_app_sensor_check;

typedef struct bc_app_config {
	/* A new source for a session of exercise; NULL with a message in err. */
	bc_sample_source *(*open_source)(void *ctx, bc_exercise_id exercise, char *err,
					 size_t err_size);
	void *source_ctx;
	bool replay;			/* the source is a trace (lossless allowed, no history) */
	bool demo;			/* the bundled demo: labelled DEMO everywhere */
	const char *source_description; /* status bar before a session ("MPU-6050 on i2c-1") */
	bool lossless;			/* tests: the coach waits for the screen, nothing dropped */
	bc_exercise_id start_exercise;	/* start in this exercise; NONE: on home */
	bc_coach_settings settings;

	bc_app_display display;
	int width, height;	     /* window or surface size, pixels (0: 800x480) */
	bool windowed;		     /* never full screen */
	double quit_after_s;	     /* end after this long (wall clock); 0: never */
	const char *screenshot_path; /* the last frame as PNG on exit; NULL none */
	bool quit_when_done;	     /* end when the session's source has ended */

	bool history;		  /* write sessions to the history store */
	const char *history_path; /* NULL: the default */
	const char *record_dir;	  /* live sessions recorded here (NULL: not) */
	const char *sensor_name;  /* the chip, for the recording's "# sensor:" */
	bool sensor_mag;	  /* the chip has a magnetometer: recordings keep mx,my,mz */
	const char *notice;	  /* one line to show at start (settings problem) */

	/*
	 * The boot service (run --kiosk): quitting goes home. With probe_sensor,
	 * while no session runs the loop asks it every second whether there is
	 * a sensor to coach with (one that answers and starts); when the
	 * answer stays unlike the start (waiting_for_sensor: there was none
	 * then) the app returns BC_APP_SENSOR_CHANGED and the caller opens it
	 * all again. A sensor that answers but does not start keeps the app
	 * up on the plug-in screen, which says why.
	 */
	bool kiosk;
	bool waiting_for_sensor;  /* start on the plug-in screen (the demo a tap away) */
	const char *probe_report; /* what the probe at start found */
	const char *not_starting; /* why the sensor that answers does not start ("" or NULL) */
	int retry_in_s;		  /* and when it is tried again, seconds */
	const char *drdy_note;	  /* why the data-ready line is not used ("" or NULL: it is) */
	bool (*probe_sensor)(void *ctx, struct bc_app_sensor_check *check);
	bc_app_press presses[BC_APP_PRESSES_MAX]; /* scripted presses, in time order */
	int n_presses;

	bc_app_state *final_state; /* tests: the state at exit is copied here */

	/*
	 * The wearers (profiles.h) for the home screen's chooser, and how to
	 * switch: the callback points cfg's settings, history and recording at
	 * the profile name and remembers it; 0, or -1 with a message in err.
	 * NULL: one wearer, no chooser.
	 */
	bc_app_profiles profiles;
	int (*switch_profile)(void *ctx, const char *name, struct bc_app_config *cfg, char *err,
			      size_t err_size);
	/* Makes a new wearer with a name of its own choosing, into name; 0 or -1 (err). */
	int (*add_profile)(void *ctx, char *name, size_t name_size, char *err, size_t err_size);
	void *profile_ctx;
} bc_app_config;

/* bc_app_run: the sensor came or went (kiosk); not a process exit status. */
#define BC_APP_SENSOR_CHANGED 100

/* Runs the app until quit; returns the process exit status. */
int bc_app_run(const bc_app_config *cfg);

/* The text-only view (headless): live angles and coach events on stdout. */
int bc_terminal_view_run(const bc_app_config *cfg);

#endif /* BC_APP_RUN_H */
