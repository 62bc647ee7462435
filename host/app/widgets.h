/* SPDX-License-Identifier: MIT */
/*
 * The widgets the exercise screens are made of, each readable from the
 * floor: a progress ring (hold, calibration, pace), a vertical angle gauge with
 * the target zone marked, a depth bar in cm, and a big counter (counted / target).
 */
#ifndef BC_APP_WIDGETS_H
#define BC_APP_WIDGETS_H

#include <stdbool.h>

#include "app/draw.h"
#include "vocab/exercise.h"

/* Ring of radius r_px and thickness_px, filled clockwise from 12 o'clock to frac (0..1). */
void bc_widget_ring(const bc_draw *d, int cx, int cy, int r_px, int thickness_px, float frac,
		    SDL_Color color);

typedef struct {
	float value_deg;    /* the live angle */
	float zone_min_deg; /* target zone (equal: none) */
	float zone_max_deg;
	const char *label; /* under the gauge, e.g. "LOWER BACK" */
	bool valid;	   /* false: no angle yet, draw the scale only */
} bc_gauge_spec;

/* Vertical gauge in area: scale, zone band, marker and the value in degrees. */
void bc_widget_gauge(const bc_draw *d, SDL_Rect area, const bc_gauge_spec *g);

/*
 * Vertical depth bar, cm: standing at the top, the band from target_cm down
 * marked, the marker at depth_cm and the value in cm (valid false: scale only).
 */
void bc_widget_depth(const bc_draw *d, SDL_Rect area, float depth_cm, float target_cm, bool valid);

/* Large "count" with a smaller "/ target" beside it (target <= 0: no target). */
void bc_widget_counter(const bc_draw *d, SDL_Rect area, int count, int target, SDL_Color color);

/*
 * The exercise's picture (figure.h) moving, t_s into its animation, fitted
 * into area (the same scale through the whole movement, so it never jumps);
 * with the floor or the prop it needs. Returns false if the exercise has
 * no picture.
 */
bool bc_widget_figure(const bc_draw *d, SDL_Rect area, bc_exercise_id ex, double t_s);

#endif /* BC_APP_WIDGETS_H */
