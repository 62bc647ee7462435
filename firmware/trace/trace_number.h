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

/*
 * Same value and same *end as strtod(text, end) in the C locale and the
 * default rounding mode. end may be NULL.
 */
double bc_trace_number_parse(const char *text, char **end);

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

#endif /* BC_TRACE_NUMBER_H */
