/* SPDX-License-Identifier: MIT */
/*
 * The coach's output: one stream of events that the screen, the buzzer, the
 * replay JSON and the history all consume, so they can never disagree.
 */
#ifndef BC_COACH_EVENT_H
#define BC_COACH_EVENT_H

#include <stdbool.h>

typedef enum {
	BC_EVENT_CALIBRATION,	/* calibration stage changed (stage) */
	BC_EVENT_START_REACHED, /* start position held; counting may begin */
	BC_EVENT_PHASE,		/* detector phase changed (phase, phase_name) */
	BC_EVENT_HOLD_START,	/* entered the hold zone (hold_target_s) */
	BC_EVENT_HOLD_PROGRESS, /* once a second while holding (hold_s) */
	BC_EVENT_HOLD_DONE,	/* hold target reached (hold_s) */
	BC_EVENT_REP,		/* a correct rep/hold/alert: "rep" in JSON */
	BC_EVENT_REJECTED,	/* an attempt that did not count: "rejected" */
	BC_EVENT_CUE,		/* one line of guidance for the screen (text, hint) */
	BC_EVENT_SET_DONE,	/* target reps reached */
	BC_EVENT_DROPOUT,	/* sensor data gap > 0.5 s; state kept */
	BC_EVENT_SUMMARY,	/* end of session (reps, rejected) */
	BC_EVENT_SENSOR_GLITCH, /* the sensor gave what no body can (text: "spike", "frozen", "invalid") */
	BC_EVENT_INTERRUPTED, /* an attempt cut short by a sensor fault: neither counted
				 * nor rejected (text: "sensor fault"; hold_s so far) */
} bc_event_type;

/* Why an attempt was interrupted (the replay JSON's reason). */
#define BC_INTERRUPTED_REASON "sensor fault"

/* Why an attempt did not count; the strings are part of the JSON output. */
typedef enum {
	BC_REJECT_NONE = 0,
	BC_REJECT_TOO_LITTLE_RANGE, /* "too little range" */
	BC_REJECT_HOLD_TOO_SHORT,   /* "hold too short" */
	BC_REJECT_NOT_LEVEL,	    /* "pelvis not level" */
	BC_REJECT_RUSHED,	    /* "rushed" */
	BC_REJECT_WRONG_DIRECTION,  /* "wrong direction" */
	BC_REJECT_LEANING_TOO_FAR,  /* "leaning too far" (a stoop, not a squat) */
	BC_REJECT_ROLLED_ONTO_SIDE, /* "rolled onto the side" (crossover past 70 deg) */
	BC_REJECT_NOT_UPRIGHT,	    /* "not upright" (shoulder squeeze) */
	BC_REJECT_COUNT
} bc_reject_reason;

const char *bc_reject_reason_text(bc_reject_reason r);

/* The side of a one-sided exercise's attempt: the leg or arm (contract §2). */
typedef enum { BC_SIDE_NONE = 0, BC_SIDE_LEFT, BC_SIDE_RIGHT, BC_SIDE_COUNT } bc_side;

/* "left", "right"; "" for NONE. */
const char *bc_side_text(bc_side s);

/* Left <-> right; NONE stays NONE. */
static inline bc_side bc_side_other(bc_side s)
{
	return s == BC_SIDE_LEFT ? BC_SIDE_RIGHT : s == BC_SIDE_RIGHT ? BC_SIDE_LEFT : BC_SIDE_NONE;
}

#define BC_EVENT_TEXT_MAX 80

typedef struct {
	bc_event_type type;
	double t_s;		      /* sample time the event belongs to */
	int stage;		      /* CALIBRATION: bc_calib_stage */
	int phase;		      /* PHASE: detector-specific phase number */
	const char *phase_name;	      /* PHASE: static string ("cat", "neutral", ...) */
	float hold_s;		      /* held so far / at the end, seconds */
	float hold_target_s;	      /* the hold goal, seconds (0: no hold) */
	float peak_deg;		      /* REP/REJECTED: peak angle reached, degrees */
	float depth_cm;		      /* REP/REJECTED of the deep squat: deepest below standing */
	bc_reject_reason reason;      /* REJECTED */
	bc_side side;		      /* REP/REJECTED of a one-sided exercise; CUE: side asked */
	int reps;		      /* REP/SET_DONE/SUMMARY: count so far */
	int rejected;		      /* REJECTED/SUMMARY: rejected so far */
	char text[BC_EVENT_TEXT_MAX]; /* CUE: text; REP on posture: "slouch alert" */
	/* REJECTED: what the attempt had to do, so the words can say what to do. */
	float target_deg;      /* the angle to reach (too little range) or to stay within
				* (leaning too far, rolled onto the side, not upright) */
	float depth_target_cm; /* too little range of the deep squat: the depth to reach */
	float phase_min_s;     /* rushed: each phase should last at least this, seconds */
	bc_side low_side;      /* pelvis not level: the hip that dropped (NONE: unknown) */
	int hint;	       /* CUE: the bc_detect_hint it was built from */
	/*
	 * REP/REJECTED: the attempt's form (detect/rep_form.h says how each is
	 * measured). NAN where it does not apply or was not reached: no hold,
	 * never in the zone, a paced or monitored exercise.
	 */
	float hold_sd_deg;    /* hold steadiness: standard deviation of the gauge while holding */
	float smoothness;     /* approach: net rise / path travelled, 0..1 (1: straight in) */
	float time_to_zone_s; /* from leaving the start to entering the zone, seconds */
} bc_coach_event;

/*
 * Events that must never be dropped for lack of room: outcomes (REP,
 * REJECTED, SET_DONE, SUMMARY), calibration steps (CALIBRATION,
 * START_REACHED), a hold's edges (HOLD_START, HOLD_DONE: their tones,
 * and the history's hold target) and sensor faults (SENSOR_GLITCH,
 * INTERRUPTED: the tally counts them). The rest (PHASE, HOLD_PROGRESS, CUE,
 * DROPOUT) are superseded by the next view. The coach's per-sample budget
 * and the app's event ring both keep these first.
 */
bool bc_coach_event_essential(const bc_coach_event *e);

#endif /* BC_COACH_EVENT_H */
