/* SPDX-License-Identifier: MIT */
/*
 * Cat-cow: on hands and knees, the back rounds up (cat: flexion, sagittal
 * positive) and sinks (cow: extension, negative). The current phase - cat,
 * neutral or cow - is reported continuously, with hysteresis at each end.
 *
 * Each excursion from neutral is one half-cycle; a cat half and a cow half
 * in a row make one cycle, counted when the second half returns to neutral.
 * A half that never reached the zone makes the cycle "too little range";
 * a half that stayed in its zone less than min_phase_s makes it "rushed".
 * A half left alone at neutral for max_pause_s (its partner too shallow to
 * register at all) is "too little range" as well. A cycle's event carries
 * the time its last half passed halfway back to neutral (halfway.h).
 */
#ifndef BC_CAT_COW_H
#define BC_CAT_COW_H

#include <stdbool.h>

#include "detect/halfway.h"
#include "detect/hold_timer.h"

typedef struct {
	float enter_deg;   /* cat at +enter or beyond, cow at -enter or beyond */
	float exit_deg;	   /* ...left when back inside ±exit (< enter_deg) */
	float attempt_deg; /* an excursion from neutral starts beyond ±attempt */
	float rest_deg;	   /* ...and ends back inside ±rest (< attempt_deg) */
	float min_phase_s; /* each phase held at least this long, else "rushed" */
	float max_deg;	   /* beyond ±max it is not cat-cow (stood up, sat back) */
	float max_pause_s; /* a half waits this long at neutral for its partner */
} bc_cat_cow_settings;

enum { BC_CC_NEUTRAL = 0, BC_CC_CAT, BC_CC_COW, BC_CC_PHASE_COUNT };

/* One excursion from neutral. */
typedef struct {
	int dir;	  /* +1 cat, -1 cow, 0 none */
	bool reached;	  /* entered its zone */
	float zone_s;	  /* time in its zone (brief wobbles excluded) */
	float peak_deg;	  /* signed extreme */
	double event_t_s; /* when its return passed halfway */
} bc_cc_half;

typedef struct {
	bc_cat_cow_settings s;
	int phase; /* BC_CC_*: which zone the gauge is in now */
	bc_hold_timer zone_timer;
	bc_cc_half cur;		/* excursion in progress (dir 0: at neutral) */
	bc_cc_half pending;	/* the finished half waiting for its partner */
	bc_halfway halfway;	/* of the half in progress */
	double neutral_since_s; /* back at neutral since (no half in progress) */
	bool off;		/* beyond max: ignore until back at neutral, still */
	double settled_since_s; /* off: still at neutral since (<0: not) */
} bc_cat_cow;

void bc_cat_cow_init(bc_cat_cow *cc, const bc_cat_cow_settings *s, float wobble_max_s);

#endif /* BC_CAT_COW_H */
