/* SPDX-License-Identifier: MIT */
/* Helpers shared by the cmocka tests: where data lives, small assertions. */
#ifndef BC_TEST_SUPPORT_H
#define BC_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* ../shared/data (BC_SHARED_DATA), or NULL when this clone has none. */
const char *bc_test_shared_data(void);

/* A path under tests/ (the repository's tests directory). */
const char *bc_test_path(const char *relative, char *buf, size_t size);

/* Path of build/backcoach for the build under test (BC_BACKCOACH). */
const char *bc_test_backcoach(void);

/* A fresh temporary directory for this test process. */
const char *bc_test_tmpdir(void);

/*
 * Same text, except that numbers may differ by up to tol: for comparing two
 * replays of one session where one went through LSB-quantised hardware (an
 * interpolated event time can round to the next millisecond).
 */
int bc_test_same_but_rounding(const char *a, const char *b, double tol);

#define assert_float_near(a, b, tol) assert_true(fabs((double)(a) - (double)(b)) <= (tol))

#endif /* BC_TEST_SUPPORT_H */
