/* SPDX-License-Identifier: MIT */
/*
 * The form of one attempt, measured as it happens: how steady the hold was,
 * how smoothly and how quickly the wearer moved into the zone. Carried on
 * the attempt's REP or REJECTED event (coach_event.h), so the screen, the
 * replay JSON and the history all read the same figures.
 *
 * The measures, on the exercise's gauge (the angle the exercise is about,
 * towards the zone positive):
 *
 * - hold_sd_deg, hold steadiness: the standard deviation of the gauge over
 *   the hold (every sample while the hold runs, paused wobbles included),
 *   leaving out its first BC_REP_FORM_SETTLE_S (the end of the movement into
 *   it). Welford's running mean and variance. Smaller is steadier; NAN when
 *   the hold was shorter than the settle time.
 * - smoothness, of the approach from leaving the start to entering the zone:
 *   the net rise divided by the path travelled, with the gauge passed through
 *   a backlash of BC_REP_FORM_PLAY_DEG (a "play" operator: the output moves
 *   only once the input has moved more than half the play away from it), so
 *   sensor noise and tremor below that travel nothing at any sample rate.
 *   1.0: straight in without turning back; a dip of x degrees on the way
 *   costs about 2x of path (into the zone 20 deg with one 5 deg dip:
 *   19.5 / 27.5 = 0.71, the play taken off each turn).
 *   A pause does not lower it; time_to_zone_s shows a slow approach.
 * - time_to_zone_s: from the last sample at the start (the caller says when
 *   the wearer is there) to the first sample of the hold, seconds.
 *
 * Work per sample: a few additions, one sqrt at the event; no state beyond
 * the struct, no heap.
 */
#ifndef BC_REP_FORM_H
#define BC_REP_FORM_H

#include <stdbool.h>

#include "vocab/coach_event.h"

/* The first part of a hold is still the movement into it, seconds. */
#define BC_REP_FORM_SETTLE_S 1.0
/* Back-and-forth smaller than this is noise or tremor, not a turn, degrees. */
#define BC_REP_FORM_PLAY_DEG 1.0f

typedef struct {
	bool approach; /* measure the approach (false: a paced hold, whose pace is the coach's) */
	bool started;  /* the wearer has been at the start */
	double start_t_s;
	float play_deg;	 /* the gauge through the backlash */
	float start_deg; /* ... at the start */
	float path_deg;	 /* ... the path it travelled since */
	bool reached;	 /* the zone was entered since the start */
	float time_to_zone_s;
	float smoothness;
	double hold_since_s; /* the hold running since (< 0: none) */
	int hold_n;	     /* samples in the hold past the settle time... */
	double hold_mean_deg;
	double hold_m2; /* ...their mean and sum of squared deviations (Welford) */
} bc_rep_form;

/* Starts empty; approach false measures the hold only. */
void bc_rep_form_init(bc_rep_form *f, bool approach);

/*
 * One sample: the gauge, whether the wearer is at the start (a new approach
 * begins from the last such sample, and the previous attempt's figures are
 * forgotten) and whether a hold is running.
 */
void bc_rep_form_update(bc_rep_form *f, double t_s, float gauge_deg, bool at_start, bool holding);

/* Writes the attempt's form into a REP or REJECTED event (NAN: not measured). */
void bc_rep_form_stamp(const bc_rep_form *f, bc_coach_event *e);

#endif /* BC_REP_FORM_H */
