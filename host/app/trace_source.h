/* SPDX-License-Identifier: MIT */
/*
 * A recorded session played back as a virtual sensor: a bc_sample_source
 * that hands out the trace's samples at the pace they were recorded (times
 * --speed), so the app, its pipeline thread and its timing see exactly what
 * they would see from the live IMU. Status REPLAYING, then ENDED.
 */
#ifndef BC_APP_TRACE_SOURCE_H
#define BC_APP_TRACE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "platform/sample_source.h"
#include "vocab/exercise.h"

typedef struct {
	const char *path; /* the trace (.csv or .csv.gz) */
	double speed;	  /* 1 = real time, 10 = ten times faster; <= 0: as fast as read */
	bool demo;	  /* the bundled demo: description "DEMO: <exercise>" */
} bc_trace_source_config;

/*
 * Opens the trace and reads its header. NULL with a message naming the file
 * (and line) in err when it cannot be read.
 */
bc_sample_source *bc_trace_source_open(const bc_trace_source_config *config, char *err,
				       size_t err_size);

/* The trace's "# exercise:", BC_EXERCISE_NONE when absent or unknown. */
bc_exercise_id bc_trace_source_exercise(const bc_sample_source *src);

/* The trace's "# hold_s:" in seconds, 0 when absent (as `replay` reads it). */
float bc_trace_source_hold_s(const bc_sample_source *src);

#endif /* BC_APP_TRACE_SOURCE_H */
