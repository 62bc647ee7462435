/* SPDX-License-Identifier: MIT */
/*
 * Synthetic body-angle sequences for detector and coach tests: a script of
 * segments, each ramping linearly from where the last one ended to its
 * targets, sampled at any rate with optional deterministic noise. Header
 * only; used by tests/test_detect_*.c.
 */
#ifndef BC_ANGLE_SCRIPT_H
#define BC_ANGLE_SCRIPT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coach/exercise_table.h"
#include "detect/detector.h"

typedef struct {
	double dur_s;	   /* ramp/hold duration */
	float sag_deg;	   /* sagittal at the end of the segment */
	float axial_deg;   /* axial at the end */
	float incline_deg; /* trunk incline at the end (NAN: keep) */
	bool moving;	   /* still = false, turning at rate_dps */
	float rate_dps;	   /* when moving (0: BC_SCRIPT_WALK_DPS, walking) */
	bool invalid;	   /* angles not valid (calibrating) */
} bc_seg;

#define BC_SCRIPT_MAX_EVENTS 256
#define BC_SCRIPT_WALK_DPS   25.0f /* how fast a walking pelvis turns, deg/s */

typedef struct {
	bc_coach_event ev[BC_SCRIPT_MAX_EVENTS];
	size_t n;
	int reps;
	int rejected;
	double start_t_s; /* START_REACHED time (-1: never) */
	double end_t_s;
} bc_script_result;

/* Uniform noise in [-1, 1], deterministic. */
static inline float bc_script_noise(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return (float)((*state >> 8) & 0xffffff) / (float)0x800000 - 1.0f;
}

/* Keeps the events a detector step emitted (up to the cap) and counts them. */
static inline void bc_script_collect(bc_script_result *r, const bc_detect_out *out)
{
	for (size_t k = 0; k < out->n; k++) {
		const bc_coach_event *e = &out->ev[k];
		if (r->n < BC_SCRIPT_MAX_EVENTS)
			r->ev[r->n++] = *e;
		if (e->type == BC_EVENT_REP)
			r->reps++;
		if (e->type == BC_EVENT_REJECTED)
			r->rejected++;
		if (e->type == BC_EVENT_START_REACHED)
			r->start_t_s = e->t_s;
	}
}

/*
 * Runs the script through a fresh detector and collects every event.
 * t0 is the time of the first sample; noise_deg the amplitude of uniform
 * noise added to the sagittal angle.
 */
static inline void bc_script_run(bc_exercise_id ex, const bc_detect_settings *settings,
				 float hold_target_s, double rate_hz, const bc_seg *segs,
				 size_t nseg, float incline0_deg, float noise_deg,
				 bc_script_result *r)
{
	bc_detector d;
	bc_detector_init(&d, settings, ex, &bc_exercise_row_of(ex)->detect, hold_target_s);
	*r = (bc_script_result){ .start_t_s = -1.0 };
	uint32_t seed = 12345u;
	double t = 1.0;
	double dt = 1.0 / rate_hz;
	long k_sample = 0;
	double seg_t0 = t; /* nominal segment start: sampling does not shift the script */
	float sag = 0.0f, axial = 0.0f, incline = incline0_deg;
	bc_coach_event buf[16];
	for (size_t i = 0; i < nseg; i++) {
		const bc_seg *sg = &segs[i];
		float sag0 = sag, axial0 = axial, inc0 = incline;
		float inc1 = isnan(sg->incline_deg) ? incline : sg->incline_deg;
		double seg_end = seg_t0 + sg->dur_s;
		while (t < seg_end) {
			float f = sg->dur_s > 0 ? (float)((t - seg_t0) / sg->dur_s) : 1.0f;
			if (f > 1.0f)
				f = 1.0f;
			sag = sag0 + f * (sg->sag_deg - sag0);
			axial = axial0 + f * (sg->axial_deg - axial0);
			incline = inc0 + f * (inc1 - inc0);
			bc_body_state b = {
				.t_s = t,
				.still = !sg->moving,
				.rate_dps = !sg->moving		  ? 0.0f
					    : sg->rate_dps > 0.0f ? sg->rate_dps
								  : BC_SCRIPT_WALK_DPS,
				.stage = sg->invalid ? BC_CALIB_GO_TO_START : BC_CALIB_DONE,
				.angles_valid = !sg->invalid,
				.angles = { .sagittal_deg = sag +
							    noise_deg * bc_script_noise(&seed),
					    .axial_deg = axial },
				.trunk_incline_deg = incline,
				.heading_known = true,
			};
			bc_detect_out out = { .ev = buf, .max = 16 };
			bc_detector_update(&d, &b, &out);
			bc_script_collect(r, &out);
			t = 1.0 + (double)++k_sample * dt; /* no accumulated rounding */
		}
		sag = sg->sag_deg;
		axial = sg->axial_deg;
		incline = inc1;
		seg_t0 = seg_end;
	}
	bc_detect_out out = { .ev = buf, .max = 16 };
	bc_detector_finish(&d, t, &out); /* START_REACHED comes only from updates */
	bc_script_collect(r, &out);
	r->end_t_s = t;
}

/* The k-th event of a type (NULL if there are fewer). */
static inline const bc_coach_event *bc_script_nth(const bc_script_result *r, bc_event_type type,
						  int k)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->ev[i].type == type && k-- == 0)
			return &r->ev[i];
	return NULL;
}

#define SEG(d, s)                                                \
	{                                                        \
		.dur_s = (d), .sag_deg = (s), .incline_deg = NAN \
	}
#define SEG_AX(d, s, a)                                                            \
	{                                                                          \
		.dur_s = (d), .sag_deg = (s), .axial_deg = (a), .incline_deg = NAN \
	}

#endif /* BC_ANGLE_SCRIPT_H */
