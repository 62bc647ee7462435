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

/* Which edges an input reports. */
typedef enum {
	BC_GPIO_EDGE_RISING,  /* data-ready pulses (active high) */
	BC_GPIO_EDGE_FALLING, /* buttons to GND with a pull-up: press */
	BC_GPIO_EDGE_BOTH,    /* buttons: press and release */
} bc_gpio_edges;

/* The pin's internal resistor while it is an input. */
typedef enum {
	BC_GPIO_BIAS_AS_IS, /* leave as configured (config.txt / device tree) */
	BC_GPIO_BIAS_PULL_UP,
	BC_GPIO_BIAS_PULL_DOWN,
	BC_GPIO_BIAS_DISABLED,
} bc_gpio_bias;

/*
 * Line names. A name is looked up on every /dev/gpiochipN in turn (lowest N
 * first): "GPIO17" on a Raspberry Pi, or whatever name the device tree gave
 * the line ("IMU_INT"). "CHIP:LINE" restricts the search to the chip whose
 * label ("pinctrl-bcm2835") or name ("gpiochip0") is CHIP; LINE is then a
 * line name or a decimal offset, for boards whose lines have no names.
 * ENOENT when nothing matches, EACCES when a chip could not be opened
 * (not in group gpio) and nothing matched elsewhere.
 */

/* Input line, rising edges requested, bias as is. NULL + errno. */
bc_gpio_line *bc_gpio_input_open(const char *line_name, const char *consumer);

/* Input line with the given edges and bias. NULL + errno. */
bc_gpio_line *bc_gpio_input_open_edges(const char *line_name, const char *consumer,
				       bc_gpio_edges edges, bc_gpio_bias bias);

/* Output line by name, initial value. NULL + errno. */
bc_gpio_line *bc_gpio_output_open(const char *line_name, const char *consumer, int value);

/*
 * Waits up to timeout_ms (0: just look, negative: forever) for an edge and
 * reads the oldest one queued: 1 edge read, 0 timeout, -errno. An
 * output line gives -EINVAL.
 */
int bc_gpio_wait_edge(bc_gpio_line *line, int timeout_ms, bc_gpio_edge *edge);

/*
 * File descriptor that polls readable while an edge is queued, for one
 * poll() over several lines; -1 for an output. Owned by the line.
 */
int bc_gpio_fd(bc_gpio_line *line);

/* The line's offset on its chip and the chip's label, for messages. */
const char *bc_gpio_chip_label(const bc_gpio_line *line);
unsigned int bc_gpio_offset(const bc_gpio_line *line);

/* Current level of an input, 0/1 or -errno. */
int bc_gpio_get(bc_gpio_line *line);

/* Sets an output, 0 or -errno. */
int bc_gpio_set(bc_gpio_line *line, int value);

/* Releases the line; NULL-safe. */
void bc_gpio_close(bc_gpio_line *line);

#endif /* BC_GPIO_LINE_H */
