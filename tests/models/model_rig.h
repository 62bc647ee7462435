/* SPDX-License-Identifier: MIT */
/*
 * A test rig: one chip model on a model bus, in a virtual-time world with a
 * numbered signal, and an IMU reader over it. Shared by the driver tests and
 * the driver benchmark.
 */
#ifndef BC_MODEL_RIG_H
#define BC_MODEL_RIG_H

#include "drivers/imu_reader.h"
#include "models/chip_model.h"
#include "models/model_bus.h"
#include "models/model_signals.h"
#include "models/model_world.h"

typedef struct {
	bc_model_bus *bus;
	bc_chip_model *model; /* owned by bus */
	bc_model_world *world;
	bc_seq_signal *seq;
	bc_imu_hooks hooks;
	bc_imu_reader *reader;
	double start_world_s; /* world time when the reader started (its t = 0) */
	char err[256];
} bc_model_rig;

/* The reader's defaults with the chip asked for rate_hz, ±accel_range_g, ±gyro_range_dps. */
bc_imu_reader_settings bc_model_rig_settings(float rate_hz, float accel_range_g,
					     float gyro_range_dps);

/*
 * Builds the rig; the signal's amplitudes follow the ranges asked for.
 * with_int: the model's INT is wired to the reader. Returns 0 or -1 (err set).
 */
int bc_model_rig_open(bc_model_rig *rig, bc_chip_kind kind, uint8_t addr,
		      const bc_imu_reader_settings *settings, bool with_int);
void bc_model_rig_close(bc_model_rig *rig);

/* Reads n samples (timeout_ms each); returns how many came. */
size_t bc_model_rig_read(bc_model_rig *rig, bc_sample *out, size_t n, int timeout_ms);

#endif /* BC_MODEL_RIG_H */
