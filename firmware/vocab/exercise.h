/* SPDX-License-Identifier: MIT */
/*
 * The exercises backcoach knows, with their start positions (contract §3)
 * and the names used on the command line, in traces and in JSON. Each
 * exercise's words are in its row of the exercise table
 * (coach/exercise_table.h); lower layers are handed what they need at init.
 */
#ifndef BC_EXERCISE_H
#define BC_EXERCISE_H

typedef enum {
	BC_EXERCISE_NONE = -1,
	BC_EXERCISE_PELVIC_TILT = 0,
	BC_EXERCISE_BRIDGE,
	BC_EXERCISE_CAT_COW,
	BC_EXERCISE_KNEE_TO_CHEST,
	BC_EXERCISE_CHILDS_POSE,
	BC_EXERCISE_POSTURE,
	BC_EXERCISE_DEEP_SQUAT,
	BC_EXERCISE_DOWNWARD_DOG,
	BC_EXERCISE_CROSSOVER,
	BC_EXERCISE_LAT_STRETCH,
	BC_EXERCISE_SHOULDER_SQUEEZE,
	BC_EXERCISE_COUNT
} bc_exercise_id;

/* Where the wearer waits, still, after standing upright (contract §3 step 2). */
typedef enum {
	BC_POSE_SUPINE,	  /* lying on the back, knees bent: belly (+x) up */
	BC_POSE_TABLETOP, /* on hands and knees: back (-x) up */
	BC_POSE_SITTING,  /* sitting upright: spine (+z) up */
	BC_POSE_STANDING, /* standing upright: the stand the vertical was learned from, 2 s more */
	BC_POSE_UPRIGHT,  /* sitting or standing upright, whichever the wearer does */
} bc_start_pose;

/*
 * One-sided exercises (contract §2): the coach asks for a side (knee to
 * chest, lat stretch), or the movement shows it (the crossover's turn).
 */
typedef enum {
	BC_SIDES_NONE = 0, /* both sides at once, or no side */
	BC_SIDES_GUIDED,   /* left first, then alternating after each counted hold */
	BC_SIDES_MEASURED, /* the detector reports the side of each attempt */
} bc_sides_kind;

typedef struct {
	const char *name;  /* "pelvic-tilt", ... (contract §2) */
	const char *title; /* "Pelvic tilt", for the screen */
	bc_start_pose start_pose;
	const char *start_hint; /* "Lie on your back, knees bent" */
} bc_exercise_info;

#endif /* BC_EXERCISE_H */
