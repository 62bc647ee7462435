/* SPDX-License-Identifier: MIT */
/*
 * Sensor integrity, one sample at a time (O(1), no allocation): samples no
 * body can make are caught before the filter sees them.
 *
 *   - A spike: accel or gyro jumps from the last good sample by more than a
 *     body can move in one sample step (a flipped bit on the I2C wire, a bad
 *     FIFO frame). The limit is a floor plus a multiple of the recent step
 *     size (a body already moving fast can change faster); the floor grows
 *     at rates under 100 Hz, where real steps are longer. The sample is
 *     repaired: it carries the last good values. A jump that comes back
 *     within BC_GUARD_REBASE_SAMPLES samples is a glitch; one that stays
 *     (three samples agreeing with each other) was real and is taken.
 *   - Frozen output: all six axes bit-identical to the previous sample for
 *     BC_GUARD_FROZEN_S. A real MEMS sensor's noise changes some axis every
 *     sample (the longest identical run in the real recordings of
 *     ../shared/data is 6 samples, 21 ms); a stuck chip or bus repeats one.
 *     Samples then are not data at all: the caller drops them. Only a
 *     stream that has shown its noise can freeze: BC_GUARD_NOISY_FLIPS
 *     reversals of the gyro's step (noise jitters up and down; a body, or
 *     an ideal simulated sensor, moves smoothly). A noise-free synthetic
 *     trace holding still is a still body, not a stuck chip.
 *   - Invalid: a NaN or infinite time, acceleration or rate. Not data: the
 *     caller drops it. A stream of them is one glitch per burst (a burst
 *     ends after BC_GUARD_BURST_END_S of valid samples), so a wire that
 *     garbles every sample is told once, not 200 times a second.
 *
 * Limits and the checks against real recordings: docs/architecture.md,
 * "Sensor integrity".
 */
#ifndef BC_SAMPLE_GUARD_H
#define BC_SAMPLE_GUARD_H

#include <stdbool.h>

#include "core/sample.h"

/* Definitions */

#define BC_GUARD_ACCEL_STEP_G	1.0f   /* spike floor, accel, per sample at >= 100 Hz */
#define BC_GUARD_GYRO_STEP_DPS	150.0f /* spike floor, gyro, per sample at >= 100 Hz */
#define BC_GUARD_ENVELOPE_GAIN	4.0f   /* limit = floor + gain x recent step envelope */
#define BC_GUARD_ENVELOPE_TAU_S 0.25f  /* how fast that envelope forgets, s */
#define BC_GUARD_REBASE_SAMPLES 3      /* a jump that stays this long was real */
#define BC_GUARD_FROZEN_S	0.5    /* identical samples this long: frozen */
#define BC_GUARD_BURST_GLITCHES 5      /* this many glitches ... */
#define BC_GUARD_BURST_S	1.0    /* ... within this long: the sensor is bad */
#define BC_GUARD_GAP_S		0.5    /* a longer step is a dropout (contract §1) */
#define BC_GUARD_NOISY_FLIPS	50     /* step reversals that show a real sensor's noise */
#define BC_GUARD_BURST_END_S	1.0    /* valid samples this long end a burst of invalid ones */

typedef enum {
	BC_GUARD_OK = 0,  /* a good sample */
	BC_GUARD_SPIKE,	  /* repaired: it carries the last good values */
	BC_GUARD_FROZEN,  /* no data: drop it */
	BC_GUARD_INVALID, /* NaN or infinite: no data, drop it */
} bc_guard_verdict;

/* What kind of glitch a sample ended or started. */
typedef enum {
	BC_GLITCH_NONE = 0,
	BC_GLITCH_SPIKE,   /* a jump no body can make, and back */
	BC_GLITCH_FROZEN,  /* the same raw output for BC_GUARD_FROZEN_S */
	BC_GLITCH_INVALID, /* NaN or infinite values: the first of a burst */
} bc_glitch_kind;

/* One sensor's (accel or gyro) spike check. */
typedef struct {
	bc_vec3 last_good; /* the last value taken as real */
	bc_vec3 prev_raw;  /* the previous value as it came */
	float envelope;	   /* recent step size, decaying */
	int bad_run;	   /* samples in a row over the limit */
} bc_guard_axes;

/* The envelope's decay over the last step time (an expf), kept for the next step. */
typedef struct {
	float dt_s; /* step time, s (NaN: none yet) */
	float keep; /* expf(-dt_s / BC_GUARD_ENVELOPE_TAU_S) */
} bc_guard_decay;

typedef struct {
	bc_guard_axes accel, gyro;
	bc_guard_decay decay;
	bool have;				    /* a sample was seen */
	double t_prev_s;			    /* its time */
	double same_since_s;			    /* identical to the previous since (< 0: not) */
	bool frozen;				    /* reported frozen, until the output changes */
	float last_step_dps;			    /* the gyro x step before, for reversals */
	unsigned reversals;			    /* of that step, up to BC_GUARD_NOISY_FLIPS */
	unsigned long glitches;			    /* spikes, freezes and invalid bursts */
	double recent_t_s[BC_GUARD_BURST_GLITCHES]; /* times of the latest glitches */
	int recent_next;
	double valid_since_s; /* valid since (after an invalid sample; < 0: not yet) */
	bool invalid_burst;   /* invalid samples came, and no quiet stretch since */
} bc_sample_guard;

/* Functions */

void bc_sample_guard_init(bc_sample_guard *g);

/*
 * Checks s and repairs a spike in place. *glitch says whether this sample
 * completes a glitch (a spike came back, a freeze was found).
 */
bc_guard_verdict bc_sample_guard_check(bc_sample_guard *g, bc_sample *s, bc_glitch_kind *glitch);

/* Whether BC_GUARD_BURST_GLITCHES glitches came within BC_GUARD_BURST_S before t_s. */
bool bc_sample_guard_burst(const bc_sample_guard *g, double t_s);

/* "spike", "frozen", "invalid" (the replay JSON's kind). */
const char *bc_glitch_kind_text(bc_glitch_kind k);

#endif /* BC_SAMPLE_GUARD_H */
