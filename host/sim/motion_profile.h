/* SPDX-License-Identifier: MIT */
/*
 * Normalised motion profiles s(tau): how far along a movement the body is
 * (0..1) at normalised time tau (0..1). Both profiles start and end with zero
 * velocity AND zero acceleration, so joined movements have continuous
 * acceleration: the accelerometer never sees a physically impossible step.
 */
#ifndef BC_SIM_MOTION_PROFILE_H
#define BC_SIM_MOTION_PROFILE_H

/*
 * Minimum-jerk profile (Flash & Hogan 1985), the classic model of a smooth
 * voluntary human movement: s = 10 tau^3 - 15 tau^4 + 6 tau^5. Peak speed is
 * 1.875 times the mean speed, at tau = 0.5 (where s = 0.5).
 */
double sim_profile_minjerk(double tau);

/* The tau at which the minimum-jerk profile reaches s (0..1). */
double sim_profile_minjerk_inverse(double s);

/*
 * Cruise profile for walking: speeds up over the first ramp_frac of the
 * time (raised-cosine acceleration), cruises at constant speed, slows down
 * over the last ramp_frac. ramp_frac is clamped to 0.01..0.5.
 */
double sim_profile_cruise(double tau, double ramp_frac);

#endif /* BC_SIM_MOTION_PROFILE_H */
