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

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "vocab/coach_event.h"
#include "vocab/exercise.h"

/* A running mean of the values that were there (NAN values are left out). */
typedef struct {
	int n;
	float sum;
} bc_tally_mean;

/* The mean, NAN when empty. */
static inline float bc_tally_mean_of(const bc_tally_mean *m)
{
	return m->n > 0 ? m->sum / (float)m->n : NAN;
}

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
	/*
	 * The form of the counted reps (detect/rep_form.h): each measure over
	 * the reps that carried it (a rep without a hold has no steadiness).
	 * Means by bc_tally_mean_of(); NAN when no rep carried it.
	 */
	bc_tally_mean hold_sd_deg;    /* hold steadiness, degrees (smaller: steadier) */
	bc_tally_mean smoothness;     /* approach smoothness, 0..1 (1: straight in) */
	bc_tally_mean time_to_zone_s; /* from leaving the start to the zone, seconds */
	/* Sensor faults in the session (read errors, resets); the reader counts them. */
	int sensor_glitches;
} bc_session_tally;

/* An empty tally for a session of exercise. */
void bc_session_tally_init(bc_session_tally *t, bc_exercise_id exercise);

/* Adds one coach event. */
void bc_session_tally_add(bc_session_tally *t, const bc_coach_event *e);

/* Adds n coach events, in order. */
void bc_session_tally_add_events(bc_session_tally *t, const bc_coach_event *events, size_t n);

#endif /* BC_SESSION_TALLY_H */
