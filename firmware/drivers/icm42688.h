/* SPDX-License-Identifier: MIT */
/* TDK InvenSense ICM-42688-P driver (accel + gyro, FIFO packet 3). */
#ifndef BC_ICM42688_H
#define BC_ICM42688_H

#include "drivers/imu_chip.h"

/* Rows of bc_icm42688_variants. */
enum {
	BC_ICM42688P,
};

extern const bc_imu_variant bc_icm42688_variants[];

#endif /* BC_ICM42688_H */
