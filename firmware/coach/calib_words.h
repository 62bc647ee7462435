/* SPDX-License-Identifier: MIT */
/*
 * The words for what the calibration waits for (bc_calib_wait): the one line
 * the screen and the voice give the wearer, and the few words `replay --json`
 * gives as "calibration" when it never finished (contract §2). One place, so
 * the screen, the terminal and the JSON never disagree.
 */
#ifndef BC_CALIB_WORDS_H
#define BC_CALIB_WORDS_H

#include <stddef.h>

#include "body/body_state.h"
#include "vocab/exercise.h"

/* What to do now, and why when it is not obvious, for the exercise ex, into buf. */
void bc_calib_cue(bc_calib_wait wait, bc_exercise_id ex, char *buf, size_t size);

/* What was missing when a session ended uncalibrated ("never stood still upright", ...). */
const char *bc_calib_missing(bc_calib_wait wait);

#endif /* BC_CALIB_WORDS_H */
