/* SPDX-License-Identifier: MIT */
/*
 * The words the screens use for one-sided exercises (contract §2): the
 * counts per side and the side asked for now, in one place so the exercise
 * screen and the summary say them alike.
 */
#ifndef BC_APP_SIDE_WORDS_H
#define BC_APP_SIDE_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "vocab/coach_event.h"
#include "vocab/exercise.h"

/* The exercise is done per side (guided or measured). */
bool bc_app_per_side(bc_exercise_id ex);

/*
 * "Left 2/5 · Right 1/5": counted reps by side against half the set each
 * (target_reps <= 0: no targets, "Left 2 · Right 1"). Returns buf.
 */
const char *bc_app_side_counts(const int side_reps[BC_SIDE_COUNT], int target_reps, char *buf,
			       size_t size);

/*
 * The side as the screen names it: guided "LEFT LEG" (the side asked for),
 * measured "RIGHT LEG" (the side of the turn); "" without a side. Returns buf.
 */
const char *bc_app_side_name(bc_exercise_id ex, bc_side side, char *buf, size_t size);

#endif /* BC_APP_SIDE_WORDS_H */
