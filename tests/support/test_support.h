/* SPDX-License-Identifier: MIT */
/* Helpers shared by the cmocka tests: where data lives, small assertions. */
#ifndef BC_TEST_SUPPORT_H
#define BC_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* 1 in an AddressSanitizer build: slow tests run a part of their data there, and say so. */
#if defined(__SANITIZE_ADDRESS__)
#define BC_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BC_TEST_UNDER_ASAN 1
#endif
#endif
#ifndef BC_TEST_UNDER_ASAN
#define BC_TEST_UNDER_ASAN 0
#endif

/* ../shared/data (BC_SHARED_DATA), or NULL when this clone has none. */
const char *bc_test_shared_data(void);

/* A path under tests/ (the repository's tests directory). */
const char *bc_test_path(const char *relative, char *buf, size_t size);

/* Path of build/backcoach for the build under test (BC_BACKCOACH). */
const char *bc_test_backcoach(void);

/* A fresh temporary directory for this test process. */
const char *bc_test_tmpdir(void);

/* buf = "<bc_test_tmpdir()>/name"; returns buf. */
const char *bc_test_tmp_path(const char *name, char *buf, size_t size);

/* The whole file at path (cmocka-fails if it cannot be read); *n its size; free() it. */
char *bc_test_read_file(const char *path, size_t *n);

/*
 * Calls fn(path, name, ctx) for every file in the repo-relative directory
 * rel_dir whose name contains `contains`, and returns how many it called it
 * for (a test that checks "every fixture" asserts this is not zero). Fails
 * the test if the directory cannot be read.
 */
int bc_test_each_file(const char *rel_dir, const char *contains,
		      void (*fn)(const char *path, const char *name, void *ctx), void *ctx);

/*
 * Same text, numbers equal to within tol. A trace recorded through a chip
 * holds its LSB-quantised values, so replaying it may move an interpolated
 * event time to the next millisecond: compare such outputs with this.
 */
bool bc_test_same_but_rounding(const char *a, const char *b, double tol);

#define assert_float_near(a, b, tol) assert_true(fabs((double)(a) - (double)(b)) <= (tol))

#endif /* BC_TEST_SUPPORT_H */
