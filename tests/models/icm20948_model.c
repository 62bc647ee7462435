/* SPDX-License-Identifier: MIT */
/*
 * Register model of the ICM-20948 (DS-000189): four user banks selected by
 * REG_BANK_SEL (present in every bank), reset and sleep in bank 0's
 * PWR_MGMT_1, rates and ranges in bank 2, FIFO_EN_2 choosing the frame,
 * FIFO held empty while FIFO_RST is asserted, FIFO_R_W popping in place.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/icm20948_regs.h"
#include "models/chip_model_priv.h"

#define B0(m, reg) ((m)->regs[0][(reg)])
#define B2(m, reg) ((m)->regs[2][(reg)])

static const double gyro_lsb_per_dps[] = { 131.0, 65.5, 32.8, 16.4 };

static void icm_reset(bc_chip_model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	m->bank = 0;
	B0(m, ICM20948_B0_WHO_AM_I) = m->id_value;
	B0(m, ICM20948_B0_PWR_MGMT_1) = ICM20948_PWR1_SLEEP | ICM20948_PWR1_CLKSEL_AUTO;
	B0(m, ICM20948_B0_LP_CONFIG) = 0x40;
	B2(m, ICM20948_B2_GYRO_CONFIG_1) = ICM20948_FCHOICE;
	B2(m, ICM20948_B2_ACCEL_CONFIG) = ICM20948_FCHOICE;
	bc_model_fifo_clear(m);
}

static uint8_t icm_read_byte(bc_chip_model *m, uint8_t reg)
{
	if (m->bank == 0) {
		switch (reg) {
		case ICM20948_B0_FIFO_R_W:
			return bc_model_fifo_pop(m);
		case ICM20948_B0_FIFO_COUNTH:
			return (uint8_t)((m->fifo_len >> 8) & 0x1f);
		case ICM20948_B0_FIFO_COUNTL:
			return (uint8_t)m->fifo_len;
		case ICM20948_B0_INT_STATUS_1: {
			uint8_t v = B0(m, reg);
			B0(m, reg) = 0;
			return v;
		}
		}
	}
	return m->regs[m->bank][reg & 0x7f];
}

static uint8_t icm_next_reg(const bc_chip_model *m, uint8_t reg)
{
	if (m->bank == 0 && reg == ICM20948_B0_FIFO_R_W)
		return reg;
	return (uint8_t)((reg + 1) & 0x7f);
}

static void icm_write(bc_chip_model *m, uint8_t reg, uint8_t value)
{
	if (reg == ICM20948_REG_BANK_SEL) {
		m->bank = (value >> ICM20948_BANK_SHIFT) & 3;
		for (int b = 0; b < BC_MODEL_BANKS; b++)
			m->regs[b][reg] = value & 0x30;
		return;
	}
	if (m->bank == 0) {
		switch (reg) {
		case ICM20948_B0_PWR_MGMT_1:
			if (value & ICM20948_PWR1_DEVICE_RESET) {
				icm_reset(m);
				return;
			}
			break;
		case ICM20948_B0_FIFO_RST:
			if (value & ICM20948_FIFO_RESET_ALL)
				bc_model_fifo_clear(m);
			break;
		case ICM20948_B0_WHO_AM_I:
		case ICM20948_B0_FIFO_COUNTH:
		case ICM20948_B0_FIFO_COUNTL:
		case ICM20948_B0_INT_STATUS_1:
			return;
		}
	}
	m->regs[m->bank][reg] = value;
}

static unsigned fs(uint8_t config)
{
	return (config >> ICM20948_FS_SHIFT) & 3;
}

static double icm_accel_lsb(const bc_chip_model *m)
{
	return 16384.0 / (1 << fs(B2(m, ICM20948_B2_ACCEL_CONFIG)));
}

static double icm_gyro_lsb(const bc_chip_model *m)
{
	return gyro_lsb_per_dps[fs(B2(m, ICM20948_B2_GYRO_CONFIG_1))];
}

static double icm_accel_range(const bc_chip_model *m)
{
	return 2.0 * (1 << fs(B2(m, ICM20948_B2_ACCEL_CONFIG)));
}

static double icm_gyro_range(const bc_chip_model *m)
{
	return 250.0 * (1 << fs(B2(m, ICM20948_B2_GYRO_CONFIG_1)));
}

/* The gyro's rate is the sample clock (ODR_ALIGN_EN keeps the accel on it). */
static double icm_odr(const bc_chip_model *m)
{
	if (B0(m, ICM20948_B0_PWR_MGMT_1) & ICM20948_PWR1_SLEEP)
		return 0;
	double base = (B2(m, ICM20948_B2_GYRO_CONFIG_1) & ICM20948_FCHOICE) ? 1125.0 : 9000.0;
	return base / (1 + B2(m, ICM20948_B2_GYRO_SMPLRT_DIV));
}

static void icm_push_frame(bc_chip_model *m)
{
	uint8_t en = B0(m, ICM20948_B0_FIFO_EN_2), f[14];
	size_t n = 0;
	if (!(B0(m, ICM20948_B0_USER_CTRL) & ICM20948_USER_FIFO_EN) ||
	    (B0(m, ICM20948_B0_FIFO_RST) & ICM20948_FIFO_RESET_ALL))
		return;
	if (en & ICM20948_FIFO_EN2_ACCEL) {
		memcpy(f, &B0(m, ICM20948_B0_ACCEL_XOUT_H), 6);
		n = 6;
	}
	static const uint8_t gyro_bits[] = { ICM20948_FIFO_EN2_GYRO_X, ICM20948_FIFO_EN2_GYRO_Y,
					     ICM20948_FIFO_EN2_GYRO_Z };
	for (int axis = 0; axis < 3; axis++) {
		if (en & gyro_bits[axis]) {
			memcpy(f + n, &B0(m, ICM20948_B0_GYRO_XOUT_H + 2 * axis), 2);
			n += 2;
		}
	}
	if (en & ICM20948_FIFO_EN2_TEMP) {
		memcpy(f + n, &B0(m, ICM20948_B0_TEMP_OUT_H), 2);
		n += 2;
	}
	if (n)
		bc_model_fifo_push(m, f, n);
	if (m->fifo_overflowed)
		B0(m, ICM20948_B0_INT_STATUS_2) = ICM20948_FIFO_OVERFLOW_ALL;
}

static int icm_feed(bc_chip_model *m, const bc_sample *s)
{
	double ka = icm_accel_lsb(m), kg = icm_gyro_lsb(m);
	uint8_t *a = &B0(m, ICM20948_B0_ACCEL_XOUT_H), *g = &B0(m, ICM20948_B0_GYRO_XOUT_H);
	bc_model_put_axes_be(a, s->accel_g, ka);
	bc_model_put_axes_be(g, s->gyro_dps, kg);
	bc_model_put_be16(&B0(m, ICM20948_B0_TEMP_OUT_H), bc_model_raw(25.0 - 21.0, 333.87));
	icm_push_frame(m);
	B0(m, ICM20948_B0_INT_STATUS_1) |= ICM20948_INT1_RAW_DATA_0_RDY;
	return (B0(m, ICM20948_B0_INT_ENABLE_1) & ICM20948_INT1_RAW_DATA_0_RDY) != 0;
}

/* The aux bus (the AK09916) joins ours with BYPASS_EN and the I2C master off. */
static bool icm_aux_bypass(const bc_chip_model *m)
{
	return (B0(m, ICM20948_B0_INT_PIN_CFG) & ICM20948_INT_PIN_BYPASS_EN) &&
	       !(B0(m, ICM20948_B0_USER_CTRL) & ICM20948_USER_I2C_MST_EN);
}

static const bc_chip_model_ops icm_ops = {
	.reset = icm_reset,
	.read_byte = icm_read_byte,
	.next_reg = icm_next_reg,
	.write = icm_write,
	.feed = icm_feed,
	.odr_hz = icm_odr,
	.accel_lsb_per_g = icm_accel_lsb,
	.gyro_lsb_per_dps = icm_gyro_lsb,
	.accel_range_g = icm_accel_range,
	.gyro_range_dps = icm_gyro_range,
	.push_frame = icm_push_frame,
	.aux_bypass = icm_aux_bypass,
};

bc_chip_model *bc_icm20948_model_new(void)
{
	bc_chip_model *m = malloc(sizeof(*m));
	if (m)
		bc_model_init(m, &icm_ops, BC_CHIP_ICM20948, "ICM-20948", ICM20948_WHO_AM_I_VALUE,
			      512, 1);
	return m;
}
