/* SPDX-License-Identifier: MIT */
#include "sim/rng.h"

#include <math.h>

/* Functions */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void sim_rng_seed(sim_rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

sim_rng sim_rng_fork(const sim_rng *r, const char *purpose)
{
	/* FNV-1a of the purpose, mixed with the parent state. */
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const char *p = purpose; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	sim_rng child;
	sim_rng_seed(&child,
		     h ^ r->s[0] ^ rotl(r->s[1], 17) ^ rotl(r->s[2], 31) ^ rotl(r->s[3], 47));
	return child;
}

uint64_t sim_rng_u64(sim_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double sim_rng_unit(sim_rng *r)
{
	/* The top 53 bits: exactly representable, never 1.0. */
	return (double)(sim_rng_u64(r) >> 11) * 0x1.0p-53;
}

double sim_rng_uniform(sim_rng *r, double lo, double hi)
{
	return lo + (hi - lo) * sim_rng_unit(r);
}

int sim_rng_int(sim_rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	uint64_t span = (uint64_t)((int64_t)hi - lo) + 1;
	return lo + (int)(sim_rng_u64(r) % span);
}

bool sim_rng_chance(sim_rng *r, double p)
{
	return sim_rng_unit(r) < p;
}

double sim_rng_sign(sim_rng *r)
{
	return (sim_rng_u64(r) >> 63) ? 1.0 : -1.0;
}

double sim_rng_gauss(sim_rng *r)
{
	/* Box-Muller; 1 - unit() is in (0, 1], so the log is finite. */
	double u1 = 1.0 - sim_rng_unit(r);
	double u2 = sim_rng_unit(r);
	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

sim_quat sim_rng_unit_quat(sim_rng *r)
{
	/* Four gaussians normalised: uniform on the 3-sphere (Haar measure). */
	sim_quat q;
	double n;
	do {
		q = sim_quat_make(sim_rng_gauss(r), sim_rng_gauss(r), sim_rng_gauss(r),
				  sim_rng_gauss(r));
		n = sqrt(sim_quat_dot(q, q));
	} while (n < 1e-6);
	q = sim_quat_make(q.w / n, q.x / n, q.y / n, q.z / n);
	return q.w < 0 ? sim_quat_make(-q.w, -q.x, -q.y, -q.z) : q;
}
