/* SPDX-License-Identifier: MIT */
/* The app's state and its reducer: see app_state.h. No SDL, no I/O. */
#include "app/app_state.h"

#include <stdio.h>
#include <string.h>

#include "app/app_plan.h"

/* How long a notice stays in the status bar, seconds of app clock. */
#define NOTICE_SHOWN_S 12.0
/* A gap between views longer than this is a dropout, not slouching time. */
#define MAX_VIEW_STEP_S 0.5

void bc_app_init(bc_app_state *s, const bc_coach_settings *settings)
{
	bc_coach_settings defaults;
	if (!settings)
		bc_coach_settings_init(&defaults);
	const bc_coach_settings *cs = settings ? settings : &defaults;
	*s = (bc_app_state){ 0 };
	s->screen = BC_SCREEN_HOME;
	s->exercise = BC_EXERCISE_NONE;
	s->start_requested = BC_EXERCISE_NONE;
	s->target_reps = cs->target_reps;
	memcpy(s->hold_target_s, cs->hold_s, sizeof(s->hold_target_s));
	s->rep_flash_at_s = -1e9;
	s->menu = BC_SCREEN_HOME;
	s->plan_settings = cs->plan;
	bc_plan_run_idle(&s->plan_run);
	s->profiles.requested = -1;
	bc_app_plan_refresh(s);
}

/*
 * The screen follows the session: calibration until the coach says the start
 * position is reached, then the exercise (or posture) screen; the summary
 * when the coach closes a set or the session. Called after every change so
 * the rule lives in one place.
 */
static void choose_screen(bc_app_state *s)
{
	if (s->exercise == BC_EXERCISE_NONE && s->screen == BC_SCREEN_PLUG_IN)
		return; /* stays until a sensor answers or the demo is chosen */
	bc_plan_run_phase plan = s->plan_session ? s->plan_run.phase : BC_PLAN_RUN_IDLE;
	if (s->exercise == BC_EXERCISE_NONE)
		s->screen = s->menu;
	else if (s->session_over || s->set_done)
		s->screen = BC_SCREEN_SUMMARY;
	else if (plan == BC_PLAN_RUN_REST || plan == BC_PLAN_RUN_NEXT_ITEM)
		s->screen = BC_SCREEN_REST; /* the plan's rest between sets */
	else if (!s->have_view || !s->start_reached || s->view.stage != BC_CALIB_DONE)
		s->screen = BC_SCREEN_CALIBRATION;
	else if (s->exercise == BC_EXERCISE_POSTURE)
		s->screen = BC_SCREEN_POSTURE;
	else
		s->screen = BC_SCREEN_EXERCISE;
}

void bc_app_begin_session(bc_app_state *s, bc_exercise_id exercise)
{
	s->exercise = exercise;
	if (exercise >= 0 && exercise < BC_EXERCISE_COUNT)
		s->home_selection = exercise;
	s->view = (bc_coach_view){ 0 };
	s->view.exercise = exercise;
	s->view.target_reps = s->session_target_reps > 0 ? s->session_target_reps : s->target_reps;
	s->view.phase_name = "";
	s->session_reps = 0;
	memset(s->set_side_base, 0, sizeof(s->set_side_base));
	s->have_view = false;
	s->start_reached = false;
	s->tally = (bc_app_tally){ 0 };
	bc_session_tally_init(&s->tally.events, exercise);
	s->set_done = false;
	s->session_over = false;
	s->rep_flash_at_s = -1e9;
	s->start_requested = BC_EXERCISE_NONE;
	s->recalibrate_requested = false;
	s->end_requested = false;
	s->paused = false;
	s->confirm_leave = false;
	s->reason_up = false;
	s->phase = 0;
	s->phase_at_s = s->now_s;
	s->saved_to[0] = '\0';
	s->set_summary_said = false;
	choose_screen(s);
}

void bc_app_apply_view(bc_app_state *s, const bc_coach_view *view, const bc_app_source_info *source)
{
	if (source)
		s->source = *source;
	if (!view || s->exercise == BC_EXERCISE_NONE) {
		choose_screen(s);
		return;
	}
	bool fresh = !s->have_view || view->t_s != s->view.t_s;
	double step_s = s->have_view ? view->t_s - s->view.t_s : 0.0;

	/*
	 * Posture: time spent outside the upright zone the coach marks. This is
	 * bookkeeping of what the gauge shows; the coach alone decides when an
	 * alert is due.
	 */
	if (s->paused && step_s > 0)
		s->tally.paused_s += step_s; /* the session clock stands still */
	if (fresh && !s->paused && s->exercise == BC_EXERCISE_POSTURE && s->start_reached &&
	    view->stage == BC_CALIB_DONE && step_s > 0 && step_s <= MAX_VIEW_STEP_S &&
	    (view->gauge_deg < view->zone_min_deg || view->gauge_deg > view->zone_max_deg))
		s->tally.slouched_s += (float)step_s;

	if (!s->have_view)
		s->tally.first_t_s = view->t_s;
	/* Frames may start late (a fast replay): the session began at its first sample. */
	if (source && source->has_first_t)
		s->tally.first_t_s = source->first_t_s;
	s->tally.last_t_s = view->t_s;
	s->view = *view;
	/* A plan's sets share one session: the counter shows this set's reps. */
	if (view->reps > s->session_reps)
		s->session_reps = view->reps;
	s->view.reps = bc_app_plan_set_reps(s);
	bc_app_plan_set_sides(s, view->side_reps, s->view.side_reps);
	if (!s->view.phase_name)
		s->view.phase_name = "";
	s->have_view = true;
	if (view->started && view->stage == BC_CALIB_DONE)
		s->start_reached = true;
	choose_screen(s);
}

static void note_rep(bc_app_state *s, const bc_coach_event *e)
{
	bc_session_tally_add(&s->tally.events, e);
	/* The event carries the coach's count; the view catches up within a frame. */
	if (e->reps > s->session_reps)
		s->session_reps = e->reps;
	if (s->exercise != BC_EXERCISE_POSTURE)
		s->today.days.reps[0][s->exercise]++; /* home's plan before the history is read */
	s->set_summary_said = false; /* a rep since: a summary would say something new */
	bc_app_plan_rep(s);
	bc_app_plan_refresh(s);
	s->view.reps = bc_app_plan_set_reps(s);
	s->rep_flash_at_s = s->now_s;
}

static void note_rejection(bc_app_state *s, const bc_coach_event *e)
{
	bc_session_tally_add(&s->tally.events, e);
	if (e->rejected > s->view.rejected)
		s->view.rejected = e->rejected;
	s->reason_up = true;
}

/*
 * The detector's phase moved. The movement starting (the first phase after
 * rest, or any phase from rest) is the next attempt: the reason the last
 * one did not count has been read by then and goes away.
 */
static void note_phase(bc_app_state *s, const bc_coach_event *e)
{
	if (e->phase == 1 || (s->phase == 0 && e->phase != 0))
		s->reason_up = false;
	s->phase = e->phase;
	s->phase_at_s = s->now_s;
}

bc_tone bc_app_apply_event(bc_app_state *s, const bc_coach_event *e)
{
	bc_tone tone = BC_TONE_NONE;
	if (s->exercise == BC_EXERCISE_NONE)
		return tone;
	switch (e->type) {
	case BC_EVENT_CALIBRATION:
		if (e->stage != BC_CALIB_STAND)
			tone = BC_TONE_STEP_DONE;
		/* Calibration started over: back to the guide until the start again. */
		if (e->stage != BC_CALIB_DONE)
			s->start_reached = false;
		s->view.stage = (bc_calib_stage)e->stage;
		break;
	case BC_EVENT_START_REACHED:
		s->start_reached = true;
		s->view.stage = BC_CALIB_DONE;
		tone = BC_TONE_STEP_DONE;
		break;
	case BC_EVENT_HOLD_START:
		tone = BC_TONE_HOLD_START;
		s->reason_up = false;
		break;
	case BC_EVENT_HOLD_DONE:
		tone = BC_TONE_HOLD_DONE;
		break;
	case BC_EVENT_REP:
		tone = s->exercise == BC_EXERCISE_POSTURE ? BC_TONE_SLOUCH_ALERT : BC_TONE_REP;
		note_rep(s, e);
		s->reason_up = false;
		break;
	case BC_EVENT_REJECTED:
		tone = BC_TONE_REJECTED;
		note_rejection(s, e);
		break;
	case BC_EVENT_SET_DONE:
		if (s->plan_session)
			break; /* the plan ends its sets itself (app_plan.c) */
		s->set_done = true;
		s->set_done_at_s = s->now_s;
		break;
	case BC_EVENT_SUMMARY:
		s->session_over = true;
		s->view.reps = e->reps;
		s->view.rejected = e->rejected;
		break;
	case BC_EVENT_SENSOR_GLITCH:
	case BC_EVENT_INTERRUPTED:
		/* the session's tally (and so the history) counts sensor faults too */
		bc_session_tally_add(&s->tally.events, e);
		break;
	case BC_EVENT_PHASE:
		note_phase(s, e);
		break;
	case BC_EVENT_HOLD_PROGRESS:
	case BC_EVENT_CUE:
	case BC_EVENT_DROPOUT:
		break;
	}
	choose_screen(s);
	return tone;
}

bc_spoken_kind bc_app_event_words(const bc_app_state *s, const bc_coach_event *e, char *buf,
				  size_t size)
{
	if ((e->type == BC_EVENT_SET_DONE && s->plan_session) ||
	    (e->type == BC_EVENT_SUMMARY && s->set_summary_said)) {
		if (size)
			buf[0] = '\0';
		return BC_SPOKEN_NONE;
	}
	return bc_spoken_words(e, s->exercise, buf, size);
}

void bc_app_say(bc_app_state *s, const char *text, bc_spoken_kind kind)
{
	if (kind == BC_SPOKEN_NONE || !text[0] || s->n_say >= BC_APP_SAY_MAX)
		return;
	bc_app_line *l = &s->say[s->n_say++];
	snprintf(l->text, sizeof(l->text), "%s", text);
	l->kind = kind;
}

/*
 * The boot service's rules (run --kiosk): quitting means home, never a black
 * screen; on the plug-in screen any action but BACK opens the demo's home,
 * and BACK there returns to it. True when the action was taken here.
 */
static bool kiosk_action(bc_app_state *s, bc_app_action *a)
{
	if (*a == BC_ACTION_QUIT) {
		if (s->screen == BC_SCREEN_HOME || s->screen == BC_SCREEN_PLUG_IN)
			return true;
		*a = BC_ACTION_BACK;
	}
	if (s->screen == BC_SCREEN_PLUG_IN) {
		if (*a != BC_ACTION_BACK) {
			s->screen = s->menu = BC_SCREEN_HOME;
			s->source.demo = true;
			s->source.status = BC_SOURCE_REPLAYING;
		}
		return true;
	}
	if (s->screen == BC_SCREEN_HOME && *a == BC_ACTION_BACK) {
		if (s->waiting_for_sensor)
			bc_app_wait_for_sensor(s, s->probe_report);
		return true;
	}
	return false;
}

bool bc_app_in_session(const bc_app_state *s)
{
	return s->screen == BC_SCREEN_CALIBRATION || s->screen == BC_SCREEN_EXERCISE ||
	       s->screen == BC_SCREEN_POSTURE;
}

bool bc_app_coach_held(const bc_app_state *s)
{
	return s->paused || (s->plan_session && (s->plan_run.phase == BC_PLAN_RUN_REST ||
						 s->plan_run.phase == BC_PLAN_RUN_NEXT_ITEM));
}

bool bc_app_on_menu(const bc_app_state *s)
{
	return s->screen == BC_SCREEN_HOME || s->screen == BC_SCREEN_EXERCISES ||
	       s->screen == BC_SCREEN_PROGRESS || s->screen == BC_SCREEN_PROFILES;
}

double bc_app_session_s(const bc_app_state *s)
{
	double t = s->tally.last_t_s - s->tally.first_t_s - s->tally.paused_s;
	return t > 0 ? t : 0;
}

bool bc_app_notice_up(const bc_app_state *s)
{
	return s->notice[0] && !s->notice_dismissed && s->now_s < s->notice_until_s;
}

/* Something to sum up: an attempt seen, or posture time watched. */
static bool anything_done(const bc_app_state *s)
{
	return s->view.reps > 0 || s->view.rejected > 0 ||
	       (s->exercise == BC_EXERCISE_POSTURE && s->start_reached);
}

/*
 * Leaving a session early. Nothing done yet: home at once (nothing to lose).
 * Else it asks once ("End this set?"); a second leave, or a held button
 * (confirmed), ends the session and its summary shows what was done: the
 * coach closes the attempt in progress and the loop saves it.
 */
static void leave(bc_app_state *s, bool confirmed)
{
	s->paused = false;
	if (!anything_done(s)) {
		s->confirm_leave = false;
		bc_app_plan_leave(s);
		s->exercise = BC_EXERCISE_NONE;
	} else if (confirmed || s->confirm_leave) {
		s->confirm_leave = false;
		s->set_done = false;
		s->session_over = true;
		s->end_requested = true;
	} else {
		s->confirm_leave = true;
		s->confirm_at_s = s->now_s;
	}
}

/* An action during calibration, the exercise or posture. */
static void session_action(bc_app_state *s, bc_app_action a)
{
	switch (a) {
	case BC_ACTION_BACK:
	case BC_ACTION_NEXT:
		leave(s, false);
		break;
	case BC_ACTION_END_SET:
		leave(s, true);
		break;
	case BC_ACTION_SELECT:
	case BC_ACTION_PAUSE:
		if (s->confirm_leave)
			s->confirm_leave = false; /* carry on */
		else
			s->paused = !s->paused;
		break;
	case BC_ACTION_RECALIBRATE:
		s->confirm_leave = false;
		s->paused = false;
		s->recalibrate_requested = true;
		s->start_reached = false;
		break;
	default:
		s->confirm_leave = false;
		break;
	}
}

/* An action on a set's or the session's summary. */
static void summary_action(bc_app_state *s, bc_app_action a)
{
	bool plan_over = s->plan_session && s->plan_run.phase == BC_PLAN_RUN_DONE;
	bool carry_on = a == BC_ACTION_SELECT || a == BC_ACTION_PAUSE;
	if (carry_on && !plan_over) {
		if (s->session_over) {
			s->start_requested = s->exercise; /* again, a free session */
			s->plan_session = false;
		} else
			s->set_done = false; /* carry on counting */
	} else if (carry_on || a == BC_ACTION_BACK || a == BC_ACTION_NEXT ||
		   a == BC_ACTION_END_SET) {
		/* Home (today's plan once it is done), where NEXT goes on from this exercise. */
		bc_app_plan_leave(s);
		s->exercise = BC_EXERCISE_NONE;
	}
}

void bc_app_apply_action(bc_app_state *s, bc_app_action a)
{
	if (a == BC_ACTION_NONE || (s->kiosk && kiosk_action(s, &a)))
		return;
	if (a == BC_ACTION_QUIT) {
		s->quit_requested = true;
		return;
	}
	if (a == BC_ACTION_MUTE) {
		s->muted = !s->muted;
		return;
	}
	/* A problem shown large is put away by the first press, which does nothing else. */
	if (bc_app_notice_up(s)) {
		s->notice_dismissed = true;
		return;
	}
	if (bc_app_menu_action(s, a)) {
		choose_screen(s);
		return;
	}
	if (bc_app_in_session(s))
		session_action(s, a);
	else if (a == BC_ACTION_RECALIBRATE && !s->session_over) {
		s->recalibrate_requested = true;
		s->start_reached = false;
	} else
		summary_action(s, a);
	choose_screen(s);
}

void bc_app_pick(bc_app_state *s, int exercise_index)
{
	if (s->screen != BC_SCREEN_EXERCISES || exercise_index < 0 ||
	    exercise_index > BC_EXERCISE_COUNT)
		return;
	s->home_selection = exercise_index;
	bc_app_menu_action(s, BC_ACTION_SELECT); /* the last tile: back to today */
	choose_screen(s);
}

void bc_app_wait_for_sensor(bc_app_state *s, const char *probe_report)
{
	s->waiting_for_sensor = true;
	s->screen = BC_SCREEN_PLUG_IN;
	s->source.demo = false; /* "No sensor", until the demo is chosen */
	s->source.status = BC_SOURCE_ENDED;
	if (probe_report != s->probe_report)
		snprintf(s->probe_report, sizeof(s->probe_report), "%.*s",
			 (int)sizeof(s->probe_report) - 1, probe_report ? probe_report : "");
}

void bc_app_sensor_news(bc_app_state *s, const char *probe_report, const char *not_starting,
			int retry_in_s)
{
	snprintf(s->probe_report, sizeof(s->probe_report), "%.*s", (int)sizeof(s->probe_report) - 1,
		 probe_report ? probe_report : "");
	snprintf(s->not_starting, sizeof(s->not_starting), "%.*s", (int)sizeof(s->not_starting) - 1,
		 not_starting ? not_starting : "");
	s->retry_in_s = retry_in_s;
}

void bc_app_notice(bc_app_state *s, const char *text)
{
	snprintf(s->notice, sizeof(s->notice), "%.*s", (int)sizeof(s->notice) - 1, text);
	s->notice_until_s = s->now_s + NOTICE_SHOWN_S;
	s->notice_dismissed = false;
}

void bc_app_tick(bc_app_state *s, double now_s)
{
	s->now_s = now_s;
	bool plan_over = s->plan_session && s->plan_run.phase == BC_PLAN_RUN_DONE;
	if (s->set_done && !s->session_over && now_s - s->set_done_at_s >= BC_APP_SET_SUMMARY_S) {
		s->set_done = false;
		if (plan_over) { /* the plan is done for today: home shows it */
			bc_app_plan_leave(s);
			s->exercise = BC_EXERCISE_NONE;
		}
	}
	if (s->confirm_leave && now_s - s->confirm_at_s >= BC_APP_CONFIRM_S)
		s->confirm_leave = false; /* not confirmed: carry on */
	bc_app_plan_tick(s);
	choose_screen(s);
}

const char *bc_app_last_rejection(const bc_app_state *s, char *buf, size_t size)
{
	snprintf(buf, size, "%s", s->view.not_counted);
	return buf;
}

const char *bc_app_feedback(const bc_app_state *s, char *buf, size_t size, bc_feedback_kind *kind)
{
	*kind = BC_FEEDBACK_NEUTRAL;
	if (s->view.feedback_of == BC_EVENT_REJECTED)
		*kind = BC_FEEDBACK_BAD;
	else if (s->view.feedback_of == BC_EVENT_REP)
		*kind = s->exercise == BC_EXERCISE_POSTURE ? BC_FEEDBACK_BAD : BC_FEEDBACK_GOOD;
	snprintf(buf, size, "%s", s->view.feedback);
	return buf;
}
