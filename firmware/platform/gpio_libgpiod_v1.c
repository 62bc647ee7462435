/* SPDX-License-Identifier: MIT */
/*
 * GPIO lines through libgpiod 1.x (Debian 12, Raspberry Pi OS Bookworm).
 * The Makefile defines BC_LIBGPIOD_V2 when pkg-config finds libgpiod 2.x;
 * then gpio_libgpiod_v2.c is the backend and this file compiles to nothing.
 *
 * Edges arrive from the kernel with a CLOCK_MONOTONIC timestamp taken in the
 * interrupt handler (kernel 5.7+), which is what the sample timing wants:
 * it does not include our scheduling latency.
 */
#if !defined(BC_LIBGPIOD_V2)

/* Includes ---------------------------------------------------------------- */

#include "platform/gpio_line.h"
#include "platform/gpio_lookup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gpiod.h>

/* Definitions ------------------------------------------------------------- */

struct bc_gpio_line {
	struct gpiod_chip *chip;
	struct gpiod_line *line;
	bool events; /* requested for edge events (an input) */
	char chip_label[32];
};

/* Functions --------------------------------------------------------------- */

static bool chip_matches(struct gpiod_chip *chip, const bc_gpio_spec *spec)
{
	return !spec->chip[0] || strcmp(spec->chip, gpiod_chip_label(chip)) == 0 ||
	       strcmp(spec->chip, gpiod_chip_name(chip)) == 0;
}

/*
 * Opens chips in number order until one has the line. The chip stays open
 * with the line (libgpiod 1.x lines belong to their chip).
 */
static bc_gpio_line *line_find(const char *line_name)
{
	char paths[BC_GPIO_MAX_CHIPS][BC_GPIO_PATH_LEN];
	int open_err = 0, n, i, ret;
	bc_gpio_spec spec;
	bc_gpio_line *gl;

	ret = bc_gpio_spec_parse(line_name, &spec);
	if (ret < 0) {
		errno = -ret;
		return NULL;
	}
	n = bc_gpio_chip_paths(paths, BC_GPIO_MAX_CHIPS);
	if (n < 0) {
		errno = -n;
		return NULL;
	}

	for (i = 0; i < n; i++) {
		struct gpiod_chip *chip = gpiod_chip_open(paths[i]);
		struct gpiod_line *line;

		if (!chip) {
			open_err = errno;
			continue;
		}
		if (!chip_matches(chip, &spec)) {
			gpiod_chip_close(chip);
			continue;
		}
		line = spec.line_is_offset ? gpiod_chip_get_line(chip, spec.offset)
					   : gpiod_chip_find_line(chip, spec.line);
		if (!line) {
			gpiod_chip_close(chip);
			continue;
		}
		gl = calloc(1, sizeof(*gl));
		if (!gl) {
			gpiod_chip_close(chip);
			return NULL;
		}
		gl->chip = chip;
		gl->line = line;
		strncpy(gl->chip_label, gpiod_chip_label(chip), sizeof(gl->chip_label) - 1);
		return gl;
	}
	/* "Permission denied" tells the user more than "not found" when a chip was unreadable. */
	errno = (open_err == EACCES || open_err == EPERM) ? open_err : ENOENT;
	return NULL;
}

static void line_free(bc_gpio_line *gl)
{
	int saved = errno;

	gpiod_chip_close(gl->chip); /* releases a requested line too */
	free(gl);
	errno = saved;
}

static int bias_flags(bc_gpio_bias bias)
{
	switch (bias) {
	case BC_GPIO_BIAS_PULL_UP:
		return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
	case BC_GPIO_BIAS_PULL_DOWN:
		return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
	case BC_GPIO_BIAS_DISABLED:
		return GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
	case BC_GPIO_BIAS_AS_IS:
	default:
		return 0;
	}
}

static int edge_request(bc_gpio_edges edges)
{
	switch (edges) {
	case BC_GPIO_EDGE_FALLING:
		return GPIOD_LINE_REQUEST_EVENT_FALLING_EDGE;
	case BC_GPIO_EDGE_BOTH:
		return GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES;
	case BC_GPIO_EDGE_RISING:
	default:
		return GPIOD_LINE_REQUEST_EVENT_RISING_EDGE;
	}
}

bc_gpio_line *bc_gpio_input_open_edges(const char *line_name, const char *consumer,
				       bc_gpio_edges edges, bc_gpio_bias bias)
{
	struct gpiod_line_request_config cfg = {
		.consumer = consumer ? consumer : "backcoach",
		.request_type = edge_request(edges),
		.flags = bias_flags(bias),
	};
	bc_gpio_line *gl = line_find(line_name);

	if (!gl)
		return NULL;
	if (gpiod_line_request(gl->line, &cfg, 0) < 0)
		goto err_free;
	gl->events = true;
	return gl;

err_free:
	line_free(gl);
	return NULL;
}

bc_gpio_line *bc_gpio_input_open(const char *line_name, const char *consumer)
{
	return bc_gpio_input_open_edges(line_name, consumer, BC_GPIO_EDGE_RISING,
					BC_GPIO_BIAS_AS_IS);
}

bc_gpio_line *bc_gpio_output_open(const char *line_name, const char *consumer, int value)
{
	struct gpiod_line_request_config cfg = {
		.consumer = consumer ? consumer : "backcoach",
		.request_type = GPIOD_LINE_REQUEST_DIRECTION_OUTPUT,
		.flags = 0,
	};
	bc_gpio_line *gl = line_find(line_name);

	if (!gl)
		return NULL;
	if (gpiod_line_request(gl->line, &cfg, value ? 1 : 0) < 0)
		goto err_free;
	return gl;

err_free:
	line_free(gl);
	return NULL;
}

int bc_gpio_wait_edge(bc_gpio_line *gl, int timeout_ms, bc_gpio_edge *edge)
{
	struct gpiod_line_event ev;
	struct timespec ts;
	int ret;

	if (!gl->events)
		return -EINVAL;
	ts.tv_sec = timeout_ms / 1000;
	ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
	ret = gpiod_line_event_wait(gl->line, timeout_ms < 0 ? NULL : &ts);
	if (ret < 0)
		return -errno;
	if (ret == 0)
		return 0;
	if (gpiod_line_event_read(gl->line, &ev) < 0)
		return -errno;
	edge->timestamp_ns = (uint64_t)ev.ts.tv_sec * 1000000000u + (uint64_t)ev.ts.tv_nsec;
	edge->rising = ev.event_type == GPIOD_LINE_EVENT_RISING_EDGE;
	return 1;
}

int bc_gpio_fd(bc_gpio_line *gl)
{
	return gl->events ? gpiod_line_event_get_fd(gl->line) : -1;
}

const char *bc_gpio_chip_label(const bc_gpio_line *gl)
{
	return gl->chip_label;
}

unsigned int bc_gpio_offset(const bc_gpio_line *gl)
{
	return gpiod_line_offset(gl->line);
}

int bc_gpio_get(bc_gpio_line *gl)
{
	int v = gpiod_line_get_value(gl->line);

	return v < 0 ? -errno : v;
}

int bc_gpio_set(bc_gpio_line *gl, int value)
{
	if (gl->events)
		return -EINVAL;
	return gpiod_line_set_value(gl->line, value ? 1 : 0) < 0 ? -errno : 0;
}

void bc_gpio_close(bc_gpio_line *gl)
{
	if (gl)
		line_free(gl);
}

#else
/* ISO C wants something in every translation unit. */
typedef int bc_gpio_libgpiod_v1_not_built;
#endif /* !BC_LIBGPIOD_V2 */
