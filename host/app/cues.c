/* SPDX-License-Identifier: MIT */
/* App tones as buzzer cues: see cues.h. */
#include "app/cues.h"

static const bc_cue cue_of_tone[BC_TONE_COUNT] = {
	[BC_TONE_NONE] = BC_CUE_NONE,
	[BC_TONE_HOLD_START] = BC_CUE_HOLD_START,
	[BC_TONE_HOLD_DONE] = BC_CUE_HOLD_DONE,
	[BC_TONE_REP] = BC_CUE_REP,
	[BC_TONE_REJECTED] = BC_CUE_REJECTED,
	[BC_TONE_SLOUCH_ALERT] = BC_CUE_ALERT,
	/* A calibration step confirmed: the same single "got it" beep as a rep. */
	[BC_TONE_STEP_DONE] = BC_CUE_REP,
};

bc_cue bc_app_cue_for_tone(bc_tone tone)
{
	if ((unsigned)tone >= BC_TONE_COUNT)
		return BC_CUE_NONE;
	return cue_of_tone[tone];
}
