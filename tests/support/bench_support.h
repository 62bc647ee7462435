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

/*
 * Instructions this process has retired in user space so far, from the CPU's
 * counter (perf_event_open); -1 where there is none (most virtual machines).
 * Instruction counts hold still where times on shared machines do not.
 */
long long bc_bench_instructions(void);

/*
 * Instructions executed inside `function` (and what it calls) by the command
 * argv (its whole run when function is NULL: for programs without symbols),
 * counted by Valgrind's callgrind; -1 if Valgrind is missing or fails.
 * For machines without a hardware counter: exact, if slow.
 */
long long bc_bench_callgrind_instructions(char *const argv[], const char *function);

#endif /* BC_BENCH_SUPPORT_H */
