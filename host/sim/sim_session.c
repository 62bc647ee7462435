/* SPDX-License-Identifier: MIT */
#include "sim/sim_session.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "body/body_tracker.h"
#include "coach/exercise_table.h"
#include "history/local_day.h"

/* Definitions */

const sim_session_settings sim_session_settings_default = {
	.script = { .exercise = BC_EXERCISE_BRIDGE, .scenario = SIM_SCENARIO_CORRECT },
	.seed = 1,
	.person_random = true,
	.rate_hz = 100.0,
	.mount = SIM_MOUNT_RANDOM,
	.mount_q = { 1, 0, 0, 0 },
	.noise = true,
};

#define TOLERANCE_S 0.3

/* Metadata */

static int meta_vadd(sim_session *ss, const char *key, const char *fmt, va_list ap)
{
	if (ss->n_meta >= SIM_META_MAX) {
		errno = ENOSPC;
		return -1;
	}
	char *value = NULL;
	if (vasprintf(&value, fmt, ap) < 0)
		return -1;
	/* Lines added after init go before the expected answer, which stays last. */
	size_t at = ss->n_meta;
	while (at > 0 && !strncmp(ss->meta[at - 1].key, "expect_", 7) && strncmp(key, "expect_", 7))
		at--;
	memmove(&ss->meta[at + 1], &ss->meta[at], (ss->n_meta - at) * sizeof(ss->meta[0]));
	snprintf(ss->meta[at].key, sizeof(ss->meta[at].key), "%s", key);
	ss->meta[at].value = value;
	ss->n_meta++;
	return 0;
}

static int meta_add(sim_session *ss, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = meta_vadd(ss, key, fmt, ap);
	va_end(ap);
	return rc;
}

int sim_session_add_meta(sim_session *ss, const char *key, const char *value)
{
	return meta_add(ss, key, "%s", value);
}

const bc_trace_meta *sim_session_meta(sim_session *ss, size_t *n)
{
	for (size_t i = 0; i < ss->n_meta; i++)
		ss->meta_view[i] = (bc_trace_meta){ ss->meta[i].key, ss->meta[i].value };
	*n = ss->n_meta;
	return ss->meta_view;
}

/* Appends to a growing string; on failure leaves *s NULL-safe for free(). */
static int append(char **s, size_t *len, const char *fmt, ...)
{
	va_list ap;
	char *piece = NULL;
	va_start(ap, fmt);
	int n = vasprintf(&piece, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	char *grown = realloc(*s, *len + (size_t)n + 1);
	if (!grown) {
		free(piece);
		return -1;
	}
	memcpy(grown + *len, piece, (size_t)n + 1);
	*s = grown;
	*len += (size_t)n;
	free(piece);
	return 0;
}

static const char *scenario_text(const sim_script_settings *st, char *buf, size_t size)
{
	switch (st->scenario) {
	case SIM_SCENARIO_CORRECT:
		return "correct";
	case SIM_SCENARIO_MIXED:
		return "mixed";
	case SIM_SCENARIO_INCORRECT:
		snprintf(buf, size, "incorrect:%s", bc_reject_reason_text(st->reason));
		return buf;
	default:
		snprintf(buf, size, "distractor:%s", sim_distractor_name(st->distractor));
		return buf;
	}
}

/* A fixed, seed-derived date: the trace stays byte-identical per seed. */
static void started_text(uint64_t seed, char *buf, size_t size)
{
	time_t t = (time_t)1735718400; /* 2025-01-01T08:00:00Z */
	t += (time_t)(seed % 365) * 86400 + (time_t)((seed / 365) % 12) * 3600 +
	     (time_t)((seed / 7) % 3600);
	bc_utc_iso8601((int64_t)t, buf, size);
}

/* The deep squat's true depth per attempt, cm: the most the sensor fell below its standing height. */
static int add_expected_depths(sim_session *ss, const sim_script *sc)
{
	char *depths = NULL;
	size_t len = 0;
	int rc = 0;
	for (size_t i = 0; i < sc->n_attempts; i++) {
		const sim_attempt *a = &sc->attempts[i];
		double deepest = 0.0;
		for (double t = a->start_s; t <= a->end_s; t += 0.005)
			deepest = fmax(deepest, sim_script_depth_cm(sc, t));
		rc |= append(&depths, &len, "%s%.1f", i ? "," : "", deepest);
	}
	rc |= meta_add(ss, "expect_depths_cm", "%s", depths ? depths : "none");
	free(depths);
	return rc;
}

/*
 * One-sided exercises: the counted reps per side ("left:2,right:1") and the
 * side of every expected event, in the order of expect_events.
 */
static int add_expected_sides(sim_session *ss, const sim_script *sc, bc_exercise_id exercise)
{
	int per_side[BC_SIDE_COUNT] = { 0 };
	char *sides = NULL;
	size_t len = 0;
	int rc = 0;
	bool any = false;
	for (size_t i = 0; i < sc->n_events; i++) {
		const sim_expect_event *e = &sc->events[i];
		any = any || e->side != BC_SIDE_NONE;
		if (e->rep)
			per_side[e->side]++;
		rc |= append(&sides, &len, "%s%s", i ? "," : "",
			     e->side == BC_SIDE_NONE ? "none" : bc_side_text(e->side));
	}
	const bc_exercise_row *row = bc_exercise_row_of(exercise);
	if (any || (row && row->sides != BC_SIDES_NONE)) {
		rc |= meta_add(ss, "expect_sides", "left:%d,right:%d", per_side[BC_SIDE_LEFT],
			       per_side[BC_SIDE_RIGHT]);
		rc |= meta_add(ss, "expect_event_sides", "%s", sides ? sides : "none");
	}
	free(sides);
	return rc;
}

static int write_meta(sim_session *ss)
{
	const sim_session_settings *st = &ss->settings;
	const sim_script *sc = &ss->script;
	const sim_imu_settings *im = &ss->imu_settings;
	const bc_exercise_info *info = bc_exercise_info_get(st->script.exercise);
	char buf[512];
	int rc = 0;

	rc |= meta_add(ss, "sensor", "sim-mpu6050");
	rc |= meta_add(ss, "rate_hz", "%g", st->rate_hz);
	rc |= meta_add(ss, "exercise", "%s", info->name);
	if (sc->hold_target_s > 0.0)
		rc |= meta_add(ss, "hold_s", "%g", sc->hold_target_s);
	started_text(st->seed, buf, sizeof(buf));
	rc |= meta_add(ss, "started", "%s", buf);
	rc |= meta_add(ss, "note",
		       "synthetic session from backcoach sim (physics-based, "
		       "with the expected answer below)");
	rc |= meta_add(ss, "sim_seed", "%" PRIu64, st->seed);
	rc |= meta_add(ss, "sim_scenario", "%s", scenario_text(&st->script, buf, sizeof(buf)));
	sim_person_describe(&ss->person, buf, sizeof(buf));
	rc |= meta_add(ss, "sim_person", "%s", buf);
	sim_quat m = im->q_body_from_sensor;
	rc |= meta_add(ss, "mounting_quat", "%.6f,%.6f,%.6f,%.6f", m.w, m.x, m.y, m.z);
	rc |= meta_add(ss, "mounting_frame",
		       "q_body_from_sensor (w,x,y,z; rotates sensor-frame "
		       "vectors into the body frame x belly, y left, z up the spine)");
	if (st->noise)
		rc |= meta_add(
			ss, "sim_imu",
			"gyro_noise_dps=%.3f accel_noise_g=%.4f gyro_bias_dps=%.2f,%.2f,%.2f "
			"accel_bias_g=%.3f,%.3f,%.3f accel_fs_g=%d gyro_fs_dps=%d "
			"jitter_s=%.5f clock_scale=%.5f",
			im->gyro_noise_dps, im->accel_noise_g, im->gyro_bias_dps.x,
			im->gyro_bias_dps.y, im->gyro_bias_dps.z, im->accel_bias_g.x,
			im->accel_bias_g.y, im->accel_bias_g.z, im->accel_fs_g, im->gyro_fs_dps,
			ss->jitter_s, ss->clock_scale);
	else
		rc |= meta_add(ss, "sim_imu", "ideal (noise off) accel_fs_g=%d gyro_fs_dps=%d",
			       im->accel_fs_g, im->gyro_fs_dps);

	char *s = NULL;
	size_t len = 0;
	for (size_t i = 0; i < sc->n_dropouts; i++)
		rc |= append(&s, &len, "%s%.2f+%.2f", i ? "," : "", sc->dropouts[i].t_s,
			     sc->dropouts[i].gap_s);
	rc |= meta_add(ss, "sim_dropouts", "%s", s ? s : "none");
	free(s);
	if (rc)
		return -1;

	/* The expected answer, last. */
	int reps = 0, rejected = 0;
	char *reasons = NULL, *events = NULL;
	size_t rlen = 0, elen = 0;
	for (size_t i = 0; i < sc->n_events; i++) {
		const sim_expect_event *e = &sc->events[i];
		if (e->rep) {
			reps++;
			rc |= append(&events, &elen, "%srep@%.2f", i ? "," : "", e->t_s);
		} else {
			const char *why = bc_reject_reason_text(e->reason);
			rc |= append(&reasons, &rlen, "%s%s", rejected ? "," : "", why);
			rc |= append(&events, &elen, "%srejected:%s@%.2f", i ? "," : "", why,
				     e->t_s);
			rejected++;
		}
	}
	rc |= meta_add(ss, "expect_upright_end_s", "%.2f", sc->upright_end_s);
	rc |= meta_add(ss, "expect_ready_s", "%.2f", sc->ready_s);
	rc |= meta_add(ss, "expect_reps", "%d", reps);
	rc |= meta_add(ss, "expect_rejected", "%d", rejected);
	rc |= meta_add(ss, "expect_reasons", "%s", reasons ? reasons : "none");
	rc |= meta_add(ss, "expect_events", "%s", events ? events : "none");
	rc |= add_expected_sides(ss, sc, st->script.exercise);
	if (sc->hold_target_s > 0.0) {
		/* The true hold of each expected event, in the same order. */
		char *holds = NULL;
		size_t hlen = 0;
		for (size_t i = 0; i < sc->n_attempts; i++)
			rc |= append(&holds, &hlen, "%s%.2f", i ? "," : "", sc->attempts[i].zone_s);
		rc |= meta_add(ss, "expect_holds_s", "%s", holds ? holds : "none");
		free(holds);
	}
	if (st->script.exercise == BC_EXERCISE_DEEP_SQUAT)
		rc |= add_expected_depths(ss, sc);
	rc |= meta_add(ss, "expect_tolerance_s", "%.1f", TOLERANCE_S);
	rc |= meta_add(ss, "expect_event_time", "%s",
		       st->script.exercise == BC_EXERCISE_POSTURE
			       ? "10 s after the sagittal angle from the sitting start first "
				 "reaches 10 deg, then every 30 s while it stays there"
			       : "midpoint in time of the return movement that ends the attempt "
				 "(the release of the hold; cat-cow: cow back to neutral)");
	free(reasons);
	free(events);
	return rc ? -1 : 0;
}

/* The squeeze's pace */

typedef struct {
	bc_body_tracker tracker;
	double calibrated_s; /* NAN: not yet */
	sim_vec3 up_start_s; /* the vertical in the sensor frame at the device's start */
	double *t_s;	     /* from calibration on: each sample's time... */
	float *lean_deg;     /* ...and the true lean from the device's start, degrees */
	size_t n, cap;
} calib_probe;

static int probe_sample(void *user, const bc_sample *s, const sim_truth *truth)
{
	calib_probe *p = user;
	sim_vec3 up = sim_vec3_make(0, 0, 1);
	if (isnan(p->calibrated_s)) {
		if (!bc_body_tracker_update(&p->tracker, s)->angles_valid)
			return 0;
		p->calibrated_s = s->t_s;
		bc_quat q_se = bc_quat_mul(
			bc_body_tracker_q_sensor_from_body(&p->tracker),
			bc_quat_conj(bc_body_tracker_q_earth_from_body_start(&p->tracker)));
		bc_vec3 u = bc_quat_rotate(q_se, bc_vec3_make(0, 0, 1));
		p->up_start_s = sim_vec3_make(u.x, u.y, u.z);
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 4096;
		double *t = realloc(p->t_s, cap * sizeof(*t));
		if (t)
			p->t_s = t;
		float *l = realloc(p->lean_deg, cap * sizeof(*l));
		if (l)
			p->lean_deg = l;
		if (!t || !l)
			return -1;
		p->cap = cap;
	}
	sim_vec3 up_s = sim_quat_rotate(sim_quat_conj(truth->q_earth_from_sensor), up);
	double c = fmax(-1.0, fmin(1.0, sim_vec3_dot(up_s, p->up_start_s)));
	p->t_s[p->n] = s->t_s;
	p->lean_deg[p->n++] = (float)(acos(c) * SIM_DEG_PER_RAD);
	return 0;
}

/*
 * The shoulder squeeze is paced from the moment the device calibrates
 * (contract §4): run the device's own body tracker over the samples to find
 * that moment and the start it took, then derive the expected events from
 * the true lean from that start. The samples do not change.
 */
static int pace_from_calibration(sim_session *ss)
{
	calib_probe *p = calloc(1, sizeof(*p));
	if (!p)
		return -1;
	bc_body_tracker_init(&p->tracker, NULL,
			     bc_exercise_info_get(ss->settings.script.exercise)->start_pose);
	p->calibrated_s = NAN;
	int rc = sim_session_run(ss, probe_sample, p);
	if (rc == 0 && isnan(p->calibrated_s))
		ss->script.n_events = 0; /* never calibrated: nothing is paced */
	else if (rc == 0)
		rc = sim_squeeze_expect(&ss->script, p->calibrated_s, p->t_s, p->lean_deg, p->n);
	free(p->t_s);
	free(p->lean_deg);
	free(p);
	return rc ? -1 : 0;
}

/* Session */

int sim_session_init(sim_session *ss, const sim_session_settings *settings, char *err,
		     size_t err_size)
{
	memset(ss, 0, sizeof(*ss));
	ss->settings = *settings;
	const sim_session_settings *st = &ss->settings;
	if (!(st->rate_hz >= 10.0 && st->rate_hz <= 2000.0)) {
		snprintf(err, err_size, "rate %g Hz is out of range (10..2000)", st->rate_hz);
		return -1;
	}
	if ((st->accel_fs_g && !sim_imu_accel_fs_valid(st->accel_fs_g)) ||
	    (st->gyro_fs_dps && !sim_imu_gyro_fs_valid(st->gyro_fs_dps))) {
		snprintf(err, err_size, "full scale must be 2/4/8/16 g and 250/500/1000/2000 dps");
		return -1;
	}

	/* Each part draws from its own stream: changing the script does not
	 * change the person, the chip or the mounting of a seed. */
	sim_rng root;
	sim_rng_seed(&root, st->seed);
	sim_rng r_person = sim_rng_fork(&root, "person");
	sim_rng r_mount = sim_rng_fork(&root, "mount");
	sim_rng r_imu = sim_rng_fork(&root, "imu-settings");
	sim_rng r_clock = sim_rng_fork(&root, "clock");
	sim_rng r_script = sim_rng_fork(&root, "script");
	ss->run_seed = sim_rng_u64(&r_clock);

	sim_person_make(&ss->person, st->person_random ? sim_rng_u64(&r_person) : st->person_id);

	ss->imu_settings = sim_imu_settings_ideal;
	if (st->noise)
		sim_imu_settings_randomize(&ss->imu_settings, &r_imu);
	if (st->accel_fs_g)
		ss->imu_settings.accel_fs_g = st->accel_fs_g;
	if (st->gyro_fs_dps)
		ss->imu_settings.gyro_fs_dps = st->gyro_fs_dps;
	switch (st->mount) {
	case SIM_MOUNT_RANDOM:
		ss->imu_settings.q_body_from_sensor = sim_rng_unit_quat(&r_mount);
		break;
	case SIM_MOUNT_ALIGNED:
		ss->imu_settings.q_body_from_sensor = sim_quat_identity;
		break;
	case SIM_MOUNT_GIVEN:
		ss->imu_settings.q_body_from_sensor = sim_quat_normalize(st->mount_q);
		break;
	}
	ss->clock_scale = st->noise ? 1.0 + sim_rng_uniform(&r_clock, -0.003, 0.003) : 1.0;
	ss->jitter_s = st->noise ? sim_rng_uniform(&r_clock, 0.01, 0.05) / st->rate_hz : 0.0;

	if (sim_script_build(&ss->script, &st->script, &ss->person, &r_script, err, err_size))
		return -1;
	if (st->script.exercise == BC_EXERCISE_SHOULDER_SQUEEZE && pace_from_calibration(ss)) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	if (write_meta(ss)) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	return 0;
}

int sim_session_run(sim_session *ss, sim_sample_fn fn, void *user)
{
	const sim_script *sc = &ss->script;
	sim_rng clock;
	sim_rng_seed(&clock, ss->run_seed);
	sim_rng noise = sim_rng_fork(&clock, "imu");
	sim_imu imu;
	sim_imu_init(&imu, &ss->imu_settings, &noise);

	double t0 = sc->traj.keys[0].t_s, end = sim_traj_end_s(&sc->traj);
	double period = ss->clock_scale / ss->settings.rate_hz;
	size_t drop = 0;
	ss->n_samples = 0;
	for (uint64_t k = 0;; k++) {
		/* Jitter stays within +-0.3 periods: timestamps strictly increase. */
		double j = ss->jitter_s > 0.0 ? ss->jitter_s * sim_rng_gauss(&clock) : 0.0;
		j = fmax(-0.3 * period, fmin(0.3 * period, j));
		double t = t0 + (double)k * period + (k ? j : 0.0);
		if (t > end)
			break;
		while (drop < sc->n_dropouts &&
		       t >= sc->dropouts[drop].t_s + sc->dropouts[drop].gap_s)
			drop++;
		if (drop < sc->n_dropouts && t >= sc->dropouts[drop].t_s)
			continue;
		sim_kinematics kin;
		bc_sample s;
		sim_traj_kinematics(&sc->traj, t, &kin);
		sim_imu_measure(&imu, t, &kin, &s);
		sim_truth truth = { .q_earth_from_sensor = sim_imu_sensor_orientation(
					    &imu, kin.q_earth_from_body),
				    .q_earth_from_body = kin.q_earth_from_body,
				    .pos_m = kin.pos_m };
		ss->n_samples++;
		int rc = fn(user, &s, &truth);
		if (rc)
			return rc;
	}
	ss->n_saturated = imu.saturated;
	return 0;
}

void sim_session_free(sim_session *ss)
{
	if (!ss)
		return;
	sim_script_free(&ss->script);
	for (size_t i = 0; i < ss->n_meta; i++)
		free(ss->meta[i].value);
	memset(ss, 0, sizeof(*ss));
}
