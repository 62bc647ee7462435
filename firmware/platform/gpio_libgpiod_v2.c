/* SPDX-License-Identifier: MIT */
/*
 * GPIO lines through libgpiod 2.x (Debian 13, Raspberry Pi OS Trixie), built
 * when the Makefile defines BC_LIBGPIOD_V2 (pkg-config --atleast-version=2
 * libgpiod); otherwise gpio_libgpiod_v1.c is the backend and this file
 * compiles to nothing.
 *
 * 2.x requests lines through settings/config objects and hands back a
 * request that lives on after the chip is closed. Edge timestamps are
 * CLOCK_MONOTONIC (the library default), as with 1.x.
 */
#if defined(BC_LIBGPIOD_V2)

/* Includes ---------------------------------------------------------------- */

#include "platform/gpio_line.h"
#include "platform/gpio_lookup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gpiod.h>

/* Definitions ------------------------------------------------------------- */

struct bc_gpio_line {
	struct gpiod_line_request *req;
	struct gpiod_edge_event_buffer *events; /* NULL for an output */
	unsigned int offset;
	char chip_label[32];
};

/* Functions --------------------------------------------------------------- */

/* The line's offset on chip if chip matches spec, else -1. */
static int offset_on_chip(struct gpiod_chip *chip, const bc_gpio_spec *spec, char *label,
			  size_t label_size)
{
	struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
	int offset = -1;

	if (!info)
		return -1;
	if (spec->chip[0] && strcmp(spec->chip, gpiod_chip_info_get_label(info)) != 0 &&
	    strcmp(spec->chip, gpiod_chip_info_get_name(info)) != 0)
		goto out;
	if (spec->line_is_offset)
		offset = spec->offset < gpiod_chip_info_get_num_lines(info) ? (int)spec->offset
									    : -1;
	else
		offset = gpiod_chip_get_line_offset_from_name(chip, spec->line);
	if (offset >= 0) {
		strncpy(label, gpiod_chip_info_get_label(info), label_size - 1);
		label[label_size - 1] = '\0';
	}
out:
	gpiod_chip_info_free(info);
	return offset;
}

/* Finds the line on the lowest-numbered chip that has it and requests it. */
static bc_gpio_line *line_request(const char *line_name, const char *consumer,
				  struct gpiod_line_settings *settings)
{
	char paths[BC_GPIO_MAX_CHIPS][BC_GPIO_PATH_LEN];
	struct gpiod_request_config *req_cfg = NULL;
	struct gpiod_line_config *line_cfg = NULL;
	struct gpiod_chip *chip = NULL;
	int open_err = 0, n, i, ret, offset = -1;
	bc_gpio_line *gl = NULL;
	bc_gpio_spec spec;
	char label[32] = "";

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
	for (i = 0; i < n && offset < 0; i++) {
		chip = gpiod_chip_open(paths[i]);
		if (!chip) {
			open_err = errno;
			continue;
		}
		offset = offset_on_chip(chip, &spec, label, sizeof(label));
		if (offset < 0) {
			gpiod_chip_close(chip);
			chip = NULL;
		}
	}
	if (!chip) {
		errno = (open_err == EACCES || open_err == EPERM) ? open_err : ENOENT;
		return NULL;
	}

	gl = calloc(1, sizeof(*gl));
	line_cfg = gpiod_line_config_new();
	req_cfg = gpiod_request_config_new();
	if (!gl || !line_cfg || !req_cfg)
		goto err;
	gl->offset = (unsigned int)offset;
	strcpy(gl->chip_label, label);
	if (gpiod_line_config_add_line_settings(line_cfg, &gl->offset, 1, settings) < 0)
		goto err;
	gpiod_request_config_set_consumer(req_cfg, consumer ? consumer : "backcoach");
	gl->req = gpiod_chip_request_lines(chip, req_cfg, line_cfg);
	if (!gl->req)
		goto err;

	gpiod_request_config_free(req_cfg);
	gpiod_line_config_free(line_cfg);
	gpiod_chip_close(chip);
	return gl;

err:
	ret = errno;
	gpiod_request_config_free(req_cfg);
	gpiod_line_config_free(line_cfg);
	gpiod_chip_close(chip);
	free(gl);
	errno = ret;
	return NULL;
}

static enum gpiod_line_bias to_bias(bc_gpio_bias bias)
{
	switch (bias) {
	case BC_GPIO_BIAS_PULL_UP:
		return GPIOD_LINE_BIAS_PULL_UP;
	case BC_GPIO_BIAS_PULL_DOWN:
		return GPIOD_LINE_BIAS_PULL_DOWN;
	case BC_GPIO_BIAS_DISABLED:
		return GPIOD_LINE_BIAS_DISABLED;
	case BC_GPIO_BIAS_AS_IS:
	default:
		return GPIOD_LINE_BIAS_AS_IS;
	}
}

static enum gpiod_line_edge to_edge(bc_gpio_edges edges)
{
	switch (edges) {
	case BC_GPIO_EDGE_FALLING:
		return GPIOD_LINE_EDGE_FALLING;
	case BC_GPIO_EDGE_BOTH:
		return GPIOD_LINE_EDGE_BOTH;
	case BC_GPIO_EDGE_RISING:
	default:
		return GPIOD_LINE_EDGE_RISING;
	}
}

bc_gpio_line *bc_gpio_input_open_edges(const char *line_name, const char *consumer,
				       bc_gpio_edges edges, bc_gpio_bias bias)
{
	struct gpiod_line_settings *settings = gpiod_line_settings_new();
	bc_gpio_line *gl = NULL;
	int saved;

	if (!settings)
		return NULL;
	if (gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_INPUT) < 0 ||
	    gpiod_line_settings_set_edge_detection(settings, to_edge(edges)) < 0 ||
	    gpiod_line_settings_set_bias(settings, to_bias(bias)) < 0)
		goto out;
	gl = line_request(line_name, consumer, settings);
	if (!gl)
		goto out;
	/* One event at a time: bc_gpio_wait_edge hands out the oldest. */
	gl->events = gpiod_edge_event_buffer_new(1);
	if (!gl->events) {
		saved = errno;
		gpiod_line_request_release(gl->req);
		free(gl);
		gl = NULL;
		errno = saved;
	}
out:
	saved = errno;
	gpiod_line_settings_free(settings);
	errno = saved;
	return gl;
}

bc_gpio_line *bc_gpio_input_open(const char *line_name, const char *consumer)
{
	return bc_gpio_input_open_edges(line_name, consumer, BC_GPIO_EDGE_RISING,
					BC_GPIO_BIAS_AS_IS);
}

bc_gpio_line *bc_gpio_output_open(const char *line_name, const char *consumer, int value)
{
	struct gpiod_line_settings *settings = gpiod_line_settings_new();
	bc_gpio_line *gl = NULL;
	int saved;

	if (!settings)
		return NULL;
	if (gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_OUTPUT) < 0 ||
	    gpiod_line_settings_set_output_value(settings, value ? GPIOD_LINE_VALUE_ACTIVE
								 : GPIOD_LINE_VALUE_INACTIVE) < 0)
		goto out;
	gl = line_request(line_name, consumer, settings);
out:
	saved = errno;
	gpiod_line_settings_free(settings);
	errno = saved;
	return gl;
}

int bc_gpio_wait_edge(bc_gpio_line *gl, int timeout_ms, bc_gpio_edge *edge)
{
	struct gpiod_edge_event *ev;
	int ret;

	if (!gl->events)
		return -EINVAL;
	ret = gpiod_line_request_wait_edge_events(
		gl->req, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000);
	if (ret < 0)
		return -errno;
	if (ret == 0)
		return 0;
	ret = gpiod_line_request_read_edge_events(gl->req, gl->events, 1);
	if (ret < 0)
		return -errno;
	if (ret == 0)
		return 0;
	ev = gpiod_edge_event_buffer_get_event(gl->events, 0);
	edge->timestamp_ns = gpiod_edge_event_get_timestamp_ns(ev);
	edge->rising = gpiod_edge_event_get_event_type(ev) == GPIOD_EDGE_EVENT_RISING_EDGE;
	return 1;
}

int bc_gpio_fd(bc_gpio_line *gl)
{
	return gl->events ? gpiod_line_request_get_fd(gl->req) : -1;
}

const char *bc_gpio_chip_label(const bc_gpio_line *gl)
{
	return gl->chip_label;
}

unsigned int bc_gpio_offset(const bc_gpio_line *gl)
{
	return gl->offset;
}

int bc_gpio_get(bc_gpio_line *gl)
{
	enum gpiod_line_value v = gpiod_line_request_get_value(gl->req, gl->offset);

	if (v == GPIOD_LINE_VALUE_ERROR)
		return -errno;
	return v == GPIOD_LINE_VALUE_ACTIVE ? 1 : 0;
}

int bc_gpio_set(bc_gpio_line *gl, int value)
{
	if (gl->events)
		return -EINVAL;
	if (gpiod_line_request_set_value(gl->req, gl->offset,
					 value ? GPIOD_LINE_VALUE_ACTIVE
					       : GPIOD_LINE_VALUE_INACTIVE) < 0)
		return -errno;
	return 0;
}

void bc_gpio_close(bc_gpio_line *gl)
{
	if (!gl)
		return;
	gpiod_line_request_release(gl->req);
	if (gl->events)
		gpiod_edge_event_buffer_free(gl->events);
	free(gl);
}

#else
/* ISO C wants something in every translation unit. */
typedef int bc_gpio_libgpiod_v2_not_built;
#endif /* BC_LIBGPIOD_V2 */
