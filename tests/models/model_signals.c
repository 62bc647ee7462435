/* SPDX-License-Identifier: MIT */
#include "models/model_signals.h"

#include <math.h>
#include <stdlib.h>

#include "drivers/mpu6050_regs.h"

/* gyro.x steps by 2 % of the range per sample over 81 values: one LSB is far smaller. */
#define SEQ_CYCLE 81

static double code(const bc_seq_signal *seq, size_t k)
{
	return ((double)(k % SEQ_CYCLE) - 40.0) / 40.0 * 0.8 * seq->gyro_scale_dps;
}

void bc_seq_expected(const bc_seq_signal *seq, size_t k, bc_sample *out)
{
	double a = seq->accel_scale_g, g = seq->gyro_scale_dps;
	double x = (double)k;
	out->accel_g = bc_vec3_make((float)(0.7 * a * sin(x * 0.05)),
				    (float)(-0.5 * a * cos(x * 0.031)),
				    (float)(0.9 * a * sin(x * 0.017 + 1.0)));
	out->gyro_dps = bc_vec3_make((float)code(seq, k), (float)(0.6 * g * sin(x * 0.023)),
				     (float)(-0.4 * g * cos(x * 0.041)));
	out->has_mag = false;
}

void bc_seq_signal_fn(void *ctx, double t_s, bc_sample *out)
{
	bc_seq_signal *seq = ctx;
	size_t k = seq->n++;
	if (k < BC_SEQ_MAX)
		seq->t_s[k] = t_s;
	bc_seq_expected(seq, k, out);
	out->t_s = t_s;
}

long bc_seq_index(const bc_seq_signal *seq, const bc_sample *s, size_t near_k)
{
	double step = 0.8 * seq->gyro_scale_dps / 40.0;
	long c = lround(s->gyro_dps.x / step) + 40;
	if (c < 0 || c >= SEQ_CYCLE || fabs(s->gyro_dps.x - ((double)c - 40.0) * step) > 0.3 * step)
		return -1;
	/* the k near near_k with k % cycle == c */
	long base = (long)near_k - (long)(near_k % SEQ_CYCLE);
	long best = -1;
	for (long k = base - SEQ_CYCLE + c; k <= base + 2 * SEQ_CYCLE; k += SEQ_CYCLE)
		if (k >= 0 && (best < 0 || labs(k - (long)near_k) < labs(best - (long)near_k)))
			best = k;
	return best;
}

void bc_trace_feed_fn(void *ctx, double t_s, bc_sample *out)
{
	bc_trace_feed *f = ctx;
	bool fifo_on = bc_chip_model_peek(f->model, 0, MPU6050_REG_USER_CTRL) &
		       MPU6050_USER_FIFO_EN;
	bc_trace_error err;

	(void)t_s;
	if (fifo_on && !f->ended && bc_trace_reader_next(f->r, &f->current, &err) != 1)
		f->ended = true;
	*out = f->current;
}
