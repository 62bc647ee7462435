/* SPDX-License-Identifier: MIT */
/* Virtual time driving chip models: see model_world.h. */
#include "models/model_world.h"

#include <stdlib.h>

#define MAX_MODELS 8
#define EDGE_QUEUE 16
#define NS_PER_S   1e9

typedef struct {
	bc_chip_model *m;
	bc_model_signal_fn signal;
	void *ctx;
	bool int_line;
	double ratio;
	double odr_hz; /* nominal rate last seen; 0 idle */
	uint64_t next_tick_ns;
} world_model;

struct bc_model_world {
	uint64_t now_ns;
	world_model models[MAX_MODELS];
	int n_models;
	uint64_t edges[EDGE_QUEUE];
	int edge_head, edge_n;
	unsigned long edges_raised;
	bc_model_tick_fn on_tick;
	void *on_tick_ctx;
};

bc_model_world *bc_model_world_new(void)
{
	bc_model_world *w = calloc(1, sizeof(*w));
	if (w)
		w->now_ns = 1000000000u; /* any start; CLOCK_MONOTONIC is never 0 either */
	return w;
}

void bc_model_world_free(bc_model_world *w)
{
	free(w);
}

void bc_model_world_add(bc_model_world *w, bc_chip_model *m, bc_model_signal_fn signal, void *ctx,
			bool int_line)
{
	if (w->n_models == MAX_MODELS)
		abort(); /* a test bug */
	w->models[w->n_models++] = (world_model){ m, signal, ctx, int_line, 1.0, 0, 0 };
}

void bc_model_world_set_clock_ratio(bc_model_world *w, bc_chip_model *m, double ratio)
{
	for (int i = 0; i < w->n_models; i++)
		if (w->models[i].m == m)
			w->models[i].ratio = ratio;
}

void bc_model_world_on_tick(bc_model_world *w, bc_model_tick_fn fn, void *ctx)
{
	w->on_tick = fn;
	w->on_tick_ctx = ctx;
}

uint64_t bc_model_world_now_ns(const bc_model_world *w)
{
	return w->now_ns;
}

double bc_model_world_now_s(const bc_model_world *w)
{
	return (double)w->now_ns / NS_PER_S;
}

unsigned long bc_model_world_edges(const bc_model_world *w)
{
	return w->edges_raised;
}

static uint64_t period_ns(const world_model *wm)
{
	return (uint64_t)(NS_PER_S / (wm->odr_hz * wm->ratio) + 0.5);
}

/* Re-reads each model's rate: a model just configured starts one period from now. */
static void refresh_rates(bc_model_world *w)
{
	for (int i = 0; i < w->n_models; i++) {
		world_model *wm = &w->models[i];
		double odr = bc_chip_model_odr_hz(wm->m);
		if (odr != wm->odr_hz) {
			wm->odr_hz = odr;
			if (odr > 0)
				wm->next_tick_ns = w->now_ns + period_ns(wm);
		}
	}
}

/* Earliest pending tick, or UINT64_MAX. */
static uint64_t next_tick(bc_model_world *w, world_model **which)
{
	uint64_t best = UINT64_MAX;
	refresh_rates(w);
	for (int i = 0; i < w->n_models; i++) {
		world_model *wm = &w->models[i];
		if (wm->odr_hz > 0 && wm->next_tick_ns < best) {
			best = wm->next_tick_ns;
			*which = wm;
		}
	}
	return best;
}

static void tick(bc_model_world *w, world_model *wm)
{
	double t_s = (double)w->now_ns / NS_PER_S;
	bc_sample s = { .t_s = t_s, .accel_g = { 0, 0, 1 } };
	if (wm->signal)
		wm->signal(wm->ctx, t_s, &s);
	int edge = bc_chip_model_feed(wm->m, &s);
	wm->next_tick_ns += period_ns(wm);
	if (edge && wm->int_line) {
		w->edges_raised++;
		if (w->edge_n < EDGE_QUEUE) /* a full kernel buffer drops the new event */
			w->edges[(w->edge_head + w->edge_n++) % EDGE_QUEUE] = w->now_ns;
	}
	if (w->on_tick)
		w->on_tick(w->on_tick_ctx, wm->m, t_s);
}

static void advance_to(bc_model_world *w, uint64_t target_ns)
{
	world_model *wm = NULL;
	uint64_t t;
	while ((t = next_tick(w, &wm)) <= target_ns) {
		w->now_ns = t;
		tick(w, wm);
	}
	if (target_ns > w->now_ns)
		w->now_ns = target_ns;
}

void bc_model_world_advance_ns(bc_model_world *w, uint64_t ns)
{
	advance_to(w, w->now_ns + ns);
}

static uint64_t hook_now(void *ctx)
{
	return ((bc_model_world *)ctx)->now_ns;
}

static void hook_sleep(void *ctx, uint64_t ns)
{
	bc_model_world_advance_ns(ctx, ns);
}

static int pop_edge(bc_model_world *w, uint64_t *edge_ns)
{
	if (w->edge_n == 0)
		return 0;
	*edge_ns = w->edges[w->edge_head];
	w->edge_head = (w->edge_head + 1) % EDGE_QUEUE;
	w->edge_n--;
	return 1;
}

static int hook_wait(void *ctx, int timeout_ms, uint64_t *edge_ns)
{
	bc_model_world *w = ctx;
	uint64_t deadline = w->now_ns + (uint64_t)(timeout_ms > 0 ? timeout_ms : 0) * 1000000u;
	world_model *wm = NULL;
	uint64_t t;
	while (!w->edge_n && (t = next_tick(w, &wm)) <= deadline) {
		w->now_ns = t;
		tick(w, wm);
	}
	if (pop_edge(w, edge_ns))
		return 1;
	w->now_ns = deadline;
	return 0;
}

bc_imu_hooks bc_model_world_hooks(bc_model_world *w, bool with_int)
{
	return (bc_imu_hooks){
		.wait_data_ready = with_int ? hook_wait : NULL,
		.now_ns = hook_now,
		.sleep_ns = hook_sleep,
		.ctx = w,
	};
}
