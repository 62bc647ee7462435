/* SPDX-License-Identifier: MIT */
/*
 * What makes a real person unsteady while "still", beyond the ankle sway and
 * breathing: tremor of the trunk and of the soft tissue under the sensor,
 * and a slow drift of the tilt. Figures from real lower backs standing
 * (data/ipol-l5, measured by `backcoach sway`, docs/sway.md): gyro 95th
 * percentile 0.7..18 deg/s while the trunk's tilt in the steadiest 3 s stays
 * within about 1 deg. Much of the gyro is turning about the spine (it does
 * not tilt anything), at 0.5..2 Hz; the rest shakes the tilt at 2..10 Hz,
 * too fast and too small to move a 0.1 s average of the accelerometer much.
 */
#include <math.h>

#include "sim/script_builder.h"
#include "sim/script_parts.h"

/* Definitions */

/* Sines per axis: a few at random nearby rates beat into an irregular,
 * noise-like tremor without a noise source in the trajectory. */
#define TREMOR_SINES 4
/* The 95th percentile of a 3-axis wobble's magnitude is about 1.6 times
 * its RMS (Maxwell-like); the person's figure is a 95th percentile. */
#define P95_PER_RMS   1.6
#define TREMOR_RAMP_S 0.3

/* Functions */

/* Rotational tremor about one body axis with rms_dps of gyro, spread over
 * f_lo..f_hi Hz (log-uniform). */
static void tremor_axis(sim_builder *b, double t0_s, double t1_s, sim_vec3 axis, double rms_dps,
			double f_lo, double f_hi)
{
	if (rms_dps <= 0.0)
		return;
	double per_sine_dps = rms_dps / sqrt(TREMOR_SINES);
	for (int i = 0; i < TREMOR_SINES; i++) {
		double f = exp(sb_uniform(b, log(f_lo), log(f_hi)));
		/* a sine of amplitude A deg at f Hz has 2 pi f A / sqrt 2 deg/s RMS */
		double amp_deg = per_sine_dps * M_SQRT2 / (2.0 * M_PI * f);
		sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, TREMOR_RAMP_S, axis, amp_deg, f);
	}
}

void sb_unsteady(sim_builder *b, double t0_s, double t1_s, double scale)
{
	const sim_person *p = b->p;
	if (t1_s - t0_s < 0.5 || scale <= 0.0)
		return;
	double rms = scale * p->tremor_dps / P95_PER_RMS;
	double twist = sqrt(p->twist_share) * rms;
	double tilt = sqrt(0.5 * (1.0 - p->twist_share)) * rms;
	tremor_axis(b, t0_s, t1_s, sim_vec3_make(1, 0, 0), tilt, 0.6 * p->tremor_hz,
		    1.6 * p->tremor_hz);
	tremor_axis(b, t0_s, t1_s, sim_vec3_make(0, 1, 0), tilt, 0.6 * p->tremor_hz,
		    1.6 * p->tremor_hz);
	tremor_axis(b, t0_s, t1_s, sim_vec3_make(0, 0, 1), twist, 0.5, 2.5);
	/* Drift: a tilt slower than any stand is long, about a random
	 * horizontal axis, so it reads as a creep one way. */
	double dir = sb_uniform(b, 0.0, 2.0 * M_PI);
	sb_osc(b, SIM_OSC_ROTATION, t0_s, t1_s, 1.0, sim_vec3_make(cos(dir), sin(dir), 0),
	       scale * p->drift_deg, sb_uniform(b, 0.03, 0.08));
}
