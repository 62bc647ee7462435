/* SPDX-License-Identifier: MIT */
/* Spikes, frozen output and invalid values, per sample: see sample_guard.h. */
#include "core/sample_guard.h"

#include <math.h>
#include <string.h>

void bc_sample_guard_init(bc_sample_guard *g)
{
	memset(g, 0, sizeof(*g));
	g->same_since_s = -1;
	g->valid_since_s = -1;
	g->decay.dt_s = NAN; /* nothing remembered yet */
	for (int i = 0; i < BC_GUARD_BURST_GLITCHES; i++)
		g->recent_t_s[i] = -INFINITY;
}

static float largest_step(bc_vec3 a, bc_vec3 b)
{
	float dx = fabsf(a.x - b.x), dy = fabsf(a.y - b.y), dz = fabsf(a.z - b.z);
	float m = dx > dy ? dx : dy;
	return m > dz ? m : dz;
}

static void restart_axes(bc_guard_axes *a, bc_vec3 v)
{
	*a = (bc_guard_axes){ .last_good = v, .prev_raw = v };
}

/*
 * How much the envelope keeps over a step of dt_s: an expf, so remembered
 * for the step time (the gyro's check after the accelerometer's uses it
 * again, and so do later samples when the step time repeats).
 */
static float envelope_decay(bc_guard_decay *d, float dt_s)
{
	if (!(dt_s == d->dt_s)) {
		d->dt_s = dt_s;
		d->keep = expf(-dt_s / BC_GUARD_ENVELOPE_TAU_S);
	}
	return d->keep;
}

/*
 * One sensor's verdict: true when *v is a spike (then replaced by the last
 * good value). *came_back: a spike run ended here, with the value back near
 * the last good one: a glitch.
 */
static bool spike(bc_guard_axes *a, bc_vec3 *v, float floor, float dt_s, bc_guard_decay *decay,
		  bool *came_back)
{
	if (!bc_vec3_isfinite(a->last_good)) { /* nothing good yet to hold */
		restart_axes(a, *v);
		return false;
	}
	float limit = floor + BC_GUARD_ENVELOPE_GAIN * a->envelope;
	float step = largest_step(*v, a->last_good);
	bc_vec3 prev_raw = a->prev_raw;
	a->prev_raw = *v;
	if (!(step <= limit)) { /* also NaN */
		/* a run agreeing with itself: asked only here, where it matters */
		bool consistent = largest_step(*v, prev_raw) <= limit;
		if (++a->bad_run >= BC_GUARD_REBASE_SAMPLES && consistent && bc_vec3_isfinite(*v)) {
			a->last_good = *v; /* it stayed: a real change, not a glitch */
			a->bad_run = 0;
			return false;
		}
		*v = a->last_good;
		return true;
	}
	*came_back = a->bad_run > 0;
	a->bad_run = 0;
	a->last_good = *v;
	/* decayed <= envelope: a step at least as big is the new envelope as it is */
	if (step >= a->envelope) {
		a->envelope = step;
		return false;
	}
	float decayed = a->envelope * envelope_decay(decay, dt_s);
	a->envelope = step > decayed ? step : decayed;
	return false;
}

static void note_glitch(bc_sample_guard *g, double t_s)
{
	g->glitches++;
	g->recent_t_s[g->recent_next] = t_s;
	g->recent_next = (g->recent_next + 1) % BC_GUARD_BURST_GLITCHES;
}

/* Counts reversals of the gyro's step: a real sensor's noise shows in them. */
static void watch_noise(bc_sample_guard *g, const bc_sample *s)
{
	float step = s->gyro_dps.x - g->gyro.prev_raw.x;
	if (step == 0.0f || !isfinite(step))
		return;
	if (step * g->last_step_dps < 0.0f && g->reversals < BC_GUARD_NOISY_FLIPS)
		g->reversals++;
	g->last_step_dps = step;
}

/* Six axes bit for bit as before. */
static bool same_output(const bc_sample *s, const bc_guard_axes *accel, const bc_guard_axes *gyro)
{
	return memcmp(&s->accel_g, &accel->prev_raw, sizeof(bc_vec3)) == 0 &&
	       memcmp(&s->gyro_dps, &gyro->prev_raw, sizeof(bc_vec3)) == 0;
}

static bool valid(const bc_sample *s)
{
	return isfinite(s->t_s) && bc_vec3_isfinite(s->accel_g) && bc_vec3_isfinite(s->gyro_dps);
}

/*
 * An invalid sample: a glitch if it starts a burst. Its time may itself be
 * NaN: the glitch is then noted at the last valid sample's.
 */
static bc_guard_verdict invalid(bc_sample_guard *g, const bc_sample *s, bc_glitch_kind *glitch)
{
	if (!g->invalid_burst) {
		*glitch = BC_GLITCH_INVALID;
		note_glitch(g, isfinite(s->t_s) ? s->t_s : g->t_prev_s);
	}
	g->invalid_burst = true;
	g->valid_since_s = -1;
	return BC_GUARD_INVALID;
}

/* A valid sample: the burst of invalid ones before it is over after a quiet stretch. */
static void quiet(bc_sample_guard *g, double t_s)
{
	if (!g->invalid_burst)
		return;
	if (g->valid_since_s < 0)
		g->valid_since_s = t_s;
	else if (t_s - g->valid_since_s >= BC_GUARD_BURST_END_S)
		g->invalid_burst = false;
}

bc_guard_verdict bc_sample_guard_check(bc_sample_guard *g, bc_sample *s, bc_glitch_kind *glitch)
{
	*glitch = BC_GLITCH_NONE;
	if (!valid(s))
		return invalid(g, s, glitch);
	quiet(g, s->t_s);
	double dt_s = g->have ? s->t_s - g->t_prev_s : 0;
	if (!g->have || dt_s > BC_GUARD_GAP_S || !(dt_s > 0)) {
		/* a dropout: nothing before it says what this sample should be */
		bool frozen = g->frozen && same_output(s, &g->accel, &g->gyro);
		restart_axes(&g->accel, s->accel_g);
		restart_axes(&g->gyro, s->gyro_dps);
		g->have = true;
		g->t_prev_s = s->t_s;
		g->same_since_s = frozen ? s->t_s : -1;
		g->frozen = frozen;
		return frozen ? BC_GUARD_FROZEN : BC_GUARD_OK;
	}
	g->t_prev_s = s->t_s;
	watch_noise(g, s);
	if (g->reversals >= BC_GUARD_NOISY_FLIPS && same_output(s, &g->accel, &g->gyro)) {
		if (g->same_since_s < 0)
			g->same_since_s = s->t_s - dt_s;
		if (g->frozen)
			return BC_GUARD_FROZEN;
		if (s->t_s - g->same_since_s >= BC_GUARD_FROZEN_S) {
			g->frozen = true;
			*glitch = BC_GLITCH_FROZEN;
			note_glitch(g, s->t_s);
			return BC_GUARD_FROZEN;
		}
	} else {
		g->same_since_s = -1;
		g->frozen = false;
	}
	/* below 100 Hz a real step is longer: the floor grows with the step time */
	float slow = dt_s > 0.01 ? (float)(dt_s / 0.01) : 1.0f;
	bool back_a = false, back_g = false;
	bool bad = spike(&g->accel, &s->accel_g, BC_GUARD_ACCEL_STEP_G * slow, (float)dt_s,
			 &g->decay, &back_a);
	bad |= spike(&g->gyro, &s->gyro_dps, BC_GUARD_GYRO_STEP_DPS * slow, (float)dt_s, &g->decay,
		     &back_g);
	if (back_a || back_g) {
		*glitch = BC_GLITCH_SPIKE;
		note_glitch(g, s->t_s);
	}
	return bad ? BC_GUARD_SPIKE : BC_GUARD_OK;
}

bool bc_sample_guard_burst(const bc_sample_guard *g, double t_s)
{
	for (int i = 0; i < BC_GUARD_BURST_GLITCHES; i++)
		if (!(t_s - g->recent_t_s[i] <= BC_GUARD_BURST_S))
			return false;
	return true;
}

const char *bc_glitch_kind_text(bc_glitch_kind k)
{
	switch (k) {
	case BC_GLITCH_SPIKE:
		return "spike";
	case BC_GLITCH_FROZEN:
		return "frozen";
	case BC_GLITCH_INVALID:
		return "invalid";
	default:
		return "";
	}
}
