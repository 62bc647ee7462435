/* SPDX-License-Identifier: MIT */
/*
 * LSM6DS3 (pattern FIFO) and LSM6DSOX (tagged FIFO) against their models:
 * registers, little-endian scaling per range, FIFO draining, overflow.
 */
#include <math.h>
#include <stdlib.h>

#include "drivers/lsm6ds_regs.h"
#include "models/model_rig.h"
#include "support/rig_checks.h"
#include "support/test_support.h"

static void check_configure(bc_chip_kind kind)
{
	/* FS_XL codes out of order on purpose (datasheet): 2→0, 4→2, 8→3, 16→1 */
	static const struct {
		float rate_hz, accel_g, gyro_dps;
		int odr, fs_xl, fs_g;
	} cases[] = {
		{ 100, 2, 250, 4, 0, 0 },
		{ 200, 4, 500, 5, 2, 1 },
		{ 400, 8, 1000, 6, 3, 2 },
		{ 1000, 16, 2000, 7, 1, 3 },
	};
	bool dsox = kind == BC_CHIP_LSM6DSOX;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bc_model_rig rig;
		bc_check_rig_open(&rig, kind, 0x6A, cases[i].rate_hz, cases[i].accel_g,
				  cases[i].gyro_dps, true);
		bc_chip_model *m = rig.model;
		uint8_t c1 = bc_chip_model_peek(m, 0, LSM6DS_REG_CTRL1_XL);
		uint8_t c2 = bc_chip_model_peek(m, 0, LSM6DS_REG_CTRL2_G);
		assert_int_equal(c1 >> 4, cases[i].odr);
		assert_int_equal((c1 >> 2) & 3, cases[i].fs_xl);
		assert_int_equal(c2 >> 4, cases[i].odr);
		assert_int_equal((c2 >> 2) & 3, cases[i].fs_g);
		assert_int_equal(bc_chip_model_peek(m, 0, LSM6DS_REG_CTRL3_C),
				 LSM6DS_CTRL3_BDU | LSM6DS_CTRL3_IF_INC);
		assert_int_equal(bc_chip_model_peek(m, 0, LSM6DS_REG_INT1_CTRL),
				 LSM6DS_INT1_DRDY_G);
		assert_true(bc_chip_model_peek(m, 0, LSM6DS_REG_DRDY_PULSE_CFG) &
			    LSM6DS_DRDY_PULSED);
		if (dsox) {
			assert_int_equal(bc_chip_model_peek(m, 0, LSM6DSOX_REG_FIFO_CTRL3),
					 cases[i].odr << 4 | cases[i].odr);
			assert_int_equal(bc_chip_model_peek(m, 0, LSM6DSOX_REG_FIFO_CTRL4) & 7,
					 LSM6DS_FIFO_MODE_CONTINUOUS);
		} else {
			assert_int_equal(bc_chip_model_peek(m, 0, LSM6DS3_REG_FIFO_CTRL3), 0x09);
			assert_int_equal(bc_chip_model_peek(m, 0, LSM6DS3_REG_FIFO_CTRL5),
					 cases[i].odr << 3 | LSM6DS_FIFO_MODE_CONTINUOUS);
		}
		assert_float_near(bc_chip_model_accel_range_g(m), cases[i].accel_g, 0);
		assert_float_near(bc_chip_model_gyro_range_dps(m), cases[i].gyro_dps, 0);
		bc_model_rig_close(&rig);
	}
}

static void test_configure_lsm6ds3(void **state)
{
	(void)state;
	check_configure(BC_CHIP_LSM6DS3);
}

static void test_configure_lsm6dsox(void **state)
{
	(void)state;
	check_configure(BC_CHIP_LSM6DSOX);
}

static void check_samples(bc_chip_kind kind, float rate_hz)
{
	static const float accel_ranges[] = { 2, 4, 8, 16 };
	static const float gyro_ranges[] = { 250, 500, 1000, 2000 };
	enum { N = 400 };
	bc_sample *got = calloc(N, sizeof(*got));
	for (int i = 0; i < 4; i++) {
		bc_model_rig rig;
		bc_check_rig_open(&rig, kind, 0x6B, rate_hz, accel_ranges[i], gyro_ranges[i], true);
		assert_int_equal(bc_model_rig_read(&rig, got, N, 100), N);
		bc_check_samples_fed(&rig, got, N);
		assert_int_equal(bc_imu_reader_get_stats(rig.reader)->dropouts, 0);
		bc_model_rig_close(&rig);
	}
	free(got);
}

static void test_lsm6ds3_samples_within_one_lsb(void **state)
{
	(void)state;
	check_samples(BC_CHIP_LSM6DS3, 208);
	check_samples(BC_CHIP_LSM6DS3, 833); /* several samples per wake-up */
}

static void test_lsm6dsox_samples_within_one_lsb(void **state)
{
	(void)state;
	check_samples(BC_CHIP_LSM6DSOX, 104);
	check_samples(BC_CHIP_LSM6DSOX, 833);
}

/* Overflow: the FIFO restarts, the gap is marked, the stream goes on in order. */
static void check_overflow(bc_chip_kind kind)
{
	bc_model_rig rig;
	bc_check_rig_open(&rig, kind, 0x6A, 208, 4, 500, true);
	bc_sample x[50];
	assert_int_equal(bc_model_rig_read(&rig, x, 50, 100), 50);
	bc_chip_model_fault_fifo_overflow(rig.model);
	bool saw_gap = false;
	for (int i = 0; i < 200; i++) {
		assert_int_equal(bc_imu_reader_read(rig.reader, &x[0], 100), 1);
		saw_gap |= bc_imu_reader_after_dropout(rig.reader);
	}
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_int_equal(st->fifo_overflows, 1);
	assert_true(saw_gap);
	/* after the restart the samples are whole and in order again */
	assert_int_equal(bc_model_rig_read(&rig, x, 50, 100), 50);
	long k = bc_seq_index(rig.seq, &x[0], rig.seq->n - 1);
	for (int j = 1; j < 50; j++) {
		long kj = bc_seq_index(rig.seq, &x[j], (size_t)k + 1);
		assert_int_equal(kj, k + 1);
		k = kj;
	}
	bc_model_rig_close(&rig);
}

static void test_overflow_lsm6ds3(void **state)
{
	(void)state;
	check_overflow(BC_CHIP_LSM6DS3);
}

static void test_overflow_lsm6dsox(void **state)
{
	(void)state;
	check_overflow(BC_CHIP_LSM6DSOX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configure_lsm6ds3),
		cmocka_unit_test(test_configure_lsm6dsox),
		cmocka_unit_test(test_lsm6ds3_samples_within_one_lsb),
		cmocka_unit_test(test_lsm6dsox_samples_within_one_lsb),
		cmocka_unit_test(test_overflow_lsm6ds3),
		cmocka_unit_test(test_overflow_lsm6dsox),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
