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
 *
 * Where it settled is the time-weighted mean over the first mean_for_s of
 * the spell, not the anchor: the anchor is the first sample inside the band,
 * up to a band above (or below) the level when the signal arrives from
 * there; and not the spell's whole mean, which a slow start of the next
 * movement (still inside the band) would drag along.
 */
typedef struct {
	float anchor;
	double anchor_t_s;
	float mean; /* where it settled (see above) */
	double last_t_s;
	bool primed;
} bc_settle;

static inline void bc_settle_reset(bc_settle *st)
{
	st->primed = false;
}

/* Feeds one sample; returns how long the signal has been settled, seconds. */
static inline double bc_settle_update(bc_settle *st, double t_s, float x, float band,
				      double mean_for_s)
{
	if (!st->primed || x > st->anchor + band || x < st->anchor - band) {
		st->anchor = x;
		st->anchor_t_s = t_s;
		st->mean = x;
		st->last_t_s = t_s;
		st->primed = true;
		return 0.0;
	}
	double span_s = t_s - st->anchor_t_s;
	if (span_s <= mean_for_s && t_s > st->last_t_s)
		st->mean += (float)((t_s - st->last_t_s) / span_s) * (x - st->mean);
	st->last_t_s = t_s;
	return span_s;
}

#endif /* BC_HYSTERESIS_H */
