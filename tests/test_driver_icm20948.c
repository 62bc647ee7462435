/* SPDX-License-Identifier: MIT */
/* ICM-20948 against its model: banked configuration, scaling, FIFO. */
#include <math.h>
#include <stdlib.h>

#include "drivers/icm20948_regs.h"
#include "models/model_rig.h"
#include "support/rig_checks.h"
#include "support/test_support.h"

/* Bank 2 holds rates and ranges (DS-000189 §10): rate = 1125 Hz / (1 + div). */
static void test_configure_banked_registers(void **state)
{
	(void)state;
	static const struct {
		float rate_hz, accel_g, gyro_dps;
		int fs_a, fs_g;
	} cases[] = { { 100, 2, 250, 0, 0 }, { 225, 8, 1000, 2, 2 }, { 1000, 16, 2000, 3, 3 } };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bc_model_rig rig;
		bc_check_rig_open(&rig, BC_CHIP_ICM20948, 0x68, cases[i].rate_hz, cases[i].accel_g,
				  cases[i].gyro_dps, true);
		bc_chip_model *m = rig.model;
		int div = (int)lround(1125.0 / cases[i].rate_hz) - 1;
		assert_int_equal(bc_chip_model_peek(m, 2, ICM20948_B2_GYRO_SMPLRT_DIV), div);
		assert_int_equal(bc_chip_model_peek(m, 2, ICM20948_B2_ACCEL_SMPLRT_DIV_2), div);
		uint8_t g1 = bc_chip_model_peek(m, 2, ICM20948_B2_GYRO_CONFIG_1);
		uint8_t a1 = bc_chip_model_peek(m, 2, ICM20948_B2_ACCEL_CONFIG);
		assert_int_equal((g1 >> 1) & 3, cases[i].fs_g);
		assert_int_equal((a1 >> 1) & 3, cases[i].fs_a);
		assert_true(g1 & ICM20948_FCHOICE);
		assert_true(a1 & ICM20948_FCHOICE);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM20948_B0_PWR_MGMT_1),
				 ICM20948_PWR1_CLKSEL_AUTO);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM20948_B0_USER_CTRL),
				 ICM20948_USER_FIFO_EN);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM20948_B0_FIFO_EN_2), 0x1E);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM20948_B0_INT_ENABLE_1), 1);
		/* left in bank 0: the per-sample path never switches banks */
		assert_int_equal(bc_chip_model_peek(m, 0, ICM20948_REG_BANK_SEL), 0);
		assert_float_near(bc_chip_model_odr_hz(m), 1125.0 / (1 + div), 1e-9);
		bc_model_rig_close(&rig);
	}
}

static void test_samples_within_one_lsb(void **state)
{
	(void)state;
	static const float accel_ranges[] = { 2, 4, 8, 16 };
	static const float gyro_ranges[] = { 250, 500, 1000, 2000 };
	enum { N = 400 };
	bc_sample *got = calloc(N, sizeof(*got));
	for (int i = 0; i < 4; i++) {
		bc_model_rig rig;
		bc_check_rig_open(&rig, BC_CHIP_ICM20948, 0x69, i == 3 ? 1000 : 200,
				  accel_ranges[i], gyro_ranges[i], true);
		assert_int_equal(bc_model_rig_read(&rig, got, N, 100), N);
		bc_check_samples_fed(&rig, got, N);
		bc_model_rig_close(&rig);
	}
	free(got);
}

/*
 * A NACK is retried; a bank switched behind our back (another program on the
 * bus) starves the FIFO reads, and the silent-chip check re-initialises.
 */
static void test_bank_recovered_after_nack(void **state)
{
	(void)state;
	bc_model_rig rig;
	bc_check_rig_open(&rig, BC_CHIP_ICM20948, 0x68, 200, 4, 500, true);
	bc_sample x[20];
	assert_int_equal(bc_model_rig_read(&rig, x, 20, 100), 20);
	bc_chip_model_fault_nack(rig.model, 1);
	assert_int_equal(bc_model_rig_read(&rig, x, 20, 100), 20);
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_int_equal(st->retries_ok, 1);
	assert_int_equal(st->dropouts, 0);

	assert_int_equal(bc_chip_model_write(rig.model, ICM20948_REG_BANK_SEL, 2 << 4), 0);
	assert_int_equal(bc_model_rig_read(&rig, x, 20, 2000), 20);
	assert_int_equal(bc_chip_model_peek(rig.model, 0, ICM20948_REG_BANK_SEL), 0);
	assert_int_equal(st->reconnects, 1);
	assert_true(st->dropouts >= 1);
	bc_model_rig_close(&rig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configure_banked_registers),
		cmocka_unit_test(test_samples_within_one_lsb),
		cmocka_unit_test(test_bank_recovered_after_nack),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
