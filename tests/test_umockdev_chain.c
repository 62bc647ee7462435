/* SPDX-License-Identifier: MIT */
/*
 * The whole hardware chain with nothing but umockdev: chip models behind a
 * fake /dev/i2c-1, the data-ready line on a fake /dev/gpiochip0, and the
 * real code on top: i2c_bus_linux.c (libi2c, I2C_RDWR), the libgpiod
 * backend, the drivers, the FIFO reader, the recorder and `backcoach probe`.
 *
 * Time is virtual (the model world's clock) so a minute of streaming takes
 * a second; every data-ready edge still travels as a kernel line event
 * through libgpiod, and every register access as an i2c-dev ioctl.
 */
#include "support/protocol_trace.h"
#include "support/run_command.h"
#include "support/test_support.h"
#include "umockdev/pi_rig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/live_source.h"
#include "drivers/mpu6050_regs.h"
#include "hw_backend.h"
#include "models/chip_model.h"
#include "models/model_bus.h"
#include "models/model_signals.h"
#include "models/model_world.h"
#include "platform/gpio_line.h"
#include "platform/i2c_bus.h"
#include "record_session.h"
#include "trace/trace_reader.h"

#define INT_OFFSET BC_PI_DRDY_LINE

/* `backcoach probe` in a child process, its /dev/i2c-1 served by this one. */
static void test_probe_names_the_modelled_chips(void **state)
{
	const char *argv[] = { bc_test_backcoach(), "probe", NULL };
	bc_test_output out;
	bc_pi_rig r;

	bc_umockdev_skip_if_unavailable();
	assert_int_equal(bc_pi_rig_open(&r, true), 0);
	assert_int_equal(bc_model_bus_attach(r.models, 0x68, bc_mpu6050_model_new(BC_CHIP_MPU6050)),
			 0);
	assert_int_equal(bc_model_bus_attach(r.models, 0x6a, bc_lsm6ds_model_new(BC_CHIP_LSM6DSOX)),
			 0);

	assert_int_equal(bc_test_run(argv, &out), 0);
	print_message("%s", out.out);
	assert_non_null(strstr(out.out, "i2c-1:"));
	assert_non_null(strstr(out.out, "0x68  MPU-6050"));
	assert_non_null(strstr(out.out, "0x6a  LSM6DSOX"));
	assert_true(fake_i2c_transfers(r.i2c) > 0);
	bc_test_output_free(&out);
	bc_pi_rig_close(&r);
}

/* ---- recording through the real backends ---------------------------------- */

/* Faults scripted in world time, applied between transfers. */
typedef struct {
	double unplug_at_s, replug_at_s; /* sensor cable out and back (model power-cycles) */
	double nack_at_s;		 /* a burst of NACKs */
	double stuck_from_s, stuck_to_s; /* data-ready line delivers nothing */
	bool unplugged, replugged, nacked;
} fault_script;

/*
 * The reader's platform: the world's clock and sleeps (virtual time), and a
 * data-ready wait whose edge is taken from the world, raised on the fake
 * gpiochip and read back through libgpiod with its kernel timestamp.
 */
typedef struct {
	bc_imu_hooks world;
	bc_model_world *w;
	bc_chip_model *model;
	fake_i2c *i2c;
	fake_gpiochip *gpio;
	bc_gpio_line *line;
	fault_script *faults;
	unsigned long edges_via_gpio, edges_withheld;
} chain_platform;

/* Called without the adapter lock (it takes it for the model). */
static void apply_faults(chain_platform *p)
{
	fault_script *f = p->faults;
	double t;

	if (!f)
		return;
	fake_i2c_lock(p->i2c);
	t = bc_model_world_now_s(p->w);
	if (!f->unplugged && f->unplug_at_s > 0 && t >= f->unplug_at_s) {
		f->unplugged = true;
		bc_chip_model_unplug(p->model);
	}
	if (f->unplugged && !f->replugged && t >= f->replug_at_s) {
		f->replugged = true;
		bc_chip_model_replug(p->model);
	}
	fake_i2c_unlock(p->i2c);
	if (!f->nacked && f->nack_at_s > 0 && t >= f->nack_at_s) {
		f->nacked = true;
		fake_i2c_fail_next(p->i2c, 2, EREMOTEIO);
	}
}

static int chain_wait(void *ctx, int timeout_ms, uint64_t *edge_ns)
{
	chain_platform *p = ctx;
	uint64_t t_ns;
	bc_gpio_edge e;
	int rc;

	fake_i2c_lock(p->i2c);
	rc = p->world.wait_data_ready(p->world.ctx, timeout_ms, &t_ns);
	fake_i2c_unlock(p->i2c);
	apply_faults(p);
	if (rc <= 0)
		return rc;
	if (p->faults && bc_model_world_now_s(p->w) >= p->faults->stuck_from_s &&
	    bc_model_world_now_s(p->w) < p->faults->stuck_to_s) {
		p->edges_withheld++; /* the line is stuck: the edge never arrives */
		return 0;
	}
	if (fake_gpiochip_pulse(p->gpio, INT_OFFSET, t_ns) != 1)
		return -EIO;
	rc = bc_gpio_wait_edge(p->line, 1000, &e);
	if (rc != 1)
		return rc < 0 ? rc : -ETIMEDOUT;
	p->edges_via_gpio++;
	*edge_ns = e.timestamp_ns;
	return 1;
}

static uint64_t chain_now(void *ctx)
{
	chain_platform *p = ctx;

	return p->world.now_ns(p->world.ctx);
}

static void chain_sleep(void *ctx, uint64_t ns)
{
	chain_platform *p = ctx;

	fake_i2c_lock(p->i2c);
	p->world.sleep_ns(p->world.ctx, ns);
	fake_i2c_unlock(p->i2c);
	apply_faults(p);
}

typedef struct {
	unsigned long samples, losses, reconnects, bus_errors;
	unsigned long edges_via_gpio, edges_withheld, i2c_transfers;
} chain_result;

/* orig → MPU-6050 model → /dev/i2c-1 + /dev/gpiochip0 → drivers → recorder → rec. */
static void record_through_backends(const char *orig, const char *rec, float rate_hz,
				    fault_script *faults, chain_result *out)
{
	const bc_trace_meta meta[] = { { "sensor", "mpu6050" },
				       { "rate_hz", "200" },
				       { "exercise", "bridge" } };
	bc_record_options opt = bc_record_options_default;
	bc_live_source_config cfg;
	bc_record_result res;
	chain_platform plat = { 0 };
	bc_sample_source *src;
	bc_trace_feed feed = { 0 };
	bc_trace_error terr;
	bc_i2c_bus *bus;
	double t_last = 0;
	bc_sample s;
	char err[256];
	bc_pi_rig r;

	assert_int_equal(bc_pi_rig_open(&r, true), 0);
	feed.model = bc_mpu6050_model_new(BC_CHIP_MPU6050);
	assert_int_equal(bc_model_bus_attach(r.models, 0x68, feed.model), 0);
	feed.r = bc_trace_reader_open(orig, &terr);
	assert_non_null(feed.r);
	{
		bc_trace_reader *count = bc_trace_reader_open(orig, &terr);

		assert_non_null(count);
		while (bc_trace_reader_next(count, &s, &terr) == 1)
			t_last = s.t_s;
		bc_trace_reader_free(count);
	}

	plat.w = bc_model_world_new();
	bc_model_world_add(plat.w, feed.model, bc_trace_feed_fn, &feed, true);
	plat.world = bc_model_world_hooks(plat.w, true);
	plat.model = feed.model;
	plat.i2c = r.i2c;
	plat.gpio = r.gpio;
	plat.faults = faults;
	/* The real backends, found the way the device finds them. */
	plat.line = bc_gpio_input_open("GPIO17", "backcoach-test");
	assert_non_null(plat.line);
	bus = bc_i2c_bus_open_linux_by_name("bcm2835");
	assert_non_null(bus);

	bc_imu_hooks hooks = { .wait_data_ready = chain_wait,
			       .now_ns = chain_now,
			       .sleep_ns = chain_sleep,
			       .ctx = &plat };
	cfg = (bc_live_source_config){ .bus = bus,
				       .reader = bc_imu_reader_settings_default,
				       .hooks = &hooks };
	cfg.reader.chip.rate_hz = rate_hz;
	src = bc_hw_live_source_open(&cfg, err, sizeof(err));
	if (!src)
		print_message("live source: %s\n", err);
	assert_non_null(src);

	opt.out_path = rec;
	opt.meta = meta;
	opt.n_meta = 3;
	opt.duration_s = t_last - 0.5 / rate_hz;
	assert_int_equal(bc_record_session(src, &opt, &res, &terr), 0);

	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(bc_live_source_reader(src));
	out->samples = res.samples;
	out->losses = st->losses;
	out->reconnects = st->reconnects;
	out->bus_errors = st->bus_errors;
	out->edges_via_gpio = plat.edges_via_gpio;
	out->edges_withheld = plat.edges_withheld;
	out->i2c_transfers = fake_i2c_transfers(r.i2c);

	bc_source_close(src);
	bc_i2c_bus_close(bus);
	bc_gpio_close(plat.line);
	bc_trace_reader_free(feed.r);
	bc_model_world_free(plat.w);
	bc_pi_rig_close(&r);
}

static char *replay_json(const char *path)
{
	const char *argv[] = { bc_test_backcoach(), "replay", "--json", path, NULL };
	bc_test_output out;
	char *json;

	assert_int_equal(bc_test_run(argv, &out), 0);
	json = strdup(out.out);
	bc_test_output_free(&out);
	return json;
}

static long count_rows(const char *path)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	long n = 0;
	bc_sample s;

	assert_non_null(r);
	while (bc_trace_reader_next(r, &s, &err) == 1)
		n++;
	bc_trace_reader_free(r);
	return n;
}

static void write_session(const char *path)
{
	bc_test_trace_spec spec = bc_test_trace_spec_default();

	spec.rate_hz = 200;
	assert_true(bc_test_write_protocol_trace(path, &spec) > 0);
}

/* The recording replays to the same JSON as the trace the model was fed. */
static void test_session_through_backends_replays_the_same(void **state)
{
	char orig[512], rec[512], *want, *got;
	chain_result res;

	bc_umockdev_skip_if_unavailable();
	snprintf(orig, sizeof(orig), "%s/chain-session.csv", bc_test_tmpdir());
	snprintf(rec, sizeof(rec), "%s/chain-session-rec.csv", bc_test_tmpdir());
	write_session(orig);
	record_through_backends(orig, rec, 200, NULL, &res);

	print_message("    %lu samples, %lu edges through libgpiod, %lu i2c-dev transfers\n",
		      res.samples, res.edges_via_gpio, res.i2c_transfers);
	assert_int_equal((long)res.samples, count_rows(orig));
	assert_int_equal(res.losses, 0);
	/* The data-ready line did the pacing: one edge per FIFO drain at least. */
	assert_true(res.edges_via_gpio > res.samples / 16);
	want = replay_json(orig);
	got = replay_json(rec);
	print_message("    replay: %s", want);
	assert_null(strstr(want, "\"calibrated_at_s\": null"));
	if (!bc_test_same_but_rounding(got, want, 0.0015))
		fail_msg("recording replays differently:\n got  %s\n want %s", got, want);
	free(want);
	free(got);
}

/*
 * Unplugged mid-session and plugged back, NACKs, a stuck data-ready line:
 * the recording goes on, the reader reconnects, and the trace stays a valid
 * session (it replays; time keeps increasing through the gaps).
 */
static void test_session_survives_faults(void **state)
{
	fault_script faults = { .unplug_at_s = 8.0,
				.replug_at_s = 9.5,
				.nack_at_s = 12.0,
				.stuck_from_s = 14.0,
				.stuck_to_s = 16.0 };
	const char *argv[4] = { bc_test_backcoach(), "replay", NULL, NULL };
	char orig[512], rec[512];
	bc_test_output out;
	chain_result res;

	bc_umockdev_skip_if_unavailable();
	snprintf(orig, sizeof(orig), "%s/chain-faults.csv", bc_test_tmpdir());
	snprintf(rec, sizeof(rec), "%s/chain-faults-rec.csv", bc_test_tmpdir());
	write_session(orig);
	record_through_backends(orig, rec, 200, &faults, &res);

	print_message(
		"    %lu samples, %lu losses, %lu reconnects, %lu bus errors, %lu edges withheld\n",
		res.samples, res.losses, res.reconnects, res.bus_errors, res.edges_withheld);
	assert_true(faults.unplugged && faults.replugged && faults.nacked);
	assert_true(res.losses >= 1);
	assert_true(res.reconnects >= 1);
	assert_true(res.bus_errors >= 1);
	assert_true(res.edges_withheld > 0);
	/* Most of the session made it; the unplugged 1.5 s did not. */
	assert_true((long)res.samples > count_rows(orig) / 2);
	argv[2] = rec;
	assert_int_equal(bc_test_run(argv, &out), 0);
	bc_test_output_free(&out);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe_names_the_modelled_chips),
		cmocka_unit_test(test_session_through_backends_replays_the_same),
		cmocka_unit_test(test_session_survives_faults),
	};

	(void)argc;
	bc_umockdev_start(argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
