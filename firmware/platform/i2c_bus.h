/* SPDX-License-Identifier: MIT */
/*
 * The seam between chip drivers and the kernel: an I2C bus as a handful of
 * register operations. The real backend is Linux i2c-dev through libi2c
 * (i2c_smbus_* and I2C_RDWR); tests put a register-level chip model behind
 * the same operations, so the driver code runs unchanged in both.
 *
 * All functions return 0 on success or a negative errno (-EIO for a NACK,
 * -ENODEV for a missing device, -EREMOTEIO/-ETIMEDOUT as the kernel says).
 */
#ifndef BC_I2C_BUS_H
#define BC_I2C_BUS_H

#include <stddef.h>
#include <stdint.h>

typedef struct bc_i2c_bus bc_i2c_bus;

typedef struct {
	int (*read_regs)(void *ctx, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len);
	int (*write_reg)(void *ctx, uint8_t addr, uint8_t reg, uint8_t value);
	void (*close)(void *ctx);
} bc_i2c_bus_ops;

struct bc_i2c_bus {
	const bc_i2c_bus_ops *ops;
	void *ctx;
	int number;	     /* /dev/i2c-N, -1 for a model */
	size_t max_read_len; /* longest bc_i2c_read in bytes; 0 = no limit.
				  * SMBus-only adapters: 32, so FIFO drains
				  * must be chunked by the driver. */
};

/* Register burst read: len bytes starting at reg (auto-increment). */
static inline int bc_i2c_read(bc_i2c_bus *bus, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	return bus->ops->read_regs(bus->ctx, addr, reg, buf, len);
}

static inline int bc_i2c_write(bc_i2c_bus *bus, uint8_t addr, uint8_t reg, uint8_t value)
{
	return bus->ops->write_reg(bus->ctx, addr, reg, value);
}

/* Releases the bus and whatever its backend holds; NULL-safe. */
static inline void bc_i2c_bus_close(bc_i2c_bus *bus)
{
	if (bus && bus->ops->close)
		bus->ops->close(bus->ctx);
}

/*
 * Real backend: Linux i2c-dev (/dev/i2c-N) through libi2c.
 * i2c_bus_linux.c. NULL + errno on failure (ENOENT: no such adapter,
 * EACCES: not in group i2c, ENODEV: not an I2C adapter).
 */
bc_i2c_bus *bc_i2c_bus_open_linux(int bus_number);

/*
 * The adapter whose sysfs name (/sys/class/i2c-dev/i2c-N/name, as
 * `i2cdetect -l` shows it) equals adapter_name, or else contains it
 * ("bcm2835" finds "bcm2835 (i2c@7e804000)"); the lowest N wins.
 * A name of only digits ("1") opens /dev/i2c-1. NULL + errno (ENOENT).
 */
bc_i2c_bus *bc_i2c_bus_open_linux_by_name(const char *adapter_name);

#endif /* BC_I2C_BUS_H */
