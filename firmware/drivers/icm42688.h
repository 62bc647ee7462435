/* SPDX-License-Identifier: MIT */
/* TDK InvenSense ICM-42688-P driver (accel + gyro, FIFO packet 3). */
#ifndef BC_ICM42688_H
#define BC_ICM42688_H

#include "drivers/imu_chip.h"

extern const bc_imu_variant bc_icm42688_variants[];
extern const size_t bc_icm42688_variant_count;

#endif /* BC_ICM42688_H */
