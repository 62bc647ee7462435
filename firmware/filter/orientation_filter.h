/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter: gyroscope + accelerometer (magnetometer optional) to
 * the sensor's orientation, q_earth_from_sensor (earth z up).
 *
 * Lifecycle (caller owns the struct, no heap): init -> update per sample ->
 * getters. The step is taken from sample timestamps (any rate 25..1000 Hz,
 * jittered); a gap over settings.dropout_s re-initialises from the
 * accelerometer. Saturated or non-finite samples are rejected and counted.
 */
#ifndef BC_ORIENTATION_FILTER_H
#define BC_ORIENTATION_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/math3d.h"
#include "core/sample.h"

typedef struct {
	float dropout_s;        /* a step longer than this restarts, seconds (contract: 0.5) */
	float accel_limit_g;    /* |a| component at/over this is saturated, g */
	float gyro_limit_dps;   /* |w| component at/over this is saturated, deg/s */
	float tau_acc_s;        /* accelerometer correction time constant, seconds */
	float bias_tau_rest_s;  /* gyro-bias learning time constant at rest, seconds */
	float bias_tau_motion_s; /* gyro-bias learning time constant in motion, seconds */
	bool use_mag;           /* fuse the magnetometer for heading */
} bc_filter_settings;

extern const bc_filter_settings bc_filter_settings_default;

typedef enum {
	BC_FILTER_OK = 0,
	BC_FILTER_STARTED,      /* first sample or restart after a dropout */
	BC_FILTER_REJECTED,     /* sample not fused (saturated / non-finite / time not increasing) */
} bc_filter_status;

typedef struct {
	bc_filter_settings settings;
	bool initialised;
	double last_t_s;
	bc_quat q;              /* q_earth_from_sensor */
	bc_vec3 bias_dps;       /* gyro bias estimate, deg/s */
	bc_vec3 acc_lp_g;       /* low-passed accelerometer, g */
	float rest_s;           /* time at rest so far, seconds */
	bool at_rest;
	uint32_t rejected;      /* samples rejected so far */
	uint32_t restarts;      /* re-initialisations after dropouts */
} bc_filter;

void bc_filter_init(bc_filter *f, const bc_filter_settings *settings);

/* Fuses one sample. */
bc_filter_status bc_filter_update(bc_filter *f, const bc_sample *s);

static inline bc_quat bc_filter_quat(const bc_filter *f) { return f->q; }
static inline bc_vec3 bc_filter_gyro_bias_dps(const bc_filter *f) { return f->bias_dps; }
static inline bool bc_filter_at_rest(const bc_filter *f) { return f->at_rest; }

#endif /* BC_ORIENTATION_FILTER_H */
