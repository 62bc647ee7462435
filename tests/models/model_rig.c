/* SPDX-License-Identifier: MIT */
#include "models/model_rig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bc_imu_reader_settings bc_model_rig_settings(float rate_hz, float accel_range_g,
					     float gyro_range_dps)
{
	bc_imu_reader_settings s = bc_imu_reader_settings_default;
	s.chip.rate_hz = rate_hz;
	s.chip.accel_range_g = accel_range_g;
	s.chip.gyro_range_dps = gyro_range_dps;
	return s;
}

int bc_model_rig_open(bc_model_rig *rig, bc_chip_kind kind, uint8_t addr,
		      const bc_imu_reader_settings *settings, bool with_int)
{
	memset(rig, 0, sizeof(*rig));
	rig->bus = bc_model_bus_new();
	rig->model = bc_chip_model_new(kind);
	rig->world = bc_model_world_new();
	rig->seq = calloc(1, sizeof(*rig->seq));
	if (!rig->bus || !rig->model || !rig->world || !rig->seq) {
		strcpy(rig->err, "out of memory");
		bc_chip_model_free(rig->model);
		rig->model = NULL;
		goto fail;
	}
	bc_model_bus_attach(rig->bus, addr, rig->model);
	/* Stay inside the ranges so no value saturates (tests of saturation feed their own). */
	rig->seq->accel_scale_g = settings->chip.accel_range_g * 0.9;
	rig->seq->gyro_scale_dps = settings->chip.gyro_range_dps * 0.9;
	bc_model_world_add(rig->world, rig->model, bc_seq_signal_fn, rig->seq, with_int);
	rig->hooks = bc_model_world_hooks(rig->world, with_int);
	rig->start_world_s = bc_model_world_now_s(rig->world);
	rig->reader = bc_imu_reader_new(bc_model_bus_i2c(rig->bus), settings, &rig->hooks);
	if (!rig->reader) {
		snprintf(rig->err, sizeof(rig->err), "reader: %s", strerror(errno));
		goto fail;
	}
	return 0;
fail:
	bc_model_world_free(rig->world);
	bc_model_bus_free(rig->bus);
	free(rig->seq);
	memset(rig, 0, sizeof(*rig) - sizeof(rig->err));
	return -1;
}

void bc_model_rig_close(bc_model_rig *rig)
{
	bc_imu_reader_free(rig->reader);
	bc_model_world_free(rig->world);
	bc_model_bus_free(rig->bus);
	free(rig->seq);
	memset(rig, 0, sizeof(*rig));
}

size_t bc_model_rig_read(bc_model_rig *rig, bc_sample *out, size_t n, int timeout_ms)
{
	size_t got = 0;
	while (got < n && bc_imu_reader_read(rig->reader, &out[got], timeout_ms) == 1)
		got++;
	return got;
}
