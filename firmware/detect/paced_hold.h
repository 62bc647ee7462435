/* SPDX-License-Identifier: MIT */
/*
 * The paced hold (shoulder-blade squeeze, contract §4): the coach sets the
 * pace, not the wearer. From lead_in_s after calibration, cycles run back to
 * back: breathe in (breathe_in_s), squeeze and hold (the hold target, 5 s by
 * default), relax (relax_s).
 *
 * A sensor on the lower back cannot see the shoulder blades; what it can
 * check is that the wearer stays upright through each hold: the lean from
 * the upright start (tilt_from_start_deg) within upright_max_deg. A spell
 * beyond it shorter than wobble_max_s inside the hold is a wobble and is
 * allowed; a longer one makes the cycle `not upright`.
 *
 * Every cycle that ends gives exactly one outcome, at its end (the end of
 * the relax); a cycle the session cuts short gives none.
 *
 * The squeeze is the hold: HOLD_START as it begins, HOLD_DONE as it ends
 * with the wearer upright throughout (the hold that counts), for the tones
 * and the voice's "Done". The shared hold timer runs over the squeeze and
 * keeps the time held upright (HOLD_DONE's hold_s).
 */
#ifndef BC_PACED_HOLD_H
#define BC_PACED_HOLD_H

#include <stdbool.h>

#include "detect/hold_timer.h"
#include "detect/rep_form.h"

typedef struct {
	float lead_in_s;       /* the first cycle starts this long after calibration, seconds */
	float breathe_in_s;    /* each cycle: breathe in this long, seconds... */
	float relax_s;	       /* ...then squeeze for the hold target, then relax this long */
	float upright_max_deg; /* the lean from the start stays within this in a hold, degrees */
	float upright_gap_deg; /* ...and a spell beyond it ends this far back inside, degrees */
} bc_paced_hold_settings;

typedef struct {
	bc_paced_hold_settings s;
	float squeeze_s;    /* the hold of each cycle, seconds */
	float wobble_max_s; /* a spell out of the upright zone this long fails the hold */
	bool anchored;
	double first_cycle_s; /* when the first cycle starts (calibration + lead_in_s) */
	long cycle;	      /* the cycle in progress (-1: before the first) */
	bool out;	      /* leaning beyond upright_max_deg now (with hysteresis) */
	double out_since_s;   /* ...since */
	bool failed;	      /* this cycle's hold had a spell out of wobble_max_s or more */
	float out_held_s;     /* time in this cycle's hold spent out, seconds */
	float peak_deg;	      /* largest lean in this cycle's hold */
	double last_t_s;
	bc_rep_form form;   /* this cycle's hold steadiness (the pace is the coach's) */
	bc_hold_timer hold; /* the squeeze in progress (for its edges) */
	long hold_cycle;    /* ...of this cycle */
} bc_paced_hold;

#endif /* BC_PACED_HOLD_H */
