/* SPDX-License-Identifier: MIT */
/*
 * Deep squat (contract §4): from standing, the sensor on the lower back
 * lowered at least depth_cm below its standing height, the lower back
 * leaning no more than max_lean_deg from upright, the time lowered by at
 * least depth_cm at least the hold target, then standing up again.
 *
 * The height comes from vertical_travel.c: spans between still anchors,
 * each closed in hindsight. The height is chained over the anchors (the
 * stand before, the bottom when it is held, the stand after). An anchor is
 * the stand again when it is near the standing height with the trunk
 * upright, or when the trunk is upright (under 8 deg: a squat's bottom
 * leans 9 or more) just after coming up or after a stoop, or nearly
 * vertical (under 3 deg) whatever the chain says: one bad span must not
 * keep the wearer "down" for the rest of the session. The outcome is
 * decided there, when the wearer stands still again; its event carries the
 * time the wearer passed halfway up, and the depth is the mean of what the
 * way down and the way up measured. A span that rises to the stand and goes
 * down again (two squats with no still moment between) lets the first go.
 *
 * Lean is the spine's angle from the vertical whatever its direction (the
 * trunk incline); real squats lean 9-36 deg at the bottom, a stoop that
 * folds over instead of squatting 70 or more.
 *
 * Walking is no squat: every stride bounces the pelvis up and down (the
 * vertical acceleration swings past +-0.1 g twice a second), a squat swings
 * it a few times in all. A stretch with walk_bounces swings is let go in
 * silence, whatever the integration made of it (real walks at L5,
 * data/ipol-l5).
 *
 * A span the tracker cannot trust (longer than 16 s, cut by a data gap)
 * abandons the attempt in silence; the height is known again at the next
 * still anchor with the trunk upright.
 *
 * The hold's edges, for the tones and the voice: HOLD_START when the live
 * depth first reaches depth_cm (through the shared hold timer, so a brief
 * rise above it is a wobble, not a new hold), HOLD_DONE when the time that
 * counts (lowered_s, the outcome's own) first reaches the hold target. A
 * quick squat's time is known only in hindsight: its HOLD_DONE may come as
 * the wearer stands again, just before its count.
 */
#ifndef BC_SQUAT_H
#define BC_SQUAT_H

#include <stdbool.h>

#include "detect/hold_timer.h"
#include "detect/vertical_travel.h"

typedef struct {
	float depth_cm;		/* lowered at least this far: a squat, centimetres */
	float max_lean_deg;	/* leaning further from upright: a stoop, degrees */
	float attempt_cm;	/* lowered this far is an attempt, centimetres */
	float attempt_lean_deg; /* ...or leaning this far, degrees */
	float standing_tol_cm;	/* a still anchor this near the standing height is standing, cm */
	float upright_deg;	/* a still anchor near the standing height and leaning less
				 * than this is standing, degrees */
	float stand_lean_deg;	/* ...or leaning less than this just after coming up or a
				 * stoop (squats lean 9 deg or more at the bottom), degrees */
	float sure_stand_deg;	/* ...or less than this, whatever the height, degrees */
	float bounce_g;		/* a swing of the vertical acceleration past +-this... */
	int walk_bounces;	/* ...this many times since the stand: walking, not a squat */
} bc_squat_settings;

enum { BC_SQ_STANDING = 0, BC_SQ_SQUATTING, BC_SQ_HOLDING, BC_SQ_PHASE_COUNT };

typedef struct {
	bc_squat_settings s;
	bc_vertical_travel vt;
	bool lost;	    /* height unknown until an upright still anchor */
	float height_m;	    /* the last anchor's height relative to standing, metres */
	float deepest_m;    /* since the stand: deepest below standing, metres (>= 0) */
	float max_lean_deg; /* since the stand: the most the spine leaned from upright */
	float lowered_s;    /* since the stand: time at least depth_cm below standing */
	int bounces;	    /* since the stand: swings of the vertical acceleration */
	int bounce_sign;    /* the last swing's side (+1 up, -1 down, 0 none yet) */
	double last_t_s;
	double lean_peak_s; /* when the lean was at its most */
	double lean_back_s; /* when the lean last came back under half its most */
	bc_hold_timer hold; /* since the stand: in the depth that counts (live), for HOLD_START */
	bool hold_done;	    /* since the stand: HOLD_DONE said */
} bc_squat;

/* wobble_max_s: out of the depth shorter than this pauses the hold (the hold timer's). */
void bc_squat_init(bc_squat *q, const bc_squat_settings *s, float wobble_max_s);

#endif /* BC_SQUAT_H */
