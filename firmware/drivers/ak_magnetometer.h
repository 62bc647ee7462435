/* SPDX-License-Identifier: MIT */
/*
 * The magnetometer inside a 9-axis IMU (AK8963 in the MPU-9250, AK09916 in
 * the ICM-20948), read over the IMU's I2C bypass at its own 100 Hz.
 *
 * The IMU reader owns one of these when its chip's variant names a
 * magnetometer (bc_imu_variant.mag). It calls bc_ak_mag_update() on each
 * FIFO drain with the time; at most every 10 ms that reads one burst (ST1 ..
 * ST2), scales it to µT (with the AK8963's factory sensitivity adjustment)
 * and turns it into the IMU's accel/gyro axes, which the datasheets say
 * differ from the magnetometer's own. The latest value rides along with
 * every IMU sample.
 *
 * A magnetometer that is missing, stops answering or reports an overflow
 * only makes the samples 6-axis (has_mag false); it never stops the IMU.
 * No allocation; the only I/O is the bus.
 */
#ifndef BC_AK_MAGNETOMETER_H
#define BC_AK_MAGNETOMETER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/math3d.h"
#include "drivers/imu_chip.h"
#include "platform/i2c_bus.h"

/* Definitions */

/* One magnetometer model: its registers, scale and mounting in the IMU package. */
struct bc_ak_variant {
	const char *name; /* "AK8963", for people */
	uint8_t id_reg;	  /* WIA (AK8963) or WIA2 (AK09916) */
	uint8_t id_value;
	uint8_t st1_reg;     /* start of the data burst: ST1, HXL..HZH, [TMPS], ST2 */
	uint8_t burst_bytes; /* ST1 through ST2 */
	uint8_t mode_reg;    /* CNTL1 (AK8963) or CNTL2 (AK09916) */
	uint8_t mode_100hz;  /* continuous measurement at 100 Hz, 16-bit output */
	uint8_t reset_reg;   /* CNTL2 (AK8963) or CNTL3 (AK09916), SRST in bit 0 */
	uint8_t asa_reg;     /* fuse ROM sensitivity adjustment (ASAX..Z), 0 = none */
	uint8_t fuse_mode;   /* mode_reg value that makes the fuse ROM readable */
	float ut_per_lsb;    /* µT per count */
	/* IMU axis i = sign[i] × magnetometer axis from_axis[i]. */
	uint8_t from_axis[3];
	int8_t sign[3];
};

extern const bc_ak_variant bc_ak8963_variant;
extern const bc_ak_variant bc_ak09916_variant;

/* 7-bit address of both parts on the host bus (bypass on). */
#define BC_AK_ADDR 0x0C

/* One burst read, decoded. */
typedef struct {
	bc_vec3 field_ut; /* magnetic field, µT, in the IMU's accel/gyro axes */
	bool fresh;	  /* ST1.DRDY: a measurement not read before */
	bool overflow;	  /* ST2.HOFL: the sensor overflowed; field_ut is not a measurement */
} bc_ak_reading;

/* Caller-owned; set up by bc_ak_mag_attach(). */
typedef struct {
	bc_i2c_bus *bus;
	uint8_t addr;
	const bc_ak_variant *variant;
	float adjust[3]; /* sensitivity adjustment per magnetometer axis (1 without ASA) */
	void (*sleep_ns)(void *ctx, uint64_t ns);
	void *sleep_ctx;

	/* tracking, for bc_ak_mag_update() */
	bool present;		/* found and measuring */
	bool valid;		/* field_ut is a recent good measurement */
	bc_vec3 field_ut;	/* latest good measurement, µT, IMU axes */
	uint64_t next_read_ns;	/* next read due (100 Hz schedule) */
	uint64_t last_fresh_ns; /* time of the latest new measurement */
	uint64_t next_start_ns; /* while absent: next attempt to find and start it */
	int failures_in_row;
	unsigned long reads, overflows, errors;
} bc_ak_mag;

/* Functions */

/* Ties the handle to a magnetometer; nothing is sent. sleep_ns NULL = nanosleep. */
void bc_ak_mag_attach(bc_ak_mag *mag, bc_i2c_bus *bus, uint8_t addr, const bc_ak_variant *variant,
		      void (*sleep_ns)(void *ctx, uint64_t ns), void *sleep_ctx);

/* 1 when the ID matches, 0 when something else answers, negative errno when nothing does. */
int bc_ak_mag_probe(bc_ak_mag *mag);

/* Soft reset, sensitivity adjustment from the fuse ROM, continuous 100 Hz. 0 or -errno. */
int bc_ak_mag_init(bc_ak_mag *mag);

/* One burst read ST1..ST2 (reading ST2 releases the next measurement). 0 or -errno. */
int bc_ak_mag_read(bc_ak_mag *mag, bc_ak_reading *out);

/*
 * Probes and starts the magnetometer; on failure it stays absent and
 * bc_ak_mag_update() tries again about once a second. Returns what probe or
 * init returned (1 started).
 */
int bc_ak_mag_start(bc_ak_mag *mag, uint64_t now_ns);

/* Reads when a read is due (every 10 ms); keeps the latest value and whether it is valid. */
void bc_ak_mag_update(bc_ak_mag *mag, uint64_t now_ns);

/* The latest good field in µT (IMU axes), or false when there is none to trust. */
static inline bool bc_ak_mag_latest(const bc_ak_mag *mag, bc_vec3 *field_ut)
{
	if (!mag->present || !mag->valid)
		return false;
	*field_ut = mag->field_ut;
	return true;
}

#endif /* BC_AK_MAGNETOMETER_H */
