/* SPDX-License-Identifier: MIT */
#include "sim/motion_profile.h"

#include <math.h>

/* Functions */

double sim_profile_minjerk(double tau)
{
	if (tau <= 0.0)
		return 0.0;
	if (tau >= 1.0)
		return 1.0;
	return tau * tau * tau * (10.0 + tau * (-15.0 + 6.0 * tau));
}

double sim_profile_minjerk_inverse(double s)
{
	if (s <= 0.0)
		return 0.0;
	if (s >= 1.0)
		return 1.0;
	/* The profile is monotonic: bisection is exact enough in 50 steps. */
	double lo = 0.0, hi = 1.0;
	for (int i = 0; i < 50; i++) {
		double mid = 0.5 * (lo + hi);
		if (sim_profile_minjerk(mid) < s)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
}

double sim_profile_cruise(double tau, double ramp_frac)
{
	double r = ramp_frac < 0.01 ? 0.01 : ramp_frac > 0.5 ? 0.5 : ramp_frac;
	double v = 1.0 / (1.0 - r); /* cruise speed so that s(1) = 1 */
	if (tau <= 0.0)
		return 0.0;
	if (tau >= 1.0)
		return 1.0;
	if (tau > 1.0 - r)
		return 1.0 - sim_profile_cruise(1.0 - tau, r);
	if (tau < r) /* speed (1 - cos(pi tau / r)) / 2 * v, integrated */
		return v * (0.5 * tau - r / (2.0 * M_PI) * sin(M_PI * tau / r));
	return v * (0.5 * r + (tau - r));
}
