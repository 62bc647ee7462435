/* SPDX-License-Identifier: MIT */
/* Helpers shared by the benchmarks in tests/bench/ (make bench). */
#ifndef BC_BENCH_SUPPORT_H
#define BC_BENCH_SUPPORT_H

#include <stddef.h>

#include "core/sample.h"

/*
 * The first max_rows samples of a trace (0: all) in one malloc'd array, so
 * a timed loop has no I/O; *n how many. NULL (message on stderr) if the
 * trace cannot be read or memory is short.
 */
bc_sample *bc_bench_load_trace(const char *path, size_t max_rows, size_t *n);

/* CLOCK_MONOTONIC in seconds. */
double bc_bench_now_s(void);

/*
 * Runs the command argv (argv[0] looked up in PATH), stdout and stderr to
 * /dev/null: its exit status (-1: could not start, or killed), its wall
 * seconds and its peak resident memory in KiB (max_rss_kib may be NULL).
 */
int bc_bench_run_measured(char *const argv[], double *wall_s, long *max_rss_kib);

/* Wall seconds of the command argv, as above; -1 if it could not start or did not exit 0. */
double bc_bench_run_timed(char *const argv[]);

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
