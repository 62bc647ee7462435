/* SPDX-License-Identifier: MIT */
/*
 * Register-level models of the IMU chips, for tests without hardware (and
 * for the umockdev tests, which forward a fake /dev/i2c-1 to them).
 *
 * A model holds the chip's registers in an array. Writes have the chip's side
 * effects (reset, bank select, FIFO enable/reset); reads copy registers out
 * with the chip's address auto-increment, and reading the FIFO data register
 * pops the FIFO. bc_chip_model_feed() turns one physical sample (g, °/s) into
 * the raw bytes the chip would hold for its configured ranges (saturating at
 * full scale), updates the data registers and pushes a FIFO frame.
 *
 * Faults are injected per model: NACK the next N transfers, tear the next
 * read short, unplug (every transfer NACKs) and replug (power-on state),
 * overflow the FIFO, hold the INT line stuck.
 *
 * Time is the test's: models do not run clocks. bc_model_world (model_world.h)
 * feeds samples at the model's configured rate in virtual time.
 */
#ifndef BC_CHIP_MODEL_H
#define BC_CHIP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sample.h"

typedef enum {
	BC_CHIP_MPU6050,
	BC_CHIP_MPU6500,
	BC_CHIP_MPU9250,
	BC_CHIP_LSM6DS3,
	BC_CHIP_LSM6DSOX,
	BC_CHIP_ICM20948,
	BC_CHIP_ICM42688,
	BC_CHIP_AK8963,	 /* magnetometer inside the MPU-9250 */
	BC_CHIP_AK09916, /* magnetometer inside the ICM-20948 */
} bc_chip_kind;

typedef struct bc_chip_model bc_chip_model;

/* Constructors per family (variant picks the WHO_AM_I and quirks). NULL on bad kind. */
bc_chip_model *bc_mpu6050_model_new(bc_chip_kind variant); /* MPU6050/6500/9250 */
bc_chip_model *bc_lsm6ds_model_new(bc_chip_kind variant);  /* LSM6DS3/LSM6DSOX */
bc_chip_model *bc_icm20948_model_new(void);
bc_chip_model *bc_icm42688_model_new(void);
bc_chip_model *bc_ak_magnetometer_model_new(bc_chip_kind variant); /* AK8963/AK09916 */

/*
 * AK8963 fuse ROM: the sensitivity adjustment values ASAX..ASAZ the chip
 * reads out in fuse-ROM mode (default 128: no adjustment).
 */
void bc_ak_model_set_fuse(bc_chip_model *m, uint8_t asa_x, uint8_t asa_y, uint8_t asa_z);

/* Any kind. */
bc_chip_model *bc_chip_model_new(bc_chip_kind kind);

/* NULL-safe. */
void bc_chip_model_free(bc_chip_model *m);

/* "MPU-6050" ... */
const char *bc_chip_model_name(const bc_chip_model *m);
bc_chip_kind bc_chip_model_kind(const bc_chip_model *m);

/*
 * Bus-side access, as a transfer on the wire: 0, or -EIO (NACK, unplugged,
 * torn read: bytes before the tear are delivered and popped). Reads of len
 * bytes start at reg and follow the chip's auto-increment rules.
 */
int bc_chip_model_read(bc_chip_model *m, uint8_t reg, uint8_t *buf, size_t len);
int bc_chip_model_write(bc_chip_model *m, uint8_t reg, uint8_t value);

/* Test-side look at a register without side effects (bank: ICM user bank, else 0). */
uint8_t bc_chip_model_peek(const bc_chip_model *m, int bank, uint8_t reg);

/*
 * One sample period: the physical sample becomes the chip's raw data (data
 * registers, and a FIFO frame when the FIFO is on). Does nothing while the
 * chip sleeps or is unplugged. Returns 1 if a data-ready edge would be
 * raised on INT (enabled and not stuck), else 0.
 */
int bc_chip_model_feed(bc_chip_model *m, const bc_sample *s);

/* Output data rate the registers configure, Hz; 0 while asleep, unplugged or reset. */
double bc_chip_model_odr_hz(const bc_chip_model *m);

/* Bytes in the FIFO; whether it overflowed since the last FIFO reset. */
size_t bc_chip_model_fifo_bytes(const bc_chip_model *m);
bool bc_chip_model_fifo_overflowed(const bc_chip_model *m);

/* Configured full scales (from the registers): ±g and ±°/s. */
double bc_chip_model_accel_range_g(const bc_chip_model *m);
double bc_chip_model_gyro_range_dps(const bc_chip_model *m);

/* Raw counts of one g and one °/s at the configured ranges (for tolerance checks). */
double bc_chip_model_accel_lsb_per_g(const bc_chip_model *m);
double bc_chip_model_gyro_lsb_per_dps(const bc_chip_model *m);

/* Faults */

/* The next n transfers (reads or writes) are not acknowledged: -EIO. */
void bc_chip_model_fault_nack(bc_chip_model *m, unsigned n);

/*
 * Writes refused: every write NACKs while reads still answer, so a probe of
 * the ID registers finds the chip and starting it fails (a chip with a
 * damaged write path, or half-powered by a loose 3V3 wire).
 */
void bc_chip_model_fault_refuse_writes(bc_chip_model *m, bool refused);

/* The next n reads of at least min_len bytes deliver half their bytes, then fail with -EIO. */
void bc_chip_model_fault_short_read(bc_chip_model *m, unsigned n, size_t min_len);

/* Unplugged: every transfer NACKs, samples are not taken. */
void bc_chip_model_unplug(bc_chip_model *m);

/* Plugged back: power-on state (registers at reset values, asleep, FIFO empty). */
void bc_chip_model_replug(bc_chip_model *m);
bool bc_chip_model_plugged(const bc_chip_model *m);

/* Pushes frames until the FIFO overflows (as if the reader had stalled). */
void bc_chip_model_fault_fifo_overflow(bc_chip_model *m);

/*
 * A noisy wire: each FIFO data read has per_10000 / 10000 chance of one bit,
 * anywhere in the bytes it popped, arriving flipped (seeded, repeatable).
 */
void bc_chip_model_fault_bitflip(bc_chip_model *m, unsigned per_10000, uint32_t seed);
unsigned long bc_chip_model_flips(const bc_chip_model *m);

/* Frozen output: while set, every FIFO frame repeats the last one bit for bit. */
void bc_chip_model_fault_freeze(bc_chip_model *m, bool frozen);

/* INT line stuck: feeds raise no data-ready edges. */
void bc_chip_model_fault_stuck_int(bc_chip_model *m, bool stuck);

/*
 * Whether the chip's auxiliary I2C bus is joined to the host bus (INT_PIN_CFG
 * BYPASS_EN with the chip's own I2C master off) and the chip is powered: a
 * magnetometer inside it answers on the host bus only then.
 */
bool bc_chip_model_aux_bypass(const bc_chip_model *m);

/* Transfers seen (reads + writes), for cost checks. */
unsigned long bc_chip_model_transfers(const bc_chip_model *m);

#endif /* BC_CHIP_MODEL_H */
