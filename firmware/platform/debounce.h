/* SPDX-License-Identifier: MIT */
/*
 * Debouncing a push button: a level counts once it has held for stable_ns.
 * Pure logic (no GPIO), so it is tested on its own; buttons.c feeds it.
 */
#ifndef BC_DEBOUNCE_H
#define BC_DEBOUNCE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
	int stable;	       /* debounced level, 0/1 (pressed = 1) */
	int raw;	       /* last raw level seen */
	uint64_t raw_since_ns; /* when raw last changed */
} bc_debouncer;

/* Starts at level (no event for the level the button already has). */
void bc_debouncer_init(bc_debouncer *d, int level, uint64_t now_ns);

/*
 * Feeds the raw level (1 pressed) at now_ns: +1 when a press becomes stable,
 * -1 when a release does, 0 otherwise. Bounces shorter than stable_ns vanish.
 */
int bc_debouncer_update(bc_debouncer *d, int raw, uint64_t now_ns, uint64_t stable_ns);

#endif /* BC_DEBOUNCE_H */
