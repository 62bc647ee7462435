/* SPDX-License-Identifier: MIT */
#include "vocab/exercise.h"

#include <string.h>

static const bc_exercise_info exercises[BC_EXERCISE_COUNT] = {
	{ BC_EXERCISE_PELVIC_TILT, "pelvic-tilt", "Pelvic tilt", BC_POSE_SUPINE,
	  "Lie on your back, knees bent" },
	{ BC_EXERCISE_BRIDGE, "bridge", "Bridge", BC_POSE_SUPINE, "Lie on your back, knees bent" },
	{ BC_EXERCISE_CAT_COW, "cat-cow", "Cat-cow", BC_POSE_TABLETOP,
	  "Go onto your hands and knees" },
	{ BC_EXERCISE_KNEE_TO_CHEST, "knee-to-chest", "Knee to chest", BC_POSE_SUPINE,
	  "Lie on your back, knees bent" },
	{ BC_EXERCISE_CHILDS_POSE, "childs-pose", "Child's pose", BC_POSE_TABLETOP,
	  "Go onto your hands and knees" },
	{ BC_EXERCISE_POSTURE, "posture", "Posture monitor", BC_POSE_SITTING, "Sit upright" },
};

const bc_exercise_info *bc_exercise_info_get(bc_exercise_id id)
{
	if (id < 0 || id >= BC_EXERCISE_COUNT)
		return NULL;
	return &exercises[id];
}

bc_exercise_id bc_exercise_from_name(const char *name)
{
	for (int i = 0; name && i < BC_EXERCISE_COUNT; i++)
		if (strcmp(exercises[i].name, name) == 0)
			return exercises[i].id;
	return BC_EXERCISE_NONE;
}
