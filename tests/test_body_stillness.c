/* SPDX-License-Identifier: MIT */
/* Stillness detector: rest, rotation, shaking, bias, and time (not sample) windows. */
#include <math.h>

#include "body/stillness_detector.h"
#include "support/imu_synth.h"
#include "support/test_support.h"

/* Definitions */

typedef struct {
	double rate_hz;
	float gyro_noise_dps;
	float accel_noise_g;
	bc_vec3 gyro_bias_dps;     /* in the measurement */
	bc_vec3 bias_estimate_dps; /* what the filter believes */
	float rotation_dps;        /* steady turn about sensor x */
	float shake_g;             /* vertical shaking amplitude, g */
	float shake_hz;
} scene;

/* Runs the scene for duration_s; returns the fraction of the last second spent still. */
static double still_fraction(bc_stillness *d, const scene *sc, double duration_s, uint64_t seed)
{
	uint64_t rng = seed;
	double dt = 1.0 / sc->rate_hz;
	int n_last = 0, still_last = 0;
	bc_stillness_init(d, NULL);
	for (double t = 0.0; t <= duration_s; t += dt) {
		bc_vec3 w = bc_vec3_make(sc->rotation_dps, 0, 0);
		w = bc_vec3_add(w, sc->gyro_bias_dps);
		w = bc_vec3_add(w, bc_vec3_make(sc->gyro_noise_dps * bc_synth_gauss(&rng),
						sc->gyro_noise_dps * bc_synth_gauss(&rng),
						sc->gyro_noise_dps * bc_synth_gauss(&rng)));
		/* Turning about x swings gravity through y-z. */
		float ang = sc->rotation_dps * (float)t * BC_RAD_PER_DEG;
		float lift = sc->shake_g * sinf(2.0f * (float)M_PI * sc->shake_hz * (float)t);
		bc_vec3 a = bc_vec3_make(sc->accel_noise_g * bc_synth_gauss(&rng),
					 sinf(ang) + sc->accel_noise_g * bc_synth_gauss(&rng),
					 cosf(ang) + lift + sc->accel_noise_g * bc_synth_gauss(&rng));
		bool still = bc_stillness_update(d, w, sc->bias_estimate_dps, a,
						 t == 0.0 ? 0.0f : (float)dt);
		if (t > duration_s - 1.0) {
			n_last++;
			still_last += still;
		}
	}
	return (double)still_last / n_last;
}

static const scene quiet = { .rate_hz = 100.0, .gyro_noise_dps = 0.1f, .accel_noise_g = 0.005f };

/* Tests */

static void test_at_rest_is_still_at_any_rate(void **state)
{
	(void)state;
	static const double rates_hz[] = { 25.0, 100.0, 1000.0 };
	for (size_t i = 0; i < 3; i++) {
		bc_stillness d;
		scene sc = quiet;
		sc.rate_hz = rates_hz[i];
		assert_float_near(still_fraction(&d, &sc, 3.0, 1 + i), 1.0, 1e-9);
		/* still_s counts seconds: the same at every rate, give or take
		 * the sample periods at the edges. */
		assert_float_near(d.still_s, 3.0 - bc_stillness_settings_default.accel_slow_tau_s,
				  3.0 / sc.rate_hz + 0.01);
	}
}

static void test_slow_turn_is_not_still(void **state)
{
	(void)state;
	bc_stillness d;
	scene sc = quiet;
	sc.rotation_dps = 2.0f * bc_stillness_settings_default.gyro_max_dps;
	assert_float_near(still_fraction(&d, &sc, 3.0, 2), 0.0, 1e-9);
	assert_float_near(d.still_s, 0.0, 1e-9);
}

static void test_gyro_bias_is_taken_off(void **state)
{
	(void)state;
	bc_stillness d;
	scene sc = quiet;
	sc.gyro_bias_dps = bc_vec3_make(6.0f, -4.0f, 3.0f);
	/* Unknown bias looks like turning ... */
	assert_float_near(still_fraction(&d, &sc, 3.0, 3), 0.0, 1e-9);
	/* ... the filter's estimate of it makes it rest again. */
	sc.bias_estimate_dps = sc.gyro_bias_dps;
	assert_float_near(still_fraction(&d, &sc, 3.0, 3), 1.0, 1e-9);
}

/* Carried in a bag or a bumpy car: no turn, but the accelerometer is not steady. */
static void test_shaking_without_turning_is_not_still(void **state)
{
	(void)state;
	bc_stillness d;
	scene sc = quiet;
	sc.shake_g = 0.2f;
	sc.shake_hz = 2.0f;
	assert_true(still_fraction(&d, &sc, 4.0, 4) < 0.5);
}

static void test_reset_needs_fresh_history(void **state)
{
	(void)state;
	bc_stillness d;
	assert_float_near(still_fraction(&d, &quiet, 2.0, 5), 1.0, 1e-9);
	bc_stillness_reset(&d);
	assert_false(d.still);
	assert_false(bc_stillness_update(&d, bc_vec3_make(0, 0, 0), bc_vec3_make(0, 0, 0),
					 bc_vec3_make(0, 0, 1), 0.0f));
	assert_false(bc_stillness_update(&d, bc_vec3_make(0, 0, 0), bc_vec3_make(0, 0, 0),
					 bc_vec3_make(0, 0, 1), 0.01f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_at_rest_is_still_at_any_rate),
		cmocka_unit_test(test_slow_turn_is_not_still),
		cmocka_unit_test(test_gyro_bias_is_taken_off),
		cmocka_unit_test(test_shaking_without_turning_is_not_still),
		cmocka_unit_test(test_reset_needs_fresh_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
