/* SPDX-License-Identifier: MIT */
/*
 * One IMU sample as it flows through the real-time path: from a trace file,
 * the simulator or a chip driver into the filter.
 */
#ifndef BC_SAMPLE_H
#define BC_SAMPLE_H

#include <stdbool.h>

#include "core/math3d.h"

/* Standard gravity, m/s² per g (contract §1). */
#define BC_STANDARD_GRAVITY 9.80665

typedef struct {
	double t_s;	  /* timestamp, seconds; strictly increasing in a stream */
	bc_vec3 accel_g;  /* specific force, g, sensor frame (+1 g up at rest) */
	bc_vec3 gyro_dps; /* angular rate, degrees per second, sensor frame */
	bc_vec3 mag_ut;	  /* magnetic field, microtesla; valid if has_mag */
	bool has_mag;
} bc_sample;

#endif /* BC_SAMPLE_H */
