/* SPDX-License-Identifier: MIT */
/*
 * Register model of the LSM6DS3 (DocID026899) and LSM6DSOX (DS12814):
 * SW_RESET, FIFO emptied by bypass mode, the DS3's untagged word FIFO with
 * its FIFO_PATTERN position, the DSOX's tagged 7-byte records, burst reads
 * that wrap inside the FIFO output window, and a data-ready signal that is a
 * level held until the output registers are read unless DRDY_PULSED is set.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/lsm6ds_regs.h"
#include "models/chip_model_priv.h"

#define R(m, reg) ((m)->regs[0][(reg)])

static const double odr_hz[16] = { 0, 12.5, 26, 52, 104, 208, 416, 833, 1666, 3332, 6664 };
static const double accel_mg_per_lsb[] = { 0.061, 0.488, 0.122, 0.244 }; /* by FS code */
static const double accel_range[] = { 2, 16, 4, 8 };
static const double gyro_mdps_per_lsb[] = { 8.75, 17.5, 35.0, 70.0 };

static bool is_dsox(const bc_chip_model *m)
{
	return m->kind == BC_CHIP_LSM6DSOX;
}

static uint8_t fifo_mode_reg(const bc_chip_model *m)
{
	return is_dsox(m) ? LSM6DSOX_REG_FIFO_CTRL4 : LSM6DS3_REG_FIFO_CTRL5;
}

static void lsm_reset(bc_chip_model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	R(m, LSM6DS_REG_WHO_AM_I) = m->id_value;
	R(m, LSM6DS_REG_CTRL3_C) = LSM6DS_CTRL3_IF_INC;
	m->drdy_level = false;
	bc_model_fifo_clear(m);
}

static uint8_t lsm_read_byte(bc_chip_model *m, uint8_t reg)
{
	if (reg >= LSM6DS_REG_OUTX_L_G && reg < LSM6DS_REG_OUTX_L_XL + 6)
		m->drdy_level = false;
	if (is_dsox(m)) {
		size_t records = m->fifo_len / LSM6DSOX_RECORD_BYTES;
		switch (reg) {
		case LSM6DSOX_REG_FIFO_STATUS1:
			return (uint8_t)records;
		case LSM6DSOX_REG_FIFO_STATUS2:
			return (uint8_t)((m->fifo_overflowed ? LSM6DSOX_STATUS2_OVR_IA |
								       LSM6DSOX_STATUS2_OVR_LATCHED
							     : 0) |
					 ((records >> 8) & LSM6DSOX_DIFF_HI_MASK));
		default:
			if (reg >= LSM6DSOX_REG_FIFO_DATA_OUT_TAG &&
			    reg < LSM6DSOX_REG_FIFO_DATA_OUT_TAG + LSM6DSOX_RECORD_BYTES)
				return bc_model_fifo_pop(m);
		}
	} else {
		size_t words = m->fifo_len / 2;
		unsigned pattern = (unsigned)((m->fifo_removed / 2) % LSM6DS3_PATTERN_WORDS);
		switch (reg) {
		case LSM6DS3_REG_FIFO_STATUS1:
			return (uint8_t)words;
		case LSM6DS3_REG_FIFO_STATUS2:
			return (uint8_t)((m->fifo_overflowed ? LSM6DS3_STATUS2_OVER_RUN : 0) |
					 (words == 0 ? LSM6DS3_STATUS2_EMPTY : 0) |
					 ((words >> 8) & LSM6DS3_DIFF_HI_MASK));
		case LSM6DS3_REG_FIFO_STATUS3:
			return (uint8_t)pattern;
		case LSM6DS3_REG_FIFO_STATUS4:
			return (uint8_t)(pattern >> 8);
		case LSM6DS3_REG_FIFO_DATA_OUT_L:
		case LSM6DS3_REG_FIFO_DATA_OUT_H:
			return bc_model_fifo_pop(m);
		}
	}
	return R(m, reg & 0x7f);
}

static uint8_t lsm_next_reg(const bc_chip_model *m, uint8_t reg)
{
	if (!(R(m, LSM6DS_REG_CTRL3_C) & LSM6DS_CTRL3_IF_INC))
		return reg;
	if (is_dsox(m) && reg == LSM6DSOX_REG_FIFO_DATA_OUT_TAG + LSM6DSOX_RECORD_BYTES - 1)
		return LSM6DSOX_REG_FIFO_DATA_OUT_TAG;
	if (!is_dsox(m) && reg == LSM6DS3_REG_FIFO_DATA_OUT_H)
		return LSM6DS3_REG_FIFO_DATA_OUT_L;
	return (uint8_t)((reg + 1) & 0x7f);
}

static void lsm_write(bc_chip_model *m, uint8_t reg, uint8_t value)
{
	if (reg == LSM6DS_REG_WHO_AM_I || (reg >= 0x1E && reg <= 0x3F) || reg >= 0x78)
		return; /* status, outputs, FIFO: read-only */
	if (reg == LSM6DS_REG_CTRL3_C && (value & LSM6DS_CTRL3_SW_RESET)) {
		lsm_reset(m);
		return;
	}
	if (reg == fifo_mode_reg(m) && (value & LSM6DS_FIFO_MODE_MASK) == LSM6DS_FIFO_MODE_BYPASS)
		bc_model_fifo_clear(m);
	R(m, reg) = value;
}

static unsigned fs_xl(const bc_chip_model *m)
{
	return (R(m, LSM6DS_REG_CTRL1_XL) >> LSM6DS_FS_SHIFT) & 3;
}

static unsigned fs_g(const bc_chip_model *m)
{
	return (R(m, LSM6DS_REG_CTRL2_G) >> LSM6DS_FS_SHIFT) & 3;
}

static double lsm_accel_lsb(const bc_chip_model *m)
{
	return 1.0 / (accel_mg_per_lsb[fs_xl(m)] * 1e-3);
}

static double lsm_gyro_lsb(const bc_chip_model *m)
{
	return 1.0 / (gyro_mdps_per_lsb[fs_g(m)] * 1e-3);
}

static double lsm_accel_range(const bc_chip_model *m)
{
	return accel_range[fs_xl(m)];
}

static double lsm_gyro_range(const bc_chip_model *m)
{
	return 250.0 * (1 << fs_g(m));
}

/* The sample clock is the gyro's; the accel must run too for a whole sample. */
static double lsm_odr(const bc_chip_model *m)
{
	unsigned xl = R(m, LSM6DS_REG_CTRL1_XL) >> LSM6DS_ODR_SHIFT;
	unsigned g = R(m, LSM6DS_REG_CTRL2_G) >> LSM6DS_ODR_SHIFT;
	return xl && g ? odr_hz[g] : 0;
}

static void push_dsox_record(bc_chip_model *m, uint8_t tag, uint8_t first_reg)
{
	uint8_t rec[LSM6DSOX_RECORD_BYTES];
	unsigned cnt = (unsigned)(m->frames & 3);
	rec[0] = (uint8_t)(tag << LSM6DSOX_TAG_SHIFT | cnt << 1);
	memcpy(rec + 1, &R(m, first_reg), 6);
	bc_model_fifo_push(m, rec, sizeof(rec));
}

static void lsm_push_frame(bc_chip_model *m)
{
	uint8_t mode = R(m, fifo_mode_reg(m)) & LSM6DS_FIFO_MODE_MASK;
	if (mode == LSM6DS_FIFO_MODE_BYPASS)
		return;
	if (is_dsox(m)) {
		uint8_t bdr = R(m, LSM6DSOX_REG_FIFO_CTRL3);
		if (bdr >> 4)
			push_dsox_record(m, LSM6DSOX_TAG_GYRO, LSM6DS_REG_OUTX_L_G);
		if (bdr & 0x0f)
			push_dsox_record(m, LSM6DSOX_TAG_ACCEL, LSM6DS_REG_OUTX_L_XL);
	} else {
		uint8_t dec = R(m, LSM6DS3_REG_FIFO_CTRL3);
		uint8_t words[12];
		size_t n = 0;
		if ((R(m, LSM6DS3_REG_FIFO_CTRL5) >> LSM6DS3_FIFO_ODR_SHIFT) == 0)
			return; /* FIFO ODR off */
		if ((dec >> 3) & 7) {
			memcpy(words, &R(m, LSM6DS_REG_OUTX_L_G), 6);
			n = 6;
		}
		if (dec & 7) {
			memcpy(words + n, &R(m, LSM6DS_REG_OUTX_L_XL), 6);
			n += 6;
		}
		if (n)
			bc_model_fifo_push(m, words, n);
	}
}

static int lsm_feed(bc_chip_model *m, const bc_sample *s)
{
	double ka = lsm_accel_lsb(m), kg = lsm_gyro_lsb(m);
	uint8_t *g = &R(m, LSM6DS_REG_OUTX_L_G), *a = &R(m, LSM6DS_REG_OUTX_L_XL);
	bc_model_put_axes_le(g, s->gyro_dps, kg);
	bc_model_put_axes_le(a, s->accel_g, ka);
	lsm_push_frame(m);
	if (!(R(m, LSM6DS_REG_INT1_CTRL) & (LSM6DS_INT1_DRDY_G | LSM6DS_INT1_DRDY_XL)))
		return 0;
	if (R(m, LSM6DS_REG_DRDY_PULSE_CFG) & LSM6DS_DRDY_PULSED)
		return 1;
	/* Latched level: a new rising edge only after the outputs were read. */
	bool was_high = m->drdy_level;
	m->drdy_level = true;
	return !was_high;
}

static const bc_chip_model_ops lsm_ops = {
	.reset = lsm_reset,
	.read_byte = lsm_read_byte,
	.next_reg = lsm_next_reg,
	.write = lsm_write,
	.feed = lsm_feed,
	.odr_hz = lsm_odr,
	.accel_lsb_per_g = lsm_accel_lsb,
	.gyro_lsb_per_dps = lsm_gyro_lsb,
	.accel_range_g = lsm_accel_range,
	.gyro_range_dps = lsm_gyro_range,
	.push_frame = lsm_push_frame,
};

bc_chip_model *bc_lsm6ds_model_new(bc_chip_kind variant)
{
	bc_chip_model *m;
	if (variant != BC_CHIP_LSM6DS3 && variant != BC_CHIP_LSM6DSOX)
		return NULL;
	m = malloc(sizeof(*m));
	if (!m)
		return NULL;
	if (variant == BC_CHIP_LSM6DS3)
		bc_model_init(m, &lsm_ops, variant, "LSM6DS3", LSM6DS3_WHO_AM_I_VALUE, 8192, 2);
	else
		bc_model_init(m, &lsm_ops, variant, "LSM6DSOX", LSM6DSOX_WHO_AM_I_VALUE,
			      512 * LSM6DSOX_RECORD_BYTES, LSM6DSOX_RECORD_BYTES);
	return m;
}
