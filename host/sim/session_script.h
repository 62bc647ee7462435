/* SPDX-License-Identifier: MIT */
/*
 * Exercise scripts: what a simulated wearer does in one session, and the
 * answer a correct detector must give.
 *
 * Every session follows the wearing protocol (contract §3): stand upright
 * and still (>= 3 s, natural sway), move into the exercise's start pose with
 * a realistic transition, stay still there (>= 2 s), then the scenario:
 *
 * - correct:           N correct reps (holds; cat-cow cycles; posture slouches)
 * - mixed:             correct reps plus one attempt of every rejection kind
 *                      that applies to the exercise, shuffled (posture: near
 *                      misses that must not alert)
 * - incorrect:REASON   N attempts all failing for REASON
 * - distractor:KIND    movement with nothing to count (fidget, roll-over,
 *                      sit-up, walk, still, stand, pick-up, other-exercise,
 *                      or all of them)
 *
 * EXPECTED EVENT TIME (what detectors are scored against, +-0.3 s): the
 * midpoint in time of the return movement that ends the attempt -- the
 * release of the hold back to neutral (hold exercises), the rise out of the
 * cow back to neutral (cat-cow, the end of the cycle). Every movement is
 * minimum-jerk, so this is also the instant the angle is exactly halfway
 * back (breathing and wobble aside) and moving fastest: the wearer has
 * unmistakably left the hold, and the instant is sharp whatever the
 * amplitude. (For a large hold this is about when the angle drops back
 * through the range threshold; a detector that counts on leaving the zone
 * sits within a fraction of the return's duration of it.)
 * Posture alerts: the moment the sagittal angle (true, relative to the
 * sitting start, breathing and wobble included) first reaches 10 deg, plus
 * 10 s, and every 30 s after that while the slouch lasts.
 */
#ifndef BC_SIM_SESSION_SCRIPT_H
#define BC_SIM_SESSION_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/body_trajectory.h"
#include "sim/person.h"
#include "sim/rng.h"
#include "vocab/coach_event.h"
#include "vocab/exercise.h"

typedef enum {
	SIM_SCENARIO_CORRECT,
	SIM_SCENARIO_MIXED,
	SIM_SCENARIO_INCORRECT,
	SIM_SCENARIO_DISTRACTOR,
} sim_scenario;

typedef enum {
	SIM_DISTRACT_ALL,
	SIM_DISTRACT_FIDGET,
	SIM_DISTRACT_ROLL_OVER,
	SIM_DISTRACT_SIT_UP,
	SIM_DISTRACT_WALK,
	SIM_DISTRACT_STILL,
	SIM_DISTRACT_STAND,
	SIM_DISTRACT_PICK_UP,	     /* bending over to pick something up */
	SIM_DISTRACT_OTHER_EXERCISE, /* another exercise from the same start pose */
	SIM_DISTRACT_COUNT
} sim_distractor;

typedef struct {
	bc_exercise_id exercise;
	sim_scenario scenario;
	bc_reject_reason reason;   /* INCORRECT: the one reason */
	sim_distractor distractor; /* DISTRACTOR */
	int reps;		   /* correct reps / attempts; <= 0: the exercise's default */
	double hold_s;		   /* hold target, seconds; <= 0: contract §4 default */
	int dropouts;		   /* data gaps (> 0.5 s) to place in rests */
	double t0_s;		   /* session start time, seconds */
} sim_script_settings;

/* One thing the detector must report: a rep (or posture alert) or a rejection. */
typedef struct {
	double t_s;
	bool rep;		 /* false: rejected */
	bc_reject_reason reason; /* rejected: why */
	bc_side side;		 /* one-sided exercises: the side (contract §2) */
} sim_expect_event;

/* One scripted attempt, for checking the answer against the motion itself. */
typedef struct {
	double start_s;		 /* movement away from neutral begins */
	double release_s;	 /* the return movement begins */
	double event_s;		 /* the expected event (see above): for holds and
				    * cat-cow midway between release_s and end_s */
	double end_s;		 /* back at neutral */
	bool counts;		 /* a rep */
	bc_reject_reason reason; /* otherwise why not (NONE: nothing to report) */
	double peak_deg;	 /* intended peak of the gauge in the phase
				    * that ends the attempt (cat-cow: the cow, < 0) */
	int alerts;		 /* posture: alerts this slouch must give */
	double zone_s;		 /* hold exercises: true time past the range
				    * threshold (slips < 1 s bridged), seconds */
	bc_side side;		 /* one-sided exercises: the leg or arm */
} sim_attempt;

typedef struct {
	double t_s, gap_s;
} sim_dropout;

typedef struct {
	bc_exercise_id exercise;
	sim_trajectory traj;
	sim_quat q_start; /* start pose (base, without breathing) */
	sim_vec3 p_start_m;
	double upright_end_s; /* end of the still standing spell */
	double ready_s;	      /* end of the still spell in the start pose */
	double hold_target_s; /* 0 for exercises without a hold */
	double threshold_deg; /* the rep definition's range threshold (deep squat: cm) */
	sim_expect_event *events;
	size_t n_events, cap_events;
	sim_attempt *attempts;
	size_t n_attempts, cap_attempts;
	sim_dropout *dropouts;
	size_t n_dropouts, cap_dropouts;
	/* rest spells after calibration where a dropout may go (internal) */
	double (*quiet)[2];
	size_t n_quiet, cap_quiet;
} sim_script;

/* Builds the session. 0 ok; -1 with a message in err (bad combination or
 * out of memory). The script must be freed even on failure. */
/*
 * The shoulder squeeze is paced from the device's calibration (contract §4):
 * its expected events replace the script's, one per cycle from
 * calibrated_s + 2 s that ends by the last sample, the verdict from the
 * true lean from the device's start (n samples from calibration on: times,
 * degrees; script_standing.c). 0, or -1 out of memory.
 */
int sim_squeeze_expect(sim_script *s, double calibrated_s, const double *t_s, const float *lean_deg,
		       size_t n);

int sim_script_build(sim_script *s, const sim_script_settings *settings, const sim_person *person,
		     sim_rng *rng, char *err, size_t err_size);
void sim_script_free(sim_script *s);

/* True body angles at t relative to the start pose, degrees, in the
 * convention of body_state.h (rotation-vector components in the start body
 * frame; sagittal positive = flexion / posterior tilt). */
void sim_script_angles(const sim_script *s, double t_s, double *sagittal_deg, double *frontal_deg,
		       double *axial_deg);

/*
 * The true value of the exercise's gauge at t, degrees, the way contract §4
 * measures it, towards the exercise's direction positive: the sagittal angle
 * (posterior positive) for most; its opposite for the downward dog; |axial|
 * for the crossover; the lean of the spine from the upright start, whatever
 * its direction, for the standing exercises. The deep squat's gauge is a
 * depth: sim_script_depth_cm (and its threshold_deg is 30 cm).
 */
double sim_script_gauge_deg(const sim_script *s, double t_s);

/* How far the sensor is below its height in the start pose (standing), cm. */
double sim_script_depth_cm(const sim_script *s, double t_s);

/* The spine's (body z's) angle from the earth's vertical, degrees. */
double sim_script_lean_deg(const sim_script *s, double t_s);

/* Does this rejection kind apply to the exercise? */
bool sim_reason_applies(bc_exercise_id ex, bc_reject_reason reason);

/* Does this distractor apply to the exercise's start pose? */
bool sim_distractor_applies(bc_exercise_id ex, sim_distractor d);

const char *sim_distractor_name(sim_distractor d);
sim_distractor sim_distractor_from_name(const char *name); /* COUNT if unknown */
bc_reject_reason sim_reason_from_name(const char *name);   /* "too-little-range" or
							       "too little range"; NONE if unknown */

/* Default hold target (contract §4), seconds; 0 if the exercise has none. */
double sim_default_hold_s(bc_exercise_id ex);

#endif /* BC_SIM_SESSION_SCRIPT_H */
