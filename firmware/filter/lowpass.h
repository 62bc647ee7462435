/* SPDX-License-Identifier: MIT */
/*
 * Low-pass filters for the orientation filter's hot path, written for float
 * math at any sample rate and with jittered steps.
 *
 * A second-order Butterworth low-pass with time constant tau (the decay time
 * of its step response envelope; cut-off omega_c = sqrt(2) / tau) is run as
 * a state-variable filter with semi-implicit Euler steps:
 *
 *   rate += (omega_c^2 (x - y) - sqrt(2) omega_c rate) dt
 *   y    += rate dt
 *
 * Why not the usual biquad (direct form)? At 1 kHz with tau = 3 s its b0 is
 * about 1e-7: in float the input all but vanishes. The state-variable form
 * only ever adds small increments to a state of the signal's own size, which
 * float handles well, and its coefficients are linear in dt, so every step
 * can use its own dt (jitter) without recomputing anything expensive.
 * The step is accurate while omega_c dt << 1 (tau = 0.5 s at 25 Hz gives
 * 0.11).
 *
 * The filters work on arrays of channels so that the compiler can vectorise
 * them; the orientation filter keeps all its channels in one such bank.
 */
#ifndef BC_FILTER_LOWPASS_H
#define BC_FILTER_LOWPASS_H

/* Includes */

#include <stddef.h>

/* Definitions */

/* Per-second coefficients of one second-order low-pass, fixed by its time constant. */
typedef struct {
	float pos_per_s2; /* omega_c^2, 1/s^2 */
	float damp_per_s; /* sqrt(2) omega_c, 1/s */
} bc_lowpass2_coefs;

/* Per-step gains of one second-order low-pass; see bc_lowpass2_gains_over(). */
typedef struct {
	float k_pos;  /* omega_c^2 dt, 1/s */
	float k_damp; /* sqrt(2) omega_c dt, dimensionless */
	float dt_s;   /* step, seconds */
} bc_lowpass2_gains;

/* Functions */

/* Coefficients for time constant tau_s (given as 1/tau_s, 1/s): once, at init. */
static inline bc_lowpass2_coefs bc_lowpass2_coefs_for(float inv_tau_s)
{
	/* omega_c = sqrt(2)/tau: omega_c^2 = 2/tau^2, sqrt(2) omega_c = 2/tau. */
	bc_lowpass2_coefs c = { 2.0f * inv_tau_s * inv_tau_s, 2.0f * inv_tau_s };
	return c;
}

/* Gains over a step of dt_s seconds: two multiplications a step. */
static inline bc_lowpass2_gains bc_lowpass2_gains_over(bc_lowpass2_coefs c, float dt_s)
{
	bc_lowpass2_gains g = { c.pos_per_s2 * dt_s, c.damp_per_s * dt_s, dt_s };
	return g;
}

/*
 * One step of one channel: y (output) and rate (its derivative) are the
 * state, x the new input; afterwards y holds the filtered value. For a few
 * channels held apart (no array to gather them into, no loop).
 */
static inline void bc_lowpass2_step_one(float *restrict y, float *restrict rate, float x,
					bc_lowpass2_gains g)
{
	*rate += g.k_pos * (x - *y) - g.k_damp * *rate;
	*y += *rate * g.dt_s;
}

/* One step over n channels (a bank the compiler can vectorise). */
static inline void bc_lowpass2_step(float *restrict y, float *restrict rate,
				    const float *restrict x, size_t n, bc_lowpass2_gains g)
{
	for (size_t i = 0; i < n; i++) {
		rate[i] += g.k_pos * (x[i] - y[i]) - g.k_damp * rate[i];
		y[i] += rate[i] * g.dt_s;
	}
}

/* Starts n channels at rest at the values x. */
static inline void bc_lowpass2_reset(float *restrict y, float *restrict rate,
				     const float *restrict x, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		y[i] = x[i];
		rate[i] = 0.0f;
	}
}

/*
 * Running mean of the first samples, used instead of the low-pass for its
 * first tau seconds so that the start does not hang on one sample: y becomes
 * the mean of the count samples seen so far (count includes this one).
 */
static inline void bc_lowpass2_mean_step(float *restrict y, float *restrict rate,
					 const float *restrict x, size_t n, float inv_count)
{
	for (size_t i = 0; i < n; i++) {
		y[i] += (x[i] - y[i]) * inv_count;
		rate[i] = 0.0f;
	}
}

#endif /* BC_FILTER_LOWPASS_H */
