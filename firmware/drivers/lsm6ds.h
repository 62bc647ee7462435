/* SPDX-License-Identifier: MIT */
/* ST LSM6DS family driver: its variant table (LSM6DS3, LSM6DSOX). */
#ifndef BC_LSM6DS_H
#define BC_LSM6DS_H

#include "drivers/imu_chip.h"

/* Rows of bc_lsm6ds_variants, named so a table that points at one says which. */
enum {
	BC_LSM6DS3,
	BC_LSM6DSOX,
};

extern const bc_imu_variant bc_lsm6ds_variants[];

#endif /* BC_LSM6DS_H */
