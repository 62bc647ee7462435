/* SPDX-License-Identifier: MIT */
/*
 * Everything the wearer hears through SDL audio, so they need not look: short
 * generated tones (hold start, hold done, rep counted, not counted, slouch
 * alert, calibration step) and the spoken coaching (voice.h), mixed in one
 * audio callback. Each tone is made once at open (a few sine beeps with soft
 * edges); speech is rendered on the voice's own thread. Nothing here blocks.
 * With no audio device everything here is silent and harmless.
 */
#ifndef BC_APP_SOUND_H
#define BC_APP_SOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app_state.h"
#include "coach/coach.h"
#include "coach/spoken_words.h"

typedef struct bc_sound bc_sound;

/*
 * Opens the audio output, and the voice if voice->on. Never fails: without
 * a sound card or sound server (checked first, so that the audio libraries
 * print nothing), without a device or without espeak-ng it returns a player
 * that is silent in that part, and says why in note (one line; "" when all
 * is well). NULL only when out of memory, which every function here accepts.
 */
bc_sound *bc_sound_open(const bc_voice_settings *voice, char *note, size_t note_size);

/* Plays tone now (cutting short a tone still playing). NULL-safe. */
void bc_sound_play(bc_sound *snd, bc_tone tone);

/* Queues a spoken line of kind (spoken_words.h); never blocks. NULL-safe. */
void bc_sound_say(bc_sound *snd, const char *text, bc_spoken_kind kind);

/* The session ended: what the voice is saying and what waits are dropped. */
void bc_sound_hush(bc_sound *snd);

/* Muted: the tone and the line playing stop now, and nothing more is heard. */
void bc_sound_set_muted(bc_sound *snd, bool muted);

/* Closes the device and the voice; NULL-safe. */
void bc_sound_close(bc_sound *snd);

#endif /* BC_APP_SOUND_H */
