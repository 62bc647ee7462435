/* SPDX-License-Identifier: MIT */
/*
 * TDK InvenSense ICM-42688-P: accelerometer and gyro with a 2 KiB FIFO of
 * self-describing packets. Unlike the MPU-6050 family it has no sample-rate
 * divider: each sensor takes an ODR code, and the UI low-pass bandwidth is a
 * fraction of the ODR. Everything we use is in user bank 0, which init
 * selects; the per-sample path never writes REG_BANK_SEL.
 *
 * FIFO: stream mode, packet 3 (16 bytes: header, accel, gyro, temperature,
 * timestamp). Each packet's header is checked, so a FIFO that lost its
 * alignment (torn read, bank switched behind our back) shows up as an error
 * and is flushed instead of being decoded as garbage.
 */
#include "drivers/icm42688.h"

#include <errno.h>

#include "drivers/icm42688_regs.h"

/* Definitions */

/* ODR codes we offer (GYRO_CONFIG0 / ACCEL_CONFIG0). */
static const bc_imu_choice icm42688_rates[] = {
	{ ICM42688_ODR_100HZ, 100 },
	{ ICM42688_ODR_200HZ, 200 },
	{ ICM42688_ODR_500HZ, 500 },
	{ ICM42688_ODR_1KHZ, 1000 },
};
static const bc_imu_choice icm42688_accel_ranges[] = {
	{ ICM42688_ACCEL_FS_2G, 2 },
	{ ICM42688_ACCEL_FS_4G, 4 },
	{ ICM42688_ACCEL_FS_8G, 8 },
	{ ICM42688_ACCEL_FS_16G, 16 },
};
static const bc_imu_choice icm42688_gyro_ranges[] = {
	{ ICM42688_GYRO_FS_250DPS, 250 },
	{ ICM42688_GYRO_FS_500DPS, 500 },
	{ ICM42688_GYRO_FS_1000DPS, 1000 },
	{ ICM42688_GYRO_FS_2000DPS, 2000 },
};
/* Datasheet sensitivities by GYRO_FS_SEL code 0..3 (2000 .. 250 °/s), LSB per °/s. */
static const float icm42688_gyro_lsb_per_dps[] = { 16.4f, 32.8f, 65.5f, 131.0f };

/* UI filter bandwidth divisors for codes 1..7 of max(400 Hz, ODR) (GYRO_ACCEL_CONFIG0). */
static const float icm42688_bw_divisors[] = { 4, 5, 8, 10, 16, 20, 40 };
#define ICM42688_BW_CHOICES (1 + BC_ARRAY_SIZE(icm42688_bw_divisors))

static int icm42688_init(bc_imu *imu, const bc_imu_settings *s);
static int icm42688_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow);
static int icm42688_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n);
static int icm42688_fifo_reset(bc_imu *imu);

static const bc_imu_driver icm42688_driver = {
	.family = "icm42688",
	.init = icm42688_init,
	.fifo_status = icm42688_fifo_status,
	.fifo_read = icm42688_fifo_read,
	.fifo_reset = icm42688_fifo_reset,
};

const bc_imu_variant bc_icm42688_variants[] = {
	[BC_ICM42688P] = {
		.name = "ICM-42688-P", .trace_name = "icm42688",
		.id_reg = ICM42688_REG_WHO_AM_I, .id_value = ICM42688_WHO_AM_I_VALUE,
		.bank_sel_reg = ICM42688_REG_BANK_SEL, .fifo_bytes = ICM42688_FIFO_BYTES,
		.driver = &icm42688_driver,
	},
};

/* Functions */

static int wr(bc_imu *imu, uint8_t reg, uint8_t value)
{
	return bc_i2c_write(imu->bus, imu->addr, reg, value);
}

/* Bank 0 holds everything we use; any failure forgets which bank is selected. */
static int select_bank0(bc_imu *imu)
{
	int rc = wr(imu, ICM42688_REG_BANK_SEL, 0);
	imu->bank = rc ? -1 : 0;
	return rc;
}

/* The bandwidths the UI filter offers at rate_hz: code 0 is ODR / 2, the rest divide max(400, ODR). */
static void bandwidth_choices(float rate_hz, bc_imu_choice out[ICM42688_BW_CHOICES])
{
	float base = rate_hz > ICM42688_BW_FLOOR_HZ ? rate_hz : ICM42688_BW_FLOOR_HZ;
	out[0] = (bc_imu_choice){ ICM42688_BW_ODR_DIV_2, rate_hz / 2 };
	for (size_t i = 0; i < BC_ARRAY_SIZE(icm42688_bw_divisors); i++)
		out[i + 1] = (bc_imu_choice){ (uint8_t)(i + 1), base / icm42688_bw_divisors[i] };
}

/*
 * Soft reset, then configure with both sensors off (the ODR and range
 * registers may be written at any time, but the FIFO should start clean),
 * then turn them on in low-noise mode and wait out the gyro's start-up so the
 * FIFO holds no start-up samples when it is flushed.
 */
static int icm42688_init(bc_imu *imu, const bc_imu_settings *s)
{
	uint8_t status;
	int rc;

	/* DEVICE_CONFIG is a bank-0 register: another program may have left bank 1..4 selected. */
	if ((rc = select_bank0(imu)) ||
	    (rc = wr(imu, ICM42688_REG_DEVICE_CONFIG, ICM42688_SOFT_RESET)))
		return rc;
	bc_imu_sleep_ms(imu, 2); /* DEVICE_CONFIG: 1 ms before any register access */
	/* The reset selected bank 0 again; RESET_DONE tells it really happened. */
	if ((rc = select_bank0(imu)) ||
	    (rc = bc_imu_read_reg(imu, ICM42688_REG_INT_STATUS, &status)))
		return rc;
	if (!(status & ICM42688_INT_RESET_DONE))
		return -EIO;

	const bc_imu_choice *rate = bc_imu_pick_nearest(
		icm42688_rates, BC_ARRAY_SIZE(icm42688_rates), bc_imu_rate_wanted_hz(s));
	bc_imu_choice bw[ICM42688_BW_CHOICES];
	bandwidth_choices(rate->value, bw);
	const bc_imu_choice *lpf = bc_imu_pick_at_most(bw, ICM42688_BW_CHOICES,
						       bc_imu_lpf_target_hz(s, rate->value));
	const bc_imu_choice *ar = bc_imu_pick_at_least(
		icm42688_accel_ranges, BC_ARRAY_SIZE(icm42688_accel_ranges), s->accel_range_g);
	const bc_imu_choice *gr = bc_imu_pick_at_least(
		icm42688_gyro_ranges, BC_ARRAY_SIZE(icm42688_gyro_ranges), s->gyro_range_dps);

	if ((rc = bc_imu_write_verify(imu, ICM42688_REG_INT_CONFIG1,
				      0)) || /* INT_ASYNC_RESET off */
	    (rc = bc_imu_write_verify(imu, ICM42688_REG_INT_CONFIG,
				      ICM42688_INT1_ACTIVE_HIGH | ICM42688_INT1_PUSH_PULL)) ||
	    (rc = bc_imu_write_verify(imu, ICM42688_REG_GYRO_CONFIG0,
				      (uint8_t)(gr->field << ICM42688_FS_SHIFT | rate->field))) ||
	    (rc = bc_imu_write_verify(imu, ICM42688_REG_ACCEL_CONFIG0,
				      (uint8_t)(ar->field << ICM42688_FS_SHIFT | rate->field))) ||
	    (rc = bc_imu_write_verify(
		     imu, ICM42688_REG_GYRO_ACCEL_CONFIG0,
		     (uint8_t)(lpf->field << ICM42688_ACCEL_BW_SHIFT | lpf->field))) ||
	    (rc = bc_imu_write_verify(imu, ICM42688_REG_FIFO_CONFIG1,
				      ICM42688_FIFO_ACCEL_EN | ICM42688_FIFO_GYRO_EN |
					      ICM42688_FIFO_TEMP_EN)) || /* packet 3 */
	    (rc = bc_imu_write_verify(imu, ICM42688_REG_FIFO_CONFIG, ICM42688_FIFO_MODE_STREAM)) ||
	    (rc = bc_imu_write_verify(imu, ICM42688_REG_INT_SOURCE0,
				      s->data_ready_int ? ICM42688_INT1_UI_DRDY_EN : 0)))
		return rc;

	/* No register writes for 200 µs after the gyro leaves OFF; 30 ms to valid gyro data. */
	if ((rc = wr(imu, ICM42688_REG_PWR_MGMT0, ICM42688_PWR_GYRO_LN | ICM42688_PWR_ACCEL_LN)))
		return rc;
	bc_imu_sleep_ms(imu, ICM42688_GYRO_STARTUP_MS + 5);
	if ((rc = bc_imu_read_reg(imu, ICM42688_REG_PWR_MGMT0, &status)))
		return rc;
	if (status != (ICM42688_PWR_GYRO_LN | ICM42688_PWR_ACCEL_LN))
		return -EIO;
	if ((rc = icm42688_fifo_reset(imu)))
		return rc;

	imu->config = (bc_imu_config){
		.rate_hz = rate->value,
		.accel_range_g = ar->value,
		.gyro_range_dps = gr->value,
		.accel_lpf_hz = lpf->value,
		.gyro_lpf_hz = lpf->value,
		.accel_g_per_lsb = ar->value / 32768.0f,
		.gyro_dps_per_lsb = 1.0f / icm42688_gyro_lsb_per_dps[gr->field],
	};
	return 0;
}

/*
 * INT_STATUS and FIFO_COUNTH/L are adjacent: one 3-byte read gives the FIFO
 * full flag (stream mode drops the oldest packets from here on) and the byte
 * count, latched together. A count that is not whole packets means the
 * alignment is gone, which needs a flush just like an overflow.
 */
static int icm42688_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow)
{
	uint8_t b[3];
	int rc = bc_i2c_read(imu->bus, imu->addr, ICM42688_REG_INT_STATUS, b, sizeof(b));
	if (rc)
		return rc;
	size_t count = (size_t)b[1] << 8 | b[2];
	*overflow = (b[0] & ICM42688_INT_FIFO_FULL) || count % ICM42688_PACKET3_BYTES != 0 ||
		    count > imu->variant->fifo_bytes;
	*n_samples = *overflow ? 0 : count / ICM42688_PACKET3_BYTES;
	return 0;
}

static int icm42688_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n)
{
	enum { PER_BURST = BC_IMU_MAX_BURST_BYTES / ICM42688_PACKET3_BYTES };
	const uint8_t want = ICM42688_HDR_ACCEL | ICM42688_HDR_GYRO;
	const uint8_t mask = ICM42688_HDR_MSG | want | ICM42688_HDR_20BIT;
	uint8_t buf[PER_BURST * ICM42688_PACKET3_BYTES];
	float ka = imu->config.accel_g_per_lsb, kg = imu->config.gyro_dps_per_lsb;

	while (n > 0) {
		size_t k = n < PER_BURST ? n : PER_BURST;
		int rc = bc_i2c_read(imu->bus, imu->addr, ICM42688_REG_FIFO_DATA, buf,
				     k * ICM42688_PACKET3_BYTES);
		if (rc)
			return rc;
		for (size_t i = 0; i < k; i++, out++) {
			const uint8_t *p = buf + i * ICM42688_PACKET3_BYTES;
			if ((p[0] & mask) != want)
				return -EBADMSG; /* not a packet 3 header: out of step */
			const uint8_t *a = p + ICM42688_PKT3_ACCEL_OFFSET;
			const uint8_t *g = p + ICM42688_PKT3_GYRO_OFFSET;
			out->accel_g = bc_vec3_make(bc_be16(a) * ka, bc_be16(a + 2) * ka,
						    bc_be16(a + 4) * ka);
			out->gyro_dps = bc_vec3_make(bc_be16(g) * kg, bc_be16(g + 2) * kg,
						     bc_be16(g + 4) * kg);
		}
		n -= k;
	}
	return 0;
}

/*
 * FIFO_FLUSH (SIGNAL_PATH_RESET) empties the FIFO and clears the full state.
 * Bank 0 is selected first: this runs after every fault, so a bank switched
 * behind our back is put right here too.
 */
static int icm42688_fifo_reset(bc_imu *imu)
{
	int rc = select_bank0(imu);
	if (!rc)
		rc = wr(imu, ICM42688_REG_SIGNAL_PATH_RESET, ICM42688_FIFO_FLUSH);
	return rc;
}
