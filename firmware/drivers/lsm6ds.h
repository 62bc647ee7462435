/* SPDX-License-Identifier: MIT */
/* ST LSM6DS family driver: its variant table (LSM6DS3, LSM6DSOX). */
#ifndef BC_LSM6DS_H
#define BC_LSM6DS_H

#include "drivers/imu_chip.h"

extern const bc_imu_variant bc_lsm6ds_variants[];
extern const size_t bc_lsm6ds_variant_count;

#endif /* BC_LSM6DS_H */
