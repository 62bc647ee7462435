/* SPDX-License-Identifier: MIT */
/*
 * The exercises backcoach knows, with their start positions (contract §3)
 * and the names used on the command line, in traces and in JSON.
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
	BC_EXERCISE_COUNT
} bc_exercise_id;

/* Where the wearer waits, still, after standing upright (contract §3 step 2). */
typedef enum {
	BC_POSE_SUPINE,	  /* lying on the back, knees bent: belly (+x) up */
	BC_POSE_TABLETOP, /* on hands and knees: back (-x) up */
	BC_POSE_SITTING,  /* sitting upright: spine (+z) up */
} bc_start_pose;

typedef struct {
	bc_exercise_id id;
	const char *name;  /* "pelvic-tilt", ... (contract §2) */
	const char *title; /* "Pelvic tilt", for the screen */
	bc_start_pose start_pose;
	const char *start_hint; /* "Lie on your back, knees bent" */
} bc_exercise_info;

/* Table entry for id; NULL if out of range. */
const bc_exercise_info *bc_exercise_info_get(bc_exercise_id id);

/* Id for a name as written in traces/CLI; BC_EXERCISE_NONE if unknown. */
bc_exercise_id bc_exercise_from_name(const char *name);

#endif /* BC_EXERCISE_H */
