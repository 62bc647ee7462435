/* SPDX-License-Identifier: MIT */
/* Helpers shared by the benchmarks in tests/bench/ (make bench). */
#ifndef BC_BENCH_SUPPORT_H
#define BC_BENCH_SUPPORT_H

#include <stddef.h>

/* CLOCK_MONOTONIC in seconds. */
double bc_bench_now_s(void);

/* The CPU's model name from /proc/cpuinfo ("unknown CPU" if none). */
void bc_bench_cpu_model(char *out, size_t size);

/* Sorts n values ascending and returns the median. */
double bc_bench_median(double *values, size_t n);

#endif /* BC_BENCH_SUPPORT_H */
