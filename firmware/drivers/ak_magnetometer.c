/* SPDX-License-Identifier: MIT */
/* AK8963 / AK09916 magnetometers behind an IMU's I2C bypass: see ak_magnetometer.h. */
#include "drivers/ak_magnetometer.h"

#include <errno.h>

#include "drivers/ak_magnetometer_regs.h"
#include "platform/mono_clock.h"

/* Definitions */

#define NS_PER_MS 1000000u
/* Continuous mode 100 Hz: one read each 10 ms finds each measurement. */
#define READ_PERIOD_NS (10u * NS_PER_MS)
/* No new measurement for this long: the last one is too old to steer by. */
#define STALE_NS (100u * NS_PER_MS)
/* Failed reads in a row before the magnetometer counts as gone. */
#define FAILURES_TO_LOSE 3
/* While gone (or never found): how often to look for it again. */
#define RESTART_PERIOD_NS (1000u * NS_PER_MS)

/*
 * MPU-9250 (PS-MPU-9250A-01, "Orientation of Axes"): the AK8963's X is
 * the accelerometer's Y, its Y the accelerometer's X, its Z opposite.
 * AK8963 register map and ASA: MS1356-E.
 */
const bc_ak_variant bc_ak8963_variant = {
	.name = "AK8963",
	.id_reg = AK8963_REG_WIA,
	.id_value = AK8963_WIA_VALUE,
	.st1_reg = AK8963_REG_ST1,
	.burst_bytes = AK8963_BURST_BYTES,
	.mode_reg = AK8963_REG_CNTL1,
	.mode_100hz = AK8963_CNTL1_16BIT | AK8963_MODE_CONTINUOUS_2,
	.reset_reg = AK8963_REG_CNTL2,
	.asa_reg = AK8963_REG_ASAX,
	.fuse_mode = AK8963_MODE_FUSE_ROM,
	.ut_per_lsb = AK_UT_PER_LSB_16BIT,
	.from_axis = { 1, 0, 2 },
	.sign = { 1, 1, -1 },
};

/*
 * ICM-20948 (DS-000189, "Orientation of Axes"): the AK09916's X is the
 * accelerometer's X, its Y and Z point the other way. WIA1 (0x48) is the
 * company ID the AK8963 also has at 0x00, so the device ID WIA2 names it.
 */
const bc_ak_variant bc_ak09916_variant = {
	.name = "AK09916",
	.id_reg = AK09916_REG_WIA2,
	.id_value = AK09916_WIA2_VALUE,
	.st1_reg = AK09916_REG_ST1,
	.burst_bytes = AK09916_BURST_BYTES,
	.mode_reg = AK09916_REG_CNTL2,
	.mode_100hz = AK09916_MODE_CONTINUOUS_4,
	.reset_reg = AK09916_REG_CNTL3,
	.asa_reg = 0,
	.fuse_mode = 0,
	.ut_per_lsb = AK_UT_PER_LSB_16BIT,
	.from_axis = { 0, 1, 2 },
	.sign = { 1, -1, -1 },
};

/* Functions: chip access */

void bc_ak_mag_attach(bc_ak_mag *mag, bc_i2c_bus *bus, uint8_t addr, const bc_ak_variant *variant,
		      void (*sleep_ns)(void *ctx, uint64_t ns), void *sleep_ctx)
{
	*mag = (bc_ak_mag){
		.bus = bus,
		.addr = addr,
		.variant = variant,
		.adjust = { 1, 1, 1 },
		.sleep_ns = sleep_ns ? sleep_ns : bc_mono_sleep_ns,
		.sleep_ctx = sleep_ctx,
	};
}

static void sleep_ms(bc_ak_mag *mag, unsigned ms)
{
	mag->sleep_ns(mag->sleep_ctx, (uint64_t)ms * NS_PER_MS);
}

static int wr(bc_ak_mag *mag, uint8_t reg, uint8_t value)
{
	return bc_i2c_write(mag->bus, mag->addr, reg, value);
}

int bc_ak_mag_probe(bc_ak_mag *mag)
{
	uint8_t id;
	int rc = bc_i2c_read(mag->bus, mag->addr, mag->variant->id_reg, &id, 1);
	if (rc)
		return rc;
	return id == mag->variant->id_value;
}

/*
 * Soft reset leaves it powered down. The AK8963 then reads its factory
 * sensitivity adjustment in fuse-ROM mode: H_adj = H × ((ASA − 128) × 0.5 /
 * 128 + 1) (MS1356-E). Every mode change passes through power-down and waits
 * 100 µs (we wait 1 ms).
 */
int bc_ak_mag_init(bc_ak_mag *mag)
{
	const bc_ak_variant *v = mag->variant;
	uint8_t back;
	int rc;

	if ((rc = wr(mag, v->reset_reg, AK_SRST)))
		return rc;
	sleep_ms(mag, 1);
	for (int i = 0; i < 3; i++)
		mag->adjust[i] = 1.0f;
	if (v->asa_reg) {
		uint8_t asa[3];
		if ((rc = wr(mag, v->mode_reg, v->fuse_mode)))
			return rc;
		sleep_ms(mag, 1);
		if ((rc = bc_i2c_read(mag->bus, mag->addr, v->asa_reg, asa, sizeof(asa))) ||
		    (rc = wr(mag, v->mode_reg, AK8963_MODE_POWER_DOWN)))
			return rc;
		sleep_ms(mag, 1);
		for (int i = 0; i < 3; i++)
			mag->adjust[i] = ((float)asa[i] - 128.0f) * 0.5f / 128.0f + 1.0f;
	}
	if ((rc = wr(mag, v->mode_reg, v->mode_100hz)) ||
	    (rc = bc_i2c_read(mag->bus, mag->addr, v->mode_reg, &back, 1)))
		return rc;
	return back == v->mode_100hz ? 0 : -EIO;
}

int bc_ak_mag_read(bc_ak_mag *mag, bc_ak_reading *out)
{
	const bc_ak_variant *v = mag->variant;
	uint8_t b[AK09916_BURST_BYTES]; /* the longer of the two bursts */
	int rc = bc_i2c_read(mag->bus, mag->addr, v->st1_reg, b, v->burst_bytes);
	if (rc)
		return rc;
	float m[3];
	for (int i = 0; i < 3; i++)
		m[i] = (float)bc_le16(b + 1 + 2 * i) * mag->adjust[i] * v->ut_per_lsb;
	out->field_ut = bc_vec3_make(v->sign[0] * m[v->from_axis[0]],
				     v->sign[1] * m[v->from_axis[1]],
				     v->sign[2] * m[v->from_axis[2]]);
	out->fresh = b[0] & AK_ST1_DRDY;
	out->overflow = b[v->burst_bytes - 1] & AK_ST2_HOFL;
	return 0;
}

/* Functions: tracking */

int bc_ak_mag_start(bc_ak_mag *mag, uint64_t now_ns)
{
	int rc = bc_ak_mag_probe(mag);
	if (rc == 1)
		rc = bc_ak_mag_init(mag) ? -EIO : 1;
	mag->present = rc == 1;
	mag->valid = false;
	mag->failures_in_row = 0;
	mag->next_read_ns = now_ns + READ_PERIOD_NS; /* the first measurement takes ~7 ms */
	mag->last_fresh_ns = now_ns;
	mag->next_start_ns = now_ns + RESTART_PERIOD_NS;
	return rc;
}

void bc_ak_mag_update(bc_ak_mag *mag, uint64_t now_ns)
{
	if (!mag->present) {
		if (now_ns >= mag->next_start_ns)
			bc_ak_mag_start(mag, now_ns);
		return;
	}
	if (now_ns < mag->next_read_ns)
		return;
	/* Keep to the 100 Hz grid, but never try to catch up on missed reads. */
	mag->next_read_ns += READ_PERIOD_NS;
	if (mag->next_read_ns <= now_ns)
		mag->next_read_ns = now_ns + READ_PERIOD_NS;

	bc_ak_reading r;
	if (bc_ak_mag_read(mag, &r)) {
		mag->errors++;
		if (++mag->failures_in_row >= FAILURES_TO_LOSE) {
			mag->present = false;
			mag->valid = false;
			mag->next_start_ns = now_ns + RESTART_PERIOD_NS;
		}
		return;
	}
	mag->reads++;
	mag->failures_in_row = 0;
	if (r.fresh) {
		mag->last_fresh_ns = now_ns;
		if (r.overflow) {
			mag->overflows++;
			mag->valid = false; /* until a measurement without overflow */
		} else {
			mag->field_ut = r.field_ut;
			mag->valid = true;
		}
	}
	if (now_ns - mag->last_fresh_ns > STALE_NS)
		mag->valid = false;
}
