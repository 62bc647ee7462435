/* SPDX-License-Identifier: MIT */
/*
 * InvenSense MPU-6050 / MPU-6500 / MPU-9250: 3-axis accelerometer and gyro,
 * one register space, big-endian, FIFO read through FIFO_R_W.
 *
 * The low-pass filter decides the internal rate: DLPF_CFG 1..6 runs the
 * sampler at 1 kHz, so every rate we offer (100–1000 Hz) is
 * 1 kHz / (1 + SMPLRT_DIV). DLPF_CFG 0 and 7 switch the gyro to 8 kHz, which
 * we never use. The 6500/9250 filter the accelerometer separately
 * (ACCEL_CONFIG2), the 6050 takes both from CONFIG.
 */
#include "drivers/mpu6050.h"

#include <errno.h>

#include "drivers/ak_magnetometer.h"
#include "drivers/invensense_mpu.h"
#include "drivers/mpu6050_regs.h"

/* Definitions */

typedef struct {
	const bc_imu_choice *gyro_lpf; /* CONFIG.DLPF_CFG → gyro bandwidth, Hz */
	size_t n_gyro_lpf;
	const bc_imu_choice *accel_lpf; /* CONFIG (6050) or ACCEL_CONFIG2 → accel bandwidth */
	size_t n_accel_lpf;
} mpu_layout;

/* RM-MPU-6000A §4.2 (6050): one DLPF setting for both sensors. */
static const bc_imu_choice mpu6050_gyro_lpf[] = {
	{ 1, 188 }, { 2, 98 }, { 3, 42 }, { 4, 20 }, { 5, 10 }, { 6, 5 },
};
static const bc_imu_choice mpu6050_accel_lpf[] = {
	{ 1, 184 }, { 2, 94 }, { 3, 44 }, { 4, 21 }, { 5, 10 }, { 6, 5 },
};
/* RM-MPU-6500A §4.6 and §4.8 (6500/9250): gyro from CONFIG, accel from ACCEL_CONFIG2. */
static const bc_imu_choice mpu6500_gyro_lpf[] = {
	{ 1, 184 }, { 2, 92 }, { 3, 41 }, { 4, 20 }, { 5, 10 }, { 6, 5 },
};
static const bc_imu_choice mpu6500_accel_lpf[] = {
	{ 1, 218.1f }, { 2, 99 }, { 3, 44.8f }, { 4, 21.2f }, { 5, 10.2f }, { 6, 5.05f },
};

static const mpu_layout mpu6050_layout = {
	mpu6050_gyro_lpf,
	BC_ARRAY_SIZE(mpu6050_gyro_lpf),
	mpu6050_accel_lpf,
	BC_ARRAY_SIZE(mpu6050_accel_lpf),
};
static const mpu_layout mpu6500_layout = {
	mpu6500_gyro_lpf,
	BC_ARRAY_SIZE(mpu6500_gyro_lpf),
	mpu6500_accel_lpf,
	BC_ARRAY_SIZE(mpu6500_accel_lpf),
};

/* Ranges, scales and the FIFO frame: invensense_mpu.h, shared with the ICM-20948. */
_Static_assert(MPU6050_FIFO_FRAME_BYTES == BC_INV_FIFO_FRAME_BYTES, "MPU-6050 FIFO frame");

static int mpu_init(bc_imu *imu, const bc_imu_settings *s);
static int mpu_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow);
static int mpu_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n);
static int mpu_fifo_reset(bc_imu *imu);

static const bc_imu_driver mpu6050_driver = {
	.family = "mpu6050",
	.init = mpu_init,
	.fifo_status = mpu_fifo_status,
	.fifo_read = mpu_fifo_read,
	.fifo_reset = mpu_fifo_reset,
};

const bc_imu_variant bc_mpu6050_variants[] = {
	[BC_MPU6050] = {
		.name = "MPU-6050", .trace_name = "mpu6050",
		.id_reg = MPU6050_REG_WHO_AM_I, .id_value = MPU6050_WHO_AM_I_6050,
		.fifo_bytes = 1024,
		.driver = &mpu6050_driver, .priv = &mpu6050_layout,
	},
	[BC_MPU6500] = {
		.name = "MPU-6500", .trace_name = "mpu6500",
		.id_reg = MPU6050_REG_WHO_AM_I, .id_value = MPU6050_WHO_AM_I_6500,
		.fifo_bytes = 512, .flags = BC_IMU_HAS_ACCEL_DLPF,
		.driver = &mpu6050_driver, .priv = &mpu6500_layout,
	},
	[BC_MPU9250] = {
		.name = "MPU-9250", .trace_name = "mpu9250",
		.id_reg = MPU6050_REG_WHO_AM_I, .id_value = MPU6050_WHO_AM_I_9250,
		.fifo_bytes = 512, .flags = BC_IMU_HAS_ACCEL_DLPF,
		.driver = &mpu6050_driver, .priv = &mpu6500_layout, .mag = &bc_ak8963_variant,
	},
};

/* Functions */

static int wr(bc_imu *imu, uint8_t reg, uint8_t value)
{
	return bc_i2c_write(imu->bus, imu->addr, reg, value);
}

/*
 * Reset, wake on the gyro PLL, set rate/ranges/low-pass, then start the FIFO
 * with accel + gyro (12 bytes a sample, no temperature).
 */
static int mpu_init(bc_imu *imu, const bc_imu_settings *s)
{
	const mpu_layout *lay = imu->variant->priv;
	bool accel_own_lpf = imu->variant->flags & BC_IMU_HAS_ACCEL_DLPF;
	int rc;

	rc = wr(imu, MPU6050_REG_PWR_MGMT_1, MPU6050_PWR1_DEVICE_RESET);
	if (rc)
		return rc;
	bc_imu_sleep_ms(imu, 100); /* RM-MPU-6000A: registers settle ~100 ms after reset */
	rc = wr(imu, MPU6050_REG_PWR_MGMT_1, MPU6050_PWR1_CLKSEL_PLL_XG); /* clears SLEEP */
	if (rc)
		return rc;
	bc_imu_sleep_ms(imu, 10); /* PLL lock */

	float rate_want = bc_imu_rate_wanted_hz(s);
	int div = bc_inv_rate_divider(MPU6050_INTERNAL_RATE_HZ, rate_want);
	float rate_hz = MPU6050_INTERNAL_RATE_HZ / (float)(1 + div);
	float lpf_target = bc_imu_lpf_target_hz(s, rate_hz);
	const bc_imu_choice *glpf = bc_imu_pick_at_most(lay->gyro_lpf, lay->n_gyro_lpf, lpf_target);
	const bc_imu_choice *alpf = bc_imu_pick_at_most(lay->accel_lpf, lay->n_accel_lpf,
							lpf_target);
	const bc_imu_choice *ar, *gr;
	bc_inv_pick_ranges(s, &ar, &gr);
	if (!accel_own_lpf) /* 6050: one field for both; the accel follows the gyro choice */
		alpf = &lay->accel_lpf[glpf - lay->gyro_lpf];

	if ((rc = bc_imu_write_verify(imu, MPU6050_REG_CONFIG, glpf->field)) ||
	    (rc = bc_imu_write_verify(imu, MPU6050_REG_SMPLRT_DIV, (uint8_t)div)) ||
	    (rc = bc_imu_write_verify(imu, MPU6050_REG_GYRO_CONFIG,
				      (uint8_t)(gr->field << MPU6050_FS_SHIFT))) ||
	    (rc = bc_imu_write_verify(imu, MPU6050_REG_ACCEL_CONFIG,
				      (uint8_t)(ar->field << MPU6050_FS_SHIFT))))
		return rc;
	if (accel_own_lpf &&
	    (rc = bc_imu_write_verify(imu, MPU6500_REG_ACCEL_CONFIG2, alpf->field)))
		return rc;

	/*
	 * Active-high push-pull 50 µs pulse on data ready: one edge per sample.
	 * The MPU-9250's AK8963 sits on the auxiliary bus: BYPASS_EN puts it on
	 * ours at 0x0C (the I2C master stays off: USER_CTRL is FIFO_EN only).
	 */
	uint8_t pin_cfg = imu->variant->mag ? MPU6050_INT_BYPASS_EN : 0;
	if ((rc = wr(imu, MPU6050_REG_INT_PIN_CFG, pin_cfg)) ||
	    (rc = wr(imu, MPU6050_REG_INT_ENABLE, s->data_ready_int ? MPU6050_INT_DATA_RDY : 0)))
		return rc;

	if ((rc = bc_imu_write_verify(imu, MPU6050_REG_FIFO_EN,
				      MPU6050_FIFO_EN_ACCEL | MPU6050_FIFO_EN_XG |
					      MPU6050_FIFO_EN_YG | MPU6050_FIFO_EN_ZG)) ||
	    (rc = mpu_fifo_reset(imu)))
		return rc;

	imu->config = bc_inv_config(rate_hz, ar, gr, alpf, glpf);
	return 0;
}

/* The FIFO count alone tells an overflow (bc_inv_fifo_count_status says how). */
static int mpu_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow)
{
	uint8_t b[2];
	int rc = bc_i2c_read(imu->bus, imu->addr, MPU6050_REG_FIFO_COUNT_H, b, 2);
	if (rc)
		return rc;
	bc_inv_fifo_count_status(((size_t)b[0] << 8) | b[1], imu->variant->fifo_bytes, n_samples,
				 overflow);
	return 0;
}

static int mpu_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n)
{
	return bc_inv_fifo_read(imu, MPU6050_REG_FIFO_R_W, out, n);
}

/* FIFO_RESET only acts while FIFO_EN is clear (RM-MPU-6000A §4.29). */
static int mpu_fifo_reset(bc_imu *imu)
{
	int rc;
	if ((rc = wr(imu, MPU6050_REG_USER_CTRL, 0)) ||
	    (rc = wr(imu, MPU6050_REG_USER_CTRL, MPU6050_USER_FIFO_RESET)) ||
	    (rc = wr(imu, MPU6050_REG_USER_CTRL, MPU6050_USER_FIFO_EN)))
		return rc;
	return 0;
}
