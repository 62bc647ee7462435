/* SPDX-License-Identifier: MIT */
/*
 * Register model of the MPU-6050 / 6500 / 9250 (RM-MPU-6000A, RM-MPU-6500A):
 * reset and sleep in PWR_MGMT_1, FIFO_EN selecting what a sample pushes,
 * FIFO_RESET honoured only while FIFO_EN is clear, FIFO_R_W popping without
 * address increment, INT_STATUS cleared on read, the oldest FIFO bytes
 * overwritten when full.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/mpu6050_regs.h"
#include "models/chip_model_priv.h"

#define R(m, reg) ((m)->regs[0][(reg)])

/* Die temperature the model reports, °C (RM-MPU-6000A: T = raw / 340 + 36.53). */
#define MODEL_TEMP_C 25.0

static const double gyro_lsb_per_dps[] = { 131.0, 65.5, 32.8, 16.4 };

static void mpu_reset(bc_chip_model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	R(m, MPU6050_REG_PWR_MGMT_1) = MPU6050_PWR1_SLEEP;
	R(m, MPU6050_REG_WHO_AM_I) = m->id_value;
	bc_model_fifo_clear(m);
}

static uint8_t mpu_read_byte(bc_chip_model *m, uint8_t reg)
{
	uint8_t v;
	switch (reg) {
	case MPU6050_REG_FIFO_R_W:
		return bc_model_fifo_pop(m);
	case MPU6050_REG_FIFO_COUNT_H:
		return (uint8_t)(m->fifo_len >> 8);
	case MPU6050_REG_FIFO_COUNT_L:
		return (uint8_t)m->fifo_len;
	case MPU6050_REG_INT_STATUS:
		v = R(m, reg);
		R(m, reg) = 0;
		return v;
	default:
		return R(m, reg & 0x7f);
	}
}

static uint8_t mpu_next_reg(const bc_chip_model *m, uint8_t reg)
{
	(void)m;
	return reg == MPU6050_REG_FIFO_R_W ? reg : (uint8_t)((reg + 1) & 0x7f);
}

static void mpu_write(bc_chip_model *m, uint8_t reg, uint8_t value)
{
	switch (reg) {
	case MPU6050_REG_PWR_MGMT_1:
		if (value & MPU6050_PWR1_DEVICE_RESET) {
			mpu_reset(m);
			return;
		}
		break;
	case MPU6050_REG_USER_CTRL:
		if ((value & MPU6050_USER_FIFO_RESET) && !(value & MPU6050_USER_FIFO_EN))
			bc_model_fifo_clear(m);
		value &= (uint8_t)~MPU6050_USER_FIFO_RESET; /* self-clearing */
		break;
	case MPU6050_REG_WHO_AM_I:
	case MPU6050_REG_INT_STATUS:
	case MPU6050_REG_FIFO_COUNT_H:
	case MPU6050_REG_FIFO_COUNT_L:
		return; /* read-only */
	case MPU6050_REG_FIFO_R_W:
		return; /* host writes into the FIFO: not modelled */
	default:
		break;
	}
	R(m, reg) = value;
}

static double mpu_accel_lsb(const bc_chip_model *m)
{
	return 16384.0 / (1 << ((R(m, MPU6050_REG_ACCEL_CONFIG) & MPU6050_FS_MASK) >> 3));
}

static double mpu_gyro_lsb(const bc_chip_model *m)
{
	return gyro_lsb_per_dps[(R(m, MPU6050_REG_GYRO_CONFIG) & MPU6050_FS_MASK) >> 3];
}

static double mpu_accel_range(const bc_chip_model *m)
{
	return 2.0 * (1 << ((R(m, MPU6050_REG_ACCEL_CONFIG) & MPU6050_FS_MASK) >> 3));
}

static double mpu_gyro_range(const bc_chip_model *m)
{
	return 250.0 * (1 << ((R(m, MPU6050_REG_GYRO_CONFIG) & MPU6050_FS_MASK) >> 3));
}

static double mpu_odr(const bc_chip_model *m)
{
	if (R(m, MPU6050_REG_PWR_MGMT_1) & MPU6050_PWR1_SLEEP)
		return 0;
	unsigned cfg = R(m, MPU6050_REG_CONFIG) & MPU6050_DLPF_CFG_MASK;
	double base = (cfg == 0 || cfg == 7) ? 8000.0 : 1000.0;
	return base / (1 + R(m, MPU6050_REG_SMPLRT_DIV));
}

/* The frame FIFO_EN selects, in register order (RM-MPU-6000A §4.7). */
static void mpu_push_frame(bc_chip_model *m)
{
	uint8_t en = R(m, MPU6050_REG_FIFO_EN), f[14];
	size_t n = 0;
	if (!(R(m, MPU6050_REG_USER_CTRL) & MPU6050_USER_FIFO_EN))
		return;
	if (en & MPU6050_FIFO_EN_ACCEL) {
		memcpy(f + n, &R(m, MPU6050_REG_ACCEL_XOUT_H), 6);
		n += 6;
	}
	if (en & MPU6050_FIFO_EN_TEMP) {
		memcpy(f + n, &R(m, MPU6050_REG_TEMP_OUT_H), 2);
		n += 2;
	}
	for (int axis = 0; axis < 3; axis++) {
		if (en & (MPU6050_FIFO_EN_XG >> axis)) {
			memcpy(f + n, &R(m, MPU6050_REG_GYRO_XOUT_H + 2 * axis), 2);
			n += 2;
		}
	}
	if (n)
		bc_model_fifo_push(m, f, n);
	if (m->fifo_overflowed)
		R(m, MPU6050_REG_INT_STATUS) |= MPU6050_INT_FIFO_OFLOW;
}

static int mpu_feed(bc_chip_model *m, const bc_sample *s)
{
	double ka = mpu_accel_lsb(m), kg = mpu_gyro_lsb(m);
	uint8_t *a = &R(m, MPU6050_REG_ACCEL_XOUT_H), *g = &R(m, MPU6050_REG_GYRO_XOUT_H);
	bc_model_put_axes_be(a, s->accel_g, ka);
	bc_model_put_be16(&R(m, MPU6050_REG_TEMP_OUT_H), bc_model_raw(MODEL_TEMP_C - 36.53, 340.0));
	bc_model_put_axes_be(g, s->gyro_dps, kg);
	mpu_push_frame(m);
	R(m, MPU6050_REG_INT_STATUS) |= MPU6050_INT_DATA_RDY;
	return (R(m, MPU6050_REG_INT_ENABLE) & MPU6050_INT_DATA_RDY) != 0;
}

/* The aux bus (the MPU-9250's AK8963) joins ours with BYPASS_EN and the master off. */
static bool mpu_aux_bypass(const bc_chip_model *m)
{
	return (R(m, MPU6050_REG_INT_PIN_CFG) & MPU6050_INT_BYPASS_EN) &&
	       !(R(m, MPU6050_REG_USER_CTRL) & MPU6050_USER_I2C_MST_EN);
}

static const bc_chip_model_ops mpu_ops = {
	.reset = mpu_reset,
	.read_byte = mpu_read_byte,
	.next_reg = mpu_next_reg,
	.write = mpu_write,
	.feed = mpu_feed,
	.odr_hz = mpu_odr,
	.accel_lsb_per_g = mpu_accel_lsb,
	.gyro_lsb_per_dps = mpu_gyro_lsb,
	.accel_range_g = mpu_accel_range,
	.gyro_range_dps = mpu_gyro_range,
	.push_frame = mpu_push_frame,
	.aux_bypass = mpu_aux_bypass,
};

bc_chip_model *bc_mpu6050_model_new(bc_chip_kind variant)
{
	const char *name;
	uint8_t id;
	size_t fifo;
	switch (variant) {
	case BC_CHIP_MPU6050:
		name = "MPU-6050", id = MPU6050_WHO_AM_I_6050, fifo = 1024;
		break;
	case BC_CHIP_MPU6500:
		name = "MPU-6500", id = MPU6050_WHO_AM_I_6500, fifo = 512;
		break;
	case BC_CHIP_MPU9250:
		name = "MPU-9250", id = MPU6050_WHO_AM_I_9250, fifo = 512;
		break;
	default:
		return NULL;
	}
	bc_chip_model *m = malloc(sizeof(*m));
	if (m)
		bc_model_init(m, &mpu_ops, variant, name, id, fifo, 1);
	return m;
}
