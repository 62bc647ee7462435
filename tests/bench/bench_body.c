/* SPDX-License-Identifier: MIT */
/*
 * Cost of the body tracker per sample: the whole update (filter, stillness,
 * calibration, angles) and the filter alone, over a synthetic session (stand,
 * lie down, tilt), in nanoseconds per sample. Also the tracker's size.
 */
#include <stdio.h>
#include <time.h>

#include "body/body_tracker.h"
#include "support/imu_synth.h"
#include "support/bench_support.h"

/* Definitions */

#define MAX_SAMPLES 2000
#define REPEATS	    100
#define ROUNDS	    5

static bc_sample samples[MAX_SAMPLES];

/* Functions */

static size_t make_session(void)
{
	static const bc_vec3 Y = { 0, 1, 0 };
	bc_synth_pose poses[] = {
		{ .q_earth_from_body = bc_quat_identity, .hold_s = 4.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -90.0f), .move_s = 3.0, .hold_s = 3.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -100.0f), .move_s = 1.0, .hold_s = 3.0 },
		{ .q_earth_from_body = bc_synth_rot_deg(Y, -90.0f), .move_s = 1.0, .hold_s = 3.0 },
	};
	uint64_t rng = 7;
	bc_synth_settings st = {
		.rate_hz = 100.0,
		.q_sensor_from_body = bc_synth_random_quat(&rng),
		.accel_noise_g = 0.004f,
		.gyro_noise_dps = 0.08f,
		.gyro_bias_dps = { 0.3f, -0.2f, 0.1f },
		.seed = 3,
	};
	bc_synth s;
	size_t n = 0;
	bc_synth_init(&s, &st, poses, 4);
	while (n < MAX_SAMPLES && bc_synth_next(&s, &samples[n]))
		n++;
	return n;
}

int main(void)
{
	size_t n = make_session();
	static bc_body_tracker tracker;
	static bc_filter filter;
	volatile float sink = 0.0f;
	int done = 0;

	/* Best of several rounds: the machine is shared, the minimum is the cost. */
	double tracker_ns = 1e30, filter_ns = 1e30;
	for (int round = 0; round < ROUNDS; round++) {
		double t0 = bc_bench_now_s();
		for (int r = 0; r < REPEATS; r++) {
			bc_body_tracker_init(&tracker, NULL, BC_POSE_SUPINE);
			for (size_t i = 0; i < n; i++)
				sink += bc_body_tracker_update(&tracker, &samples[i])
						->angles.sagittal_deg;
			done += tracker.state.stage == BC_CALIB_DONE;
		}
		double ns = (bc_bench_now_s() - t0) * 1e9 / ((double)n * REPEATS);
		tracker_ns = ns < tracker_ns ? ns : tracker_ns;

		t0 = bc_bench_now_s();
		for (int r = 0; r < REPEATS; r++) {
			bc_filter_init(&filter, NULL);
			for (size_t i = 0; i < n; i++) {
				bc_filter_update(&filter, &samples[i]);
				sink += filter.q.w;
			}
		}
		ns = (bc_bench_now_s() - t0) * 1e9 / ((double)n * REPEATS);
		filter_ns = ns < filter_ns ? ns : filter_ns;
	}

	printf("bench_body: body tracker update %.0f ns/sample (filter alone %.0f, "
	       "stillness+calibration+angles %.0f); sizeof(bc_body_tracker) %zu bytes; "
	       "%zu samples x %d runs, best of %d; calibrated in %d\n",
	       tracker_ns, filter_ns, tracker_ns - filter_ns, sizeof(bc_body_tracker), n, REPEATS,
	       ROUNDS, done);
	(void)sink;
	return done == REPEATS * ROUNDS ? 0 : 1;
}
