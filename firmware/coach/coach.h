/* SPDX-License-Identifier: MIT */
/*
 * The coach: one session object that owns the body tracker (filter and
 * calibration), the chosen exercise's detector and the targets, and turns
 * samples into coach events. The live app, `backcoach replay` and the tests
 * all run exactly this code.
 */
#ifndef BC_COACH_H
#define BC_COACH_H

#include <stdbool.h>
#include <stddef.h>

#include "body/body_tracker.h"
#include "core/sample_guard.h"
#include "coach/daily_plan.h"
#include "detect/detector.h"
#include "vocab/coach_event.h"
#include "vocab/exercise.h"

/*
 * Room callers should give update() for the events of one sample. With less
 * room, the essential events (bc_coach_event_essential) are kept first.
 */
#define BC_COACH_MAX_EVENTS_PER_SAMPLE 8

/* Why an attempt did not count needs time to read: its message stays at least this long. */
#define BC_COACH_REJECTION_SHOWN_MIN_S 4.0f

/*
 * The spoken coaching (host/app/voice.c reads these; the coach never speaks).
 * Settings keys voice.on, voice.name, voice.rate_wpm, voice.volume_pct.
 */
#define BC_VOICE_NAME_MAX 32
typedef struct {
	bool on;		      /* speak the coaching (the tones stay either way) */
	char name[BC_VOICE_NAME_MAX]; /* espeak-ng voice or language: "en", "en-us", "de" */
	int rate_wpm;		      /* speaking rate, words per minute */
	int volume_pct;		      /* loudness, percent of the engine's normal */
} bc_voice_settings;

/*
 * A sub-struct left all zero (body, detect) means "its defaults": C cannot
 * initialise one const struct from another, so bc_coach_settings_default
 * holds zeros there and bc_coach_init fills them in. Its hold_s are zero
 * too (0 is a real value: no hold); bc_coach_settings_init fills each from
 * the exercise's row (exercise_table.c).
 */
typedef struct {
	bc_body_settings body;
	bc_detect_settings detect;
	int target_reps;		 /* reps (or holds) per set */
	float hold_s[BC_EXERCISE_COUNT]; /* hold target per exercise, seconds (0: none) */
	float feedback_s;		 /* a rep's message stays this long, seconds (a rejection's
				 * at least BC_COACH_REJECTION_SHOWN_MIN_S) */
	bc_voice_settings voice;
	bc_plan_settings plan; /* the daily plan (the app's; the coach itself ignores it) */
} bc_coach_settings;

extern const bc_coach_settings bc_coach_settings_default;

/* The complete defaults, body and detector settings included. */
void bc_coach_settings_init(bc_coach_settings *s);

/* Everything the screen draws, refreshed every sample. */
typedef struct {
	bc_exercise_id exercise;
	bc_calib_stage stage;
	bc_calib_wait calib_wait; /* what the calibration waits for (NONE: calibrated) */
	float stage_progress;	  /* 0..1 */
	bool started;		  /* start position reached after calibration */
	bc_body_angles angles;	  /* live, relative to start */
	bc_gauge_kind gauge_kind; /* what the gauge shows (detector.h) */
	float depth_cm, depth_target_cm;
	bc_pace_phase pace_phase;
	float pace_s, pace_phase_s;
	float gauge_deg;    /* the angle the exercise is about (sign: its direction) */
	float zone_min_deg; /* target zone on that gauge */
	float zone_max_deg;
	int phase;
	const char *phase_name;
	bool holding;
	float hold_s; /* held so far in the current attempt */
	float hold_target_s;
	int reps;
	int rejected;
	int target_reps;
	bc_side side;			  /* one-sided: the side asked for (guided), or of the
					   * last attempt (measured); NONE otherwise */
	int side_reps[BC_SIDE_COUNT];	  /* counted reps by side */
	char feedback[BC_EVENT_TEXT_MAX]; /* the screen's line: the cue, or an outcome */
	bc_event_type feedback_of;	  /* what feedback says: REP, REJECTED, else CUE */
	/* Why the last attempt did not count, with its numbers ("" none yet). */
	char not_counted[BC_EVENT_TEXT_MAX];
	double t_s;
	bool set_done;	     /* target_reps reached */
	bc_detect_hint hint; /* what feedback is about (for icons/colours) */
	int sensor_glitches; /* spikes and freezes of the sensor so far (sample_guard.h) */
	/* A sensor fault in the last BC_COACH_GLITCH_SHOWN_S: "Sensor glitch - check the cable" */
	bool sensor_glitch;
} bc_coach_view;

/* How long the screen says "Sensor glitch" after one, seconds. */
#define BC_COACH_GLITCH_SHOWN_S 5.0

/* What the screen says about a sensor fault (coach.c; the status bar shows it). */
extern const char bc_coach_glitch_text[];

/* What the cue line was built from (coach.c): rebuilt only when it changes. */
typedef struct {
	bc_detect_hint hint;
	bc_calib_wait wait; /* while getting ready, else BC_WAIT_NONE */
	int left_s;	    /* whole seconds of the hold left, -1: no countdown */
	bc_side side;	    /* the side asked for (guided sides), else NONE */
} bc_coach_cue_key;

typedef struct {
	bc_coach_settings settings;
	bc_exercise_id exercise;
	bc_body_tracker body;
	bc_detector detector;
	bc_coach_view view;
	bc_calib_stage last_stage;
	int progress_whole_s;	     /* last whole second reported by HOLD_PROGRESS */
	double feedback_until_s;     /* a rep/rejection message holds the screen until then */
	char cue[BC_EVENT_TEXT_MAX]; /* last CUE text emitted */
	bc_coach_cue_key cue_key;    /* what cue was last built from */
	bool paused;		     /* bc_coach_pause: the body is tracked, nothing counted */
	bc_sample_guard guard;	     /* spikes and frozen output, before the filter */
	double glitch_t_s;	     /* the last sensor fault (-inf: none) */
} bc_coach;

void bc_coach_init(bc_coach *c, const bc_coach_settings *settings, bc_exercise_id exercise);

/*
 * One sample in; up to max events out (returns how many were written). The
 * sample is checked first (sample_guard.h): a spike is repaired, frozen
 * output is dropped, and an attempt that a sensor fault (a freeze, a burst
 * of glitches, a dropout) cuts short ends as INTERRUPTED, not REJECTED.
 */
size_t bc_coach_update(bc_coach *c, const bc_sample *s, bc_coach_event *events, size_t max);

/*
 * bc_coach_update in two halves, so a replay can run the front half for the
 * samples ahead on another core (issue 14). The front is what depends on the
 * samples alone: the sample guard and the orientation filter; it touches
 * only c->guard and c->body.filter, and bc_coach_update_fronted never does.
 * In order, front then fronted is bc_coach_update exactly.
 */
typedef struct {
	bc_sample sample;	  /* as checked: a spike repaired (its time as it came: NaN
				   * stays NaN) */
	bc_guard_verdict verdict; /* FROZEN and INVALID go no further than the guard */
	bc_glitch_kind glitch;	  /* a glitch this sample completes */
	bool glitch_burst;	  /* ... the last of a burst of them (bc_sample_guard_burst) */
	bc_filter_step filter;	  /* verdict OK or SPIKE: the filter's step */
} bc_coach_front;

/* The front of *s, which is checked in place (a spike repaired). */
void bc_coach_front_step(bc_coach *c, bc_sample *s, bc_coach_front *out);
size_t bc_coach_update_fronted(bc_coach *c, const bc_coach_front *f, bc_coach_event *events,
			       size_t max);

/*
 * The same, from a body state instead of a sample: everything after the body
 * tracker. For tests and tools that already have body angles.
 */
size_t bc_coach_update_body(bc_coach *c, const bc_body_state *b, bc_coach_event *events,
			    size_t max);

/* End of session: closes an attempt in progress and emits the SUMMARY. */
size_t bc_coach_finish(bc_coach *c, bc_coach_event *events, size_t max);

/*
 * The wearer paused the session (a button): while paused the body tracker
 * still follows every sample (the orientation stays right whatever the
 * wearer does meanwhile) but the detector sees nothing, so no time is
 * counted and no event comes out. Pausing drops the attempt in progress
 * (neither counted nor rejected); on resuming, counting starts again once
 * the start position is held (the start gate), counts kept.
 */
void bc_coach_pause(bc_coach *c, bool paused);

/* Restart calibration (button or key) without losing counts. */
void bc_coach_recalibrate(bc_coach *c);

static inline const bc_coach_view *bc_coach_get_view(const bc_coach *c)
{
	return &c->view;
}

#endif /* BC_COACH_H */
