/* SPDX-License-Identifier: MIT */
#include "platform/cue_pattern.h"

#include <stddef.h>

#define MS 1000000ull

/* On and off durations in ms, alternating, starting with on; 0 ends. */
static const uint16_t patterns[][8] = {
	[BC_CUE_NONE] = { 0 },
	[BC_CUE_REP] = { 80, 0 },
	[BC_CUE_REJECTED] = { 60, 80, 60, 0 },
	[BC_CUE_HOLD_DONE] = { 400, 0 },
	[BC_CUE_ALERT] = { 120, 100, 120, 100, 120, 0 },
	/* Rhythm, not pitch, tells a buzzer's cues apart: short-long is not short-short. */
	[BC_CUE_HOLD_START] = { 60, 80, 200, 0 },
};

int bc_cue_level(bc_cue cue, uint64_t elapsed_ns)
{
	if ((unsigned)cue >= sizeof(patterns) / sizeof(patterns[0]))
		return -1;
	uint64_t t = 0;
	for (size_t i = 0; i < 8 && patterns[cue][i]; i++) {
		t += patterns[cue][i] * MS;
		if (elapsed_ns < t)
			return i % 2 == 0;
	}
	return -1;
}
