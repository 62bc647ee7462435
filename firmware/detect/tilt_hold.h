/* SPDX-License-Identifier: MIT */
/*
 * The "move into a zone, hold, come back" machine shared by pelvic tilt,
 * knee-to-chest, child's pose and the bridge. The gauge is an angle from the
 * start position, towards the zone positive (each exercise's row names it;
 * for these four the sagittal angle, posterior tilt / flexion positive).
 * Small options in the row's part serve the rest: a far limit with its own
 * reason and a side measured from the turn (the crossover), and the other
 * way taken as another exercise (the downward dog, beside cat-cow).
 *
 *   rest --(gauge >= attempt)--> moving --(>= enter)--> holding
 *   holding --(< exit for wobble_max_s)--> returning --(< rest)--> rest
 *   rest --(gauge <= -wrong)--> wrong way --(back near rest)--> rest
 *   (far_deg <= gauge < max_deg at any time: the attempt went too far)
 *
 * Every attempt ends with exactly one outcome: a rep, or a rejection naming
 * why (too little range, hold too short, pelvis not level, wrong direction).
 * The outcome is decided once the attempt is over (back at rest, or settled
 * short of it) and carries the time the return passed halfway (halfway.h).
 * The hold time is the time past enter_deg itself; the hysteresis only
 * decides when a hold is paused or over.
 * Thresholds are in degrees and always have a gap between entering and
 * leaving a state, so a gauge hovering at a threshold cannot chatter.
 */
#ifndef BC_TILT_HOLD_H
#define BC_TILT_HOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "body/body_state.h"
#include "detect/halfway.h"
#include "detect/hold_timer.h"
#include "detect/rep_form.h"
#include "detect/hysteresis.h"
#include "vocab/coach_event.h"

typedef struct {
	float enter_deg;     /* the hold zone starts here (contract §4 minimum range) */
	float exit_deg;	     /* ...and is left below this (< enter_deg) */
	float attempt_deg;   /* an attempt starts this far above the rest level */
	float rest_deg;	     /* back at rest below this above the rest level (< attempt_deg) */
	float wrong_deg;     /* this far the opposite way: wrong direction */
	float max_deg;	     /* beyond ±this it is not this exercise (stood up, sat up) */
	float far_deg;	     /* past this (< max_deg) the attempt went too far: rejected
			      * with the exercise's far_reason (0: no check) */
	float roll_off_deg;  /* |axial_deg| beyond this: rolled onto the side, not this exercise */
	float level_max_deg; /* |axial_deg| at or above this: pelvis not level (0: no check) */
	float level_min_s;   /* not level this long while in the zone rejects the attempt */
	float min_incline_deg; /* trunk nearer vertical than this: not this exercise (0: no check) */
	float min_attempt_s;   /* shorter excursions that never reach the zone are noise */
	float min_zone_s;      /* a hold shorter than this in the zone, short of the target, was
			   * passing through (a stoop), not an attempt (0: no check) */
	float settle_s;	       /* stopped short of the zone/rest this long: the attempt is over */
	bool count_at_hold_done; /* rep counts when the hold target is reached, not on return */
} bc_tilt_hold_settings;

/* Phases (the numbers go into PHASE events). */
enum {
	BC_TH_REST = 0,
	BC_TH_MOVING,
	BC_TH_HOLDING,
	BC_TH_RETURNING,
	BC_TH_WRONG_WAY,
	BC_TH_OFF, /* not doing this exercise (e.g. stood up) */
	BC_TH_PHASE_COUNT
};

/* What one exercise adds to the machine: its part of the exercise's row. */
typedef struct {
	float (*gauge_deg)(const bc_body_state *b); /* towards the zone positive */
	const char *phase_names[BC_TH_PHASE_COUNT];
	bc_tilt_hold_settings defaults; /* its settings' defaults (contract §4) */
	bc_reject_reason far_reason;	/* past far_deg (e.g. rolled onto the side) */
	/*
	 * The side is measured: the sign of the turn about the spine at the
	 * attempt's peak, positive = right (contract §4, the crossover).
	 */
	bool side_from_turn;
	/*
	 * Going the other way is another exercise, not a mistake: no
	 * wrong-direction rejection, and a movement that swings straight
	 * through from the other way (a cat into a cow) is judged only if it
	 * reaches the zone (the downward dog).
	 */
	bool other_way_is_other_exercise;
} bc_tilt_hold_exercise;

/* Gauges: the sagittal angle from the start, posterior tilt / flexion positive. */
float bc_gauge_sagittal_deg(const bc_body_state *b);
/* ...its size, either way (a start gate). */
float bc_gauge_sagittal_abs_deg(const bc_body_state *b);
/* The other way: anterior tilt / extension positive (the cow, the downward dog). */
float bc_gauge_cow_deg(const bc_body_state *b);
/* The turn about the spine's own axis, either way: |axial| (the crossover). */
float bc_gauge_turn_deg(const bc_body_state *b);
/* Leaning from the upright start, whatever the direction: tilt_from_start_deg. */
float bc_gauge_lean_deg(const bc_body_state *b);
/* What a gauge above reads beyond the angles (bc_body_needs); NULL: none, another: all. */
unsigned bc_gauge_body_needs(float (*gauge_deg)(const bc_body_state *b));

typedef struct {
	bc_tilt_hold_settings s;
	const bc_tilt_hold_exercise *ex;
	float hold_target_s;
	int phase;
	float rest_level_deg; /* where "rest" settled, within ±rest_deg of the start */
	bc_hold_timer hold;
	bc_settle settle;
	bc_halfway halfway; /* when the return passed halfway (event time) */
	bool in_zone;	    /* past enter_deg, not yet back below exit_deg */
	bool unlevel;	    /* |axial| beyond the level limit now */
	double last_t_s;
	/* the attempt in progress (a wrong-way one is the WRONG_WAY phase) */
	bool closed;	    /* its outcome has been reported, or it was none */
	double attempt_t_s; /* when it started */
	bool reached_zone;  /* a hold began */
	bool hold_done;	    /* the hold target was reached */
	bool counted;	    /* the rep was reported at hold_done; the hold goes on */
	bool not_level;	    /* unlevel in the zone for level_min_s */
	float unlevel_s;    /* time in the zone while not level */
	float unlevel_deg;  /* the signed roll (axial) furthest from level while so */
	float peak_deg;
	float trough_deg;
	float best_hold_s;
	double at_rest_since_s; /* back within rest_deg of rest since (<0: not) */
	double settled_since_s; /* OFF: still in the start pose since (<0: not) */
	/* for the row's options: the far limit, the measured side, the other way */
	bool too_far;		 /* the attempt went past far_deg */
	bool through_other_way;	 /* it began straight out of the other way */
	bc_side side;		 /* side_from_turn: the side at its peak */
	double other_way_left_s; /* back from the other way at (<0: never) */
	bc_rep_form form;	 /* the attempt's form, stamped on its outcome */
} bc_tilt_hold;

void bc_tilt_hold_init(bc_tilt_hold *th, const bc_tilt_hold_settings *s,
		       const bc_tilt_hold_exercise *ex, float hold_target_s, float wobble_max_s);

#endif /* BC_TILT_HOLD_H */
