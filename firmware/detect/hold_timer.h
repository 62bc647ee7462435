/* SPDX-License-Identifier: MIT */
/*
 * Hold timer: how long the wearer has stayed in a target zone, measured from
 * sample timestamps (never sample counts, so 50 Hz and 400 Hz agree).
 *
 * A brief wobble out of the zone (shorter than wobble_max_s) pauses the hold:
 * the time outside is not counted, but the hold goes on when the wearer comes
 * back. Staying out for wobble_max_s or longer ends the hold.
 */
#ifndef BC_HOLD_TIMER_H
#define BC_HOLD_TIMER_H

#include <stdbool.h>

/* Sample steps longer than this are a data gap, not time held (contract §1). */
#define BC_HOLD_MAX_STEP_S 0.5

typedef enum {
	BC_HOLD_IDLE,	 /* no hold running */
	BC_HOLD_STARTED, /* entered the zone with this sample */
	BC_HOLD_RUNNING, /* in the zone, time accumulating */
	BC_HOLD_PAUSED,	 /* briefly out of the zone; may still come back */
	BC_HOLD_ENDED,	 /* out too long: the hold ended with this sample */
} bc_hold_status;

typedef struct {
	float wobble_max_s; /* out of the zone at least this long ends the hold */
	bool active;	    /* a hold is running (possibly paused) */
	bool was_in_zone;   /* previous sample was in the zone */
	bool was_counting;  /* previous sample's time counts as held */
	float held_s;	    /* time in the zone so far, wobbles excluded */
	double last_t_s;    /* previous sample's time */
	double out_since_s; /* when the current wobble began */
	double ended_at_s;  /* when the last hold really ended (left the zone) */
} bc_hold_timer;

void bc_hold_timer_init(bc_hold_timer *h, float wobble_max_s);

/* One sample: its time in seconds and whether it lies in the zone. */
bc_hold_status bc_hold_timer_update(bc_hold_timer *h, double t_s, bool in_zone);

/*
 * The same, with the zone for pausing and ending (in_zone, usually with
 * hysteresis) apart from the time that counts as held (counting: e.g. past
 * the contract's own threshold), so the hold time is not lengthened by the
 * hysteresis gap.
 */
bc_hold_status bc_hold_timer_update_counting(bc_hold_timer *h, double t_s, bool in_zone,
					     bool counting);

/* Stop the hold now (attempt over); held_s keeps its value. */
void bc_hold_timer_stop(bc_hold_timer *h);

static inline bool bc_hold_timer_paused(const bc_hold_timer *h)
{
	return h->active && !h->was_in_zone;
}

#endif /* BC_HOLD_TIMER_H */
