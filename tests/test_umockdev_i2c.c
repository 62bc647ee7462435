/* SPDX-License-Identifier: MIT */
/*
 * The real I2C backend (i2c_bus_linux.c: open, libi2c SMBus calls, I2C_RDWR)
 * against fake /dev/i2c-N adapters in a umockdev testbed, with a register
 * file model behind them: the data a driver reads must be the model's
 * registers, and every fault must come back as the kernel's errno.
 */
#include "support/test_support.h"
#include "umockdev/fake_i2c.h"
#include "umockdev/regfile_model.h"
#include "umockdev/umockdev_env.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "platform/i2c_bus.h"

#define MPU_ADDR	 0x68
#define MPU_WHO_AM_I	 0x75
#define MPU_ACCEL_XOUT_H 0x3b
#define MPU_PWR_MGMT_1	 0x6b

typedef struct {
	UMockdevTestbed *tb;
	regfile_model chip;  /* on bus 1 (Pi-like adapter) */
	regfile_model chip2; /* on bus 2 (SMBus-only adapter) */
	fake_i2c *pi_bus, *smbus;
} fixture;

static int group_setup(void **state)
{
	fixture *fx;

	if (bc_umockdev_skip_reason)
		return 0;
	fx = g_new0(fixture, 1);
	fx->tb = bc_testbed_new();
	regfile_model_init(&fx->chip, MPU_ADDR, MPU_WHO_AM_I, 0x68);
	regfile_model_init(&fx->chip2, MPU_ADDR, MPU_WHO_AM_I, 0x68);
	fx->pi_bus = fake_i2c_new(fx->tb, 1, "bcm2835 (i2c@7e804000)", FAKE_I2C_FUNCS_BCM2835,
				  &fx->chip.bus);
	fx->smbus = fake_i2c_new(fx->tb, 2, "SMBus I801 adapter at f040", FAKE_I2C_FUNCS_SMBUS_ONLY,
				 &fx->chip2.bus);
	if (!fx->pi_bus || !fx->smbus)
		return -1;
	*state = fx;
	return 0;
}

static int group_teardown(void **state)
{
	fixture *fx = *state;

	if (!fx)
		return 0;
	fake_i2c_free(fx->pi_bus);
	fake_i2c_free(fx->smbus);
	g_object_unref(fx->tb);
	g_free(fx);
	return 0;
}

/* Each test starts from a fresh chip and an adapter without faults. */
static int test_setup(void **state)
{
	fixture *fx = *state;

	if (bc_umockdev_skip_reason)
		return 0;
	fake_i2c_lock(fx->pi_bus);
	regfile_model_init(&fx->chip, MPU_ADDR, MPU_WHO_AM_I, 0x68);
	fake_i2c_unlock(fx->pi_bus);
	fake_i2c_set_present(fx->pi_bus, true);
	fake_i2c_fail_next(fx->pi_bus, 0, 0);
	fake_i2c_short_next(fx->pi_bus, 0);
	return 0;
}

static void test_open_by_number_reads_who_am_i(void **state)
{
	fixture *fx = *state;
	bc_i2c_bus *bus;
	uint8_t who = 0;

	bc_umockdev_skip_if_unavailable();
	bus = bc_i2c_bus_open_linux(1);
	assert_non_null(bus);
	assert_int_equal(bus->number, 1);
	/* A full I2C adapter: bursts limited only by i2c-dev's message size. */
	assert_int_equal(bus->max_read_len, 8192);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, MPU_WHO_AM_I, &who, 1), 0);
	assert_int_equal(who, fx->chip.regs[MPU_WHO_AM_I]);
	bc_i2c_bus_close(bus);
}

static void test_open_missing_bus_is_enoent(void **state)
{
	bc_umockdev_skip_if_unavailable();
	errno = 0;
	assert_null(bc_i2c_bus_open_linux(7));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(bc_i2c_bus_open_linux_by_name("no such adapter"));
	assert_int_equal(errno, ENOENT);
}

static void test_open_by_adapter_name(void **state)
{
	bc_i2c_bus *bus;

	bc_umockdev_skip_if_unavailable();
	bus = bc_i2c_bus_open_linux_by_name("bcm2835");
	assert_non_null(bus);
	assert_int_equal(bus->number, 1);
	bc_i2c_bus_close(bus);

	bus = bc_i2c_bus_open_linux_by_name("SMBus I801 adapter at f040");
	assert_non_null(bus);
	assert_int_equal(bus->number, 2);
	bc_i2c_bus_close(bus);

	bus = bc_i2c_bus_open_linux_by_name("2");
	assert_non_null(bus);
	assert_int_equal(bus->number, 2);
	bc_i2c_bus_close(bus);
}

static void test_burst_read_is_one_combined_transaction(void **state)
{
	fixture *fx = *state;
	uint8_t got[14];
	unsigned int rdwr_before;
	bc_i2c_bus *bus;
	int i;

	bc_umockdev_skip_if_unavailable();
	fake_i2c_lock(fx->pi_bus);
	for (i = 0; i < 14; i++)
		fx->chip.regs[MPU_ACCEL_XOUT_H + i] = (uint8_t)(0xa0 + 7 * i);
	fake_i2c_unlock(fx->pi_bus);

	bus = bc_i2c_bus_open_linux(1);
	assert_non_null(bus);
	rdwr_before = fake_i2c_rdwr_transfers(fx->pi_bus);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, MPU_ACCEL_XOUT_H, got, sizeof(got)), 0);
	assert_memory_equal(got, &fx->chip.regs[MPU_ACCEL_XOUT_H], sizeof(got));
	assert_int_equal(fake_i2c_rdwr_transfers(fx->pi_bus), rdwr_before + 1);
	bc_i2c_bus_close(bus);
}

static void test_write_reaches_the_chip(void **state)
{
	fixture *fx = *state;
	bc_i2c_bus *bus;

	bc_umockdev_skip_if_unavailable();
	bus = bc_i2c_bus_open_linux(1);
	assert_non_null(bus);
	assert_int_equal(bc_i2c_write(bus, MPU_ADDR, MPU_PWR_MGMT_1, 0x01), 0);
	assert_int_equal(bc_i2c_write(bus, MPU_ADDR, 0x1a, 0x03), 0);
	assert_int_equal(fx->chip.regs[MPU_PWR_MGMT_1], 0x01);
	assert_int_equal(fx->chip.regs[0x1a], 0x03);
	assert_int_equal(fx->chip.writes, 2);
	bc_i2c_bus_close(bus);
}

static void test_absent_address_nacks(void **state)
{
	bc_i2c_bus *bus;
	uint8_t v[6];

	bc_umockdev_skip_if_unavailable();
	bus = bc_i2c_bus_open_linux(1);
	assert_non_null(bus);
	assert_int_equal(bc_i2c_read(bus, 0x69, MPU_WHO_AM_I, v, 1), -EREMOTEIO);
	assert_int_equal(bc_i2c_read(bus, 0x6a, 0x0f, v, 6), -EREMOTEIO);
	assert_int_equal(bc_i2c_write(bus, 0x69, MPU_PWR_MGMT_1, 0), -EREMOTEIO);
	bc_i2c_bus_close(bus);
}

static void test_injected_faults_pass_through_then_recover(void **state)
{
	fixture *fx = *state;
	uint8_t who = 0, burst[12];
	bc_i2c_bus *bus;

	bc_umockdev_skip_if_unavailable();
	bus = bc_i2c_bus_open_linux(1);
	assert_non_null(bus);

	fake_i2c_fail_next(fx->pi_bus, 1, EREMOTEIO);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, MPU_WHO_AM_I, &who, 1), -EREMOTEIO);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, MPU_WHO_AM_I, &who, 1), 0);
	assert_int_equal(who, 0x68);

	fake_i2c_fail_next(fx->pi_bus, 1, ETIMEDOUT);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, 0, burst, sizeof(burst)), -ETIMEDOUT);

	/* The adapter stops one message short: no data may pass as read. */
	fake_i2c_short_next(fx->pi_bus, 1);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, 0, burst, sizeof(burst)), -EIO);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, 0, burst, sizeof(burst)), 0);
	bc_i2c_bus_close(bus);
}

static void test_unplug_and_replug_keep_the_bus(void **state)
{
	fixture *fx = *state;
	bc_i2c_bus *bus;
	uint8_t who = 0;

	bc_umockdev_skip_if_unavailable();
	bus = bc_i2c_bus_open_linux(1);
	assert_non_null(bus);
	fake_i2c_set_present(fx->pi_bus, false);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, MPU_WHO_AM_I, &who, 1), -EREMOTEIO);
	assert_int_equal(bc_i2c_write(bus, MPU_ADDR, MPU_PWR_MGMT_1, 0x80), -EREMOTEIO);
	fake_i2c_set_present(fx->pi_bus, true);
	/* Same handle, no reopen: the adapter itself never went away. */
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, MPU_WHO_AM_I, &who, 1), 0);
	assert_int_equal(who, 0x68);
	bc_i2c_bus_close(bus);
}

static void test_smbus_only_adapter_uses_block_reads(void **state)
{
	fixture *fx = *state;
	unsigned int rdwr_before;
	uint8_t got[33];
	bc_i2c_bus *bus;
	int i;

	bc_umockdev_skip_if_unavailable();
	fake_i2c_lock(fx->smbus);
	for (i = 0; i < 32; i++)
		fx->chip2.regs[0x40 + i] = (uint8_t)(3 * i + 1);
	fake_i2c_unlock(fx->smbus);

	bus = bc_i2c_bus_open_linux(2);
	assert_non_null(bus);
	assert_int_equal(bus->max_read_len, 32);
	rdwr_before = fake_i2c_rdwr_transfers(fx->smbus);
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, 0x40, got, 32), 0);
	assert_memory_equal(got, &fx->chip2.regs[0x40], 32);
	assert_int_equal(fake_i2c_rdwr_transfers(fx->smbus), rdwr_before);
	/* Longer than one SMBus block: the driver must chunk, not us. */
	assert_int_equal(bc_i2c_read(bus, MPU_ADDR, 0x40, got, 33), -EMSGSIZE);
	assert_int_equal(bc_i2c_write(bus, MPU_ADDR, 0x10, 0x5a), 0);
	assert_int_equal(fx->chip2.regs[0x10], 0x5a);
	bc_i2c_bus_close(bus);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_open_by_number_reads_who_am_i, test_setup),
		cmocka_unit_test_setup(test_open_missing_bus_is_enoent, test_setup),
		cmocka_unit_test_setup(test_open_by_adapter_name, test_setup),
		cmocka_unit_test_setup(test_burst_read_is_one_combined_transaction, test_setup),
		cmocka_unit_test_setup(test_write_reaches_the_chip, test_setup),
		cmocka_unit_test_setup(test_absent_address_nacks, test_setup),
		cmocka_unit_test_setup(test_injected_faults_pass_through_then_recover, test_setup),
		cmocka_unit_test_setup(test_unplug_and_replug_keep_the_bus, test_setup),
		cmocka_unit_test_setup(test_smbus_only_adapter_uses_block_reads, test_setup),
	};

	(void)argc;
	bc_umockdev_start(argv);
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
