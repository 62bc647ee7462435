/* SPDX-License-Identifier: MIT */
/* Short and long presses: see button_gesture.h. */
#include "app/button_gesture.h"

void bc_button_gestures_init(bc_button_gestures *g)
{
	*g = (bc_button_gestures){ 0 };
}

int bc_button_gestures_update(bc_button_gestures *g, unsigned held_mask, uint64_t now_ns,
			      bc_button_gesture *out, int max)
{
	const uint64_t hold_ns = (uint64_t)(BC_BUTTON_HOLD_S * 1e9);
	int n = 0;
	for (int i = 0; i < BC_BUTTON_COUNT; i++) {
		bool down = held_mask & (1u << i);
		if (!g->started) {
			g->down[i] = down;
			g->ignore[i] = down;
			continue;
		}
		if (down && !g->down[i]) {
			g->down_ns[i] = now_ns;
			g->ignore[i] = false;
		} else if (down && !g->ignore[i] && now_ns - g->down_ns[i] >= hold_ns) {
			if (n < max)
				out[n++] = (bc_button_gesture){ (bc_button_id)i, true };
			g->ignore[i] = true;
		} else if (!down && g->down[i]) {
			if (!g->ignore[i] && n < max)
				out[n++] = (bc_button_gesture){ (bc_button_id)i, false };
			g->ignore[i] = false;
		}
		g->down[i] = down;
	}
	g->started = true;
	return n;
}
