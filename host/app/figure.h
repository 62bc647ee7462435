/* SPDX-License-Identifier: MIT */
/*
 * A picture of every exercise: a thick-limbed figure (head, a trunk of two
 * halves so the back can round and arch, two arms and two legs) moving
 * between key poses. One table row per exercise (figure_poses.c): the start
 * position, the end of the movement (and for cat-cow a second end, the
 * cow), the prop it needs (floor, chair, door frame) and whether it is seen
 * from the side or from above. A pose is joint directions, so the movement
 * in between is a plain interpolation of angles.
 *
 * Units: the trunk (hip to shoulder) is 1 long; y is up, the floor is y = 0.
 * Directions are degrees anticlockwise from +x (0 right, 90 up).
 */
#ifndef BC_APP_FIGURE_H
#define BC_APP_FIGURE_H

#include <stdbool.h>

#include "vocab/exercise.h"

typedef enum { BC_LIMB_NEAR, BC_LIMB_FAR, BC_LIMB_COUNT } bc_limb;

typedef struct {
	float hip_x, hip_y;		 /* the pelvis */
	float lumbar_deg;		 /* hip to mid-back */
	float chest_deg;		 /* mid-back to shoulders */
	float head_deg;			 /* shoulders to the head's centre */
	float arm_deg[BC_LIMB_COUNT][2]; /* upper arm, forearm */
	float leg_deg[BC_LIMB_COUNT][2]; /* thigh, shin */
} bc_figure_pose;

typedef enum {
	BC_PROP_FLOOR,
	BC_PROP_CHAIR,	    /* a seat under the hips, and the floor */
	BC_PROP_DOOR_FRAME, /* a post the hands hold, and the floor */
	BC_PROP_NONE,	    /* seen from above: no floor line */
} bc_figure_prop;

typedef struct {
	bc_figure_pose start; /* the start position (contract §3) */
	bc_figure_pose end;   /* the movement's end */
	bool has_end2;	      /* cat-cow: start, end (cat), start, end2 (cow) */
	bc_figure_pose end2;
	bc_figure_prop prop;
	float prop_x; /* the chair's or door frame's x */
	bool from_above;
	const char *caption; /* what the picture shows, a few words */
} bc_figure_row;

/* The exercise's picture, or NULL (none: a test fails). */
const bc_figure_row *bc_figure_row_of(bc_exercise_id ex);

/* Segment lengths, trunk = 1. */
#define BC_FIGURE_HALF_TRUNK 0.5f
#define BC_FIGURE_NECK	     0.38f
#define BC_FIGURE_HEAD_R     0.2f
#define BC_FIGURE_UPPER_ARM  0.5f
#define BC_FIGURE_FOREARM    0.48f
#define BC_FIGURE_THIGH	     0.95f
#define BC_FIGURE_SHIN	     0.95f

/* Where the joints are for a pose. */
typedef struct {
	float x, y;
} bc_figure_point;

typedef struct {
	bc_figure_point hip, mid_back, shoulder, head;
	bc_figure_point elbow[BC_LIMB_COUNT], wrist[BC_LIMB_COUNT];
	bc_figure_point knee[BC_LIMB_COUNT], foot[BC_LIMB_COUNT];
} bc_figure_joints;

void bc_figure_joints_of(const bc_figure_pose *p, bc_figure_joints *j);

/* Seconds one cycle of the row's movement takes. */
double bc_figure_cycle_s(const bc_figure_row *row);

/*
 * The pose t_s into the animation (it repeats): at the start a moment,
 * into the end, held there, back; cat-cow then goes on to the cow.
 */
void bc_figure_pose_at(const bc_figure_row *row, double t_s, bc_figure_pose *out);

#endif /* BC_APP_FIGURE_H */
