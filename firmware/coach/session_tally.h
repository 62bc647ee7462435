/* SPDX-License-Identifier: MIT */
/*
 * What one session came to, gathered from the coach's event stream: counted
 * reps, rejected attempts by reason, holds and the range reached. The one
 * tally the screen's summary, the history record and `replay` all read, so
 * they cannot count or measure a session differently.
 *
 * The caller owns it: init at the start of a session, add every event in
 * order (events of any type; those that are not outcomes are ignored), read
 * the fields. Fed in pieces or all at once, the result is the same.
 */
#ifndef BC_SESSION_TALLY_H
#define BC_SESSION_TALLY_H

#include <stdbool.h>
#include <stddef.h>

#include "vocab/coach_event.h"
#include "vocab/exercise.h"

typedef struct {
	bool monitor; /* posture: a REP is a slouch alert, no hold or range */
	int reps;     /* REP events: counted reps (posture: slouch alerts) */
	int rejected; /* REJECTED events */
	/* Rejected attempts by reason; slot BC_REJECT_NONE: no known reason. Adds up to rejected. */
	int rejected_by_reason[BC_REJECT_COUNT];
	int holds;	    /* counted reps that carried a hold (hold_s > 0) */
	float best_hold_s;  /* longest of those holds, seconds; 0: none */
	float total_hold_s; /* their sum, seconds (mean: total_hold_s / holds) */
	/*
	 * The largest signed peak of a counted rep, degrees; NAN: none. The
	 * peak's sign is the exercise's direction (the coach's gauge), so the
	 * largest signed value is the furthest a counted rep went the right
	 * way; a largest |peak| would rate a movement the wrong way as range.
	 */
	float peak_deg;
	bool per_side;		      /* a one-sided exercise: reps are counted per side too */
	int side_reps[BC_SIDE_COUNT]; /* counted reps by side; slot NONE: without a side */
	int sensor_glitches;	      /* SENSOR_GLITCH events: spikes and freezes of the sensor */
	int interrupted; /* INTERRUPTED events: attempts a sensor fault cut short (not rejected) */
} bc_session_tally;

/* An empty tally for a session of exercise. */
void bc_session_tally_init(bc_session_tally *t, bc_exercise_id exercise);

/* Adds one coach event. */
void bc_session_tally_add(bc_session_tally *t, const bc_coach_event *e);

/* Adds n coach events, in order. */
void bc_session_tally_add_events(bc_session_tally *t, const bc_coach_event *events, size_t n);

#endif /* BC_SESSION_TALLY_H */
