/* SPDX-License-Identifier: MIT */
/* InvenSense MPU-6050 family driver: its variant table (6050, 6500, 9250). */
#ifndef BC_MPU6050_H
#define BC_MPU6050_H

#include "drivers/imu_chip.h"

extern const bc_imu_variant bc_mpu6050_variants[];
extern const size_t bc_mpu6050_variant_count;

#endif /* BC_MPU6050_H */
