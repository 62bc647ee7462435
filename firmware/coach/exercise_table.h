/* SPDX-License-Identifier: MIT */
/*
 * Everything about one exercise, in one row: its words (vocab), its detector
 * (the machine, and for a tilt-and-hold exercise its gauge, phases and
 * default settings), how the coach speaks about it and its default hold.
 * The table sits here, at the top of the firmware, because a row names
 * things from every layer; the layers below are handed their part at init.
 */
#ifndef BC_EXERCISE_TABLE_H
#define BC_EXERCISE_TABLE_H

#include <stdbool.h>

#include "detect/detector.h"
#include "vocab/exercise.h"

typedef struct {
	bc_exercise_info info;	/* name, title, start pose and hint */
	bc_detector_row detect; /* the machine and its exercise part */
	const char *go;		/* the "go" cue: what to do from rest */
	const char *release;	/* after a hold */
	bool countdown;		/* a hold shows the seconds left (needs a hold target) */
	bool monitor;		/* a REP is an alert: no "Good!", no set, no hold progress */
	float hold_s;		/* default hold target, seconds (0: none) */
	bc_sides_kind sides;	/* one-sided: who decides the side (contract §2) */
	const char *limb;	/* guided sides: what the side is of ("leg", "arm") */
} bc_exercise_row;

/* The row for id; NULL if out of range. */
const bc_exercise_row *bc_exercise_row_of(bc_exercise_id id);

/* Its words; NULL if out of range. */
const bc_exercise_info *bc_exercise_info_get(bc_exercise_id id);

/* Id for a name as written in traces/CLI; BC_EXERCISE_NONE if unknown. */
bc_exercise_id bc_exercise_from_name(const char *name);

/* The tilt-and-hold machine runs this exercise (its settings are tilt[id]). */
bool bc_exercise_is_tilt_hold(bc_exercise_id id);

/* The complete detector defaults: the common ones and every row's own. */
void bc_exercise_detect_defaults(bc_detect_settings *s);

#endif /* BC_EXERCISE_TABLE_H */
