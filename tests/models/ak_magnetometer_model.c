/* SPDX-License-Identifier: MIT */
/*
 * Register model of the AK8963 (MS1356-E, inside the MPU-9250) and the
 * AK09916 (DS-000189 §12–13, inside the ICM-20948): soft reset; measurement
 * modes that change only through power-down; the AK8963's fuse ROM readable
 * only in fuse-ROM mode and its 14/16-bit output; data latched until ST2 is
 * read (DRDY cleared, DOR set when a measurement was skipped); HOFL when
 * |X| + |Y| + |Z| reaches 4912 µT; the AK09916's address wrap 0x03 → 0x10.
 *
 * feed() takes the field (mag_ut) in the host IMU's accel/gyro axes and turns
 * it into the magnetometer's own axes with the mounting the IMU datasheets
 * draw, written out here independently of the driver's tables. No FIFO, no
 * INT line. Attach it with bc_model_bus_attach_behind() so it answers only
 * while the host's bypass is on.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/ak_magnetometer_regs.h"
#include "models/chip_model_priv.h"

#define R(m, reg) ((m)->regs[0][(reg)])

/* Typical fuse values (no two axes alike, so a swapped axis shows). */
#define DEFAULT_ASA_X 0xB0
#define DEFAULT_ASA_Y 0xB3
#define DEFAULT_ASA_Z 0xA6

static bool is_ak8963(const bc_chip_model *m)
{
	return m->kind == BC_CHIP_AK8963;
}

static uint8_t reg_st1(const bc_chip_model *m)
{
	return is_ak8963(m) ? AK8963_REG_ST1 : AK09916_REG_ST1;
}

static uint8_t reg_st2(const bc_chip_model *m)
{
	return is_ak8963(m) ? AK8963_REG_ST2 : AK09916_REG_ST2;
}

static uint8_t reg_hxl(const bc_chip_model *m)
{
	return is_ak8963(m) ? AK8963_REG_HXL : AK09916_REG_HXL;
}

static uint8_t reg_mode(const bc_chip_model *m)
{
	return is_ak8963(m) ? AK8963_REG_CNTL1 : AK09916_REG_CNTL2;
}

static uint8_t mode(const bc_chip_model *m)
{
	return R(m, reg_mode(m)) & (is_ak8963(m) ? AK8963_MODE_MASK : AK09916_MODE_MASK);
}

static void ak_reset(bc_chip_model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	if (is_ak8963(m)) {
		R(m, AK8963_REG_WIA) = AK8963_WIA_VALUE;
		R(m, AK8963_REG_INFO) = 0x9A;
	} else {
		R(m, AK09916_REG_WIA1) = AK09916_WIA1_VALUE;
		R(m, AK09916_REG_WIA2) = AK09916_WIA2_VALUE;
	}
}

static uint8_t ak_read_byte(bc_chip_model *m, uint8_t reg)
{
	uint8_t v = R(m, reg & 0x7f);
	if (reg == reg_st2(m)) /* end of a data read: the next measurement may land */
		R(m, reg_st1(m)) = 0;
	if (is_ak8963(m) && reg >= AK8963_REG_ASAX && reg <= AK8963_REG_ASAZ)
		return mode(m) == AK8963_MODE_FUSE_ROM ? m->fuse[reg - AK8963_REG_ASAX] : 0;
	return v;
}

static uint8_t ak_next_reg(const bc_chip_model *m, uint8_t reg)
{
	if (!is_ak8963(m)) {
		if (reg == 0x03)
			return AK09916_REG_ST1;
		if (reg == AK09916_REG_ST2)
			return 0x00;
		if (reg == AK09916_REG_CNTL3)
			return 0x30;
	}
	return (uint8_t)((reg + 1) & 0x7f);
}

static void ak_write(bc_chip_model *m, uint8_t reg, uint8_t value)
{
	if (is_ak8963(m) && reg == AK8963_REG_CNTL2) {
		if (value & AK_SRST)
			ak_reset(m);
		return;
	}
	if (!is_ak8963(m) && reg == AK09916_REG_CNTL3) {
		if (value & AK_SRST)
			ak_reset(m);
		return;
	}
	if (reg == reg_mode(m)) {
		uint8_t mask = is_ak8963(m) ? AK8963_MODE_MASK : AK09916_MODE_MASK;
		if (mode(m) != 0 && (value & mask) != 0)
			return; /* a mode change that skips power-down is not taken */
		R(m, reg) = value;
		return;
	}
	/* everything else we model is read-only */
}

/* AK8963: 0.15 µT in 16-bit output (CNTL1.BIT), 0.6 in 14-bit. */
static double ut_per_lsb(const bc_chip_model *m)
{
	if (is_ak8963(m) && !(R(m, AK8963_REG_CNTL1) & AK8963_CNTL1_16BIT))
		return AK8963_UT_PER_LSB_14BIT;
	return AK_UT_PER_LSB_16BIT;
}

static double ak_odr(const bc_chip_model *m)
{
	if (is_ak8963(m)) {
		switch (mode(m)) {
		case AK8963_MODE_CONTINUOUS_1:
			return 8;
		case AK8963_MODE_CONTINUOUS_2:
			return 100;
		}
		return 0;
	}
	switch (mode(m)) {
	case AK09916_MODE_CONTINUOUS_1:
		return 10;
	case AK09916_MODE_CONTINUOUS_2:
		return 20;
	case AK09916_MODE_CONTINUOUS_3:
		return 50;
	case AK09916_MODE_CONTINUOUS_4:
		return 100;
	}
	return 0;
}

/*
 * The field in the magnetometer's axes. MPU-9250: mag X along accel Y, mag Y
 * along accel X, mag Z against accel Z. ICM-20948: mag X along accel X, Y and
 * Z against.
 */
static void to_mag_axes(const bc_chip_model *m, const bc_vec3 *host, double out[3])
{
	if (is_ak8963(m)) {
		out[0] = host->y;
		out[1] = host->x;
		out[2] = -host->z;
	} else {
		out[0] = host->x;
		out[1] = -host->y;
		out[2] = -host->z;
	}
}

static int ak_feed(bc_chip_model *m, const bc_sample *s)
{
	double h[3];
	to_mag_axes(m, &s->mag_ut, h);
	double limit = is_ak8963(m) && ut_per_lsb(m) > AK_UT_PER_LSB_16BIT ? 8190 : 32760;
	uint8_t *d = &R(m, reg_hxl(m));
	for (int i = 0; i < 3; i++) {
		/* the chip's raw count leaves its factory sensitivity error in */
		double adj = is_ak8963(m) ? ((double)m->fuse[i] - 128) * 0.5 / 128 + 1 : 1;
		double raw = round(h[i] / (ut_per_lsb(m) * adj));
		bc_model_put_le16(d + 2 * i, (int16_t)fmax(-limit, fmin(limit, raw)));
	}
	uint8_t *st1 = &R(m, reg_st1(m)), *st2 = &R(m, reg_st2(m));
	*st1 = (uint8_t)((*st1 & AK_ST1_DRDY ? AK_ST1_DOR : 0) | AK_ST1_DRDY);
	bool over = fabs(h[0]) + fabs(h[1]) + fabs(h[2]) >= AK_OVERFLOW_SUM_UT;
	*st2 = (uint8_t)((over ? AK_ST2_HOFL : 0) |
			 (is_ak8963(m) && ut_per_lsb(m) == AK_UT_PER_LSB_16BIT ? AK8963_ST2_BITM
									       : 0));
	return 0; /* no INT line */
}

static double zero(const bc_chip_model *m)
{
	(void)m;
	return 0;
}

static void no_frame(bc_chip_model *m)
{
	(void)m;
}

static const bc_chip_model_ops ak_ops = {
	.reset = ak_reset,
	.read_byte = ak_read_byte,
	.next_reg = ak_next_reg,
	.write = ak_write,
	.feed = ak_feed,
	.odr_hz = ak_odr,
	.accel_lsb_per_g = zero,
	.gyro_lsb_per_dps = zero,
	.accel_range_g = zero,
	.gyro_range_dps = zero,
	.push_frame = no_frame,
};

bc_chip_model *bc_ak_magnetometer_model_new(bc_chip_kind variant)
{
	const char *name;
	switch (variant) {
	case BC_CHIP_AK8963:
		name = "AK8963";
		break;
	case BC_CHIP_AK09916:
		name = "AK09916";
		break;
	default:
		return NULL;
	}
	bc_chip_model *m = malloc(sizeof(*m));
	if (!m)
		return NULL;
	bc_model_init(m, &ak_ops, variant, name, 0, 0, 1);
	bc_ak_model_set_fuse(m, DEFAULT_ASA_X, DEFAULT_ASA_Y, DEFAULT_ASA_Z);
	return m;
}

void bc_ak_model_set_fuse(bc_chip_model *m, uint8_t asa_x, uint8_t asa_y, uint8_t asa_z)
{
	m->fuse[0] = asa_x;
	m->fuse[1] = asa_y;
	m->fuse[2] = asa_z;
}
