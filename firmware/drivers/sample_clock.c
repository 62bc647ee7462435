/* SPDX-License-Identifier: MIT */
/* Timestamps for FIFO drains: see sample_clock.h. */
#include "drivers/sample_clock.h"

#include <math.h>

/* Definitions */

#define NS_PER_S 1000000000.0

/*
 * Pull towards an edge time per drain: an edge is exact but carries the
 * kernel's interrupt latency jitter, so the phase follows it part way.
 */
#define EDGE_GAIN 0.3
/* Creep towards a poll time per drain (fraction of the drain's span). */
#define POLL_CREEP 0.0005
/* Period baseline from this many samples, restarted after this long. */
#define BASELINE_MIN_SAMPLES 20
#define BASELINE_MAX_S	     60.0
/* The chip's clock is within ±5 % of nominal (datasheets say ±1–2 %). */
#define PERIOD_TOLERANCE 0.05

/* Functions */

void bc_sample_clock_init(bc_sample_clock *c, uint64_t start_ns)
{
	*c = (bc_sample_clock){ .start_ns = start_ns };
}

void bc_sample_clock_set_rate(bc_sample_clock *c, double rate_hz)
{
	c->period_nominal_s = 1.0 / rate_hz;
	c->period_s = c->period_nominal_s;
	c->anchored = false;
}

void bc_sample_clock_lose_track(bc_sample_clock *c)
{
	c->anchored = false;
}

uint64_t bc_sample_clock_anchor(const bc_sample_clock *c, bool have_edge, uint64_t edge_ns,
				uint64_t read_ns, bool *exact)
{
	uint64_t period_ns = (uint64_t)(c->period_s * NS_PER_S);

	*exact = false;
	if (!have_edge || read_ns < edge_ns)
		return read_ns;
	/* Newer samples may have landed since the edge, one a period. */
	uint64_t late = (read_ns - edge_ns) / period_ns;
	*exact = late == 0;
	return edge_ns + late * period_ns;
}

/*
 * The period is measured over a long baseline: the time between a reference
 * anchor and this one, over the samples between them. Anchor errors (up to a
 * period when polling) shrink with the baseline.
 */
static void learn_period(bc_sample_clock *c, double a, double index, double baseline)
{
	double lo = c->period_nominal_s * (1 - PERIOD_TOLERANCE);
	double hi = c->period_nominal_s * (1 + PERIOD_TOLERANCE);

	c->period_s = fmin(fmax((a - c->ref_a_s) / baseline, lo), hi);
	if (a - c->ref_a_s > BASELINE_MAX_S) { /* follow slow drift (temperature) */
		c->ref_a_s = a;
		c->ref_index = index;
	}
}

/*
 * The newest sample's time, predicted one period p on per sample to pred.
 * The phase follows the anchor. An edge time is the sample's own time,
 * pulled towards firmly. A poll time is only an upper bound, so the clock is
 * pulled back at once if it runs past the bound, and otherwise creeps towards
 * it: it settles on the lower envelope of the bounds, which is the true phase.
 * The creep covers what the period may still be wrong by (one anchor error
 * over the baseline) so the clock never falls behind for good.
 */
static double newest_time(size_t n, double p, double a, double pred, double baseline, bool exact)
{
	if (exact)
		return pred + EDGE_GAIN * (a - pred);
	double creep = (double)n * p * (POLL_CREEP + 1.0 / fmax(baseline, 1.0));
	return fmin(a, pred + creep);
}

void bc_sample_clock_place(bc_sample_clock *c, size_t n, size_t m, uint64_t anchor_ns, bool exact,
			   double *t_s)
{
	double a = (double)(int64_t)(anchor_ns - c->start_ns) / NS_PER_S;
	double p = c->period_s;
	double pred = c->t_last_s + (double)n * p;
	double step, first;

	if (c->anchored && fabs(a - pred) < fmax(0.02, 5 * p)) {
		double index = (double)(c->consumed + n - 1);
		double baseline = index - c->ref_index;
		if (baseline >= BASELINE_MIN_SAMPLES)
			learn_period(c, a, index, baseline);
		/* p: the period the prediction used, before this anchor's learning */
		double newest = newest_time(n, p, a, pred, baseline, exact);
		step = (newest - c->t_last_s) / (double)n;
		if (step < 0.5 * p)
			step = 0.5 * p;
		first = c->t_last_s + step;
	} else {
		/* First drain, after a dropout, or lost track: the anchor decides. */
		double newest = exact ? a : a - 0.5 * p;
		step = p;
		first = newest - (double)(n - 1) * p;
		if (c->have_t_last && first < c->t_last_s + 0.5 * p)
			first = c->t_last_s + 0.5 * p;
		c->anchored = true;
		c->consumed = 0;
		c->ref_a_s = a;
		c->ref_index = (double)(n - 1);
	}
	for (size_t j = 0; j < m; j++)
		t_s[j] = first + (double)j * step;
	c->t_last_s = t_s[m - 1];
	c->have_t_last = true;
	c->consumed += m;
}
