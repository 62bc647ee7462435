/* SPDX-License-Identifier: MIT */
/*
 * ICM-42688-P against its register model: told apart from the MPU family at
 * the same address and ID register, configured through ODR codes and UI
 * filter bandwidths, FIFO packets decoded within one LSB, several packets a
 * drain, and every fault (overflow, torn read, bank switched, unplugged)
 * ending in a marked dropout and a stream that carries on.
 */
#include <math.h>
#include <stdlib.h>

#include "drivers/icm42688_regs.h"
#include "drivers/imu_probe.h"
#include "drivers/mpu6050_regs.h"
#include "models/model_rig.h"
#include "support/rig_checks.h"
#include "support/test_support.h"

static void open_rig(bc_model_rig *rig, float rate_hz, float accel_g, float gyro_dps, bool with_int)
{
	bc_check_rig_open(rig, BC_CHIP_ICM42688, 0x68, rate_hz, accel_g, gyro_dps, with_int);
}

/* Reads n samples that may follow a fault; true if one of them is marked as after a dropout. */
static bool read_through_fault(bc_model_rig *rig, size_t n, double *t_last)
{
	bool gap = false;
	for (size_t i = 0; i < n; i++) {
		bc_sample x;
		/* a chip gone quiet is re-initialised after silent_timeout_s (0.5 s) */
		assert_int_equal(bc_imu_reader_read(rig->reader, &x, 2000), 1);
		assert_true(x.t_s > *t_last);
		*t_last = x.t_s;
		gap |= bc_imu_reader_after_dropout(rig->reader);
	}
	return gap;
}

/*
 * 0x75 reads 0x47 on the ICM-42688-P and 0x68/0x70/0x71 on the MPU family,
 * at the same two addresses: the value names the chip.
 */
static void test_probe_tells_icm42688_from_mpu(void **state)
{
	(void)state;
	static const struct {
		bc_chip_kind kind;
		const char *name;
		uint8_t who_am_i;
	} at_0x75[] = {
		{ BC_CHIP_ICM42688, "ICM-42688-P", 0x47 },
		{ BC_CHIP_MPU6050, "MPU-6050", 0x68 },
		{ BC_CHIP_MPU6500, "MPU-6500", 0x70 },
		{ BC_CHIP_MPU9250, "MPU-9250", 0x71 },
	};
	for (size_t i = 0; i < BC_ARRAY_SIZE(at_0x75); i++) {
		for (uint8_t addr = 0x68; addr <= 0x69; addr++) {
			bc_model_bus *bus = bc_model_bus_new();
			bc_chip_model *m = bc_chip_model_new(at_0x75[i].kind);
			bc_model_bus_attach(bus, addr, m);
			uint8_t id;
			assert_int_equal(bc_chip_model_read(m, 0x75, &id, 1), 0);
			assert_int_equal(
				id, at_0x75[i].who_am_i); /* the models agree with the datasheets */
			const bc_imu_variant *v = NULL;
			assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), addr, &v), 1);
			assert_string_equal(v->name, at_0x75[i].name);
			assert_int_equal(v->id_reg, 0x75);
			bc_imu_found f;
			assert_int_equal(bc_imu_probe_bus(bc_model_bus_i2c(bus), &f, 1), 1);
			assert_int_equal(f.addr, addr);
			assert_ptr_equal(f.variant, v);
			assert_ptr_equal(bc_imu_variant_by_trace_name(v->trace_name), v);
			bc_model_bus_free(bus);
		}
	}
	/* both on one bus, one each address */
	bc_model_bus *bus = bc_model_bus_new();
	bc_model_bus_attach(bus, 0x68, bc_chip_model_new(BC_CHIP_MPU9250));
	bc_model_bus_attach(bus, 0x69, bc_chip_model_new(BC_CHIP_ICM42688));
	bc_imu_found found[4];
	assert_int_equal(bc_imu_probe_bus(bc_model_bus_i2c(bus), found, 4), 2);
	assert_string_equal(found[0].variant->name, "MPU-9250");
	assert_string_equal(found[1].variant->name, "ICM-42688-P");
	bc_model_bus_free(bus);
}

/* Left in bank 1 by another program, 0x75 is not WHO_AM_I: the probe selects bank 0. */
static void test_probe_finds_icm42688_left_in_another_bank(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	bc_chip_model *m = bc_chip_model_new(BC_CHIP_ICM42688);
	bc_model_bus_attach(bus, 0x68, m);
	assert_int_equal(bc_chip_model_write(m, ICM42688_REG_BANK_SEL, 1), 0);
	uint8_t id;
	assert_int_equal(bc_chip_model_read(m, ICM42688_REG_WHO_AM_I, &id, 1), 0);
	assert_int_not_equal(id, ICM42688_WHO_AM_I_VALUE);
	const bc_imu_variant *v = NULL;
	assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x68, &v), 1);
	assert_string_equal(v->name, "ICM-42688-P");
	assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_BANK_SEL), 0);
	bc_model_bus_free(bus);
}

/* ODR codes from DS-000347 (GYRO_CONFIG0 / ACCEL_CONFIG0). */
static int odr_code(double rate_hz)
{
	return rate_hz == 100 ? 0x08 : rate_hz == 200 ? 0x07 : rate_hz == 500 ? 0x0F : 0x06;
}

/* The UI filter bandwidth a code means at an ODR: ODR/2, then max(400, ODR)/4 ... /40. */
static double bandwidth_hz(int code, double rate_hz)
{
	static const double div[] = { 0, 4, 5, 8, 10, 16, 20, 40 };
	return code == 0 ? rate_hz / 2 : fmax(400, rate_hz) / div[code];
}

static void test_configure_writes_registers(void **state)
{
	(void)state;
	static const struct {
		float rate_hz, accel_g, gyro_dps;
		double want_rate_hz;
		int accel_fs, gyro_fs; /* codes: 0 is the widest range */
	} cases[] = {
		{ 100, 2, 250, 100, 3, 3 },   { 200, 4, 500, 200, 2, 2 },
		{ 500, 8, 1000, 500, 1, 1 },  { 1000, 16, 2000, 1000, 0, 0 },
		{ 250, 3, 300, 200, 2, 2 },   /* nearest rate; ranges round up, never clip */
		{ 700, 20, 5000, 500, 0, 0 }, /* beyond the widest: the widest */
	};
	for (size_t i = 0; i < BC_ARRAY_SIZE(cases); i++) {
		bc_model_rig rig;
		open_rig(&rig, cases[i].rate_hz, cases[i].accel_g, cases[i].gyro_dps, true);
		bc_chip_model *m = rig.model;
		double rate = cases[i].want_rate_hz;
		int odr = odr_code(rate);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_GYRO_CONFIG0),
				 cases[i].gyro_fs << 5 | odr);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_ACCEL_CONFIG0),
				 cases[i].accel_fs << 5 | odr);
		assert_float_near(bc_chip_model_odr_hz(m), rate, 1e-9);
		assert_float_near(bc_chip_model_accel_range_g(m), 16 >> cases[i].accel_fs, 1e-9);
		assert_float_near(bc_chip_model_gyro_range_dps(m), 2000 >> cases[i].gyro_fs, 1e-9);
		/* accel and gyro low-noise, FIFO streaming packet 3, data ready on INT1 */
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_PWR_MGMT0), 0x0F);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_FIFO_CONFIG), 0x40);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_FIFO_CONFIG1), 0x07);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_INT_SOURCE0), 0x08);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_INT_CONFIG), 0x03);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_INT_CONFIG1) & 0x10, 0);
		assert_int_equal(bc_chip_model_peek(m, 0, ICM42688_REG_BANK_SEL), 0);
		/* the widest UI bandwidth not above 0.4 × ODR, the same for both sensors */
		uint8_t bw = bc_chip_model_peek(m, 0, ICM42688_REG_GYRO_ACCEL_CONFIG0);
		assert_int_equal(bw >> 4, bw & 0x0F);
		double want_bw = 0;
		for (int code = 0; code <= 7; code++)
			if (bandwidth_hz(code, rate) <= 0.4 * rate + 1e-6)
				want_bw = fmax(want_bw, bandwidth_hz(code, rate));
		assert_float_near(bandwidth_hz(bw & 0x0F, rate), want_bw, 1e-6);
		const bc_imu *imu = bc_imu_reader_chip(rig.reader);
		assert_string_equal(imu->variant->name, "ICM-42688-P");
		assert_string_equal(imu->variant->trace_name, "icm42688");
		assert_float_near(imu->config.rate_hz, rate, 1e-3);
		assert_float_near(imu->config.gyro_lpf_hz, want_bw, 1e-3);
		assert_float_near(imu->config.accel_range_g, 16 >> cases[i].accel_fs, 1e-6);
		bc_model_rig_close(&rig);
	}
}

/* Every range: each sample equals what was fed within one LSB, in order. */
static void test_samples_within_one_lsb(void **state)
{
	(void)state;
	static const float accel_ranges[] = { 2, 4, 8, 16 };
	static const float gyro_ranges[] = { 250, 500, 1000, 2000 };
	static const double gyro_lsb_per_dps[] = { 131, 65.5, 32.8, 16.4 }; /* DS-000347 table 1 */
	enum { N = 400 };
	bc_sample *got = calloc(N, sizeof(*got));
	for (int i = 0; i < 4; i++) {
		bc_model_rig rig;
		open_rig(&rig, i == 3 ? 1000 : 200, accel_ranges[i], gyro_ranges[i], true);
		assert_int_equal(bc_model_rig_read(&rig, got, N, 100), N);
		assert_float_near(bc_chip_model_accel_lsb_per_g(rig.model),
				  32768.0 / accel_ranges[i], 1e-9);
		assert_float_near(bc_chip_model_gyro_lsb_per_dps(rig.model), gyro_lsb_per_dps[i],
				  1e-9);
		bc_check_samples_fed(&rig, got, N);
		for (size_t j = 0; j < N; j++)
			assert_false(got[j].has_mag);
		bc_model_rig_close(&rig);
	}
	free(got);
}

/* Beyond full scale the chip clips at its range, and so do we. */
static void test_saturation(void **state)
{
	(void)state;
	bc_check_saturation(bc_icm42688_model_new(), 0x69);
}

/* 1 kHz: several 16-byte packets a drain, in order, none lost or repeated. */
static void test_several_packets_per_drain(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 1000, 4, 500, true);
	enum { N = 3000 };
	double t = -2;
	bc_check_consecutive(&rig, N, -1, &t);
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_true(st->wakeups * 3 < N); /* at least 3 packets a drain on average */
	assert_int_equal(st->dropouts, 0);
	assert_false(st->polling); /* INT1 pulses arrive: INT_ASYNC_RESET was cleared */
	/* and polled, without an INT line */
	bc_model_rig_close(&rig);
	open_rig(&rig, 200, 4, 500, false);
	t = -2;
	bc_check_consecutive(&rig, 500, -1, &t);
	assert_true(bc_imu_reader_get_stats(rig.reader)->polling);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->dropouts, 0);
	bc_model_rig_close(&rig);
}

/* Stream mode drops the oldest packets when full: FIFO_FULL → flush → dropout → on. */
static void test_overflow_is_a_dropout(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 1000, 4, 500, true);
	double t = -2;
	bc_check_consecutive(&rig, 200, -1, &t);
	bc_chip_model_fault_fifo_overflow(rig.model);
	assert_true(bc_chip_model_fifo_overflowed(rig.model));
	assert_true(bc_chip_model_peek(rig.model, 0, ICM42688_REG_INT_STATUS) &
		    ICM42688_INT_FIFO_FULL);
	assert_true(read_through_fault(&rig, 100, &t));
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_int_equal(st->fifo_overflows, 1);
	assert_int_equal(st->dropouts, 1);
	bc_check_consecutive(&rig, 500, -1, &t);
	assert_int_equal(st->dropouts, 1);
	bc_model_rig_close(&rig);
}

/*
 * A torn FIFO read leaves the FIFO mid-packet: the headers stop making sense,
 * so the FIFO is flushed and the gap marked. A bank switched behind our back
 * makes 0x2D..0x30 other registers (zeros in bank 2): the chip looks silent
 * and is initialised again, back in bank 0.
 */
static void test_torn_read_and_foreign_bank_recover(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 500, 4, 500, true);
	double t = -2;
	bc_check_consecutive(&rig, 100, -1, &t);
	bc_chip_model_fault_short_read(rig.model, 1, ICM42688_PACKET3_BYTES);
	assert_true(read_through_fault(&rig, 50, &t));
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->dropouts, 1);
	bc_check_consecutive(&rig, 200, -1, &t);

	assert_int_equal(bc_chip_model_write(rig.model, ICM42688_REG_BANK_SEL, 2), 0);
	assert_true(read_through_fault(&rig, 50, &t));
	assert_int_equal(bc_chip_model_peek(rig.model, 0, ICM42688_REG_BANK_SEL), 0);
	assert_true(bc_imu_reader_get_stats(rig.reader)->dropouts >= 2);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->losses, 0);
	long k = bc_check_consecutive(&rig, 200, -1, &t);

	/*
	 * Packets changed behind our back (accel only: 8-byte packet 1): whole
	 * 16-byte counts still come, but the headers say accel without gyro.
	 * Nothing is decoded from them; the chip is configured again.
	 */
	unsigned long dropouts = bc_imu_reader_get_stats(rig.reader)->dropouts;
	assert_int_equal(
		bc_chip_model_write(rig.model, ICM42688_REG_FIFO_CONFIG1, ICM42688_FIFO_ACCEL_EN),
		0);
	bc_sample x;
	assert_int_equal(bc_imu_reader_read(rig.reader, &x, 2000), 1);
	assert_true(bc_imu_reader_after_dropout(rig.reader) ||
		    bc_seq_index(rig.seq, &x, (size_t)k + 1) == k + 1); /* one drained before */
	assert_true(x.t_s > t);
	t = x.t_s;
	read_through_fault(&rig, 20, &t);
	assert_true(bc_imu_reader_get_stats(rig.reader)->dropouts > dropouts);
	assert_int_equal(bc_chip_model_peek(rig.model, 0, ICM42688_REG_FIFO_CONFIG1), 0x07);
	bc_check_consecutive(&rig, 200, -1, &t);
	bc_model_rig_close(&rig);
}

/*
 * Unplugged for 2 s and plugged back: the chip returns in its power-on state
 * (sensors off, FIFO bypassed) and is probed and configured again.
 */
static void test_unplug_replug(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 200, 8, 1000, true);
	double t = -2;
	bc_check_consecutive(&rig, 200, -1, &t);
	bc_check_unplugged_2s(&rig, &t);

	bc_chip_model_replug(rig.model);
	assert_int_equal(bc_chip_model_odr_hz(rig.model), 0); /* sensors off at power-on */
	assert_int_equal(bc_chip_model_peek(rig.model, 0, ICM42688_REG_PWR_MGMT0), 0);
	bc_sample x;
	bc_check_resumes_after_replug(&rig, t, &x);
	assert_int_equal(bc_chip_model_peek(rig.model, 0, ICM42688_REG_FIFO_CONFIG1), 0x07);
	assert_int_equal(bc_chip_model_peek(rig.model, 0, ICM42688_REG_GYRO_CONFIG0),
			 1 << 5 | 0x07);
	assert_float_near(bc_chip_model_odr_hz(rig.model), 200, 1e-9);
	t = x.t_s;
	bc_check_consecutive(&rig, 300, -1, &t);
	bc_model_rig_close(&rig);
}

/* A brown-out soft-resets the chip without a NACK: silent, then configured again. */
static void test_reset_behind_our_back(void **state)
{
	(void)state;
	bc_model_rig rig;
	open_rig(&rig, 200, 4, 500, true);
	double t = -2;
	bc_check_consecutive(&rig, 100, -1, &t);
	assert_int_equal(
		bc_chip_model_write(rig.model, ICM42688_REG_DEVICE_CONFIG, ICM42688_SOFT_RESET), 0);
	bc_sample x;
	bc_check_resumes_after_dropout(&rig, &x);
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->reconnects, 1);
	t = x.t_s;
	bc_check_consecutive(&rig, 100, -1, &t);
	bc_model_rig_close(&rig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe_tells_icm42688_from_mpu),
		cmocka_unit_test(test_probe_finds_icm42688_left_in_another_bank),
		cmocka_unit_test(test_configure_writes_registers),
		cmocka_unit_test(test_samples_within_one_lsb),
		cmocka_unit_test(test_saturation),
		cmocka_unit_test(test_several_packets_per_drain),
		cmocka_unit_test(test_overflow_is_a_dropout),
		cmocka_unit_test(test_torn_read_and_foreign_bank_recover),
		cmocka_unit_test(test_unplug_replug),
		cmocka_unit_test(test_reset_behind_our_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
