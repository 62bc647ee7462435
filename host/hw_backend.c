/* SPDX-License-Identifier: MIT */
/*
 * Which hardware backend the commands use: Linux i2c-dev through libi2c
 * (firmware/platform/i2c_bus_linux.c) and libgpiod
 * (firmware/platform/gpio_libgpiod_v1.c or _v2.c).
 */
#include "hw_backend.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "drivers/imu_probe.h"
#include "platform/mono_clock.h"

/* Opens /dev/i2c-N and turns the usual failures into advice. */
static bc_i2c_bus *linux_i2c_open(int bus_number, char *err, size_t err_size)
{
	bc_i2c_bus *bus = bc_i2c_bus_open_linux(bus_number);
	const char *hint = "";

	if (bus)
		return bus;
	if (errno == ENOENT)
		hint = " (is I2C on? dtparam=i2c_arm=on in config.txt, hw/README.md)";
	else if (errno == EACCES || errno == EPERM)
		hint = " (not in group i2c? hw/99-backcoach.rules)";
	snprintf(err, err_size, "/dev/i2c-%d: %s%s", bus_number, strerror(errno), hint);
	return NULL;
}

const bc_hw_backend bc_hw = {
	.i2c_open = linux_i2c_open,
	.i2c_close = bc_i2c_bus_close,
	.gpio_input_open = bc_gpio_input_open,
	.gpio_close = bc_gpio_close,
	.gpio_wait_edge = bc_gpio_wait_edge,
};

/* Rising edges only: the chips pulse INT high on data ready. */
static int wait_rising(void *ctx, int timeout_ms, uint64_t *edge_ns)
{
	bc_gpio_edge e;
	for (;;) {
		int rc = bc_hw.gpio_wait_edge(ctx, timeout_ms, &e);
		if (rc <= 0)
			return rc;
		if (e.rising) {
			*edge_ns = e.timestamp_ns;
			return 1;
		}
		timeout_ms = 0; /* the falling half of a pulse: take what is queued, no more */
	}
}

bc_imu_hooks bc_hw_data_ready_hooks(bc_gpio_line *line)
{
	return (bc_imu_hooks){
		.wait_data_ready = line ? wait_rising : NULL,
		.now_ns = bc_mono_now_ns,
		.sleep_ns = bc_mono_sleep_ns,
		.ctx = line,
	};
}

/*
 * Which chip is there, said in words when none is. Done here rather than left
 * to the reader so each way of failing gets its own message; the reader then
 * reads the ID registers once more at the address found.
 */
static int find_chip(bc_i2c_bus *bus, uint8_t addr, bc_imu_found *found, char *err, size_t err_size)
{
	if (!addr) {
		if (bc_imu_probe_bus(bus, found, 1) == 1)
			return 0;
		snprintf(err, err_size, "no IMU found (tried 0x68, 0x69, 0x6a, 0x6b)");
		return -1;
	}
	int rc = bc_imu_probe_address(bus, addr, &found->variant);
	if (rc == 1) {
		found->addr = addr;
		return 0;
	}
	if (rc == 0)
		snprintf(err, err_size, "no known IMU at 0x%02x (unknown ID)", addr);
	else
		snprintf(err, err_size, "nothing answers at 0x%02x: %s", addr, strerror(-rc));
	return -1;
}

bc_sample_source *bc_hw_live_source_open(const bc_live_source_config *config, char *err,
					 size_t err_size)
{
	bc_live_source_config c = *config;
	bc_imu_found chip;

	if (find_chip(c.bus, c.reader.address, &chip, err, err_size))
		return NULL;
	c.reader.address = chip.addr;
	bc_sample_source *src = bc_live_source_open(&c);
	if (!src && errno == ENOMEM)
		snprintf(err, err_size, "out of memory");
	else if (!src)
		snprintf(err, err_size, "%s at 0x%02x: initialisation failed: %s",
			 chip.variant->name, chip.addr, strerror(errno));
	return src;
}
