/* SPDX-License-Identifier: MIT */
/*
 * Small, exact synthetic traces for command-line tests: the wearing protocol
 * (contract §3: stand still, lie down supine, stay still) followed by a few
 * pelvic tilts, with the sensor strapped on in a given orientation. Accel and
 * gyro are consistent (gyro from the orientation's derivative), noise-free.
 * Not a simulator: just enough motion that every stage of the pipeline runs.
 */
#ifndef BC_TEST_PROTOCOL_TRACE_H
#define BC_TEST_PROTOCOL_TRACE_H

#include <stdbool.h>

#include "core/math3d.h"

typedef struct {
	double rate_hz;		  /* samples per second */
	const char *exercise;	  /* "# exercise:" value; NULL for none */
	const char *hold_s;	  /* "# hold_s:" value; NULL for none */
	bc_vec3 mount_rotvec_deg; /* sensor mounting: rotation vector body <- sensor, degrees */
	int tilts;		  /* pelvic tilts after calibration */
	float tilt_deg;		  /* their size (posterior, positive) */
	float tilt_hold_s;	  /* held this long at the top */
	bool with_mag;		  /* add mx,my,mz (a fixed earth field) */
} bc_test_trace_spec;

/* A spec with 100 Hz, bridge, a 20/30/40 deg mounting, 2 tilts of 20 deg held 3 s. */
bc_test_trace_spec bc_test_trace_spec_default(void);

/* Writes the trace (plain or .gz by suffix); returns the row count, -1 on error. */
long bc_test_write_protocol_trace(const char *path, const bc_test_trace_spec *spec);

#endif /* BC_TEST_PROTOCOL_TRACE_H */
