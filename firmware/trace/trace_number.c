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
 * on the exact binary value). A float times 10^d is exact in a double, so
 * floats (the sensor columns) are rounded with one addition instead. The
 * digits then go out eight at a time (SWAR, as in fast itoa routines).
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
#define FORMAT_BYTES_MAX    32 /* sign, 19 digits, point, 9 decimals, NUL; and whole-word stores */

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

/* |v| below this keeps |v| * 10^d under 10^15 < 2^52: the float path's range. */
static const float float_limit[FORMAT_DECIMALS_MAX + 1] = {
	1e15f, 1e14f, 1e13f, 1e12f, 1e11f, 1e10f, 1e9f, 1e8f, 1e7f, 1e6f,
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

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The 8 bytes at p as a word, the first in the lowest byte. */
static inline uint64_t load8(const char *p)
{
	uint64_t w;
	memcpy(&w, p, sizeof(w));
	return w;
}

/* How many of w's bytes, from the first, are ASCII digits (0..8). */
static inline int leading_digits8(uint64_t w)
{
	uint64_t t = w ^ UINT64_C(0x3030303030303030); /* a digit's byte becomes 0..9 */
	/*
	 * A non-digit has a high nibble already, or gets one when 6 is added
	 * (10..15). Adding carries out of a byte only into later bytes, past
	 * the first non-digit, which is all that is asked.
	 */
	uint64_t bad = (t | (t + UINT64_C(0x0606060606060606))) & UINT64_C(0xF0F0F0F0F0F0F0F0);
	return bad ? __builtin_ctzll(bad) >> 3 : 8;
}

/* The number the first k (1..8) digits of w spell: pairs, then fours, then eight. */
static inline uint64_t digits_value8(uint64_t w, int k)
{
	uint64_t t = (w & UINT64_C(0x0F0F0F0F0F0F0F0F)) << (8 * (8 - k)); /* leading zeros */
	t = (t * 10 + (t >> 8)) & UINT64_C(0x00FF00FF00FF00FF);
	t = (t * 100 + (t >> 16)) & UINT64_C(0x0000FFFF0000FFFF);
	return (t * 10000 + (t >> 32)) & UINT64_C(0xFFFFFFFF);
}

double bc_trace_number_parse_padded(const char *text, char **end)
{
	const char *p = text;
	bool negative = *p == '-';
	p += negative;
	uint64_t w = load8(p);
	int int_digits = leading_digits8(w);
	if (int_digits == 0) /* ".5", "+1", "inf": strtod's */
		return bc_trace_number_parse(text, end);
	uint64_t n = digits_value8(w, int_digits);
	p += int_digits;
	int decimals = 0;
	if (*p == '.') {
		w = load8(++p);
		decimals = leading_digits8(w);
		if (decimals == 8) /* keeps n under 10^15: exact */
			return bc_trace_number_parse(text, end);
		if (decimals > 0)
			n = n * pow10_u64[decimals] + digits_value8(w, decimals);
		p += decimals;
	}
	if (!ends_number(*p)) /* more digits, an exponent: strtod's */
		return bc_trace_number_parse(text, end);
	/* at most 8 + 7 digits: n < 2^53, so one rounding, as in bc_trace_number_parse */
	double v = (double)n / pow10_double[decimals];
	if (end)
		*end = (char *)p;
	return negative ? -v : v;
}
#else
double bc_trace_number_parse_padded(const char *text, char **end)
{
	return bc_trace_number_parse(text, end);
}
#endif

/* Formatting */

static const uint64_t pow10_full[20] = {
	1,
	10,
	100,
	1000,
	10000,
	100000,
	1000000,
	10000000,
	100000000,
	1000000000,
	10000000000u,
	100000000000u,
	1000000000000u,
	10000000000000u,
	100000000000000u,
	1000000000000000u,
	10000000000000000u,
	100000000000000000u,
	1000000000000000000u,
	10000000000000000000u,
};

/* Digits of x (at least one): log10 from the bit length, corrected by one compare. */
static inline int count_digits(uint64_t x)
{
	int bits = 64 - __builtin_clzll(x | 1);
	int t = (bits * 1233) >> 12; /* 1233 / 4096 ~ log10(2) */
	return t + 1 - ((x | 1) < pow10_full[t]);
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

/* The 8 ASCII digits of x < 10^8, zero-padded, the first digit in the lowest byte. */
static inline uint64_t eight_digits(uint64_t x)
{
	return bc_trace_number_digits8(x) | BC_TRACE_NUMBER_ZEROS8;
}

/* put_fixed's digits when the word path does not cover them. */
static __attribute__((noinline)) void put_fixed_slow(char *p, uint64_t n, int int_len, int decimals)
{
	uint64_t int_part = n / pow10_u64[decimals];
	put_digits(p + int_len, int_part, int_len);
	p[int_len] = '.';
	put_digits(p + int_len + 1 + decimals, n - int_part * pow10_u64[decimals], decimals);
}

/*
 * The text of (negative ? -1 : 1) * n / 10^decimals, as printf writes it;
 * its length. Digits go out as whole 8-byte words: the bytes past the end
 * are overwritten or lie past the NUL (callers give FORMAT_BYTES_MAX).
 */
static inline int put_fixed(char *out, bool negative, uint64_t n, int decimals)
{
	char *p = out;
	*p = '-';
	p += negative; /* printf writes "-0.000000" for -0 and -1e-9 */
	int len = count_digits(n);
	if (len <= decimals)
		len = decimals + 1; /* "0.00ddd" */
	int int_len = len - decimals;
	if (int_len > 8 || decimals > 8) {
		put_fixed_slow(p, n, int_len, decimals);
	} else if (len <= 8) {
		uint64_t digits = eight_digits(n) >> (8 * (8 - len));
		bc_trace_number_store8(p, digits);
		p[int_len] = '.';
		bc_trace_number_store8(p + int_len + 1, digits >> (8 * int_len));
	} else {
		uint64_t int_part = n / pow10_u64[decimals];
		bc_trace_number_store8(p, eight_digits(int_part) >> (8 * (8 - int_len)));
		p[int_len] = '.';
		uint64_t frac = n - int_part * pow10_u64[decimals];
		bc_trace_number_store8(p + int_len + 1, eight_digits(frac) >> (8 * (8 - decimals)));
	}
	p += len + 1;
	*p = '\0';
	return (int)(p - out);
}

/* Whether the integer path covers v with these decimals and this much room. */
static inline bool format_fast(double v, size_t size, int decimals)
{
	return decimals >= 1 && decimals <= FORMAT_DECIMALS_MAX && size >= FORMAT_BYTES_MAX &&
	       fabs(v) < format_limit[decimals];
}

/*
 * format_float for a v that format_fast_float accepts. A float times 10^d
 * (d <= 9) is exact in a double: 24 mantissa bits times 5^d (< 2^21) fit in
 * 53, and the 2^d only moves the exponent. Adding and taking away 2^52 then
 * rounds it to an integer to nearest, ties to even: printf's rounding of the
 * exact value, in five instructions.
 */
static inline int format_float_fast(char *out, float v, int decimals)
{
	double scaled = fabs((double)v) * pow10_double[decimals];
	double rounded = (scaled + 0x1p52) - 0x1p52;
	return put_fixed(out, signbit(v), (uint64_t)(int64_t)rounded, decimals);
}

/* The float path's range: |v| * 10^d below 2^52, where the rounding above holds. */
static inline bool format_fast_float(float v, size_t size, int decimals)
{
	return decimals >= 1 && decimals <= FORMAT_DECIMALS_MAX && size >= FORMAT_BYTES_MAX &&
	       fabsf(v) < float_limit[decimals];
}

int bc_trace_number_format_float(char *out, size_t size, float v, int decimals)
{
	if (!format_fast_float(v, size, decimals))
		return bc_trace_number_format(out, size, v, decimals);
	return format_float_fast(out, v, decimals);
}

/* Whether every column takes bc_trace_number_put_column, with room for all of them. */
static bool columns_inline(size_t size, const float *values, const int *decimals, int count)
{
	bool fits = size >= (size_t)count * BC_TRACE_NUMBER_INLINE_ROOM + 1;
	for (int i = 0; i < count; i++)
		fits &= decimals[i] >= 1 && decimals[i] <= 6 &&
			bc_trace_number_column_fits(values[i], decimals[i]);
	return fits;
}

int bc_trace_number_format_floats(char *out, size_t size, const float *values, const int *decimals,
				  int count)
{
	if (columns_inline(size, values, decimals, count)) {
		char *p = out;
		for (int i = 0; i < count; i++)
			p = bc_trace_number_put_column(p, values[i], decimals[i]);
		*p = '\0';
		return (int)(p - out);
	}
	size_t len = 0;
	for (int i = 0; i < count; i++) {
		if (size - len < 2)
			return -1;
		out[len++] = ',';
		size_t room = size - len;
		int n = format_fast_float(values[i], room, decimals[i])
				? format_float_fast(out + len, values[i], decimals[i])
				: bc_trace_number_format(out + len, room, values[i], decimals[i]);
		if (n < 0 || (size_t)n >= room)
			return -1;
		len += (size_t)n;
	}
	return (int)len;
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;

/* round(|v| * 10^decimals), ties to even, on the exact binary value of v, in 128 bits. */
static uint64_t scaled_rounded_exact(double v, int decimals)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	int biased_exp = (int)((bits >> 52) & 0x7ff);
	uint64_t mantissa = bits & ((UINT64_C(1) << 52) - 1);
	if (biased_exp)
		mantissa |= UINT64_C(1) << 52;
	else
		biased_exp = 1;				    /* subnormal */
	u128 scaled = (u128)mantissa * pow10_u64[decimals]; /* < 2^83 */
	int shift = 1075 - biased_exp;
	if (shift <= 0)
		return (uint64_t)(scaled << -shift); /* exact: |v| < format_limit */
	if (shift >= 127)
		return 0; /* far below one half */
	u128 odd = (scaled >> shift) & 1;
	return (uint64_t)((scaled + (((u128)1 << (shift - 1)) - 1) + odd) >> shift);
}

/*
 * The same, usually without the 128 bits: the double product x is within
 * half an ulp of the exact one, so both round to the same integer unless x
 * lies within a few ulps of a half. Only those (and exact ties) go the long
 * way.
 */
static uint64_t scaled_rounded(double v, int decimals)
{
	double x = fabs(v) * pow10_double[decimals];
	if (x < 0x1p52) {
		double rounded = (x + 0x1p52) - 0x1p52;
		if (fabs(fabs(x - rounded) - 0.5) > x * 0x1p-50)
			return (uint64_t)(int64_t)rounded;
	}
	return scaled_rounded_exact(v, decimals);
}

int bc_trace_number_format(char *out, size_t size, double v, int decimals)
{
	if (!format_fast(v, size, decimals))
		return snprintf(out, size, "%.*f", decimals, v);
	return put_fixed(out, signbit(v), scaled_rounded(v, decimals), decimals);
}

int bc_trace_number_format_parsed(char *out, size_t size, double v, int decimals, double *parsed)
{
	if (format_fast(v, size, decimals)) {
		uint64_t n = scaled_rounded(v, decimals);
		if (n <= EXACT_INT_MAX) {
			double r = (double)n / pow10_double[decimals]; /* as the parser does */
			*parsed = signbit(v) ? -r : r;
			return put_fixed(out, signbit(v), n, decimals);
		}
	}
	char text[512];
	snprintf(text, sizeof(text), "%.*f", decimals, v);
	*parsed = strtod(text, NULL);
	return snprintf(out, size, "%.*f", decimals, v);
}
#else
int bc_trace_number_format(char *out, size_t size, double v, int decimals)
{
	return snprintf(out, size, "%.*f", decimals, v);
}

int bc_trace_number_format_parsed(char *out, size_t size, double v, int decimals, double *parsed)
{
	char text[512];
	snprintf(text, sizeof(text), "%.*f", decimals, v);
	*parsed = strtod(text, NULL);
	return snprintf(out, size, "%.*f", decimals, v);
}
#endif

/* Limits */

bool bc_trace_number_finite_as_float(double v)
{
	/* 2^128 - 2^103 lies halfway between FLT_MAX and 2^128: it and above round to inf */
	return fabs(v) < 0x1.ffffffp127;
}
