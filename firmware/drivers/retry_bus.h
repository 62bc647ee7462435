/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers (over platform/i2c_bus.h).
 *
 * An I2C bus that retries: a failed transfer on the bus underneath is tried
 * again after a doubling back-off, because a loose cable or a busy chip NACKs
 * now and then and one NACK should not cost a dropout. Reads that cannot be
 * repeated (a FIFO data read: its bytes left the FIFO whether or not they
 * reached us) are not retried while no_retry is set.
 *
 * Caller-owned; the chip drivers talk to &rb->bus like any other bus.
 */
#ifndef BC_RETRY_BUS_H
#define BC_RETRY_BUS_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/i2c_bus.h"

/* Definitions */

typedef struct {
	bc_i2c_bus bus;	   /* what the driver talks to */
	bc_i2c_bus *under; /* the bus underneath, the caller's */
	int max_retries;   /* retries of a failed transfer */
	double backoff_s;  /* wait before the first retry, doubling, s */
	void (*sleep_ns)(void *ctx, uint64_t ns);
	/* Called once a transfer failed for good: write or read, where, -errno. */
	void (*failed)(void *ctx, bool write, uint8_t addr, uint8_t reg, int err);
	void *ctx;		  /* for sleep_ns and failed */
	bool no_retry;		  /* set around reads that cannot be repeated */
	unsigned long errors;	  /* failed transfers, retried or not */
	unsigned long retries_ok; /* transfers that worked on a retry */
} bc_retry_bus;

/* Functions */

/*
 * Sets rb up over under: the other fields (retries, back-off, hooks) are the
 * caller's to fill before use. Counters start at zero.
 */
void bc_retry_bus_init(bc_retry_bus *rb, bc_i2c_bus *under);

#endif /* BC_RETRY_BUS_H */
