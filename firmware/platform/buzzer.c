/* SPDX-License-Identifier: MIT */
/* A GPIO line playing cue patterns: see buzzer.h. */
#include "platform/buzzer.h"

#include <errno.h>
#include <stdlib.h>

#include "platform/gpio_line.h"

struct bc_buzzer {
	bc_gpio_line *line;
	bc_cue cue;
	uint64_t cue_start_ns;
	int level; /* last level set, -1 unknown */
};

bc_buzzer *bc_buzzer_open(const char *line_name)
{
	bc_buzzer *b = calloc(1, sizeof(*b));
	int saved;

	if (!b)
		return NULL;
	b->line = bc_gpio_output_open(line_name, "backcoach-buzzer", 0);
	if (!b->line)
		goto fail;
	return b;
fail:
	saved = errno;
	free(b);
	errno = saved;
	return NULL;
}

void bc_buzzer_cue(bc_buzzer *b, bc_cue cue, uint64_t now_ns)
{
	b->cue = cue;
	b->cue_start_ns = now_ns;
	bc_buzzer_update(b, now_ns);
}

void bc_buzzer_update(bc_buzzer *b, uint64_t now_ns)
{
	int level = bc_cue_level(b->cue, now_ns - b->cue_start_ns);
	if (level < 0) {
		b->cue = BC_CUE_NONE;
		level = 0;
	}
	if (level != b->level && bc_gpio_set(b->line, level) == 0)
		b->level = level;
}

bool bc_buzzer_playing(const bc_buzzer *b)
{
	return b->cue != BC_CUE_NONE;
}

void bc_buzzer_close(bc_buzzer *b)
{
	if (!b)
		return;
	bc_gpio_set(b->line, 0);
	bc_gpio_close(b->line);
	free(b);
}
