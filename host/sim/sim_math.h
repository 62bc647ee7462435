/* SPDX-License-Identifier: MIT */
/*
 * Double-precision vectors and quaternions for the simulator.
 *
 * The simulator differentiates trajectories numerically (angular rate from
 * neighbouring orientations 1 ms apart, acceleration from positions), which
 * needs more than float's 7 digits. Conventions are those of core/math3d.h:
 * Hamilton quaternions, scalar first, q_a_from_b rotates frame-b vectors
 * into frame a.
 */
#ifndef BC_SIM_MATH_H
#define BC_SIM_MATH_H

#include <math.h>

#include "core/math3d.h"

#define SIM_DEG_PER_RAD 57.29577951308232
#define SIM_RAD_PER_DEG 0.017453292519943295

typedef struct {
	double x, y, z;
} sim_vec3;

typedef struct {
	double w, x, y, z;
} sim_quat;

static const sim_quat sim_quat_identity = { 1.0, 0.0, 0.0, 0.0 };

/* Vector functions */

static inline sim_vec3 sim_vec3_make(double x, double y, double z)
{
	sim_vec3 v = { x, y, z };
	return v;
}

static inline sim_vec3 sim_vec3_add(sim_vec3 a, sim_vec3 b)
{
	return sim_vec3_make(a.x + b.x, a.y + b.y, a.z + b.z);
}

static inline sim_vec3 sim_vec3_sub(sim_vec3 a, sim_vec3 b)
{
	return sim_vec3_make(a.x - b.x, a.y - b.y, a.z - b.z);
}

static inline sim_vec3 sim_vec3_scale(sim_vec3 a, double s)
{
	return sim_vec3_make(a.x * s, a.y * s, a.z * s);
}

static inline double sim_vec3_dot(sim_vec3 a, sim_vec3 b)
{
	return a.x * b.x + a.y * b.y + a.z * b.z;
}

static inline sim_vec3 sim_vec3_cross(sim_vec3 a, sim_vec3 b)
{
	return sim_vec3_make(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}

static inline double sim_vec3_norm(sim_vec3 a)
{
	return sqrt(sim_vec3_dot(a, a));
}

static inline bc_vec3 sim_vec3_to_float(sim_vec3 a)
{
	return bc_vec3_make((float)a.x, (float)a.y, (float)a.z);
}

/* Quaternion functions */

static inline sim_quat sim_quat_make(double w, double x, double y, double z)
{
	sim_quat q = { w, x, y, z };
	return q;
}

static inline sim_quat sim_quat_mul(sim_quat a, sim_quat b)
{
	return sim_quat_make(a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
			     a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
			     a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
			     a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w);
}

static inline sim_quat sim_quat_conj(sim_quat q)
{
	return sim_quat_make(q.w, -q.x, -q.y, -q.z);
}

static inline double sim_quat_dot(sim_quat a, sim_quat b)
{
	return a.w * b.w + a.x * b.x + a.y * b.y + a.z * b.z;
}

static inline sim_quat sim_quat_normalize(sim_quat q)
{
	double n = sqrt(sim_quat_dot(q, q));
	if (n <= 0.0)
		return sim_quat_identity;
	return sim_quat_make(q.w / n, q.x / n, q.y / n, q.z / n);
}

static inline sim_quat sim_quat_from_axis_angle(sim_vec3 unit_axis, double angle_rad)
{
	double s = sin(0.5 * angle_rad);
	return sim_quat_make(cos(0.5 * angle_rad), unit_axis.x * s, unit_axis.y * s,
			     unit_axis.z * s);
}

/* Rotation vector (axis * angle, radians) -> quaternion. */
static inline sim_quat sim_quat_from_rotvec(sim_vec3 r)
{
	double angle = sim_vec3_norm(r);
	if (angle < 1e-12)
		return sim_quat_normalize(sim_quat_make(1.0, 0.5 * r.x, 0.5 * r.y, 0.5 * r.z));
	return sim_quat_from_axis_angle(sim_vec3_scale(r, 1.0 / angle), angle);
}

/* Quaternion -> rotation vector (radians, angle 0..pi). */
static inline sim_vec3 sim_quat_to_rotvec(sim_quat q)
{
	if (q.w < 0.0)
		q = sim_quat_make(-q.w, -q.x, -q.y, -q.z);
	sim_vec3 v = sim_vec3_make(q.x, q.y, q.z);
	double s = sim_vec3_norm(v);
	if (s < 1e-15)
		return sim_vec3_scale(v, 2.0);
	return sim_vec3_scale(v, 2.0 * atan2(s, q.w) / s);
}

/* v rotated by q: q ⊗ v ⊗ q*. */
static inline sim_vec3 sim_quat_rotate(sim_quat q, sim_vec3 v)
{
	sim_vec3 u = sim_vec3_make(q.x, q.y, q.z);
	sim_vec3 t = sim_vec3_scale(sim_vec3_cross(u, v), 2.0);
	return sim_vec3_add(sim_vec3_add(v, sim_vec3_scale(t, q.w)), sim_vec3_cross(u, t));
}

/* Shortest-path spherical interpolation, s in 0..1 (may leave 0..1 slightly). */
static inline sim_quat sim_quat_slerp(sim_quat a, sim_quat b, double s)
{
	if (sim_quat_dot(a, b) < 0.0)
		b = sim_quat_make(-b.w, -b.x, -b.y, -b.z);
	sim_vec3 r = sim_quat_to_rotvec(sim_quat_mul(sim_quat_conj(a), b));
	return sim_quat_mul(a, sim_quat_from_rotvec(sim_vec3_scale(r, s)));
}

/* Angle between two orientations, degrees (0..180). */
static inline double sim_quat_angle_deg(sim_quat a, sim_quat b)
{
	return sim_vec3_norm(sim_quat_to_rotvec(sim_quat_mul(sim_quat_conj(a), b))) *
	       SIM_DEG_PER_RAD;
}

static inline bc_quat sim_quat_to_float(sim_quat q)
{
	return bc_quat_make((float)q.w, (float)q.x, (float)q.y, (float)q.z);
}

#endif /* BC_SIM_MATH_H */
