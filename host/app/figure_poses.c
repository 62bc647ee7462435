/* SPDX-License-Identifier: MIT */
/*
 * The key poses of every exercise (figure.h). Side views face right unless
 * lying: lying on the back the head is to the left and the feet to the
 * right. Numbers are directions in degrees (0 right, 90 up) and positions
 * in trunk lengths, worked out so that feet, knees and hands meet the floor
 * where the exercise puts them (test_app_figures checks the start poses
 * against each exercise's start position).
 */
#include "app/figure.h"

#include <math.h>
#include <stddef.h>

/* ---- Shared poses --------------------------------------------------------- */

/* Lying on the back, knees bent, feet flat, arms along the body. */
#define HOOK_LYING                                                                              \
	{                                                                                       \
		.hip_x = 0.0f, .hip_y = 0.12f, .lumbar_deg = 180.0f, .chest_deg = 180.0f,       \
		.head_deg = 178.0f, .arm_deg = { { 0.0f, 0.0f }, { 0.0f, 0.0f } }, .leg_deg = { \
			{ 52.0f, -52.0f },                                                      \
			{ 52.0f, -52.0f }                                                       \
		}                                                                               \
	}

/* On hands and knees, back flat, facing right. */
#define TABLETOP                                                                          \
	{                                                                                 \
		.hip_x = 0.0f, .hip_y = 1.0f, .lumbar_deg = 0.0f, .chest_deg = 0.0f,      \
		.head_deg = -8.0f, .arm_deg = { { -90.0f, -90.0f }, { -90.0f, -90.0f } }, \
		.leg_deg = {                                                              \
			{ -90.0f, 180.0f },                                               \
			{ -90.0f, 180.0f }                                                \
		}                                                                         \
	}

/* Standing upright, arms hanging, facing right. */
#define STANDING(x)                                                                       \
	{                                                                                 \
		.hip_x = (x), .hip_y = 1.9f, .lumbar_deg = 90.0f, .chest_deg = 90.0f,     \
		.head_deg = 90.0f, .arm_deg = { { -88.0f, -85.0f }, { -92.0f, -95.0f } }, \
		.leg_deg = {                                                              \
			{ -88.0f, -92.0f },                                               \
			{ -92.0f, -88.0f }                                                \
		}                                                                         \
	}

/* Sitting upright on a chair, hands on the thighs, facing right. */
#define SITTING                                                                                    \
	{                                                                                          \
		.hip_x = 0.0f, .hip_y = 1.05f, .lumbar_deg = 90.0f, .chest_deg = 90.0f,            \
		.head_deg = 90.0f, .arm_deg = { { -80.0f, 0.0f }, { -85.0f, 0.0f } }, .leg_deg = { \
			{ 0.0f, -90.0f },                                                          \
			{ 0.0f, -90.0f }                                                           \
		}                                                                                  \
	}

/* Lying on the back seen from above: head left, arms out, legs straight. */
#define SUPINE_FROM_ABOVE                                                                  \
	{                                                                                  \
		.hip_x = 0.0f, .hip_y = 1.2f, .lumbar_deg = 180.0f, .chest_deg = 180.0f,   \
		.head_deg = 180.0f, .arm_deg = { { 95.0f, 100.0f }, { -95.0f, -100.0f } }, \
		.leg_deg = {                                                               \
			{ 6.0f, 2.0f },                                                    \
			{ -6.0f, -2.0f }                                                   \
		}                                                                          \
	}

/* ---- The table ------------------------------------------------------------ */

static const bc_figure_row rows[BC_EXERCISE_COUNT] = {
	/* The tailbone curls up and the lower back presses flat: the hips tip up a little. */
	[BC_EXERCISE_PELVIC_TILT] = {
		.start = HOOK_LYING,
		.end = { .hip_x = 0.0f, .hip_y = 0.2f, .lumbar_deg = 188.0f, .chest_deg = 180.0f,
			 .head_deg = 178.0f, .arm_deg = { { 0.0f, 0.0f }, { 0.0f, 0.0f } },
			 .leg_deg = { { 58.0f, -50.0f }, { 58.0f, -50.0f } } },
		.caption = "on your back: tilt the pelvis, back flat",
	},
	/* Hips lifted until knees, hips and shoulders make a line; shoulders stay down. */
	[BC_EXERCISE_BRIDGE] = {
		.start = HOOK_LYING,
		.end = { .hip_x = 0.05f, .hip_y = 0.62f, .lumbar_deg = 207.0f, .chest_deg = 204.0f,
			 .head_deg = 180.0f, .arm_deg = { { 0.0f, 0.0f }, { 0.0f, 0.0f } },
			 .leg_deg = { { 21.0f, -74.0f }, { 21.0f, -74.0f } } },
		.caption = "on your back: lift the hips",
	},
	/* Cat: the back rounds up, head down. Cow: the belly sinks, head up. */
	[BC_EXERCISE_CAT_COW] = {
		.start = TABLETOP,
		.end = { .hip_x = 0.0f, .hip_y = 1.0f, .lumbar_deg = 28.0f, .chest_deg = -26.0f,
			 .head_deg = -60.0f, .arm_deg = { { -90.0f, -90.0f }, { -90.0f, -90.0f } },
			 .leg_deg = { { -90.0f, 180.0f }, { -90.0f, 180.0f } } },
		.has_end2 = true,
		.end2 = { .hip_x = 0.0f, .hip_y = 1.0f, .lumbar_deg = -20.0f, .chest_deg = 18.0f,
			  .head_deg = 35.0f, .arm_deg = { { -90.0f, -90.0f }, { -90.0f, -90.0f } },
			  .leg_deg = { { -90.0f, 180.0f }, { -90.0f, 180.0f } } },
		.caption = "hands and knees: round up, then sink",
	},
	/* One knee pulled to the chest by both hands; the other foot stays down. */
	[BC_EXERCISE_KNEE_TO_CHEST] = {
		.start = HOOK_LYING,
		.end = { .hip_x = 0.0f, .hip_y = 0.14f, .lumbar_deg = 182.0f, .chest_deg = 180.0f,
			 .head_deg = 175.0f, .arm_deg = { { 70.0f, 30.0f }, { 66.0f, 34.0f } },
			 .leg_deg = { { 122.0f, -15.0f }, { 52.0f, -52.0f } } },
		.caption = "on your back: hug one knee",
	},
	/* From hands and knees the hips sink to the heels, arms long on the floor. */
	[BC_EXERCISE_CHILDS_POSE] = {
		.start = TABLETOP,
		.end = { .hip_x = -0.72f, .hip_y = 0.45f, .lumbar_deg = -8.0f, .chest_deg = -20.0f,
			 .head_deg = -22.0f, .arm_deg = { { -8.0f, -4.0f }, { -10.0f, -5.0f } },
			 .leg_deg = { { -28.0f, 180.0f }, { -28.0f, 180.0f } } },
		.caption = "hands and knees: sit back to the heels",
	},
	/* Sitting upright; the monitor watches for the slump. */
	[BC_EXERCISE_POSTURE] = {
		.start = SITTING,
		.end = { .hip_x = 0.0f, .hip_y = 1.05f, .lumbar_deg = 104.0f, .chest_deg = 72.0f,
			 .head_deg = 50.0f, .arm_deg = { { -70.0f, -5.0f }, { -75.0f, -5.0f } },
			 .leg_deg = { { 0.0f, -90.0f }, { 0.0f, -90.0f } } },
		.prop = BC_PROP_CHAIR,
		.caption = "sit upright (a slump is what it warns of)",
	},
	/* Hips back and down, knees bent, the back leaning forward less than 60 deg. */
	[BC_EXERCISE_DEEP_SQUAT] = {
		.start = STANDING(0.0f),
		.end = { .hip_x = -0.35f, .hip_y = 0.8f, .lumbar_deg = 55.0f, .chest_deg = 50.0f,
			 .head_deg = 62.0f, .arm_deg = { { 0.0f, 0.0f }, { 4.0f, 4.0f } },
			 .leg_deg = { { 5.0f, -123.0f }, { 2.0f, -120.0f } } },
		.caption = "standing: squat, hips back (no chair)",
	},
	/* From hands and knees the hips go up and back: an upside-down V. */
	[BC_EXERCISE_DOWNWARD_DOG] = {
		.start = TABLETOP,
		.end = { .hip_x = 0.0f, .hip_y = 1.75f, .lumbar_deg = -50.0f, .chest_deg = -50.0f,
			 .head_deg = -110.0f, .arm_deg = { { -60.0f, -60.0f }, { -62.0f, -62.0f } },
			 .leg_deg = { { -115.0f, -115.0f }, { -113.0f, -113.0f } } },
		.caption = "hands and knees: hips up and back",
	},
	/* Seen from above: one leg crosses over the other, the shoulders stay flat. */
	[BC_EXERCISE_CROSSOVER] = {
		.start = SUPINE_FROM_ABOVE,
		.end = { .hip_x = 0.0f, .hip_y = 1.2f, .lumbar_deg = 180.0f, .chest_deg = 180.0f,
			 .head_deg = 180.0f, .arm_deg = { { 95.0f, 100.0f }, { -95.0f, -100.0f } },
			 .leg_deg = { { -40.0f, -75.0f }, { -6.0f, -2.0f } } },
		.prop = BC_PROP_NONE,
		.from_above = true,
		.caption = "on your back, seen from above: cross one leg over",
	},
	/* Holding a door frame, the hips go down and back: the back leans 30-60 deg. */
	[BC_EXERCISE_LAT_STRETCH] = {
		.start = { .hip_x = 0.3f, .hip_y = 1.9f, .lumbar_deg = 90.0f, .chest_deg = 90.0f,
			   .head_deg = 90.0f, .arm_deg = { { 2.0f, 0.0f }, { -2.0f, 0.0f } },
			   .leg_deg = { { -88.0f, -92.0f }, { -92.0f, -88.0f } } },
		.end = { .hip_x = -0.45f, .hip_y = 1.85f, .lumbar_deg = 45.0f, .chest_deg = 40.0f,
			 .head_deg = 35.0f, .arm_deg = { { 15.0f, 10.0f }, { 12.0f, 8.0f } },
			 .leg_deg = { { -75.0f, -97.0f }, { -78.0f, -95.0f } } },
		.prop = BC_PROP_DOOR_FRAME,
		.prop_x = 1.3f,
		.caption = "hold a door frame: hips down and back",
	},
	/* Upright; the shoulder blades pulled together: elbows back, chest open. */
	[BC_EXERCISE_SHOULDER_SQUEEZE] = {
		.start = STANDING(0.0f),
		.end = { .hip_x = 0.0f, .hip_y = 1.9f, .lumbar_deg = 90.0f, .chest_deg = 88.0f,
			 .head_deg = 92.0f, .arm_deg = { { -118.0f, -25.0f }, { -115.0f, -28.0f } },
			 .leg_deg = { { -88.0f, -92.0f }, { -92.0f, -88.0f } } },
		.caption = "upright: squeeze the shoulder blades",
	},
};

const bc_figure_row *bc_figure_row_of(bc_exercise_id ex)
{
	if (ex < 0 || ex >= BC_EXERCISE_COUNT || !rows[ex].caption)
		return NULL;
	return &rows[ex];
}

/* ---- Joints and motion ---------------------------------------------------- */

static bc_figure_point step(bc_figure_point from, float deg, float len)
{
	float a = deg * (float)M_PI / 180.0f;
	return (bc_figure_point){ from.x + len * cosf(a), from.y + len * sinf(a) };
}

void bc_figure_joints_of(const bc_figure_pose *p, bc_figure_joints *j)
{
	j->hip = (bc_figure_point){ p->hip_x, p->hip_y };
	j->mid_back = step(j->hip, p->lumbar_deg, BC_FIGURE_HALF_TRUNK);
	j->shoulder = step(j->mid_back, p->chest_deg, BC_FIGURE_HALF_TRUNK);
	j->head = step(j->shoulder, p->head_deg, BC_FIGURE_NECK);
	for (int i = 0; i < BC_LIMB_COUNT; i++) {
		j->elbow[i] = step(j->shoulder, p->arm_deg[i][0], BC_FIGURE_UPPER_ARM);
		j->wrist[i] = step(j->elbow[i], p->arm_deg[i][1], BC_FIGURE_FOREARM);
		j->knee[i] = step(j->hip, p->leg_deg[i][0], BC_FIGURE_THIGH);
		j->foot[i] = step(j->knee[i], p->leg_deg[i][1], BC_FIGURE_SHIN);
	}
}

/* Seconds: a moment at the start, into the end, held, back. */
#define REST_S 0.8
#define MOVE_S 1.3
#define HOLD_S 1.4

double bc_figure_cycle_s(const bc_figure_row *row)
{
	double half = REST_S + 2 * MOVE_S + HOLD_S;
	return row && row->has_end2 ? 2 * half : half;
}

/* Angles the short way round: 170 to -170 passes 180, not 0. */
static float mix_deg(float a, float b, float f)
{
	float d = fmodf(b - a + 540.0f, 360.0f) - 180.0f;
	return a + d * f;
}

static void mix(const bc_figure_pose *a, const bc_figure_pose *b, float f, bc_figure_pose *out)
{
	out->hip_x = a->hip_x + (b->hip_x - a->hip_x) * f;
	out->hip_y = a->hip_y + (b->hip_y - a->hip_y) * f;
	out->lumbar_deg = mix_deg(a->lumbar_deg, b->lumbar_deg, f);
	out->chest_deg = mix_deg(a->chest_deg, b->chest_deg, f);
	out->head_deg = mix_deg(a->head_deg, b->head_deg, f);
	for (int i = 0; i < BC_LIMB_COUNT; i++)
		for (int k = 0; k < 2; k++) {
			out->arm_deg[i][k] = mix_deg(a->arm_deg[i][k], b->arm_deg[i][k], f);
			out->leg_deg[i][k] = mix_deg(a->leg_deg[i][k], b->leg_deg[i][k], f);
		}
}

/* 0..1 of the way to the end pose, u seconds into one half cycle: eased, as people move. */
static float amount(double u)
{
	double f;
	if (u < REST_S)
		f = 0;
	else if (u < REST_S + MOVE_S)
		f = (u - REST_S) / MOVE_S;
	else if (u < REST_S + MOVE_S + HOLD_S)
		f = 1;
	else
		f = 1 - (u - REST_S - MOVE_S - HOLD_S) / MOVE_S;
	if (f < 0)
		f = 0;
	return (float)(f * f * (3 - 2 * f));
}

void bc_figure_pose_at(const bc_figure_row *row, double t_s, bc_figure_pose *out)
{
	double cycle = bc_figure_cycle_s(row), half = REST_S + 2 * MOVE_S + HOLD_S;
	double u = fmod(t_s < 0 ? 0 : t_s, cycle);
	const bc_figure_pose *to = &row->end;
	if (u >= half) {
		u -= half;
		to = &row->end2;
	}
	mix(&row->start, to, amount(u), out);
}
