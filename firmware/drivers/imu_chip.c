/* SPDX-License-Identifier: MIT */
/* Helpers shared by the IMU family drivers: choosing from tables, register I/O. */
#include "drivers/imu_chip.h"

#include <errno.h>
#include <math.h>

#include "platform/mono_clock.h"

void bc_imu_attach(bc_imu *imu, bc_i2c_bus *bus, uint8_t addr, const bc_imu_variant *variant)
{
	*imu = (bc_imu){
		.bus = bus,
		.addr = addr,
		.variant = variant,
		.bank = -1,
		.sleep_ns = bc_mono_sleep_ns,
	};
}

void bc_imu_sleep_ms(bc_imu *imu, unsigned ms)
{
	imu->sleep_ns(imu->sleep_ctx, (uint64_t)ms * 1000000u);
}

const bc_imu_choice *bc_imu_pick_at_least(const bc_imu_choice *table, size_t n, float wanted)
{
	const bc_imu_choice *best = NULL, *largest = &table[0];
	for (size_t i = 0; i < n; i++) {
		if (table[i].value > largest->value)
			largest = &table[i];
		if (table[i].value >= wanted && (!best || table[i].value < best->value))
			best = &table[i];
	}
	return best ? best : largest;
}

const bc_imu_choice *bc_imu_pick_at_most(const bc_imu_choice *table, size_t n, float wanted)
{
	const bc_imu_choice *best = NULL, *smallest = &table[0];
	for (size_t i = 0; i < n; i++) {
		if (table[i].value < smallest->value)
			smallest = &table[i];
		if (table[i].value <= wanted && (!best || table[i].value > best->value))
			best = &table[i];
	}
	return best ? best : smallest;
}

const bc_imu_choice *bc_imu_pick_nearest(const bc_imu_choice *table, size_t n, float wanted)
{
	const bc_imu_choice *best = &table[0];
	float lw = logf(wanted > 0 ? wanted : 1.0f);
	for (size_t i = 1; i < n; i++)
		if (fabsf(logf(table[i].value) - lw) < fabsf(logf(best->value) - lw))
			best = &table[i];
	return best;
}

float bc_imu_rate_wanted_hz(const bc_imu_settings *s)
{
	float r = s->rate_hz;
	if (!(r >= 100.0f))
		r = 100.0f;
	if (r > 1000.0f)
		r = 1000.0f;
	return r;
}

float bc_imu_lpf_target_hz(const bc_imu_settings *s, float rate_hz)
{
	float want = s->lpf_hz > 0 ? s->lpf_hz : 0.4f * rate_hz;
	return want > 0.5f * rate_hz ? 0.5f * rate_hz : want;
}

int bc_imu_read_reg(bc_imu *imu, uint8_t reg, uint8_t *value)
{
	return bc_i2c_read(imu->bus, imu->addr, reg, value, 1);
}

int bc_imu_write_verify(bc_imu *imu, uint8_t reg, uint8_t value)
{
	uint8_t back;
	int rc = bc_i2c_write(imu->bus, imu->addr, reg, value);
	if (rc)
		return rc;
	rc = bc_imu_read_reg(imu, reg, &back);
	if (rc)
		return rc;
	return back == value ? 0 : -EIO;
}
