/* SPDX-License-Identifier: MIT */
/*
 * The seam between the real-time path and GPIO: an input line with
 * rising-edge events and kernel timestamps (sensor data-ready, buttons) and an
 * output line (buzzer / LED). The real backend is libgpiod (1.6 or 2.x,
 * chosen at build time); lines are found by name, not number.
 */
#ifndef BC_GPIO_LINE_H
#define BC_GPIO_LINE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct bc_gpio_line bc_gpio_line;

typedef struct {
	uint64_t timestamp_ns; /* kernel timestamp of the edge (CLOCK_MONOTONIC) */
	bool rising;
} bc_gpio_edge;

/* Input line by name ("IMU_INT", "GPIO17"), edges requested. NULL + errno. */
bc_gpio_line *bc_gpio_input_open(const char *line_name, const char *consumer);

/* Output line by name, initial value. NULL + errno. */
bc_gpio_line *bc_gpio_output_open(const char *line_name, const char *consumer, int value);

/* Waits up to timeout_ms for an edge: 1 edge read, 0 timeout, -errno. */
int bc_gpio_wait_edge(bc_gpio_line *line, int timeout_ms, bc_gpio_edge *edge);

/* Current level of an input, 0/1 or -errno. */
int bc_gpio_get(bc_gpio_line *line);

/* Sets an output, 0 or -errno. */
int bc_gpio_set(bc_gpio_line *line, int value);

/* Releases the line; NULL-safe. */
void bc_gpio_close(bc_gpio_line *line);

#endif /* BC_GPIO_LINE_H */
