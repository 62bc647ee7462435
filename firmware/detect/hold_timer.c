/* SPDX-License-Identifier: MIT */
#include "detect/hold_timer.h"

void bc_hold_timer_init(bc_hold_timer *h, float wobble_max_s)
{
	*h = (bc_hold_timer){ .wobble_max_s = wobble_max_s };
}

/*
 * The interval between two samples counts as held when the earlier sample
 * was in the zone: the hold runs from the first sample inside to the first
 * sample outside, whatever the sample rate.
 */
bc_hold_status bc_hold_timer_update(bc_hold_timer *h, double t_s, bool in_zone)
{
	return bc_hold_timer_update_counting(h, t_s, in_zone, in_zone);
}

bc_hold_status bc_hold_timer_update_counting(bc_hold_timer *h, double t_s, bool in_zone,
					     bool counting)
{
	if (!h->active) {
		if (!in_zone)
			return BC_HOLD_IDLE;
		h->active = true;
		h->was_in_zone = true;
		h->was_counting = counting;
		h->held_s = 0.0f;
		h->last_t_s = t_s;
		return BC_HOLD_STARTED;
	}

	double step_s = t_s - h->last_t_s;
	if (h->was_in_zone && h->was_counting && step_s > 0.0 && step_s <= BC_HOLD_MAX_STEP_S)
		h->held_s += (float)step_s;
	h->last_t_s = t_s;
	h->was_counting = counting;

	if (in_zone) {
		h->was_in_zone = true;
		return BC_HOLD_RUNNING;
	}
	if (h->was_in_zone) {
		h->was_in_zone = false;
		h->out_since_s = t_s;
	}
	if (t_s - h->out_since_s >= h->wobble_max_s) {
		h->active = false;
		h->ended_at_s = h->out_since_s;
		return BC_HOLD_ENDED;
	}
	return BC_HOLD_PAUSED;
}

void bc_hold_timer_stop(bc_hold_timer *h)
{
	if (h->active)
		h->ended_at_s = h->was_in_zone ? h->last_t_s : h->out_since_s;
	h->active = false;
	h->was_in_zone = false;
}
