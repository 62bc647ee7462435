/* SPDX-License-Identifier: MIT */
/*
 * The simplest chip behind the bus seam: 256 registers at one address, read
 * with auto-increment, written as stored. Enough to test the bus backends
 * without any particular sensor; the sensor models live in tests/models/.
 */
#ifndef BC_REGFILE_MODEL_H
#define BC_REGFILE_MODEL_H

#include <stdint.h>

#include "platform/i2c_bus.h"

typedef struct {
	bc_i2c_bus bus; /* hand &bus to the fake adapter or a driver */
	uint8_t addr;	/* 7-bit address it answers */
	uint8_t regs[256];
	unsigned int reads, writes;
} regfile_model;

/* Answers at addr; every register 0 except who_am_i_reg = who_am_i. */
void regfile_model_init(regfile_model *m, uint8_t addr, uint8_t who_am_i_reg, uint8_t who_am_i);

#endif /* BC_REGFILE_MODEL_H */
