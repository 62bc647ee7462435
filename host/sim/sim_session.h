/* SPDX-License-Identifier: MIT */
/*
 * One synthetic session end to end: a person and a script (what the body
 * does), a sensor model (what the chip reports), a sample clock (rate,
 * jitter, dropouts), and the trace metadata that carries the expected
 * answer. Deterministic: the same settings give the same samples, bit for bit.
 *
 * Expected-answer metadata (written by sim_session_meta, read by scorers):
 *   expect_reps: N          correct reps (posture: slouch alerts)
 *   expect_rejected: M      attempts a detector must reject
 *   expect_reasons: a,b     the rejection reasons in time order ("none" if M = 0)
 *   expect_events: rep@12.34,rejected:hold too short@56.78,...
 *                           every rep and rejection with its time (see
 *                           session_script.h for the exact instant)
 *   expect_holds_s: 12.31,0.80,...  hold exercises: each expected event's true
 *                           time past the range threshold (slips < 1 s
 *                           bridged), seconds, in the order of expect_events
 *   expect_tolerance_s: 0.3 how close a detector's event time must be
 *   expect_upright_end_s / expect_ready_s: end of the still standing spell /
 *                           of the still spell in the start pose (calibration
 *                           can be complete from then on)
 */
#ifndef BC_SIM_SESSION_H
#define BC_SIM_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sample.h"
#include "sim/imu_model.h"
#include "sim/person.h"
#include "sim/rng.h"
#include "sim/session_script.h"
#include "trace/trace_writer.h"

typedef enum {
	SIM_MOUNT_RANDOM,  /* any orientation, drawn from the seed */
	SIM_MOUNT_ALIGNED, /* sensor axes = body axes */
	SIM_MOUNT_GIVEN,   /* mount_q */
} sim_mount;

typedef struct {
	sim_script_settings script;
	uint64_t seed;
	bool person_random; /* person drawn from the seed; else person_id */
	uint64_t person_id;
	double rate_hz; /* nominal sample rate */
	sim_mount mount;
	sim_quat mount_q; /* GIVEN: q_body_from_sensor */
	bool noise;	  /* false: ideal sensor and clock */
	int accel_fs_g;	  /* 0: random (noise on) / unquantised (noise off) */
	int gyro_fs_dps;
} sim_session_settings;

extern const sim_session_settings sim_session_settings_default;

/* What really happened at one sample (for tests). */
typedef struct {
	sim_quat q_earth_from_sensor;
	sim_quat q_earth_from_body;
	sim_vec3 pos_m;
} sim_truth;

/* Called per sample; a non-zero return stops the run and is returned. */
typedef int (*sim_sample_fn)(void *user, const bc_sample *s, const sim_truth *truth);

#define SIM_META_MAX 40

typedef struct {
	sim_session_settings settings;
	sim_person person;
	sim_script script;
	sim_imu_settings imu_settings;
	double clock_scale; /* true sample period / nominal */
	double jitter_s;    /* timestamp jitter, standard deviation */
	uint64_t run_seed;
	struct {
		char key[32];
		char *value;
	} meta[SIM_META_MAX];
	size_t n_meta;
	bc_trace_meta meta_view[SIM_META_MAX];
	unsigned long n_samples, n_saturated; /* after a run */
} sim_session;

/* Builds the session. 0 ok; -1 with a message in err. Free it either way. */
int sim_session_init(sim_session *ss, const sim_session_settings *settings, char *err,
		     size_t err_size);

/* Adds a metadata line (e.g. the command line) before the expect_* lines. */
int sim_session_add_meta(sim_session *ss, const char *key, const char *value);

/* The metadata lines, in order, for the trace writer. */
const bc_trace_meta *sim_session_meta(sim_session *ss, size_t *n);

/* Generates every sample in time order. Can be run again: same samples. */
int sim_session_run(sim_session *ss, sim_sample_fn fn, void *user);

void sim_session_free(sim_session *ss);

#endif /* BC_SIM_SESSION_H */
