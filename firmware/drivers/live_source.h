/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers (adapts the reader to platform/sample_source.h; it lives
 * here, not in platform, because it needs the reader and platform needs
 * nothing above it). host/hw_backend.c is the one caller that opens it for
 * real hardware; tests open it over chip models.
 *
 * The live sensor as a bc_sample_source: an IMU reader on an I2C bus, with
 * the source's status CONNECTED while samples stream and RECONNECTING while
 * the sensor is lost (the session goes on; the screen says so). Its data
 * is watched too (core/sample_guard.h): output frozen, or glitch after
 * glitch, for 2 s and the chip is configured again (bc_imu_reader_restart).
 * Samples go out as they came: the coach runs the same checks and repairs.
 */
#ifndef BC_LIVE_SOURCE_H
#define BC_LIVE_SOURCE_H

#include "drivers/imu_reader.h"
#include "platform/i2c_bus.h"
#include "platform/sample_source.h"

typedef struct {
	bc_i2c_bus *bus;		    /* where the IMU is */
	bc_imu_reader_settings reader;	    /* chip settings, address (0 = probe), faults */
	const bc_imu_hooks *hooks;	    /* clock + data-ready line; NULL = system, polling */
	void (*bus_close)(bc_i2c_bus *bus); /* called on close when the source owns the bus */
} bc_live_source_config;

/* NULL + errno as bc_imu_reader_new when no chip is found or it cannot be set up. */
bc_sample_source *bc_live_source_open(const bc_live_source_config *config);

/* The reader underneath (stats, chip, config), for status lines and tests. */
bc_imu_reader *bc_live_source_reader(bc_sample_source *src);

#endif /* BC_LIVE_SOURCE_H */
