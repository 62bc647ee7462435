/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers. Pure arithmetic; no bus, no clock of its own.
 *
 * The sample clock: puts the samples of each FIFO drain on a time line
 * (seconds since the reader started, on CLOCK_MONOTONIC). A FIFO hands over
 * samples without times; what we know is when we read it and, with a
 * data-ready line, the kernel's timestamp of the newest sample's edge. So:
 *
 *   - the newest sample of a drain is anchored to the edge time (exact) or
 *     to the read time (only an upper bound: it was taken at or before);
 *   - the samples before it are spaced by the chip's period, which is
 *     learned over a long baseline of anchors because the chip's own clock
 *     is a few % off its nominal rate;
 *   - times are strictly increasing, across dropouts and re-initialisations.
 *
 * Caller-owned, no allocation. Split from the reader so the arithmetic can be
 * tested on its own (tests/test_driver_sample_clock.c).
 */
#ifndef BC_SAMPLE_CLOCK_H
#define BC_SAMPLE_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Definitions */

typedef struct {
	uint64_t start_ns;	 /* t = 0, CLOCK_MONOTONIC ns */
	double period_s;	 /* sample period as measured, s */
	double period_nominal_s; /* the chip's nominal period, s */
	bool anchored;		 /* following a phase; false: the next anchor decides */
	bool have_t_last;
	double t_last_s;	/* time given to the last sample placed, s */
	unsigned long consumed; /* samples placed since the reference anchor */
	double ref_a_s;		/* reference anchor time (baseline start), s */
	double ref_index;	/* its sample index, counted from the reference */
} bc_sample_clock;

/* Functions */

/* Time starts at start_ns (CLOCK_MONOTONIC). Call bc_sample_clock_set_rate next. */
void bc_sample_clock_init(bc_sample_clock *c, uint64_t start_ns);

/*
 * The chip was (re)configured to rate_hz: the period starts from nominal and
 * the next anchor sets the phase. Times stay increasing past this.
 */
void bc_sample_clock_set_rate(bc_sample_clock *c, double rate_hz);

/* Data was lost: the next anchor sets the phase afresh. */
void bc_sample_clock_lose_track(bc_sample_clock *c);

/*
 * The anchor for a drain read at read_ns: the read time itself, or, after a
 * data-ready edge at edge_ns, the edge moved on by whole periods for samples
 * that landed between edge and read. *exact: the anchor is an edge time.
 */
uint64_t bc_sample_clock_anchor(const bc_sample_clock *c, bool have_edge, uint64_t edge_ns,
				uint64_t read_ns, bool *exact);

/*
 * n samples were waiting, the newest produced at (about) anchor_ns; the first
 * m (m <= n, m >= 1) are being handed out. Writes their times to t_s[0..m-1].
 */
void bc_sample_clock_place(bc_sample_clock *c, size_t n, size_t m, uint64_t anchor_ns, bool exact,
			   double *t_s);

#endif /* BC_SAMPLE_CLOCK_H */
