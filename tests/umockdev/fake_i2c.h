/* SPDX-License-Identifier: MIT */
/*
 * A fake /dev/i2c-N in a umockdev testbed. It answers the i2c-dev ioctls
 * (I2C_FUNCS, I2C_SLAVE, I2C_SMBUS, I2C_RDWR) the way the kernel does and
 * forwards every transfer to a target behind the bus seam (bc_i2c_bus): a
 * register-level chip model, the same one the driver tests use directly. So
 * the real backend (i2c_bus_linux.c, libi2c) runs against the model.
 *
 * Transfers to an address the target does not answer, and every transfer
 * while the adapter is "unplugged", fail with EREMOTEIO as the bcm2835
 * driver reports a NACK.
 */
#ifndef BC_FAKE_I2C_H
#define BC_FAKE_I2C_H

#include <stdbool.h>

#include <linux/i2c.h>
#include <umockdev.h>

#include "platform/i2c_bus.h"

/* What the Raspberry Pi's i2c-bcm2835 adapter reports to I2C_FUNCS. */
#define FAKE_I2C_FUNCS_BCM2835 (I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL)
/* An SMBus-only adapter (many PC SMBus controllers): no I2C_RDWR. */
#define FAKE_I2C_FUNCS_SMBUS_ONLY \
	(I2C_FUNC_SMBUS_BYTE_DATA | I2C_FUNC_SMBUS_I2C_BLOCK | I2C_FUNC_SMBUS_QUICK)

typedef struct fake_i2c fake_i2c;

/*
 * /dev/i2c-<bus_number> with sysfs name adapter_name, answering through
 * target (not owned). NULL if the testbed refuses the device.
 */
fake_i2c *fake_i2c_new(UMockdevTestbed *tb, int bus_number, const char *adapter_name,
		       unsigned long funcs, bc_i2c_bus *target);
void fake_i2c_free(fake_i2c *f);

/* The next `transfers` I2C_SMBUS/I2C_RDWR ioctls fail with err (EREMOTEIO: NACK). */
void fake_i2c_fail_next(fake_i2c *f, int transfers, int err);

/* The next `transfers` I2C_RDWR ioctls stop one message short (a short read). */
void fake_i2c_short_next(fake_i2c *f, int transfers);

/* Sensor cable pulled (false) or plugged back (true). */
void fake_i2c_set_present(fake_i2c *f, bool present);

/* Serialise with the ioctl handler thread while the test changes the target. */
void fake_i2c_lock(fake_i2c *f);
void fake_i2c_unlock(fake_i2c *f);

/* Transfers answered (successful or not) since creation. */
unsigned int fake_i2c_transfers(fake_i2c *f);
/* Of those, how many were I2C_RDWR combined transactions. */
unsigned int fake_i2c_rdwr_transfers(fake_i2c *f);

#endif /* BC_FAKE_I2C_H */
