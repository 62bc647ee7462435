/* SPDX-License-Identifier: MIT */
/* What every chip model shares: the bus transfer rules, faults, the FIFO ring. */
#include "models/chip_model_priv.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void bc_model_init(bc_chip_model *m, const bc_chip_model_ops *ops, bc_chip_kind kind,
		   const char *name, uint8_t id_value, size_t fifo_cap, size_t fifo_unit)
{
	memset(m, 0, sizeof(*m));
	m->ops = ops;
	m->kind = kind;
	m->name = name;
	m->id_value = id_value;
	m->fifo_cap = fifo_cap;
	m->fifo_unit = fifo_unit;
	m->plugged = true;
	ops->reset(m);
}

bc_chip_model *bc_chip_model_new(bc_chip_kind kind)
{
	switch (kind) {
	case BC_CHIP_MPU6050:
	case BC_CHIP_MPU6500:
	case BC_CHIP_MPU9250:
		return bc_mpu6050_model_new(kind);
	case BC_CHIP_LSM6DS3:
	case BC_CHIP_LSM6DSOX:
		return bc_lsm6ds_model_new(kind);
	case BC_CHIP_ICM20948:
		return bc_icm20948_model_new();
	case BC_CHIP_ICM42688:
		return bc_icm42688_model_new();
	case BC_CHIP_AK8963:
	case BC_CHIP_AK09916:
		return bc_ak_magnetometer_model_new(kind);
	}
	return NULL;
}

void bc_chip_model_free(bc_chip_model *m)
{
	free(m);
}

const char *bc_chip_model_name(const bc_chip_model *m)
{
	return m->name;
}

bc_chip_kind bc_chip_model_kind(const bc_chip_model *m)
{
	return m->kind;
}

void bc_model_fifo_clear(bc_chip_model *m)
{
	m->fifo_head = 0;
	m->fifo_len = 0;
	m->fifo_overflowed = false;
	m->frames = 0;
	m->fifo_removed = 0;
}

void bc_model_fifo_push(bc_chip_model *m, const uint8_t *bytes, size_t n)
{
	if (n <= sizeof(m->frozen_frame)) {
		if (m->frozen && m->frozen_len == n)
			bytes = m->frozen_frame; /* stuck: the same bits again */
		else
			memcpy(m->frozen_frame, bytes, n);
		m->frozen_len = n;
	}
	if (m->fifo_len + n > m->fifo_cap) {
		size_t drop = m->fifo_len + n - m->fifo_cap;
		drop = (drop + m->fifo_unit - 1) / m->fifo_unit * m->fifo_unit;
		if (drop > m->fifo_len)
			drop = m->fifo_len;
		m->fifo_head = (m->fifo_head + drop) % m->fifo_cap;
		m->fifo_len -= drop;
		m->fifo_removed += drop;
		m->fifo_overflowed = true;
	}
	for (size_t i = 0; i < n && m->fifo_len < m->fifo_cap; i++) {
		m->fifo[(m->fifo_head + m->fifo_len) % m->fifo_cap] = bytes[i];
		m->fifo_len++;
	}
	m->frames++;
}

uint8_t bc_model_fifo_pop(bc_chip_model *m)
{
	if (m->fifo_len == 0)
		return 0;
	uint8_t b = m->fifo[m->fifo_head];
	m->fifo_head = (m->fifo_head + 1) % m->fifo_cap;
	m->fifo_len--;
	m->fifo_removed++;
	return b;
}

int16_t bc_model_raw(double value, double lsb_per_unit)
{
	double r = round(value * lsb_per_unit);
	if (r > 32767)
		return 32767;
	if (r < -32768)
		return -32768;
	return (int16_t)r;
}

void bc_model_put_axes_be(uint8_t *p, bc_vec3 v, double lsb_per_unit)
{
	bc_model_put_be16(p + 0, bc_model_raw(v.x, lsb_per_unit));
	bc_model_put_be16(p + 2, bc_model_raw(v.y, lsb_per_unit));
	bc_model_put_be16(p + 4, bc_model_raw(v.z, lsb_per_unit));
}

void bc_model_put_axes_le(uint8_t *p, bc_vec3 v, double lsb_per_unit)
{
	bc_model_put_le16(p + 0, bc_model_raw(v.x, lsb_per_unit));
	bc_model_put_le16(p + 2, bc_model_raw(v.y, lsb_per_unit));
	bc_model_put_le16(p + 4, bc_model_raw(v.z, lsb_per_unit));
}

/* A transfer: counted, then NACKed if unplugged or a NACK is pending. */
static int start_transfer(bc_chip_model *m)
{
	m->transfers++;
	if (!m->plugged)
		return -EIO;
	if (m->nack_next) {
		m->nack_next--;
		return -EIO;
	}
	return 0;
}

/* xorshift32: the bit-flip fault's own repeatable randomness. */
static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state ? *state : 1;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* A read that popped FIFO bytes may get one of their bits flipped (a noisy wire). */
static void flip_maybe(bc_chip_model *m, uint8_t *buf, size_t n, unsigned long removed_before)
{
	size_t popped = (size_t)(m->fifo_removed - removed_before);
	if (!m->flip_per_10000 || popped == 0 || popped > n)
		return;
	if (next_random(&m->flip_rng) % 10000 >= m->flip_per_10000)
		return;
	uint32_t bit = next_random(&m->flip_rng) % (uint32_t)(popped * 8);
	buf[bit / 8] ^= (uint8_t)(1u << (bit % 8));
	m->flips++;
}

int bc_chip_model_read(bc_chip_model *m, uint8_t reg, uint8_t *buf, size_t len)
{
	int rc = start_transfer(m);
	if (rc)
		return rc;
	unsigned long removed_before = m->fifo_removed;
	size_t deliver = len;
	if (m->short_next && len >= m->short_min_len) {
		m->short_next--;
		deliver = len / 2;
		rc = -EIO;
	}
	for (size_t i = 0; i < deliver; i++) {
		buf[i] = m->ops->read_byte(m, reg);
		reg = m->ops->next_reg(m, reg);
	}
	if (deliver < len)
		memset(buf + deliver, 0xff, len - deliver); /* the bus floats high */
	flip_maybe(m, buf, deliver, removed_before);
	return rc;
}

int bc_chip_model_write(bc_chip_model *m, uint8_t reg, uint8_t value)
{
	int rc = start_transfer(m);
	if (rc)
		return rc;
	if (m->writes_refused)
		return -EIO;
	m->ops->write(m, reg & (BC_MODEL_REGS - 1), value);
	return 0;
}

uint8_t bc_chip_model_peek(const bc_chip_model *m, int bank, uint8_t reg)
{
	return m->regs[bank & (BC_MODEL_BANKS - 1)][reg & (BC_MODEL_REGS - 1)];
}

int bc_chip_model_feed(bc_chip_model *m, const bc_sample *s)
{
	if (!m->plugged || m->ops->odr_hz(m) <= 0)
		return 0;
	int edge = m->ops->feed(m, s);
	return edge && !m->int_stuck;
}

double bc_chip_model_odr_hz(const bc_chip_model *m)
{
	return m->plugged ? m->ops->odr_hz(m) : 0;
}

size_t bc_chip_model_fifo_bytes(const bc_chip_model *m)
{
	return m->fifo_len;
}

bool bc_chip_model_fifo_overflowed(const bc_chip_model *m)
{
	return m->fifo_overflowed;
}

double bc_chip_model_accel_range_g(const bc_chip_model *m)
{
	return m->ops->accel_range_g(m);
}

double bc_chip_model_gyro_range_dps(const bc_chip_model *m)
{
	return m->ops->gyro_range_dps(m);
}

double bc_chip_model_accel_lsb_per_g(const bc_chip_model *m)
{
	return m->ops->accel_lsb_per_g(m);
}

double bc_chip_model_gyro_lsb_per_dps(const bc_chip_model *m)
{
	return m->ops->gyro_lsb_per_dps(m);
}

void bc_chip_model_fault_bitflip(bc_chip_model *m, unsigned per_10000, uint32_t seed)
{
	m->flip_per_10000 = per_10000;
	m->flip_rng = seed;
}

unsigned long bc_chip_model_flips(const bc_chip_model *m)
{
	return m->flips;
}

void bc_chip_model_fault_freeze(bc_chip_model *m, bool frozen)
{
	m->frozen = frozen;
}

void bc_chip_model_fault_nack(bc_chip_model *m, unsigned n)
{
	m->nack_next = n;
}

void bc_chip_model_fault_refuse_writes(bc_chip_model *m, bool refused)
{
	m->writes_refused = refused;
}

void bc_chip_model_fault_short_read(bc_chip_model *m, unsigned n, size_t min_len)
{
	m->short_next = n;
	m->short_min_len = min_len;
}

void bc_chip_model_unplug(bc_chip_model *m)
{
	m->plugged = false;
}

void bc_chip_model_replug(bc_chip_model *m)
{
	m->plugged = true;
	m->nack_next = 0;
	m->short_next = 0;
	m->bank = 0;
	memset(m->regs, 0, sizeof(m->regs));
	bc_model_fifo_clear(m);
	m->ops->reset(m);
}

bool bc_chip_model_plugged(const bc_chip_model *m)
{
	return m->plugged;
}

void bc_chip_model_fault_fifo_overflow(bc_chip_model *m)
{
	size_t guard = 2 * m->fifo_cap + 16;
	while (!m->fifo_overflowed && guard-- > 0)
		m->ops->push_frame(m);
}

void bc_chip_model_fault_stuck_int(bc_chip_model *m, bool stuck)
{
	m->int_stuck = stuck;
}

bool bc_chip_model_aux_bypass(const bc_chip_model *m)
{
	return m->plugged && m->ops->aux_bypass && m->ops->aux_bypass(m);
}

unsigned long bc_chip_model_transfers(const bc_chip_model *m)
{
	return m->transfers;
}
