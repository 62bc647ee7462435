/* SPDX-License-Identifier: MIT */
#include "umockdev/regfile_model.h"

#include <errno.h>
#include <string.h>

static int regfile_read(void *ctx, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	regfile_model *m = ctx;
	size_t i;

	if (addr != m->addr)
		return -EREMOTEIO;
	for (i = 0; i < len; i++)
		buf[i] = m->regs[(uint8_t)(reg + i)];
	m->reads++;
	return 0;
}

static int regfile_write(void *ctx, uint8_t addr, uint8_t reg, uint8_t value)
{
	regfile_model *m = ctx;

	if (addr != m->addr)
		return -EREMOTEIO;
	m->regs[reg] = value;
	m->writes++;
	return 0;
}

static const bc_i2c_bus_ops regfile_ops = {
	.read_regs = regfile_read,
	.write_reg = regfile_write,
	.close = NULL,
};

void regfile_model_init(regfile_model *m, uint8_t addr, uint8_t who_am_i_reg, uint8_t who_am_i)
{
	memset(m, 0, sizeof(*m));
	m->bus.ops = &regfile_ops;
	m->bus.ctx = m;
	m->bus.number = -1;
	m->addr = addr;
	m->regs[who_am_i_reg] = who_am_i;
}
