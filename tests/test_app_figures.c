/* SPDX-License-Identifier: MIT */
/*
 * A picture of every exercise (figure.h): each of the eleven has a row,
 * its start pose is the exercise's start position (contract §3: lying on
 * the back, on hands and knees, sitting, standing), its movement is the
 * exercise's (the bridge lifts the hips, the dog is an upside-down V, ...),
 * and it draws something at 800x480 and at 480x320.
 *
 * With BC_APP_RENDER_PNG_DIR set, each picture is saved there (start, end).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/figure.h"
#include "app/screenshot.h"
#include "app/widgets.h"
#include "coach/exercise_table.h"
#include "support/app_canvas.h"
#include "support/test_support.h"

static bc_figure_joints joints(const bc_figure_pose *p)
{
	bc_figure_joints j;
	bc_figure_joints_of(p, &j);
	return j;
}

static float lowest_foot(const bc_figure_joints *j)
{
	return fminf(j->foot[0].y, j->foot[1].y);
}

/* The start pose is the start position the coach asks for. */
static void check_start(bc_exercise_id ex, const bc_figure_row *row)
{
	const char *name = bc_exercise_info_get(ex)->name;
	bc_figure_joints j = joints(&row->start);
	float trunk_dx = fabsf(j.shoulder.x - j.hip.x), trunk_dy = j.shoulder.y - j.hip.y;
	switch (bc_exercise_info_get(ex)->start_pose) {
	case BC_POSE_SUPINE: /* lying on the back: trunk flat, on the floor */
		if (fabsf(trunk_dy) > 0.15f || trunk_dx < 0.9f)
			fail_msg("%s: the start is not lying flat", name);
		if (!row->from_above &&
		    (j.hip.y > 0.3f || j.shoulder.y > 0.3f || lowest_foot(&j) > 0.25f))
			fail_msg("%s: lying, but not on the floor", name);
		break;
	case BC_POSE_TABLETOP: /* hands and knees on the floor, back flat */
		if (fabsf(trunk_dy) > 0.15f || j.hip.y < 0.8f)
			fail_msg("%s: the start is not a flat back on all fours", name);
		for (int i = 0; i < BC_LIMB_COUNT; i++)
			if (j.knee[i].y > 0.15f || j.wrist[i].y > 0.15f)
				fail_msg("%s: a knee or hand is off the floor", name);
		break;
	case BC_POSE_SITTING: /* upright, hips on a seat, feet on the floor */
		if (trunk_dy < 0.9f || row->prop != BC_PROP_CHAIR || j.hip.y < 0.7f ||
		    lowest_foot(&j) > 0.15f)
			fail_msg("%s: the start is not sitting upright", name);
		break;
	case BC_POSE_STANDING:
	case BC_POSE_UPRIGHT: /* upright, on the feet, head highest */
		if (trunk_dy < 0.95f || trunk_dx > 0.1f || lowest_foot(&j) > 0.1f ||
		    j.hip.y < 1.7f || j.head.y < j.shoulder.y)
			fail_msg("%s: the start is not standing upright", name);
		break;
	default:
		fail_msg("%s: a start position the test does not know", name);
	}
}

/* Every exercise has a picture that starts where the exercise does and moves. */
static void test_every_exercise_has_a_picture(void **state)
{
	(void)state;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		const bc_figure_row *row = bc_figure_row_of(ex);
		if (!row)
			fail_msg("%s has no picture (figure_poses.c)",
				 bc_exercise_info_get(ex)->name);
		assert_non_null(row->caption);
		check_start(ex, row);
		bc_figure_joints a = joints(&row->start), b = joints(&row->end);
		float moved = fabsf(a.hip.y - b.hip.y) + fabsf(a.mid_back.y - b.mid_back.y) +
			      fabsf(a.knee[0].x - b.knee[0].x) + fabsf(a.knee[0].y - b.knee[0].y) +
			      fabsf(a.elbow[0].x - b.elbow[0].x) + fabsf(a.head.y - b.head.y);
		if (moved < 0.1f)
			fail_msg("%s: the picture does not move", bc_exercise_info_get(ex)->name);
	}
}

/* The movements, each as the exercise is done (not only its start). */
static void test_movements_are_the_exercises(void **state)
{
	(void)state;
	bc_figure_joints bridge = joints(&bc_figure_row_of(BC_EXERCISE_BRIDGE)->end);
	assert_true(bridge.hip.y > bridge.shoulder.y + 0.3f); /* hips up, shoulders down */

	const bc_figure_row *cc = bc_figure_row_of(BC_EXERCISE_CAT_COW);
	bc_figure_joints cat = joints(&cc->end), cow = joints(&cc->end2);
	assert_true(cc->has_end2);
	assert_true(cat.mid_back.y > cat.hip.y + 0.1f && cat.mid_back.y > cat.shoulder.y + 0.1f);
	assert_true(cow.mid_back.y < cow.hip.y - 0.1f && cow.mid_back.y < cow.shoulder.y - 0.1f);

	bc_figure_joints dog = joints(&bc_figure_row_of(BC_EXERCISE_DOWNWARD_DOG)->end);
	assert_true(dog.hip.y > dog.shoulder.y + 0.5f && dog.hip.y > dog.head.y + 0.5f);
	for (int i = 0; i < BC_LIMB_COUNT; i++) /* hands and feet on the floor */
		assert_true(dog.wrist[i].y < 0.25f && dog.foot[i].y < 0.25f);

	bc_figure_joints child = joints(&bc_figure_row_of(BC_EXERCISE_CHILDS_POSE)->end);
	assert_true(child.hip.y < 0.6f && child.head.y < child.hip.y);

	const bc_figure_row *sq = bc_figure_row_of(BC_EXERCISE_DEEP_SQUAT);
	assert_true(sq->start.hip_y - sq->end.hip_y > 0.6f); /* down by far more than 30 cm */
	bc_figure_joints squat = joints(&sq->end);
	float lean_deg = atan2f(fabsf(squat.shoulder.x - squat.hip.x),
				squat.shoulder.y - squat.hip.y) *
			 180.0f / (float)M_PI;
	assert_true(lean_deg < 60.0f);

	bc_figure_joints knee = joints(&bc_figure_row_of(BC_EXERCISE_KNEE_TO_CHEST)->end);
	assert_true(knee.knee[BC_LIMB_NEAR].y > 0.8f && knee.knee[BC_LIMB_NEAR].x < knee.hip.x);
	assert_true(knee.foot[BC_LIMB_FAR].y < 0.25f); /* the other foot stays down */

	bc_figure_joints cross = joints(&bc_figure_row_of(BC_EXERCISE_CROSSOVER)->end);
	assert_true(cross.foot[BC_LIMB_NEAR].y < cross.foot[BC_LIMB_FAR].y); /* crossed over */

	const bc_figure_row *lat = bc_figure_row_of(BC_EXERCISE_LAT_STRETCH);
	bc_figure_joints latj = joints(&lat->end);
	assert_int_equal(lat->prop, BC_PROP_DOOR_FRAME);
	float lat_lean = atan2f(latj.shoulder.x - latj.hip.x, latj.shoulder.y - latj.hip.y) *
			 180.0f / (float)M_PI;
	assert_true(lat_lean >= 30.0f && lat_lean <= 60.0f);
	assert_true(fabsf(latj.wrist[0].x - lat->prop_x) < 0.2f); /* the hand on the frame */
}

static int ink(const bc_app_canvas *c, SDL_Rect r)
{
	int n = 0;
	for (int y = r.y; y < r.y + r.h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)c->surface->pixels +
						     y * c->surface->pitch);
		for (int x = r.x; x < r.x + r.w; x++) {
			Uint8 R, G, B;
			SDL_GetRGB(row[x], c->surface->format, &R, &G, &B);
			n += abs(R - bc_col_bg.r) + abs(G - bc_col_bg.g) + abs(B - bc_col_bg.b) >
			     30;
		}
	}
	return n;
}

/* Each picture draws, within its area, at both screen sizes, through its whole movement. */
static void test_every_picture_draws(void **state)
{
	(void)state;
	const int sizes[][2] = { { 800, 480 }, { 480, 320 } };
	for (int k = 0; k < 2; k++) {
		bc_app_canvas c;
		bc_app_canvas_open_or_fail(&c, sizes[k][0], sizes[k][1]);
		/* The exercise screen's picture box (render_exercise.c) is about this big. */
		SDL_Rect area = { 10, 10, (int)(250 * c.draw.k), (int)(130 * c.draw.k) };
		SDL_Rect outside = { area.x + area.w + 2, 0, c.surface->w - area.x - area.w - 2,
				     c.surface->h };
		for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
			double cycle = bc_figure_cycle_s(bc_figure_row_of(ex));
			for (int i = 0; i < 8; i++) {
				SDL_SetRenderDrawColor(c.renderer, bc_col_bg.r, bc_col_bg.g,
						       bc_col_bg.b, 255);
				SDL_RenderClear(c.renderer);
				assert_true(bc_widget_figure(&c.draw, area, ex, cycle * i / 8));
				int drawn = ink(&c, area);
				if (drawn < area.w * area.h / 60)
					fail_msg("%s at %dx%d: %d px drawn",
						 bc_exercise_info_get(ex)->name, c.surface->w,
						 c.surface->h, drawn);
				assert_int_equal(ink(&c, outside), 0);
			}
		}
		assert_false(bc_widget_figure(&c.draw, area, BC_EXERCISE_NONE, 0));
		bc_app_canvas_close(&c);
	}
}

/*
 * Every picture's start and end side by side on one sheet, each cell drawn;
 * with BC_APP_RENDER_PNG_DIR set it is saved there (figures.png), the way
 * to look them over (make screenshots).
 */
static void test_sheet_of_every_picture(void **state)
{
	(void)state;
	const char *dir = getenv("BC_APP_RENDER_PNG_DIR");
	bc_app_canvas c;
	char err[256], path[512];
	const int cell_w = 300, cell_h = 170, cols = 2;
	bc_app_canvas_open_or_fail(&c, cols * 2 * cell_w, 6 * cell_h);
	c.draw.k = 1.0f;
	SDL_SetRenderDrawColor(c.renderer, bc_col_bg.r, bc_col_bg.g, bc_col_bg.b, 255);
	SDL_RenderClear(c.renderer);
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		const bc_figure_row *row = bc_figure_row_of(ex);
		double cycle = bc_figure_cycle_s(row);
		for (int half = 0; half < 2; half++) {
			/* the start, then the middle of the hold at the end */
			double t = half ? (row->has_end2 ? cycle / 4 : cycle / 2) : 0;
			SDL_Rect cell = { ((ex % cols) * 2 + half) * cell_w, (ex / cols) * cell_h,
					  cell_w, cell_h };
			SDL_Rect fig = { cell.x + 10, cell.y + 30, cell.w - 20, cell.h - 40 };
			assert_true(bc_widget_figure(&c.draw, fig, ex, t));
			assert_true(ink(&c, fig) > fig.w * fig.h / 60);
			bc_draw_note(&c.draw, half ? row->caption : bc_exercise_info_get(ex)->title,
				     18, BC_FONT_BOLD, half ? bc_col_dim : bc_col_text, cell.x + 10,
				     cell.y + 14, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, cell.w - 20);
		}
	}
	if (dir && *dir) {
		snprintf(path, sizeof(path), "%s/figures.png", dir);
		assert_int_equal(bc_screenshot_save(c.renderer, c.surface->w, c.surface->h, path,
						    err, sizeof(err)),
				 0);
	}
	bc_app_canvas_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_exercise_has_a_picture),
		cmocka_unit_test(test_movements_are_the_exercises),
		cmocka_unit_test(test_every_picture_draws),
		cmocka_unit_test(test_sheet_of_every_picture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
