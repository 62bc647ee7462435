/* SPDX-License-Identifier: MIT */
/*
 * atan2 for the per-sample angles, in float: cheaper than glibc 2.36's
 * atan2f (a wrapper around atanf; replay's coach thread went from 2743 to
 * 2537 instructions a sample with this, docs/performance.md) and the same
 * on every libc: worked in double and rounded once, so it is the correctly
 * rounded float but for about two arguments in 10^6, which are 1 ulp off
 * (tests/test_atan2_float.c; glibc's atan2f is off for about one in five).
 *
 * The ratio of the smaller to the larger magnitude is in [0, 1]; above
 * tan(pi/8) it is turned into (r - 1) / (r + 1) with pi/4 added, so the
 * polynomial only sees |r| <= tan(pi/8). There atan(r) = r P(r^2) with P of
 * degree 7, interpolated at Chebyshev nodes of r^2 in [0, tan^2(pi/8)]:
 * relative error under 8e-13, far below a float's 6e-8.
 *
 * Zeros, infinities and NaN go to libm's atan2f, which knows their signs.
 */
#ifndef BC_ATAN2_FLOAT_H
#define BC_ATAN2_FLOAT_H

#include <math.h>
#include <stdbool.h>

/* atan(r) / r as a series in z = r^2, for |r| <= tan(pi/8) (z <= 0.1716). */
static inline double bc_atan_ratio(double z)
{
	double p = -0.03765498425894515;
	p = p * z + 0.06974190322318252;
	p = p * z - 0.08992551140549147;
	p = p * z + 0.1110345669579466;
	p = p * z - 0.14285386540143358;
	p = p * z + 0.1999999305311325;
	p = p * z - 0.3333333327691609;
	p = p * z + 0.9999999999992445;
	return p;
}

static inline double bc_atan_reduced(double r)
{
	return r * bc_atan_ratio(r * r);
}

static inline float bc_atan2f(float y, float x)
{
	if (!(isfinite(x) && isfinite(y)) || (x == 0.0f && y == 0.0f))
		return atan2f(y, x);
	const double pi = 3.14159265358979323846, tan_pi_8 = 0.41421356237309504880;
	double ax = fabs((double)x), ay = fabs((double)y);
	bool steep = ay > ax;
	double r = steep ? ax / ay : ay / ax, a = 0.0;
	if (r > tan_pi_8) {
		r = (r - 1.0) / (r + 1.0);
		a = pi / 4;
	}
	a += bc_atan_reduced(r); /* atan(smaller / larger), in [0, pi/4] */
	if (steep)
		a = pi / 2 - a;
	if (x < 0.0f)
		a = pi - a;
	return (float)(signbit(y) ? -a : a);
}

#endif /* BC_ATAN2_FLOAT_H */
