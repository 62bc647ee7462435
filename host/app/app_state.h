/* SPDX-License-Identifier: MIT */
/*
 * The coach app's one state struct and the reducer that changes it.
 *
 * Like antirez's kilo: everything the screen shows lives here, the render
 * functions draw a whole frame from it and change nothing, and only the
 * functions below change it: the coach's view and events (from the pipeline
 * thread), input actions (keys, touch, buttons) and the passing of time.
 * Which screen is shown follows the coach's event stream; the app never
 * detects anything itself. No SDL and no I/O here: the tests drive it alone.
 */
#ifndef BC_APP_STATE_H
#define BC_APP_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "coach/coach.h"
#include "coach/daily_plan.h"
#include "coach/session_tally.h"
#include "coach/spoken_words.h"
#include "platform/sample_source.h"
#include "vocab/coach_event.h"

typedef enum {
	BC_SCREEN_HOME,	       /* pick an exercise or the posture monitor */
	BC_SCREEN_CALIBRATION, /* stand upright, then the start position */
	BC_SCREEN_EXERCISE,    /* counter, hold ring, gauge, phase, feedback */
	BC_SCREEN_POSTURE,     /* posture monitor */
	BC_SCREEN_SUMMARY,     /* end of a set or of the session */
	BC_SCREEN_PLUG_IN,     /* the device with no sensor: plug it in (or the demo) */
	BC_SCREEN_EXERCISES,   /* every exercise, one tile each (home: "Exercises") */
	BC_SCREEN_REST,	       /* the plan's rest between sets: a countdown, skippable */
	BC_SCREEN_PROGRESS,    /* the last weeks: a calendar of days done, charts per exercise */
	BC_SCREEN_PROFILES,    /* who is exercising: one tile per wearer */
	BC_SCREEN_COUNT
} bc_screen;

/* What the user asked for, whatever the device: key, touch or button. */
typedef enum {
	BC_ACTION_NONE,
	BC_ACTION_PREV,	       /* previous item (left/up) */
	BC_ACTION_NEXT,	       /* next item (right/down; the NEXT button); in a set: end it
				* (asks once); on a summary: home */
	BC_ACTION_SELECT,      /* start the selected exercise; in a set: pause / resume;
				* on a summary: again / carry on */
	BC_ACTION_BACK,	       /* in a set: end it (asks once), its summary follows;
				* on a summary: home; on home: quit */
	BC_ACTION_RECALIBRATE, /* restart the wearing protocol, counts kept */
	BC_ACTION_MUTE,	       /* sound on/off */
	BC_ACTION_QUIT,
	BC_ACTION_PAUSE,   /* in a session: pause / resume (SELECT does it too) */
	BC_ACTION_END_SET, /* in a session: end it now, confirmed (a held button) */
} bc_app_action;

/* Short sounds so the wearer need not look (sound.c plays them). */
typedef enum {
	BC_TONE_NONE,
	BC_TONE_HOLD_START,
	BC_TONE_HOLD_DONE,
	BC_TONE_REP,
	BC_TONE_REJECTED,
	BC_TONE_SLOUCH_ALERT,
	BC_TONE_STEP_DONE, /* a calibration step confirmed */
	BC_TONE_COUNT
} bc_tone;

typedef enum {
	BC_FEEDBACK_NEUTRAL,
	BC_FEEDBACK_GOOD,
	BC_FEEDBACK_BAD,
} bc_feedback_kind;

/* Where samples come from, as the status bar shows it. */
typedef struct {
	bc_source_status status;
	float rate_hz;
	bool demo;
	char description[96];
	char error[128];
	bool has_first_t; /* first_t_s known (the pipeline saw the session's first sample) */
	double first_t_s; /* sample time of the session's first sample: the session clock */
} bc_app_source_info;

/* Session figures for the summary: the coach's events, and what the views showed. */
typedef struct {
	bc_session_tally events;    /* counts, reasons, holds, range: from the events */
	float slouched_s;	    /* posture: time outside the upright zone */
	double first_t_s, last_t_s; /* sample times seen, seconds */
	double paused_s;	    /* of which paused, seconds of sample time */
} bc_app_tally;

/* Days the progress screen shows: four weeks. */
#define BC_APP_PROGRESS_DAYS 28

/* What the home screen shows of the history (filled by the main loop). */
typedef struct {
	bool known;	/* history open and read */
	int reps_today; /* counted reps today, all exercises */
	int sessions_today;
	int streak_days;
	/*
	 * Counted reps per exercise on each of the last days ([0] today), for the
	 * plan: from the history, plus the reps counted since it was last read.
	 */
	bc_plan_days days;
	/*
	 * The progress screen's days, d days back at [d] like days: where each
	 * starts, and each exercise's best hold and furthest range (NAN: none).
	 */
	int64_t day_start_unix_s[BC_APP_PROGRESS_DAYS];
	float best_hold_s[BC_APP_PROGRESS_DAYS][BC_EXERCISE_COUNT];
	float best_peak_deg[BC_APP_PROGRESS_DAYS][BC_EXERCISE_COUNT];
} bc_app_today;

/* Home's tiles after the start tile (app_plan.c); BC_HOME_TILE_COUNT of them in all. */
typedef enum {
	BC_HOME_TILE_START,	/* starts the plan's next item */
	BC_HOME_TILE_EXERCISES, /* every exercise */
	BC_HOME_TILE_PROGRESS,	/* the last weeks */
	BC_HOME_TILE_PROFILE,	/* who is exercising */
	BC_HOME_TILE_COUNT
} bc_home_tile;

/* Wearers the profile chooser shows (app_plan.c; host/profiles.h keeps them). */
#define BC_APP_PROFILES_MAX	8
#define BC_APP_PROFILE_NAME_MAX 32

typedef struct {
	int n;
	char name[BC_APP_PROFILES_MAX][BC_APP_PROFILE_NAME_MAX];
	int current;	       /* whose plan and history are shown */
	int selection;	       /* highlighted on the chooser */
	int requested;	       /* -1, or the profile the main loop should switch to */
	bool create_requested; /* the main loop should make a new wearer and switch to them */
} bc_app_profiles;

#define BC_APP_TEXT_MAX 160

/* A line the reducer asks the voice to say (the words are spoken_words.c's). */
typedef struct {
	char text[BC_APP_TEXT_MAX];
	bc_spoken_kind kind;
} bc_app_line;

/* Lines one frame may ask for: a set's end, a countdown number. */
#define BC_APP_SAY_MAX 4

typedef struct {
	bc_screen screen;
	bc_exercise_id exercise;		/* session's exercise, NONE on home */
	int home_selection;			/* exercise index highlighted on home */
	int target_reps;			/* per set, for home */
	float hold_target_s[BC_EXERCISE_COUNT]; /* for home */
	bc_app_today today;

	bc_coach_view view; /* latest from the coach */
	bool have_view;
	bool start_reached; /* START_REACHED seen (or view.started) */
	bc_app_source_info source;
	bc_app_tally tally;

	bool set_done;	      /* SET_DONE: set summary showing */
	double set_done_at_s; /* app clock when it appeared */
	bool session_over;    /* SUMMARY: the session ended */

	double rep_flash_at_s; /* app clock of the last counted rep */
	double now_s;	       /* app clock, seconds (animations) */
	bool muted;

	char notice[BC_APP_TEXT_MAX];	/* one line for the user (bad settings, history) */
	double notice_until_s;		/* app clock until which the status bar shows it */
	char saved_to[BC_APP_TEXT_MAX]; /* where the session's trace is recorded */

	/*
	 * The boot service (run --kiosk): quitting goes home, never to a black
	 * screen; with no sensor the plug-in screen shows what the last probe of
	 * the bus found until one answers (or the demo is chosen).
	 */
	bool kiosk;
	bool waiting_for_sensor;		/* no sensor: home is the plug-in screen */
	char probe_report[2 * BC_APP_TEXT_MAX]; /* what the last probe found */
	char not_starting[BC_APP_TEXT_MAX];	/* why the sensor that answers does not start */
	int retry_in_s;				/* and when it is tried again, seconds */
	char drdy_note[BC_APP_TEXT_MAX];	/* the data-ready line, "" when fine */
	/* Controls: pause, leaving early, the reason that stays up. */
	bool paused;	       /* the session is paused (the coach counts nothing) */
	bool confirm_leave;    /* "End this set?" is asked */
	double confirm_at_s;   /* app clock when it was asked */
	bool reason_up;	       /* why the last attempt did not count, shown large until
					* the next attempt starts */
	int phase;	       /* the detector's phase, from its PHASE events */
	double phase_at_s;     /* app clock of the last PHASE event */
	bool notice_dismissed; /* a press put the notice away */
	/* The daily plan, home's tiles and the screens reached from home (app_plan.c). */
	bc_screen menu; /* shown when no session runs: HOME, EXERCISES, ... */
	int home_tile;	/* bc_home_tile highlighted on home */
	bc_plan_settings plan_settings;
	bc_plan_today plan;		  /* today's plan, from today.days */
	bool plan_session;		  /* the session is an item of the plan */
	bc_plan_run plan_run;		  /* that item, set by set */
	int plan_sets_ended;		  /* sets the plan has ended (the loop saves the history) */
	int session_reps;		  /* the coach's count this session (sets add up) */
	int set_side_base[BC_SIDE_COUNT]; /* the session's reps by side when this set began */
	int session_target_reps;	  /* reps per set asked of the session's coach */
	float session_hold_s;		  /* its hold; 0: the settings' */
	int progress_page; /* the progress screen's page: 0 calendar, then exercises */
	bc_app_profiles profiles;
	int rest_said_s;       /* the rest's countdown: the last whole second said */
	bool set_summary_said; /* the plan said a set's summary; no rep since */

	/* Requests the main loop carries out (the reducer does no I/O). */
	bool end_requested; /* end the session now: its summary follows */
	bool quit_requested;
	bool recalibrate_requested;
	bc_exercise_id start_requested; /* NONE, or the exercise to start */
	/* The plan's own lines (no coach event says them), in order; the loop
	 * hands them to the voice and empties this. */
	bc_app_line say[BC_APP_SAY_MAX];
	int n_say;
} bc_app_state;

/* Fresh state on the home screen; settings (NULL: defaults) give the targets. */
void bc_app_init(bc_app_state *s, const bc_coach_settings *settings);

/* A new session begins (pipeline restarted): calibration screen, tally cleared. */
void bc_app_begin_session(bc_app_state *s, bc_exercise_id exercise);

/* The coach's latest view and the source's status (every frame; either may be NULL). */
void bc_app_apply_view(bc_app_state *s, const bc_coach_view *view,
		       const bc_app_source_info *source);

/* One coach event, in order; returns the sound it deserves. */
bc_tone bc_app_apply_event(bc_app_state *s, const bc_coach_event *e);

/*
 * What the voice says for coach event e, into buf: spoken_words.c's words,
 * except where the plan speaks for itself (app_plan.c): in a plan the set's
 * end is the plan's (the coach's SET_DONE counts the session, not the set),
 * and right after the plan said a set's summary (no rep since) the
 * session's SUMMARY would say it twice.
 */
bc_spoken_kind bc_app_event_words(const bc_app_state *s, const bc_coach_event *e, char *buf,
				  size_t size);

/* Asks the loop to have the voice say text (dropped when a frame asked for too many). */
void bc_app_say(bc_app_state *s, const char *text, bc_spoken_kind kind);

/* One user action. */
void bc_app_apply_action(bc_app_state *s, bc_app_action a);

/* A home tile touched or clicked: select it and start it. */
void bc_app_pick(bc_app_state *s, int exercise_index);

/*
 * The kiosk's plug-in screen: shown until a sensor answers; any tap, Enter
 * or the START button goes to the demo's home (BACK there returns).
 */
void bc_app_wait_for_sensor(bc_app_state *s, const char *probe_report);

/*
 * What the kiosk's latest look at the bus found, for the plug-in screen:
 * the probe's report, and why the sensor that answers does not start
 * ("" or NULL: none does) with the seconds to its next try.
 */
void bc_app_sensor_news(bc_app_state *s, const char *probe_report, const char *not_starting,
			int retry_in_s);

/* One line for the user in the status bar for a while, cut to fit. */
void bc_app_notice(bc_app_state *s, const char *text);

/* The app clock moves on (seconds since the app started). */
void bc_app_tick(bc_app_state *s, double now_s);

/*
 * The one line of feedback to show now and its colour: the coach's line
 * (its cue, or while fresh a rep or why the last attempt did not count),
 * coloured by what it is about.
 */
const char *bc_app_feedback(const bc_app_state *s, char *buf, size_t size, bc_feedback_kind *kind);

/* "hold too short (0.8 of 2 s)": the coach's words for the last rejection, "" if none. */
const char *bc_app_last_rejection(const bc_app_state *s, char *buf, size_t size);

/* A session is showing (calibration, exercise or posture screen). */
bool bc_app_in_session(const bc_app_state *s);

/*
 * The coach should not count now: the wearer paused, or a plan rests
 * between sets (a rep done while resting would count toward the next set).
 */
bool bc_app_coach_held(const bc_app_state *s);

/* Home or a screen reached from it (exercise list, progress, profiles): no session. */
bool bc_app_on_menu(const bc_app_state *s);

/* The session's time so far, seconds of sample time, pauses left out. */
double bc_app_session_s(const bc_app_state *s);

/* The notice is up (a problem to tell the user: settings file, history, source). */
bool bc_app_notice_up(const bc_app_state *s);

/* Seconds "End this set?" waits for a second press before it goes away. */
#define BC_APP_CONFIRM_S 8.0

/* Seconds the set summary stays up before the exercise screen returns. */
#define BC_APP_SET_SUMMARY_S 8.0

#endif /* BC_APP_STATE_H */
