/* SPDX-License-Identifier: MIT */
/* CLOCK_MONOTONIC now and sleep: see mono_clock.h. */
#include "platform/mono_clock.h"

#include <errno.h>
#include <time.h>

uint64_t bc_mono_now_ns(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void bc_mono_sleep_ns(void *ctx, uint64_t ns)
{
	(void)ctx;
	struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000u),
			       .tv_nsec = (long)(ns % 1000000000u) };
	while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR)
		;
}
