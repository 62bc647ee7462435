/* SPDX-License-Identifier: MIT */
/*
 * Every exercise, one row each (exercise_table.h).
 *
 * A tilt-and-hold exercise (into a zone, hold, back) is one row here plus its
 * id in vocab/exercise.h: its settings keys (coach/settings.c) and their
 * checks come from the row. A different kind of movement is one file in
 * detect/ with its bc_detector_ops, and a row naming them.
 */
#include "coach/exercise_table.h"

#include "body/mounting_calibration.h"

#include <string.h>

/* The tilt-and-hold defaults most exercises share (contract §4); degrees, seconds. */
#define TILT_DEFAULTS .roll_off_deg = 40.0f, .min_attempt_s = 0.5f, .settle_s = 3.0f

/* Indexed by exercise: no if-chains over exercise names anywhere else. */
static const bc_exercise_row rows[BC_EXERCISE_COUNT] = {
	/* tilt phase names: rest, moving, holding, returning, wrong way, off */
	[BC_EXERCISE_PELVIC_TILT] = {
		.info = { "pelvic-tilt", "Pelvic tilt", BC_POSE_SUPINE,
			  "Lie on your back, knees bent" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_sagittal_deg,
			{ "resting", "tilting", "holding", "releasing", "arching", "not in position" },
			{ .enter_deg = 5.0f, .exit_deg = 4.0f, .attempt_deg = 2.0f, .rest_deg = 1.2f,
			  .wrong_deg = 3.5f, .max_deg = 35.0f, TILT_DEFAULTS } } },
		.go = "Flatten your lower back to the floor", .release = "Release slowly",
		.countdown = true, .hold_s = 10.0f,
	},
	[BC_EXERCISE_BRIDGE] = {
		.info = { "bridge", "Bridge", BC_POSE_SUPINE, "Lie on your back, knees bent" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_sagittal_deg,
			{ "resting", "rising", "holding", "lowering", "arching", "not in position" },
			{ .enter_deg = 15.0f, .exit_deg = 12.5f, .attempt_deg = 5.0f, .rest_deg = 3.0f,
			  .wrong_deg = 5.0f, .max_deg = 60.0f, .level_max_deg = 10.0f,
			  .level_min_s = 0.5f, TILT_DEFAULTS } } },
		.go = "Lift your hips", .release = "Lower slowly", .countdown = true, .hold_s = 2.0f,
	},
	[BC_EXERCISE_CAT_COW] = {
		.info = { "cat-cow", "Cat-cow", BC_POSE_TABLETOP, "Go onto your hands and knees" },
		.detect = { &bc_cat_cow_ops },
		.go = "Round your back up (cat)", .release = "Release slowly",
	},
	[BC_EXERCISE_KNEE_TO_CHEST] = {
		.info = { "knee-to-chest", "Knee to chest", BC_POSE_SUPINE,
			  "Lie on your back, knees bent" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_sagittal_deg,
			{ "resting", "pulling", "holding", "releasing", "wrong way", "not in position" },
			{ .enter_deg = 5.0f, .exit_deg = 4.0f, .attempt_deg = 2.0f, .rest_deg = 1.2f,
			  .wrong_deg = 3.5f, .max_deg = 45.0f, TILT_DEFAULTS } } },
		.go = "Pull your knee to your chest", .release = "Release slowly",
		.countdown = true, .hold_s = 15.0f, .sides = BC_SIDES_GUIDED, .limb = "leg",
	},
	/*
	 * Child's pose: the trunk incline is measured from the standing
	 * vertical the wearer calibrated (0 standing, about 90 on hands and
	 * knees). Sinking back rolls the pelvis towards vertical by the tilt:
	 * a deep pose from a tabletop tilted a little back ends near 90 - 45 - 8
	 * = 37 deg. Standing or kneeling tall stays within about 20 deg, so
	 * 30 deg keeps a margin either side (45 refused deep, correct poses).
	 */
	[BC_EXERCISE_CHILDS_POSE] = {
		.info = { "childs-pose", "Child's pose", BC_POSE_TABLETOP,
			  "Go onto your hands and knees" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_sagittal_deg,
			{ "resting", "sinking", "holding", "coming up", "wrong way", "not in position" },
			{ .enter_deg = 15.0f, .exit_deg = 12.5f, .attempt_deg = 6.0f, .rest_deg = 3.5f,
			  .wrong_deg = 8.0f, .max_deg = 60.0f, .min_incline_deg = 30.0f,
			  TILT_DEFAULTS } } },
		.go = "Sit back onto your heels", .release = "Release slowly",
		.countdown = true, .hold_s = 30.0f,
	},
	[BC_EXERCISE_POSTURE] = {
		.info = { "posture", "Posture monitor", BC_POSE_SITTING, "Sit upright" },
		.detect = { &bc_posture_ops },
		.go = "Sitting well", .release = "Release slowly", .countdown = true, .monitor = true,
	},
	[BC_EXERCISE_DEEP_SQUAT] = {
		.info = { "deep-squat", "Deep squat", BC_POSE_STANDING,
			  "Stand upright, feet apart (no chair)" },
		.detect = { &bc_squat_ops },
		.go = "Squat down: hips back, knees bent", .release = "Stand up slowly",
		.countdown = true, .hold_s = 30.0f,
	},
	/*
	 * Downward dog: the hips go up and back and the lower back turns the
	 * cow way, much further than a cow (8-20 deg). Going the other way
	 * (a cat, a child's pose) is another exercise, not a mistake, and a cow
	 * swung into straight from a cat is cat-cow, not a shallow dog. The
	 * trunk stays near horizontal or steeper (about 90 on all fours, 120-150
	 * in the dog); kneeling or standing up (under 20) is not the exercise.
	 */
	[BC_EXERCISE_DOWNWARD_DOG] = {
		.info = { "downward-dog", "Downward dog", BC_POSE_TABLETOP,
			  "Go onto your hands and knees" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_cow_deg,
			{ "resting", "lifting", "holding", "lowering", "other way", "not in position" },
			{ .enter_deg = 30.0f, .exit_deg = 26.0f, .attempt_deg = 6.0f, .rest_deg = 3.5f,
			  .wrong_deg = 4.0f, .max_deg = 80.0f, .min_incline_deg = 45.0f,
			  TILT_DEFAULTS },
			.other_way_is_other_exercise = true } },
		.go = "Lift your hips up and back", .release = "Lower your knees slowly",
		.countdown = true, .hold_s = 15.0f,
	},
	/*
	 * Crossover: the gauge is the turn about the spine either way; its
	 * sign is the side. Past 70 deg is rolled onto the side (rejected);
	 * past 135 the wearer rolls right over: not the exercise, no outcome.
	 * Sitting or standing up (trunk under 45 deg from vertical) neither.
	 * Lying there, the hips shift a few degrees about the spine (fidgets
	 * within 5): an attempt starts at 8, short of a shallow one (11-14).
	 */
	[BC_EXERCISE_CROSSOVER] = {
		.info = { "crossover", "Crossover", BC_POSE_SUPINE, "Lie on your back" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_turn_deg,
			{ "resting", "turning", "holding", "returning", "wrong way", "not in position" },
			{ .enter_deg = 20.0f, .exit_deg = 17.0f, .attempt_deg = 8.0f, .rest_deg = 4.0f,
			  .wrong_deg = 90.0f, .max_deg = 135.0f, .far_deg = 70.0f,
			  .min_incline_deg = 45.0f, .min_attempt_s = 0.5f, .settle_s = 3.0f },
			.far_reason = BC_REJECT_ROLLED_ONTO_SIDE, .side_from_turn = true },
			  bc_gauge_sagittal_abs_deg },
		.go = "Cross one leg over the other", .release = "Come back slowly",
		.countdown = true, .hold_s = 15.0f, .sides = BC_SIDES_MEASURED,
	},
	/*
	 * Lat stretch: the lean from the upright start, whatever its direction
	 * (hips back, the arm on the frame turns the trunk a little). A lat
	 * stretch leans 30-60 deg; a stoop to pick something up goes on
	 * towards 90, and past max_deg it is not this exercise (no outcome);
	 * one that goes less deep passes through the zone in 1-3 s, shorter
	 * than min_zone_s: no outcome either.
	 * Standing people shift their weight: up to BC_STAND_START_MAX_DEG is
	 * still standing, so an attempt starts only beyond it.
	 */
	[BC_EXERCISE_LAT_STRETCH] = {
		.info = { "lat-stretch", "Lat stretch", BC_POSE_STANDING,
			  "Stand upright, holding a door frame" },
		.detect = { &bc_tilt_hold_ops, { bc_gauge_lean_deg,
			{ "standing", "leaning", "holding", "coming up", "wrong way", "not in position" },
			{ .enter_deg = 30.0f, .exit_deg = 26.0f, .attempt_deg = BC_STAND_START_MAX_DEG,
			  .rest_deg = 5.0f, .wrong_deg = 90.0f, .max_deg = 70.0f,
			  /* standing, the turn about the spine is a turn about the
			   * vertical: heading drift, no roll-off check */
			  .roll_off_deg = 0.0f, .min_attempt_s = 0.5f, .settle_s = 3.0f,
			  .min_zone_s = 3.5f } },
			  bc_gauge_lean_deg, BC_STAND_START_MAX_DEG },
		.go = "Push your hips down and back", .release = "Come up slowly",
		.countdown = true, .hold_s = 15.0f, .sides = BC_SIDES_GUIDED, .limb = "arm",
	},
	[BC_EXERCISE_SHOULDER_SQUEEZE] = {
		/* The sensor cannot see shoulder blades: the screen says what it checks. */
		.info = { "shoulder-squeeze", "Shoulder squeeze", BC_POSE_UPRIGHT,
			  "Sit or stand upright (checks posture and pace)" },
		.detect = { &bc_paced_hold_ops },
		.go = "Squeeze your shoulder blades together", .release = "Relax",
		.countdown = true, .hold_s = 5.0f,
	},
};

const bc_exercise_row *bc_exercise_row_of(bc_exercise_id id)
{
	if (id < 0 || id >= BC_EXERCISE_COUNT)
		return NULL;
	return &rows[id];
}

const bc_exercise_info *bc_exercise_info_get(bc_exercise_id id)
{
	const bc_exercise_row *r = bc_exercise_row_of(id);
	return r ? &r->info : NULL;
}

bc_exercise_id bc_exercise_from_name(const char *name)
{
	for (int i = 0; name && i < BC_EXERCISE_COUNT; i++)
		if (strcmp(rows[i].info.name, name) == 0)
			return (bc_exercise_id)i;
	return BC_EXERCISE_NONE;
}

bool bc_exercise_is_tilt_hold(bc_exercise_id id)
{
	const bc_exercise_row *r = bc_exercise_row_of(id);
	return r && r->detect.ops == &bc_tilt_hold_ops;
}

void bc_exercise_detect_defaults(bc_detect_settings *s)
{
	*s = bc_detect_settings_default;
	for (int i = 0; i < BC_EXERCISE_COUNT; i++)
		if (bc_exercise_is_tilt_hold(i))
			s->tilt[i] = rows[i].detect.tilt.defaults;
}
