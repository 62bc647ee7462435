/* SPDX-License-Identifier: MIT */
/* An I2C bus that retries with back-off: see retry_bus.h. */
#include "drivers/retry_bus.h"

/* Definitions */

#define NS_PER_S 1000000000.0

/* Functions */

static void back_off(bc_retry_bus *rb, double s)
{
	if (s > 0)
		rb->sleep_ns(rb->ctx, (uint64_t)(s * NS_PER_S));
}

static int retry_read(void *ctx, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	bc_retry_bus *rb = ctx;
	int rc = bc_i2c_read(rb->under, addr, reg, buf, len);
	double wait_s = rb->backoff_s;

	for (int i = 0; rc && !rb->no_retry && i < rb->max_retries; i++, wait_s *= 2) {
		rb->errors++;
		back_off(rb, wait_s);
		rc = bc_i2c_read(rb->under, addr, reg, buf, len);
		if (!rc)
			rb->retries_ok++;
	}
	if (rc) {
		rb->errors++;
		rb->failed(rb->ctx, false, addr, reg, rc);
	}
	return rc;
}

static int retry_write(void *ctx, uint8_t addr, uint8_t reg, uint8_t value)
{
	bc_retry_bus *rb = ctx;
	int rc = bc_i2c_write(rb->under, addr, reg, value);
	double wait_s = rb->backoff_s;

	for (int i = 0; rc && i < rb->max_retries; i++, wait_s *= 2) {
		rb->errors++;
		back_off(rb, wait_s);
		rc = bc_i2c_write(rb->under, addr, reg, value);
		if (!rc)
			rb->retries_ok++;
	}
	if (rc) {
		rb->errors++;
		rb->failed(rb->ctx, true, addr, reg, rc);
	}
	return rc;
}

/* The bus underneath is the caller's: closing this one releases nothing. */
static void retry_close(void *ctx)
{
	(void)ctx;
}

static const bc_i2c_bus_ops retry_ops = {
	.read_regs = retry_read,
	.write_reg = retry_write,
	.close = retry_close,
};

void bc_retry_bus_init(bc_retry_bus *rb, bc_i2c_bus *under)
{
	*rb = (bc_retry_bus){
		.bus = { .ops = &retry_ops,
			 .ctx = rb,
			 .number = under->number,
			 .max_read_len = under->max_read_len },
		.under = under,
	};
}
