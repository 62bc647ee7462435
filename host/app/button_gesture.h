/* SPDX-License-Identifier: MIT */
/*
 * Short and long presses of the device's three GPIO buttons, from their
 * debounced levels over time (bc_buttons_held). A short press counts when
 * the button is let go before BC_BUTTON_HOLD_S; a long press as soon as it
 * has been held that long (the wearer feels it happen, and letting go then
 * does nothing more). Pure logic: tested without GPIO.
 */
#ifndef BC_APP_BUTTON_GESTURE_H
#define BC_APP_BUTTON_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/buttons.h"

/* Held this long, a press is a long press, seconds. */
#define BC_BUTTON_HOLD_S 0.8

typedef struct {
	bc_button_id button;
	bool held; /* a long press */
} bc_button_gesture;

typedef struct {
	bool started;
	bool down[BC_BUTTON_COUNT];
	bool ignore[BC_BUTTON_COUNT]; /* held at start, or long press already given */
	uint64_t down_ns[BC_BUTTON_COUNT];
} bc_button_gestures;

void bc_button_gestures_init(bc_button_gestures *g);

/*
 * The levels now (bit i: button i held) at now_ns (CLOCK_MONOTONIC); writes
 * the gestures completed since the last call to out (at most max) and
 * returns how many. A button held at the first call gives nothing until
 * it has been let go.
 */
int bc_button_gestures_update(bc_button_gestures *g, unsigned held_mask, uint64_t now_ns,
			      bc_button_gesture *out, int max);

#endif /* BC_APP_BUTTON_GESTURE_H */
