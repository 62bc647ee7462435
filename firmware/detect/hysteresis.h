/* SPDX-License-Identifier: MIT */
/*
 * Hysteresis: a zone is entered at one threshold and left at another, with a
 * gap between them, so a signal hovering at a threshold changes state once,
 * not on every noisy sample.
 */
#ifndef BC_HYSTERESIS_H
#define BC_HYSTERESIS_H

#include <stdbool.h>

/*
 * Zone "x at or above enter": entered when x >= enter, left when x < exit
 * (exit < enter). Returns the new state.
 */
static inline bool bc_hyst_above(bool inside, float x, float enter, float exit)
{
	return inside ? x >= exit : x >= enter;
}

/* Zone "x at or below enter" (mirror image: exit > enter). */
static inline bool bc_hyst_below(bool inside, float x, float enter, float exit)
{
	return inside ? x <= exit : x <= enter;
}

/*
 * Settling: the signal is "settled" once it has stayed within band_deg of an
 * anchor for settle_s. The anchor moves whenever the signal leaves the band.
 * Time-based, so the sample rate does not matter; no derivative, so noise
 * smaller than the band does not matter either.
 */
typedef struct {
	float anchor;
	double anchor_t_s;
	bool primed;
} bc_settle;

static inline void bc_settle_reset(bc_settle *st)
{
	st->primed = false;
}

/* Feeds one sample; returns how long the signal has been settled, seconds. */
static inline double bc_settle_update(bc_settle *st, double t_s, float x, float band)
{
	if (!st->primed || x > st->anchor + band || x < st->anchor - band) {
		st->anchor = x;
		st->anchor_t_s = t_s;
		st->primed = true;
	}
	return t_s - st->anchor_t_s;
}

#endif /* BC_HYSTERESIS_H */
