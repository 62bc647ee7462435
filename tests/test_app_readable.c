/* SPDX-License-Identifier: MIT */
/*
 * Read from two metres: every screen a session shows, in each of its
 * states (calibration, the exercise with each kind of feedback and every
 * reason an attempt does not count, posture, the summaries, paused, "End
 * this set?", a settings error), draws nothing the wearer must read with
 * capitals under BC_TEXT_CAP_MIN_PX at 800x480 (5 mm on the 7" panel), nor
 * under the same fraction of the frame at 480x320. The audit is the size
 * really drawn (after any shrinking to fit), measured from the font's H.
 *
 * With BC_APP_RENDER_PNG_DIR set, the frames are also saved there as PNG.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_state.h"
#include "app/draw.h"
#include "app/render.h"
#include "app/screens.h"
#include "app/screenshot.h"
#include "support/app_canvas.h"
#include "support/test_support.h"

/* The coach's words for a rejection of each reason, as long as they get. */
static const char *const reason_words[BC_REJECT_COUNT] = {
	[BC_REJECT_NONE] = "attempt incomplete",
	[BC_REJECT_TOO_LITTLE_RANGE] = "too little range (8\xc2\xb0 of 15\xc2\xb0)",
	[BC_REJECT_HOLD_TOO_SHORT] = "hold too short (0.8 of 10 s)",
	[BC_REJECT_NOT_LEVEL] = "pelvis not level: your left hip dropped",
	[BC_REJECT_RUSHED] = "rushed: at least a second each way",
	[BC_REJECT_WRONG_DIRECTION] = "wrong direction: tuck your tailbone, don't arch",
	[BC_REJECT_LEANING_TOO_FAR] = "leaning too far (65\xc2\xb0, at most 60\xc2\xb0)",
	[BC_REJECT_ROLLED_ONTO_SIDE] = "rolled onto the side (75\xc2\xb0, at most 70\xc2\xb0)",
	[BC_REJECT_NOT_UPRIGHT] = "not upright: keep your back straight",
};

typedef enum {
	CALIB_STAND,
	CALIB_START_LONG_CUE,
	CALIB_STANDING,
	EX_CUE,
	EX_HOLDING,
	EX_REP,
	EX_REASON, /* variant: the reason */
	EX_REASON_STAYS,
	EX_PAUSED,
	EX_CONFIRM,
	POSTURE,
	SUMMARY_SESSION,
	SUMMARY_SET,
	NOTICE,
} state_kind;

typedef struct {
	const char *name;
	state_kind kind;
	bc_exercise_id ex;
	int variant;
} scenario;

static void exercise_view(bc_coach_view *v, bc_exercise_id ex, double t_s)
{
	*v = (bc_coach_view){ .exercise = ex,
			      .stage = BC_CALIB_DONE,
			      .started = true,
			      .gauge_deg = -0.4f,
			      .zone_min_deg = 15,
			      .zone_max_deg = 40,
			      .phase_name = "resting",
			      .hint = BC_HINT_GO,
			      .hold_target_s = 10,
			      .reps = 7,
			      .target_reps = 10,
			      .t_s = t_s,
			      .feedback_of = BC_EVENT_CUE };
	snprintf(v->feedback, sizeof(v->feedback), "Flatten your lower back to the floor");
	if (ex == BC_EXERCISE_KNEE_TO_CHEST || ex == BC_EXERCISE_LAT_STRETCH ||
	    ex == BC_EXERCISE_CROSSOVER) {
		v->side = BC_SIDE_RIGHT;
		v->side_reps[BC_SIDE_LEFT] = 4;
		v->side_reps[BC_SIDE_RIGHT] = 3;
	}
	if (ex == BC_EXERCISE_DEEP_SQUAT) {
		v->gauge_kind = BC_GAUGE_DEPTH;
		v->depth_cm = -0.3f;
		v->depth_target_cm = 30;
	}
	if (ex == BC_EXERCISE_SHOULDER_SQUEEZE) {
		v->gauge_kind = BC_GAUGE_PACE;
		v->pace_phase = BC_PACE_SQUEEZE;
		v->pace_s = 2.2f;
		v->pace_phase_s = 5;
		v->hint = BC_HINT_SQUEEZE;
	}
	if (ex == BC_EXERCISE_POSTURE) {
		v->zone_min_deg = -10;
		v->zone_max_deg = 10;
		v->gauge_deg = 14;
		v->hint = BC_HINT_SIT_UP;
		v->reps = 2;
		snprintf(v->feedback, sizeof(v->feedback), "Sit up straight");
	}
}

static void rejected(bc_app_state *s, bc_coach_view *v, int reason)
{
	bc_coach_event e = { .type = BC_EVENT_REJECTED,
			     .t_s = v->t_s,
			     .reason = (bc_reject_reason)reason,
			     .hold_s = 0.8f,
			     .hold_target_s = 10,
			     .rejected = v->rejected + 1 };
	bc_app_apply_event(s, &e);
	v->rejected++;
	snprintf(v->not_counted, sizeof(v->not_counted), "%s", reason_words[reason]);
	snprintf(v->feedback, sizeof(v->feedback), "Not counted: %s", reason_words[reason]);
	v->feedback_of = BC_EVENT_REJECTED;
}

static void calibrating(bc_app_state *s, const scenario *sc)
{
	bc_coach_view v = { .exercise = sc->ex,
			    .stage = sc->kind == CALIB_STAND ? BC_CALIB_STAND
							     : BC_CALIB_GO_TO_START,
			    .stage_progress = 0.6f,
			    .target_reps = 10,
			    .t_s = 5,
			    .phase_name = "" };
	if (sc->kind == CALIB_START_LONG_CUE)
		snprintf(v.feedback, sizeof(v.feedback),
			 "You are lying on your back: cat-cow starts on hands and knees");
	else if (sc->kind == CALIB_STANDING)
		snprintf(v.feedback, sizeof(v.feedback),
			 "Stand upright, feet apart (no chair). Already down? Stand up for 3 s "
			 "first");
	else
		snprintf(v.feedback, sizeof(v.feedback), "Stand upright and keep still");
	bc_app_apply_view(s, &v, NULL);
}

static void build(bc_app_state *s, const scenario *sc)
{
	bc_app_init(s, NULL);
	bc_app_begin_session(s, sc->ex);
	bc_app_tick(s, 10);
	bc_app_source_info src = { .status = BC_SOURCE_CONNECTED, .rate_hz = 100 };
	bc_app_apply_view(s, NULL, &src);
	if (sc->kind <= CALIB_STANDING) {
		calibrating(s, sc);
		return;
	}
	bc_coach_view v;
	exercise_view(&v, sc->ex, 95);
	bc_app_apply_view(s, &v, NULL);
	switch (sc->kind) {
	case EX_HOLDING:
		v.holding = true;
		v.hold_s = 3.2f;
		v.hint = BC_HINT_HOLD;
		snprintf(v.feedback, sizeof(v.feedback), "Hold \xe2\x80\x94 7 s left");
		break;
	case EX_REP:
		v.reps = 8;
		snprintf(v.feedback, sizeof(v.feedback), "Good! 8 of 10");
		v.feedback_of = BC_EVENT_REP;
		break;
	case EX_REASON:
		rejected(s, &v, sc->variant);
		break;
	case SUMMARY_SESSION:
	case SUMMARY_SET:
		rejected(s, &v, sc->variant);
		rejected(s, &v, BC_REJECT_HOLD_TOO_SHORT);
		break;
	case EX_REASON_STAYS: /* the coach's line moved on; the reason stays up */
		rejected(s, &v, sc->variant);
		v.t_s += 6;
		snprintf(v.feedback, sizeof(v.feedback), "Flatten your lower back to the floor");
		v.feedback_of = BC_EVENT_CUE;
		break;
	case EX_PAUSED:
		bc_app_apply_action(s, BC_ACTION_PAUSE);
		break;
	case EX_CONFIRM:
		bc_app_apply_action(s, BC_ACTION_BACK);
		break;
	case NOTICE:
		bc_app_notice(s, "Settings not used (defaults instead): "
				 "/home/pi/.config/backcoach/settings.ini:12: bridge.hold_s: "
				 "not a number ('two')");
		break;
	default:
		break;
	}
	bc_app_apply_view(s, &v, NULL);
	if (sc->ex == BC_EXERCISE_CAT_COW) {
		bc_coach_event ph = { .type = BC_EVENT_PHASE, .t_s = 96, .phase = 1 };
		bc_app_apply_event(s, &ph);
	}
	if (sc->kind == SUMMARY_SESSION || sc->kind == SUMMARY_SET) {
		bc_coach_event e = { .type = sc->kind == SUMMARY_SET ? BC_EVENT_SET_DONE
								     : BC_EVENT_SUMMARY,
				     .t_s = 120,
				     .reps = s->view.reps,
				     .rejected = s->view.rejected };
		bc_app_apply_event(s, &e);
	}
}

static const scenario scenarios[] = {
	{ "calib-stand", CALIB_STAND, BC_EXERCISE_BRIDGE, 0 },
	{ "calib-long-cue", CALIB_START_LONG_CUE, BC_EXERCISE_CAT_COW, 0 },
	{ "calib-standing", CALIB_STANDING, BC_EXERCISE_DEEP_SQUAT, 0 },
	{ "calib-lat", CALIB_START_LONG_CUE, BC_EXERCISE_LAT_STRETCH, 0 },
	{ "ex-cue", EX_CUE, BC_EXERCISE_PELVIC_TILT, 0 },
	{ "ex-holding", EX_HOLDING, BC_EXERCISE_BRIDGE, 0 },
	{ "ex-rep", EX_REP, BC_EXERCISE_CHILDS_POSE, 0 },
	{ "ex-cat-cow", EX_CUE, BC_EXERCISE_CAT_COW, 0 },
	{ "ex-knee", EX_HOLDING, BC_EXERCISE_KNEE_TO_CHEST, 0 },
	{ "ex-lat", EX_CUE, BC_EXERCISE_LAT_STRETCH, 0 },
	{ "ex-crossover", EX_CUE, BC_EXERCISE_CROSSOVER, 0 },
	{ "ex-squat", EX_CUE, BC_EXERCISE_DEEP_SQUAT, 0 },
	{ "ex-dog", EX_HOLDING, BC_EXERCISE_DOWNWARD_DOG, 0 },
	{ "ex-squeeze", EX_CUE, BC_EXERCISE_SHOULDER_SQUEEZE, 0 },
	{ "ex-reason-stays", EX_REASON_STAYS, BC_EXERCISE_BRIDGE, BC_REJECT_NOT_LEVEL },
	{ "ex-paused", EX_PAUSED, BC_EXERCISE_BRIDGE, 0 },
	{ "ex-confirm", EX_CONFIRM, BC_EXERCISE_KNEE_TO_CHEST, 0 },
	{ "posture", POSTURE, BC_EXERCISE_POSTURE, 0 },
	{ "posture-paused", EX_PAUSED, BC_EXERCISE_POSTURE, 0 },
	{ "summary", SUMMARY_SESSION, BC_EXERCISE_BRIDGE, BC_REJECT_NOT_LEVEL },
	{ "summary-set", SUMMARY_SET, BC_EXERCISE_PELVIC_TILT, BC_REJECT_WRONG_DIRECTION },
	{ "summary-sides", SUMMARY_SESSION, BC_EXERCISE_KNEE_TO_CHEST, BC_REJECT_NONE },
	{ "summary-posture", SUMMARY_SESSION, BC_EXERCISE_POSTURE, 0 },
	{ "notice", NOTICE, BC_EXERCISE_BRIDGE, 0 },
};

static void maybe_save(const bc_app_canvas *c, const char *name)
{
	const char *dir = getenv("BC_APP_RENDER_PNG_DIR");
	if (!dir || !*dir)
		return;
	char path[512], err[256];
	snprintf(path, sizeof(path), "%s/read-%s-%dx%d.png", dir, name, c->surface->w,
		 c->surface->h);
	assert_int_equal(bc_screenshot_save(c->renderer, c->surface->w, c->surface->h, path, err,
					    sizeof(err)),
			 0);
}

/* Renders sc with the audit on; fails naming the smallest must-read text if too small. */
static void check(bc_app_canvas *c, const scenario *sc)
{
	bc_app_state s;
	bc_text_audit audit;
	build(&s, sc);
	bc_text_audit_clear(&audit);
	c->draw.audit = &audit;
	bc_render_frame(&c->draw, &s);
	c->draw.audit = NULL;
	maybe_save(c, sc->name);
	if (audit.texts == 0)
		fail_msg("%s: nothing must-read drawn", sc->name);
	if (audit.min_cap_px < bc_draw_cap_min_px(&c->draw))
		fail_msg("%s at %dx%d: '%s' has %d px capitals, under %d", sc->name, c->surface->w,
			 c->surface->h, audit.smallest, audit.min_cap_px,
			 bc_draw_cap_min_px(&c->draw));
}

static void check_all_at(int w, int h)
{
	bc_app_canvas c;
	bc_app_canvas_open_or_fail(&c, w, h);
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		check(&c, &scenarios[i]);
	/* Every reason an attempt can fail for, large on the exercise screen. */
	for (int r = 0; r < BC_REJECT_COUNT; r++) {
		char name[32];
		snprintf(name, sizeof(name), "reason-%d", r);
		scenario sc = { name, EX_REASON, BC_EXERCISE_BRIDGE, r };
		check(&c, &sc);
	}
	bc_app_canvas_close(&c);
}

static void test_readable_at_800x480(void **state)
{
	(void)state;
	check_all_at(800, 480);
}

static void test_readable_at_480x320(void **state)
{
	(void)state;
	check_all_at(480, 320);
}

/* The rule is what it says: 27 px at 800x480 is 5 mm on the 7" panel's 0.193 mm pixels. */
static void test_the_rule_is_5mm(void **state)
{
	(void)state;
	assert_true(BC_TEXT_CAP_MIN_PX * 0.193 >= 5.0);
	bc_app_canvas c;
	bc_app_canvas_open_or_fail(&c, 800, 480);
	assert_int_equal(bc_draw_cap_min_px(&c.draw), BC_TEXT_CAP_MIN_PX);
	/* BC_TEXT_READ_PX, the font size screens use, gives the rule in both styles. */
	assert_true(bc_text_cap_px(c.text, BC_TEXT_READ_PX, BC_FONT_BOLD) >= BC_TEXT_CAP_MIN_PX);
	assert_true(bc_text_cap_px(c.text, BC_TEXT_READ_PX, BC_FONT_REGULAR) >= BC_TEXT_CAP_MIN_PX);
	/* The audit can fail: a 20 px text is seen as too small. */
	bc_text_audit audit;
	bc_text_audit_clear(&audit);
	c.draw.audit = &audit;
	bc_draw_text(&c.draw, "Stand upright", 20, BC_FONT_BOLD, bc_col_text, 10, 10, BC_ALIGN_LEFT,
		     BC_VALIGN_TOP, 0);
	assert_true(audit.min_cap_px < BC_TEXT_CAP_MIN_PX);
	assert_string_equal(audit.smallest, "Stand upright");
	/* ...and so is a large one shrunk to fit a narrow box. */
	bc_text_audit_clear(&audit);
	bc_draw_text(&c.draw, "A long line that cannot fit", 44, BC_FONT_BOLD, bc_col_text, 10, 10,
		     BC_ALIGN_LEFT, BC_VALIGN_TOP, 200);
	assert_true(audit.min_cap_px < BC_TEXT_CAP_MIN_PX);
	bc_app_canvas_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_rule_is_5mm),
		cmocka_unit_test(test_readable_at_800x480),
		cmocka_unit_test(test_readable_at_480x320),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
