/* SPDX-License-Identifier: MIT */
/*
 * Inline 3-vector and quaternion math shared by the whole real-time path.
 *
 * Conventions (used everywhere in backcoach):
 * - Quaternions are Hamilton, scalar first (w, x, y, z), unit length.
 * - A quaternion "q_a_from_b" rotates vectors expressed in frame b into frame a:
 *   v_a = q ⊗ v_b ⊗ q*. The filter's output is q_earth_from_sensor.
 * - Earth frame: z up (heading arbitrary without a magnetometer).
 * - Angles crossing a boundary are in degrees unless the name says _rad.
 */
#ifndef BC_MATH3D_H
#define BC_MATH3D_H

#include <math.h>

#include "core/atan2_float.h"

#define BC_DEG_PER_RAD 57.29577951308232f
#define BC_RAD_PER_DEG 0.017453292519943295f

typedef struct {
	float x, y, z;
} bc_vec3;

typedef struct {
	float w, x, y, z;
} bc_quat;

static const bc_quat bc_quat_identity = { 1.0f, 0.0f, 0.0f, 0.0f };

/* Vector functions */

static inline bc_vec3 bc_vec3_make(float x, float y, float z)
{
	bc_vec3 v = { x, y, z };
	return v;
}

static inline bc_vec3 bc_vec3_add(bc_vec3 a, bc_vec3 b)
{
	return bc_vec3_make(a.x + b.x, a.y + b.y, a.z + b.z);
}

static inline bc_vec3 bc_vec3_sub(bc_vec3 a, bc_vec3 b)
{
	return bc_vec3_make(a.x - b.x, a.y - b.y, a.z - b.z);
}

static inline bc_vec3 bc_vec3_scale(bc_vec3 a, float s)
{
	return bc_vec3_make(a.x * s, a.y * s, a.z * s);
}

static inline float bc_vec3_dot(bc_vec3 a, bc_vec3 b)
{
	return a.x * b.x + a.y * b.y + a.z * b.z;
}

static inline bc_vec3 bc_vec3_cross(bc_vec3 a, bc_vec3 b)
{
	return bc_vec3_make(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}

static inline float bc_vec3_norm(bc_vec3 a)
{
	return sqrtf(bc_vec3_dot(a, a));
}

/* Unit vector along a; the zero vector stays zero. */
static inline bc_vec3 bc_vec3_normalize(bc_vec3 a)
{
	float n = bc_vec3_norm(a);
	return n > 0.0f ? bc_vec3_scale(a, 1.0f / n) : a;
}

static inline int bc_vec3_isfinite(bc_vec3 a)
{
	return isfinite(a.x) && isfinite(a.y) && isfinite(a.z);
}

/* Angle between two vectors, degrees (0..180); robust near 0 and 180. */
static inline float bc_vec3_angle_deg(bc_vec3 a, bc_vec3 b)
{
	return bc_atan2f(bc_vec3_norm(bc_vec3_cross(a, b)), bc_vec3_dot(a, b)) * BC_DEG_PER_RAD;
}

/* Quaternion functions */

static inline bc_quat bc_quat_make(float w, float x, float y, float z)
{
	bc_quat q = { w, x, y, z };
	return q;
}

static inline bc_quat bc_quat_mul(bc_quat a, bc_quat b)
{
	return bc_quat_make(a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
			    a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
			    a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
			    a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w);
}

static inline bc_quat bc_quat_conj(bc_quat q)
{
	return bc_quat_make(q.w, -q.x, -q.y, -q.z);
}

static inline bc_quat bc_quat_normalize(bc_quat q)
{
	float n = sqrtf(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);
	if (n <= 0.0f)
		return bc_quat_identity;
	n = 1.0f / n;
	return bc_quat_make(q.w * n, q.x * n, q.y * n, q.z * n);
}

/* Rotation by angle_rad about a unit axis. */
static inline bc_quat bc_quat_from_axis_angle(bc_vec3 axis, float angle_rad)
{
	float s = sinf(0.5f * angle_rad);
	return bc_quat_make(cosf(0.5f * angle_rad), axis.x * s, axis.y * s, axis.z * s);
}

/* Rotation vector (axis * angle, radians) -> quaternion. */
static inline bc_quat bc_quat_from_rotvec(bc_vec3 r)
{
	float angle = bc_vec3_norm(r);
	if (angle < 1e-9f)
		return bc_quat_normalize(bc_quat_make(1.0f, 0.5f * r.x, 0.5f * r.y, 0.5f * r.z));
	return bc_quat_from_axis_angle(bc_vec3_scale(r, 1.0f / angle), angle);
}

/* Quaternion -> rotation vector (axis * angle, radians, angle in 0..pi). */
static inline bc_vec3 bc_quat_to_rotvec(bc_quat q)
{
	if (q.w < 0.0f)
		q = bc_quat_make(-q.w, -q.x, -q.y, -q.z);
	bc_vec3 v = bc_vec3_make(q.x, q.y, q.z);
	float s = bc_vec3_norm(v);
	if (s < 1e-9f)
		return bc_vec3_scale(v, 2.0f);
	return bc_vec3_scale(v, 2.0f * bc_atan2f(s, q.w) / s);
}

/* v rotated by q: q ⊗ v ⊗ q*. */
static inline bc_vec3 bc_quat_rotate(bc_quat q, bc_vec3 v)
{
	/* t = 2 (q.xyz × v); v' = v + w t + q.xyz × t */
	bc_vec3 u = bc_vec3_make(q.x, q.y, q.z);
	bc_vec3 t = bc_vec3_scale(bc_vec3_cross(u, v), 2.0f);
	return bc_vec3_add(bc_vec3_add(v, bc_vec3_scale(t, q.w)), bc_vec3_cross(u, t));
}

/* The shortest rotation taking unit vector from onto unit vector to. */
static inline bc_quat bc_quat_from_two_vectors(bc_vec3 from, bc_vec3 to)
{
	float d = bc_vec3_dot(from, to);
	bc_vec3 c = bc_vec3_cross(from, to);
	if (d < -0.999999f) {
		/* Opposite: any axis perpendicular to from. */
		bc_vec3 axis = bc_vec3_cross(bc_vec3_make(1, 0, 0), from);
		if (bc_vec3_norm(axis) < 1e-6f)
			axis = bc_vec3_cross(bc_vec3_make(0, 1, 0), from);
		return bc_quat_from_axis_angle(bc_vec3_normalize(axis), (float)M_PI);
	}
	return bc_quat_normalize(bc_quat_make(1.0f + d, c.x, c.y, c.z));
}

/*
 * Rotation whose columns are the given orthonormal axes of frame b expressed
 * in frame a (i.e. q_a_from_b for R = [x y z]). Shepperd's method.
 */
static inline bc_quat bc_quat_from_axes(bc_vec3 x, bc_vec3 y, bc_vec3 z)
{
	float tr = x.x + y.y + z.z;
	bc_quat q;
	if (tr > 0.0f) {
		float s = 2.0f * sqrtf(1.0f + tr);
		q = bc_quat_make(0.25f * s, (y.z - z.y) / s, (z.x - x.z) / s, (x.y - y.x) / s);
	} else if (x.x > y.y && x.x > z.z) {
		float s = 2.0f * sqrtf(1.0f + x.x - y.y - z.z);
		q = bc_quat_make((y.z - z.y) / s, 0.25f * s, (y.x + x.y) / s, (z.x + x.z) / s);
	} else if (y.y > z.z) {
		float s = 2.0f * sqrtf(1.0f + y.y - x.x - z.z);
		q = bc_quat_make((z.x - x.z) / s, (y.x + x.y) / s, 0.25f * s, (z.y + y.z) / s);
	} else {
		float s = 2.0f * sqrtf(1.0f + z.z - x.x - y.y);
		q = bc_quat_make((x.y - y.x) / s, (z.x + x.z) / s, (z.y + y.z) / s, 0.25f * s);
	}
	return bc_quat_normalize(q);
}

#endif /* BC_MATH3D_H */
