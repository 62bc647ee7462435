/* SPDX-License-Identifier: MIT */
/*
 * The simulator's physics and plumbing: the gyro integrates back to the true
 * orientation, the accelerometer reads specific force (1 g up at rest, plus
 * the second derivative of position), a known mounting shows up in the
 * readings, the noise model has the stated size and resolution, the same
 * seed gives the same file, and the CLI rejects bad input with status 2.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "sim/body_trajectory.h"
#include "sim/imu_model.h"
#include "sim/sim_session.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

/* Captured samples of a session run */

typedef struct {
	bc_sample *s;
	sim_truth *truth;
	size_t n, cap;
} capture;

static int keep(void *user, const bc_sample *s, const sim_truth *truth)
{
	capture *c = user;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4096;
		c->s = realloc(c->s, c->cap * sizeof(*c->s));
		c->truth = realloc(c->truth, c->cap * sizeof(*c->truth));
		assert_non_null(c->s);
		assert_non_null(c->truth);
	}
	c->s[c->n] = *s;
	c->truth[c->n] = *truth;
	c->n++;
	return 0;
}

static void capture_free(capture *c)
{
	free(c->s);
	free(c->truth);
	memset(c, 0, sizeof(*c));
}

static void run_session(const sim_session_settings *st, sim_session *ss, capture *c)
{
	char err[256];
	int rc = sim_session_init(ss, st, err, sizeof(err));
	if (rc)
		print_error("%s\n", err);
	assert_int_equal(rc, 0);
	assert_int_equal(sim_session_run(ss, keep, c), 0);
	assert_true(c->n > 100);
}

static sim_session_settings ideal(bc_exercise_id ex, sim_scenario sc, uint64_t seed)
{
	sim_session_settings st = sim_session_settings_default;
	st.script.exercise = ex;
	st.script.scenario = sc;
	st.seed = seed;
	st.noise = false;
	st.rate_hz = 200;
	return st;
}

static sim_vec3 vec_of(bc_vec3 v)
{
	return sim_vec3_make(v.x, v.y, v.z);
}

/* Physics */

/*
 * Strapdown integration of the sensor-frame gyro from the true initial
 * orientation: q <- q ⊗ exp(mean rate * dt). It must stay on the true
 * orientation through a whole session (lying down, rolling, walking).
 */
static void integrate_and_compare(bc_exercise_id ex, sim_scenario sc, sim_distractor d,
				  uint64_t seed, double tol_deg)
{
	sim_session_settings st = ideal(ex, sc, seed);
	st.script.distractor = d;
	sim_session ss;
	capture c = { 0 };
	run_session(&st, &ss, &c);
	sim_quat q = c.truth[0].q_earth_from_sensor;
	double worst = 0.0;
	for (size_t i = 1; i < c.n; i++) {
		double dt = c.s[i].t_s - c.s[i - 1].t_s;
		sim_vec3 w = sim_vec3_scale(
			sim_vec3_add(vec_of(c.s[i].gyro_dps), vec_of(c.s[i - 1].gyro_dps)),
			0.5 * SIM_RAD_PER_DEG * dt);
		q = sim_quat_normalize(sim_quat_mul(q, sim_quat_from_rotvec(w)));
		double e = sim_quat_angle_deg(q, c.truth[i].q_earth_from_sensor);
		if (e > worst)
			worst = e;
	}
	print_message("gyro integration over %zu samples (%.0f s): worst error %.3f deg\n", c.n,
		      c.s[c.n - 1].t_s - c.s[0].t_s, worst);
	assert_true(worst < tol_deg);
	capture_free(&c);
	sim_session_free(&ss);
}

static void test_gyro_integrates_to_orientation(void **state)
{
	(void)state;
	integrate_and_compare(BC_EXERCISE_BRIDGE, SIM_SCENARIO_MIXED, SIM_DISTRACT_ALL, 11, 0.5);
	integrate_and_compare(BC_EXERCISE_CAT_COW, SIM_SCENARIO_CORRECT, SIM_DISTRACT_ALL, 12, 0.5);
	/* Walking, rolling over and sitting up: fast, large rotations. */
	integrate_and_compare(BC_EXERCISE_PELVIC_TILT, SIM_SCENARIO_DISTRACTOR, SIM_DISTRACT_ALL,
			      13, 1.0);
}

/* The true earth "up" seen in the sensor frame. */
static sim_vec3 up_in_sensor(sim_quat q_earth_from_sensor)
{
	return sim_quat_rotate(sim_quat_conj(q_earth_from_sensor), sim_vec3_make(0, 0, 1));
}

static void test_accel_reads_one_g_up_at_rest(void **state)
{
	(void)state;
	sim_session_settings st = ideal(BC_EXERCISE_CHILDS_POSE, SIM_SCENARIO_CORRECT, 21);
	sim_session ss;
	capture c = { 0 };
	run_session(&st, &ss, &c);
	/* Standing still at the start and waiting in the start pose: only sway
	 * and breathing move the body, far below 10 mg. */
	int checked = 0;
	for (size_t i = 0; i < c.n; i++) {
		double t = c.s[i].t_s;
		bool rest = t < ss.script.upright_end_s ||
			    (t > ss.script.ready_s - 2.0 && t < ss.script.ready_s);
		if (!rest)
			continue;
		sim_vec3 up = up_in_sensor(c.truth[i].q_earth_from_sensor);
		sim_vec3 diff = sim_vec3_sub(vec_of(c.s[i].accel_g), up);
		assert_true(sim_vec3_norm(diff) < 0.01);
		checked++;
	}
	assert_true(checked > 200 * 4);
	capture_free(&c);
	sim_session_free(&ss);
}

/*
 * Independent of the scripts: a body that bobs up and down sinusoidally and
 * turns at a known rate. The IMU must read exactly the analytic specific
 * force and rate.
 */
static void test_trajectory_derivatives_are_analytic(void **state)
{
	(void)state;
	sim_trajectory tr;
	assert_int_equal(sim_traj_init(&tr, 0.0, sim_quat_identity, sim_vec3_make(0, 0, 1)), 0);
	assert_int_equal(sim_traj_hold(&tr, 20.0), 0);
	const double amp_m = 0.05, f_hz = 1.5, rot_deg = 10.0, rot_hz = 0.5;
	sim_oscillator bob = { .t0_s = -1,
			       .t1_s = 30,
			       .kind = SIM_OSC_POSITION,
			       .axis = { 0, 0, 1 },
			       .amp = amp_m,
			       .freq_hz = f_hz };
	sim_oscillator turn = { .t0_s = -1,
				.t1_s = 30,
				.kind = SIM_OSC_ROTATION,
				.axis = { 0, 0, 1 },
				.amp = rot_deg,
				.freq_hz = rot_hz };
	assert_int_equal(sim_traj_add_osc(&tr, &bob), 0);
	assert_int_equal(sim_traj_add_osc(&tr, &turn), 0);
	assert_int_equal(sim_traj_finalize(&tr), 0);

	sim_imu imu;
	sim_rng r;
	sim_rng_seed(&r, 1);
	sim_imu_init(&imu, &sim_imu_settings_ideal, &r);
	for (double t = 1.0; t < 10.0; t += 0.0137) {
		sim_kinematics k;
		bc_sample s;
		sim_traj_kinematics(&tr, t, &k);
		sim_imu_measure(&imu, t, &k, &s);
		double w = 2 * M_PI * f_hz, wr = 2 * M_PI * rot_hz;
		/* z = amp sin(wt): a = -amp w^2 sin(wt); specific force = a + g. */
		double az_g = 1.0 - amp_m * w * w * sin(w * t) / BC_STANDARD_GRAVITY;
		double rate_dps = rot_deg * wr * cos(wr * t);
		assert_float_near(s.accel_g.x, 0.0, 1e-5);
		assert_float_near(s.accel_g.y, 0.0, 1e-5);
		assert_float_near(s.accel_g.z, az_g, 1e-4);
		assert_float_near(s.gyro_dps.x, 0.0, 1e-4);
		assert_float_near(s.gyro_dps.z, rate_dps, 1e-3);
	}
	sim_traj_free(&tr);
}

static void test_known_mounting_shows_up(void **state)
{
	(void)state;
	/* Sensor turned +90 deg about x relative to the body: the sensor's y axis
	 * lies along body z. Standing upright, gravity reaction is along +y. */
	sim_session_settings st = ideal(BC_EXERCISE_POSTURE, SIM_SCENARIO_CORRECT, 31);
	st.mount = SIM_MOUNT_GIVEN;
	st.mount_q = sim_quat_make(M_SQRT1_2, M_SQRT1_2, 0, 0);
	sim_session ss;
	capture c = { 0 };
	run_session(&st, &ss, &c);
	assert_float_near(c.s[0].accel_g.x, 0.0, 0.02);
	assert_float_near(c.s[0].accel_g.y, 1.0, 0.02);
	assert_float_near(c.s[0].accel_g.z, 0.0, 0.02);

	/* Aligned: body z (the spine) is +z of the sensor when standing... */
	capture_free(&c);
	sim_session_free(&ss);
	st = ideal(BC_EXERCISE_PELVIC_TILT, SIM_SCENARIO_CORRECT, 32);
	st.mount = SIM_MOUNT_ALIGNED;
	run_session(&st, &ss, &c);
	assert_float_near(c.s[0].accel_g.z, 1.0, 0.02);
	/* ...and lying on the back, the belly (+x) faces up (contract §4). */
	for (size_t i = 0; i < c.n; i++)
		if (c.s[i].t_s > ss.script.ready_s - 1.0 && c.s[i].t_s < ss.script.ready_s) {
			assert_true(c.s[i].accel_g.x > 0.98);
			assert_true(fabsf(c.s[i].accel_g.z) < 0.15);
		}
	/* The mounting is written to the metadata. */
	size_t n;
	const bc_trace_meta *meta = sim_session_meta(&ss, &n);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(meta[i].key, "mounting_quat")) {
			assert_string_equal(meta[i].value, "1.000000,0.000000,0.000000,0.000000");
			found = true;
		}
	assert_true(found);
	capture_free(&c);
	sim_session_free(&ss);
}

/* The sensor model */

static void test_noise_bias_and_quantisation(void **state)
{
	(void)state;
	sim_session_settings st = ideal(BC_EXERCISE_BRIDGE, SIM_SCENARIO_CORRECT, 41);
	st.noise = true;
	st.rate_hz = 400;
	st.accel_fs_g = 4;
	st.gyro_fs_dps = 500;
	sim_session ss;
	capture c = { 0 };
	run_session(&st, &ss, &c);
	const sim_imu_settings *im = &ss.imu_settings;
	assert_true(im->gyro_noise_dps >= 0.05 && im->gyro_noise_dps <= 0.1);
	assert_true(im->accel_noise_g >= 0.002 && im->accel_noise_g <= 0.005);
	assert_true(fabs(im->gyro_bias_dps.x) + fabs(im->gyro_bias_warmup_dps.x) <= 3.0);
	assert_true(fabs(im->accel_bias_g.y) <= 0.03);
	assert_true(fabs(im->gyro_scale.z - 1.0) <= 0.02);

	/* White noise from successive differences in the still start spell:
	 * the motion changes far less than the noise between samples. */
	double sg = 0, sa = 0, mean_gx = 0;
	int n = 0;
	for (size_t i = 1; i < c.n; i++) {
		if (c.s[i].t_s < ss.script.ready_s - 2.0 || c.s[i].t_s > ss.script.ready_s)
			continue;
		double dg = c.s[i].gyro_dps.x - c.s[i - 1].gyro_dps.x;
		double da = c.s[i].accel_g.z - c.s[i - 1].accel_g.z;
		sg += dg * dg;
		sa += da * da;
		mean_gx += c.s[i].gyro_dps.x;
		n++;
		/* 16-bit registers: every value is a whole number of LSBs. */
		double raw_g = c.s[i].gyro_dps.y * 65.5, raw_a = c.s[i].accel_g.x * 8192.0;
		assert_float_near(raw_g, nearbyint(raw_g), 0.01);
		assert_float_near(raw_a, nearbyint(raw_a), 0.01);
	}
	assert_true(n > 700);
	double gyro_rms = sqrt(sg / n / 2), accel_rms = sqrt(sa / n / 2);
	print_message("noise: gyro %.3f deg/s rms (set %.3f), accel %.4f g rms (set %.4f)\n",
		      gyro_rms, im->gyro_noise_dps, accel_rms, im->accel_noise_g);
	assert_float_near(gyro_rms, im->gyro_noise_dps, 0.3 * im->gyro_noise_dps + 0.008);
	assert_float_near(accel_rms, im->accel_noise_g, 0.3 * im->accel_noise_g + 0.0002);
	/* At rest the gyro reads its bias (breathing averages out over 2 s). */
	mean_gx /= n;
	assert_float_near(mean_gx, im->gyro_bias_dps.x, 0.5 + fabs(im->gyro_bias_warmup_dps.x));
	capture_free(&c);
	sim_session_free(&ss);
}

static void test_saturation_clips_at_full_scale(void **state)
{
	(void)state;
	sim_imu_settings set = sim_imu_settings_ideal;
	set.accel_fs_g = 2;
	set.gyro_fs_dps = 250;
	sim_imu imu;
	sim_rng r;
	sim_rng_seed(&r, 2);
	sim_imu_init(&imu, &set, &r);
	sim_kinematics k = { .q_earth_from_body = sim_quat_identity,
			     .omega_body_rad_s = { 0, 0, 400 * SIM_RAD_PER_DEG },
			     .accel_earth_m_s2 = { 0, 0, 3 * BC_STANDARD_GRAVITY } };
	bc_sample s;
	sim_imu_measure(&imu, 0.0, &k, &s);
	assert_float_near(s.accel_g.z, 32767.0 / 16384.0, 1e-6); /* 4 g clipped */
	assert_float_near(s.gyro_dps.z, 32767.0 / 131.0, 1e-4);
	assert_int_equal(imu.saturated, 1);
}

/* Timing: rate, jitter, dropouts */

static void test_timestamps_rate_jitter_dropouts(void **state)
{
	(void)state;
	sim_session_settings st = ideal(BC_EXERCISE_PELVIC_TILT, SIM_SCENARIO_MIXED, 51);
	st.noise = true;
	st.rate_hz = 50;
	st.script.dropouts = 3;
	st.script.t0_s = 1000.0;
	sim_session ss;
	capture c = { 0 };
	run_session(&st, &ss, &c);
	assert_float_near(c.s[0].t_s, 1000.0, 1e-9);
	int gaps = 0;
	double jitter = 0;
	for (size_t i = 1; i < c.n; i++) {
		double dt = c.s[i].t_s - c.s[i - 1].t_s;
		assert_true(dt > 0.0);
		if (dt > 0.5) {
			gaps++;
			/* No gap near an expected event. */
			for (size_t e = 0; e < ss.script.n_events; e++)
				assert_true(ss.script.events[e].t_s < c.s[i - 1].t_s - 0.5 ||
					    ss.script.events[e].t_s > c.s[i].t_s + 0.5);
			continue;
		}
		assert_float_near(dt, 0.02, 0.02 * 0.7);
		jitter += (dt - 0.02) * (dt - 0.02);
	}
	assert_int_equal(gaps, 3);
	assert_true(sqrt(jitter / (double)c.n) > 1e-5); /* irregular, not a grid */
	capture_free(&c);
	sim_session_free(&ss);
}

/* Determinism and the command line */

/* cmd_sim's exit status, run in a child process: a usage error exits, as in any tool. */
static int sim_cli(const char *args)
{
	char buf[1024];
	char *argv[40];
	int argc = 0;
	snprintf(buf, sizeof(buf), "sim %s", args);
	for (char *tok = strtok(buf, " "); tok && argc < 39; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	argv[argc] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int rc = cmd_sim(argc, argv);
		fflush(NULL);
		_exit(rc);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static void test_same_seed_same_bytes(void **state)
{
	(void)state;
	char a[512], b[512], cmd[1200];
	const char *dir = bc_test_tmpdir();
	snprintf(a, sizeof(a), "%s/a.csv.gz", dir);
	snprintf(b, sizeof(b), "%s/b.csv.gz", dir);
	const char *opts = "--exercise cat-cow --scenario mixed --rate 150 --dropouts 2";
	snprintf(cmd, sizeof(cmd), "%s --seed 77 --out %s", opts, a);
	assert_int_equal(sim_cli(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s --seed 77 --out %s", opts, b);
	assert_int_equal(sim_cli(cmd), 0);
	size_t na, nb;
	char *da = bc_test_read_file(a, &na), *db = bc_test_read_file(b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(da, db, na);
	free(db);
	snprintf(cmd, sizeof(cmd), "%s --seed 78 --out %s", opts, b);
	assert_int_equal(sim_cli(cmd), 0);
	db = bc_test_read_file(b, &nb);
	assert_true(na != nb || memcmp(da, db, na) != 0);
	free(da);
	free(db);

	/* What was written reads back, with the answer in the metadata. */
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(a, &err);
	assert_non_null(r);
	assert_string_equal(bc_trace_reader_meta(r, "exercise"), "cat-cow");
	assert_string_equal(bc_trace_reader_meta(r, "rate_hz"), "150");
	assert_string_equal(bc_trace_reader_meta(r, "sensor"), "sim-mpu6050");
	assert_non_null(bc_trace_reader_meta(r, "expect_reps"));
	assert_non_null(bc_trace_reader_meta(r, "started"));
	assert_string_equal(bc_trace_reader_meta(r, "sim_command"),
			    "backcoach sim --exercise cat-cow --scenario mixed --rate 150 "
			    "--dropouts 2 --seed 77");
	bc_sample s;
	long rows = 0;
	int rc;
	while ((rc = bc_trace_reader_next(r, &s, &err)) == 1)
		rows++;
	assert_int_equal(rc, 0);
	assert_true(rows > 1000);
	bc_trace_reader_free(r);
}

static void test_cli_usage_errors(void **state)
{
	(void)state;
	assert_int_equal(sim_cli("--seed 1"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise yoga"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --scenario sometimes"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --scenario incorrect:rushed"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise posture --scenario distractor:roll-over"),
			 BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --rate 5"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --seed -3"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --mount 1,2,3"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --noise maybe"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --accel-fs 3"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise cat-cow --hold 5"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge stray"), BC_EXIT_USAGE);
	assert_int_equal(sim_cli("--exercise bridge --out /nonexistent-dir/x.csv"),
			 BC_EXIT_FAILURE);
}

/* A long session generates whole (its speed is a benchmark: bench_pipeline). */
static void test_long_session(void **state)
{
	(void)state;
	/* About ten minutes at 400 Hz. */
	sim_session_settings st = ideal(BC_EXERCISE_PELVIC_TILT, SIM_SCENARIO_MIXED, 61);
	st.noise = true;
	st.rate_hz = 400;
	st.script.reps = 30;
	sim_session ss;
	capture c = { 0 };
	run_session(&st, &ss, &c);
	double span = c.s[c.n - 1].t_s - c.s[0].t_s;
	assert_true(span > 500.0);
	assert_true((double)c.n > 0.9 * 400.0 * span);
	capture_free(&c);
	sim_session_free(&ss);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gyro_integrates_to_orientation),
		cmocka_unit_test(test_accel_reads_one_g_up_at_rest),
		cmocka_unit_test(test_trajectory_derivatives_are_analytic),
		cmocka_unit_test(test_known_mounting_shows_up),
		cmocka_unit_test(test_noise_bias_and_quantisation),
		cmocka_unit_test(test_saturation_clips_at_full_scale),
		cmocka_unit_test(test_timestamps_rate_jitter_dropouts),
		cmocka_unit_test(test_same_seed_same_bytes),
		cmocka_unit_test(test_cli_usage_errors),
		cmocka_unit_test(test_long_session),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
