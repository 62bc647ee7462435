/* SPDX-License-Identifier: MIT */
/* A coached session with scripted sensor faults: see faulty_session.h. */
#include "support/faulty_session.h"

#include <math.h>

#include "coach/coach.h"
#include "drivers/live_source.h"
#include "models/model_bus.h"
#include "models/model_signals.h"
#include "models/model_world.h"
#include "support/test_support.h"

const bc_fault_plan bc_fault_plan_none = { 0 };

/* The plan's faults, applied as session time passes. */
typedef struct {
	const bc_fault_plan *plan;
	bc_fault_outcome *o;
	bc_model_world *world;
	bc_chip_model *model;
	bc_imu_hooks inner;
	bc_trace_feed feed;
	double t0_world_s;
	bool unplugged, replugged;
	double next_nack_s, next_short_read_s, next_overflow_s, next_knock_s;
} fault_script;

/* Whether a periodic fault is due at t (and schedules the next one): at every_s, 2 every_s, ... */
static bool due(double every_s, double *next_s, double t)
{
	if (every_s <= 0 || t < *next_s)
		return false;
	*next_s += every_s;
	return true;
}

static void script_check(fault_script *f)
{
	const bc_fault_plan *p = f->plan;
	double t = bc_model_world_now_s(f->world) - f->t0_world_s;
	bc_chip_model_fault_freeze(f->model, t >= p->freeze_from_s && t < p->freeze_to_s);
	bc_chip_model_fault_stuck_int(f->model,
				      p->stuck_int_from_s > 0 && t >= p->stuck_int_from_s);
	if (p->replug_at_s > 0 && !f->unplugged && t >= p->unplug_at_s) {
		bc_chip_model_unplug(f->model);
		f->unplugged = true;
	}
	if (f->unplugged && !f->replugged && t >= p->replug_at_s) {
		bc_chip_model_replug(f->model);
		f->replugged = true;
	}
	if (due(p->nack_every_s, &f->next_nack_s, t)) {
		bc_chip_model_fault_nack(f->model, p->nack_transfers);
		f->o->injections++;
	}
	if (due(p->short_read_every_s, &f->next_short_read_s, t)) {
		bc_chip_model_fault_short_read(f->model, 1, 12); /* a FIFO data read */
		f->o->injections++;
	}
	if (due(p->overflow_every_s, &f->next_overflow_s, t)) {
		bc_chip_model_fault_fifo_overflow(f->model);
		f->o->injections++;
	}
}

static int script_wait(void *ctx, int timeout_ms, uint64_t *edge_ns)
{
	fault_script *f = ctx;
	int rc = f->inner.wait_data_ready(f->inner.ctx, timeout_ms, edge_ns);
	script_check(f);
	return rc;
}

static uint64_t script_now(void *ctx)
{
	fault_script *f = ctx;
	return f->inner.now_ns(f->inner.ctx);
}

static void script_sleep(void *ctx, uint64_t ns)
{
	fault_script *f = ctx;
	f->inner.sleep_ns(f->inner.ctx, ns);
	script_check(f);
}

/* The motion the chip measures: the trace, with a knock or a bias step. */
static void script_signal(void *ctx, double t_s, bc_sample *out)
{
	fault_script *f = ctx;
	const bc_fault_plan *p = f->plan;
	bc_trace_feed_fn(&f->feed, t_s, out);
	double t = t_s - f->t0_world_s;
	if (due(p->knock_every_s, &f->next_knock_s, t)) {
		/* beyond the ±4 g / ±500 °/s the reader configures: clipped at full scale */
		out->accel_g = bc_vec3_make(12.0f, -12.0f, 12.0f);
		out->gyro_dps = bc_vec3_make(-2000.0f, 2000.0f, -2000.0f);
		f->o->injections++;
	}
	if (p->bias_step_dps != 0 && t >= p->bias_step_at_s)
		out->gyro_dps = bc_vec3_add(
			out->gyro_dps,
			bc_vec3_make(p->bias_step_dps, p->bias_step_dps, p->bias_step_dps));
}

/* The coach as the app runs it, for one session. */
typedef struct {
	bc_coach coach;
	bc_fault_outcome *o;
} counted_session;

static void session_begin(counted_session *c, bc_fault_outcome *o)
{
	bc_coach_settings settings;
	bc_coach_settings_init(&settings);
	settings.hold_s[BC_EXERCISE_BRIDGE] = 2.0f; /* the trace's # hold_s */
	bc_coach_init(&c->coach, &settings, BC_EXERCISE_BRIDGE);
	c->o = o;
	bc_session_tally_init(&o->tally, BC_EXERCISE_BRIDGE);
}

static void session_add(counted_session *c, const bc_coach_event *ev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bc_session_tally_add(&c->o->tally, &ev[i]);
		if (ev[i].type == BC_EVENT_REP && ev[i].hold_s > c->o->longest_rep_hold_s)
			c->o->longest_rep_hold_s = ev[i].hold_s;
		c->o->dropout_events += ev[i].type == BC_EVENT_DROPOUT;
	}
}

static void session_sample(counted_session *c, const bc_sample *s)
{
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	session_add(c, ev, bc_coach_update(&c->coach, s, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE));
}

static void session_end(counted_session *c)
{
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	session_add(c, ev, bc_coach_finish(&c->coach, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE));
}

static bc_trace_reader *open_session_trace(void)
{
	char path[512];
	bc_test_path("traces/bridge-correct.csv.gz", path, sizeof(path));
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	assert_non_null(r);
	return r;
}

/* The trace's samples straight into the coach, with NaNs and gaps. */
static void run_replayed(const bc_fault_plan *p, counted_session *c)
{
	bc_trace_reader *r = open_session_trace();
	bc_trace_error err;
	bc_sample s;
	double next_nan_s = p->nan_every_s, next_gap_s = p->gap_every_s, gap_until_s = -1;
	while (bc_trace_reader_next(r, &s, &err) == 1) {
		if (due(p->gap_every_s, &next_gap_s, s.t_s)) {
			gap_until_s = s.t_s + p->gap_s;
			c->o->injections++;
		}
		if (s.t_s < gap_until_s)
			continue;
		if (due(p->nan_every_s, &next_nan_s, s.t_s)) {
			s.gyro_dps.y = NAN;
			c->o->injections++;
		}
		session_sample(c, &s);
	}
	bc_trace_reader_free(r);
}

/* Played into the MPU-6050 model, through the reader and the live source. */
static void run_live(const bc_fault_plan *p, counted_session *c)
{
	static fault_script f; /* the trace feed's sample buffers are large */
	f = (fault_script){ .plan = p,
			    .o = c->o,
			    .next_nack_s = p->nack_every_s,
			    .next_short_read_s = p->short_read_every_s,
			    .next_overflow_s = p->overflow_every_s,
			    .next_knock_s = p->knock_every_s };
	bc_model_bus *bus = bc_model_bus_new();
	bc_chip_model *m = bc_mpu6050_model_new(BC_CHIP_MPU6050);
	bc_model_world *w = bc_model_world_new();
	bc_model_bus_attach(bus, 0x68, m);
	f.feed = (bc_trace_feed){ .model = m, .r = open_session_trace() };
	f.world = w;
	f.model = m;
	f.t0_world_s = bc_model_world_now_s(w);
	bc_model_world_add(w, m, script_signal, &f, true);
	if (p->clock_ratio > 0)
		bc_model_world_set_clock_ratio(w, m, p->clock_ratio);
	bc_chip_model_fault_bitflip(m, p->flip_per_10000, 12345);
	f.inner = bc_model_world_hooks(w, true);
	bc_imu_hooks hooks = { script_wait, script_now, script_sleep, &f };
	bc_live_source_config cfg = { .bus = bc_model_bus_i2c(bus),
				      .reader = bc_imu_reader_settings_default,
				      .hooks = &hooks };
	bc_sample_source *src = bc_live_source_open(&cfg);
	assert_non_null(src);
	double ended_at_s = -1;
	/* bounded in world time, so a source that never ends fails the test */
	while (bc_model_world_now_s(w) - f.t0_world_s < 300) {
		bc_sample s;
		if (bc_source_read(src, &s, 200) != 1)
			continue;
		session_sample(c, &s);
		if (f.feed.ended && ended_at_s < 0)
			ended_at_s = s.t_s;
		/* under BC_GUARD_FROZEN_S: the feed holds its last row, which is not a freeze */
		if (ended_at_s >= 0 && s.t_s > ended_at_s + 0.4)
			break;
	}
	assert_true(ended_at_s >= 0);
	c->o->stats = *bc_imu_reader_get_stats(bc_live_source_reader(src));
	c->o->flips = bc_chip_model_flips(m);
	bc_source_close(src);
	bc_trace_reader_free(f.feed.r);
	bc_model_world_free(w);
	bc_model_bus_free(bus);
}

void bc_run_faulty_session(const bc_fault_plan *plan, bc_fault_outcome *o)
{
	static counted_session c; /* the coach is large */
	*o = (bc_fault_outcome){ 0 };
	session_begin(&c, o);
	if (plan->replay)
		run_replayed(plan, &c);
	else
		run_live(plan, &c);
	session_end(&c);
	print_message("    %d reps, %d rejected, %d interrupted, %d glitches, %d dropouts; "
		      "%lu bits flipped, %lu faults injected, %lu reconnects\n",
		      o->tally.reps, o->tally.rejected, o->tally.interrupted,
		      o->tally.sensor_glitches, o->dropout_events, o->flips, o->injections,
		      o->stats.reconnects);
}
