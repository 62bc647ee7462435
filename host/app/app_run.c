/* SPDX-License-Identifier: MIT */
/*
 * The coach app's main loop: see app_run.h. Where frames go is
 * app_window.c, a session's life cycle app_session.c; here the kilo-style
 * cycle (input, the pipeline's news, requests, one frame) and the one place
 * everything is opened and closed again.
 */
#include "app/app_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "app/app_session.h"
#include "app/app_window.h"
#include "app/cues.h"
#include "app/draw.h"
#include "app/input.h"
#include "app/render.h"
#include "app/screenshot.h"
#include "app/sound.h"
#include "app/speech_queue.h"
#include "app/text.h"
#include "chart/chart.h"
#include "platform/buzzer.h"

#define FRAME_NS	 16666667ull   /* 60 frames a second at most */
#define BUZZER_TICK_NS	 5000000ull    /* while a cue plays: its edges within 5 ms */
#define PROBE_EVERY_NS	 1000000000ull /* kiosk: the sensor looked for once a second */
#define PROBES_TO_SWITCH 2	       /* answers unlike the start in a row: a change */

/* Everything the loop owns, so cleanup is one ladder. */
typedef struct {
	const bc_app_config *cfg;
	bc_app_config *cfg_mut; /* the same: a profile switch changes its settings and paths */
	bc_app_window win;
	bc_text *text;
	bc_draw draw;
	bc_sound *sound;
	bc_buzzer *buzzer; /* GPIO18 on the device; NULL on a desktop */
	bc_input_buttons *buttons;
	bc_app_session session;
	bc_app_state state;
	uint64_t next_probe_ns;
	int probes_unlike_start; /* consecutive probes that disagree with the start */
	bool sensor_changed;	 /* the loop ends: the caller opens the new source */
	bool coach_paused;	 /* what the session's coach was last told */
	int presses_done;	 /* of cfg->presses */
} app;

static double seconds_since(uint64_t t0_ns)
{
	return (double)(bc_monotonic_ns() - t0_ns) * 1e-9;
}

/*
 * One event, through every way of sounding it: its words through the voice,
 * its tone through SDL audio and the buzzer (the wearer lies on the floor
 * and may have no speaker). None blocks: the words are queued for the
 * voice's thread, the audio callback plays the tone, and the buzzer only
 * starts its pattern here; the main loop switches the line on and off as the
 * pattern says.
 */
static void play_tone(void *ctx, bc_tone tone, const bc_coach_event *e)
{
	app *a = ctx;
	char words[BC_SPEECH_LINE_MAX];
	if (a->state.muted)
		return;
	bc_spoken_kind kind = bc_app_event_words(&a->state, e, words, sizeof(words));
	bc_sound_say(a->sound, words, kind);
	if (tone == BC_TONE_NONE)
		return;
	bc_sound_play(a->sound, tone);
	if (a->buzzer)
		bc_buzzer_cue(a->buzzer, bc_app_cue_for_tone(tone), bc_monotonic_ns());
}

/* The buzzer's pattern, run from the main loop; muting cuts a cue short. */
static void tick_buzzer(app *a)
{
	if (!a->buzzer)
		return;
	if (a->state.muted && bc_buzzer_playing(a->buzzer))
		bc_buzzer_cue(a->buzzer, BC_CUE_NONE, bc_monotonic_ns());
	else
		bc_buzzer_update(a->buzzer, bc_monotonic_ns());
}

/*
 * Another wearer chosen on home: the session ends (saved to the old
 * history), their settings, history and recording take over, and the state
 * starts afresh with their plan; what the screen shows of the device stays.
 */
static void switch_profile(app *a)
{
	bc_app_state *s = &a->state;
	int i = s->profiles.requested;
	s->profiles.requested = -1;
	if (!a->cfg->switch_profile || i < 0 || i >= s->profiles.n)
		return;
	char err[512];
	bc_app_session_end(&a->session, s);
	bc_app_history_close(&a->session.hist);
	if (a->cfg->switch_profile(a->cfg->profile_ctx, s->profiles.name[i], a->cfg_mut, err,
				   sizeof(err)) != 0)
		bc_app_notice(s, err);
	bc_app_state keep = *s;
	bc_app_init(s, &a->cfg->settings);
	s->source = keep.source;
	s->muted = keep.muted;
	s->now_s = keep.now_s;
	s->notice_until_s = keep.notice_until_s;
	memcpy(s->notice, keep.notice, sizeof(s->notice));
	s->profiles = keep.profiles;
	s->profiles.current = i;
	s->home_tile = BC_HOME_TILE_PROFILE;
	bc_app_session_open_history(&a->session, s);
}

/* "+ New wearer": made, added to the chooser's list, then switched to like a picked one. */
static void add_profile(app *a)
{
	bc_app_profiles *p = &a->state.profiles;
	p->create_requested = false;
	if (!a->cfg->add_profile || p->n >= BC_APP_PROFILES_MAX)
		return;
	char err[512];
	if (a->cfg->add_profile(a->cfg->profile_ctx, p->name[p->n], sizeof(p->name[p->n]), err,
				sizeof(err)) != 0) {
		bc_app_notice(&a->state, err);
		return;
	}
	p->selection = p->requested = p->n++;
	switch_profile(a);
}

/*
 * The plan's own lines (a set's end, the rest's countdown) to the voice, in
 * order. After any hush of this frame: they are about what comes next.
 */
static void say_requested(app *a)
{
	bc_app_state *s = &a->state;
	for (int i = 0; i < s->n_say && !s->muted; i++)
		bc_sound_say(a->sound, s->say[i].text, s->say[i].kind);
	s->n_say = 0;
}

/* Requests the reducer left for the loop (it does no I/O itself). */
static void carry_out_requests(app *a)
{
	bc_app_state *s = &a->state;
	if (s->profiles.create_requested)
		add_profile(a);
	if (s->profiles.requested >= 0)
		switch_profile(a);
	if (s->start_requested != BC_EXERCISE_NONE) {
		bc_exercise_id ex = s->start_requested;
		s->start_requested = BC_EXERCISE_NONE;
		bc_sound_hush(a->sound); /* nothing more about the last session */
		bc_app_session_start(&a->session, s, ex);
		a->coach_paused = false;
	}
	if (s->recalibrate_requested) {
		s->recalibrate_requested = false;
		if (a->session.pipeline)
			bc_pipeline_recalibrate(a->session.pipeline);
	}
	/* Paused or resting: the coach stops counting (bc_coach_pause); a new session starts unpaused. */
	bool held = bc_app_coach_held(s);
	if (!a->session.pipeline)
		a->coach_paused = false;
	else if (held != a->coach_paused) {
		bc_app_session_pause(&a->session, held);
		a->coach_paused = held;
	}
	/* Ended early: the coach closes the session and its summary shows what was done. */
	if (s->end_requested) {
		s->end_requested = false;
		bc_app_session_finish(&a->session, s, play_tone, a);
	}
	/* Back on home with a session still running: end it (and save it). */
	if (s->exercise == BC_EXERCISE_NONE && a->session.pipeline) {
		bc_sound_hush(a->sound);
		bc_app_session_end(&a->session, s);
	}
	say_requested(a);
}

/* The whole frame from the state, at the frame's size (it may have been resized). */
static void draw_frame(app *a)
{
	int w = 0, h = 0;
	if (SDL_GetRendererOutputSize(a->win.renderer, &w, &h) != 0 || w <= 0 || h <= 0) {
		w = a->cfg->width;
		h = a->cfg->height;
	}
	bc_draw_setup(&a->draw, a->win.renderer, a->text, w, h);
	bc_render_frame(&a->draw, &a->state);
}

static void render(app *a)
{
	draw_frame(a);
	if (a->win.window)
		SDL_RenderPresent(a->win.renderer);
}

static void wait_until(app *a, uint64_t deadline_ns)
{
	uint64_t now = bc_monotonic_ns();
	if (deadline_ns <= now)
		return;
	int ms = (int)((deadline_ns - now + 999999) / 1000000);
	if (a->win.video) {
		SDL_WaitEventTimeout(NULL, ms);
	} else {
		struct timespec ts = { 0, (long)(deadline_ns - now) };
		nanosleep(&ts, NULL);
	}
}

/*
 * The kiosk's watch for the sensor, between sessions only (a running session
 * has its own reconnect): a sensor plugged in on the plug-in screen or the
 * demo's home, or gone from a live device's home, ends the loop so the
 * caller starts again with what is there now.
 */
static void watch_sensor(app *a)
{
	const bc_app_config *cfg = a->cfg;
	uint64_t now = bc_monotonic_ns();
	if (!cfg->probe_sensor || a->session.pipeline || now < a->next_probe_ns)
		return;
	a->next_probe_ns = now + PROBE_EVERY_NS;
	bc_app_sensor_check c = { 0 };
	bool found = cfg->probe_sensor(cfg->source_ctx, &c);
	if (cfg->waiting_for_sensor)
		bc_app_sensor_news(&a->state, c.report, c.not_starting, c.retry_in_s);
	a->probes_unlike_start = found == cfg->waiting_for_sensor ? a->probes_unlike_start + 1 : 0;
	if (a->probes_unlike_start >= PROBES_TO_SWITCH) {
		fprintf(stderr, "backcoach run: %s: %s\n",
			found ? "sensor plugged in" : "sensor gone", c.report);
		a->sensor_changed = true;
	}
}

/* Whether the loop is over: asked to quit, out of time, or the replay has ended. */
static bool done(const app *a)
{
	const bc_app_config *cfg = a->cfg;
	const bc_app_state *s = &a->state;
	return s->quit_requested || a->sensor_changed ||
	       (cfg->quit_after_s > 0 && s->now_s >= cfg->quit_after_s) ||
	       (cfg->quit_when_done && a->session.ended && s->session_over);
}

/*
 * Until the next frame is due. A lossless replay runs as fast as it can:
 * poll again soon. A playing buzzer needs its edges on time. Else sleep to
 * the next frame (input wakes us earlier).
 */
static void pace(app *a, uint64_t next_frame_ns)
{
	if (a->cfg->lossless)
		wait_until(a, bc_monotonic_ns() + 200000);
	else if (a->buzzer && bc_buzzer_playing(a->buzzer) &&
		 next_frame_ns > bc_monotonic_ns() + BUZZER_TICK_NS)
		wait_until(a, bc_monotonic_ns() + BUZZER_TICK_NS);
	else
		wait_until(a, next_frame_ns);
}

static void loop(app *a)
{
	uint64_t t0 = bc_monotonic_ns(), next_frame = t0;
	bc_app_state *s = &a->state;
	SDL_Event ev;
	for (;;) {
		bc_app_tick(s, seconds_since(t0));
		while (SDL_PollEvent(&ev)) {
			if (ev.type == SDL_WINDOWEVENT)
				next_frame = 0; /* exposed or resized: redraw now */
			bc_input_apply_event(s, &ev, &a->draw);
		}
		bc_input_buttons_poll(a->buttons, s, bc_monotonic_ns());
		while (a->presses_done < a->cfg->n_presses &&
		       s->now_s >= a->cfg->presses[a->presses_done].at_s)
			bc_app_apply_action(s, a->cfg->presses[a->presses_done++].action);
		if (a->session.pipeline)
			bc_app_session_take(&a->session, s, play_tone, a);
		carry_out_requests(a);
		watch_sensor(a);
		bc_sound_set_muted(a->sound, s->muted);
		tick_buzzer(a);
		if (bc_app_history_new_day(&a->session.hist, time(NULL)))
			bc_app_history_refresh(&a->session.hist, s, time(NULL));
		if (done(a))
			break;
		uint64_t now = bc_monotonic_ns();
		if (now >= next_frame) {
			render(a);
			next_frame = now + FRAME_NS;
		}
		pace(a, next_frame);
	}
}

/* The state before any session: targets, what the status bar says, a notice. */
static void init_state(app *a)
{
	const bc_app_config *cfg = a->cfg;
	bc_app_init(&a->state, &cfg->settings);
	a->state.profiles = cfg->profiles;
	a->state.profiles.requested = -1;
	/* What the status bar says before a session has a source of its own. */
	a->state.source.status = cfg->replay ? BC_SOURCE_REPLAYING : BC_SOURCE_CONNECTED;
	a->state.source.demo = cfg->demo;
	snprintf(a->state.source.description, sizeof(a->state.source.description), "%.*s",
		 (int)sizeof(a->state.source.description) - 1,
		 cfg->source_description ? cfg->source_description : "");
	if (cfg->notice)
		bc_app_notice(&a->state, cfg->notice);
	a->state.kiosk = cfg->kiosk;
	if (cfg->drdy_note)
		snprintf(a->state.drdy_note, sizeof(a->state.drdy_note), "%.*s",
			 (int)sizeof(a->state.drdy_note) - 1, cfg->drdy_note);
	if (cfg->waiting_for_sensor) {
		bc_app_wait_for_sensor(&a->state, cfg->probe_report);
		bc_app_sensor_news(&a->state, cfg->probe_report, cfg->not_starting,
				   cfg->retry_in_s);
	}
}

/* Sound, buttons and buzzer: each may be missing, and the coach carries on without. */
static void open_outputs(app *a)
{
	/* Offscreen/dummy drivers mean nobody is listening either (tests, screenshots). */
	const char *driver = a->win.video ? SDL_GetCurrentVideoDriver() : NULL;
	if (driver && strcmp(driver, "offscreen") != 0 && strcmp(driver, "dummy") != 0) {
		char note[256];
		a->sound = bc_sound_open(&a->cfg->settings.voice, note, sizeof(note));
		if (note[0])
			fprintf(stderr, "backcoach run: %s\n", note);
	}
	a->buttons = bc_input_buttons_open();
	/* Like the buttons: no buzzer line (a desktop) is not an error, just quiet. */
	a->buzzer = bc_buzzer_open(BC_APP_BUZZER_LINE);
}

static void close_outputs(app *a)
{
	bc_input_buttons_close(a->buttons);
	bc_buzzer_close(a->buzzer);
	bc_sound_close(a->sound);
}

/* After the loop: the last frame for --screenshot, the session saved; the exit status. */
static int finish(app *a)
{
	const bc_app_config *cfg = a->cfg;
	int status = 0;
	char err[512];
	if (cfg->screenshot_path) {
		draw_frame(a);
		if (bc_screenshot_save(a->win.renderer, a->draw.w, a->draw.h, cfg->screenshot_path,
				       err, sizeof(err)) != 0) {
			fprintf(stderr, "backcoach run: screenshot: %s\n", err);
			status = 1;
		}
	}
	bc_app_session_end(&a->session, &a->state);
	if (cfg->final_state)
		*cfg->final_state = a->state;
	return a->sensor_changed ? BC_APP_SENSOR_CHANGED : status;
}

/* Opened: the state and outputs set up, the first session (if asked for) started, the loop. */
static int run_opened(app *a)
{
	init_state(a);
	bc_app_session_open_history(&a->session, &a->state);
	open_outputs(a);
	bc_exercise_id first = a->cfg->start_exercise;
	if (first != BC_EXERCISE_NONE && bc_app_session_start(&a->session, &a->state, first) != 0 &&
	    a->cfg->replay)
		return 3; /* the trace cannot be read: nothing to show */
	loop(a);
	return finish(a);
}

int bc_app_run(const bc_app_config *cfg_in)
{
	bc_app_config cfg = *cfg_in;
	if (cfg.width <= 0 || cfg.height <= 0) {
		cfg.width = 800;
		cfg.height = 480;
	}
	char err[512];
	bool as_text = false;
	int status = 1;
	app *a = calloc(1, sizeof(*a));
	if (!a)
		return 1;
	a->cfg = &cfg;
	a->cfg_mut = &cfg;
	if (bc_app_session_init(&a->session, &cfg) != 0)
		goto free_session;
	if (SDL_Init(SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "backcoach run: SDL: %s\n", SDL_GetError());
		goto free_session;
	}
	switch (bc_app_window_open(&a->win, &cfg, err, sizeof(err))) {
	case BC_APP_WINDOW_NO_DISPLAY:
		if (cfg.kiosk && cfg.display == BC_APP_DISPLAY_AUTO) {
			/* The service: no text on the journal for ever; systemd retries. */
			fprintf(stderr, "backcoach run: %s (no display yet?)\n", err);
			goto close_window;
		}
		if (err[0])
			fprintf(stderr,
				"backcoach run: %s: showing the coach as text instead (on "
				"the Pi: KMSDRM needs the video and input groups)\n",
				err);
		as_text = true;
		goto close_window;
	case BC_APP_WINDOW_FAILED:
		fprintf(stderr, "backcoach run: %s\n", err);
		goto close_window;
	case BC_APP_WINDOW_DRAWING:
		break;
	}
	a->text = bc_text_new(a->win.renderer, err, sizeof(err));
	if (!a->text) {
		fprintf(stderr, "backcoach run: %s\n", err);
		goto close_window;
	}

	status = run_opened(a);

	close_outputs(a);
	bc_text_free(a->text);
close_window:
	bc_app_window_close(&a->win);
	SDL_Quit();
	bc_chart_release_fonts(); /* the progress screen's cairo text */
free_session:
	bc_app_session_free(&a->session);
	free(a);
	return as_text ? bc_terminal_view_run(cfg_in) : status;
}
