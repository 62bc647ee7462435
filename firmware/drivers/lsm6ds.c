/* SPDX-License-Identifier: MIT */
/*
 * ST LSM6DS3 / LSM6DSOX: accelerometer + gyro, little-endian, shared control
 * registers, different FIFOs (see lsm6ds_regs.h). Both run accel and gyro at
 * the same ODR into a continuous FIFO; a sample is one gyro and one accel
 * triple.
 *
 * The data-ready signal is a level held until the output registers are read
 * by default; we read the FIFO instead, so it is switched to pulses
 * (DRDY_PULSED) to give one edge per sample.
 */
#include "drivers/lsm6ds.h"

#include <errno.h>

#include "drivers/lsm6ds_regs.h"

/* Definitions */

/* ODR codes (accel, gyro, FIFO and BDR use the same numbering). DSOX says 417 Hz. */
static const bc_imu_choice lsm_rates[] = {
	{ LSM6DS_ODR_104HZ, 104 },
	{ LSM6DS_ODR_208HZ, 208 },
	{ LSM6DS_ODR_416HZ, 416 },
	{ LSM6DS_ODR_833HZ, 833 },
};
static const bc_imu_choice lsm_accel_ranges[] = {
	{ LSM6DS_FS_XL_2G, 2 },
	{ LSM6DS_FS_XL_4G, 4 },
	{ LSM6DS_FS_XL_8G, 8 },
	{ LSM6DS_FS_XL_16G, 16 },
};
/* Sensitivity per range, mg/LSB (DS10506 table 3, DS12814 table 2). */
static const float lsm_accel_mg_per_lsb[] = { 0.061f, 0.488f, 0.122f, 0.244f }; /* by FS code */
static const bc_imu_choice lsm_gyro_ranges[] = {
	{ 0, 250 },
	{ 1, 500 },
	{ 2, 1000 },
	{ 3, 2000 },
};
static const float lsm_gyro_mdps_per_lsb[] = { 8.75f, 17.5f, 35.0f, 70.0f };

/* DS3 accel anti-aliasing filter, BW_XL (with XL_BW_SCAL_ODR set). */
static const bc_imu_choice lsm6ds3_accel_bw[] = { { 0, 400 }, { 1, 200 }, { 2, 100 }, { 3, 50 } };
/* DSOX accel LPF2 cut-off: ODR / divisor by HPCF_XL (DS12814 table 56). */
static const float lsm6dsox_lpf2_div[] = { 4, 10, 20, 45, 100, 200, 400, 800 };

static int lsm_init(bc_imu *imu, const bc_imu_settings *s);
static int lsm6ds3_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow);
static int lsm6ds3_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n);
static int lsm6dsox_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow);
static int lsm6dsox_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n);
static int lsm_fifo_reset(bc_imu *imu);

static const bc_imu_driver lsm6ds3_driver = {
	.family = "lsm6ds",
	.init = lsm_init,
	.fifo_status = lsm6ds3_fifo_status,
	.fifo_read = lsm6ds3_fifo_read,
	.fifo_reset = lsm_fifo_reset,
};

static const bc_imu_driver lsm6dsox_driver = {
	.family = "lsm6ds",
	.init = lsm_init,
	.fifo_status = lsm6dsox_fifo_status,
	.fifo_read = lsm6dsox_fifo_read,
	.fifo_reset = lsm_fifo_reset,
};

const bc_imu_variant bc_lsm6ds_variants[] = {
	[BC_LSM6DS3] = {
		.name = "LSM6DS3", .trace_name = "lsm6ds3",
		.id_reg = LSM6DS_REG_WHO_AM_I, .id_value = LSM6DS3_WHO_AM_I_VALUE,
		.fifo_bytes = 8192,
		.driver = &lsm6ds3_driver,
	},
	[BC_LSM6DSOX] = {
		.name = "LSM6DSOX", .trace_name = "lsm6dsox",
		.id_reg = LSM6DS_REG_WHO_AM_I, .id_value = LSM6DSOX_WHO_AM_I_VALUE,
		.fifo_bytes = 3072, .flags = BC_IMU_TAGGED_FIFO,
		.driver = &lsm6dsox_driver,
	},
};

/* Functions */

static bool tagged(const bc_imu *imu)
{
	return imu->variant->flags & BC_IMU_TAGGED_FIFO;
}

static int wr(bc_imu *imu, uint8_t reg, uint8_t value)
{
	return bc_i2c_write(imu->bus, imu->addr, reg, value);
}

static int lsm_init(bc_imu *imu, const bc_imu_settings *s)
{
	int rc;
	if ((rc = wr(imu, LSM6DS_REG_CTRL3_C, LSM6DS_CTRL3_SW_RESET)))
		return rc;
	bc_imu_sleep_ms(imu, 20); /* reset < 50 µs, boot of the trimming ~15 ms */
	if ((rc = bc_imu_write_verify(imu, LSM6DS_REG_CTRL3_C,
				      LSM6DS_CTRL3_BDU | LSM6DS_CTRL3_IF_INC)))
		return rc;

	const bc_imu_choice *odr = bc_imu_pick_nearest(lsm_rates, BC_ARRAY_SIZE(lsm_rates),
						       bc_imu_rate_wanted_hz(s));
	const bc_imu_choice *ar = bc_imu_pick_at_least(
		lsm_accel_ranges, BC_ARRAY_SIZE(lsm_accel_ranges), s->accel_range_g);
	const bc_imu_choice *gr = bc_imu_pick_at_least(
		lsm_gyro_ranges, BC_ARRAY_SIZE(lsm_gyro_ranges), s->gyro_range_dps);
	float rate_hz = odr->value;
	float lpf_target = bc_imu_lpf_target_hz(s, rate_hz);
	float accel_lpf_hz;
	uint8_t ctrl1 = (uint8_t)(odr->field << LSM6DS_ODR_SHIFT | ar->field << LSM6DS_FS_SHIFT);

	if (tagged(imu)) {
		/* LPF2: the widest ODR/div cut-off not above the target, else the narrowest. */
		size_t pick = BC_ARRAY_SIZE(lsm6dsox_lpf2_div) - 1;
		for (size_t i = 0; i < BC_ARRAY_SIZE(lsm6dsox_lpf2_div); i++)
			if (rate_hz / lsm6dsox_lpf2_div[i] <= lpf_target) {
				pick = i;
				break;
			}
		accel_lpf_hz = rate_hz / lsm6dsox_lpf2_div[pick];
		ctrl1 |= LSM6DSOX_LPF2_XL_EN;
		if ((rc = bc_imu_write_verify(imu, LSM6DS_REG_CTRL8_XL, (uint8_t)(pick << 5))))
			return rc;
	} else {
		const bc_imu_choice *bw = bc_imu_pick_at_most(
			lsm6ds3_accel_bw, BC_ARRAY_SIZE(lsm6ds3_accel_bw), lpf_target);
		accel_lpf_hz = bw->value;
		ctrl1 |= bw->field;
		if ((rc = bc_imu_write_verify(imu, LSM6DS_REG_CTRL4_C, LSM6DS3_XL_BW_SCAL_ODR)))
			return rc;
	}
	if ((rc = bc_imu_write_verify(imu, LSM6DS_REG_CTRL1_XL, ctrl1)) ||
	    (rc = bc_imu_write_verify(
		     imu, LSM6DS_REG_CTRL2_G,
		     (uint8_t)(odr->field << LSM6DS_ODR_SHIFT | gr->field << LSM6DS_FS_SHIFT))))
		return rc;

	if (tagged(imu)) {
		imu->fifo_mode_value = LSM6DS_FIFO_MODE_CONTINUOUS;
		rc = bc_imu_write_verify(imu, LSM6DSOX_REG_FIFO_CTRL3,
					 (uint8_t)(odr->field << 4 | odr->field));
	} else {
		imu->fifo_mode_value = (uint8_t)(odr->field << LSM6DS3_FIFO_ODR_SHIFT |
						 LSM6DS_FIFO_MODE_CONTINUOUS);
		rc = bc_imu_write_verify(imu, LSM6DS3_REG_FIFO_CTRL3,
					 LSM6DS3_FIFO_DEC_NONE << 3 | LSM6DS3_FIFO_DEC_NONE);
	}
	if (rc || (rc = lsm_fifo_reset(imu)))
		return rc;

	if ((rc = wr(imu, LSM6DS_REG_DRDY_PULSE_CFG, LSM6DS_DRDY_PULSED)) ||
	    (rc = wr(imu, LSM6DS_REG_INT1_CTRL, s->data_ready_int ? LSM6DS_INT1_DRDY_G : 0)))
		return rc;

	imu->config = (bc_imu_config){
		.rate_hz = rate_hz,
		.accel_range_g = ar->value,
		.gyro_range_dps = gr->value,
		.accel_lpf_hz = accel_lpf_hz,
		.gyro_lpf_hz = 0, /* set by the ODR on these chips, not configured */
		.accel_g_per_lsb = lsm_accel_mg_per_lsb[ar->field] * 1e-3f,
		.gyro_dps_per_lsb = lsm_gyro_mdps_per_lsb[gr->field] * 1e-3f,
	};
	return 0;
}

/* Bypass mode empties the FIFO; continuous mode restarts it on a pattern boundary. */
static int lsm_fifo_reset(bc_imu *imu)
{
	uint8_t reg = tagged(imu) ? LSM6DSOX_REG_FIFO_CTRL4 : LSM6DS3_REG_FIFO_CTRL5;
	int rc;
	if ((rc = wr(imu, reg, LSM6DS_FIFO_MODE_BYPASS)) ||
	    (rc = wr(imu, reg, imu->fifo_mode_value)))
		return rc;
	return 0;
}

/*
 * DS3: DIFF_FIFO counts unread 16-bit words; FIFO_PATTERN says which word of
 * Gx Gy Gz Ax Ay Az comes next. Off pattern start means a torn read or an
 * overrun left us mid-sample: report it as an overflow so the FIFO restarts.
 */
static int lsm6ds3_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow)
{
	uint8_t st[4];
	int rc = bc_i2c_read(imu->bus, imu->addr, LSM6DS3_REG_FIFO_STATUS1, st, 4);
	if (rc)
		return rc;
	size_t words = (size_t)(st[1] & LSM6DS3_DIFF_HI_MASK) << 8 | st[0];
	unsigned pattern = (unsigned)(st[3] & 0x03) << 8 | st[2];
	*overflow = (st[1] & LSM6DS3_STATUS2_OVER_RUN) || pattern != 0;
	*n_samples = *overflow ? 0 : words / LSM6DS3_PATTERN_WORDS;
	return 0;
}

static int lsm6ds3_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n)
{
	enum { FRAME = 2 * LSM6DS3_PATTERN_WORDS, PER_BURST = BC_IMU_MAX_BURST_BYTES / FRAME };
	uint8_t buf[PER_BURST * FRAME];
	float ka = imu->config.accel_g_per_lsb, kg = imu->config.gyro_dps_per_lsb;
	while (n > 0) {
		size_t k = n < PER_BURST ? n : PER_BURST;
		int rc = bc_i2c_read(imu->bus, imu->addr, LSM6DS3_REG_FIFO_DATA_OUT_L, buf,
				     k * FRAME);
		if (rc)
			return rc;
		for (size_t i = 0; i < k; i++, out++) {
			const uint8_t *f = buf + i * FRAME;
			out->gyro_dps = bc_vec3_make(bc_le16(f) * kg, bc_le16(f + 2) * kg,
						     bc_le16(f + 4) * kg);
			out->accel_g = bc_vec3_make(bc_le16(f + 6) * ka, bc_le16(f + 8) * ka,
						    bc_le16(f + 10) * ka);
		}
		n -= k;
	}
	return 0;
}

/*
 * DSOX: DIFF_FIFO counts unread 7-byte records. The chip writes the gyro and
 * accel records of one ODR tick back to back, so reading an even number of
 * records from an even start keeps whole samples; an odd record left behind
 * is the first half of a tick still being written.
 */
static int lsm6dsox_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow)
{
	uint8_t st[2];
	int rc = bc_i2c_read(imu->bus, imu->addr, LSM6DSOX_REG_FIFO_STATUS1, st, 2);
	if (rc)
		return rc;
	size_t records = (size_t)(st[1] & LSM6DSOX_DIFF_HI_MASK) << 8 | st[0];
	*overflow = st[1] & (LSM6DSOX_STATUS2_OVR_IA | LSM6DSOX_STATUS2_OVR_LATCHED);
	*n_samples = *overflow ? 0 : records / 2;
	return 0;
}

/* Pairs records by tag; a tag twice in a row means a record was lost (-EBADMSG). */
static int lsm6dsox_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n)
{
	enum { REC = LSM6DSOX_RECORD_BYTES, PER_BURST = BC_IMU_MAX_BURST_BYTES / (2 * REC) };
	uint8_t buf[PER_BURST * 2 * REC];
	float ka = imu->config.accel_g_per_lsb, kg = imu->config.gyro_dps_per_lsb;
	while (n > 0) {
		size_t k = n < PER_BURST ? n : PER_BURST;
		int rc = bc_i2c_read(imu->bus, imu->addr, LSM6DSOX_REG_FIFO_DATA_OUT_TAG, buf,
				     2 * k * REC);
		if (rc)
			return rc;
		for (size_t i = 0; i < k; i++, out++) {
			bool have_g = false, have_a = false;
			for (size_t j = 0; j < 2; j++) {
				const uint8_t *r = buf + (2 * i + j) * REC;
				bc_vec3 v = bc_vec3_make(bc_le16(r + 1), bc_le16(r + 3),
							 bc_le16(r + 5));
				switch (r[0] >> LSM6DSOX_TAG_SHIFT) {
				case LSM6DSOX_TAG_GYRO:
					if (have_g)
						return -EBADMSG;
					out->gyro_dps = bc_vec3_scale(v, kg);
					have_g = true;
					break;
				case LSM6DSOX_TAG_ACCEL:
					if (have_a)
						return -EBADMSG;
					out->accel_g = bc_vec3_scale(v, ka);
					have_a = true;
					break;
				default:
					return -EBADMSG; /* we batch nothing else */
				}
			}
		}
		n -= k;
	}
	return 0;
}
