/* SPDX-License-Identifier: MIT */
/*
 * MPU-6050 family driver against its register model: configuration lands in
 * the right registers, samples come out scaled right for every range, FIFO
 * drains several samples per interrupt, timestamps track the chip's clock.
 */
#include <math.h>
#include <stdlib.h>

#include "drivers/mpu6050_regs.h"
#include "models/model_rig.h"
#include "support/rig_checks.h"
#include "support/test_support.h"

/* The registers after init, against RM-MPU-6000A's formulas. */
static void test_configure_writes_registers(void **state)
{
	(void)state;
	static const struct {
		float rate_hz, accel_g, gyro_dps;
		int afs, fs;
	} cases[] = {
		{ 100, 2, 250, 0, 0 },	  { 200, 4, 500, 1, 1 }, { 500, 8, 1000, 2, 2 },
		{ 1000, 16, 2000, 3, 3 }, { 250, 3, 300, 1, 1 }, /* in-between asks round up: never clip */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bc_model_rig rig;
		bc_check_rig_open(&rig, BC_CHIP_MPU6050, 0x68, cases[i].rate_hz, cases[i].accel_g,
				  cases[i].gyro_dps, true);
		bc_chip_model *m = rig.model;
		int div = (int)lround(1000.0 / cases[i].rate_hz) - 1;
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_SMPLRT_DIV), div);
		int dlpf = bc_chip_model_peek(m, 0, MPU6050_REG_CONFIG) & 7;
		assert_true(dlpf >= 1 && dlpf <= 6); /* 1 kHz internal rate */
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_ACCEL_CONFIG),
				 cases[i].afs << 3);
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_GYRO_CONFIG),
				 cases[i].fs << 3);
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_PWR_MGMT_1),
				 0x01); /* PLL, awake */
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_FIFO_EN), 0x78);
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_USER_CTRL), 0x40);
		assert_int_equal(bc_chip_model_peek(m, 0, MPU6050_REG_INT_ENABLE), 0x01);
		assert_float_near(bc_chip_model_odr_hz(m), 1000.0 / (1 + div), 1e-9);
		const bc_imu *imu = bc_imu_reader_chip(rig.reader);
		assert_string_equal(imu->variant->name, "MPU-6050");
		assert_float_near(imu->config.rate_hz, 1000.0 / (1 + div), 1e-3);
		/* low-pass below Nyquist */
		assert_true(imu->config.gyro_lpf_hz <= imu->config.rate_hz / 2);
		bc_model_rig_close(&rig);
	}
}

/* 6500/9250: accel low-pass in ACCEL_CONFIG2, narrower when asked. */
static void test_mpu6500_accel_lpf(void **state)
{
	(void)state;
	bc_chip_kind kinds[] = { BC_CHIP_MPU6500, BC_CHIP_MPU9250 };
	for (int i = 0; i < 2; i++) {
		bc_model_rig rig;
		bc_imu_reader_settings s = bc_model_rig_settings(200, 4, 500);
		s.chip.lpf_hz = 20;
		assert_int_equal(bc_model_rig_open(&rig, kinds[i], 0x68, &s, true), 0);
		/* RM-MPU-6500A: A_DLPF_CFG 4 = 21.2 Hz is the widest at most... 20? no: 5 = 10.2 */
		uint8_t a2 = bc_chip_model_peek(rig.model, 0, MPU6500_REG_ACCEL_CONFIG2);
		uint8_t cfg = bc_chip_model_peek(rig.model, 0, MPU6050_REG_CONFIG) & 7;
		assert_int_equal(cfg, 4);    /* gyro 20 Hz */
		assert_int_equal(a2 & 7, 5); /* accel 10.2 Hz: 21.2 would exceed the 20 asked */
		assert_int_equal(a2 & MPU6500_ACCEL_FCHOICE_B, 0);
		const bc_imu *imu = bc_imu_reader_chip(rig.reader);
		assert_float_near(imu->config.accel_lpf_hz, 10.2, 1e-3);
		assert_string_equal(imu->variant->trace_name, i ? "mpu9250" : "mpu6500");
		bc_model_rig_close(&rig);
	}
}

/* Every range: each sample equals what was fed within one LSB, in order. */
static void test_samples_scaled_within_one_lsb(void **state)
{
	(void)state;
	static const float accel_ranges[] = { 2, 4, 8, 16 };
	static const float gyro_ranges[] = { 250, 500, 1000, 2000 };
	bc_sample got[300];
	for (int i = 0; i < 4; i++) {
		bc_model_rig rig;
		bc_check_rig_open(&rig, BC_CHIP_MPU6050, 0x68, 200, accel_ranges[i], gyro_ranges[i],
				  true);
		assert_int_equal(bc_model_rig_read(&rig, got, 300, 100), 300);
		assert_float_near(bc_chip_model_accel_lsb_per_g(rig.model), 16384.0 / (1 << i),
				  1e-9);
		/* the gyro's nominal sensitivity (131 LSB/°/s ...) is what the chip uses */
		bc_check_samples_fed(&rig, got, 300);
		bc_model_rig_close(&rig);
	}
}

/* Beyond full scale the chip clips at its range, and so do we. */
static void test_saturation(void **state)
{
	(void)state;
	bc_check_saturation(bc_mpu6050_model_new(BC_CHIP_MPU6050), 0x68);
}

/*
 * 1 kHz: the reader lets samples gather (batch_min_s) and drains several per
 * wake-up, in order, none lost, none repeated.
 */
static void test_fifo_several_samples_per_interrupt(void **state)
{
	(void)state;
	bc_model_rig rig;
	bc_check_rig_open(&rig, BC_CHIP_MPU6050, 0x68, 1000, 4, 500, true);
	enum { N = 3000 };
	bc_sample *got = calloc(N, sizeof(*got));
	assert_int_equal(bc_model_rig_read(&rig, got, N, 100), N);
	long k = bc_seq_index(rig.seq, &got[0], 0);
	for (size_t j = 1; j < N; j++) {
		long kj = bc_seq_index(rig.seq, &got[j], (size_t)k + 1);
		assert_int_equal(kj, k + 1);
		k = kj;
	}
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_true(st->wakeups * 3 < N); /* at least 3 samples a drain on average */
	assert_int_equal(st->dropouts, 0);
	assert_false(st->polling);
	free(got);
	bc_model_rig_close(&rig);
}

/*
 * Timestamps against the world's truth, with the chip's clock 2 % fast: after
 * a settling second they stay within a fraction of a period, strictly rising.
 */
static void check_timestamps(bc_chip_kind kind, float rate_hz, bool with_int, double ratio,
			     double tol_s)
{
	bc_model_rig rig;
	bc_check_rig_open(&rig, kind, 0x68, rate_hz, 4, 500, with_int);
	bc_model_world_set_clock_ratio(rig.world, rig.model, ratio);
	size_t n = (size_t)(rate_hz * 6);
	bc_sample *got = calloc(n, sizeof(*got));
	assert_int_equal(bc_model_rig_read(&rig, got, n, 200), n);
	long k = bc_seq_index(rig.seq, &got[0], 0);
	double worst = 0;
	for (size_t j = 0; j < n; j++) {
		if (j > 0)
			assert_true(got[j].t_s > got[j - 1].t_s);
		double truth = rig.seq->t_s[(size_t)k + j] - rig.start_world_s;
		if (got[j].t_s - got[0].t_s > 2.0)
			worst = fmax(worst, fabs(got[j].t_s - truth));
	}
	print_message("    %s %.0f Hz %s clock x%.3f: worst timestamp error %.3f ms\n",
		      bc_chip_model_name(rig.model), rate_hz, with_int ? "INT" : "poll", ratio,
		      worst * 1e3);
	assert_true(worst < tol_s);
	free(got);
	bc_model_rig_close(&rig);
}

static void test_timestamps_track_chip_clock(void **state)
{
	(void)state;
	check_timestamps(BC_CHIP_MPU6050, 100, true, 1.0, 0.0002);
	check_timestamps(BC_CHIP_MPU6050, 1000, true, 1.02, 0.0005);
	check_timestamps(BC_CHIP_MPU6050, 200, true, 0.98, 0.0005);
	/* polled: the anchor is only known to half a period, the loop averages it */
	check_timestamps(BC_CHIP_MPU6050, 200, false, 1.02, 0.0015);
	check_timestamps(BC_CHIP_MPU6050, 1000, false, 1.0, 0.0015);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configure_writes_registers),
		cmocka_unit_test(test_mpu6500_accel_lpf),
		cmocka_unit_test(test_samples_scaled_within_one_lsb),
		cmocka_unit_test(test_saturation),
		cmocka_unit_test(test_fifo_several_samples_per_interrupt),
		cmocka_unit_test(test_timestamps_track_chip_clock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
