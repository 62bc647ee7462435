/* SPDX-License-Identifier: MIT */
/*
 * BROAD trials (shared data, data/broad/) loaded into memory for the filter's
 * accuracy test and benchmark: samples, optical reference quaternion and the
 * movement mask, plus the dataset's inclination metric.
 *
 * Interim: a small private zlib CSV reader until firmware/trace/'s reader
 * lands in main; then this file uses bc_trace_reader instead.
 */
#ifndef BC_TEST_BROAD_TRIAL_H
#define BC_TEST_BROAD_TRIAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/math3d.h"
#include "core/sample.h"

#define BC_BROAD_MAX_TRIALS 64

typedef struct {
	char name[128];	    /* file name without .csv.gz */
	bc_sample *samples; /* n samples (magnetometer included) */
	bc_quat *ref;	    /* reference q_enu_from_sensor, nan where missing */
	bool *moving;	    /* dataset movement mask */
	size_t n;
} bc_broad_trial;

/*
 * Paths of the trials under shared_data/broad, sorted; returns how many
 * (at most max), 0 if none. Each path is written into paths[i] (size each).
 */
size_t bc_broad_list(const char *shared_data, char paths[][512], size_t max);

/* Loads one trial; 0 on success, -1 with a message in err. */
int bc_broad_load(const char *path, bc_broad_trial *t, char *err, size_t err_size);

void bc_broad_free(bc_broad_trial *t);

/* The dataset's inclination error, degrees: 2 acos(min(1, sqrt(ew^2 + ez^2))), e = est * conj(ref). */
double bc_broad_inclination_err_deg(bc_quat est, bc_quat ref);

/* The dataset's heading error, degrees: 2 atan(|ez / ew|), e = est * conj(ref). */
double bc_broad_heading_err_deg(bc_quat est, bc_quat ref);

#endif /* BC_TEST_BROAD_TRIAL_H */
