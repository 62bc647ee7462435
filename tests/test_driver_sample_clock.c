/* SPDX-License-Identifier: MIT */
/*
 * The sample clock on its own: scripted drains (how many samples, when the
 * edge or the read was) in, timestamps out. No chip model, no bus: these are
 * the rules the reader's timestamps follow.
 */
#include <math.h>
#include <stdlib.h>

#include "drivers/sample_clock.h"
#include "support/test_support.h"

#define START_NS  5000000000ull /* any CLOCK_MONOTONIC value */
#define RATE_HZ	  100.0
#define PERIOD_NS 10000000ull

static void start_clock(bc_sample_clock *c)
{
	bc_sample_clock_init(c, START_NS);
	bc_sample_clock_set_rate(c, RATE_HZ);
}

/* One sample whose data-ready edge came at at_ns after the start. */
static double place_edge(bc_sample_clock *c, uint64_t at_ns)
{
	double t_s;
	bc_sample_clock_place(c, 1, 1, START_NS + at_ns, true, &t_s);
	return t_s;
}

/*
 * An edge is the sample's own time, but it carries the kernel's interrupt
 * latency: a late edge moves the clock 0.3 of the way, not all of it.
 */
static void test_a_late_edge_moves_the_clock_part_way(void **state)
{
	(void)state;
	bc_sample_clock c;
	start_clock(&c);
	assert_float_near(place_edge(&c, 1 * PERIOD_NS), 0.010, 1e-12);
	double t = place_edge(&c, 2 * PERIOD_NS + 2000000); /* 2 ms late */
	assert_float_near(t, 0.020 + 0.3 * 0.002, 1e-12);
}

/*
 * Edges jittered ±1 ms around the true 100 Hz ticks: the timestamps stay
 * within a quarter of that of the truth, and the period stays nominal.
 */
static void test_edge_jitter_is_smoothed(void **state)
{
	(void)state;
	bc_sample_clock c;
	double worst_s = 0;
	start_clock(&c);
	for (int k = 1; k <= 400; k++) {
		int64_t jitter_ns = (k % 2) ? 1000000 : -1000000;
		double t = place_edge(&c, (uint64_t)((int64_t)k * (int64_t)PERIOD_NS + jitter_ns));
		if (k > 20)
			worst_s = fmax(worst_s, fabs(t - k * 0.010));
	}
	assert_true(worst_s < 0.00025);
	assert_float_near(c.period_s, 0.010, 1e-5);
}

/*
 * A read time is only an upper bound on the newest sample's time. Polled at
 * random delays after the true ticks, the clock settles on the lower
 * envelope: within a fraction of a millisecond of the truth, never after it
 * by the mean delay.
 */
static void test_polls_settle_on_the_lower_envelope(void **state)
{
	(void)state;
	bc_sample_clock c;
	unsigned seed = 7;
	double t[4], err_s = 0;
	start_clock(&c);
	for (int k = 4; k <= 4000; k += 4) {
		uint64_t delay_ns = (uint64_t)(rand_r(&seed) % 9000000); /* 0–9 ms */
		bc_sample_clock_place(&c, 4, 4, START_NS + (uint64_t)k * PERIOD_NS + delay_ns,
				      false, t);
		err_s = t[3] - k * 0.010;
	}
	assert_true(fabs(err_s) < 0.001);
}

/* After a dropout the next anchor decides, but time never runs backwards. */
static void test_times_rise_across_a_lost_track(void **state)
{
	(void)state;
	bc_sample_clock c;
	double t[3];
	start_clock(&c);
	double before = place_edge(&c, 50 * PERIOD_NS);
	bc_sample_clock_lose_track(&c);
	/* an anchor that would put three samples before the last one */
	bc_sample_clock_place(&c, 3, 3, START_NS + 50 * PERIOD_NS + 1000000, true, t);
	assert_true(t[0] > before);
	assert_true(t[1] > t[0] && t[2] > t[1]);
	assert_float_near(t[0], before + 0.005, 1e-12);
}

/* Samples that landed between edge and read move the anchor on by whole periods. */
static void test_anchor_counts_samples_after_the_edge(void **state)
{
	(void)state;
	bc_sample_clock c;
	bool exact;
	start_clock(&c);
	uint64_t edge = START_NS + 100 * PERIOD_NS;
	assert_int_equal(bc_sample_clock_anchor(&c, true, edge, edge + 3000000, &exact), edge);
	assert_true(exact);
	assert_int_equal(bc_sample_clock_anchor(&c, true, edge, edge + 23000000, &exact),
			 edge + 2 * PERIOD_NS);
	assert_false(exact);
	assert_int_equal(bc_sample_clock_anchor(&c, false, 0, edge, &exact), edge);
	assert_false(exact);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_late_edge_moves_the_clock_part_way),
		cmocka_unit_test(test_edge_jitter_is_smoothed),
		cmocka_unit_test(test_polls_settle_on_the_lower_envelope),
		cmocka_unit_test(test_times_rise_across_a_lost_track),
		cmocka_unit_test(test_anchor_counts_samples_after_the_edge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
