/* SPDX-License-Identifier: MIT */
/*
 * The coach session: body tracker -> start gate and detector -> events, cues
 * and the screen's view. Live sessions, the screen and `backcoach replay`
 * all run this, so what the screen shows and what replay prints agree.
 */
#include "coach/coach.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coach/calib_words.h"
#include "coach/exercise_table.h"
#include "coach/spoken_words.h"

/* ---- Settings ---------------------------------------------------------- */

const bc_coach_settings bc_coach_settings_default = {
	/* body, detect: zero here = their own defaults; hold_s: see coach.h */
	.target_reps = 10,
	.feedback_s = 2.5f,
	/* A little slower than espeak-ng's 175: heard from the floor, mid-effort. */
	.voice = { .on = true, .name = "en", .rate_wpm = 150, .volume_pct = 100 },
};

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

void bc_coach_settings_init(bc_coach_settings *s)
{
	*s = bc_coach_settings_default;
	s->body = bc_body_settings_default;
	bc_exercise_detect_defaults(&s->detect);
	for (int i = 0; i < BC_EXERCISE_COUNT; i++)
		s->hold_s[i] = bc_exercise_row_of(i)->hold_s;
	s->plan = bc_plan_settings_default;
}

/* ---- Cues --------------------------------------------------------------- */

/* How the coach speaks about the exercise: its row (exercise_table.c). */
static const bc_exercise_row *style(const bc_coach *c)
{
	static const bc_exercise_row none; /* an unknown exercise has no detector, no cues */
	const bc_exercise_row *r = bc_exercise_row_of(c->exercise);
	return r ? r : &none;
}

static const char *const fixed_text[BC_HINT_COUNT] = {
	[BC_HINT_FURTHER] = "A little further",
	[BC_HINT_BACK_IN_ZONE] = "Back into position",
	[BC_HINT_KEEP_LEVEL] = "Keep your hips level",
	[BC_HINT_RETURN] = "Back to the start",
	[BC_HINT_WRONG_WAY] = "Other way: tuck your tailbone, don't arch",
	[BC_HINT_CAT] = "Round your back up (cat)",
	[BC_HINT_COW] = "Let your belly sink (cow)",
	[BC_HINT_SLOWER] = "Slower: at least a second each way",
	[BC_HINT_SITTING_WELL] = "Sitting well",
	[BC_HINT_SIT_UP] = "Sit up straight",
	[BC_HINT_NOT_EXERCISE] = "Back to the start position",
	[BC_HINT_NOT_SO_FAR] = "Not so far: keep your shoulders down",
	[BC_HINT_BREATHE_IN] = "Breathe in",
	[BC_HINT_SQUEEZE] = "Squeeze and hold",
	[BC_HINT_STAY_UPRIGHT] = "Stay upright",
	[BC_HINT_RELAX] = "Relax",
};

/*
 * What the cue line depends on: the hint, what the calibration waits for
 * (only while getting ready; NONE once calibrated) and the whole seconds left
 * of a hold (-1: no countdown).
 * The text is built only when this changes, not every sample.
 */
static bc_coach_cue_key cue_key(const bc_coach *c, const bc_body_state *b)
{
	const bc_detect_view *dv = bc_detector_view(&c->detector);
	bc_coach_cue_key k = { .hint = dv->hint, .wait = BC_WAIT_NONE, .left_s = -1 };
	if (style(c)->sides == BC_SIDES_GUIDED)
		k.side = c->view.side;
	if (dv->hint == BC_HINT_GET_READY)
		k.wait = b->calib_wait;
	if (dv->hint == BC_HINT_HOLD && style(c)->countdown && dv->hold_target_s > 0.0f) {
		int left_s = (int)ceilf(dv->hold_target_s - dv->hold_s);
		k.left_s = left_s > 0 ? left_s : 0;
	}
	return k;
}

/* The one line of guidance for key k, into buf. */
static void cue_text(const bc_coach *c, bc_coach_cue_key k, char *buf, size_t size)
{
	switch (k.hint) {
	case BC_HINT_GET_READY:
		bc_calib_cue(k.wait, c->exercise, buf, size);
		return;
	case BC_HINT_GO:
		bc_go_words(c->exercise, k.side, buf, size);
		return;
	case BC_HINT_HOLD:
		if (k.left_s < 0)
			snprintf(buf, size, "Hold it there");
		else
			snprintf(buf, size, "Hold \u2014 %d s left", k.left_s);
		return;
	case BC_HINT_RELEASE:
		snprintf(buf, size, "%s", style(c)->release);
		return;
	default:
		snprintf(buf, size, "%s", fixed_text[k.hint] ? fixed_text[k.hint] : "");
		return;
	}
}

/* ---- Session ------------------------------------------------------------ */

const char bc_coach_glitch_text[] = "Sensor glitch \u2014 check the cable";

void bc_coach_init(bc_coach *c, const bc_coach_settings *settings, bc_exercise_id exercise)
{
	*c = (bc_coach){ 0 };
	if (settings) {
		c->settings = *settings;
		if (all_zero(&c->settings.body, sizeof(c->settings.body)))
			c->settings.body = bc_body_settings_default;
		if (all_zero(&c->settings.detect, sizeof(c->settings.detect)))
			bc_exercise_detect_defaults(&c->settings.detect);
	} else {
		bc_coach_settings_init(&c->settings);
	}
	c->exercise = exercise;
	/* Each layer below is handed its part of the exercise's row. */
	const bc_exercise_row *row = bc_exercise_row_of(exercise);
	bc_body_tracker_init(&c->body, &c->settings.body,
			     row ? row->info.start_pose : BC_POSE_SUPINE);
	float hold_s = row ? c->settings.hold_s[exercise] : 0.0f;
	bc_detector_init(&c->detector, &c->settings.detect, exercise, row ? &row->detect : NULL,
			 hold_s);
	/* The view shows the angles; the rest is worked out only for the detector. */
	bc_body_tracker_set_needs(&c->body, bc_detector_body_needs(&c->detector));
	c->view.exercise = exercise;
	c->view.target_reps = c->settings.target_reps;
	c->view.hold_target_s = bc_detector_view(&c->detector)->hold_target_s;
	c->view.phase_name = "";
	if (row && row->sides == BC_SIDES_GUIDED)
		c->view.side = BC_SIDE_LEFT; /* left first (contract §4) */
	c->view.feedback_of = BC_EVENT_CUE;
	c->last_stage = BC_CALIB_STAND;
	c->progress_whole_s = -1;
	c->cue_key.hint = BC_HINT_COUNT; /* no cue yet: the first sample builds one */
	bc_sample_guard_init(&c->guard);
	c->glitch_t_s = -INFINITY;
}

/* Copies up to max events, essential ones first in line for the room. */
static size_t deliver(const bc_coach_event *src, size_t n, bc_coach_event *dst, size_t max)
{
	size_t need = 0;
	for (size_t i = 0; i < n; i++)
		need += bc_coach_event_essential(&src[i]);
	size_t spare = max > need ? max - need : 0;
	size_t out = 0;
	for (size_t i = 0; i < n && out < max; i++) {
		if (bc_coach_event_essential(&src[i]))
			dst[out++] = src[i];
		else if (spare > 0) {
			dst[out++] = src[i];
			spare--;
		}
	}
	return out;
}

/*
 * The side of an outcome: the one asked for (guided; a counted hold moves on
 * to the other, a rejected one keeps it), or the detector's (measured).
 */
static void take_side(bc_coach *c, bc_coach_event *e)
{
	bc_coach_view *v = &c->view;
	switch (style(c)->sides) {
	case BC_SIDES_GUIDED:
		e->side = v->side;
		if (e->type == BC_EVENT_REP)
			v->side = bc_side_other(v->side);
		break;
	case BC_SIDES_MEASURED:
		v->side = e->side;
		break;
	case BC_SIDES_NONE:
	default:
		e->side = BC_SIDE_NONE;
		break;
	}
	if (e->type == BC_EVENT_REP && e->side > BC_SIDE_NONE && e->side < BC_SIDE_COUNT)
		v->side_reps[e->side]++;
}

/* Counts, totals and messages for the detector's outcome events. */
static void account(bc_coach *c, bc_coach_event *e, bc_detect_out *out)
{
	bc_coach_view *v = &c->view;
	if (e->type == BC_EVENT_REP || e->type == BC_EVENT_REJECTED)
		take_side(c, e);
	if (e->type == BC_EVENT_REP) {
		e->reps = ++v->reps;
		e->rejected = v->rejected;
		if (style(c)->monitor) {
			snprintf(e->text, sizeof(e->text), "slouch alert");
			snprintf(v->feedback, sizeof(v->feedback), "Sit up straight");
		} else if (v->target_reps > 0) {
			snprintf(v->feedback, sizeof(v->feedback), "Good! %d of %d", v->reps,
				 v->target_reps);
		} else {
			snprintf(v->feedback, sizeof(v->feedback), "Good! %d", v->reps);
		}
		v->feedback_of = BC_EVENT_REP;
		c->feedback_until_s = e->t_s + c->settings.feedback_s;
		if (v->target_reps > 0 && v->reps == v->target_reps && !style(c)->monitor) {
			v->set_done = true;
			bc_coach_event done = { .type = BC_EVENT_SET_DONE,
						.t_s = e->t_s,
						.reps = v->reps,
						.rejected = v->rejected };
			bc_detect_emit(out, &done);
		}
	} else if (e->type == BC_EVENT_REJECTED) {
		e->rejected = ++v->rejected;
		e->reps = v->reps;
		bc_not_counted_words(e, c->exercise, v->not_counted, sizeof(v->not_counted));
		snprintf(v->feedback, sizeof(v->feedback), "Not counted: %.*s",
			 (int)sizeof(v->feedback) - 14, v->not_counted);
		v->feedback_of = BC_EVENT_REJECTED;
		c->feedback_until_s = e->t_s +
				      (c->settings.feedback_s > BC_COACH_REJECTION_SHOWN_MIN_S
					       ? c->settings.feedback_s
					       : BC_COACH_REJECTION_SHOWN_MIN_S);
	}
}

/* The screen's view of what the detector sees now. */
static const bc_detect_view *view_from_detector(bc_coach *c)
{
	bc_coach_view *v = &c->view;
	const bc_detect_view *dv = bc_detector_view(&c->detector);
	v->started = dv->started;
	if (style(c)->sides == BC_SIDES_MEASURED && dv->side != BC_SIDE_NONE)
		v->side = dv->side; /* the side of the turn now */
	v->gauge_kind = dv->gauge_kind;
	v->depth_cm = dv->depth_cm;
	v->depth_target_cm = dv->depth_target_cm;
	v->pace_phase = dv->pace_phase;
	v->pace_s = dv->pace_s;
	v->pace_phase_s = dv->pace_phase_s;
	v->gauge_deg = dv->gauge_deg;
	v->zone_min_deg = dv->zone_min_deg;
	v->zone_max_deg = dv->zone_max_deg;
	v->phase = dv->phase;
	v->phase_name = dv->phase_name ? dv->phase_name : "";
	v->holding = dv->holding;
	v->hold_s = dv->hold_s;
	v->hold_target_s = dv->hold_target_s;
	v->hint = dv->hint;
	return dv;
}

/*
 * A sensor fault cut the attempt in progress short: it is the sensor's, not
 * the wearer's, so it ends as INTERRUPTED (neither counted nor rejected) and
 * the detector waits for the start position again. An attempt already
 * counted (its hold reached) or none at all is left as it is; so are the
 * posture monitor (no attempts) and the paced shoulder squeeze, whose pace
 * runs on from calibration and which judges a cycle the data cut short on
 * its own (contract §4: neither counted nor rejected).
 */
static void interrupt_attempt(bc_coach *c, double t_s, bc_detect_out *out)
{
	const bc_detect_view *dv = bc_detector_view(&c->detector);
	bool counted = dv->hold_target_s > 0.0f && dv->hold_s >= dv->hold_target_s;
	bool paced = style(c)->detect.ops == &bc_paced_hold_ops;
	if (!dv->started || dv->phase == 0 || counted || style(c)->monitor || paced)
		return;
	bc_coach_event e = { .type = BC_EVENT_INTERRUPTED, .t_s = t_s, .hold_s = dv->hold_s };
	snprintf(e.text, sizeof(e.text), "%s", BC_INTERRUPTED_REASON);
	bc_detect_emit(out, &e);
	bc_detector_reset(&c->detector);
	bc_coach_view *v = &c->view;
	snprintf(v->feedback, sizeof(v->feedback), "Not your fault: %s", bc_coach_glitch_text);
	v->feedback_of = BC_EVENT_INTERRUPTED;
	c->feedback_until_s = t_s + BC_COACH_REJECTION_SHOWN_MIN_S;
}

/* A glitch the guard found: its event, the screen's warning, and maybe the attempt's end. */
static void sensor_fault(bc_coach *c, double t_s, const bc_coach_front *f, bc_detect_out *out)
{
	bc_coach_event e = { .type = BC_EVENT_SENSOR_GLITCH, .t_s = t_s };
	snprintf(e.text, sizeof(e.text), "%s", bc_glitch_kind_text(f->glitch));
	bc_detect_emit(out, &e);
	c->view.sensor_glitches++;
	c->glitch_t_s = t_s;
	if (f->glitch == BC_GLITCH_FROZEN || f->glitch_burst)
		interrupt_attempt(c, t_s, out);
}

static size_t update_body(bc_coach *c, const bc_body_state *b, const bc_coach_front *f,
			  bc_coach_event *events, size_t max);

void bc_coach_front_step(bc_coach *c, bc_sample *s, bc_coach_front *out)
{
	/*
	 * Checked in place, then copied: checking a copy of a sample just
	 * written stalls each read on store forwarding (docs/performance.md).
	 */
	out->verdict = bc_sample_guard_check(&c->guard, s, &out->glitch);
	out->sample = *s;
	out->glitch_burst = false;
	if (out->glitch != BC_GLITCH_NONE) {
		/* when its own time is NaN, the guard notes it at the last valid one */
		double t_s = isfinite(s->t_s) ? s->t_s : c->guard.t_prev_s;
		out->glitch_burst = bc_sample_guard_burst(&c->guard, t_s);
	}
	if (out->verdict == BC_GUARD_OK || out->verdict == BC_GUARD_SPIKE)
		out->filter = bc_body_tracker_fuse(&c->body, &out->sample);
}

size_t bc_coach_update_fronted(bc_coach *c, const bc_coach_front *f, bc_coach_event *events,
			       size_t max)
{
	if (f->verdict == BC_GUARD_FROZEN || f->verdict == BC_GUARD_INVALID) {
		/* not data: the body and the detector never see it */
		bc_coach_event buf[4];
		bc_detect_out out = { .ev = buf, .max = sizeof(buf) / sizeof(buf[0]) };
		/* an invalid sample's own time may be NaN: the JSON needs a number */
		double t_s = isfinite(f->sample.t_s) ? f->sample.t_s : c->view.t_s;
		if (f->glitch != BC_GLITCH_NONE)
			sensor_fault(c, t_s, f, &out);
		c->view.sensor_glitch = true;
		return deliver(buf, out.n, events, max);
	}
	const bc_body_state *b = bc_body_tracker_follow(&c->body, &f->sample, &f->filter);
	return update_body(c, b, f, events, max);
}

size_t bc_coach_update(bc_coach *c, const bc_sample *s, bc_coach_event *events, size_t max)
{
	bc_sample checked = *s;
	bc_coach_front f;
	bc_coach_front_step(c, &checked, &f);
	return bc_coach_update_fronted(c, &f, events, max);
}

size_t bc_coach_update_body(bc_coach *c, const bc_body_state *b, bc_coach_event *events, size_t max)
{
	return update_body(c, b, NULL, events, max);
}

/* After the body tracker; f: the sample's front half (its glitch), NULL: none. */
static size_t update_body(bc_coach *c, const bc_body_state *b, const bc_coach_front *f,
			  bc_coach_event *events, size_t max)
{
	bc_coach_event buf[24];
	bc_detect_out out = { .ev = buf, .max = sizeof(buf) / sizeof(buf[0]) };
	bc_coach_view *v = &c->view;

	v->t_s = b->t_s;
	v->stage = b->stage;
	v->calib_wait = b->calib_wait;
	v->stage_progress = b->stage_progress;
	v->angles = b->angles;
	if (c->paused)
		return 0; /* tracked, not counted: events wait until resumed */
	if (b->stage != c->last_stage) {
		bc_coach_event e = { .type = BC_EVENT_CALIBRATION,
				     .t_s = b->t_s,
				     .stage = b->stage };
		bc_detect_emit(&out, &e);
		/* Calibration started over: so does the wait for the start position. */
		if (b->stage < c->last_stage)
			bc_detector_reset(&c->detector);
		c->last_stage = b->stage;
	}
	if (b->dropout) {
		bc_coach_event e = { .type = BC_EVENT_DROPOUT, .t_s = b->t_s };
		bc_detect_emit(&out, &e);
		interrupt_attempt(c, b->t_s, &out); /* data lost: the attempt cannot be judged */
	}
	if (f && f->glitch != BC_GLITCH_NONE)
		sensor_fault(c, b->t_s, f, &out);
	v->sensor_glitch = b->t_s - c->glitch_t_s < BC_COACH_GLITCH_SHOWN_S;

	size_t first = out.n;
	bc_detector_update(&c->detector, b, &out);
	size_t last = out.n;
	for (size_t i = first; i < last; i++)
		account(c, &buf[i], &out);

	const bc_detect_view *dv = view_from_detector(c);

	/* Once a second while holding, for the countdown and the buzzer. */
	if (dv->holding && !style(c)->monitor) {
		int whole_s = (int)floorf(dv->hold_s);
		if (whole_s > c->progress_whole_s && whole_s > 0) {
			bc_coach_event e = { .type = BC_EVENT_HOLD_PROGRESS,
					     .t_s = b->t_s,
					     .hold_s = dv->hold_s,
					     .hold_target_s = dv->hold_target_s };
			bc_detect_emit(&out, &e);
		}
		c->progress_whole_s = whole_s;
	} else {
		c->progress_whole_s = -1;
	}

	/* Two keys can give the same text (cat-cow's GO and CAT): CUE only on new text. */
	bc_coach_cue_key k = cue_key(c, b);
	if (k.hint != c->cue_key.hint || k.wait != c->cue_key.wait ||
	    k.left_s != c->cue_key.left_s || k.side != c->cue_key.side) {
		char cue[BC_EVENT_TEXT_MAX];
		c->cue_key = k;
		cue_text(c, k, cue, sizeof(cue));
		if (strcmp(cue, c->cue) != 0) {
			memcpy(c->cue, cue, sizeof(cue));
			bc_coach_event e = { .type = BC_EVENT_CUE, .t_s = b->t_s, .hint = k.hint };
			memcpy(e.text, cue, sizeof(cue));
			bc_detect_emit(&out, &e);
		}
	}
	if (b->t_s >= c->feedback_until_s) {
		memcpy(v->feedback, c->cue, sizeof(c->cue));
		v->feedback_of = BC_EVENT_CUE;
	}

	return deliver(buf, out.n, events, max);
}

size_t bc_coach_finish(bc_coach *c, bc_coach_event *events, size_t max)
{
	bc_coach_event buf[8];
	bc_detect_out out = { .ev = buf, .max = sizeof(buf) / sizeof(buf[0]) - 2 };
	bc_detector_finish(&c->detector, c->view.t_s, &out);
	size_t n = out.n;
	out.max = sizeof(buf) / sizeof(buf[0]);
	for (size_t i = 0; i < n; i++)
		account(c, &buf[i], &out);
	bc_coach_event e = { .type = BC_EVENT_SUMMARY,
			     .t_s = c->view.t_s,
			     .reps = c->view.reps,
			     .rejected = c->view.rejected };
	bc_detect_emit(&out, &e);
	return deliver(buf, out.n, events, max);
}

void bc_coach_pause(bc_coach *c, bool paused)
{
	if (paused && !c->paused) {
		bc_detector_reset(&c->detector);
		view_from_detector(c);
		c->progress_whole_s = -1;
	}
	c->paused = paused;
}

void bc_coach_recalibrate(bc_coach *c)
{
	bc_body_tracker_recalibrate(&c->body);
	bc_detector_reset(&c->detector);
}
