/* SPDX-License-Identifier: MIT */
/*
 * How unsteady a person stands (or holds any pose): figures over a span of
 * IMU samples, the same for real recordings and simulated ones, so the two
 * can be compared (docs/sway.md, tests/test_sim_sway.c).
 *
 * - gyro: |omega - median(omega)| per sample (the median removes the chip's
 *   bias), its 50th and 95th percentiles, deg/s;
 * - tilt: the direction of the accelerometer averaged over 0.1 s blocks; its
 *   largest and RMS angle from the span's mean direction, degrees; and the
 *   steadiest 3 s: over every 3 s run of blocks, the largest angle from that
 *   run's own mean direction, the smallest such figure (contract §3: "still"
 *   is the trunk's tilt within about 1.5 deg for 3 s);
 * - bands: RMS of the gyro (vector, deg/s) and of the accelerometer
 *   direction per sample (two angles about the mean direction, degrees) in
 *   the bands of bc_sway_band_hz, from one Hann-windowed FFT of the span.
 *   Above ~2 Hz the per-sample direction is mostly linear acceleration and
 *   accelerometer noise, not tilt: read those bands as "shaking".
 *
 * The caller owns everything: the samples and a scratch buffer of
 * bc_sway_scratch_len(n) doubles. Samples are taken as evenly spaced at
 * their mean rate (jitter and short gaps do not matter to these figures).
 */
#ifndef BC_SWAY_STATS_H
#define BC_SWAY_STATS_H

#include <stddef.h>

#include "core/sample.h"

#define BC_SWAY_BANDS	 4
#define BC_SWAY_BLOCK_S	 0.1 /* tilt is averaged over blocks this long */
#define BC_SWAY_STEADY_S 3.0 /* the steadiest window's length */

/* Band edges, Hz: band i is [edge[i], edge[i + 1]). */
extern const double bc_sway_band_hz[BC_SWAY_BANDS + 1];

typedef struct {
	size_t n_samples;
	double duration_s;
	double rate_hz; /* mean sample rate of the span */
	double gyro_p50_dps, gyro_p95_dps;
	double tilt_max_dev_deg; /* largest block tilt from the mean tilt */
	double tilt_rms_deg;
	double steadiest_3s_dev_deg; /* NAN when the span is shorter than 3 s */
	double gyro_band_rms_dps[BC_SWAY_BANDS];
	double tilt_band_rms_deg[BC_SWAY_BANDS];
} bc_sway_stats;

/* Doubles of scratch that bc_sway_measure needs for n samples. */
size_t bc_sway_scratch_len(size_t n);

/*
 * Measures samples[0..n). 0 ok; -1 when there is too little to measure
 * (fewer than 2 blocks of tilt, i.e. under ~0.2 s, or a zero accelerometer).
 */
int bc_sway_measure(const bc_sample *samples, size_t n, double *scratch, bc_sway_stats *out);

#endif /* BC_SWAY_STATS_H */
