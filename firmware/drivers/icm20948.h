/* SPDX-License-Identifier: MIT */
/* TDK ICM-20948 driver (accel + gyro; its AK09916 is read by ak_magnetometer.c). */
#ifndef BC_ICM20948_H
#define BC_ICM20948_H

#include "drivers/imu_chip.h"

extern const bc_imu_variant bc_icm20948_variants[];
extern const size_t bc_icm20948_variant_count;

#endif /* BC_ICM20948_H */
