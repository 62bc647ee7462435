/* SPDX-License-Identifier: MIT */
/*
 * Private to the GPIO backends (gpio_libgpiod_v1.c, gpio_libgpiod_v2.c): the
 * part of finding a line by name that does not depend on the libgpiod API.
 */
#ifndef BC_GPIO_LOOKUP_H
#define BC_GPIO_LOOKUP_H

#include <stdbool.h>

#define BC_GPIO_MAX_CHIPS 32
#define BC_GPIO_PATH_LEN  48
#define BC_GPIO_NAME_LEN  64

/* A line name split as gpio_line.h describes: "[CHIP:]LINE". */
typedef struct {
	char chip[BC_GPIO_NAME_LEN]; /* "" = any chip */
	char line[BC_GPIO_NAME_LEN];
	bool line_is_offset; /* LINE is all digits and CHIP was given */
	unsigned int offset;
} bc_gpio_spec;

/* 0, or -EINVAL for an empty or overlong name. */
int bc_gpio_spec_parse(const char *name, bc_gpio_spec *spec);

/*
 * The /dev/gpiochipN paths, sorted by N so that lookups are stable.
 * Returns how many (at most max), or -errno if /dev cannot be read.
 */
int bc_gpio_chip_paths(char paths[][BC_GPIO_PATH_LEN], int max);

#endif /* BC_GPIO_LOOKUP_H */
