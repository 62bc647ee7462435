/* SPDX-License-Identifier: MIT */
/*
 * A 6-axis MEMS IMU (MPU-6050 class) strapped to the body: turns the body's
 * true motion into what the chip would report.
 *
 *   gyro  = scale * (q_sensor_from_body * omega_body) + bias(t) + noise
 *   accel = scale * (q_sensor_from_earth * (a - g)) / g0 + bias + noise
 *
 * where a - g is the specific force (linear acceleration minus gravity, so
 * +1 g up at rest), then 16-bit quantisation at the chosen full scale with
 * saturation at the register limits, as the chip does.
 */
#ifndef BC_SIM_IMU_MODEL_H
#define BC_SIM_IMU_MODEL_H

#include <stdbool.h>

#include "core/sample.h"
#include "sim/body_trajectory.h"
#include "sim/rng.h"

typedef struct {
	sim_quat q_body_from_sensor;   /* mounting: sensor axes in the body frame */
	double gyro_noise_dps;	       /* white noise, rms per axis, deg/s */
	double accel_noise_g;	       /* white noise, rms per axis, g */
	sim_vec3 gyro_bias_dps;	       /* turn-on bias, deg/s */
	sim_vec3 gyro_bias_warmup_dps; /* further drift while warming up, deg/s */
	double gyro_bias_tau_s;	       /* warm-up time constant, seconds */
	double gyro_bias_walk_dps_rts; /* bias random walk, deg/s per sqrt(second) */
	sim_vec3 accel_bias_g;	       /* g */
	sim_vec3 gyro_scale;	       /* 1 + scale error, per axis */
	sim_vec3 accel_scale;
	int accel_fs_g;	 /* full scale 2, 4, 8 or 16 g; 0 = no quantisation */
	int gyro_fs_dps; /* 250, 500, 1000 or 2000 deg/s; 0 = none */
} sim_imu_settings;

/* An ideal sensor: aligned, no noise, bias or scale error, not quantised. */
extern const sim_imu_settings sim_imu_settings_ideal;

/* A realistic chip drawn from r: noise 0.05-0.1 deg/s and 2-5 mg rms, gyro
 * bias up to +-3 deg/s slowly drifting, accel bias +-30 mg, scale +-2 %,
 * a random full scale. Mounting stays as in *s (the caller chooses it). */
void sim_imu_settings_randomize(sim_imu_settings *s, sim_rng *r);

/* True if fs is a full scale the chip offers. */
bool sim_imu_accel_fs_valid(int fs_g);
bool sim_imu_gyro_fs_valid(int fs_dps);

typedef struct {
	sim_imu_settings settings;
	sim_rng rng;
	sim_vec3 walk_dps; /* random-walk part of the gyro bias */
	double last_t_s;
	bool started;
	unsigned long saturated; /* samples with at least one clipped axis */
} sim_imu;

void sim_imu_init(sim_imu *imu, const sim_imu_settings *settings, const sim_rng *rng);

/* The reading for the body's kinematics at t_s (t_s increasing). */
void sim_imu_measure(sim_imu *imu, double t_s, const sim_kinematics *k, bc_sample *out);

/* The true sensor orientation (q_earth_from_sensor) for a body orientation. */
sim_quat sim_imu_sensor_orientation(const sim_imu *imu, sim_quat q_earth_from_body);

#endif /* BC_SIM_IMU_MODEL_H */
