/* SPDX-License-Identifier: MIT */
/*
 * The buzzer's cue for each app tone. The coach event → tone mapping stays
 * in one place (bc_app_apply_event); this only says how a tone sounds on a
 * plain on-off buzzer, which has rhythm but no pitch. Pure, so it is tested
 * without SDL or GPIO.
 */
#ifndef BC_APP_CUES_H
#define BC_APP_CUES_H

#include "app/app_state.h"
#include "platform/cue_pattern.h"

/* The device's buzzer drive line (hw/wiring.md: GPIO18 through an NPN). */
#define BC_APP_BUZZER_LINE "GPIO18"

/* BC_CUE_NONE for BC_TONE_NONE and anything out of range. */
bc_cue bc_app_cue_for_tone(bc_tone tone);

#endif /* BC_APP_CUES_H */
