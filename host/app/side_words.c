/* SPDX-License-Identifier: MIT */
/* Words for one-sided exercises: see side_words.h. */
#include "app/side_words.h"

#include <ctype.h>
#include <stdio.h>

#include "coach/exercise_table.h"

bool bc_app_per_side(bc_exercise_id ex)
{
	const bc_exercise_row *row = bc_exercise_row_of(ex);
	return row && row->sides != BC_SIDES_NONE;
}

const char *bc_app_side_counts(const int side_reps[BC_SIDE_COUNT], int target_reps, char *buf,
			       size_t size)
{
	int each = (target_reps + 1) / 2; /* the coach alternates: half the set each side */
	if (target_reps > 0)
		snprintf(buf, size, "Left %d/%d \xc2\xb7 Right %d/%d", side_reps[BC_SIDE_LEFT],
			 each, side_reps[BC_SIDE_RIGHT], each);
	else
		snprintf(buf, size, "Left %d \xc2\xb7 Right %d", side_reps[BC_SIDE_LEFT],
			 side_reps[BC_SIDE_RIGHT]);
	return buf;
}

const char *bc_app_side_name(bc_exercise_id ex, bc_side side, char *buf, size_t size)
{
	const bc_exercise_row *row = bc_exercise_row_of(ex);
	const char *limb = row && row->limb ? row->limb
					    : "leg"; /* the crossover: the leg crossed */
	if (!row || row->sides == BC_SIDES_NONE || (side != BC_SIDE_LEFT && side != BC_SIDE_RIGHT))
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%s %s", side == BC_SIDE_LEFT ? "LEFT" : "RIGHT", limb);
	for (char *p = buf; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return buf;
}
