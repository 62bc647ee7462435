/* SPDX-License-Identifier: MIT */
/*
 * Virtual time for chip models: each model added takes a sample at the rate
 * its registers configure (optionally with its clock off by a ratio), from a
 * signal function giving the true motion at that instant. Data-ready edges of
 * the model wired to INT queue up (16 deep, like the kernel's line-event
 * buffer) with their exact times. The world's hooks give the reader this
 * clock, sleeps that advance it and waits on that INT line, so a test runs a
 * minute of 1 kHz streaming in milliseconds.
 */
#ifndef BC_MODEL_WORLD_H
#define BC_MODEL_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/imu_reader.h"
#include "models/chip_model.h"

/* The true sample at time t_s (seconds of world time). */
typedef void (*bc_model_signal_fn)(void *ctx, double t_s, bc_sample *out);

/* Called after each sample a model takes (scripted faults, truth logs). */
typedef void (*bc_model_tick_fn)(void *ctx, bc_chip_model *m, double t_s);

typedef struct bc_model_world bc_model_world;

bc_model_world *bc_model_world_new(void);
void bc_model_world_free(bc_model_world *w); /* the models stay the caller's */

/* signal NULL: at rest, +1 g on z. int_line: the model's data-ready reaches the hooks. */
void bc_model_world_add(bc_model_world *w, bc_chip_model *m, bc_model_signal_fn signal, void *ctx,
			bool int_line);

/* The model's clock runs at ratio × nominal (1.02 = 2 % fast). */
void bc_model_world_set_clock_ratio(bc_model_world *w, bc_chip_model *m, double ratio);

void bc_model_world_on_tick(bc_model_world *w, bc_model_tick_fn fn, void *ctx);

uint64_t bc_model_world_now_ns(const bc_model_world *w);
double bc_model_world_now_s(const bc_model_world *w);
void bc_model_world_advance_ns(bc_model_world *w, uint64_t ns);

/* Hooks over this world; with_int false gives no data-ready line (polling). */
bc_imu_hooks bc_model_world_hooks(bc_model_world *w, bool with_int);

/* Edges raised so far (including ones dropped by a full queue). */
unsigned long bc_model_world_edges(const bc_model_world *w);

#endif /* BC_MODEL_WORLD_H */
