/* SPDX-License-Identifier: MIT */
/*
 * Exercise detectors: small phase state machines over the body angles.
 *
 * One detector object serves every exercise: a tagged union of the machines
 * (tilt-and-hold, cat-cow, posture) and a table with one row per exercise
 * (detector_table.c). Pelvic tilt, knee-to-chest, child's pose and the bridge
 * are the same "move into a zone, hold, come back" machine (tilt_hold.c),
 * each a row naming its settings, gauge and phases; cat-cow and the posture
 * monitor have a machine, and a file, of their own.
 *
 * Common to all: nothing counts before the start position has been reached
 * and held after calibration (the start gate, detector.c). Detectors emit
 * coach events (phase, start reached, hold start/done, rep, rejected) and
 * keep a view for the screen; the coach adds cues, progress and totals.
 *
 * Angles are relative to the start position (body_state.h):
 * sagittal_deg positive = flexion / posterior tilt.
 */
#ifndef BC_DETECTOR_H
#define BC_DETECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "body/body_state.h"
#include "detect/cat_cow.h"
#include "detect/posture.h"
#include "detect/tilt_hold.h"
#include "vocab/coach_event.h"
#include "vocab/exercise.h"

typedef struct {
	bc_tilt_hold_settings pelvic_tilt;
	bc_tilt_hold_settings bridge;
	bc_tilt_hold_settings knee_to_chest;
	bc_tilt_hold_settings childs_pose;
	bc_cat_cow_settings cat_cow;
	bc_posture_settings posture;
	float start_tol_deg; /* start position: |sagittal| within this, degrees */
	float start_hold_s;  /* ...held this long after calibration, seconds */
	float wobble_max_s;  /* out of a hold zone shorter than this pauses the hold */
} bc_detect_settings;

extern const bc_detect_settings bc_detect_settings_default;

/* What the screen should tell the wearer now; the coach turns it into text. */
typedef enum {
	BC_HINT_NONE = 0,
	BC_HINT_GET_READY,    /* go to / stay in the start position */
	BC_HINT_GO,	      /* at rest: start the movement */
	BC_HINT_FURTHER,      /* moving, not far enough yet */
	BC_HINT_HOLD,	      /* in the zone: hold */
	BC_HINT_BACK_IN_ZONE, /* wobbled out of the zone: get back in */
	BC_HINT_KEEP_LEVEL,   /* bridge rolled to one side */
	BC_HINT_RELEASE,      /* hold done: come back down slowly */
	BC_HINT_RETURN,	      /* attempt over: back to the start */
	BC_HINT_WRONG_WAY,    /* moving the opposite way */
	BC_HINT_CAT,	      /* cat-cow: round up */
	BC_HINT_COW,	      /* cat-cow: let the belly sink */
	BC_HINT_SLOWER,	      /* cat-cow: each phase at least min_phase_s */
	BC_HINT_SITTING_WELL, /* posture: fine */
	BC_HINT_SIT_UP,	      /* posture: slouching */
	BC_HINT_NOT_EXERCISE, /* far outside anything this exercise does */
	BC_HINT_COUNT
} bc_detect_hint;

/* Everything the screen needs from the detector, refreshed every sample. */
typedef struct {
	bool started;	    /* start position reached after calibration */
	float gauge_deg;    /* the angle the exercise is about, its direction positive */
	float zone_min_deg; /* target zone on the gauge */
	float zone_max_deg;
	int phase;
	const char *phase_name;
	bool holding;	     /* a hold is running (possibly paused by a wobble) */
	float hold_s;	     /* held so far in the current attempt */
	float hold_target_s; /* 0: no hold */
	bc_detect_hint hint;
} bc_detect_view;

/* Where detectors write events; full buffers drop the rest (never overflow). */
typedef struct {
	bc_coach_event *ev;
	size_t n;
	size_t max;
} bc_detect_out;

static inline void bc_detect_emit(bc_detect_out *o, const bc_coach_event *e)
{
	if (o->n < o->max)
		o->ev[o->n++] = *e;
}

typedef struct bc_detector bc_detector;
/* An exercise's row in the detector table (detect_internal.h). */
typedef struct bc_detector_row bc_detector_row;

struct bc_detector {
	bc_exercise_id exercise;
	const bc_detector_row *row;
	bc_detect_settings settings;
	float hold_target_s;
	bc_detect_view view;
	double start_since_s; /* start gate: in the start position since (<0: not) */
	union {
		bc_tilt_hold tilt;
		bc_cat_cow cat_cow;
		bc_posture posture;
	} u;
};

/* Sets up the detector for one exercise; returns -1 if the exercise is unknown. */
int bc_detector_init(bc_detector *d, const bc_detect_settings *settings, bc_exercise_id exercise,
		     float hold_target_s);

/*
 * One body state in; events appended to out. Until the start gate opens,
 * only START_REACHED can come out.
 */
void bc_detector_update(bc_detector *d, const bc_body_state *b, bc_detect_out *out);

/* End of session at time t_s: closes the attempt in progress. */
void bc_detector_finish(bc_detector *d, double t_s, bc_detect_out *out);

/* Back to "wait for the start position" (after recalibration); keeps settings. */
void bc_detector_reset(bc_detector *d);

static inline const bc_detect_view *bc_detector_view(const bc_detector *d)
{
	return &d->view;
}

#endif /* BC_DETECTOR_H */
