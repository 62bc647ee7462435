/* SPDX-License-Identifier: MIT */
/*
 * The fault matrix: every sensor and trace fault backcoach knows, each
 * injected into the same scripted session (tests/traces/bridge-correct: 8
 * correct bridges, hold 2 s, through the MPU-6050 model, the reader, the
 * live source and the coach; or replayed, for faults of a trace), with the
 * reps it must keep, what it must tell the user, and never a rejection the
 * wearer did not earn. docs/reliability.md holds this table:
 *
 *     BC_FAULT_TABLE=1 build/tests/test_fault_matrix
 *
 * prints it in markdown with the figures of this run (the doc's copy must
 * match; the test fails if a row's outcome leaves its stated bounds).
 */
#include <stdio.h>
#include <stdlib.h>

#include "support/faulty_session.h"
#include "support/test_support.h"

typedef struct {
	const char *fault;
	const char *injected; /* how, in words */
	bc_fault_plan plan;
	int reps_min, reps_max;		      /* counted reps it must keep (of 8) */
	int interrupted_min, interrupted_max; /* attempts the sensor cuts short */
	bool all_accounted;		      /* reps + interrupted = 8: no attempt unseen */
	int glitches_min;		      /* SENSOR_GLITCH events it must report */
	int dropouts_min;		      /* DROPOUT events it must report */
	unsigned long reader_dropouts_min;    /* gaps the reader must mark */
	bool polling;			      /* the reader must end up polling */
	const char *told;		      /* what the user is told */
	const char *why;		      /* why reps_min is below 8 */
	const char *also;		      /* the test that checks it in detail */
} fault_row;

#define PLAN(...) ((bc_fault_plan){ __VA_ARGS__ })
#define LIVE	  PLAN(.replay = false)

static const fault_row rows[] = {
	{ "none (baseline)", "-", LIVE, 8, 8, 0, 0, true, 0, 0, 0, false, "nothing", NULL, NULL },
	{ "none, replayed", "the trace straight into the coach", PLAN(.replay = true), 8, 8, 0, 0,
	  true, 0, 0, 0, false, "nothing", NULL, "test_replay_traces" },
	{ "I2C NACK bursts", "2 transfers NACKed every 1 s (under the 3 retries)",
	  PLAN(.nack_every_s = 1, .nack_transfers = 2), 8, 8, 0, 0, true, 0, 0, 0, false,
	  "nothing: retried, no sample lost", NULL, "test_driver_faults" },
	{ "I2C NACK bursts beyond the retries", "6 transfers NACKed every 20 s",
	  PLAN(.nack_every_s = 20, .nack_transfers = 6), 6, 8, 0, 2, true, 0, 5, 5, false,
	  "\"Sensor lost \u00b7 reconnecting\" in the status bar; a cut-short attempt: \"Not your "
	  "fault: Sensor glitch \u2014 check the cable\"",
	  "the chip is lost and configured again; a loss inside a hold ends that attempt as "
	  "INTERRUPTED",
	  NULL },
	{ "short reads", "a FIFO data read torn in half every 5 s", PLAN(.short_read_every_s = 5),
	  8, 8, 0, 0, true, 0, 0, 20, false,
	  "nothing: the FIFO is reset, the gap (< 0.5 s) is marked in the reader's stats", NULL,
	  "test_driver_faults" },
	{ "unplug and replug", "unplugged 2 s at 27 s, between reps",
	  PLAN(.unplug_at_s = 27, .replug_at_s = 29), 8, 8, 0, 0, true, 0, 1, 1, false,
	  "\"Sensor lost \u00b7 reconnecting\" in the status bar; a dropout in the JSON", NULL,
	  "test_driver_faults, test_umockdev_live_sensor" },
	{ "outage during a hold", "unplugged 3 s at 39.5 s, in the 3rd hold",
	  PLAN(.unplug_at_s = 39.5, .replug_at_s = 42.5), 7, 7, 1, 1, true, 0, 1, 1, false,
	  "\"Not your fault: Sensor glitch \u2014 check the cable\"; `interrupted` 1 in the JSON "
	  "and the history, not "
	  "\"hold too short\"",
	  "the attempt held while the sensor was gone is the sensor's, neither counted nor "
	  "rejected",
	  "test_driver_faults" },
	{ "FIFO overflow", "the reader stalls until the FIFO overflows, every 10 s",
	  PLAN(.overflow_every_s = 10), 8, 8, 0, 0, true, 0, 0, 10, false,
	  "nothing: the FIFO is reset, the gap is marked in the reader's stats", NULL,
	  "test_driver_faults" },
	{ "stuck data-ready line", "INT stuck from 5 s on", PLAN(.stuck_int_from_s = 5), 8, 8, 0, 0,
	  true, 0, 0, 0, true, "nothing: the reader polls the FIFO instead", NULL,
	  "test_driver_faults" },
	{ "saturated samples",
	  "a knock beyond full scale (12 g, 2000 deg/s) for one sample every 3 s",
	  PLAN(.knock_every_s = 3), 8, 8, 0, 0, true, 35, 0, 0, false,
	  "\"Sensor glitch \u2014 check the cable\" for 5 s; `sensor_glitches` in the JSON and "
	  "history",
	  NULL, "test_driver_mpu6050 (clipping)" },
	{ "gyro bias step", "+0.5 deg/s on every axis from 30 s",
	  PLAN(.bias_step_at_s = 30, .bias_step_dps = 0.5f), 8, 8, 0, 0, true, 0, 0, 0, false,
	  "nothing: the filter learns the bias at rest", NULL, "test_body_stillness" },
	{ "clock drift", "the chip's clock 2 % fast", PLAN(.clock_ratio = 1.02), 8, 8, 0, 0, true,
	  0, 0, 0, false, "nothing", NULL, "test_driver_sample_clock" },
	{ "bit flips", "one bit flipped in 1 % of FIFO reads (228 flips)",
	  PLAN(.flip_per_10000 = 100), 8, 8, 0, 0, true, 20, 0, 0, false,
	  "\"Sensor glitch \u2014 check the cable\"; `sensor_glitches` in the JSON and history",
	  NULL, "test_driver_faults" },
	{ "frozen sensor", "22 s of bit-identical output from 38 s",
	  PLAN(.freeze_from_s = 38, .freeze_to_s = 60), 5, 8, 0, 1, false, 1, 1, 1, false,
	  "\"Sensor glitch \u2014 check the cable\"; the chip is configured again every 2 s",
	  "the reps done while the output is frozen (reps 3 and 4) cannot be seen; the ones on "
	  "either side stay separate",
	  "test_driver_faults" },
	{ "NaN samples", "replayed, one NaN gyro axis every 2 s",
	  PLAN(.replay = true, .nan_every_s = 2), 8, 8, 0, 0, true, 50, 0, 0, false,
	  "\"Sensor glitch \u2014 check the cable\" for 5 s; the sample is not used; "
	  "`sensor_glitches` in the JSON and history (kind \"invalid\")",
	  NULL, "test_coach, fuzz_pipeline" },
	{ "time gaps", "replayed, 0.6 s of rows missing every 10 s",
	  PLAN(.replay = true, .gap_every_s = 10, .gap_s = 0.6), 4, 8, 0, 4, true, 0, 10, 0, false,
	  "a dropout in the JSON; a cut-short attempt: \"Not your fault: Sensor glitch \u2014 "
	  "check the cable\"",
	  "a gap (> 0.5 s, contract §1) inside a hold ends that attempt as INTERRUPTED", NULL },
};

#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

static bc_fault_outcome outcomes[N_ROWS];

static void run_row(const fault_row *row, bc_fault_outcome *o)
{
	print_message("  %s\n", row->fault);
	bc_run_faulty_session(&row->plan, o);
	assert_in_range(o->tally.reps, row->reps_min, row->reps_max);
	assert_in_range(o->tally.interrupted, row->interrupted_min, row->interrupted_max);
	if (row->all_accounted)
		assert_int_equal(o->tally.reps + o->tally.interrupted, 8);
	assert_true(o->tally.sensor_glitches >= row->glitches_min);
	if (row->glitches_min == 0) /* no glitch invented where the data is good */
		assert_int_equal(o->tally.sensor_glitches, 0);
	assert_true(o->dropout_events >= row->dropouts_min);
	assert_true(o->stats.dropouts >= row->reader_dropouts_min);
	assert_true(o->stats.polling == row->polling);
	/* never the wearer's fault */
	assert_int_equal(o->tally.rejected, 0);
}

/* The table of docs/reliability.md, with this run's figures. */
static void print_table(void)
{
	printf("| fault | how injected | reps kept / expected | interrupted | glitches | dropouts "
	       "(coach / reader) | the user is told | also tested in |\n"
	       "|---|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < N_ROWS; i++) {
		const fault_row *r = &rows[i];
		const bc_fault_outcome *o = &outcomes[i];
		char expected[300];
		if (r->reps_min == r->reps_max)
			snprintf(expected, sizeof(expected), "%d", r->reps_min);
		else
			snprintf(expected, sizeof(expected), "at least %d: %s", r->reps_min,
				 r->why);
		printf("| %s | %s | %d / %s | %d | %d | %d / %lu | %s | %s |\n", r->fault,
		       r->injected, o->tally.reps, expected, o->tally.interrupted,
		       o->tally.sensor_glitches, o->dropout_events, o->stats.dropouts, r->told,
		       r->also ? r->also : "-");
	}
}

static void test_fault_matrix(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ROWS; i++)
		run_row(&rows[i], &outcomes[i]);
	if (getenv("BC_FAULT_TABLE"))
		print_table();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_matrix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
