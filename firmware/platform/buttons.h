/* SPDX-License-Identifier: MIT */
/*
 * Layer: platform.
 *
 * The device's three push buttons (start, next, recalibrate) on GPIO lines
 * found by name, debounced. Polled from the UI loop: no thread, no blocking.
 */
#ifndef BC_BUTTONS_H
#define BC_BUTTONS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
	BC_BUTTON_START,
	BC_BUTTON_NEXT,
	BC_BUTTON_RECALIBRATE,
	BC_BUTTON_COUNT,
} bc_button_id;

typedef struct {
	const char *line_names[BC_BUTTON_COUNT]; /* GPIO line names; NULL = not fitted */
	bool active_low;			 /* pressed pulls the line to 0 (pull-up) */
	float debounce_s;			 /* level must hold this long, s */
} bc_buttons_config;

/* GPIO5 start, GPIO6 next, GPIO13 recalibrate, active low, 30 ms. */
extern const bc_buttons_config bc_buttons_config_default;

typedef struct bc_buttons bc_buttons;

/* NULL + errno (bc_gpio_input_open's) when a named line cannot be opened. */
bc_buttons *bc_buttons_open(const bc_buttons_config *config);

/* The next button pressed since the last call (debounced), or -1. now_ns: CLOCK_MONOTONIC. */
int bc_buttons_poll(bc_buttons *b, uint64_t now_ns);

/*
 * The debounced levels now, polled like bc_buttons_poll (use one or the
 * other): bit i (1u << bc_button_id) set while button i is held (a
 * button held when polling began reads as held from the first call).
 * Lets the caller time long presses.
 */
unsigned bc_buttons_held(bc_buttons *b, uint64_t now_ns);

/* NULL-safe. */
void bc_buttons_close(bc_buttons *b);

#endif /* BC_BUTTONS_H */
