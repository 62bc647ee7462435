/* SPDX-License-Identifier: MIT */
/*
 * Which hardware backend the commands use.
 *
 * INTEGRATION NOTE: the Linux i2c-dev backend (bc_i2c_bus_open_linux,
 * firmware/platform/i2c_bus_linux.c) and the libgpiod backend (gpio_line.h)
 * are built on the hwbus branch. Until they are merged this table points at
 * stubs that say so, which keeps every binary linking. Once they are in:
 *
 *	static bc_i2c_bus *linux_i2c_open(int n, char *err, size_t size)
 *	{
 *		bc_i2c_bus *bus = bc_i2c_bus_open_linux(n);
 *		if (!bus)
 *			snprintf(err, size, "/dev/i2c-%d: %s", n, strerror(errno));
 *		return bus;
 *	}
 *	static void linux_i2c_close(bc_i2c_bus *bus) { bc_i2c_bus_close(bus); }
 *
 *	const bc_hw_backend bc_hw = { linux_i2c_open, linux_i2c_close,
 *		bc_gpio_input_open, bc_gpio_close, bc_gpio_wait_edge };
 *
 * and delete the stubs: nothing else changes.
 */
#include "hw_backend.h"

#include <errno.h>
#include <stdio.h>

static bc_i2c_bus *no_i2c_open(int bus_number, char *err, size_t err_size)
{
	snprintf(err, err_size,
		 "/dev/i2c-%d: this build has no Linux I2C backend (i2c_bus_linux.c not merged)",
		 bus_number);
	errno = ENOSYS;
	return NULL;
}

static void no_i2c_close(bc_i2c_bus *bus)
{
	(void)bus;
}

static bc_gpio_line *no_gpio_open(const char *line_name, const char *consumer)
{
	(void)line_name;
	(void)consumer;
	errno = ENOSYS;
	return NULL;
}

static void no_gpio_close(bc_gpio_line *line)
{
	(void)line;
}

static int no_gpio_wait(bc_gpio_line *line, int timeout_ms, bc_gpio_edge *edge)
{
	(void)line;
	(void)timeout_ms;
	(void)edge;
	return -ENOSYS;
}

const bc_hw_backend bc_hw = {
	.i2c_open = no_i2c_open,
	.i2c_close = no_i2c_close,
	.gpio_input_open = no_gpio_open,
	.gpio_close = no_gpio_close,
	.gpio_wait_edge = no_gpio_wait,
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
