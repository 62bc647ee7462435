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
	int number;              /* /dev/i2c-N, -1 for a model */
};

/* Register burst read: len bytes starting at reg (auto-increment). */
static inline int bc_i2c_read(bc_i2c_bus *bus, uint8_t addr, uint8_t reg,
			      uint8_t *buf, size_t len)
{
	return bus->ops->read_regs(bus->ctx, addr, reg, buf, len);
}

static inline int bc_i2c_write(bc_i2c_bus *bus, uint8_t addr, uint8_t reg, uint8_t value)
{
	return bus->ops->write_reg(bus->ctx, addr, reg, value);
}

#endif /* BC_I2C_BUS_H */
