/* SPDX-License-Identifier: MIT */
/*
 * The spoken coaching: lines from the coach's events (spoken_words.h) are
 * queued (speech_queue.h), rendered by espeak-ng on the voice's own thread
 * (speech_engine.h) and handed out as samples to whoever plays the audio
 * (sound.c mixes them with the tones in SDL's audio callback).
 *
 * Nothing here blocks its callers: bc_voice_say only queues under a short
 * lock, and bc_voice_mix only copies what is ready. The sensor thread never
 * sees the voice at all; the render loop only queues.
 */
#ifndef BC_APP_VOICE_H
#define BC_APP_VOICE_H

#include <stdbool.h>
#include <stddef.h>

#include "coach/coach.h"
#include "coach/spoken_words.h"

typedef struct bc_voice bc_voice;

/*
 * Starts the voice for audio at out_rate_hz. NULL (with err) when the
 * settings turn it off ("" err then) or espeak-ng cannot start (its data
 * missing, an unknown voice): every function here accepts NULL.
 */
bc_voice *bc_voice_open(const bc_voice_settings *s, int out_rate_hz, char *err, size_t err_size);

/* Queues a line of kind (the queue policy decides its fate); never blocks. */
void bc_voice_say(bc_voice *v, const char *text, bc_spoken_kind kind);

/* Stops what is being said and forgets what waits (the session it was about ended). */
void bc_voice_hush(bc_voice *v);

/* Muted: what is being said stops now, nothing waiting is said, new lines are ignored. */
void bc_voice_set_muted(bc_voice *v, bool muted);

/*
 * Adds up to n samples of speech to out (mono float, out_rate_hz); the rest
 * of out is left as it was. For the audio callback: never waits for the
 * engine. Returns how many samples held speech.
 */
size_t bc_voice_mix(bc_voice *v, float *out, size_t n);

/* Something is being said or waits to be (for tests and a clean exit). */
bool bc_voice_busy(bc_voice *v);

/* Lines dropped by the queue policy so far (stale countdowns, superseded guidance). */
unsigned long bc_voice_dropped(bc_voice *v);

/* Stops the thread and frees; NULL-safe. */
void bc_voice_close(bc_voice *v);

#endif /* BC_APP_VOICE_H */
