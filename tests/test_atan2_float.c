/* SPDX-License-Identifier: MIT */
/*
 * bc_atan2f (core/atan2_float.h) against the correctly rounded float (the
 * double atan2 rounded once): never more than 1 ulp off, and off at all for
 * under 1 in 10^4 arguments (about 2 in 10^6 measured); zeros, infinities
 * and NaN exactly as libm's atan2f. Arguments: sensor-range fixed-point
 * values and random bit patterns of every exponent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/atan2_float.h"
#include "support/test_support.h"

/* A float's place in the ordered sequence of floats: ulps apart is a difference. */
static int64_t ordinal(float f)
{
	int32_t i;
	memcpy(&i, &f, sizeof(i));
	return i < 0 ? (int64_t)INT32_MIN - i : i;
}

static float random_float(unsigned *seed, bool bits)
{
	unsigned r = (unsigned)rand_r(seed) ^ ((unsigned)rand_r(seed) << 16);
	if (!bits)
		return (float)((int)(r >> 8) - (1 << 23)) / (float)(1 << 20); /* +-8, 20 bits */
	float f;
	memcpy(&f, &r, sizeof(f));
	return f;
}

static void test_within_one_ulp_of_correct_rounding(void **state)
{
	(void)state;
	unsigned seed = 1;
	long n = 0, off = 0;
	for (long k = 0; k < 400000; k++) {
		float y = random_float(&seed, k % 2), x = random_float(&seed, k % 2);
		if (!isfinite(x) || !isfinite(y))
			continue;
		float got = bc_atan2f(y, x), want = (float)atan2((double)y, (double)x);
		int64_t ulps = ordinal(got) - ordinal(want);
		if (ulps < -1 || ulps > 1)
			fail_msg("bc_atan2f(%a, %a) = %a, correctly rounded %a", (double)y,
				 (double)x, (double)got, (double)want);
		off += ulps != 0;
		n++;
	}
	print_message("    %ld of %ld arguments 1 ulp off\n", off, n);
	assert_true(off * 10000 < n);
}

static void test_zeros_infinities_and_nan_as_libm(void **state)
{
	(void)state;
	const float z = 0.0f, inf = INFINITY;
	const float cases[][2] = { { z, 1 },	{ -z, 1 },    { z, -1 },     { -z, -1 },
				   { 1, z },	{ 1, -z },    { -1, z },     { z, z },
				   { -z, -z },	{ z, -z },    { inf, 1 },    { 1, inf },
				   { 1, -inf }, { -1, -inf }, { inf, inf },  { -inf, -inf },
				   { 3, -3 },	{ -3, -3 },   { 1e-30f, 1 }, { 1, 1e-30f } };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		float y = cases[i][0], x = cases[i][1];
		float got = bc_atan2f(y, x), want = atan2f(y, x);
		if (memcmp(&got, &want, sizeof(got)) != 0)
			fail_msg("bc_atan2f(%a, %a) = %a, atan2f %a", (double)y, (double)x,
				 (double)got, (double)want);
	}
	assert_true(isnan(bc_atan2f(NAN, 1.0f)) && isnan(bc_atan2f(1.0f, NAN)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_within_one_ulp_of_correct_rounding),
		cmocka_unit_test(test_zeros_infinities_and_nan_as_libm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
