/* SPDX-License-Identifier: MIT */
/*
 * Exercise detectors: small phase state machines over the body angles.
 *
 * One detector object serves every exercise: a tagged union of the machines
 * (tilt-and-hold, cat-cow, posture), each chosen by the exercise's row of the
 * exercise table (coach/exercise_table.c), whose detector part is handed in
 * at init. Pelvic tilt, knee-to-chest, child's pose and the bridge are the
 * same "move into a zone, hold, come back" machine (tilt_hold.c), each row
 * naming its gauge, phases and default settings; cat-cow and the posture
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
#include "detect/paced_hold.h"
#include "detect/posture.h"
#include "detect/squat.h"
#include "detect/tilt_hold.h"
#include "vocab/coach_event.h"
#include "vocab/exercise.h"

typedef struct {
	/* by exercise id, tilt-and-hold exercises only (their defaults are in their rows) */
	bc_tilt_hold_settings tilt[BC_EXERCISE_COUNT];
	bc_cat_cow_settings cat_cow;
	bc_posture_settings posture;
	bc_squat_settings squat;
	bc_paced_hold_settings paced; /* the shoulder squeeze's pace */
	float start_tol_deg;	      /* start position: |sagittal| within this, degrees */
	float start_hold_s;	      /* ...held this long after calibration, seconds */
	float wobble_max_s;	      /* out of a hold zone shorter than this pauses the hold */
} bc_detect_settings;

/* The settings common to all, cat-cow's and posture's; tilt[] is all zero. */
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
	BC_HINT_NOT_SO_FAR,   /* past the far limit (crossover rolled onto the side) */
	BC_HINT_BREATHE_IN,   /* paced: breathe in */
	BC_HINT_SQUEEZE,      /* paced: squeeze and hold */
	BC_HINT_STAY_UPRIGHT, /* paced: leaning during the hold */
	BC_HINT_RELAX,	      /* paced: relax */
	BC_HINT_COUNT
} bc_detect_hint;

/* What the gauge shows: an angle, how far the hips went down, or the coach's pace. */
typedef enum {
	BC_GAUGE_ANGLE = 0, /* gauge_deg against zone_min/max_deg */
	BC_GAUGE_DEPTH,	    /* depth_cm against depth_target_cm (deep squat) */
	BC_GAUGE_PACE,	    /* the pace ring: pace_phase, pace_s of pace_phase_s */
} bc_gauge_kind;

/* The coach's pace for a paced exercise (shoulder squeeze, contract §4). */
typedef enum {
	BC_PACE_NONE = 0,
	BC_PACE_BREATHE_IN,
	BC_PACE_SQUEEZE, /* the hold */
	BC_PACE_RELAX,
} bc_pace_phase;

/* Everything the screen needs from the detector, refreshed every sample. */
typedef struct {
	bool started; /* start position reached after calibration */
	bc_gauge_kind gauge_kind;
	float depth_cm;		  /* DEPTH: how far the sensor is below standing now, cm */
	float depth_target_cm;	  /* DEPTH: the depth that counts, cm */
	bc_pace_phase pace_phase; /* PACE: where in the cycle the coach is */
	float pace_s;		  /* PACE: seconds into that phase... */
	float pace_phase_s;	  /* ...of this many */
	bc_side side;		  /* measured sides: the side of the movement now (NONE at rest) */
	float gauge_deg;	  /* the angle the exercise is about, its direction positive */
	float zone_min_deg;	  /* target zone on the gauge */
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

/* What a machine does (detect_internal.h); one per machine, named by rows. */
typedef struct bc_detector_ops bc_detector_ops;
extern const bc_detector_ops bc_tilt_hold_ops;	/* tilt_hold.c */
extern const bc_detector_ops bc_cat_cow_ops;	/* cat_cow.c */
extern const bc_detector_ops bc_posture_ops;	/* posture.c */
extern const bc_detector_ops bc_squat_ops;	/* squat.c */
extern const bc_detector_ops bc_paced_hold_ops; /* paced_hold.c */

/* The detector's part of an exercise's row (coach/exercise_table.c). */
typedef struct {
	const bc_detector_ops *ops;
	bc_tilt_hold_exercise tilt; /* tilt-and-hold rows only */
	/* How far from the start position, degrees, for the start gate (NULL: the machine's) */
	float (*start_offset_deg)(const bc_body_state *b);
	/* The start gate's tolerance, degrees (0: the start_tol_deg setting). A
	 * standing start takes BC_STAND_START_MAX_DEG: standing people shift
	 * their weight by more than a lying start's few degrees. */
	float start_tol_deg;
} bc_detector_row;

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
		bc_squat squat;
		bc_paced_hold paced;
	} u;
};

/*
 * Sets up the detector for one exercise, given its row; settings NULL: the
 * defaults (the row's, for a tilt-and-hold exercise). Returns -1 if the
 * exercise is out of range or the row is NULL or names no machine.
 */
int bc_detector_init(bc_detector *d, const bc_detect_settings *settings, bc_exercise_id exercise,
		     const bc_detector_row *row, float hold_target_s);

/*
 * One body state in; events appended to out. Until the start gate opens,
 * only START_REACHED can come out.
 */
void bc_detector_update(bc_detector *d, const bc_body_state *b, bc_detect_out *out);

/* End of session at time t_s: closes the attempt in progress. */
void bc_detector_finish(bc_detector *d, double t_s, bc_detect_out *out);

/*
 * The body tracker's outputs this detector reads beyond the angles
 * (bc_body_needs flags, body_state.h), for bc_body_tracker_set_needs: each
 * one nobody reads is a rotation and an atan2f a sample saved (about 6 % of
 * the coach's time).
 */
unsigned bc_detector_body_needs(const bc_detector *d);

/* Back to "wait for the start position" (after recalibration); keeps settings. */
void bc_detector_reset(bc_detector *d);

static inline const bc_detect_view *bc_detector_view(const bc_detector *d)
{
	return &d->view;
}

#endif /* BC_DETECTOR_H */
