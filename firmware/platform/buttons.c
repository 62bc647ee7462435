/* SPDX-License-Identifier: MIT */
/* Debounced GPIO buttons: see buttons.h. */
#include "platform/buttons.h"

#include <errno.h>
#include <stdlib.h>

#include "platform/debounce.h"
#include "platform/gpio_line.h"

const bc_buttons_config bc_buttons_config_default = {
	.line_names = { "GPIO5", "GPIO6", "GPIO13" },
	.active_low = true,
	.debounce_s = 0.03f,
};

struct bc_buttons {
	bc_buttons_config config;
	bc_gpio_line *lines[BC_BUTTON_COUNT];
	bc_debouncer deb[BC_BUTTON_COUNT];
	bool started;
};

bc_buttons *bc_buttons_open(const bc_buttons_config *config)
{
	bc_buttons *b = calloc(1, sizeof(*b));
	int saved;

	if (!b)
		return NULL;
	b->config = *config;
	for (int i = 0; i < BC_BUTTON_COUNT; i++) {
		if (!config->line_names[i])
			continue;
		b->lines[i] = bc_gpio_input_open(config->line_names[i], "backcoach-buttons");
		if (!b->lines[i])
			goto fail;
	}
	return b;
fail:
	saved = errno;
	bc_buttons_close(b);
	errno = saved;
	return NULL;
}

static int pressed(bc_buttons *b, int i)
{
	int level = bc_gpio_get(b->lines[i]);
	if (level < 0)
		return 0; /* a read error is not a press */
	return b->config.active_low ? !level : level;
}

int bc_buttons_poll(bc_buttons *b, uint64_t now_ns)
{
	uint64_t stable_ns = (uint64_t)(b->config.debounce_s * 1e9f);
	int event = -1;
	for (int i = 0; i < BC_BUTTON_COUNT; i++) {
		if (!b->lines[i])
			continue;
		int level = pressed(b, i);
		if (!b->started) {
			bc_debouncer_init(&b->deb[i], level, now_ns); /* held at start: no press */
			continue;
		}
		if (bc_debouncer_update(&b->deb[i], level, now_ns, stable_ns) == 1 && event < 0)
			event = i;
	}
	b->started = true;
	return event;
}

unsigned bc_buttons_held(bc_buttons *b, uint64_t now_ns)
{
	uint64_t stable_ns = (uint64_t)(b->config.debounce_s * 1e9f);
	unsigned held = 0;
	for (int i = 0; i < BC_BUTTON_COUNT; i++) {
		if (!b->lines[i])
			continue;
		int level = pressed(b, i);
		if (!b->started)
			bc_debouncer_init(&b->deb[i], level, now_ns);
		else
			bc_debouncer_update(&b->deb[i], level, now_ns, stable_ns);
		if (b->deb[i].stable)
			held |= 1u << i;
	}
	b->started = true;
	return held;
}

void bc_buttons_close(bc_buttons *b)
{
	if (!b)
		return;
	for (int i = 0; i < BC_BUTTON_COUNT; i++)
		bc_gpio_close(b->lines[i]);
	free(b);
}
