/* SPDX-License-Identifier: MIT */
/* Inside the chip models: the common state and the per-family operations. */
#ifndef BC_CHIP_MODEL_PRIV_H
#define BC_CHIP_MODEL_PRIV_H

#include "models/chip_model.h"

#define BC_MODEL_BANKS	  8 /* ICM-42688-P: banks 0..4 */
#define BC_MODEL_REGS	  128
#define BC_MODEL_FIFO_MAX 8192

typedef struct {
	/* Power-on register values; the common part (FIFO, bank) is already cleared. */
	void (*reset)(bc_chip_model *m);
	/* One byte read on the wire at reg, with side effects (FIFO pop, clear-on-read). */
	uint8_t (*read_byte)(bc_chip_model *m, uint8_t reg);
	/* Where a burst read goes after reg (auto-increment, FIFO windows). */
	uint8_t (*next_reg)(const bc_chip_model *m, uint8_t reg);
	void (*write)(bc_chip_model *m, uint8_t reg, uint8_t value);
	/* Takes one sample; returns 1 when data-ready would pulse INT (if not stuck). */
	int (*feed)(bc_chip_model *m, const bc_sample *s);
	double (*odr_hz)(const bc_chip_model *m);
	double (*accel_lsb_per_g)(const bc_chip_model *m);
	double (*gyro_lsb_per_dps)(const bc_chip_model *m);
	double (*accel_range_g)(const bc_chip_model *m);
	double (*gyro_range_dps)(const bc_chip_model *m);
	/* Pushes one FIFO frame of the current data (for the overflow fault). */
	void (*push_frame)(bc_chip_model *m);
	/* Auxiliary bus joined to the host bus (optional; NULL = never). */
	bool (*aux_bypass)(const bc_chip_model *m);
} bc_chip_model_ops;

struct bc_chip_model {
	const bc_chip_model_ops *ops;
	bc_chip_kind kind;
	const char *name;
	uint8_t id_value;
	uint8_t regs[BC_MODEL_BANKS][BC_MODEL_REGS];
	int bank; /* selected user bank (ICM-20948), else 0 */

	/* FIFO as a byte ring; unit = bytes dropped together when full. */
	uint8_t fifo[BC_MODEL_FIFO_MAX];
	size_t fifo_head, fifo_len, fifo_cap, fifo_unit;
	bool fifo_overflowed;
	unsigned long frames; /* frames pushed since the FIFO was reset (pattern/tag counters) */
	unsigned long fifo_removed; /* bytes popped or dropped since the reset (DS3 pattern) */
	bool drdy_level;	    /* data-ready held high until data read (LSM6DS, not pulsed) */
	uint16_t count_latch;	    /* FIFO count latched by reading its first byte (ICM-42688-P) */
	uint16_t timestamp_us;	    /* ODR timestamp stamped into FIFO packets (ICM-42688-P) */
	uint8_t fuse[3]; /* fuse ROM: sensitivity adjustment (AK8963), kept across resets */

	bool plugged;
	bool writes_refused; /* reads answer, every write NACKs */
	bool int_stuck;
	unsigned nack_next, short_next;
	size_t short_min_len;
	unsigned long transfers;
	/* sensor faults: bits flipped on the wire, output frozen */
	unsigned flip_per_10000;  /* chance a FIFO data read gets one bit flipped */
	uint32_t flip_rng;	  /* its generator's state */
	unsigned long flips;	  /* bits flipped so far */
	bool frozen;		  /* FIFO frames repeat the last one */
	uint8_t frozen_frame[64]; /* that frame */
	size_t frozen_len;	  /* its length (0: none yet) */
};

/* Common helpers (chip_model.c). */
void bc_model_init(bc_chip_model *m, const bc_chip_model_ops *ops, bc_chip_kind kind,
		   const char *name, uint8_t id_value, size_t fifo_cap, size_t fifo_unit);
void bc_model_fifo_clear(bc_chip_model *m);
/* Appends bytes; when full drops the oldest whole units and flags the overflow. */
void bc_model_fifo_push(bc_chip_model *m, const uint8_t *bytes, size_t n);
/* Oldest byte (0 when empty, as the chips read). */
uint8_t bc_model_fifo_pop(bc_chip_model *m);
/* Physical value → raw count at lsb_per_unit, rounded, saturated to int16. */
int16_t bc_model_raw(double value, double lsb_per_unit);
static inline void bc_model_put_be16(uint8_t *p, int16_t v)
{
	p[0] = (uint8_t)((uint16_t)v >> 8);
	p[1] = (uint8_t)v;
}
static inline void bc_model_put_le16(uint8_t *p, int16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)((uint16_t)v >> 8);
}
/* v's x, y, z as three raw words at lsb_per_unit: the chips' data registers. */
void bc_model_put_axes_be(uint8_t *p, bc_vec3 v, double lsb_per_unit);
void bc_model_put_axes_le(uint8_t *p, bc_vec3 v, double lsb_per_unit);

#endif /* BC_CHIP_MODEL_PRIV_H */
