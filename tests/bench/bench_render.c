/* SPDX-License-Identifier: MIT */
/*
 * The coach screen's figures (make bench):
 *  - render time per frame at 800x480 with SDL's software renderer on a
 *    surface (no GPU: the worst case, and what a Pi without KMSDRM
 *    acceleration would do), per screen, with the live values changing every
 *    frame as they do in a session (angle, hold time, progress);
 *  - latency from a sample's arrival to the end of the frame that first
 *    shows it: the demo session replayed in real time through the pipeline
 *    thread while a 60 fps loop takes snapshots and renders, as the app does.
 *    "newest" is the newest sample in a frame, "oldest" the first sample that
 *    arrived after the previous frame's snapshot (the worst case).
 *  - with a display (DISPLAY: run_bench.sh starts Xvfb when there is none),
 *    the same frames to the presented frame: the app's own window
 *    (bc_app_window_open, as `backcoach run` opens it), render plus
 *    SDL_RenderPresent, which uploads the frame (software renderer: the
 *    window surface to the X server, synchronously; GL renderer: the draw
 *    calls and textures through Mesa) and presents it; and the latency loop
 *    above measured to the end of that present.
 *  - instructions per frame (callgrind, bc_render_frame over every screen's
 *    frames), the figure that compares across machines.
 *
 * Usage: bench_render BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 *        bench_render --frames  (the surface frames only, for callgrind to count)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "app/app_state.h"
#include "app/app_window.h"
#include "app/draw.h"
#include "app/pipeline_thread.h"
#include "app/render.h"
#include "app/text.h"
#include "app/trace_source.h"
#include "support/app_canvas.h"
#include "support/bench_support.h"

#define W	  800
#define H	  480
#define FRAMES	  600
#define LATENCY_S 8.0
#define FRAME_S	  (1.0 / 60.0)

typedef struct {
	const char *name;
	bc_exercise_id exercise;
	bc_screen screen;
} screen_case;

/* The state of frame i of a session on screen sc: values move every frame. */
static void state_at(bc_app_state *s, const screen_case *sc, int i)
{
	bc_app_init(s, NULL);
	if (sc->screen == BC_SCREEN_HOME) {
		s->home_selection = (i / 30) % BC_EXERCISE_COUNT;
		bc_app_tick(s, i * FRAME_S);
		return;
	}
	if (sc->screen == BC_SCREEN_PROGRESS) { /* four weeks of the bridge: cairo charts */
		for (int d = 0; d < BC_APP_PROGRESS_DAYS; d++) {
			s->today.days.reps[d][BC_EXERCISE_BRIDGE] = 10 + (d + i / 60) % 9;
			s->today.best_hold_s[d][BC_EXERCISE_BRIDGE] = 2.0f + 0.1f * (float)d;
			s->today.best_peak_deg[d][BC_EXERCISE_BRIDGE] = 20.0f + 0.2f * (float)d;
		}
		s->menu = BC_SCREEN_PROGRESS;
		s->progress_page = 2; /* the default plan's second exercise: the bridge */
		bc_app_tick(s, i * FRAME_S);
		return;
	}
	bc_app_begin_session(s, sc->exercise);
	bc_app_tick(s, i * FRAME_S);
	bool calib = sc->screen == BC_SCREEN_CALIBRATION;
	bc_coach_view v = {
		.exercise = sc->exercise,
		.stage = calib ? BC_CALIB_GO_TO_START : BC_CALIB_DONE,
		.stage_progress = (float)(i % 120) / 120.0f,
		.started = !calib,
		.gauge_deg = 20.0f + 10.0f * sinf((float)i * 0.05f),
		.zone_min_deg = sc->exercise == BC_EXERCISE_POSTURE ? -10.0f : 15.0f,
		.zone_max_deg = sc->exercise == BC_EXERCISE_POSTURE ? 10.0f : 60.0f,
		.phase_name = "holding",
		.holding = true,
		.hold_s = (float)(i % 120) / 60.0f,
		.hold_target_s = 2,
		.reps = 3 + i / 200,
		.rejected = 1,
		.target_reps = 10,
		.t_s = 60.0 + i * FRAME_S,
	};
	snprintf(v.feedback, sizeof(v.feedback), "Hold \xe2\x80\x94 %d s left", 2 - (i % 120) / 60);
	bc_app_source_info src = { .status = BC_SOURCE_CONNECTED, .rate_hz = 200 };
	bc_app_apply_view(s, &v, &src);
	if (sc->screen == BC_SCREEN_SUMMARY) {
		bc_coach_event e = { .type = BC_EVENT_SUMMARY, .reps = v.reps, .rejected = 1 };
		bc_app_apply_event(s, &e);
	}
}

static double percentile(double *v, size_t n, double p)
{
	bc_bench_median(v, n); /* sorts */
	size_t k = (size_t)(p * (double)(n - 1) + 0.5);
	return v[k < n ? k : n - 1];
}

static void sleep_until(double t_s)
{
	double now = bc_bench_now_s();
	if (t_s <= now)
		return;
	double d = t_s - now;
	struct timespec ts = { (time_t)d, (long)((d - floor(d)) * 1e9) };
	nanosleep(&ts, NULL);
}

static const screen_case cases[] = {
	{ "exercise (bridge)", BC_EXERCISE_BRIDGE, BC_SCREEN_EXERCISE },
	{ "exercise (cat-cow)", BC_EXERCISE_CAT_COW, BC_SCREEN_EXERCISE },
	{ "posture monitor", BC_EXERCISE_POSTURE, BC_SCREEN_POSTURE },
	{ "calibration", BC_EXERCISE_BRIDGE, BC_SCREEN_CALIBRATION },
	{ "home", BC_EXERCISE_NONE, BC_SCREEN_HOME },
	{ "progress (cairo)", BC_EXERCISE_NONE, BC_SCREEN_PROGRESS },
	{ "summary", BC_EXERCISE_BRIDGE, BC_SCREEN_SUMMARY },
};
#define N_CASES ((int)(sizeof(cases) / sizeof(cases[0])))

/* FRAMES frames of every screen into d, each timed (and presented, when present). */
static void time_screens(bc_draw *d, bc_text *text, bool present)
{
	static double ms[FRAMES];
	static bc_app_state s;
	for (int c = 0; c < N_CASES; c++) {
		unsigned long raster0 = bc_text_rasterised(text);
		for (int i = 0; i < FRAMES; i++) {
			state_at(&s, &cases[c], i);
			double t0 = bc_bench_now_s();
			bc_render_frame(d, &s);
			if (present)
				SDL_RenderPresent(d->r);
			ms[i] = (bc_bench_now_s() - t0) * 1e3;
		}
		double first = ms[0];
		double med = bc_bench_median(ms, FRAMES);
		double p99 = percentile(ms, FRAMES, 0.99);
		printf("  %-20s %5.2f ms/frame median, %5.2f p99, %5.2f first; %4.1f strings "
		       "rasterised per frame\n",
		       cases[c].name, med, p99, first,
		       (double)(bc_text_rasterised(text) - raster0) / FRAMES);
	}
}

/* The app's own window, as backcoach run opens it; -1 (err says why) without a display. */
static int open_window(bc_app_window *win, char *err, size_t err_size)
{
	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY")) {
		snprintf(err, err_size, "no DISPLAY");
		return -1;
	}
	bc_app_config cfg = {
		.display = BC_APP_DISPLAY_AUTO, .width = W, .height = H, .windowed = true
	};
	if (bc_app_window_open(win, &cfg, err, err_size) != BC_APP_WINDOW_DRAWING || !win->window) {
		bc_app_window_close(win);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	bool frames_only = argc > 1 && !strcmp(argv[1], "--frames");
	char err[512], cpu[128];
	bc_bench_cpu_model(cpu, sizeof(cpu));
	bc_app_canvas canvas;
	if (bc_app_canvas_open(&canvas, W, H, err, sizeof(err))) {
		fprintf(stderr, "bench_render: %s\n", err);
		return 1;
	}
	bc_draw *d = &canvas.draw;
	bc_text *text = canvas.text;

	printf("coach screen (%dx%d, SDL software renderer on a surface)\n", W, H);
	printf("  machine: %s, %ld cores online\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
	time_screens(d, text, false);
	if (frames_only)
		goto done;
	char *frames_argv[] = { argv[0], "--frames", NULL };
	long long instructions = bc_bench_callgrind_instructions(frames_argv, "bc_render_frame");
	if (instructions >= 0)
		printf("  %.0f instructions per frame (callgrind, bc_render_frame, all screens)\n",
		       (double)instructions / (double)(FRAMES * N_CASES));

	/* The presented frame: the app's window on a display, render + present. */
	bc_app_window win = { 0 };
	bc_text *win_text = NULL;
	bc_draw win_draw;
	if (open_window(&win, err, sizeof(err)) == 0)
		win_text = bc_text_new(win.renderer, err, sizeof(err));
	if (win_text) {
		SDL_RendererInfo info = { 0 };
		SDL_GetRendererInfo(win.renderer, &info);
		bc_draw_setup(&win_draw, win.renderer, win_text, W, H);
		printf("to the presented frame (the app's window, SDL video driver %s, renderer "
		       "%s, "
		       "DISPLAY %s): render + SDL_RenderPresent\n",
		       SDL_GetCurrentVideoDriver(), info.name, getenv("DISPLAY"));
		time_screens(&win_draw, win_text, true);
		d = &win_draw;
	} else {
		printf("to the presented frame: not measured (%s; run_bench.sh starts Xvfb "
		       "when xvfb-run is installed)\n",
		       err);
	}

	/* Latency: the demo in real time through the pipeline, a 60 fps loop. */
	char demo[1024];
	snprintf(demo, sizeof(demo), "host/data/demo-bridge.csv.gz");
	bc_trace_source_config tc = { .path = demo, .speed = 1.0 };
	bc_sample_source *src = bc_trace_source_open(&tc, err, sizeof(err));
	if (!src) {
		fprintf(stderr, "bench_render: %s\n", err);
		return 1;
	}
	bc_coach_settings settings;
	bc_coach_settings_init(&settings);
	bc_pipeline *p = bc_pipeline_start(src, &settings, BC_EXERCISE_BRIDGE, false, NULL, NULL,
					   err, sizeof(err));
	bc_pipeline_snapshot *sn = calloc(1, sizeof(*sn));
	if (!p || !sn) {
		fprintf(stderr, "bench_render: %s\n", p ? "out of memory" : err);
		return 1;
	}
	static bc_app_state s;
	bc_app_init(&s, &settings);
	bc_app_begin_session(&s, BC_EXERCISE_BRIDGE);
	enum { MAX_FRAMES = (int)(LATENCY_S * 60) + 10 };
	static double newest_ms[MAX_FRAMES], oldest_ms[MAX_FRAMES];
	size_t n = 0;
	double start = bc_bench_now_s(), next = start;
	while (bc_bench_now_s() - start < LATENCY_S && n < MAX_FRAMES) {
		sleep_until(next);
		next += FRAME_S;
		bc_pipeline_take(p, sn);
		for (size_t i = 0; i < sn->n_events; i++)
			bc_app_apply_event(&s, &sn->events[i]);
		bc_app_apply_view(&s, sn->have_view ? &sn->view : NULL, NULL);
		bc_app_tick(&s, bc_bench_now_s() - start);
		bc_render_frame(d, &s);
		if (win_text)
			SDL_RenderPresent(d->r);
		uint64_t done = bc_monotonic_ns();
		if (!sn->oldest_new_sample_ns)
			continue; /* nothing new in this frame */
		newest_ms[n] = (double)(done - sn->last_sample_ns) * 1e-6;
		oldest_ms[n] = (double)(done - sn->oldest_new_sample_ns) * 1e-6;
		n++;
	}
	bc_pipeline_free(p);
	free(sn);
	printf("  sample -> %s latency (demo at 100 Hz, real time, 60 fps, %zu frames):\n",
	       win_text ? "presented frame" : "frame", n);
	printf("    newest sample in a frame: %5.2f ms median, %5.2f p99\n",
	       bc_bench_median(newest_ms, n), percentile(newest_ms, n, 0.99));
	double oldest_med = bc_bench_median(oldest_ms, n); /* sorted from here on */
	double oldest_p99 = percentile(oldest_ms, n, 0.99);
	double oldest_max = n ? oldest_ms[n - 1] : 0;
	printf("    oldest new sample (worst): %5.2f ms median, %5.2f p99, %5.2f max "
	       "(goal < %.1f ms: one frame + 10 ms)\n",
	       oldest_med, oldest_p99, oldest_max, FRAME_S * 1e3 + 10);

	bc_text_free(win_text);
	bc_app_window_close(&win);
done:
	bc_app_canvas_close(&canvas);
	SDL_Quit();
	return 0;
}
