/* SPDX-License-Identifier: MIT */
/*
 * Vertical travel: how far the sensor went up or down, from the earth-frame
 * vertical specific force, integrated twice over short spans that start and
 * end where the wearer is still (contract §4, "Lowered").
 *
 * Integrating an accelerometer open-ended drifts by metres within seconds
 * (a bias of 0.01 g is 0.5 m after 3 s). So every movement is a span between
 * two still anchors, where the velocity is known to be zero: once the second
 * anchor is reached, the velocity's drift over the span is removed in
 * hindsight (a straight line from zero to what the integration says at the
 * end: exactly a constant bias), and the corrected velocity gives the path.
 * A span longer than BC_VT_MAX_SPAN_S is dropped, never trusted.
 *
 * A constant bias is not the whole story: the accelerometer's own offsets
 * sit in the sensor frame, so as the trunk leans their vertical part changes
 * (0.02 g of offset and a 30 deg lean: 0.01 g, 15 cm over a 3 s span). At
 * every still moment the specific force is exactly 1 g, so its magnitude
 * there measures the offset along the sensor's "up" of that moment: at both
 * anchors of a span it is known, and in between it is interpolated by how
 * far the "up" has turned from the one towards the other.
 *
 * An anchor is a still spell of at least BC_VT_ANCHOR_S: the body tracker's
 * "still" (a quiet gyro or a steady tilt) can flicker on for a moment in the
 * middle of a slow movement, and an anchor there would cut it in two with a
 * wrong zero velocity. The span goes on through such moments. That "still"
 * also lets a slow, small movement through (a steady tilt allows 2 deg), so
 * here the last BC_VT_ANCHOR_S must also be settled: the up within
 * BC_VT_SETTLED_DEG of where it is now, and the vertical acceleration's
 * 0.1 s means within BC_VT_SETTLED_G of their mean.
 *
 * A span starts BC_VT_PRE_ROLL_S before the still spell ends: "still" is declared
 * only when the tilt has settled, and is left a little after the body has
 * begun to move, so the anchor is put back where the body surely was still.
 *
 * Samples are decimated to about BC_VT_RATE_HZ (averaged in bins, each with
 * its own duration, so any input rate 25-1000 Hz and jitter work). Fixed
 * buffers in the caller-owned struct; no heap, O(1) per sample except the
 * one pass over the span when it closes.
 */
#ifndef BC_VERTICAL_TRAVEL_H
#define BC_VERTICAL_TRAVEL_H

#include <stdbool.h>

#include "core/math3d.h"

#define BC_VT_RATE_HZ	 50
#define BC_VT_MAX_SPAN_S 16
#define BC_VT_PRE_ROLL_S 1.5f
/* Still this long is an anchor: a slow movement can look still for a moment. */
#define BC_VT_ANCHOR_S	  0.6
#define BC_VT_SETTLED_DEG 2.0f
#define BC_VT_SETTLED_G	  0.015f
/* Room for the longest span and its pre-roll, in bins. */
#define BC_VT_CAP (BC_VT_RATE_HZ * (BC_VT_MAX_SPAN_S + 2))

/* What a closed span says; heights relative to where it started, metres (up +). */
typedef struct {
	bool valid;	/* false: too long, or cut by a data gap: nothing known */
	double t0_s;	/* the anchor it started from */
	double t1_s;	/* the anchor it ended at */
	float rise_m;	/* end height minus start height */
	float low_m;	/* lowest point on the way (<= 0 unless it only rose) */
	double low_t_s; /* when that was */
	float high_m;	/* highest point on the way (>= 0 unless it only fell) */
} bc_vt_span;

typedef struct {
	/* the bin being filled */
	double bin_t0_s;
	float bin_sum_m_s2;
	bc_vec3 bin_up_sum;	/* earth-up in the sensor frame, summed over the bin */
	float bin_excess_sum_g; /* |f| - 1, summed over the bin */
	int bin_n;
	/* the span being recorded (or, while still, the pre-roll) */
	float acc_m_s2[BC_VT_CAP]; /* vertical acceleration, gravity removed */
	float dt_s[BC_VT_CAP];	   /* each bin's duration */
	bc_vec3 up_s[BC_VT_CAP];   /* each bin's earth-up in the sensor frame (unit) */
	float excess_g[BC_VT_CAP]; /* each bin's |f| - 1: the offset along up_s when still */
	float path_m[BC_VT_CAP];   /* heights after the last close (hindsight), metres */
	int n;
	int pre_n;		 /* of which the pre-roll (already lived through, still) */
	bool moving;		 /* a span is open */
	float last_end_excess_g; /* the offset taken out at the last span's end anchor */
	bool unsettled;		 /* the last BC_VT_ANCHOR_S turned or pushed (see above) */
	bool overflow;		 /* it grew past BC_VT_MAX_SPAN_S: will be dropped */
	double span_t0_s;	 /* start of the open span's first bin */
	double last_t_s;	 /* previous sample's time (<0: none yet) */
	double still_since_s;	 /* the current still spell began (<0: not still) */
	/* live figures of the open span, integrated forward without hindsight */
	float live_v_m_s;
	float live_z_m;
	bc_vt_span last; /* the last span closed */
} bc_vertical_travel;

void bc_vt_init(bc_vertical_travel *vt);

/*
 * One sample: its time, the specific force in the earth frame (g, z up: +1
 * at rest), the orientation it was turned with, whether the wearer is still,
 * and whether a data gap came before it. Returns true when a span closed
 * with this sample (see bc_vt_last()).
 */
bool bc_vt_update(bc_vertical_travel *vt, double t_s, bc_vec3 accel_earth_g,
		  bc_quat q_earth_from_sensor, bool still, bool gap);

static inline const bc_vt_span *bc_vt_last(const bc_vertical_travel *vt)
{
	return &vt->last;
}

/* Height now relative to the last anchor, metres; a rough live figure (0 while still). */
static inline float bc_vt_live_m(const bc_vertical_travel *vt)
{
	return vt->moving ? vt->live_z_m : 0.0f;
}

/* The path of the last closed span is readable until the next update. */

/* Seconds the last closed span spent at or below level_m (relative to its start), its
 * pre-roll left out (that time was spent still, before the span). */
float bc_vt_time_below(const bc_vertical_travel *vt, float level_m);

/* The last time in the closed span that it was at or below level_m; its end if never. */
double bc_vt_last_time_below(const bc_vertical_travel *vt, float level_m);

#endif /* BC_VERTICAL_TRAVEL_H */
