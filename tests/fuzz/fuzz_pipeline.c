/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the whole pipeline (trace reader → filter → body →
 * detectors → coach) on well-formed sessions the fuzzer's bytes describe.
 *
 * Structure-aware: the bytes are not a trace but a script for a generator
 * (run_script) that moves a sensor about in a physically consistent way
 * (gyro from the rotation, accel = gravity seen in the sensor frame) and
 * mixes in what real sensors and traces bring: NaN and huge values, spikes,
 * gaps, rate changes between 25 and 1000 Hz, frozen output. So nearly every
 * input is a session that gets through the reader and exercises the filter,
 * calibration and the detectors, thousands a second (a fuzzer on raw trace
 * bytes reaches the coach about 12 times a second).
 *
 * Each session runs one of two ways (a bit of the script chooses): written
 * as a trace and read back through the reader (without the non-finite
 * samples the writer will not write), or fed straight to a coach as the
 * live path does (NaN included).
 * Properties: no crash or sanitizer report; counts never go down; the view
 * stays finite where the screen divides by it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coach/coach.h"
#include "fuzz_memfile.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

/*
 * Sessions are kept short (the protocol at 25 Hz, the contract's lowest
 * rate, is 160 samples) so that a run tries about a thousand of them per
 * CPU second under ASan and UBSan.
 */
#define MAX_SAMPLES 400

static bc_sample samples[MAX_SAMPLES];
static size_t n_samples;

/* The script's reading head: a byte at a time, zeros once it runs out. */
typedef struct {
	const uint8_t *p;
	size_t left;
} script;

static unsigned take(script *s)
{
	if (s->left == 0)
		return 0;
	s->left--;
	return *s->p++;
}

/* The generator's state: where the sensor points, the time, the rate. */
typedef struct {
	bc_quat earth_from_sensor;
	double t_s, rate_hz;
	bc_vec3 gyro_dps; /* the rate of the segment being generated */
} motion;

static void emit(bc_sample s)
{
	if (n_samples < MAX_SAMPLES)
		samples[n_samples++] = s;
}

/* One sample period of turning at m->gyro_dps: consistent accel and gyro. */
static bc_sample step(motion *m)
{
	float dt = (float)(1.0 / m->rate_hz);
	bc_vec3 rotvec = bc_vec3_scale(m->gyro_dps, dt * (float)M_PI / 180.0f);
	m->earth_from_sensor = bc_quat_normalize(
		bc_quat_mul(m->earth_from_sensor, bc_quat_from_rotvec(rotvec)));
	m->t_s += 1.0 / m->rate_hz;
	bc_vec3 up = bc_quat_rotate(bc_quat_conj(m->earth_from_sensor), bc_vec3_make(0, 0, 1));
	return (bc_sample){ .t_s = m->t_s, .accel_g = up, .gyro_dps = m->gyro_dps };
}

static void hold(motion *m, double duration_s)
{
	for (double end = m->t_s + duration_s; m->t_s < end && n_samples < MAX_SAMPLES;)
		emit(step(m));
}

static const double rates_hz[] = { 25, 50, 100, 200, 400, 1000 };

/* One segment of the script (4 bytes). */
static void segment(script *sc, motion *m)
{
	unsigned op = take(sc) % 9, a = take(sc), b = take(sc), c = take(sc);
	bc_sample s;
	switch (op) {
	case 0: /* still */
		m->gyro_dps = bc_vec3_make(0, 0, 0);
		hold(m, (a % 32 + 1) * 0.05);
		break;
	case 1: /* turn about one axis */
		m->gyro_dps = bc_vec3_make(0, 0, 0);
		(&m->gyro_dps.x)[a % 3] = (float)(int8_t)b;
		hold(m, (c % 32 + 1) * 0.02);
		m->gyro_dps = bc_vec3_make(0, 0, 0);
		break;
	case 2: /* a non-finite value (the live path can get one; a trace cannot hold it) */
		s = step(m);
		(&s.accel_g.x)[a % 6] = b & 1 ? NAN : (b & 2 ? INFINITY : -INFINITY);
		emit(s);
		break;
	case 3: /* a huge value, finite as a float */
		s = step(m);
		(&s.accel_g.x)[a % 6] = (b & 1 ? -1.0f : 1.0f) * powf(10.0f, (float)(c % 39));
		emit(s);
		break;
	case 4: /* a gap: a dropout (> 0.5 s) or just a late sample */
		m->t_s += (a % 64 + 1) * 0.1;
		break;
	case 5: /* the rate changes */
		m->rate_hz = rates_hz[a % 6];
		break;
	case 6: /* frozen output: the same values, time going on */
		if (n_samples > 0) {
			bc_sample last = samples[n_samples - 1];
			for (double end = m->t_s + (a % 32 + 1) * 0.1;
			     m->t_s < end && n_samples < MAX_SAMPLES;) {
				m->t_s += 1.0 / m->rate_hz;
				last.t_s = m->t_s;
				emit(last);
			}
		}
		break;
	case 7: /* a spike on one axis (a flipped bit) */
		s = step(m);
		(&s.accel_g.x)[a % 6] += (float)(int8_t)b * (a & 8 ? 4.0f : 0.05f);
		emit(s);
		break;
	default: /* a new mounting: the sensor turned by a big angle at once */
		m->earth_from_sensor = bc_quat_from_rotvec(bc_vec3_make((float)(int8_t)a * 0.02f,
									(float)(int8_t)b * 0.02f,
									(float)(int8_t)c * 0.02f));
		break;
	}
}

/*
 * The script: exercise and rate, optionally the wearing protocol first
 * (stand, lie down, stay still: so the detectors run), then segments.
 */
static bc_exercise_id run_script(const uint8_t *data, size_t size)
{
	script sc = { data, size };
	n_samples = 0;
	bc_exercise_id ex = (bc_exercise_id)(take(&sc) % BC_EXERCISE_COUNT);
	unsigned flags = take(&sc);
	motion m = { .earth_from_sensor = bc_quat_make(1, 0, 0, 0),
		     .rate_hz = rates_hz[flags % 2] };
	if (flags & 0x10) {
		hold(&m, 3.2); /* stand still */
		m.gyro_dps = bc_vec3_make(0, -90, 0);
		hold(&m, 1.0); /* lie back */
		m.gyro_dps = bc_vec3_make(0, 0, 0);
		hold(&m, 2.2); /* stay still in the start position */
	}
	while (sc.left > 0 && n_samples < MAX_SAMPLES)
		segment(&sc, &m);
	return ex;
}

static void run_coach(bc_exercise_id ex, const bc_sample *s, size_t n)
{
	static bc_coach coach;
	bc_coach_init(&coach, NULL, ex);
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	int reps = 0;
	for (size_t i = 0; i < n; i++) {
		bc_coach_update(&coach, &s[i], events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		const bc_coach_view *v = bc_coach_get_view(&coach);
		if (v->reps < reps || !isfinite(v->hold_target_s) || !isfinite(v->stage_progress))
			abort();
		reps = v->reps;
	}
	bc_coach_finish(&coach, events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
}

/* A row a trace holds: finite, and not so large that it is no sensor's value. */
static bool writable(const bc_sample *s)
{
	const float *v = &s->accel_g.x, *g = &s->gyro_dps.x;
	for (int i = 0; i < 3; i++)
		if (!(fabsf(v[i]) < 1e6f) || !(fabsf(g[i]) < 1e6f))
			return false;
	return true;
}

/* The session as a trace file, read back: the reader's view of it. */
static size_t through_trace(bc_exercise_id ex, bc_sample *out)
{
	bc_memfile f = bc_memfile_new(NULL, 0);
	bc_trace_error err;
	bc_trace_meta meta[] = { { "rate_hz", "100" }, { "exercise", "bridge" } };
	bc_trace_writer *w = bc_trace_writer_open(f.path, meta, 2, false, &err);
	double t_prev = -INFINITY;
	for (size_t i = 0; w && i < n_samples; i++) {
		if (!writable(&samples[i]) || samples[i].t_s - t_prev < 2e-6)
			continue; /* what a trace cannot hold: the reader's side is tested apart */
		if (bc_trace_writer_write(w, &samples[i], &err) != 0)
			abort(); /* the writer refused an ordinary row */
		t_prev = samples[i].t_s;
	}
	bc_trace_writer_close(w, &err);
	size_t n = 0;
	bc_trace_reader *r = bc_trace_reader_open(f.path, &err);
	while (r && n < MAX_SAMPLES && bc_trace_reader_next(r, &out[n], &err) == 1) {
		if (!bc_vec3_isfinite(out[n].accel_g) || !bc_vec3_isfinite(out[n].gyro_dps))
			abort(); /* contract §1 */
		n++;
	}
	bc_trace_reader_free(r);
	bc_memfile_free(&f);
	(void)ex;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bc_sample read_back[MAX_SAMPLES];
	bc_exercise_id ex = run_script(data, size);
	if (size > 1 && (data[1] & 0x20)) {
		size_t n = through_trace(ex, read_back);
		run_coach(ex, read_back, n);
	} else {
		run_coach(ex, samples, n_samples);
	}
	return 0;
}
