/* SPDX-License-Identifier: MIT */
/*
 * The common interface of the IMU chip drivers (MPU-6050 family, LSM6DS
 * family, ICM-20948): a chip is a variant (a row of a table: name, ID
 * register and value, FIFO size) of a family driver (a handful of functions:
 * init, FIFO status, FIFO read, FIFO reset).
 *
 * Layer: drivers, above platform (i2c_bus.h, gpio_line.h, sample_source.h)
 * and below everything that uses samples. Inside it, as in Linux IIO and
 * Zephyr:
 *   imu_chip.h    this file: settings, variant table type, device handle
 *   <chip>.c      chip logic behind bc_i2c_bus (register map in <chip>_regs.h)
 *   imu_probe.c   which chip is at which address
 *   imu_reader.h  a stream of timestamped samples that survives faults
 *                 (its parts: imu_reader_internal.h)
 *   live_source.h that stream as a bc_sample_source
 *
 * Drivers return 0 or a negative errno from the bus; they never print and
 * never allocate. Every physical quantity carries its unit in its name.
 */
#ifndef BC_IMU_CHIP_H
#define BC_IMU_CHIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/math3d.h"
#include "platform/i2c_bus.h"

/* Definitions */

/* What the application asks for; the driver picks the nearest the chip has. */
typedef struct {
	float rate_hz;	      /* output data rate, 100–1000 Hz */
	float accel_range_g;  /* accelerometer full scale, ±g (2, 4, 8, 16) */
	float gyro_range_dps; /* gyroscope full scale, ±°/s (250, 500, 1000, 2000) */
	float lpf_hz;	      /* low-pass bandwidth wanted, Hz; 0 = 0.4 × rate */
	bool data_ready_int;  /* drive the INT pin on data ready */
} bc_imu_settings;

/* What the chip was actually set to by init(). */
typedef struct {
	float rate_hz;		/* output data rate, Hz (the chip's nominal) */
	float accel_range_g;	/* ±g */
	float gyro_range_dps;	/* ±°/s */
	float accel_lpf_hz;	/* accelerometer low-pass bandwidth, Hz */
	float gyro_lpf_hz;	/* gyroscope low-pass bandwidth, Hz */
	float accel_g_per_lsb;	/* scale of one raw count */
	float gyro_dps_per_lsb; /* scale of one raw count */
} bc_imu_config;

/* One FIFO sample scaled to physical units (no timestamp yet). */
typedef struct {
	bc_vec3 accel_g;  /* specific force, g, chip axes */
	bc_vec3 gyro_dps; /* angular rate, °/s, chip axes */
} bc_imu_reading;

typedef struct bc_imu bc_imu;
typedef struct bc_imu_driver bc_imu_driver;
typedef struct bc_ak_variant bc_ak_variant; /* drivers/ak_magnetometer.h */

/* Variant flags: differences inside one family. */
#define BC_IMU_HAS_ACCEL_DLPF (1u << 0) /* separate accel low-pass (MPU-6500 ACCEL_CONFIG2) */
#define BC_IMU_TAGGED_FIFO    (1u << 1) /* FIFO words carry a sensor tag (LSM6DSOX) */

/* One chip of a family: a row of the family's variant table. */
typedef struct {
	const char *name;	/* "MPU-6050", for people */
	const char *trace_name; /* "mpu6050", for the trace's "# sensor:" line */
	uint8_t id_reg;		/* register holding the chip ID (WHO_AM_I) */
	uint8_t id_value;	/* what that register reads on this chip */
	uint8_t bank_sel_reg;	/* register-bank select (ICM-20948: 0x7F), 0 = one bank */
	uint16_t fifo_bytes;	/* FIFO capacity, bytes */
	uint32_t flags;		/* BC_IMU_HAS_..., BC_IMU_TAGGED_FIFO */
	const bc_imu_driver *driver;
	const void *priv; /* family-specific layout (low-pass tables ...) */
	/*
	 * Magnetometer in the package (MPU-9250: AK8963, ICM-20948: AK09916),
	 * reached through the I2C bypass init turns on; NULL = 6-axis only.
	 */
	const bc_ak_variant *mag;
} bc_imu_variant;

/* A family's operations. All return 0 or a negative errno. */
struct bc_imu_driver {
	const char *family;
	/* Resets the chip, configures rate, ranges, low-pass, FIFO and INT; fills imu->config. */
	int (*init)(bc_imu *imu, const bc_imu_settings *settings);
	/* Whole samples waiting in the FIFO, and whether it overflowed (data lost). */
	int (*fifo_status)(bc_imu *imu, size_t *n_samples, bool *overflow);
	/* Reads and scales n samples (n no more than fifo_status reported). */
	int (*fifo_read)(bc_imu *imu, bc_imu_reading *out, size_t n);
	/* Empties the FIFO and re-aligns it on a sample boundary. */
	int (*fifo_reset)(bc_imu *imu);
};

/*
 * A chip on a bus: constant wiring (bus, address, variant) and the little
 * runtime state a driver needs. Caller-owned; set up by bc_imu_attach().
 */
struct bc_imu {
	bc_i2c_bus *bus;
	uint8_t addr; /* 7-bit I2C address */
	const bc_imu_variant *variant;
	bc_imu_config config;	 /* valid after init */
	int bank;		 /* selected register bank (ICM-20948), -1 unknown */
	uint8_t fifo_mode_value; /* FIFO mode register value init chose (LSM6DS restart) */
	/* Waits during resets; default nanosleep. Tests pass virtual time. */
	void (*sleep_ns)(void *ctx, uint64_t ns);
	void *sleep_ctx;
};

/* Functions */

/* Ties a handle to a chip found at addr (by bc_imu_probe, or known). */
void bc_imu_attach(bc_imu *imu, bc_i2c_bus *bus, uint8_t addr, const bc_imu_variant *variant);

static inline int bc_imu_init(bc_imu *imu, const bc_imu_settings *settings)
{
	return imu->variant->driver->init(imu, settings);
}

static inline int bc_imu_fifo_status(bc_imu *imu, size_t *n_samples, bool *overflow)
{
	return imu->variant->driver->fifo_status(imu, n_samples, overflow);
}

static inline int bc_imu_fifo_read(bc_imu *imu, bc_imu_reading *out, size_t n)
{
	return imu->variant->driver->fifo_read(imu, out, n);
}

static inline int bc_imu_fifo_reset(bc_imu *imu)
{
	return imu->variant->driver->fifo_reset(imu);
}

/* Internal helpers shared by the family drivers (imu_chip.c). */

/* Sleeps through imu->sleep_ns. */
void bc_imu_sleep_ms(bc_imu *imu, unsigned ms);

/* A choice the chip offers: register field value and what it means (Hz, g, °/s). */
typedef struct {
	uint8_t field;
	float value;
} bc_imu_choice;

/* Smallest value >= wanted (ranges: never clip what was asked for), else the largest. */
const bc_imu_choice *bc_imu_pick_at_least(const bc_imu_choice *table, size_t n, float wanted);

/* Largest value <= wanted (low-pass: no wider than asked), else the smallest. */
const bc_imu_choice *bc_imu_pick_at_most(const bc_imu_choice *table, size_t n, float wanted);

/* Value nearest wanted on a log scale (output rates). */
const bc_imu_choice *bc_imu_pick_nearest(const bc_imu_choice *table, size_t n, float wanted);

/* Low-pass target for settings: lpf_hz, or 0.4 × rate, never above rate / 2. */
float bc_imu_lpf_target_hz(const bc_imu_settings *s, float rate_hz);

/* Clamps the requested rate into the supported 100–1000 Hz window. */
float bc_imu_rate_wanted_hz(const bc_imu_settings *s);

/* Reads one register; 0 or -errno. */
int bc_imu_read_reg(bc_imu *imu, uint8_t reg, uint8_t *value);

/* Writes reg and reads it back (catches a write lost on a noisy bus). */
int bc_imu_write_verify(bc_imu *imu, uint8_t reg, uint8_t value);

/* Big- and little-endian signed 16-bit words. */
static inline int16_t bc_be16(const uint8_t *p)
{
	return (int16_t)(uint16_t)((p[0] << 8) | p[1]);
}

static inline int16_t bc_le16(const uint8_t *p)
{
	return (int16_t)(uint16_t)((p[1] << 8) | p[0]);
}

#define BC_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Largest FIFO burst one I2C transfer carries (whole samples are read below this). */
#define BC_IMU_MAX_BURST_BYTES 240

#endif /* BC_IMU_CHIP_H */
