/* SPDX-License-Identifier: MIT */
/* Tones and the voice through one SDL audio callback: see sound.h. */
#include "app/sound.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL.h>

#include "app/voice.h"

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
	int rate_hz;
	float *pcm[BC_TONE_COUNT];
	size_t len[BC_TONE_COUNT];
	/* The tone playing (the audio callback's; changed under the device lock). */
	const float *tone;
	size_t tone_n, tone_pos;
	bool muted;
	bc_voice *voice;
};

static float *synthesise(const tone_spec *t, int rate_hz, size_t *len)
{
	float total_s = 0;
	for (int i = 0; i < t->n; i++)
		total_s += t->beeps[i].on_s + t->beeps[i].off_s;
	size_t n = (size_t)(total_s * (float)rate_hz) + 1, k = 0;
	float *pcm = calloc(n, sizeof(*pcm));
	if (!pcm)
		return NULL;
	for (int i = 0; i < t->n; i++) {
		const beep *b = &t->beeps[i];
		size_t on = (size_t)(b->on_s * (float)rate_hz);
		size_t off = (size_t)(b->off_s * (float)rate_hz);
		for (size_t j = 0; j < on && k < n; j++, k++) {
			float ts = (float)j / (float)rate_hz;
			float env = fminf(1.0f, fminf(ts, b->on_s - ts) / EDGE_S);
			pcm[k] = 0.35f * env * sinf(2.0f * (float)M_PI * b->freq_hz * ts);
		}
		k += off;
	}
	*len = n;
	return pcm;
}

/* SDL's audio thread: the tone playing plus the voice, clipped. */
static void fill(void *userdata, Uint8 *stream, int bytes)
{
	bc_sound *snd = userdata;
	float *out = (float *)(void *)stream;
	size_t n = (size_t)bytes / sizeof(float);
	for (size_t i = 0; i < n; i++)
		out[i] = snd->tone && snd->tone_pos < snd->tone_n ? snd->tone[snd->tone_pos++]
								  : 0.0f;
	bc_voice_mix(snd->voice, out, n);
	for (size_t i = 0; i < n; i++)
		out[i] = out[i] > 1.0f ? 1.0f : out[i] < -1.0f ? -1.0f : out[i];
}

static bool exists(const char *dir, const char *name)
{
	char path[512];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &st) == 0;
}

/* A PulseAudio or PipeWire server this user can reach. */
static bool sound_server_running(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	return getenv("PULSE_SERVER") ||
	       (run && (exists(run, "pulse/native") || exists(run, "pipewire-0")));
}

/* An ALSA sound card ("--- no soundcards ---" when the kernel has none). */
static bool alsa_card_present(void)
{
	char line[128];
	FILE *f = fopen("/proc/asound/cards", "r");
	if (!f)
		return false;
	bool card = fgets(line, sizeof(line), f) && !strstr(line, "no soundcards");
	fclose(f);
	return card;
}

/*
 * Which output to try. Asked to probe where there is nothing, the audio
 * libraries print a screenful (ALSA's "cannot find card", the sound
 * servers' XDG_RUNTIME_DIR complaints): look first, and go straight to
 * ALSA when there is a card but no server (the Pi's kiosk session). The
 * user's own SDL_AUDIODRIVER is always respected.
 */
static bool choose_driver(char *note, size_t note_size)
{
	if (getenv("SDL_AUDIODRIVER") || sound_server_running())
		return true;
	if (alsa_card_present()) {
		SDL_SetHint(SDL_HINT_AUDIODRIVER, "alsa");
		return true;
	}
	snprintf(note, note_size, "no sound card: no tones or voice (the screen and buzzer coach)");
	return false;
}

bc_sound *bc_sound_open(const bc_voice_settings *voice, char *note, size_t note_size)
{
	if (note_size)
		note[0] = '\0';
	bc_sound *snd = calloc(1, sizeof(*snd));
	if (!snd)
		return NULL;
	if (!choose_driver(note, note_size))
		return snd;
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
		snprintf(note, note_size, "no audio (%s): no tones or voice", SDL_GetError());
		return snd;
	}
	snd->audio_inited = true;
	SDL_AudioSpec want = { .freq = RATE_HZ,
			       .format = AUDIO_F32SYS,
			       .channels = 1,
			       .samples = 1024,
			       .callback = fill,
			       .userdata = snd },
		      have;
	snd->rate_hz = RATE_HZ;
	for (int i = 1; i < BC_TONE_COUNT; i++)
		snd->pcm[i] = synthesise(&specs[i], snd->rate_hz, &snd->len[i]);
	/* The voice before the device: the callback reads it from the first buffer. */
	char err[256];
	snd->voice = voice ? bc_voice_open(voice, snd->rate_hz, err, sizeof(err)) : NULL;
	if (voice && voice->on && !snd->voice)
		snprintf(note, note_size, "voice off: %s", err);
	snd->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (!snd->dev) {
		snprintf(note, note_size, "no audio device (%s): no tones or voice",
			 SDL_GetError());
		return snd;
	}
	SDL_PauseAudioDevice(snd->dev, 0);
	return snd;
}

void bc_sound_play(bc_sound *snd, bc_tone tone)
{
	if (!snd || !snd->dev || snd->muted || tone <= BC_TONE_NONE || tone >= BC_TONE_COUNT ||
	    !snd->pcm[tone])
		return;
	/* The newest news wins: a stale beep after it would only confuse. */
	SDL_LockAudioDevice(snd->dev);
	snd->tone = snd->pcm[tone];
	snd->tone_n = snd->len[tone];
	snd->tone_pos = 0;
	SDL_UnlockAudioDevice(snd->dev);
}

void bc_sound_say(bc_sound *snd, const char *text, bc_spoken_kind kind)
{
	if (snd && snd->dev)
		bc_voice_say(snd->voice, text, kind);
}

void bc_sound_hush(bc_sound *snd)
{
	if (snd)
		bc_voice_hush(snd->voice);
}

void bc_sound_set_muted(bc_sound *snd, bool muted)
{
	if (!snd || snd->muted == muted)
		return;
	snd->muted = muted;
	bc_voice_set_muted(snd->voice, muted);
	if (snd->dev && muted) {
		SDL_LockAudioDevice(snd->dev);
		snd->tone = NULL;
		SDL_UnlockAudioDevice(snd->dev);
	}
}

void bc_sound_close(bc_sound *snd)
{
	if (!snd)
		return;
	if (snd->dev)
		SDL_CloseAudioDevice(snd->dev); /* the callback stops here */
	bc_voice_close(snd->voice);
	for (int i = 0; i < BC_TONE_COUNT; i++)
		free(snd->pcm[i]);
	if (snd->audio_inited)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	free(snd);
}
