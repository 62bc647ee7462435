/* SPDX-License-Identifier: MIT */
/* The probe table and the identification of a chip at an address. */
#include "drivers/imu_probe.h"

#include <errno.h>
#include <string.h>

#include "drivers/icm20948.h"
#include "drivers/icm42688.h"
#include "drivers/lsm6ds.h"
#include "drivers/mpu6050.h"

/* Definitions */

/*
 * Order matters at a shared address only for reads that have side effects;
 * ID registers have none, so each address's ID registers are all read.
 */
const bc_imu_probe_entry bc_imu_probe_table[] = {
	{ 0x68, &bc_mpu6050_variants[BC_MPU6050] }, /* AD0 low */
	{ 0x68, &bc_mpu6050_variants[BC_MPU6500] },
	{ 0x68, &bc_mpu6050_variants[BC_MPU9250] },
	{ 0x68, &bc_icm20948_variants[BC_ICM20948] },  /* same address, other ID reg */
	{ 0x68, &bc_icm42688_variants[BC_ICM42688P] }, /* the MPU's ID reg, its own value */
	{ 0x69, &bc_mpu6050_variants[BC_MPU6050] },    /* AD0 high */
	{ 0x69, &bc_mpu6050_variants[BC_MPU6500] },
	{ 0x69, &bc_mpu6050_variants[BC_MPU9250] },
	{ 0x69, &bc_icm20948_variants[BC_ICM20948] },
	{ 0x69, &bc_icm42688_variants[BC_ICM42688P] },
	{ 0x6A, &bc_lsm6ds_variants[BC_LSM6DS3] }, /* SA0 low */
	{ 0x6A, &bc_lsm6ds_variants[BC_LSM6DSOX] },
	{ 0x6B, &bc_lsm6ds_variants[BC_LSM6DS3] }, /* SA0 high */
	{ 0x6B, &bc_lsm6ds_variants[BC_LSM6DSOX] },
};
const size_t bc_imu_probe_table_size = BC_ARRAY_SIZE(bc_imu_probe_table);

#define MAX_ID_REGS 4

/* Functions */

/*
 * Reads the ID registers the table names for addr (each once) and matches.
 * A banked chip (ICM-20948, ICM-42688-P) left in another bank by a previous
 * program shows another bank's register at its ID address, so if nothing
 * matched and a banked chip may sit here, each banked variant's bank 0 is
 * selected and its ID read again. Those writes happen only after the
 * unbanked IDs failed to match, so a known chip never sees them; the bank
 * select of one chip may land on an ordinary register of the other (0x7F of
 * the ICM-42688-P's bank 4 is a user offset), which init's soft reset puts
 * back.
 */
int bc_imu_probe_address(bc_i2c_bus *bus, uint8_t addr, const bc_imu_variant **variant)
{
	uint8_t regs[MAX_ID_REGS], vals[MAX_ID_REGS];
	size_t n_regs = 0;
	bool answered = false, banked = false, in_table = false;
	int last_err = -ENXIO;

	for (size_t i = 0; i < bc_imu_probe_table_size; i++) {
		const bc_imu_probe_entry *e = &bc_imu_probe_table[i];
		if (e->addr != addr)
			continue;
		in_table = true;
		if (e->variant->bank_sel_reg)
			banked = true;
		size_t k;
		for (k = 0; k < n_regs && regs[k] != e->variant->id_reg; k++)
			;
		if (k == n_regs && n_regs < MAX_ID_REGS) {
			regs[n_regs] = e->variant->id_reg;
			int rc = bc_i2c_read(bus, addr, regs[n_regs], &vals[n_regs], 1);
			if (rc) {
				if (!answered)
					return rc; /* nothing acknowledges this address */
				last_err = rc;
				continue; /* k == n_regs: no value, no match below */
			}
			answered = true;
			n_regs++;
		}
		if (k < n_regs && vals[k] == e->variant->id_value) {
			*variant = e->variant;
			return 1;
		}
	}
	if (!answered)
		return in_table ? last_err : 0;
	if (banked) {
		for (size_t i = 0; i < bc_imu_probe_table_size; i++) {
			const bc_imu_variant *v = bc_imu_probe_table[i].variant;
			uint8_t id;
			if (bc_imu_probe_table[i].addr != addr || !v->bank_sel_reg)
				continue;
			if (bc_i2c_write(bus, addr, v->bank_sel_reg, 0) == 0 &&
			    bc_i2c_read(bus, addr, v->id_reg, &id, 1) == 0 && id == v->id_value) {
				*variant = v;
				return 1;
			}
		}
	}
	return 0;
}

size_t bc_imu_probe_bus(bc_i2c_bus *bus, bc_imu_found *found, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < bc_imu_probe_table_size && n < max; i++) {
		uint8_t addr = bc_imu_probe_table[i].addr;
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= bc_imu_probe_table[j].addr == addr;
		if (seen)
			continue;
		const bc_imu_variant *v;
		if (bc_imu_probe_address(bus, addr, &v) == 1)
			found[n++] = (bc_imu_found){ addr, v };
	}
	return n;
}

int bc_imu_find(bc_i2c_bus *bus, uint8_t addr, bc_imu_found *found)
{
	if (!addr)
		return bc_imu_probe_bus(bus, found, 1) == 1 ? 0 : -ENODEV;
	const bc_imu_variant *v;
	int rc = bc_imu_probe_address(bus, addr, &v);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return -ENODEV;
	*found = (bc_imu_found){ addr, v };
	return 0;
}

const bc_imu_variant *bc_imu_variant_by_trace_name(const char *trace_name)
{
	for (size_t i = 0; i < bc_imu_probe_table_size; i++)
		if (!strcmp(bc_imu_probe_table[i].variant->trace_name, trace_name))
			return bc_imu_probe_table[i].variant;
	return NULL;
}
