/* SPDX-License-Identifier: MIT */
/*
 * Exact fixed-point decimals for the trace (see trace_number.h).
 *
 * Parsing: "-ddd.dddd" with at most 2^53 as its digits read as one integer n
 * and k <= 22 decimals is n / 10^k, where n and 10^k are both exact doubles;
 * IEEE division is correctly rounded, so the quotient is the correctly
 * rounded value strtod returns (Clinger's fast path, 1990).
 *
 * Formatting: a finite double is m * 2^e exactly; m * 10^d fits in 128 bits,
 * and shifting it right by -e with round-half-even on the bits shifted out is
 * exactly the rounding glibc's printf does (round to nearest, ties to even,
 * on the exact binary value).
 */
#include "trace/trace_number.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Definitions */

#define FAST_DIGITS_MAX	    19 /* fewer digits than this never overflow a uint64_t */
#define FAST_DECIMALS_MAX   22 /* 10^22 is the largest exact power of ten in a double */
#define EXACT_INT_MAX	    (UINT64_C(1) << 53)
#define FORMAT_DECIMALS_MAX 9
#define FORMAT_BYTES_MAX    32 /* sign, 19 digits, point, 9 decimals, NUL; rounded up */

static const double pow10_double[FAST_DECIMALS_MAX + 1] = {
	1e0,  1e1,  1e2,  1e3,	1e4,  1e5,  1e6,  1e7,	1e8,  1e9,  1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static const uint64_t pow10_u64[FORMAT_DECIMALS_MAX + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

/* |v| below this keeps v * 10^d under 10^18 < 2^64: the integer path's range. */
static const double format_limit[FORMAT_DECIMALS_MAX + 1] = {
	1e18, 1e17, 1e16, 1e15, 1e14, 1e13, 1e12, 1e11, 1e10, 1e9,
};

static const char digit_pairs[201] = "00010203040506070809"
				     "10111213141516171819"
				     "20212223242526272829"
				     "30313233343536373839"
				     "40414243444546474849"
				     "50515253545556575859"
				     "60616263646566676869"
				     "70717273747576777879"
				     "80818283848586878889"
				     "90919293949596979899";

/* Parsing */

static bool is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

/* Where strtod must stop after "-ddd.ddd" too: anything else might continue a number. */
static bool ends_number(char c)
{
	return c == ',' || c == '\0' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

double bc_trace_number_parse(const char *text, char **end)
{
	const char *p = text;
	bool negative = *p == '-';
	p += negative;
	const char *digits = p;
	uint64_t n = 0;
	while (is_digit(*p))
		n = n * 10 + (uint64_t)(*p++ - '0');
	int int_digits = (int)(p - digits);
	int decimals = 0;
	if (*p == '.') {
		const char *point = ++p;
		while (is_digit(*p))
			n = n * 10 + (uint64_t)(*p++ - '0');
		decimals = (int)(p - point);
	}
	int all_digits = int_digits + decimals;
	if (all_digits == 0 || all_digits >= FAST_DIGITS_MAX || decimals > FAST_DECIMALS_MAX ||
	    n > EXACT_INT_MAX || !ends_number(*p))
		return strtod(text, end);
	double v = (double)n / pow10_double[decimals];
	if (end)
		*end = (char *)p;
	return negative ? -v : v;
}

/* Formatting */

/* Digits of x (at least one). */
static int count_digits(uint64_t x)
{
	int n = 1;
	while (x >= 100) {
		x /= 100;
		n += 2;
	}
	return n + (x >= 10);
}

/* Writes the len low digits of x ending just before end (zero-padded). */
static void put_digits(char *end, uint64_t x, int len)
{
	while (len >= 2) {
		uint64_t pair = x % 100;
		x /= 100;
		end -= 2;
		memcpy(end, digit_pairs + 2 * pair, 2);
		len -= 2;
	}
	if (len)
		end[-1] = (char)('0' + x % 10);
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;

/* round(|v| * 10^decimals), ties to even, on the exact binary value of v. */
static uint64_t scaled_rounded(double v, int decimals)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	int biased_exp = (int)((bits >> 52) & 0x7ff);
	uint64_t mantissa = bits & ((UINT64_C(1) << 52) - 1);
	if (biased_exp)
		mantissa |= UINT64_C(1) << 52;
	else
		biased_exp = 1; /* subnormal */
	int exp2 = biased_exp - 1075;
	u128 scaled = (u128)mantissa * pow10_u64[decimals];
	if (exp2 >= 0)
		return (uint64_t)(scaled << exp2); /* exact: |v| < format_limit */
	int shift = -exp2;
	if (shift >= 127)
		return 0; /* scaled < 2^74: far below one half */
	u128 q = scaled >> shift;
	u128 rest = scaled - (q << shift);
	u128 half = (u128)1 << (shift - 1);
	return (uint64_t)q + (rest > half || (rest == half && (q & 1)));
}

int bc_trace_number_format(char *out, size_t size, double v, int decimals)
{
	if (decimals < 1 || decimals > FORMAT_DECIMALS_MAX || size < FORMAT_BYTES_MAX ||
	    !(fabs(v) < format_limit[decimals]))
		return snprintf(out, size, "%.*f", decimals, v);
	uint64_t n = scaled_rounded(v, decimals);
	uint64_t int_part = n / pow10_u64[decimals];
	uint64_t frac_part = n - int_part * pow10_u64[decimals];
	int int_len = count_digits(int_part);
	int sign = signbit(v) ? 1 : 0; /* printf writes "-0.000000" for -0 and -1e-9 */
	int len = sign + int_len + 1 + decimals;
	out[0] = '-';
	put_digits(out + sign + int_len, int_part, int_len);
	out[sign + int_len] = '.';
	put_digits(out + len, frac_part, decimals);
	out[len] = '\0';
	return len;
}
#else
int bc_trace_number_format(char *out, size_t size, double v, int decimals)
{
	return snprintf(out, size, "%.*f", decimals, v);
}
#endif

/* Limits */

bool bc_trace_number_finite_as_float(double v)
{
	/* 2^128 - 2^103 lies halfway between FLT_MAX and 2^128: it and above round to inf */
	return fabs(v) < 0x1.ffffffp127;
}
