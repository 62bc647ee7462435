/* SPDX-License-Identifier: MIT */
/* TEST-ONLY IMU physics: see imu_synth.h. */
#include "support/imu_synth.h"

#include <math.h>

typedef struct {
	double x, y, z;
} dvec3;

/* Functions */

double bc_synth_uniform(uint64_t *rng)
{
	/* xorshift64* */
	uint64_t x = *rng ? *rng : 0x9e3779b97f4a7c15ull;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*rng = x;
	return (double)((x * 0x2545f4914f6cdd1dull) >> 11) * (1.0 / 9007199254740992.0);
}

float bc_synth_gauss(uint64_t *rng)
{
	/* Box-Muller; u1 kept away from 0 for the log. */
	double u1 = bc_synth_uniform(rng) + 1e-300;
	double u2 = bc_synth_uniform(rng);
	return (float)(sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2));
}

bc_quat bc_synth_random_quat(uint64_t *rng)
{
	/* A normalised 4-D Gaussian is uniform over rotations. */
	bc_quat q;
	do {
		q = bc_quat_make(bc_synth_gauss(rng), bc_synth_gauss(rng), bc_synth_gauss(rng),
				 bc_synth_gauss(rng));
	} while (q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z < 1e-6f);
	return bc_quat_normalize(q);
}

bc_quat bc_synth_rot_deg(bc_vec3 axis, float deg)
{
	return bc_quat_from_axis_angle(bc_vec3_normalize(axis), deg * BC_RAD_PER_DEG);
}

/* Minimum-jerk timing: 0..1 with zero rate and acceleration at both ends. */
static double min_jerk(double u)
{
	return u * u * u * (10.0 + u * (-15.0 + 6.0 * u));
}

static bc_quat slerp(bc_quat a, bc_quat b, double u)
{
	double dot = (double)a.w * b.w + (double)a.x * b.x + (double)a.y * b.y + (double)a.z * b.z;
	if (dot < 0.0) {
		b = bc_quat_make(-b.w, -b.x, -b.y, -b.z);
		dot = -dot;
	}
	double wa, wb;
	if (dot > 0.99999) {
		wa = 1.0 - u;
		wb = u;
	} else {
		double th = acos(dot);
		wa = sin((1.0 - u) * th) / sin(th);
		wb = sin(u * th) / sin(th);
	}
	return bc_quat_normalize(
		bc_quat_make((float)(wa * a.w + wb * b.w), (float)(wa * a.x + wb * b.x),
			     (float)(wa * a.y + wb * b.y), (float)(wa * a.z + wb * b.z)));
}

/*
 * Where t_rel_s falls: the pose index i and the progress u (0..1) of the move
 * from pose i-1 into pose i (u = 1 while holding pose i).
 */
static void locate(const bc_synth *s, double t_rel_s, size_t *i_out, double *u_out)
{
	double t = 0.0;
	for (size_t i = 0; i < s->n_poses; i++) {
		double move = i == 0 ? 0.0 : s->poses[i].move_s;
		if (t_rel_s < t + move) {
			*i_out = i;
			*u_out = min_jerk((t_rel_s - t) / move);
			return;
		}
		t += move;
		if (t_rel_s < t + s->poses[i].hold_s) {
			*i_out = i;
			*u_out = 1.0;
			return;
		}
		t += s->poses[i].hold_s;
	}
	*i_out = s->n_poses - 1;
	*u_out = 1.0;
}

/* Sway: three incommensurate sines about the body axes, body frame. */
static bc_quat sway_at(const bc_synth *s, double t_rel_s)
{
	const bc_synth_settings *st = &s->settings;
	if (st->sway_deg <= 0.0f)
		return bc_quat_identity;
	double w = 2.0 * M_PI * st->sway_hz * t_rel_s;
	double a = st->sway_deg * BC_RAD_PER_DEG;
	bc_vec3 rv = bc_vec3_make((float)(a * sin(w + 0.3)), (float)(a * sin(1.37 * w + 1.1)),
				  (float)(a * sin(0.71 * w + 2.0)));
	return bc_quat_from_rotvec(rv);
}

bc_quat bc_synth_body_at(const bc_synth *s, double t_rel_s)
{
	size_t i;
	double u;
	bc_quat q;
	locate(s, t_rel_s, &i, &u);
	if (u >= 1.0 || i == 0)
		q = s->poses[i].q_earth_from_body;
	else
		q = slerp(s->poses[i - 1].q_earth_from_body, s->poses[i].q_earth_from_body, u);
	return bc_quat_mul(q, sway_at(s, t_rel_s));
}

/* Position in double precision: accelerations come from second differences. */
static dvec3 pos_at(const bc_synth *s, double t_rel_s)
{
	size_t i;
	double u;
	locate(s, t_rel_s, &i, &u);
	bc_vec3 b = s->poses[i].pos_m;
	bc_vec3 a = i == 0 ? b : s->poses[i - 1].pos_m;
	dvec3 p = { a.x + u * ((double)b.x - a.x), a.y + u * ((double)b.y - a.y),
		    a.z + u * ((double)b.z - a.z) };
	return p;
}

bc_vec3 bc_synth_pos_at(const bc_synth *s, double t_rel_s)
{
	dvec3 p = pos_at(s, t_rel_s);
	return bc_vec3_make((float)p.x, (float)p.y, (float)p.z);
}

double bc_synth_hold_start_s(const bc_synth *s, size_t i)
{
	double t = 0.0;
	for (size_t j = 0; j <= i && j < s->n_poses; j++) {
		t += j == 0 ? 0.0 : s->poses[j].move_s;
		if (j < i)
			t += s->poses[j].hold_s;
	}
	return t;
}

void bc_synth_init(bc_synth *s, const bc_synth_settings *settings, const bc_synth_pose *poses,
		   size_t n_poses)
{
	*s = (bc_synth){ 0 };
	s->settings = *settings;
	s->poses = poses;
	s->n_poses = n_poses;
	s->rng = settings->seed ? settings->seed : 1;
	s->duration_s = bc_synth_hold_start_s(s, n_poses - 1) + poses[n_poses - 1].hold_s;
}

static bc_quat sensor_at(const bc_synth *s, double t_rel_s)
{
	return bc_quat_mul(bc_synth_body_at(s, t_rel_s),
			   bc_quat_conj(s->settings.q_sensor_from_body));
}

bool bc_synth_next(bc_synth *s, bc_sample *out)
{
	const bc_synth_settings *st = &s->settings;
	double period = 1.0 / st->rate_hz;
	double t = (double)s->k * period;

	if (t > s->duration_s + 1e-9)
		return false;
	if (st->jitter_s > 0.0 && s->k > 0)
		t += st->jitter_s * (2.0 * bc_synth_uniform(&s->rng) - 1.0);
	double dt = s->k > 0 ? t - s->prev_t_rel_s : period;
	s->prev_t_rel_s = t;
	s->k++;

	bc_quat q_now = sensor_at(s, t);
	bc_quat q_prev = sensor_at(s, t - dt);
	bc_vec3 w_rad = bc_quat_to_rotvec(bc_quat_mul(bc_quat_conj(q_prev), q_now));
	bc_vec3 w_dps = bc_vec3_scale(w_rad, (float)(BC_DEG_PER_RAD / dt));

	const double h = 1e-3;
	dvec3 p0 = pos_at(s, t - h), p1 = pos_at(s, t), p2 = pos_at(s, t + h);
	double k_acc = 1.0 / (h * h * BC_STANDARD_GRAVITY);
	bc_vec3 f_earth_g = bc_vec3_make((float)((p0.x - 2 * p1.x + p2.x) * k_acc),
					 (float)((p0.y - 2 * p1.y + p2.y) * k_acc),
					 (float)((p0.z - 2 * p1.z + p2.z) * k_acc + 1.0));
	bc_vec3 a_g = bc_quat_rotate(bc_quat_conj(q_now), f_earth_g);

	*out = (bc_sample){ 0 };
	out->t_s = st->t0_s + t;
	out->accel_g = bc_vec3_make(a_g.x + st->accel_noise_g * bc_synth_gauss(&s->rng),
				    a_g.y + st->accel_noise_g * bc_synth_gauss(&s->rng),
				    a_g.z + st->accel_noise_g * bc_synth_gauss(&s->rng));
	bc_vec3 w = bc_vec3_add(w_dps, st->gyro_bias_dps);
	out->gyro_dps = bc_vec3_make(w.x + st->gyro_noise_dps * bc_synth_gauss(&s->rng),
				     w.y + st->gyro_noise_dps * bc_synth_gauss(&s->rng),
				     w.z + st->gyro_noise_dps * bc_synth_gauss(&s->rng));
	return true;
}
