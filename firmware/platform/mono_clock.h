/* SPDX-License-Identifier: MIT */
/*
 * Layer: platform (the bottom; includes only libc).
 *
 * CLOCK_MONOTONIC in nanoseconds, and a sleep on it. The drivers take their
 * clock through hooks so tests can run them in virtual time; these are what
 * the hooks default to on a real device.
 */
#ifndef BC_MONO_CLOCK_H
#define BC_MONO_CLOCK_H

#include <stdint.h>

/* CLOCK_MONOTONIC, ns. ctx is unused: the signature fits the drivers' hooks. */
uint64_t bc_mono_now_ns(void *ctx);

/* Sleeps ns on CLOCK_MONOTONIC, through signals. ctx is unused. */
void bc_mono_sleep_ns(void *ctx, uint64_t ns);

#endif /* BC_MONO_CLOCK_H */
