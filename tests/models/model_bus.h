/* SPDX-License-Identifier: MIT */
/*
 * An I2C bus of chip models: implements bc_i2c_bus_ops over models attached
 * at addresses, so drivers run unchanged against them. Transfers to an
 * address with no model fail with -ENXIO, as i2c-dev reports a NACKed address.
 */
#ifndef BC_MODEL_BUS_H
#define BC_MODEL_BUS_H

#include <stdint.h>

#include "models/chip_model.h"
#include "platform/i2c_bus.h"

typedef struct bc_model_bus bc_model_bus;

bc_model_bus *bc_model_bus_new(void);

/* Frees the bus and every model attached; NULL-safe. */
void bc_model_bus_free(bc_model_bus *b);

/* Puts model at the 7-bit address (the bus owns it from now). 0, or -EBUSY / -EINVAL. */
int bc_model_bus_attach(bc_model_bus *b, uint8_t addr, bc_chip_model *model);

/*
 * Puts model at addr behind host (a magnetometer inside an IMU): it answers
 * only while bc_chip_model_aux_bypass(host) is true, else the address NACKs
 * like an empty one. The bus owns model; host must be attached too.
 */
int bc_model_bus_attach_behind(bc_model_bus *b, uint8_t addr, bc_chip_model *model,
			       bc_chip_model *host);

/* The model at addr, or NULL. */
bc_chip_model *bc_model_bus_model(bc_model_bus *b, uint8_t addr);

/* The seam the drivers use (valid while the bus lives). */
bc_i2c_bus *bc_model_bus_i2c(bc_model_bus *b);

/* Transfers seen on the bus (including to empty addresses). */
unsigned long bc_model_bus_transfers(const bc_model_bus *b);

#endif /* BC_MODEL_BUS_H */
