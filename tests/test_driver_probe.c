/* SPDX-License-Identifier: MIT */
/* Auto-detection: (address, ID register, value) triples on a bus of models. */
#include <errno.h>
#include <string.h>

#include "drivers/icm20948_regs.h"
#include "drivers/imu_probe.h"
#include "models/model_bus.h"
#include "support/test_support.h"

static void test_finds_mpu6050_and_lsm6dsox(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	bc_model_bus_attach(bus, 0x68, bc_chip_model_new(BC_CHIP_MPU6050));
	bc_model_bus_attach(bus, 0x6A, bc_chip_model_new(BC_CHIP_LSM6DSOX));
	bc_imu_found found[8];
	size_t n = bc_imu_probe_bus(bc_model_bus_i2c(bus), found, 8);
	assert_int_equal(n, 2);
	assert_int_equal(found[0].addr, 0x68);
	assert_string_equal(found[0].variant->name, "MPU-6050");
	assert_int_equal(found[1].addr, 0x6A);
	assert_string_equal(found[1].variant->name, "LSM6DSOX");
	bc_model_bus_free(bus);
}

/* 0x68 is shared: the ID register, not the address, names the chip. */
static void test_distinguishes_icm20948_at_0x68(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	bc_model_bus_attach(bus, 0x68, bc_chip_model_new(BC_CHIP_ICM20948));
	bc_model_bus_attach(bus, 0x69, bc_chip_model_new(BC_CHIP_MPU6500));
	bc_model_bus_attach(bus, 0x6B, bc_chip_model_new(BC_CHIP_LSM6DS3));
	const bc_imu_variant *v = NULL;
	assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x68, &v), 1);
	assert_string_equal(v->name, "ICM-20948");
	assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x69, &v), 1);
	assert_string_equal(v->name, "MPU-6500");
	assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x6B, &v), 1);
	assert_string_equal(v->name, "LSM6DS3");
	/* nobody at 0x6A: the NACK comes back as an error, not a chip */
	assert_true(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x6A, &v) < 0);
	bc_model_bus_free(bus);
}

/* An ICM-20948 left in bank 2 by another program shows GYRO_SMPLRT_DIV at 0x00. */
static void test_icm20948_left_in_another_bank(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	bc_chip_model *m = bc_chip_model_new(BC_CHIP_ICM20948);
	bc_model_bus_attach(bus, 0x68, m);
	assert_int_equal(bc_chip_model_write(m, ICM20948_REG_BANK_SEL, 2 << 4), 0);
	assert_int_equal(bc_chip_model_write(m, 0x00, 0x09), 0); /* GYRO_SMPLRT_DIV */
	const bc_imu_variant *v = NULL;
	assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x68, &v), 1);
	assert_string_equal(v->name, "ICM-20948");
	bc_model_bus_free(bus);
}

/* Every variant of every family is found at each of its addresses. */
static void test_every_variant_every_address(void **state)
{
	(void)state;
	static const struct {
		bc_chip_kind kind;
		const char *name;
		uint8_t addrs[2];
	} chips[] = {
		{ BC_CHIP_MPU6050, "MPU-6050", { 0x68, 0x69 } },
		{ BC_CHIP_MPU6500, "MPU-6500", { 0x68, 0x69 } },
		{ BC_CHIP_MPU9250, "MPU-9250", { 0x68, 0x69 } },
		{ BC_CHIP_ICM20948, "ICM-20948", { 0x68, 0x69 } },
		{ BC_CHIP_ICM42688, "ICM-42688-P", { 0x68, 0x69 } },
		{ BC_CHIP_LSM6DS3, "LSM6DS3", { 0x6A, 0x6B } },
		{ BC_CHIP_LSM6DSOX, "LSM6DSOX", { 0x6A, 0x6B } },
	};
	for (size_t i = 0; i < sizeof(chips) / sizeof(chips[0]); i++) {
		for (int a = 0; a < 2; a++) {
			bc_model_bus *bus = bc_model_bus_new();
			bc_model_bus_attach(bus, chips[i].addrs[a],
					    bc_chip_model_new(chips[i].kind));
			bc_imu_found f;
			assert_int_equal(bc_imu_probe_bus(bc_model_bus_i2c(bus), &f, 1), 1);
			assert_int_equal(f.addr, chips[i].addrs[a]);
			assert_string_equal(f.variant->name, chips[i].name);
			assert_ptr_equal(bc_imu_variant_by_trace_name(f.variant->trace_name),
					 f.variant);
			bc_model_bus_free(bus);
		}
	}
}

static void test_empty_bus_and_unplugged(void **state)
{
	(void)state;
	bc_model_bus *bus = bc_model_bus_new();
	bc_imu_found f;
	assert_int_equal(bc_imu_probe_bus(bc_model_bus_i2c(bus), &f, 1), 0);
	bc_chip_model *m = bc_chip_model_new(BC_CHIP_MPU6050);
	bc_model_bus_attach(bus, 0x68, m);
	bc_chip_model_unplug(m);
	assert_int_equal(bc_imu_probe_bus(bc_model_bus_i2c(bus), &f, 1), 0);
	bc_chip_model_replug(m);
	assert_int_equal(bc_imu_probe_bus(bc_model_bus_i2c(bus), &f, 1), 1);
	/* an address outside the table: nothing to say */
	const bc_imu_variant *v;
	assert_int_equal(bc_imu_probe_address(bc_model_bus_i2c(bus), 0x3C, &v), 0);
	bc_model_bus_free(bus);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_finds_mpu6050_and_lsm6dsox),
		cmocka_unit_test(test_distinguishes_icm20948_at_0x68),
		cmocka_unit_test(test_icm20948_left_in_another_bank),
		cmocka_unit_test(test_every_variant_every_address),
		cmocka_unit_test(test_empty_bus_and_unplugged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
