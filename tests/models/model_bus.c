/* SPDX-License-Identifier: MIT */
/* bc_i2c_bus_ops over chip models at addresses. */
#include "models/model_bus.h"

#include <errno.h>
#include <stdlib.h>

#define BC_I2C_ADDRESSES 128

struct bc_model_bus {
	bc_i2c_bus bus;
	bc_chip_model *at[BC_I2C_ADDRESSES];
	bc_chip_model *behind[BC_I2C_ADDRESSES]; /* host whose bypass gates the address */
	unsigned long transfers;
};

/* The model answering at addr now, or NULL (nothing there, or its host's bypass is off). */
static bc_chip_model *answering(bc_model_bus *b, uint8_t addr)
{
	if (addr >= BC_I2C_ADDRESSES || !b->at[addr])
		return NULL;
	if (b->behind[addr] && !bc_chip_model_aux_bypass(b->behind[addr]))
		return NULL;
	return b->at[addr];
}

static int model_read(void *ctx, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	bc_model_bus *b = ctx;
	b->transfers++;
	bc_chip_model *m = answering(b, addr);
	return m ? bc_chip_model_read(m, reg, buf, len) : -ENXIO;
}

static int model_write(void *ctx, uint8_t addr, uint8_t reg, uint8_t value)
{
	bc_model_bus *b = ctx;
	b->transfers++;
	bc_chip_model *m = answering(b, addr);
	return m ? bc_chip_model_write(m, reg, value) : -ENXIO;
}

static void model_close(void *ctx)
{
	(void)ctx; /* bc_model_bus_free() owns the memory */
}

static const bc_i2c_bus_ops model_ops = {
	.read_regs = model_read,
	.write_reg = model_write,
	.close = model_close,
};

bc_model_bus *bc_model_bus_new(void)
{
	bc_model_bus *b = calloc(1, sizeof(*b));
	if (b)
		b->bus = (bc_i2c_bus){ .ops = &model_ops, .ctx = b, .number = -1 };
	return b;
}

void bc_model_bus_free(bc_model_bus *b)
{
	if (!b)
		return;
	for (int i = 0; i < BC_I2C_ADDRESSES; i++)
		bc_chip_model_free(b->at[i]);
	free(b);
}

int bc_model_bus_attach(bc_model_bus *b, uint8_t addr, bc_chip_model *model)
{
	if (addr >= BC_I2C_ADDRESSES || !model)
		return -EINVAL;
	if (b->at[addr])
		return -EBUSY;
	b->at[addr] = model;
	return 0;
}

int bc_model_bus_attach_behind(bc_model_bus *b, uint8_t addr, bc_chip_model *model,
			       bc_chip_model *host)
{
	if (!host)
		return -EINVAL;
	int rc = bc_model_bus_attach(b, addr, model);
	if (!rc)
		b->behind[addr] = host;
	return rc;
}

bc_chip_model *bc_model_bus_model(bc_model_bus *b, uint8_t addr)
{
	return addr < BC_I2C_ADDRESSES ? b->at[addr] : NULL;
}

bc_i2c_bus *bc_model_bus_i2c(bc_model_bus *b)
{
	return &b->bus;
}

unsigned long bc_model_bus_transfers(const bc_model_bus *b)
{
	return b->transfers;
}
