/* SPDX-License-Identifier: MIT */
/*
 * Test signals for chip models: a numbered sequence whose values tell which
 * sample they are (to spot lost, repeated or reordered samples) and record
 * the true time each sample was taken (to check timestamps).
 */
#ifndef BC_MODEL_SIGNALS_H
#define BC_MODEL_SIGNALS_H

#include <stddef.h>

#include "core/sample.h"
#include "models/chip_model.h"
#include "trace/trace_reader.h"

#define BC_SEQ_MAX 200000

typedef struct {
	size_t n;		/* samples taken */
	double t_s[BC_SEQ_MAX]; /* world time of sample k */
	double accel_scale_g;	/* amplitude of the accel pattern */
	double gyro_scale_dps;	/* amplitude of the gyro pattern */
} bc_seq_signal;

/* A bc_model_signal_fn: sample k has gyro.x = index code, the rest a pattern. */
void bc_seq_signal_fn(void *ctx, double t_s, bc_sample *out);

/* The values sample k carries (what the driver should report). */
void bc_seq_expected(const bc_seq_signal *seq, size_t k, bc_sample *out);

/* Which sample a reading is, from its gyro.x (within tolerance), or -1. */
long bc_seq_index(const bc_seq_signal *seq, const bc_sample *s, size_t near_k);

/*
 * A recorded trace played into an MPU-6050 model: rows in order, the first
 * held until the chip's FIFO runs (so none is lost before the driver starts
 * reading), the last held once the trace ends.
 */
typedef struct {
	bc_trace_reader *r;
	bc_chip_model *model; /* the MPU-6050 model it feeds */
	bc_sample current;
	bool ended;
} bc_trace_feed;

/* A bc_model_signal_fn over a bc_trace_feed. */
void bc_trace_feed_fn(void *ctx, double t_s, bc_sample *out);

#endif /* BC_MODEL_SIGNALS_H */
