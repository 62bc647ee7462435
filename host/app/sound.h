/* SPDX-License-Identifier: MIT */
/*
 * Short generated tones through SDL audio, so the wearer hears what happened
 * without looking: hold start, hold done, rep counted, not counted, slouch
 * alert, calibration step. Each tone is made once at open (a few sine beeps
 * with soft edges) and queued on demand; nothing blocks. With no audio
 * device everything here is silent and harmless.
 */
#ifndef BC_APP_SOUND_H
#define BC_APP_SOUND_H

#include "app/app_state.h"

typedef struct bc_sound bc_sound;

/*
 * Opens the default audio output. Never fails: without a device (or with
 * SDL audio unavailable) it returns a silent player. NULL only when out of
 * memory, which bc_sound_play also accepts.
 */
bc_sound *bc_sound_open(void);

/* Queues tone (replacing whatever is still waiting to play). NULL-safe. */
void bc_sound_play(bc_sound *snd, bc_tone tone);

/* Closes the device; NULL-safe. */
void bc_sound_close(bc_sound *snd);

#endif /* BC_APP_SOUND_H */
