/* SPDX-License-Identifier: MIT */
/*
 * Seeded, reproducible pseudo-random numbers for the simulator
 * (xoshiro256** seeded through splitmix64). The same seed gives the same
 * stream on every machine: no libc rand(), no time, no floating-point
 * shortcuts that differ between compilers.
 */
#ifndef BC_SIM_RNG_H
#define BC_SIM_RNG_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/sim_math.h"

typedef struct {
	uint64_t s[4];
} sim_rng;

/* Seeds the generator; any 64-bit value (0 included) is a good seed. */
void sim_rng_seed(sim_rng *r, uint64_t seed);

/* An independent generator for a named purpose, derived from r's seed state
 * without advancing r (e.g. "person", "imu"), so adding draws to one part of
 * the simulator does not change the others. */
sim_rng sim_rng_fork(const sim_rng *r, const char *purpose);

uint64_t sim_rng_u64(sim_rng *r);

/* Uniform in [0, 1). */
double sim_rng_unit(sim_rng *r);

/* Uniform in [lo, hi). */
double sim_rng_uniform(sim_rng *r, double lo, double hi);

/* Uniform integer in [lo, hi] (inclusive). */
int sim_rng_int(sim_rng *r, int lo, int hi);

/* True with probability p. */
bool sim_rng_chance(sim_rng *r, double p);

/* +1 or -1 with equal probability. */
double sim_rng_sign(sim_rng *r);

/* Standard normal (mean 0, standard deviation 1). */
double sim_rng_gauss(sim_rng *r);

/* Uniformly distributed rotation (any orientation). */
sim_quat sim_rng_unit_quat(sim_rng *r);

#endif /* BC_SIM_RNG_H */
