/* SPDX-License-Identifier: MIT */
/* The coach app's main loop: see app_run.h. */
#include "app/app_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "app/cues.h"
#include "app/draw.h"
#include "app/input.h"
#include "app/pipeline_thread.h"
#include "app/render.h"
#include "app/screenshot.h"
#include "app/session_history.h"
#include "app/session_recorder.h"
#include "app/sound.h"
#include "app/text.h"
#include "platform/buzzer.h"

#define FRAME_NS 16666667ull      /* 60 frames a second at most */
#define NOTICE_SHOWN_S 12.0
#define BUZZER_TICK_NS 5000000ull /* while a cue plays: its edges within 5 ms */

/* Everything the loop owns, so cleanup is one ladder. */
typedef struct {
	const bc_app_config *cfg;
	SDL_Window *window;
	SDL_Surface *surface;          /* BC_APP_DISPLAY_SURFACE target */
	SDL_Renderer *renderer;
	bc_text *text;
	bc_draw draw;
	bc_sound *sound;
	bc_buzzer *buzzer;             /* GPIO18 on the device; NULL on a desktop */
	bc_input_buttons *buttons;
	bc_pipeline *pipeline;
	bc_session_recorder *recorder; /* the live session's trace, or NULL */
	bc_pipeline_snapshot *snap;    /* large: on the heap */
	bc_app_history hist;
	bc_app_state state;
	bool video;                    /* SDL video is up (events come from a display) */
	bool session_ended;            /* the pipeline reported finished */
	int status;
} app;

static double seconds_since(uint64_t t0_ns)
{
	return (double)(bc_monotonic_ns() - t0_ns) * 1e-9;
}

/* Copies text, cut to fit (a message cut short beats none). */
static void copy_text(char *dst, size_t size, const char *text)
{
	size_t n = strlen(text);
	if (n >= size)
		n = size - 1;
	memcpy(dst, text, n);
	dst[n] = '\0';
}

static void set_notice(app *a, const char *text)
{
	copy_text(a->state.notice, sizeof(a->state.notice), text);
	a->state.notice_until_s = a->state.now_s + NOTICE_SHOWN_S;
}

/*
 * One tone, through every way of sounding it: SDL audio and the buzzer (the
 * wearer lies on the floor and may have no speaker). Neither blocks: the
 * audio is queued and the buzzer only starts its pattern here; the main
 * loop switches the line on and off as the pattern says.
 */
static void play_tone(app *a, bc_tone tone)
{
	if (a->state.muted || tone == BC_TONE_NONE)
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

/* Events from a take: tones, history, then the reducer. */
static void apply_snapshot(app *a)
{
	bc_pipeline_snapshot *sn = a->snap;
	bc_pipeline_take(a->pipeline, sn);
	for (size_t i = 0; i < sn->n_events; i++) {
		play_tone(a, bc_app_apply_event(&a->state, &sn->events[i]));
	}
	int saved = bc_app_history_add(&a->hist, sn->events, sn->n_events, sn->first_t_s);
	if (saved > 0)
		bc_app_history_refresh(&a->hist, &a->state, time(NULL));
	else if (saved < 0)
		set_notice(a, bc_history_error(a->hist.hist));
	bc_app_source_info src = { .status = sn->status, .rate_hz = sn->rate_hz,
				   .has_first_t = sn->have_view, .first_t_s = sn->first_t_s };
	src.demo = a->cfg->demo;
	copy_text(src.description, sizeof(src.description), sn->description);
	copy_text(src.error, sizeof(src.error), sn->error);
	bc_app_apply_view(&a->state, sn->have_view ? &sn->view : NULL, &src);
	if (sn->finished && !a->session_ended) {
		a->session_ended = true;
		if (sn->error[0] && sn->status == BC_SOURCE_ENDED) {
			fprintf(stderr, "backcoach run: %s\n", sn->error);
			set_notice(a, sn->error);
		}
	}
}

/* Ends the running session: its last events still count for the history. */
static void end_session(app *a)
{
	if (!a->pipeline)
		return;
	bc_pipeline_stop(a->pipeline);
	bc_pipeline_take(a->pipeline, a->snap);
	if (bc_app_history_add(&a->hist, a->snap->events, a->snap->n_events,
			       a->snap->first_t_s) > 0)
		bc_app_history_refresh(&a->hist, &a->state, time(NULL));
	bc_pipeline_free(a->pipeline);
	a->pipeline = NULL;
	if (a->recorder) {
		char err[512];
		if (bc_session_recorder_finish(a->recorder, err, sizeof(err)) != 0) {
			fprintf(stderr, "backcoach run: recording: %s\n", err);
			set_notice(a, err);
		}
		a->recorder = NULL;
	}
}

static void tap_record(void *ctx, const bc_sample *s)
{
	bc_session_recorder_push(ctx, s);
}

static int start_session(app *a, bc_exercise_id exercise)
{
	char err[256];
	end_session(a);
	const bc_app_config *cfg = a->cfg;
	bc_sample_source *src = cfg->open_source(cfg->source_ctx, exercise, err, sizeof(err));
	if (!src) {
		fprintf(stderr, "backcoach run: %s\n", err);
		set_notice(a, err);
		return -1;
	}
	/* A live session goes to its own trace file (never a replay: it has one). */
	if (cfg->record_dir && !cfg->replay) {
		a->recorder = bc_session_recorder_start(cfg->record_dir, exercise, cfg->sensor_name,
							src->rate_hz, cfg->sensor_mag, err,
							sizeof(err));
		if (!a->recorder) {
			fprintf(stderr, "backcoach run: not recording: %s\n", err);
			set_notice(a, err);
		}
	}
	a->pipeline = bc_pipeline_start(src, &cfg->settings, exercise, cfg->lossless,
					a->recorder ? tap_record : NULL, a->recorder, err,
					sizeof(err));
	if (!a->pipeline) {
		fprintf(stderr, "backcoach run: %s\n", err);
		set_notice(a, err);
		bc_session_recorder_finish(a->recorder, err, sizeof(err));
		a->recorder = NULL;
		return -1;
	}
	a->session_ended = false;
	bc_app_begin_session(&a->state, exercise);
	const char *trace = a->recorder ? bc_session_recorder_path(a->recorder) : NULL;
	if (trace) {
		/* Shown on the summary: ~/... reads better than /home/name/... */
		const char *home = getenv("HOME");
		size_t n = home ? strlen(home) : 0;
		if (n > 1 && !strncmp(trace, home, n) && trace[n] == '/')
			snprintf(a->state.saved_to, sizeof(a->state.saved_to), "~%.*s",
				 (int)sizeof(a->state.saved_to) - 2, trace + n);
		else
			copy_text(a->state.saved_to, sizeof(a->state.saved_to), trace);
	}
	bc_app_history_expect(&a->hist, exercise, cfg->settings.target_reps,
			      cfg->settings.hold_s[exercise], trace);
	return 0;
}

/* Requests the reducer left for the loop (it does no I/O itself). */
static void carry_out_requests(app *a)
{
	bc_app_state *s = &a->state;
	if (s->start_requested != BC_EXERCISE_NONE) {
		bc_exercise_id ex = s->start_requested;
		s->start_requested = BC_EXERCISE_NONE;
		start_session(a, ex);
	}
	if (s->recalibrate_requested) {
		s->recalibrate_requested = false;
		if (a->pipeline)
			bc_pipeline_recalibrate(a->pipeline);
	}
	/* Back on home with a session still running: end it (and save it). */
	if (s->exercise == BC_EXERCISE_NONE && a->pipeline)
		end_session(a);
}

/* The frame's size: the window may have been resized or made full screen. */
static void setup_frame(app *a)
{
	int w = 0, h = 0;
	if (SDL_GetRendererOutputSize(a->renderer, &w, &h) != 0 || w <= 0 || h <= 0) {
		w = a->cfg->width;
		h = a->cfg->height;
	}
	bc_draw_setup(&a->draw, a->renderer, a->text, w, h);
}

/*
 * A display: SDL's own choice of video driver (KMSDRM on the Pi without a
 * desktop, x11/wayland with one, offscreen/dummy when asked for). Full screen
 * on KMSDRM, a window on a desktop.
 */
static int open_display(app *a, char *err, size_t err_size)
{
	const bc_app_config *cfg = a->cfg;
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	a->video = true;
	const char *driver = SDL_GetCurrentVideoDriver();
	/*
	 * SDL falls back to its offscreen driver by itself when nothing else
	 * works: that is no display for a person, unless asked for by name.
	 */
	const char *asked = getenv("SDL_VIDEODRIVER");
	if (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")) &&
	    !(asked && *asked)) {
		snprintf(err, err_size, "no display found (DISPLAY, WAYLAND_DISPLAY or a KMSDRM "
			 "device)");
		return -1;
	}
	bool kms = driver && !strcmp(driver, "KMSDRM");
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
	if (kms && !cfg->windowed)
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	a->window = SDL_CreateWindow("backcoach", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				     cfg->width, cfg->height, flags);
	if (!a->window) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_ACCELERATED);
	if (!a->renderer)
		a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_SOFTWARE);
	if (!a->renderer) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	if (kms)
		SDL_ShowCursor(SDL_DISABLE);
	return 0;
}

/* No video driver at all: SDL's software renderer drawing into a surface. */
static int open_surface(app *a, char *err, size_t err_size)
{
	a->surface = SDL_CreateRGBSurfaceWithFormat(0, a->cfg->width, a->cfg->height, 32,
						    SDL_PIXELFORMAT_ARGB8888);
	if (a->surface)
		a->renderer = SDL_CreateSoftwareRenderer(a->surface);
	if (!a->renderer) {
		snprintf(err, err_size, "%s", SDL_GetError());
		return -1;
	}
	return 0;
}

static void render(app *a)
{
	setup_frame(a);
	bc_render_frame(&a->draw, &a->state);
	if (a->window)
		SDL_RenderPresent(a->renderer);
}

static void wait_until(app *a, uint64_t deadline_ns)
{
	uint64_t now = bc_monotonic_ns();
	if (deadline_ns <= now)
		return;
	int ms = (int)((deadline_ns - now + 999999) / 1000000);
	if (a->video) {
		SDL_WaitEventTimeout(NULL, ms);
	} else {
		struct timespec ts = { 0, (long)(deadline_ns - now) };
		nanosleep(&ts, NULL);
	}
}

static void loop(app *a)
{
	const bc_app_config *cfg = a->cfg;
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
		if (a->pipeline)
			apply_snapshot(a);
		carry_out_requests(a);
		tick_buzzer(a);
		if (bc_app_history_new_day(&a->hist, time(NULL)))
			bc_app_history_refresh(&a->hist, s, time(NULL));
		if (s->quit_requested)
			break;
		if (cfg->quit_after_s > 0 && s->now_s >= cfg->quit_after_s)
			break;
		if (cfg->quit_when_done && a->session_ended && s->session_over)
			break;
		uint64_t now = bc_monotonic_ns();
		if (now >= next_frame) {
			render(a);
			next_frame = now + FRAME_NS;
		}
		/*
		 * A lossless replay runs as fast as it can: poll again soon. Else
		 * sleep to the next frame (input wakes us earlier).
		 */
		if (cfg->lossless)
			wait_until(a, bc_monotonic_ns() + 200000);
		else if (a->buzzer && bc_buzzer_playing(a->buzzer) &&
			 next_frame > bc_monotonic_ns() + BUZZER_TICK_NS)
			wait_until(a, bc_monotonic_ns() + BUZZER_TICK_NS);
		else
			wait_until(a, next_frame);
	}
}

int bc_app_run(const bc_app_config *cfg_in)
{
	bc_app_config cfg = *cfg_in;
	if (cfg.width <= 0 || cfg.height <= 0) {
		cfg.width = 800;
		cfg.height = 480;
	}
	app *a = calloc(1, sizeof(*a));
	char err[512];
	if (!a)
		return 1;
	a->cfg = &cfg;
	a->status = 0;
	a->snap = calloc(1, sizeof(*a->snap));
	if (!a->snap) {
		a->status = 1;
		goto out;
	}
	if (SDL_Init(SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "backcoach run: SDL: %s\n", SDL_GetError());
		a->status = 1;
		goto out;
	}
	if (cfg.display == BC_APP_DISPLAY_AUTO && open_display(a, err, sizeof(err)) != 0) {
		if (!cfg.screenshot_path) {
			fprintf(stderr, "backcoach run: %s: showing the coach as text "
					"instead (on the Pi: KMSDRM needs the video and input groups)\n",
				err);
			SDL_Quit();
			free(a->snap);
			free(a);
			return bc_terminal_view_run(cfg_in);
		}
		/* Headless with --screenshot: draw offscreen all the same. */
		if (a->renderer)
			SDL_DestroyRenderer(a->renderer);
		if (a->window)
			SDL_DestroyWindow(a->window);
		a->renderer = NULL;
		a->window = NULL;
		cfg.display = BC_APP_DISPLAY_SURFACE;
	}
	if (cfg.display == BC_APP_DISPLAY_TERMINAL) {
		SDL_Quit();
		free(a->snap);
		free(a);
		return bc_terminal_view_run(cfg_in);
	}
	if (cfg.display == BC_APP_DISPLAY_SURFACE && open_surface(a, err, sizeof(err)) != 0) {
		fprintf(stderr, "backcoach run: cannot draw offscreen: %s\n", err);
		a->status = 1;
		goto out;
	}
	a->text = bc_text_new(a->renderer, err, sizeof(err));
	if (!a->text) {
		fprintf(stderr, "backcoach run: %s\n", err);
		a->status = 1;
		goto out;
	}
	bc_app_init(&a->state, &cfg.settings);
	/* What the status bar says before a session has a source of its own. */
	a->state.source.status = cfg.replay ? BC_SOURCE_REPLAYING : BC_SOURCE_CONNECTED;
	a->state.source.demo = cfg.demo;
	copy_text(a->state.source.description, sizeof(a->state.source.description),
		  cfg.source_description ? cfg.source_description : "");
	if (cfg.notice)
		set_notice(a, cfg.notice);
	if (cfg.history) {
		if (bc_app_history_open(&a->hist, cfg.history_path, err, sizeof(err)) != 0) {
			fprintf(stderr, "backcoach run: history: %s\n", err);
			set_notice(a, err);
		}
		bc_app_history_refresh(&a->hist, &a->state, time(NULL));
	} else {
		a->hist = (bc_app_history){ .exercise = BC_EXERCISE_NONE };
		bc_app_history_refresh(&a->hist, &a->state, time(NULL));
	}
	/* Offscreen/dummy drivers mean nobody is listening either (tests, screenshots). */
	const char *driver = a->video ? SDL_GetCurrentVideoDriver() : NULL;
	if (driver && strcmp(driver, "offscreen") != 0 && strcmp(driver, "dummy") != 0)
		a->sound = bc_sound_open();
	a->buttons = bc_input_buttons_open();
	/* Like the buttons: no buzzer line (a desktop) is not an error, just quiet. */
	a->buzzer = bc_buzzer_open(BC_APP_BUZZER_LINE);
	if (cfg.start_exercise != BC_EXERCISE_NONE && start_session(a, cfg.start_exercise) != 0 &&
	    cfg.replay) {
		a->status = 3; /* the trace cannot be read: nothing to show */
		goto out;
	}

	loop(a);

	/* The last frame, as it was on screen, for --screenshot. */
	if (cfg.screenshot_path) {
		setup_frame(a);
		bc_render_frame(&a->draw, &a->state);
		if (bc_screenshot_save(a->renderer, a->draw.w, a->draw.h, cfg.screenshot_path, err,
				       sizeof(err)) != 0) {
			fprintf(stderr, "backcoach run: screenshot: %s\n", err);
			a->status = 1;
		}
	}
	end_session(a);
	if (cfg.final_state)
		*cfg.final_state = a->state;
out:
	bc_pipeline_free(a->pipeline);
	bc_app_history_close(&a->hist);
	bc_input_buttons_close(a->buttons);
	bc_buzzer_close(a->buzzer);
	bc_sound_close(a->sound);
	bc_text_free(a->text);
	if (a->renderer)
		SDL_DestroyRenderer(a->renderer);
	if (a->surface)
		SDL_FreeSurface(a->surface);
	if (a->window)
		SDL_DestroyWindow(a->window);
	SDL_Quit();
	int status = a->status;
	free(a->snap);
	free(a);
	return status;
}
