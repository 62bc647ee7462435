/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers. When the reader drains the FIFO: on a data-ready edge
 * (through the wait_data_ready hook, normally a libgpiod line), gathering a
 * few samples per wake-up at high rates; or by polling at a dithered interval
 * when no line is wired, the line failed, or it is stuck or chattering.
 */
#include "drivers/imu_reader_internal.h"

#include <math.h>
#include <string.h>

/* Definitions */

/* Edges in a row that found an empty FIFO before the line counts as chattering. */
#define EMPTY_EDGES_TO_POLL 50
/* Queued edges drained after a wake-up (the newest is the anchor). */
#define MAX_QUEUED_EDGES 64

/* Functions */

static void fall_back_to_polling(bc_imu_reader *r)
{
	r->use_int = false;
	r->stats.polling = true;
}

/* No edge for three periods: is data arriving without its interrupt? */
static void check_missed_interrupt(bc_imu_reader *r)
{
	int got = bc_reader_drain(r, false, 0);
	if (got < 0) {
		bc_reader_lose(r);
	} else if (got > 0) {
		r->stats.int_misses++;
		if (++r->int_misses_in_row >= r->set.int_misses_to_poll) {
			bc_reader_note(r, "data-ready line stuck: polling");
			fall_back_to_polling(r);
		}
	} else {
		bc_reader_check_silent(r);
	}
}

/*
 * At a high rate, lets a few samples gather instead of waking per sample,
 * then takes the newest of the edges queued meanwhile.
 */
static uint64_t gather_edges(bc_imu_reader *r, uint64_t edge_ns)
{
	if (r->clock.period_s < r->set.batch_min_s) {
		uint64_t until = edge_ns + (uint64_t)(r->set.batch_min_s * BC_READER_NS_PER_S);
		uint64_t now = bc_reader_now_ns(r);
		if (until > now)
			r->hooks.sleep_ns(r->hooks.ctx, until - now);
	}
	uint64_t newer;
	for (int i = 0;
	     i < MAX_QUEUED_EDGES && r->hooks.wait_data_ready(r->hooks.ctx, 0, &newer) == 1; i++)
		edge_ns = newer;
	return edge_ns;
}

bool bc_reader_step_interrupt(bc_imu_reader *r, uint64_t deadline_ns)
{
	uint64_t now = bc_reader_now_ns(r);
	double wait_s = fmax(3 * r->clock.period_s, 0.02);
	double left_s = now < deadline_ns ? (double)(deadline_ns - now) / BC_READER_NS_PER_S : 0;
	bool full_wait = left_s >= wait_s;
	int slice_ms = (int)ceil((full_wait ? wait_s : left_s) * 1000.0);
	uint64_t edge_ns;

	int rc = r->hooks.wait_data_ready(r->hooks.ctx, slice_ms, &edge_ns);
	if (rc < 0) {
		bc_reader_note(r, "data-ready line failed (%s): polling", strerror(-rc));
		fall_back_to_polling(r);
		return true;
	}
	if (rc == 0) {
		if (!full_wait)
			return false;
		check_missed_interrupt(r);
		return true;
	}

	r->int_misses_in_row = 0;
	int got = bc_reader_drain(r, true, gather_edges(r, edge_ns));
	if (got < 0) {
		bc_reader_lose(r);
	} else if (got == 0) {
		if (++r->empty_edges_in_row >= EMPTY_EDGES_TO_POLL) {
			bc_reader_note(r, "data-ready line chattering: polling");
			fall_back_to_polling(r);
		}
		bc_reader_check_silent(r);
	} else {
		r->empty_edges_in_row = 0;
	}
	return true;
}

/*
 * Dithers the interval by up to ±25 %: a poll locked to the chip's period
 * would always see the same phase and never find the lower envelope the
 * timestamps rely on.
 */
static double next_poll_interval_s(bc_imu_reader *r)
{
	r->dither = r->dither * 1103515245u + 12345u;
	double dither = 0.75 + 0.5 * (double)((r->dither >> 16) & 0x7fff) / 32768.0;
	return fmax(r->clock.period_s, r->set.batch_min_s) * dither;
}

bool bc_reader_step_poll(bc_imu_reader *r, uint64_t deadline_ns)
{
	uint64_t now = bc_reader_now_ns(r);
	if (now < r->next_poll_ns) {
		if (deadline_ns <= now)
			return false;
		uint64_t until = r->next_poll_ns < deadline_ns ? r->next_poll_ns : deadline_ns;
		r->hooks.sleep_ns(r->hooks.ctx, until - now);
		now = bc_reader_now_ns(r);
		if (now < r->next_poll_ns)
			return false;
	}
	r->next_poll_ns = now + (uint64_t)(next_poll_interval_s(r) * BC_READER_NS_PER_S);
	int got = bc_reader_drain(r, false, 0);
	if (got < 0)
		bc_reader_lose(r);
	else if (got == 0)
		bc_reader_check_silent(r);
	return true;
}
