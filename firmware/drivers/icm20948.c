/* SPDX-License-Identifier: MIT */
/*
 * TDK InvenSense ICM-20948: MPU-6050-like data path (big-endian, FIFO_R_W,
 * FIFO_COUNT) behind four register banks. Configuration lives in bank 2,
 * data and FIFO in bank 0. The selected bank is cached in imu->bank so the
 * per-sample path never writes REG_BANK_SEL; any bus error forgets it, since
 * we cannot know whether the failed transfer was a bank switch.
 */
#include "drivers/icm20948.h"

#include "drivers/ak_magnetometer.h"
#include "drivers/icm20948_regs.h"
#include "drivers/invensense_mpu.h"

/* Definitions */

/* DS-000189 table 16 / 18: 3-dB bandwidth by DLPFCFG with FCHOICE = 1, Hz. */
static const bc_imu_choice icm_gyro_lpf[] = {
	{ 0, 196.6f }, { 1, 151.8f }, { 2, 119.5f }, { 3, 51.2f },
	{ 4, 23.9f },  { 5, 11.6f },  { 6, 5.7f },   { 7, 361.4f },
};
static const bc_imu_choice icm_accel_lpf[] = {
	{ 1, 246.0f }, { 2, 111.4f }, { 3, 50.4f },  { 4, 23.9f },
	{ 5, 11.5f },  { 6, 5.7f },   { 7, 473.0f },
};
/* Ranges, scales and the FIFO frame are the MPU-6050's: invensense_mpu.h. */
_Static_assert(ICM20948_FIFO_FRAME_BYTES == BC_INV_FIFO_FRAME_BYTES, "ICM-20948 FIFO frame");

static int icm_init(bc_imu *imu, const bc_imu_settings *s);
static int icm_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow);
static int icm_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n);
static int icm_fifo_reset(bc_imu *imu);

static const bc_imu_driver icm20948_driver = {
	.family = "icm20948",
	.init = icm_init,
	.fifo_status = icm_fifo_status,
	.fifo_read = icm_fifo_read,
	.fifo_reset = icm_fifo_reset,
};

const bc_imu_variant bc_icm20948_variants[] = {
	[BC_ICM20948] = {
		.name = "ICM-20948", .trace_name = "icm20948",
		.id_reg = ICM20948_B0_WHO_AM_I, .id_value = ICM20948_WHO_AM_I_VALUE,
		.bank_sel_reg = ICM20948_REG_BANK_SEL, .fifo_bytes = 512,
		.driver = &icm20948_driver, .mag = &bc_ak09916_variant,
	},
};

/* Functions */

static int bank(bc_imu *imu, int b)
{
	if (imu->bank == b)
		return 0;
	int rc = bc_i2c_write(imu->bus, imu->addr, ICM20948_REG_BANK_SEL,
			      (uint8_t)(b << ICM20948_BANK_SHIFT));
	imu->bank = rc ? -1 : b;
	return rc;
}

/* Writes reg in bank b. */
static int wr(bc_imu *imu, int b, uint8_t reg, uint8_t value)
{
	int rc = bank(imu, b);
	if (!rc)
		rc = bc_i2c_write(imu->bus, imu->addr, reg, value);
	if (rc)
		imu->bank = -1;
	return rc;
}

static int wr_verify(bc_imu *imu, int b, uint8_t reg, uint8_t value)
{
	int rc = bank(imu, b);
	if (!rc)
		rc = bc_imu_write_verify(imu, reg, value);
	if (rc)
		imu->bank = -1;
	return rc;
}

static int icm_init(bc_imu *imu, const bc_imu_settings *s)
{
	int rc;
	imu->bank = -1;
	if ((rc = wr(imu, 0, ICM20948_B0_PWR_MGMT_1, ICM20948_PWR1_DEVICE_RESET)))
		return rc;
	bc_imu_sleep_ms(imu, 100);
	imu->bank = -1; /* the reset went back to bank 0, but be sure */
	if ((rc = wr(imu, 0, ICM20948_B0_PWR_MGMT_1, ICM20948_PWR1_CLKSEL_AUTO)))
		return rc;
	bc_imu_sleep_ms(imu, 10);

	float rate_want = bc_imu_rate_wanted_hz(s);
	int div = bc_inv_rate_divider(ICM20948_BASE_RATE_HZ, rate_want);
	float rate_hz = ICM20948_BASE_RATE_HZ / (float)(1 + div);
	float lpf_target = bc_imu_lpf_target_hz(s, rate_hz);
	const bc_imu_choice *glpf = bc_imu_pick_at_most(icm_gyro_lpf, BC_ARRAY_SIZE(icm_gyro_lpf),
							lpf_target);
	const bc_imu_choice *alpf = bc_imu_pick_at_most(icm_accel_lpf, BC_ARRAY_SIZE(icm_accel_lpf),
							lpf_target);
	const bc_imu_choice *ar, *gr;
	bc_inv_pick_ranges(s, &ar, &gr);

	if ((rc = wr_verify(imu, 0, ICM20948_B0_PWR_MGMT_2, 0)) || /* all axes on */
	    (rc = wr_verify(imu, 0, ICM20948_B0_USER_CTRL, 0)) ||  /* DMP, FIFO, aux I2C off */
	    (rc = wr_verify(imu, 2, ICM20948_B2_GYRO_SMPLRT_DIV, (uint8_t)div)) ||
	    (rc = wr_verify(imu, 2, ICM20948_B2_GYRO_CONFIG_1,
			    (uint8_t)(glpf->field << ICM20948_DLPFCFG_SHIFT |
				      gr->field << ICM20948_FS_SHIFT | ICM20948_FCHOICE))) ||
	    (rc = wr_verify(imu, 2, ICM20948_B2_ACCEL_SMPLRT_DIV_1, 0)) ||
	    (rc = wr_verify(imu, 2, ICM20948_B2_ACCEL_SMPLRT_DIV_2, (uint8_t)div)) ||
	    (rc = wr_verify(imu, 2, ICM20948_B2_ACCEL_CONFIG,
			    (uint8_t)(alpf->field << ICM20948_DLPFCFG_SHIFT |
				      ar->field << ICM20948_FS_SHIFT | ICM20948_FCHOICE))) ||
	    (rc = wr(imu, 2, ICM20948_B2_ODR_ALIGN_EN, 1)) || /* accel and gyro on one clock */
	    /* active high, 50 µs pulse; bypass puts the AK09916 on our bus (I2C master off) */
	    (rc = wr(imu, 0, ICM20948_B0_INT_PIN_CFG,
		     imu->variant->mag ? ICM20948_INT_PIN_BYPASS_EN : 0)) ||
	    (rc = wr(imu, 0, ICM20948_B0_INT_ENABLE_1,
		     s->data_ready_int ? ICM20948_INT1_RAW_DATA_0_RDY : 0)) ||
	    (rc = wr_verify(imu, 0, ICM20948_B0_FIFO_EN_2,
			    ICM20948_FIFO_EN2_ACCEL | ICM20948_FIFO_EN2_GYRO_X |
				    ICM20948_FIFO_EN2_GYRO_Y | ICM20948_FIFO_EN2_GYRO_Z)) ||
	    (rc = wr(imu, 0, ICM20948_B0_FIFO_MODE, 0)) || /* stream */
	    (rc = icm_fifo_reset(imu)) ||
	    (rc = wr(imu, 0, ICM20948_B0_USER_CTRL, ICM20948_USER_FIFO_EN)))
		return rc;

	imu->config = bc_inv_config(rate_hz, ar, gr, alpf, glpf);
	return 0;
}

/* As on the MPU-6050: a count stuck at the capacity or off the frame size is an overflow. */
static int icm_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow)
{
	uint8_t b[2];
	int rc = bank(imu, 0);
	if (!rc)
		rc = bc_i2c_read(imu->bus, imu->addr, ICM20948_B0_FIFO_COUNTH, b, 2);
	if (rc) {
		imu->bank = -1;
		return rc;
	}
	bc_inv_fifo_count_status((size_t)(b[0] & 0x1f) << 8 | b[1], imu->variant->fifo_bytes,
				 n_samples, overflow);
	return 0;
}

static int icm_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n)
{
	int rc = bank(imu, 0);
	if (!rc)
		rc = bc_inv_fifo_read(imu, ICM20948_B0_FIFO_R_W, out, n);
	if (rc)
		imu->bank = -1;
	return rc;
}

/* DS-000189 §8.47: assert FIFO_RESET, then de-assert it. */
static int icm_fifo_reset(bc_imu *imu)
{
	int rc = wr(imu, 0, ICM20948_B0_FIFO_RST, ICM20948_FIFO_RESET_ALL);
	if (!rc)
		rc = wr(imu, 0, ICM20948_B0_FIFO_RST, 0);
	return rc;
}
