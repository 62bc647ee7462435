/* SPDX-License-Identifier: MIT */
/*
 * The way from an upright spell to wherever the wearer went: how far, and in
 * which directions, earth-up (seen from the sensor) leaned away from the
 * upright's up on the way.
 *
 * Two questions need it, because the sensor alone cannot tell the belly from
 * the back when lying (up is ±x either way) or sitting (up is nearly z):
 * - sitting down, the trunk leans forward before it settles back: up swings
 *   towards -x, so the first clear lean gives the forward axis;
 * - people get onto hands and knees by leaning forward towards the floor,
 *   but lie on their backs by sitting down first (a forward lean) and then
 *   leaning back: a way down that first leaned away from where it ended is
 *   a lie onto the back.
 *
 * Fed once per tilt block (10 Hz). Caller-owned, no heap.
 */
#ifndef BC_LEAN_PATH_H
#define BC_LEAN_PATH_H

#include <stdbool.h>

#include "core/math3d.h"

/* Directions across the upright, 30 degrees each. */
#define BC_LEAN_SECTORS 12

typedef struct {
	bc_vec3 z;	  /* the upright's up, sensor frame, unit */
	bc_vec3 across_a; /* two unit axes across z, for the sectors */
	bc_vec3 across_b;
	float first_min_deg;		       /* a lean this large is a clear one, degrees */
	bc_vec3 first_lean;		       /* direction of the first clear lean at its furthest
				   * (unit across z; 0: none) */
	float first_lean_deg;		       /* ... how far it went, degrees */
	bool first_done;		       /* ... it has come back: first_lean is final */
	float lean_max_deg;		       /* furthest lean from z, degrees */
	float sector_max_deg[BC_LEAN_SECTORS]; /* furthest lean in each direction, degrees */
} bc_lean_path;

/* Start a path from the upright whose up (sensor frame) is z; leans of first_min_deg are clear. */
void bc_lean_path_start(bc_lean_path *p, bc_vec3 z, float first_min_deg);

/* One more direction of earth-up on the way (sensor frame, unit). */
void bc_lean_path_add(bc_lean_path *p, bc_vec3 up);

/*
 * How far the way leaned away from the direction in which `towards` (sensor
 * frame) lies from z, within about 45 degrees of straight away, degrees.
 */
float bc_lean_path_away_deg(const bc_lean_path *p, bc_vec3 towards);

/*
 * Where up went first, clearly, at the furthest point of that lean (unit
 * across z; 0 when it never leaned first_min_deg). At its peak, not where it
 * crossed first_min_deg: there sway and the filter's error still count.
 */
static inline bc_vec3 bc_lean_path_first(const bc_lean_path *p)
{
	return p->first_lean;
}

#endif /* BC_LEAN_PATH_H */
