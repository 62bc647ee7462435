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

static uint64_t system_now(void *ctx)
{
	return bc_imu_hooks_system.now_ns(ctx);
}

static void system_sleep(void *ctx, uint64_t ns)
{
	bc_imu_hooks_system.sleep_ns(ctx, ns);
}

bc_imu_hooks bc_hw_data_ready_hooks(bc_gpio_line *line)
{
	return (bc_imu_hooks){
		.wait_data_ready = line ? wait_rising : NULL,
		.now_ns = system_now,
		.sleep_ns = system_sleep,
		.ctx = line,
	};
}
