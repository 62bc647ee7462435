/* SPDX-License-Identifier: MIT */
/* Finding GPIO chips and splitting line names; see gpio_lookup.h. */

/* Includes ---------------------------------------------------------------- */

#include "platform/gpio_lookup.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Functions --------------------------------------------------------------- */

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

int bc_gpio_spec_parse(const char *name, bc_gpio_spec *spec)
{
	const char *colon;
	size_t chip_len;

	memset(spec, 0, sizeof(*spec));
	if (!name || !*name)
		return -EINVAL;

	colon = strrchr(name, ':');
	if (!colon) {
		if (strlen(name) >= sizeof(spec->line))
			return -EINVAL;
		strcpy(spec->line, name);
		return 0;
	}

	chip_len = (size_t)(colon - name);
	if (chip_len == 0 || chip_len >= sizeof(spec->chip) || !colon[1] ||
	    strlen(colon + 1) >= sizeof(spec->line))
		return -EINVAL;
	memcpy(spec->chip, name, chip_len);
	spec->chip[chip_len] = '\0';
	strcpy(spec->line, colon + 1);
	if (all_digits(spec->line)) {
		unsigned long n = strtoul(spec->line, NULL, 10);

		if (n > 0xffff)
			return -EINVAL;
		spec->line_is_offset = true;
		spec->offset = (unsigned int)n;
	}
	return 0;
}

static int chip_number(const char *entry)
{
	const char *digits = entry + strlen("gpiochip");

	if (strncmp(entry, "gpiochip", 8) != 0 || !all_digits(digits))
		return -1;
	return atoi(digits);
}

static int by_chip_number(const void *a, const void *b)
{
	int na = chip_number(strrchr((const char *)a, '/') + 1);
	int nb = chip_number(strrchr((const char *)b, '/') + 1);

	return (na > nb) - (na < nb);
}

int bc_gpio_chip_paths(char paths[][BC_GPIO_PATH_LEN], int max)
{
	struct dirent *de;
	DIR *dir;
	int n = 0;

	dir = opendir("/dev");
	if (!dir)
		return -errno;
	while ((de = readdir(dir)) && n < max) {
		if (chip_number(de->d_name) < 0 ||
		    strlen(de->d_name) + sizeof("/dev/") > BC_GPIO_PATH_LEN)
			continue;
		strcpy(paths[n], "/dev/");
		strcat(paths[n], de->d_name);
		n++;
	}
	closedir(dir);
	qsort(paths, (size_t)n, BC_GPIO_PATH_LEN, by_chip_number);
	return n;
}
