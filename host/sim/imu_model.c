/* SPDX-License-Identifier: MIT */
#include "sim/imu_model.h"

#include <math.h>
#include <string.h>

/* Definitions */

/*
 * Register sensitivities of the MPU-6050 (datasheet PS-MPU-6000A-00 §6.1-6.2):
 * LSB per g for AFS_SEL 0..3, LSB per deg/s for FS_SEL 0..3. Note the gyro
 * LSBs (131, 65.5, ...) make the true clip point slightly above full scale.
 */
static const struct {
	int fs;
	double lsb_per_unit;
} accel_ranges[] = { { 2, 16384.0 }, { 4, 8192.0 }, { 8, 4096.0 }, { 16, 2048.0 } },
  gyro_ranges[] = { { 250, 131.0 }, { 500, 65.5 }, { 1000, 32.8 }, { 2000, 16.4 } };

#define N_RANGES 4
#define RAW_MIN	 -32768.0
#define RAW_MAX	 32767.0

const sim_imu_settings sim_imu_settings_ideal = {
	.q_body_from_sensor = { 1.0, 0.0, 0.0, 0.0 },
	.gyro_scale = { 1.0, 1.0, 1.0 },
	.accel_scale = { 1.0, 1.0, 1.0 },
	.gyro_bias_tau_s = 1.0,
};

/* Functions */

bool sim_imu_accel_fs_valid(int fs_g)
{
	for (int i = 0; i < N_RANGES; i++)
		if (accel_ranges[i].fs == fs_g)
			return true;
	return false;
}

bool sim_imu_gyro_fs_valid(int fs_dps)
{
	for (int i = 0; i < N_RANGES; i++)
		if (gyro_ranges[i].fs == fs_dps)
			return true;
	return false;
}

static sim_vec3 uniform_vec3(sim_rng *r, double half_width)
{
	return sim_vec3_make(sim_rng_uniform(r, -half_width, half_width),
			     sim_rng_uniform(r, -half_width, half_width),
			     sim_rng_uniform(r, -half_width, half_width));
}

void sim_imu_settings_randomize(sim_imu_settings *s, sim_rng *r)
{
	static const int accel_fs[] = { 2, 4, 8 };
	static const int gyro_fs[] = { 250, 500, 2000 };
	s->gyro_noise_dps = sim_rng_uniform(r, 0.05, 0.10);
	s->accel_noise_g = sim_rng_uniform(r, 0.002, 0.005);
	/* Turn-on bias plus warm-up drift stay within +-3 deg/s per axis. */
	s->gyro_bias_dps = uniform_vec3(r, 2.5);
	s->gyro_bias_warmup_dps = uniform_vec3(r, 0.5);
	s->gyro_bias_tau_s = sim_rng_uniform(r, 60.0, 300.0);
	s->gyro_bias_walk_dps_rts = sim_rng_uniform(r, 0.002, 0.01);
	s->accel_bias_g = uniform_vec3(r, 0.030);
	s->gyro_scale = sim_vec3_add(sim_vec3_make(1, 1, 1), uniform_vec3(r, 0.02));
	s->accel_scale = sim_vec3_add(sim_vec3_make(1, 1, 1), uniform_vec3(r, 0.02));
	s->accel_fs_g = accel_fs[sim_rng_int(r, 0, 2)];
	s->gyro_fs_dps = gyro_fs[sim_rng_int(r, 0, 2)];
}

void sim_imu_init(sim_imu *imu, const sim_imu_settings *settings, const sim_rng *rng)
{
	memset(imu, 0, sizeof(*imu));
	imu->settings = *settings;
	imu->settings.q_body_from_sensor = sim_quat_normalize(settings->q_body_from_sensor);
	imu->rng = sim_rng_fork(rng, "imu-noise");
}

sim_quat sim_imu_sensor_orientation(const sim_imu *imu, sim_quat q_earth_from_body)
{
	return sim_quat_mul(q_earth_from_body, imu->settings.q_body_from_sensor);
}

static double lsb_for(int fs, bool gyro)
{
	for (int i = 0; i < N_RANGES; i++) {
		if (!gyro && accel_ranges[i].fs == fs)
			return 1.0 / accel_ranges[i].lsb_per_unit;
		if (gyro && gyro_ranges[i].fs == fs)
			return 1.0 / gyro_ranges[i].lsb_per_unit;
	}
	return 0.0;
}

/* Rounds to the register's resolution and clips at its range, as the ADC does. */
static double quantise(double v, double lsb, bool *clipped)
{
	if (lsb <= 0.0)
		return v;
	double raw = nearbyint(v / lsb);
	if (raw < RAW_MIN || raw > RAW_MAX) {
		*clipped = true;
		raw = raw < RAW_MIN ? RAW_MIN : RAW_MAX;
	}
	return raw * lsb;
}

static sim_vec3 gauss_vec3(sim_rng *r, double sigma)
{
	if (sigma <= 0.0)
		return sim_vec3_make(0, 0, 0);
	return sim_vec3_make(sigma * sim_rng_gauss(r), sigma * sim_rng_gauss(r),
			     sigma * sim_rng_gauss(r));
}

static sim_vec3 mul_elem(sim_vec3 a, sim_vec3 b)
{
	return sim_vec3_make(a.x * b.x, a.y * b.y, a.z * b.z);
}

void sim_imu_measure(sim_imu *imu, double t_s, const sim_kinematics *k, bc_sample *out)
{
	const sim_imu_settings *s = &imu->settings;
	double dt = imu->started ? t_s - imu->last_t_s : 0.0;
	imu->started = true;
	imu->last_t_s = t_s;
	if (s->gyro_bias_walk_dps_rts > 0.0 && dt > 0.0)
		imu->walk_dps = sim_vec3_add(
			imu->walk_dps, gauss_vec3(&imu->rng, s->gyro_bias_walk_dps_rts * sqrt(dt)));

	sim_quat q_sensor_from_body = sim_quat_conj(s->q_body_from_sensor);
	sim_quat q_sensor_from_earth = sim_quat_conj(
		sim_imu_sensor_orientation(imu, k->q_earth_from_body));

	/* Angular rate: the body's, seen along the sensor's axes. */
	sim_vec3 gyro = sim_vec3_scale(sim_quat_rotate(q_sensor_from_body, k->omega_body_rad_s),
				       SIM_DEG_PER_RAD);
	double warm = 1.0 - exp(-t_s / fmax(s->gyro_bias_tau_s, 1e-3));
	sim_vec3 bias = sim_vec3_add(
		sim_vec3_add(s->gyro_bias_dps, sim_vec3_scale(s->gyro_bias_warmup_dps, warm)),
		imu->walk_dps);
	gyro = sim_vec3_add(sim_vec3_add(mul_elem(s->gyro_scale, gyro), bias),
			    gauss_vec3(&imu->rng, s->gyro_noise_dps));

	/* Specific force: a - g with g = (0, 0, -g0), i.e. +1 g up at rest. */
	sim_vec3 f_earth = sim_vec3_add(k->accel_earth_m_s2,
					sim_vec3_make(0.0, 0.0, BC_STANDARD_GRAVITY));
	sim_vec3 accel = sim_vec3_scale(sim_quat_rotate(q_sensor_from_earth, f_earth),
					1.0 / BC_STANDARD_GRAVITY);
	accel = sim_vec3_add(sim_vec3_add(mul_elem(s->accel_scale, accel), s->accel_bias_g),
			     gauss_vec3(&imu->rng, s->accel_noise_g));

	bool clipped = false;
	double la = lsb_for(s->accel_fs_g, false), lg = lsb_for(s->gyro_fs_dps, true);
	accel = sim_vec3_make(quantise(accel.x, la, &clipped), quantise(accel.y, la, &clipped),
			      quantise(accel.z, la, &clipped));
	gyro = sim_vec3_make(quantise(gyro.x, lg, &clipped), quantise(gyro.y, lg, &clipped),
			     quantise(gyro.z, lg, &clipped));
	if (clipped)
		imu->saturated++;

	memset(out, 0, sizeof(*out));
	out->t_s = t_s;
	out->accel_g = sim_vec3_to_float(accel);
	out->gyro_dps = sim_vec3_to_float(gyro);
	out->has_mag = false;
}
