/* SPDX-License-Identifier: MIT */
/*
 * The bundled demo sessions, one per exercise (host/data/demo-NAME.csv.gz,
 * made by the simulator with fixed seeds: host/data/make_demo.sh). With no
 * sensor, `backcoach run` replays the demo of the exercise chosen, so every
 * tile coaches a session of its own exercise, never another's.
 */
#ifndef BC_DEMO_H
#define BC_DEMO_H

#include <stddef.h>

#include "vocab/exercise.h"

/* "demo-bridge.csv.gz": the demo's file name for ex, in buf; NULL if ex is out of range. */
const char *bc_demo_file_name(bc_exercise_id ex, char *buf, size_t size);

/* The bundled demo of ex found (paths.h's places), its path in buf; NULL when there is none. */
const char *bc_demo_find(bc_exercise_id ex, char *buf, size_t size);

#endif /* BC_DEMO_H */
