/* SPDX-License-Identifier: MIT */
/*
 * TEST-ONLY IMU physics for the body tests: what an accelerometer and a
 * gyroscope strapped onto a moving body would read. Deliberately small; the
 * full session simulator (`backcoach sim`, host/sim/) is a separate program.
 *
 * The body follows key poses (q_earth_from_body, earth z up) joined by smooth
 * slerps (minimum-jerk timing, so rates and accelerations are continuous),
 * optionally with a position (for linear acceleration). The sensor sits at
 * q_sensor_from_body on the body. For sample k at t_k:
 * - gyro: the sensor's rate over the step ending at t_k, sensor frame,
 *   ω = 2·log(conj(q_k-1) ⊗ q_k) / dt (what an integrating filter needs),
 *   plus bias and white noise, deg/s;
 * - accel: specific force R^T·(a_lin/g + up), in g, plus white noise.
 */
#ifndef BC_IMU_SYNTH_H
#define BC_IMU_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/math3d.h"
#include "core/sample.h"

typedef struct {
	bc_quat q_earth_from_body; /* key pose */
	double move_s;		   /* smooth transition from the previous pose, s (ignored first) */
	double hold_s;		   /* then held this long, s */
	bc_vec3 pos_m;		   /* body position at this pose, earth frame, metres */
} bc_synth_pose;

typedef struct {
	double rate_hz;		    /* sample rate, Hz */
	double t0_s;		    /* time of the first sample, s */
	bc_quat q_sensor_from_body; /* mounting */
	float accel_noise_g;	    /* white noise per axis (standard deviation), g */
	float gyro_noise_dps;	    /* white noise per axis (standard deviation), deg/s */
	bc_vec3 gyro_bias_dps;	    /* constant gyro bias, deg/s */
	double jitter_s;	    /* sample times off their grid by up to +-this, s
				    * (keep below half a period) */
	float sway_deg;		    /* a person never holds perfectly still: the body wobbles
				    * by up to this about each of its axes, degrees ... */
	float sway_hz;		    /* ... at about this frequency, Hz */
	uint64_t seed;		    /* noise seed */
} bc_synth_settings;

typedef struct {
	bc_synth_settings settings;
	const bc_synth_pose *poses; /* caller-owned, n_poses of them */
	size_t n_poses;
	double duration_s;
	uint64_t rng;
	uint64_t k;	     /* index of the next sample */
	double prev_t_rel_s; /* relative time of the previous sample */
} bc_synth;

void bc_synth_init(bc_synth *s, const bc_synth_settings *settings, const bc_synth_pose *poses,
		   size_t n_poses);

/* The next sample; false once the trajectory is over. */
bool bc_synth_next(bc_synth *s, bc_sample *out);

/* Truth at t_rel_s seconds after the first sample (clamped to the ends),
 * sway included. */
bc_quat bc_synth_body_at(const bc_synth *s, double t_rel_s);
bc_vec3 bc_synth_pos_at(const bc_synth *s, double t_rel_s);

/* Start time (relative) of key pose i's hold, seconds. */
double bc_synth_hold_start_s(const bc_synth *s, size_t i);

/* Random helpers (xorshift64*): uniform in [0,1), standard normal, rotation. */
double bc_synth_uniform(uint64_t *rng);
float bc_synth_gauss(uint64_t *rng);
bc_quat bc_synth_random_quat(uint64_t *rng);

/* Rotation by deg about a (not necessarily unit) axis. */
bc_quat bc_synth_rot_deg(bc_vec3 axis, float deg);

#endif /* BC_IMU_SYNTH_H */
