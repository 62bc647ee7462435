/* SPDX-License-Identifier: MIT */
/*
 * Where samples come from for a live session: the IMU on the I2C bus, or a
 * recorded trace played back in real time as a virtual sensor. The screen and
 * `backcoach record` read through this one interface.
 */
#ifndef BC_SAMPLE_SOURCE_H
#define BC_SAMPLE_SOURCE_H

#include <stdbool.h>

#include "core/sample.h"

typedef enum {
	BC_SOURCE_CONNECTED,	/* live sensor streaming */
	BC_SOURCE_REPLAYING,	/* virtual sensor from a trace (DEMO) */
	BC_SOURCE_RECONNECTING, /* sensor lost; retrying, session kept */
	BC_SOURCE_ENDED,	/* trace finished / source closed */
} bc_source_status;

typedef struct bc_sample_source bc_sample_source;

struct bc_sample_source {
	/* Next sample, waiting up to timeout_ms: 1 sample, 0 none yet, -1 ended/error. */
	int (*read)(bc_sample_source *src, bc_sample *out, int timeout_ms);
	void (*close)(bc_sample_source *src);
	bc_source_status status;
	float rate_hz;	      /* measured sample rate */
	char description[96]; /* "MPU-6050 on i2c-1 @ 0x68", "DEMO: bridge.csv.gz" */
	char error[256];      /* last problem, for the status line */
};

static inline int bc_source_read(bc_sample_source *src, bc_sample *out, int timeout_ms)
{
	return src->read(src, out, timeout_ms);
}

static inline void bc_source_close(bc_sample_source *src)
{
	if (src)
		src->close(src);
}

#endif /* BC_SAMPLE_SOURCE_H */
