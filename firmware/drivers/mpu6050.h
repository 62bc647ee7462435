/* SPDX-License-Identifier: MIT */
/* InvenSense MPU-6050 family driver: its variant table (6050, 6500, 9250). */
#ifndef BC_MPU6050_H
#define BC_MPU6050_H

#include "drivers/imu_chip.h"

/* Rows of bc_mpu6050_variants, named so a table that points at one says which. */
enum {
	BC_MPU6050,
	BC_MPU6500,
	BC_MPU9250,
};

extern const bc_imu_variant bc_mpu6050_variants[];

#endif /* BC_MPU6050_H */
