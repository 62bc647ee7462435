/* SPDX-License-Identifier: MIT */
/* The MPU-6050 / ICM-20948 shared data path: see invensense_mpu.h. */
#include "drivers/invensense_mpu.h"

/* Definitions */

/* RM-MPU-6000A §4.4–4.5, DS-000189 §8.2: FS_SEL / ACCEL_FS_SEL codes. */
static const bc_imu_choice inv_accel_ranges[] = { { 0, 2 }, { 1, 4 }, { 2, 8 }, { 3, 16 } };
static const bc_imu_choice inv_gyro_ranges[] = {
	{ 0, 250 },
	{ 1, 500 },
	{ 2, 1000 },
	{ 3, 2000 },
};

/* Datasheet sensitivities, LSB per °/s (not exactly 32768 / range). */
static const float inv_gyro_lsb_per_dps[4] = { 131.0f, 65.5f, 32.8f, 16.4f };

/* Functions */

int bc_inv_rate_divider(float base_hz, float rate_want_hz)
{
	int div = (int)(base_hz / rate_want_hz + 0.5f) - 1;
	if (div < 0)
		div = 0;
	if (div > 255)
		div = 255;
	return div;
}

void bc_inv_pick_ranges(const bc_imu_settings *s, const bc_imu_choice **accel_range,
			const bc_imu_choice **gyro_range)
{
	*accel_range = bc_imu_pick_at_least(inv_accel_ranges, BC_ARRAY_SIZE(inv_accel_ranges),
					    s->accel_range_g);
	*gyro_range = bc_imu_pick_at_least(inv_gyro_ranges, BC_ARRAY_SIZE(inv_gyro_ranges),
					   s->gyro_range_dps);
}

bc_imu_config bc_inv_config(float rate_hz, const bc_imu_choice *accel_range,
			    const bc_imu_choice *gyro_range, const bc_imu_choice *accel_lpf,
			    const bc_imu_choice *gyro_lpf)
{
	return (bc_imu_config){
		.rate_hz = rate_hz,
		.accel_range_g = accel_range->value,
		.gyro_range_dps = gyro_range->value,
		.accel_lpf_hz = accel_lpf->value,
		.gyro_lpf_hz = gyro_lpf->value,
		/* 16384 LSB/g at ±2 g, halving with each doubling of the range */
		.accel_g_per_lsb = 1.0f / (16384.0f / (float)(1 << accel_range->field)),
		.gyro_dps_per_lsb = 1.0f / inv_gyro_lsb_per_dps[gyro_range->field],
	};
}

void bc_inv_fifo_count_status(size_t count_bytes, size_t fifo_bytes, size_t *n_samples,
			      bool *overflow)
{
	*overflow = count_bytes % BC_INV_FIFO_FRAME_BYTES != 0 ||
		    count_bytes > fifo_bytes - fifo_bytes % BC_INV_FIFO_FRAME_BYTES;
	*n_samples = *overflow ? 0 : count_bytes / BC_INV_FIFO_FRAME_BYTES;
}

/* Scales n frames from buf into out (ka: g per count, kg: °/s per count). */
static void decode_frames(const uint8_t *buf, size_t n, float ka, float kg, bc_imu_reading *out)
{
	for (size_t i = 0; i < n; i++, out++) {
		const uint8_t *f = buf + i * BC_INV_FIFO_FRAME_BYTES;
		out->accel_g = bc_vec3_make(bc_be16(f) * ka, bc_be16(f + 2) * ka,
					    bc_be16(f + 4) * ka);
		out->gyro_dps = bc_vec3_make(bc_be16(f + 6) * kg, bc_be16(f + 8) * kg,
					     bc_be16(f + 10) * kg);
	}
}

int bc_inv_fifo_read(bc_imu *imu, uint8_t fifo_reg, bc_imu_reading *out, size_t n)
{
	enum { PER_BURST = BC_IMU_MAX_BURST_BYTES / BC_INV_FIFO_FRAME_BYTES };
	uint8_t buf[PER_BURST * BC_INV_FIFO_FRAME_BYTES];
	float ka = imu->config.accel_g_per_lsb, kg = imu->config.gyro_dps_per_lsb;

	while (n > 0) {
		size_t k = n < PER_BURST ? n : PER_BURST;
		int rc = bc_i2c_read(imu->bus, imu->addr, fifo_reg, buf,
				     k * BC_INV_FIFO_FRAME_BYTES);
		if (rc)
			return rc;
		decode_frames(buf, k, ka, kg, out);
		out += k;
		n -= k;
	}
	return 0;
}
