/* SPDX-License-Identifier: MIT */
/*
 * The trace's numbers (contract §1), read and written exactly and fast.
 *
 * The writer spells every value as fixed-point decimal ("%.6f" and the like:
 * an optional '-', digits, '.', a few digits). For those spellings both
 * directions are done with integers and one correctly rounded IEEE operation,
 * so the results are bit-identical to glibc's strtod and snprintf, at a tenth
 * of their cost (docs/performance.md, "Trace I/O"). Every other spelling
 * (exponents, hex, inf, leading blanks, many digits) goes to strtod/snprintf
 * themselves, so the semantics are exactly theirs in every case.
 */
#ifndef BC_TRACE_NUMBER_H
#define BC_TRACE_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Same value and same *end as strtod(text, end) in the C locale and the
 * default rounding mode. end may be NULL.
 */
double bc_trace_number_parse(const char *text, char **end);

/* Bytes that must be readable after a number's NUL for bc_trace_number_parse_padded. */
#define BC_TRACE_NUMBER_PAD 8

/*
 * The same for text that ends in a NUL with BC_TRACE_NUMBER_PAD readable
 * bytes after it (the trace reader's buffers): the writer's spellings are
 * read eight digits at a time, without a loop (issue 14).
 */
double bc_trace_number_parse_padded(const char *text, char **end);

/*
 * Same text and return value as snprintf(out, size, "%.*f", decimals, v),
 * for decimals 1..9. Writes at most size bytes, NUL included.
 */
int bc_trace_number_format(char *out, size_t size, double v, int decimals);

/* The same for a float (the text of (double)v), without the 128-bit steps a double needs. */
int bc_trace_number_format_float(char *out, size_t size, float v, int decimals);

/*
 * ",v0,v1,..." for count floats, each with its decimals, as the same
 * snprintf calls would write them: a row's columns in one call. Returns the
 * length, or -1 when it does not fit in size bytes (NUL included).
 */
int bc_trace_number_format_floats(char *out, size_t size, const float *values, const int *decimals,
				  int count);

/*
 * bc_trace_number_format, and in *parsed the double that its text reads back
 * as (strtod of the whole text, whatever size cut off), from the same
 * integer: what a reader will see, without parsing.
 */
int bc_trace_number_format_parsed(char *out, size_t size, double v, int decimals, double *parsed);

/*
 * True when v converts to a finite float: the contract's "finite" for the
 * values a sample holds as float (1e39 is finite as a double, inf as a float).
 */
bool bc_trace_number_finite_as_float(double v);

/*
 * Inline writers: the recorder's per-sample path (docs/performance.md, "Trace
 * I/O"). The same text as the functions above for the values a row usually
 * holds, compiled into the caller so that the decimals are constants (every
 * division a multiply) and a row is one run of code without calls. Each
 * writes whole 8-byte words past its text: callers keep
 * BC_TRACE_NUMBER_INLINE_ROOM bytes of room a value.
 */

#define BC_TRACE_NUMBER_INLINE_ROOM 24 /* comma, sign, a word, the point, a word: 19 */
#define BC_TRACE_NUMBER_ZEROS8	    UINT64_C(0x3030303030303030) /* '0' in every byte */

/* Inlined even nine times in one function: the decimals must fold to constants. */
#define BC_TRACE_NUMBER_INLINE static inline __attribute__((always_inline))

/*
 * The digits of x < 10^8 as values 0-9, one a byte, zero-padded to eight, the
 * first digit in the lowest byte (SWAR, as in fast itoa routines): x split
 * into two 4-digit lanes, each lane split again by 100 and by 10 with
 * multiply-shifts exact in these ranges. A split of a lane v into q = v / b
 * in the low half and v - q * b in the high half is (v << k) - q * (b * 2^k
 * - 1): one multiply, as the halves do not overlap.
 */
BC_TRACE_NUMBER_INLINE uint64_t bc_trace_number_digits8(uint64_t x)
{
	uint64_t q = (uint32_t)x / 10000; /* x < 2^32: a 32-bit divide is enough */
	uint64_t v = (x << 32) - q * (UINT64_C(10000) * (UINT64_C(1) << 32) - 1);
	q = ((v * 10486) >> 20) & UINT64_C(0x0000007f0000007f); /* v / 100 in each lane */
	v = (v << 16) - q * (100 * (1 << 16) - 1);
	q = ((v * 103) >> 10) & UINT64_C(0x000f000f000f000f); /* v / 10 in each lane */
	return (v << 8) - q * (10 * (1 << 8) - 1);
}

/* Stores 8 characters held in a word, its lowest byte first, whatever the byte order. */
BC_TRACE_NUMBER_INLINE void bc_trace_number_store8(char *p, uint64_t chars)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	chars = __builtin_bswap64(chars);
#endif
	memcpy(p, &chars, sizeof(chars));
}

/* 10^k for k <= 8, folded to a constant when k is one. */
BC_TRACE_NUMBER_INLINE uint64_t bc_trace_number_pow10(int k)
{
	static const uint64_t powers[] = { 1,	   10,	    100,      1000,	10000,
					   100000, 1000000, 10000000, 100000000 };
	return powers[k];
}

/*
 * Whether bc_trace_number_put_column takes v with these decimals (1..6):
 * finite, and at most 8 digits in all (|v| < 100 with 6 decimals, < 1000
 * with 5, < 10000 with 4: the float below 10^(8-d) is at least 5 * 10^-d
 * below it, so it rounds to less than 10^8 units).
 */
BC_TRACE_NUMBER_INLINE bool bc_trace_number_column_fits(float v, int decimals)
{
	return __builtin_fabsf(v) < (float)bc_trace_number_pow10(8 - decimals);
}

/*
 * ",v", as snprintf's ",%.*f" of (double)v, for a v that
 * bc_trace_number_column_fits; returns the end. A float times 10^d (d <= 9)
 * is exact in a double (24 mantissa bits times 5^d < 2^21 fit in 53), and
 * adding 2^52 rounds it to an integer, ties to even, left in the low 52 bits:
 * printf's rounding of the exact value in one addition. The digits are one
 * word; with one before the point (the sensors' usual case) the padding is
 * shifted out and the point slipped in after the first, else the word, the
 * point and the word's tail go out at the lengths its leading zeros give.
 */
BC_TRACE_NUMBER_INLINE char *bc_trace_number_put_column(char *p, float v, int decimals)
{
	double unit = (double)bc_trace_number_pow10(decimals);
	double scaled = __builtin_fabs((double)v) * unit + 0x1p52;
	uint64_t n;
	uint32_t v_bits;
	memcpy(&n, &scaled, sizeof(n));
	memcpy(&v_bits, &v, sizeof(v_bits));
	n &= (UINT64_C(1) << 52) - 1;
	memcpy(p, ",-", 2); /* printf writes "-0.000000" for -0 and -1e-9 */
	p += 1 + (v_bits >> 31);
	uint64_t d = bc_trace_number_digits8(n);
	if (__builtin_expect(n < bc_trace_number_pow10(decimals + 1), 1)) {
		int pad = 8 * (7 - decimals); /* bits of zeros before the first digit */
		uint64_t first = (d >> pad) & 0xff, rest = (d >> (pad - 8)) & ~UINT64_C(0xffff);
		uint64_t digits = first | rest | (BC_TRACE_NUMBER_ZEROS8 & ~UINT64_C(0xff00));
		bc_trace_number_store8(p, digits | '.' << 8);
		return p + decimals + 2;
	}
	unsigned pad = (unsigned)__builtin_ctzll(d) & ~7u; /* bits of leading zero bytes */
	int int_len = 8 - (int)(pad / 8) - decimals;
	d >>= pad;
	bc_trace_number_store8(p, d | BC_TRACE_NUMBER_ZEROS8);
	p[int_len] = '.';
	bc_trace_number_store8(p + int_len + 1, (d >> (8 * int_len)) | BC_TRACE_NUMBER_ZEROS8);
	return p + int_len + 1 + decimals;
}

/*
 * The text of the last integer part bc_trace_number_put_double wrote: a
 * time's changes once a second, so most rows copy it. The caller owns one a
 * column and starts it with bc_trace_number_int_text_init.
 */
typedef struct {
	uint64_t value; /* the integer part, or UINT64_MAX for none yet */
	uint64_t chars; /* its digits, the first in the lowest byte */
	unsigned len;	/* how many */
} bc_trace_number_int_text;

static inline void bc_trace_number_int_text_init(bc_trace_number_int_text *cache)
{
	cache->value = UINT64_MAX;
}

/*
 * v with decimals 1..6, and in *parsed the double its text reads back as,
 * as bc_trace_number_format_parsed; returns the end, or NULL (nothing
 * written) when v needs that function: not finite, 10^8 or more before the
 * point, or within a few ulps of a rounding tie. The double product x is
 * within half an ulp of the exact one, so away from a tie both round alike.
 */
BC_TRACE_NUMBER_INLINE char *bc_trace_number_put_double(char *p, double v, int decimals,
							double *parsed,
							bc_trace_number_int_text *cache)
{
	uint64_t unit = bc_trace_number_pow10(decimals);
	double x = __builtin_fabs(v) * (double)unit;
	if (!(x < 1e8 * (double)unit - 1)) /* so that n < 10^8 units: 8 digits before the point */
		return NULL;
	double rounded = (x + 0x1p52) - 0x1p52; /* x < 2^52: rounds to an integer */
	if (!(__builtin_fabs(__builtin_fabs(x - rounded) - 0.5) > x * 0x1p-50))
		return NULL;
	uint64_t n = (uint64_t)(int64_t)rounded, v_bits;
	memcpy(&v_bits, &v, sizeof(v_bits));
	/* as the parser reads it: exact operands, one rounding */
	double read_back = (double)(int64_t)n / (double)unit;
	*parsed = v_bits >> 63 ? -read_back : read_back;
	*p = '-';
	p += v_bits >> 63;
	uint64_t int_part = n / unit, frac = n - int_part * unit;
	if (__builtin_expect(int_part != cache->value, 0)) {
		uint64_t d = bc_trace_number_digits8(int_part);
		unsigned pad = (unsigned)__builtin_ctzll(d | UINT64_C(1) << 56) & ~7u; /* 0: "0" */
		cache->value = int_part;
		cache->chars = (d >> pad) | BC_TRACE_NUMBER_ZEROS8;
		cache->len = 8 - pad / 8;
	}
	bc_trace_number_store8(p, cache->chars);
	p += cache->len;
	/* the padding shifted out but one zero byte: the point's */
	uint64_t d = bc_trace_number_digits8(frac) >> (8 * (7 - decimals));
	bc_trace_number_store8(p, d | (BC_TRACE_NUMBER_ZEROS8 & ~UINT64_C(0xff)) | '.');
	return p + decimals + 1;
}

#endif /* BC_TRACE_NUMBER_H */
