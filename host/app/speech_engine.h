/* SPDX-License-Identifier: MIT */
/*
 * The speech engine: espeak-ng through its C API, in synchronous mode, so a
 * line of text becomes a buffer of audio samples that the caller mixes
 * itself (never espeak-ng's own audio output). Rendering a line takes tens
 * of milliseconds of CPU: call it from a thread of its own (voice.c), never
 * from the sensor path or the render loop.
 *
 * espeak-ng keeps global state: one engine per process, used from one
 * thread at a time.
 */
#ifndef BC_APP_SPEECH_ENGINE_H
#define BC_APP_SPEECH_ENGINE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "coach/coach.h"

typedef struct bc_speech_engine bc_speech_engine;

/*
 * Opens espeak-ng with the voice settings (name, rate, volume); its audio is
 * delivered resampled to out_rate_hz. NULL with err (and errno: ENOENT when
 * espeak-ng's data is missing, EBUSY when an engine is already open).
 */
bc_speech_engine *bc_speech_engine_open(const bc_voice_settings *s, int out_rate_hz, char *err,
					size_t err_size);

/*
 * Says text into *pcm: mono float samples in -1..1 at out_rate_hz (malloc'd;
 * the caller frees), *n of them. 0, or a negative errno. cancel (may be
 * NULL) is polled while rendering: set, the rendering stops early (-ECANCELED).
 */
int bc_speech_engine_render(bc_speech_engine *e, const char *text, float **pcm, size_t *n,
			    const atomic_bool *cancel);

/* espeak-ng's own sample rate (22050 Hz for its voices). */
int bc_speech_engine_native_rate_hz(const bc_speech_engine *e);

/* NULL-safe. */
void bc_speech_engine_close(bc_speech_engine *e);

#endif /* BC_APP_SPEECH_ENGINE_H */
