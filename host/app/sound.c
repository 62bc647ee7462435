/* SPDX-License-Identifier: MIT */
/* Generated tones through an SDL audio queue: see sound.h. */
#include "app/sound.h"

#include <math.h>
#include <stdlib.h>

#include <SDL.h>

#define RATE_HZ	  44100
#define EDGE_S	  0.008f /* fade in/out of each beep: no clicks */
#define MAX_BEEPS 4

/* A tone as a few beeps: pitch, length and the silence after each. */
typedef struct {
	float freq_hz, on_s, off_s;
} beep;

typedef struct {
	beep beeps[MAX_BEEPS];
	int n;
} tone_spec;

/*
 * Distinct by pitch and rhythm so they can be told apart with eyes shut:
 * rising pair = hold starts, high long = hold done, bright single = counted,
 * low double = not counted, insistent triple = slouch.
 */
static const tone_spec specs[BC_TONE_COUNT] = {
	[BC_TONE_HOLD_START] = { { { 523, 0.09f, 0.03f }, { 659, 0.12f, 0 } }, 2 },
	[BC_TONE_HOLD_DONE] = { { { 1047, 0.35f, 0 } }, 1 },
	[BC_TONE_REP] = { { { 880, 0.07f, 0.04f }, { 1319, 0.14f, 0 } }, 2 },
	[BC_TONE_REJECTED] = { { { 220, 0.14f, 0.08f }, { 196, 0.20f, 0 } }, 2 },
	[BC_TONE_SLOUCH_ALERT] = { { { 740, 0.12f, 0.08f },
				     { 740, 0.12f, 0.08f },
				     { 740, 0.12f, 0 } },
				   3 },
	[BC_TONE_STEP_DONE] = { { { 660, 0.10f, 0 } }, 1 },
};

struct bc_sound {
	SDL_AudioDeviceID dev; /* 0: silent */
	bool audio_inited;
	float *pcm[BC_TONE_COUNT];
	Uint32 bytes[BC_TONE_COUNT];
};

static float *synthesise(const tone_spec *t, Uint32 *bytes)
{
	float total_s = 0;
	for (int i = 0; i < t->n; i++)
		total_s += t->beeps[i].on_s + t->beeps[i].off_s;
	size_t n = (size_t)(total_s * RATE_HZ) + 1, k = 0;
	float *pcm = calloc(n, sizeof(*pcm));
	if (!pcm)
		return NULL;
	for (int i = 0; i < t->n; i++) {
		const beep *b = &t->beeps[i];
		size_t on = (size_t)(b->on_s * RATE_HZ), off = (size_t)(b->off_s * RATE_HZ);
		for (size_t j = 0; j < on && k < n; j++, k++) {
			float ts = (float)j / RATE_HZ;
			float env = fminf(1.0f, fminf(ts, b->on_s - ts) / EDGE_S);
			pcm[k] = 0.35f * env * sinf(2.0f * (float)M_PI * b->freq_hz * ts);
		}
		k += off;
	}
	*bytes = (Uint32)(n * sizeof(*pcm));
	return pcm;
}

bc_sound *bc_sound_open(void)
{
	bc_sound *snd = calloc(1, sizeof(*snd));
	if (!snd)
		return NULL;
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
		return snd; /* no audio at all: silent */
	snd->audio_inited = true;
	SDL_AudioSpec want = { .freq = RATE_HZ,
			       .format = AUDIO_F32SYS,
			       .channels = 1,
			       .samples = 1024 },
		      have;
	snd->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (!snd->dev)
		return snd;
	for (int i = 1; i < BC_TONE_COUNT; i++)
		snd->pcm[i] = synthesise(&specs[i], &snd->bytes[i]);
	SDL_PauseAudioDevice(snd->dev, 0);
	return snd;
}

void bc_sound_play(bc_sound *snd, bc_tone tone)
{
	if (!snd || !snd->dev || tone <= BC_TONE_NONE || tone >= BC_TONE_COUNT || !snd->pcm[tone])
		return;
	/* The newest news wins: a stale beep after it would only confuse. */
	SDL_ClearQueuedAudio(snd->dev);
	SDL_QueueAudio(snd->dev, snd->pcm[tone], snd->bytes[tone]);
}

void bc_sound_close(bc_sound *snd)
{
	if (!snd)
		return;
	if (snd->dev)
		SDL_CloseAudioDevice(snd->dev);
	for (int i = 0; i < BC_TONE_COUNT; i++)
		free(snd->pcm[i]);
	if (snd->audio_inited)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	free(snd);
}
