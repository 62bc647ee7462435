/* SPDX-License-Identifier: MIT */
/* espeak-ng into a buffer: see speech_engine.h. */
#include "app/speech_engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

struct bc_speech_engine {
	int native_rate_hz;
	int out_rate_hz;
};

/* What one render collects, handed to the callback through user_data. */
typedef struct {
	short *samples;
	size_t n, cap;
	const atomic_bool *cancel;
	bool failed; /* out of memory */
} render_buf;

static bool engine_open; /* espeak-ng is a singleton */
/*
 * espeak-ng is started once per process and never terminated: in 1.51
 * (Debian 12) espeak_ng_Terminate after a second espeak_ng_Initialize hangs
 * for ever waiting on its own idle thread. Opening again only sets the
 * voice and its parameters; the process's exit ends it.
 */
static bool espeak_started;

/* espeak-ng's synthesis callback: appends a chunk; returning 1 stops the synthesis. */
static int on_audio(short *wav, int count, espeak_EVENT *events)
{
	render_buf *rb = events ? events->user_data : NULL;
	if (!rb)
		return 0;
	if (rb->cancel && *rb->cancel)
		return 1;
	if (!wav || count <= 0)
		return 0;
	size_t need = rb->n + (size_t)count;
	if (need > rb->cap) {
		size_t cap = rb->cap ? rb->cap : 8192;
		while (cap < need)
			cap *= 2;
		short *grown = realloc(rb->samples, cap * sizeof(*grown));
		if (!grown) {
			rb->failed = true;
			return 1;
		}
		rb->samples = grown;
		rb->cap = cap;
	}
	memcpy(rb->samples + rb->n, wav, (size_t)count * sizeof(*wav));
	rb->n = need;
	return 0;
}

bc_speech_engine *bc_speech_engine_open(const bc_voice_settings *s, int out_rate_hz, char *err,
					size_t err_size)
{
	char msg[160];
	espeak_ng_ERROR_CONTEXT ctx = NULL;
	if (engine_open) {
		snprintf(err, err_size, "espeak-ng is already in use");
		errno = EBUSY;
		return NULL;
	}
	bc_speech_engine *e = calloc(1, sizeof(*e));
	if (!e) {
		snprintf(err, err_size, "out of memory");
		errno = ENOMEM;
		return NULL;
	}
	espeak_ng_STATUS st = ENS_OK;
	if (!espeak_started) {
		espeak_ng_InitializePath(NULL); /* the packaged data (espeak-ng-data) */
		st = espeak_ng_Initialize(&ctx);
		if (st != ENS_OK) {
			espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
			snprintf(err, err_size, "espeak-ng: %s (is espeak-ng-data installed?)",
				 msg);
			espeak_ng_ClearErrorContext(&ctx);
			free(e);
			errno = ENOENT;
			return NULL;
		}
		st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
		if (st != ENS_OK) {
			espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
			snprintf(err, err_size, "espeak-ng: %s", msg);
			free(e);
			errno = EIO;
			return NULL;
		}
		espeak_started = true;
	}
	st = espeak_ng_SetVoiceByName(s->name[0] ? s->name : "en");
	if (st != ENS_OK) {
		espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
		snprintf(err, err_size, "espeak-ng: voice \"%s\": %s", s->name, msg);
		free(e);
		errno = ENOENT;
		return NULL;
	}
	espeak_SetSynthCallback(on_audio);
	espeak_ng_SetParameter(espeakRATE, s->rate_wpm > 0 ? s->rate_wpm : espeakRATE_NORMAL, 0);
	espeak_ng_SetParameter(espeakVOLUME, s->volume_pct, 0);
	e->native_rate_hz = espeak_ng_GetSampleRate();
	e->out_rate_hz = out_rate_hz > 0 ? out_rate_hz : e->native_rate_hz;
	engine_open = true;
	return e;
}

/* Linear interpolation from the engine's rate to the output's, to float. */
static float *resample(const short *in, size_t n_in, int in_hz, int out_hz, size_t *n_out)
{
	size_t n = n_in == 0 ? 0 : (size_t)((double)n_in * out_hz / in_hz);
	float *out = malloc((n ? n : 1) * sizeof(*out));
	if (!out)
		return NULL;
	double step = (double)in_hz / out_hz;
	for (size_t i = 0; i < n; i++) {
		double x = (double)i * step;
		size_t k = (size_t)x;
		double f = x - (double)k;
		double a = in[k], b = k + 1 < n_in ? in[k + 1] : in[k];
		out[i] = (float)((a + (b - a) * f) / 32768.0);
	}
	*n_out = n;
	return out;
}

int bc_speech_engine_render(bc_speech_engine *e, const char *text, float **pcm, size_t *n,
			    const atomic_bool *cancel)
{
	render_buf rb = { .cancel = cancel };
	*pcm = NULL;
	*n = 0;
	espeak_ng_STATUS st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
						   espeakCHARS_UTF8, NULL, &rb);
	int ret = 0;
	if (rb.failed)
		ret = -ENOMEM;
	else if (cancel && *cancel)
		ret = -ECANCELED;
	else if (st != ENS_OK)
		ret = -EIO;
	if (ret == 0) {
		*pcm = resample(rb.samples, rb.n, e->native_rate_hz, e->out_rate_hz, n);
		if (!*pcm)
			ret = -ENOMEM;
	}
	free(rb.samples);
	return ret;
}

int bc_speech_engine_native_rate_hz(const bc_speech_engine *e)
{
	return e->native_rate_hz;
}

void bc_speech_engine_close(bc_speech_engine *e)
{
	if (!e)
		return;
	engine_open = false; /* espeak-ng itself stays up: see espeak_started */
	free(e);
}
