/* SPDX-License-Identifier: MIT */
/*
 * The trace's exact decimals (trace_number): the parser returns strtod's
 * double bit for bit and stops where strtod stops, the formatters (double
 * and float) write snprintf's "%.*f" text byte for byte, and format_parsed's
 * value is strtod of that text. Checked against glibc itself on 100 000
 * random values of each kind, about a million checks (20 000 each under
 * qemu-aarch64 in make test; BC_NUMBER_CASES sets how many per kind, and
 * docs/performance.md gives a run with ten million each), and on the edges:
 * zeros, signs, ties, subnormals, the float range, 2^53, and the spellings
 * that must go to strtod.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/test_support.h"
#include "trace/trace_number.h"

/* Helpers */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

/* xorshift64*: fixed seed, so a failure repeats. */
static uint64_t next_random(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dU;
}

static long cases(void)
{
	const char *env = getenv("BC_NUMBER_CASES");
	long n = env ? atol(env) : 0;
	if (n > 0)
		return n;
	return getenv("BC_TEST_EMULATED") ? 20000 : 100000; /* qemu: a few seconds all the same */
}

static double double_from_bits(uint64_t bits)
{
	double v;
	memcpy(&v, &bits, sizeof(v));
	return v;
}

static float float_from_bits(uint32_t bits)
{
	float v;
	memcpy(&v, &bits, sizeof(v));
	return v;
}

/* One value: our text and length equal snprintf's, for every decimals the writer uses and more. */
static void check_format(double v, int decimals)
{
	char want[512], got[512];
	int want_len = snprintf(want, sizeof(want), "%.*f", decimals, v);
	int got_len = bc_trace_number_format(got, sizeof(got), v, decimals);
	if (want_len != got_len || strcmp(want, got) != 0) {
		print_error("%a with %d decimals: snprintf '%s' (%d), ours '%s' (%d)\n", v,
			    decimals, want, want_len, got, got_len);
		fail();
	}
}

/* The float entry point writes the text of (double)f; read_back is strtod of that text. */
static void check_format_float(float f, int decimals)
{
	char want[512], got[512];
	int want_len = snprintf(want, sizeof(want), "%.*f", decimals, (double)f);
	int got_len = bc_trace_number_format_float(got, sizeof(got), f, decimals);
	if (want_len != got_len || strcmp(want, got) != 0) {
		print_error("float %a with %d decimals: snprintf '%s', ours '%s'\n", (double)f,
			    decimals, want, got);
		fail();
	}
}

static void check_read_back(double v, int decimals)
{
	char text[512], ours[512];
	snprintf(text, sizeof(text), "%.*f", decimals, v);
	double want = strtod(text, NULL), got;
	bc_trace_number_format_parsed(ours, sizeof(ours), v, decimals, &got);
	assert_string_equal(ours, text);
	if (memcmp(&want, &got, sizeof(want)) != 0) {
		print_error("read back of %a with %d decimals ('%s'): strtod %a, ours %a\n", v,
			    decimals, text, want, got);
		fail();
	}
}

static void check_format_all_decimals(double v)
{
	for (int d = 1; d <= 9; d++) {
		check_format(v, d);
		check_read_back(v, d);
		if (isnan(v) || fabs(v) <= FLT_MAX)
			check_format_float((float)v, d);
	}
}

/* One parse against strtod's: the double (bits, so -0 counts) and the end. */
static void check_parser(const char *text, double (*parse)(const char *, char **), const char *name)
{
	char *want_end, *got_end;
	double want = strtod(text, &want_end);
	double got = parse(text, &got_end);
	if (memcmp(&want, &got, sizeof(want)) != 0 || want_end != got_end) {
		print_error("'%s': strtod %a (end +%td), %s %a (end +%td)\n", text, want,
			    want_end - text, name, got, got_end - text);
		fail();
	}
}

/*
 * One text through both parsers; the padded one reads it from a buffer
 * whose slack after the NUL holds digits, which must not be read as more.
 */
static void check_parse(const char *text)
{
	check_parser(text, bc_trace_number_parse, "ours");
	char padded[128];
	size_t len = strlen(text);
	assert_true(len + 1 + BC_TRACE_NUMBER_PAD <= sizeof(padded));
	memcpy(padded, text, len + 1);
	memset(padded + len + 1, '7', BC_TRACE_NUMBER_PAD);
	check_parser(padded, bc_trace_number_parse_padded, "padded");
}

/* Formatting */

static void test_format_edges(void **state)
{
	static const double values[] = {
		0.0,
		-0.0,
		1e-9,
		-1e-9, /* printf keeps the sign: "-0.000000" */
		0.5,
		1.5,
		2.5,
		-2.5,
		0.0000005,
		0.0000015,
		999999.9999995,
		1234567.0000005,
		DBL_TRUE_MIN,
		-DBL_MIN,
		FLT_TRUE_MIN,
		FLT_MIN,
		FLT_MAX,
		-FLT_MAX,
		DBL_MAX,
		1e9 - 0.5,
		1e12 - 1.0 / 1024,
		1e12,
		-1e12,
		1e17,
		1e18,
		4503599627370495.5,
		9007199254740993.0,
		INFINITY,
		-INFINITY,
		NAN,
	};
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		check_format_all_decimals(values[i]);
	/* around every power of ten the fast path might get wrong */
	for (int e = -10; e <= 19; e++) {
		double p = pow(10, e);
		check_format_all_decimals(p);
		check_format_all_decimals(nextafter(p, 0));
		check_format_all_decimals(nextafter(p, INFINITY));
		check_format_all_decimals(-nextafter(p, 0));
	}
}

/* Exact binary ties (odd / 2^j): printf rounds them half to even. */
static void test_format_ties(void **state)
{
	for (int j = 1; j <= 14; j++)
		for (int k = 1; k < 4000; k += 2) {
			double v = ldexp(k, -j);
			check_format_all_decimals(v);
			check_format_all_decimals(-v);
			check_format_all_decimals(v + 1e6);
		}
}

/* A too small buffer truncates exactly as snprintf does. */
static void test_format_small_buffers(void **state)
{
	for (size_t size = 0; size < 40; size++) {
		char want[64], got[64], got_float[64];
		memset(want, 'x', sizeof(want));
		memset(got, 'x', sizeof(got));
		memset(got_float, 'x', sizeof(got_float));
		int want_len = snprintf(want, size, "%.*f", 6, (double)-123.4567f);
		int got_len = bc_trace_number_format(got, size, (double)-123.4567f, 6);
		int got_float_len = bc_trace_number_format_float(got_float, size, -123.4567f, 6);
		assert_int_equal(got_len, want_len);
		assert_int_equal(got_float_len, want_len);
		/* the text (cut to size) is snprintf's; nothing is written past size */
		size_t text = size < (size_t)want_len + 1 ? size : (size_t)want_len + 1;
		assert_memory_equal(got, want, text);
		assert_memory_equal(got_float, want, text);
		for (size_t i = size; i < sizeof(got); i++)
			assert_true(got[i] == 'x' && got_float[i] == 'x');
	}
}

/* What the writer formats: floats (acceleration, rate, field) of every exponent. */
static void test_format_random_floats(void **state)
{
	long n = cases();
	static const int decimals[] = { 4, 5, 6 };
	for (long i = 0; i < n; i++) {
		float f = float_from_bits((uint32_t)next_random());
		if (!isfinite(f))
			continue;
		check_format((double)f, decimals[i % 3]);
		check_format_float(f, decimals[i % 3]);
	}
}

/* A row's columns in one call: the same text as snprintf, or -1 when it does not fit. */
static void test_format_floats_list(void **state)
{
	const float values[] = { 0.25f, -1e-9f, 1999.123f, -0.0f, 3e38f, 45.5f };
	const int decimals[] = { 6, 6, 5, 5, 4, 4 };
	char want[512], got[512];
	int want_len = snprintf(want, sizeof(want), ",%.6f,%.6f,%.5f,%.5f,%.4f,%.4f",
				(double)values[0], (double)values[1], (double)values[2],
				(double)values[3], (double)values[4], (double)values[5]);
	assert_int_equal(bc_trace_number_format_floats(got, sizeof(got), values, decimals, 6),
			 want_len);
	assert_string_equal(got, want);
	for (size_t size = 0; size <= (size_t)want_len; size++)
		assert_int_equal(bc_trace_number_format_floats(got, size, values, decimals, 6), -1);
	assert_int_equal(
		bc_trace_number_format_floats(got, (size_t)want_len + 1, values, decimals, 6),
		want_len);
	assert_string_equal(got, want);
}

/* Floats in the sensors' ranges, where almost every row lies. */
static void test_format_random_sensor_values(void **state)
{
	long n = cases();
	for (long i = 0; i < n; i++) {
		double unit = (double)(next_random() >> 11) / 9007199254740992.0 * 2 - 1;
		float row[3] = { (float)(16 * unit), (float)(2000 * unit), (float)(100 * unit) };
		static const int decimals[3] = { 6, 5, 4 };
		char want[128], got[128];
		snprintf(want, sizeof(want), ",%.6f,%.5f,%.4f", (double)row[0], (double)row[1],
			 (double)row[2]);
		bc_trace_number_format_floats(got, sizeof(got), row, decimals, 3);
		if (strcmp(want, got) != 0) {
			print_error("row '%s', ours '%s'\n", want, got);
			fail();
		}
	}
}

/* Times: doubles from microseconds to weeks, and doubles of any exponent. */
static void test_format_random_doubles(void **state)
{
	long n = cases();
	for (long i = 0; i < n; i++) {
		uint64_t r = next_random();
		double t_s = ldexp((double)(r >> 11), -53) * pow(10, (double)(r % 13) - 6);
		check_format(t_s, 6);
		check_read_back(t_s, 6);
		double any = double_from_bits(next_random());
		if (isfinite(any))
			check_format(any, 1 + (int)(r % 9));
	}
}

/* The inline writers (the recorder's per-sample path) */

/* bc_trace_number_put_column with the decimals a constant, as the writer inlines it. */
static char *put_column_const(char *p, float v, int decimals)
{
	switch (decimals) {
	case 1:
		return bc_trace_number_put_column(p, v, 1);
	case 2:
		return bc_trace_number_put_column(p, v, 2);
	case 3:
		return bc_trace_number_put_column(p, v, 3);
	case 4:
		return bc_trace_number_put_column(p, v, 4);
	case 5:
		return bc_trace_number_put_column(p, v, 5);
	default:
		return bc_trace_number_put_column(p, v, 6);
	}
}

/*
 * column_fits takes exactly the finite values under 10^(8-d), and for those
 * put_column writes snprintf's ",%.*f" (decimals constant or not).
 */
static void check_column(float v, int decimals)
{
	bool fits = isfinite(v) && fabs((double)v) < pow(10, 8 - decimals);
	if (fits != bc_trace_number_column_fits(v, decimals)) {
		print_error("column_fits(%a, %d) is %d\n", (double)v, decimals, !fits);
		fail();
	}
	if (!fits)
		return;
	char want[64], got[64], got_runtime[64];
	int want_len = snprintf(want, sizeof(want), ",%.*f", decimals, (double)v);
	char *end = put_column_const(got, v, decimals);
	*end = '\0';
	end = bc_trace_number_put_column(got_runtime, v, decimals);
	*end = '\0';
	if (strcmp(got, want) != 0 || strcmp(got_runtime, want) != 0) {
		print_error("column %a with %d decimals: snprintf '%s' (%d), ours '%s', '%s'\n",
			    (double)v, decimals, want, want_len, got, got_runtime);
		fail();
	}
}

static void check_column_both_signs(float v)
{
	for (int d = 1; d <= 6; d++) {
		check_column(v, d);
		check_column(-v, d);
	}
}

/* Zeros, ties, carries into a new digit, the range's ends, and what it must refuse. */
static void test_column_edges(void **state)
{
	static const float values[] = {
		0.0f,	    1e-9f,     FLT_TRUE_MIN, FLT_MIN,  0.5f,	   1.0f,
		9.9999995f, 9.999999f, 99.99999f,    100.0f,   999.9999f,  1000.0f,
		9999.999f,  1e4f,      99999.99f,    1e5f,     999999.94f, 1e6f,
		9999999.0f, 1e7f,      FLT_MAX,	     INFINITY, NAN,
	};
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		check_column_both_signs(values[i]);
	/* exact binary ties k / 2^(d+1) with k odd: printf rounds them half to even */
	for (int d = 1; d <= 6; d++)
		for (int k = 1; k < 4000; k += 2) {
			check_column(ldexpf((float)k, -(d + 1)), d);
			check_column(-ldexpf((float)k, -(d + 1)), d);
		}
	/* each side of every half unit before a carry (9.9999995 -> "10.000000") and of 10^k */
	for (int d = 1; d <= 6; d++)
		for (int k = 0; k <= 8 - d; k++) {
			float carry = (float)(pow(10, k) - 0.5 * pow(10, -d)),
			      power = (float)pow(10, k);
			for (int step = 0; step < 4; step++) {
				check_column_both_signs(carry);
				check_column_both_signs(power);
				carry = nextafterf(carry, 0);
				power = nextafterf(power, 0);
			}
			carry = (float)(pow(10, k) - 0.5 * pow(10, -d));
			for (int step = 0; step < 4; step++, carry = nextafterf(carry, INFINITY))
				check_column_both_signs(carry);
		}
}

/* Random floats in every column's range, and of every exponent. */
static void test_column_random(void **state)
{
	long n = cases();
	for (long i = 0; i < n; i++) {
		uint64_t r = next_random();
		int decimals = 1 + (int)(r % 6);
		double unit = (double)(r >> 11) / 9007199254740992.0 * 2 - 1;
		check_column((float)(unit * pow(10, 8 - decimals)), decimals);
		check_column((float)(unit * pow(10, (double)(r >> 60) - 8)), decimals);
		check_column(float_from_bits((uint32_t)next_random()), decimals);
	}
}

/* bc_trace_number_put_double with the decimals a constant, as the writer inlines it. */
static char *put_double_const(char *p, double v, int decimals, double *parsed,
			      bc_trace_number_int_text *cache)
{
	switch (decimals) {
	case 1:
		return bc_trace_number_put_double(p, v, 1, parsed, cache);
	case 2:
		return bc_trace_number_put_double(p, v, 2, parsed, cache);
	case 3:
		return bc_trace_number_put_double(p, v, 3, parsed, cache);
	case 4:
		return bc_trace_number_put_double(p, v, 4, parsed, cache);
	case 5:
		return bc_trace_number_put_double(p, v, 5, parsed, cache);
	default:
		return bc_trace_number_put_double(p, v, 6, parsed, cache);
	}
}

/* Whether v * 10^d lies within 2^-48 of it from a half: put_double may leave those to format. */
static bool near_tie(double v, int decimals)
{
	long double x = fabsl((long double)v * powl(10, decimals));
	return fabsl(fabsl(x - nearbyintl(x)) - 0.5L) <= x * 0x1p-48L;
}

/*
 * put_double writes snprintf's "%.*f" and reads back strtod's double, with
 * cache holding the previous integer part; it declines (NULL) only what the
 * general functions must do: not finite, 10^8 or more, or a near tie.
 */
static void check_double(double v, int decimals, bc_trace_number_int_text *cache)
{
	char want[512], got[64];
	snprintf(want, sizeof(want), "%.*f", decimals, v);
	double parsed = 0, want_parsed = strtod(want, NULL);
	char *end = put_double_const(got, v, decimals, &parsed, cache);
	if (!end) {
		if (isfinite(v) && fabs(v) < 1e8 - 1 && !near_tie(v, decimals)) {
			print_error("put_double declined %a with %d decimals\n", v, decimals);
			fail();
		}
		return;
	}
	*end = '\0';
	if (strcmp(got, want) != 0 || memcmp(&parsed, &want_parsed, sizeof(parsed)) != 0) {
		print_error("put_double %a with %d decimals: snprintf '%s' (reads %a), ours '%s' "
			    "(%a)\n",
			    v, decimals, want, want_parsed, got, parsed);
		fail();
	}
}

/*
 * 0.0158395's double product with 10^6 is 15839.5, a tie, where the exact one
 * lies just below (0.0712725: just above); 1e8 - 4e-7 rounds up to 10^8 with 6
 * decimals, past 8 digits before the point.
 */
static void test_double_edges(void **state)
{
	static const double values[] = {
		0.0,
		-0.0,
		1e-7,
		-1e-7,
		0.5e-6,
		1.5e-6,
		0.5,
		2.5,
		9.9999995,
		9.999999499,
		59.9999996,
		99.9999995,
		0.0158395,
		0.0712725,
		1.0 / 3,
		1234.5678905,
		12345678.5,
		99999998.9,
		99999999.0 - 1e-6,
		99999999.5,
		1e8 - 4e-7,
		1e8,
		1e9,
		DBL_MAX,
		DBL_MIN,
		DBL_TRUE_MIN,
		INFINITY,
		-INFINITY,
		NAN,
	};
	bc_trace_number_int_text cache;
	bc_trace_number_int_text_init(&cache);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		for (int d = 1; d <= 6; d++) {
			check_double(values[i], d, &cache);
			check_double(-values[i], d, &cache);
		}
	/* exact binary ties and their neighbours, each side of a carry */
	for (int j = 1; j <= 20; j++)
		for (int k = 1; k < 500; k += 2) {
			double v = ldexp(k, -j);
			check_double(v, 6, &cache);
			check_double(nextafter(v, 0), 6, &cache);
			check_double(nextafter(v, INFINITY), 6, &cache);
			check_double(v + 4095, 6, &cache);
		}
}

/* Times as a recording writes them: rising in jittered steps, the seconds' text reused. */
static void test_double_random_times(void **state)
{
	long n = cases();
	bc_trace_number_int_text cache;
	bc_trace_number_int_text_init(&cache);
	double t_s = 0;
	for (long i = 0; i < n; i++) {
		uint64_t r = next_random();
		if (r % 1000 == 0) /* a new session: any start, either sign */
			t_s = ldexp((double)(r >> 11), -53) * pow(10, (double)(r % 9)) *
			      (r & 1024 ? -1 : 1);
		t_s += ldexp((double)(next_random() >> 11), -53) * 0.02;
		check_double(t_s, 6, &cache);
		check_double(t_s, 1 + (int)(r % 6), &cache);
	}
}

/* Parsing */

static void test_parse_edges(void **state)
{
	static const char *const texts[] = {
		"0",
		"-0",
		"0.000000",
		"-0.000000",
		"0.1",
		"-0.1",
		"1.",
		".5",
		"-.5",
		".",
		"-",
		"",
		"+1.5",
		" 1.5",
		"\t-2.25",
		"1.5,2",
		"1.5 ",
		"1.5\r\n",
		"1.5x",
		"1.5e3",
		"1.5E-3",
		"1.5e",
		"1.5e+",
		"1e39",
		"-1e39",
		"1e400",
		"1e-400",
		"inf",
		"-Infinity",
		"nan",
		"-nan(123)",
		"0x1p3",
		"0X1.8P-1",
		"0x",
		"1..2",
		"1.2.3",
		"--1",
		"00000000000000000001.5",
		"000000000000000001.5",
		"9007199254740992",
		"9007199254740993",
		"9007199254740991.9",
		"900719925474099.3",
		"900719925474099.25",
		"90071992547409.925",
		"123456789012345678",
		"1234567890123456789",
		"0.123456789012345678",
		"0.1234567890123456789",
		"0.000000000000000001",
		"179769313486231570000000000000000000000000000000000000000000.0",
		"4.9406564584124654e-324",
		"2.4703282292062327e-324",
		"340282346638528859811704183484516925440.0",
		"340282356779733661637539395458142568448.0",
		"3.4028235e38",
		"0.0000001",
		"0.0000005",
		"1234.567890",
		"-0.007812",
		"-0.007813",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		check_parse(texts[i]);
}

/* Every byte after digits, before and after the point: only digits continue a number. */
static void test_parse_every_byte_after_digits(void **state)
{
	static const char *const fronts[] = { "12", "-3.", "45.6", "12345678", "1.1234567" };
	char text[32];
	for (size_t f = 0; f < sizeof(fronts) / sizeof(fronts[0]); f++)
		for (int c = 1; c < 256; c++) {
			snprintf(text, sizeof(text), "%s%c9", fronts[f], c);
			check_parse(text);
		}
}

/* Texts in the writer's spelling of random values (what every trace holds). */
static void test_parse_writer_spellings(void **state)
{
	long n = cases();
	char text[64];
	for (long i = 0; i < n; i++) {
		uint64_t r = next_random();
		double unit = (double)(r >> 11) / 9007199254740992.0 * 2 - 1;
		double v = unit * pow(10, (double)(r % 9) - 2);
		snprintf(text, sizeof(text), "%.*f,", 4 + (int)(r % 3), (double)(float)v);
		check_parse(text);
		snprintf(text, sizeof(text), "%.6f", fabs(v) * 1e3);
		check_parse(text);
	}
}

/* Random digit strings of every length up to and past the fast path's. */
static void test_parse_random_digits(void **state)
{
	long n = cases();
	static const char *const tails[] = { "", ",", " ", "e5", "x", "\n" };
	char text[64];
	for (long i = 0; i < n; i++) {
		uint64_t r = next_random();
		int len = 0;
		if (r & 1)
			text[len++] = '-';
		int int_digits = (int)((r >> 1) % 21);
		int decimals = (int)((r >> 6) % 21);
		uint64_t digits = next_random();
		for (int k = 0; k < int_digits; k++, digits = digits * 6364136223846793005u + 1)
			text[len++] = (char)('0' + (digits >> 60) % 10);
		if ((r >> 11) % 8)
			text[len++] = '.';
		for (int k = 0; k < decimals; k++, digits = digits * 6364136223846793005u + 1)
			text[len++] = (char)('0' + (digits >> 60) % 10);
		snprintf(text + len, sizeof(text) - (size_t)len, "%s", tails[(r >> 14) % 6]);
		check_parse(text);
	}
}

/* Limits */

static void test_finite_as_float(void **state)
{
	double midpoint = 0x1.ffffffp127; /* halfway from FLT_MAX to 2^128: rounds to inf */
	assert_true(bc_trace_number_finite_as_float(0));
	assert_true(bc_trace_number_finite_as_float(FLT_MAX));
	assert_true(bc_trace_number_finite_as_float(-FLT_MAX));
	assert_true(bc_trace_number_finite_as_float(3.4028235e38));
	assert_true(bc_trace_number_finite_as_float(nextafter(midpoint, 0)));
	assert_true(isfinite((float)nextafter(midpoint, 0)));
	assert_false(bc_trace_number_finite_as_float(midpoint));
	assert_false(bc_trace_number_finite_as_float(-midpoint));
	assert_false(bc_trace_number_finite_as_float(3.4028236e38));
	assert_false(bc_trace_number_finite_as_float(1e39));
	assert_false(bc_trace_number_finite_as_float(INFINITY));
	assert_false(bc_trace_number_finite_as_float(NAN));
	assert_true(bc_trace_number_finite_as_float(1e-60)); /* becomes 0, still finite */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_edges),
		cmocka_unit_test(test_format_ties),
		cmocka_unit_test(test_format_small_buffers),
		cmocka_unit_test(test_format_random_floats),
		cmocka_unit_test(test_format_floats_list),
		cmocka_unit_test(test_format_random_sensor_values),
		cmocka_unit_test(test_format_random_doubles),
		cmocka_unit_test(test_column_edges),
		cmocka_unit_test(test_column_random),
		cmocka_unit_test(test_double_edges),
		cmocka_unit_test(test_double_random_times),
		cmocka_unit_test(test_parse_edges),
		cmocka_unit_test(test_parse_every_byte_after_digits),
		cmocka_unit_test(test_parse_writer_spellings),
		cmocka_unit_test(test_parse_random_digits),
		cmocka_unit_test(test_finite_as_float),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
