/* SPDX-License-Identifier: MIT */
/*
 * The data path the MPU-6050 family and the ICM-20948 share (internal to
 * those two drivers): the same full-scale select codes and sensitivities,
 * the same 1 + divider sample-rate formula, the same FIFO_COUNT overflow
 * rule and the same 12-byte big-endian FIFO frame (accel x y z, gyro x y z).
 * The ICM-42688 is not of this lineage (its FS codes run the other way).
 */
#ifndef BC_INVENSENSE_MPU_H
#define BC_INVENSENSE_MPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/imu_chip.h"

/* Definitions */

/* Bytes of one FIFO sample: accel x y z then gyro x y z, big-endian words. */
#define BC_INV_FIFO_FRAME_BYTES 12

/* Functions */

/* Sample-rate divider (0..255) making base_hz / (1 + div) nearest rate_want_hz. */
int bc_inv_rate_divider(float base_hz, float rate_want_hz);

/*
 * The full scales for s: the smallest that hold what was asked (never clip),
 * as FS select fields (0..3) with their ±g and ±°/s.
 */
void bc_inv_pick_ranges(const bc_imu_settings *s, const bc_imu_choice **accel_range,
			const bc_imu_choice **gyro_range);

/* What init set, with the scales of one count for the chosen full scales. */
bc_imu_config bc_inv_config(float rate_hz, const bc_imu_choice *accel_range,
			    const bc_imu_choice *gyro_range, const bc_imu_choice *accel_lpf,
			    const bc_imu_choice *gyro_lpf);

/*
 * FIFO_COUNT (bytes) → whole samples waiting, or an overflow: when full the
 * chip keeps writing and drops the oldest bytes, so the count sticks at the
 * capacity, which is not a whole number of frames; a count off the frame
 * size (a torn read, a lost byte) means the same: alignment is gone.
 */
void bc_inv_fifo_count_status(size_t count_bytes, size_t fifo_bytes, size_t *n_samples,
			      bool *overflow);

/*
 * Reads n samples from the FIFO data register fifo_reg (FIFO_R_W; its bank
 * already selected) in bursts of whole frames, scaled by imu->config.
 * 0 or the bus's -errno.
 */
int bc_inv_fifo_read(bc_imu *imu, uint8_t fifo_reg, bc_imu_reading *out, size_t n);

#endif /* BC_INVENSENSE_MPU_H */
