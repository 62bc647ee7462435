/* SPDX-License-Identifier: MIT */
/*
 * Register model of the ICM-42688-P (DS-000347): five user banks selected by
 * REG_BANK_SEL (present in every bank); a soft reset in DEVICE_CONFIG that
 * restores the power-on values and raises RESET_DONE; sensors off until
 * PWR_MGMT0 turns them on; ODR codes instead of a divider; a FIFO of
 * self-describing packets (1, 2 or 3 by FIFO_CONFIG1) in stream or
 * stop-on-full mode, flushed by SIGNAL_PATH_RESET; FIFO_COUNTH latching
 * FIFO_COUNTL; INT_STATUS cleared on read; and INT1 that stays quiet until
 * INT_ASYNC_RESET is cleared, as the datasheet warns.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/icm42688_regs.h"
#include "models/chip_model_priv.h"

#define B0(m, reg) ((m)->regs[0][(reg)])

/* Die temperature the model reports, °C. */
#define MODEL_TEMP_C 25.0

/* ODR by code, Hz (GYRO_CONFIG0 / ACCEL_CONFIG0); 0 = reserved. */
static const double odr_by_code[16] = {
	0, 32000, 16000, 8000, 4000, 2000, 1000, 200, 100, 50, 25, 12.5, 6.25, 3.125, 1.5625, 500,
};
static const double gyro_lsb_per_dps[8] = { 16.4, 32.8, 65.5, 131, 262, 524.3, 1048.6, 2097.2 };

/* Power-on values of the registers the model gives meaning to (bank 0). */
static void icm42688_reset(bc_chip_model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	m->bank = 0;
	B0(m, ICM42688_REG_WHO_AM_I) = m->id_value;
	B0(m, ICM42688_REG_INTF_CONFIG0) = ICM42688_INTF0_RESET_VALUE;
	B0(m, ICM42688_REG_GYRO_CONFIG0) = ICM42688_ODR_1KHZ;
	B0(m, ICM42688_REG_ACCEL_CONFIG0) = ICM42688_ODR_1KHZ;
	B0(m, ICM42688_REG_GYRO_CONFIG1) = 0x16;
	B0(m, ICM42688_REG_GYRO_ACCEL_CONFIG0) = 0x11;
	B0(m, ICM42688_REG_ACCEL_CONFIG1) = 0x0D;
	B0(m, ICM42688_REG_TMST_CONFIG) = 0x23;
	B0(m, ICM42688_REG_INT_CONFIG1) = ICM42688_INT_ASYNC_RESET;
	B0(m, ICM42688_REG_INT_SOURCE0) = ICM42688_INT1_RESET_DONE_EN;
	B0(m, ICM42688_REG_INT_STATUS) = ICM42688_INT_RESET_DONE;
	m->count_latch = 0;
	m->timestamp_us = 0;
	bc_model_fifo_clear(m);
}

/* FIFO_COUNT as INTF_CONFIG0 says: bytes or packets, big- or little-endian. */
static uint16_t fifo_count_value(const bc_chip_model *m)
{
	size_t n = m->fifo_len;
	if (B0(m, ICM42688_REG_INTF_CONFIG0) & ICM42688_INTF0_FIFO_COUNT_REC)
		n /= m->fifo_unit;
	return (uint16_t)n;
}

static bool count_big_endian(const bc_chip_model *m)
{
	return B0(m, ICM42688_REG_INTF_CONFIG0) & ICM42688_INTF0_FIFO_COUNT_BE;
}

static uint8_t icm42688_read_byte(bc_chip_model *m, uint8_t reg)
{
	if (m->bank == 0) {
		switch (reg) {
		case ICM42688_REG_FIFO_DATA:
			/* an empty FIFO reads as a header saying so */
			return m->fifo_len ? bc_model_fifo_pop(m) : ICM42688_HDR_MSG;
		case ICM42688_REG_FIFO_COUNTH: /* the first count byte latches both */
			m->count_latch = fifo_count_value(m);
			return (uint8_t)(count_big_endian(m) ? m->count_latch >> 8
							     : m->count_latch);
		case ICM42688_REG_FIFO_COUNTL:
			return (uint8_t)(count_big_endian(m) ? m->count_latch
							     : m->count_latch >> 8);
		case ICM42688_REG_INT_STATUS: {
			uint8_t v = B0(m, reg);
			B0(m, reg) = 0;
			return v;
		}
		}
	}
	return m->regs[m->bank][reg & 0x7f];
}

static uint8_t icm42688_next_reg(const bc_chip_model *m, uint8_t reg)
{
	if (m->bank == 0 && reg == ICM42688_REG_FIFO_DATA)
		return reg;
	return (uint8_t)((reg + 1) & 0x7f);
}

static void icm42688_write(bc_chip_model *m, uint8_t reg, uint8_t value)
{
	if (reg == ICM42688_REG_BANK_SEL) {
		m->bank = value & 0x07;
		for (int b = 0; b < BC_MODEL_BANKS; b++)
			m->regs[b][reg] = value & 0x07;
		return;
	}
	if (m->bank == 0) {
		if (reg >= ICM42688_REG_TEMP_DATA1 && reg <= ICM42688_REG_FIFO_DATA)
			return; /* data, status, count and FIFO: read-only here */
		switch (reg) {
		case ICM42688_REG_DEVICE_CONFIG:
			if (value & ICM42688_SOFT_RESET) {
				icm42688_reset(m);
				return;
			}
			break;
		case ICM42688_REG_SIGNAL_PATH_RESET:
			if (value & ICM42688_FIFO_FLUSH)
				bc_model_fifo_clear(m);
			value &= (uint8_t)~ICM42688_FIFO_FLUSH; /* self-clearing */
			break;
		case ICM42688_REG_WHO_AM_I:
			return;
		}
	}
	m->regs[m->bank][reg] = value;
}

static unsigned accel_fs(const bc_chip_model *m)
{
	return (B0(m, ICM42688_REG_ACCEL_CONFIG0) >> ICM42688_FS_SHIFT) & 3; /* 4..7 reserved */
}

static unsigned gyro_fs(const bc_chip_model *m)
{
	return B0(m, ICM42688_REG_GYRO_CONFIG0) >> ICM42688_FS_SHIFT;
}

static double icm42688_accel_range(const bc_chip_model *m)
{
	return 16.0 / (1 << accel_fs(m));
}

static double icm42688_accel_lsb(const bc_chip_model *m)
{
	return 32768.0 / icm42688_accel_range(m);
}

static double icm42688_gyro_range(const bc_chip_model *m)
{
	return 2000.0 / (1 << gyro_fs(m));
}

static double icm42688_gyro_lsb(const bc_chip_model *m)
{
	return gyro_lsb_per_dps[gyro_fs(m)];
}

static bool gyro_on(const bc_chip_model *m)
{
	return (B0(m, ICM42688_REG_PWR_MGMT0) & ICM42688_PWR_GYRO_MODE_MASK) ==
	       ICM42688_PWR_GYRO_LN;
}

static bool accel_on(const bc_chip_model *m)
{
	return (B0(m, ICM42688_REG_PWR_MGMT0) & ICM42688_PWR_ACCEL_MODE_MASK) >= 2; /* LP or LN */
}

/* The gyro's ODR paces the chip when it runs, else the accelerometer's. */
static double icm42688_odr(const bc_chip_model *m)
{
	if (gyro_on(m))
		return odr_by_code[B0(m, ICM42688_REG_GYRO_CONFIG0) & ICM42688_ODR_MASK];
	if (accel_on(m))
		return odr_by_code[B0(m, ICM42688_REG_ACCEL_CONFIG0) & ICM42688_ODR_MASK];
	return 0;
}

/*
 * One packet of the current data, as FIFO_CONFIG1 selects: 3 (accel + gyro,
 * 16 bytes), 1 (accel, 8) or 2 (gyro, 8). Data as in the data registers
 * (big-endian), temperature as one byte, the ODR timestamp big-endian.
 */
static void icm42688_push_frame(bc_chip_model *m)
{
	uint8_t mode = B0(m, ICM42688_REG_FIFO_CONFIG) & ICM42688_FIFO_MODE_MASK;
	uint8_t en = B0(m, ICM42688_REG_FIFO_CONFIG1);
	bool a = en & ICM42688_FIFO_ACCEL_EN, g = en & ICM42688_FIFO_GYRO_EN;
	uint8_t p[ICM42688_PACKET3_BYTES];
	size_t n = 1;

	if (mode == ICM42688_FIFO_MODE_BYPASS || !(a || g))
		return;
	p[0] = (uint8_t)((a ? ICM42688_HDR_ACCEL : 0) | (g ? ICM42688_HDR_GYRO : 0));
	if (a) {
		memcpy(p + n, &B0(m, ICM42688_REG_ACCEL_DATA_X1), 6);
		n += 6;
	}
	if (g) {
		memcpy(p + n, &B0(m, ICM42688_REG_GYRO_DATA_X1), 6);
		n += 6;
	}
	p[n++] = (uint8_t)bc_model_raw(MODEL_TEMP_C - 25.0, 2.07); /* one byte in the FIFO */
	if (a && g) {
		p[0] |= ICM42688_HDR_TMST_ODR;
		p[n++] = (uint8_t)(m->timestamp_us >> 8);
		p[n++] = (uint8_t)m->timestamp_us;
	}
	if (mode == ICM42688_FIFO_MODE_STOP && m->fifo_len + n > m->fifo_cap) {
		m->fifo_overflowed = true; /* stop-on-full: the new packet is lost */
	} else {
		bc_model_fifo_push(m, p, n);
	}
	if (m->fifo_overflowed || m->fifo_len + n > m->fifo_cap)
		B0(m, ICM42688_REG_INT_STATUS) |= ICM42688_INT_FIFO_FULL;
}

static int icm42688_feed(bc_chip_model *m, const bc_sample *s)
{
	double ka = icm42688_accel_lsb(m), kg = icm42688_gyro_lsb(m);
	uint8_t *a = &B0(m, ICM42688_REG_ACCEL_DATA_X1), *g = &B0(m, ICM42688_REG_GYRO_DATA_X1);
	bc_model_put_be16(&B0(m, ICM42688_REG_TEMP_DATA1),
			  bc_model_raw(MODEL_TEMP_C - 25.0, 132.48));
	bc_model_put_axes_be(a, s->accel_g, ka);
	bc_model_put_axes_be(g, s->gyro_dps, kg);
	m->timestamp_us = (uint16_t)(m->timestamp_us + (uint16_t)(1e6 / icm42688_odr(m) + 0.5));
	icm42688_push_frame(m);
	B0(m, ICM42688_REG_INT_STATUS) |= ICM42688_INT_DATA_RDY;
	if (B0(m, ICM42688_REG_INT_CONFIG1) & ICM42688_INT_ASYNC_RESET)
		return 0; /* INT pins misbehave until this is cleared */
	return (B0(m, ICM42688_REG_INT_SOURCE0) & ICM42688_INT1_UI_DRDY_EN) != 0;
}

static const bc_chip_model_ops icm42688_ops = {
	.reset = icm42688_reset,
	.read_byte = icm42688_read_byte,
	.next_reg = icm42688_next_reg,
	.write = icm42688_write,
	.feed = icm42688_feed,
	.odr_hz = icm42688_odr,
	.accel_lsb_per_g = icm42688_accel_lsb,
	.gyro_lsb_per_dps = icm42688_gyro_lsb,
	.accel_range_g = icm42688_accel_range,
	.gyro_range_dps = icm42688_gyro_range,
	.push_frame = icm42688_push_frame,
};

bc_chip_model *bc_icm42688_model_new(void)
{
	bc_chip_model *m = malloc(sizeof(*m));
	if (m)
		bc_model_init(m, &icm42688_ops, BC_CHIP_ICM42688, "ICM-42688-P",
			      ICM42688_WHO_AM_I_VALUE, ICM42688_FIFO_BYTES, ICM42688_PACKET3_BYTES);
	return m;
}
