/* SPDX-License-Identifier: MIT */
/*
 * Faults keep the session alive: NACKs, torn reads, FIFO overflow, a stuck
 * data-ready line, a chip that resets itself, and the sensor unplugged for
 * two seconds and plugged back. Never a crash, never a lost stream; every
 * loss of data is marked as a dropout and timestamps keep rising.
 *
 * And a whole coached session (8 bridges) through the MPU-6050 model, the
 * reader, the live source and the coach, with the sensor faults no body
 * makes: bits flipped on the wire, output frozen for 22 s, a 3 s outage in
 * the middle of a hold. The reps still count, the glitches are reported,
 * and a cut-short attempt is the sensor's (INTERRUPTED), not the wearer's.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coach/coach.h"
#include "coach/session_tally.h"
#include "drivers/live_source.h"
#include "drivers/mpu6050_regs.h"
#include "hw_backend.h"
#include "models/model_rig.h"
#include "support/faulty_session.h"
#include "support/rig_checks.h"
#include "support/test_support.h"

static void open_rig(bc_model_rig *rig, float rate_hz, bool with_int)
{
	bc_imu_reader_settings s = bc_imu_reader_settings_default;
	s.chip.rate_hz = rate_hz;
	assert_int_equal(bc_model_rig_open(rig, BC_CHIP_MPU6050, 0x68, &s, with_int), 0);
}

static void test_nack_retried_no_loss(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 200, true);
	double t = -2;
	long k = bc_check_consecutive(&rig, 100, -1, &t);
	for (int round = 0; round < 5; round++) {
		bc_chip_model_fault_nack(rig.model, 2); /* under the 3 retries */
		k = bc_check_consecutive(&rig, 50, k, &t);
	}
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_int_equal(st->retries_ok, 5);
	assert_int_equal(st->bus_errors, 10);
	assert_int_equal(st->dropouts, 0);
	assert_int_equal(st->losses, 0);
	bc_model_rig_close(&rig);
}

/* A torn FIFO read cannot be retried (the bytes are gone): reset, mark, go on. */
static void test_short_read_resets_fifo(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 500, true);
	double t = -2;
	bc_check_consecutive(&rig, 100, -1, &t);
	/* a torn status read is simply retried */
	bc_chip_model_fault_short_read(rig.model, 1, 0);
	bc_check_consecutive(&rig, 20, -1, &t);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->retries_ok, 1);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->dropouts, 0);
	/* a torn FIFO data read (12 bytes and up) is not */
	bc_chip_model_fault_short_read(rig.model, 1, 12);
	bool gap = false;
	for (int i = 0; i < 50; i++) {
		bc_sample x;
		assert_int_equal(bc_imu_reader_read(rig.reader, &x, 200), 1);
		assert_true(x.t_s > t);
		t = x.t_s;
		gap |= bc_imu_reader_after_dropout(rig.reader);
	}
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_true(gap);
	assert_int_equal(st->dropouts, 1);
	assert_int_equal(st->losses, 0);
	/* and the samples after it are whole frames in order */
	bc_check_consecutive(&rig, 100, -1, &t);
	bc_model_rig_close(&rig);
}

static void test_fifo_overflow_marked_and_carries_on(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 1000, true);
	double t = -2;
	bc_check_consecutive(&rig, 200, -1, &t);
	bc_chip_model_fault_fifo_overflow(rig.model);
	assert_true(bc_chip_model_fifo_overflowed(rig.model));
	bool gap = false;
	for (int i = 0; i < 100; i++) {
		bc_sample x;
		assert_int_equal(bc_imu_reader_read(rig.reader, &x, 200), 1);
		assert_true(x.t_s > t);
		t = x.t_s;
		gap |= bc_imu_reader_after_dropout(rig.reader);
	}
	assert_true(gap);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->fifo_overflows, 1);
	bc_check_consecutive(&rig, 500, -1, &t);
	bc_model_rig_close(&rig);
}

/*
 * Unplugged for 2 s: the reader says RECONNECTING and returns no samples,
 * re-probes, re-initialises the chip when it is back (which comes back in its
 * power-on state), and the gap shows in the timestamps.
 */
static void test_unplug_replug_reconnects(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 200, true);
	double t = -2;
	bc_check_consecutive(&rig, 200, -1, &t);
	bc_check_unplugged_2s(&rig, &t);

	bc_chip_model_replug(rig.model);
	assert_int_equal(bc_chip_model_odr_hz(rig.model), 0); /* asleep until initialised */
	bc_sample x;
	bc_check_resumes_after_replug(&rig, t, &x);
	/* re-initialised: the model is configured again */
	assert_int_equal(bc_chip_model_peek(rig.model, 0, MPU6050_REG_FIFO_EN), 0x78);
	assert_float_near(bc_chip_model_odr_hz(rig.model), 200, 1e-9);
	t = x.t_s;
	bc_check_consecutive(&rig, 300, -1, &t);
	bc_model_rig_close(&rig);
}

/* Unplugged and plugged back many times in a row: still one session. */
static void test_flaky_cable(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 500, true);
	double t = -2;
	for (int i = 0; i < 10; i++) {
		bc_check_consecutive(&rig, 50, -1, &t);
		bc_chip_model_unplug(rig.model);
		bc_model_world_advance_ns(rig.world, (uint64_t)(0.05e9 + i * 0.03e9));
		bc_chip_model_replug(rig.model);
		/* samples drained before the unplug may come first; then the gap */
		bc_sample x;
		bool resumed = false;
		for (int tries = 0; tries < 40 && !resumed; tries++) {
			if (bc_imu_reader_read(rig.reader, &x, 100) != 1)
				continue;
			assert_true(x.t_s > t);
			t = x.t_s;
			resumed = bc_imu_reader_after_dropout(rig.reader);
		}
		assert_true(resumed);
	}
	bc_check_consecutive(&rig, 50, -1, &t);
	assert_true(bc_imu_reader_get_stats(rig.reader)->reconnects >= 1);
	bc_model_rig_close(&rig);
}

/* INT stuck: the data keeps coming through polling, without a single loss. */
static void test_stuck_data_ready_falls_back_to_polling(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 200, true);
	double t = -2;
	long k = bc_check_consecutive(&rig, 100, -1, &t);
	assert_false(bc_imu_reader_get_stats(rig.reader)->polling);
	bc_chip_model_fault_stuck_int(rig.model, true);
	k = bc_check_consecutive(&rig, 400, k, &t);
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_true(st->polling);
	assert_true(st->int_misses >= 1);
	assert_int_equal(st->dropouts, 0);
	bc_model_rig_close(&rig);
}

/* No line wired at all: polling from the start. */
static void test_no_interrupt_line_polls(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 100, false);
	double t = -2;
	bc_check_consecutive(&rig, 300, -1, &t);
	assert_true(bc_imu_reader_get_stats(rig.reader)->polling);
	bc_model_rig_close(&rig);
}

/* A brown-out resets the chip without a NACK: it goes silent and is re-initialised. */
static void test_chip_reset_behind_our_back(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 200, true);
	double t = -2;
	bc_check_consecutive(&rig, 100, -1, &t);
	assert_int_equal(
		bc_chip_model_write(rig.model, MPU6050_REG_PWR_MGMT_1, MPU6050_PWR1_DEVICE_RESET),
		0);
	bc_sample x;
	bc_check_resumes_after_dropout(&rig, &x);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->reconnects, 1);
	t = x.t_s;
	bc_check_consecutive(&rig, 100, -1, &t);
	bc_model_rig_close(&rig);
}

/*
 * A reader on an empty bus fails at once instead of hanging: ENODEV when a
 * probe finds nothing, the bus's NACK when nothing answers at the address.
 * The host says which in words.
 */
static void test_no_chip_is_a_clear_error(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	errno = 0;
	bc_imu_reader *r = bc_imu_reader_new(bc_model_bus_i2c(bus), &bc_imu_reader_settings_default,
					     NULL);
	assert_null(r);
	assert_int_equal(errno, ENODEV);
	bc_imu_reader_settings s = bc_imu_reader_settings_default;
	s.address = 0x68;
	errno = 0;
	r = bc_imu_reader_new(bc_model_bus_i2c(bus), &s, NULL);
	assert_null(r);
	assert_true(errno != 0 && errno != ENODEV);

	char err[256] = "";
	bc_live_source_config cfg = { .bus = bc_model_bus_i2c(bus),
				      .reader = bc_imu_reader_settings_default };
	assert_null(bc_hw_live_source_open(&cfg, err, sizeof(err)));
	assert_non_null(strstr(err, "no IMU found"));
	cfg.reader.address = 0x68;
	assert_null(bc_hw_live_source_open(&cfg, err, sizeof(err)));
	assert_non_null(strstr(err, "nothing answers at 0x68"));
	bc_model_bus_free(bus);
}

/* One bit flipped in 1 % of FIFO reads (~2 spikes a second up to 4 g / 500 dps): 8 reps. */
static void test_bit_flips_keep_the_count(void **state)
{
	(void)state;
	bc_fault_plan f = bc_fault_plan_none;
	f.flip_per_10000 = 100;
	bc_fault_outcome o;
	bc_run_faulty_session(&f, &o);
	assert_true(o.flips > 50);
	assert_true(o.tally.sensor_glitches > 0);
	assert_int_equal(o.tally.reps + o.tally.interrupted, 8);
	assert_true(o.tally.interrupted <= 1);
	assert_int_equal(o.tally.rejected, 0);
}

/*
 * 22 s of bit-identical output (reps 3 to 5 happen meanwhile): noticed, the
 * chip is configured again, and the reps on either side stay separate (no
 * rep holds through the freeze).
 */
static void test_frozen_output_is_noticed(void **state)
{
	(void)state;
	bc_fault_plan f = bc_fault_plan_none;
	f.freeze_from_s = 38.0;
	f.freeze_to_s = 60.0;
	bc_fault_outcome o;
	bc_run_faulty_session(&f, &o);
	assert_true(o.tally.sensor_glitches >= 1);
	assert_true(o.stats.reconnects >= 1);
	assert_true(o.tally.reps >= 5);
	assert_true(o.longest_rep_hold_s < 10.0f);
	assert_int_equal(o.tally.rejected, 0);
}

/* A 3 s outage in the middle of a hold: the sensor's fault, not "hold too short". */
static void test_outage_during_hold_is_interrupted(void **state)
{
	(void)state;
	bc_fault_plan f = bc_fault_plan_none;
	f.unplug_at_s = 39.5; /* the third bridge is held from 38.9 s, 2 s to count */
	f.replug_at_s = 42.5;
	bc_fault_outcome o;
	bc_run_faulty_session(&f, &o);
	assert_int_equal(o.tally.interrupted, 1);
	assert_int_equal(o.tally.rejected, 0);
	assert_int_equal(o.tally.rejected_by_reason[BC_REJECT_HOLD_TOO_SHORT], 0);
	assert_int_equal(o.tally.reps, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nack_retried_no_loss),
		cmocka_unit_test(test_short_read_resets_fifo),
		cmocka_unit_test(test_fifo_overflow_marked_and_carries_on),
		cmocka_unit_test(test_unplug_replug_reconnects),
		cmocka_unit_test(test_flaky_cable),
		cmocka_unit_test(test_stuck_data_ready_falls_back_to_polling),
		cmocka_unit_test(test_no_interrupt_line_polls),
		cmocka_unit_test(test_chip_reset_behind_our_back),
		cmocka_unit_test(test_no_chip_is_a_clear_error),
		cmocka_unit_test(test_bit_flips_keep_the_count),
		cmocka_unit_test(test_frozen_output_is_noticed),
		cmocka_unit_test(test_outage_during_hold_is_interrupted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
