/* SPDX-License-Identifier: MIT */
/* TDK ICM-20948 driver (accel + gyro; its AK09916 is read by ak_magnetometer.c). */
#ifndef BC_ICM20948_H
#define BC_ICM20948_H

#include "drivers/imu_chip.h"

/* Rows of bc_icm20948_variants. */
enum {
	BC_ICM20948,
};

extern const bc_imu_variant bc_icm20948_variants[];

#endif /* BC_ICM20948_H */
