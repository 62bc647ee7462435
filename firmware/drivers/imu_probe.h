/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers.
 *
 * Which IMU is where: a table of (address, ID register, expected value)
 * triples and the functions that try them on a bus. Two chips share 0x68
 * with different ID registers (MPU-6050 WHO_AM_I at 0x75 = 0x68, ICM-20948
 * WHO_AM_I at 0x00 = 0xEA), and the ICM-42688-P shares the MPU's register
 * too (0x75 = 0x47), so an address is identified by reading each ID
 * register the table names for it and matching the value, never by the
 * address alone.
 */
#ifndef BC_IMU_PROBE_H
#define BC_IMU_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "drivers/imu_chip.h"

/* One triple: at addr, variant->id_reg reads variant->id_value. */
typedef struct {
	uint8_t addr;
	const bc_imu_variant *variant;
} bc_imu_probe_entry;

extern const bc_imu_probe_entry bc_imu_probe_table[];
extern const size_t bc_imu_probe_table_size;

/* A chip found by a scan. */
typedef struct {
	uint8_t addr;
	const bc_imu_variant *variant;
} bc_imu_found;

/*
 * Identifies the chip at addr: 1 and *variant set when a triple matches,
 * 0 when something answers but no triple matches (or addr is not in the
 * table), negative errno when nothing answers (-ENXIO, -EIO, ...).
 */
int bc_imu_probe_address(bc_i2c_bus *bus, uint8_t addr, const bc_imu_variant **variant);

/*
 * The chip at addr, or with addr 0 the first the table finds: 0 with *found
 * set, -ENODEV when no known chip is there, or the bus's -errno when nothing
 * answers at addr (buses report a NACK as -ENXIO, -EIO or -EREMOTEIO, and
 * some as -ENODEV too: bc_imu_probe_address tells the cases apart).
 */
int bc_imu_find(bc_i2c_bus *bus, uint8_t addr, bc_imu_found *found);

/* Tries every address of the table once; fills up to max found, returns the count. */
size_t bc_imu_probe_bus(bc_i2c_bus *bus, bc_imu_found *found, size_t max);

/* Every variant the drivers know, by trace name ("mpu6050"), NULL if none. */
const bc_imu_variant *bc_imu_variant_by_trace_name(const char *trace_name);

#endif /* BC_IMU_PROBE_H */
