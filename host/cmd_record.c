/* SPDX-License-Identifier: MIT */
/*
 * backcoach record [--out FILE] [--bus N] [--address ADDR] [--rate HZ] ...
 *
 * Live samples from the IMU to a trace v1 file, crash-safely (see
 * record_session.h): FILE.part synced every second, renamed to FILE on a
 * clean stop (Ctrl-C, SIGTERM, --duration). Leftover .part files in FILE's
 * directory are recovered first. A lost sensor does not end the recording:
 * the reader reconnects and the time it was away shows as a gap.
 *
 * Exit status: 0 recorded, 1 no sensor / cannot write, 2 usage.
 */
#include <dirent.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_options.h"
#include "commands.h"
#include "history/local_day.h"
#include "hw_backend.h"
#include "drivers/live_source.h"
#include "record_session.h"

static const bc_cli_option options[] = {
	{ "out", "FILE", "the trace to write (default backcoach-YYYYmmdd-HHMMSS.csv)" },
	{ "bus", "N", "the I2C bus, /dev/i2c-N (default 1)" },
	{ "address", "ADDR", "the IMU's I2C address, e.g. 0x68 (default: probe)" },
	{ "rate", "HZ", "output data rate, 100-1000 Hz (default 200)" },
	{ "accel-range", "G", "accelerometer full scale, g (default 4)" },
	{ "gyro-range", "DPS", "gyroscope full scale, degrees/s (default 500)" },
	{ "lpf", "HZ", "low-pass bandwidth, Hz (default 0.4 x rate)" },
	{ "duration", "SECONDS", "stop after this long (default: until Ctrl-C)" },
	{ "exercise", "NAME", "write '# exercise: NAME' into the trace" },
	{ "int", "LINE", "GPIO line of the data-ready interrupt (default GPIO17, header pin 11)" },
	{ "no-int", NULL, "poll the FIFO instead of waiting for the interrupt" },
	{ NULL, NULL, NULL },
};

static const bc_cli_command command = {
	.name = "record",
	.synopsis = "[--out FILE] [--bus N] [--address ADDR] [--rate HZ] [--duration SECONDS]",
	.about = "Records live IMU samples to a trace v1 file. The file is written as\n"
		 "FILE.part and synced every second, so a power cut loses at most the\n"
		 "last second; it is renamed to FILE when the recording stops cleanly.",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.more_help = bc_cli_help_exercises,
};

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void on_status(void *ctx, const bc_sample_source *src)
{
	(void)ctx;
	if (src->status == BC_SOURCE_RECONNECTING)
		fprintf(stderr, "backcoach record: sensor lost (%s): reconnecting, still recording\n",
			src->error);
	else if (src->status == BC_SOURCE_CONNECTED)
		fprintf(stderr, "backcoach record: sensor back: %s\n", src->error);
}

/* bc_cli_number into one of the reader's float settings. */
static int number(const bc_cli_args *args, const char *name, double lo, double hi, float *out)
{
	double v = *out;
	int status = bc_cli_number(&command, args, name, lo, hi, &v);
	*out = (float)v;
	return status;
}

/* Recovers every .part in the directory of out_path (left by a crash). */
static void recover_leftovers(const char *out_path)
{
	char copy[4096], part[4096], final_path[4096];
	snprintf(copy, sizeof(copy), "%s", out_path);
	const char *dir = dirname(copy);
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || strcmp(e->d_name + len - 5, ".part") != 0)
			continue;
		snprintf(part, sizeof(part), "%s/%s", dir, e->d_name);
		unsigned long rows;
		bc_trace_error err;
		int rc = bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err);
		if (rc == 1)
			fprintf(stderr, "backcoach record: recovered %lu rows from %s into %s\n", rows,
				part, final_path);
		else if (rc == 0)
			fprintf(stderr, "backcoach record: removed %s (no whole row to keep)\n", part);
		else
			fprintf(stderr, "backcoach record: could not recover %s: %s\n", part,
				err.message);
	}
	closedir(d);
}

int cmd_record(int argc, char **argv)
{
	bc_cli_args args;
	int status = bc_cli_parse(&command, argc, argv, &args);
	if (status >= 0)
		return status;

	bc_live_source_config cfg = { .reader = bc_imu_reader_settings_default };
	float bus_number = 1, address = 0, duration_s = 0;
	if ((status = number(&args, "bus", 0, 255, &bus_number)) >= 0 ||
	    (status = number(&args, "rate", 100, 1000, &cfg.reader.chip.rate_hz)) >= 0 ||
	    (status = number(&args, "accel-range", 2, 16, &cfg.reader.chip.accel_range_g)) >= 0 ||
	    (status = number(&args, "gyro-range", 125, 2000, &cfg.reader.chip.gyro_range_dps)) >= 0 ||
	    (status = number(&args, "lpf", 1, 500, &cfg.reader.chip.lpf_hz)) >= 0 ||
	    (status = number(&args, "duration", 0.01, 86400, &duration_s)) >= 0)
		return status;
	const char *addr_text = bc_cli_get(&command, &args, "address");
	if (addr_text) {
		char *end;
		long a = strtol(addr_text, &end, 0);
		if (*addr_text == '\0' || *end != '\0' || a < 0x03 || a > 0x77)
			return bc_cli_usage_error(&command, "--address: '%s' is not a 7-bit address",
						  addr_text);
		address = (float)a;
	}
	cfg.reader.address = (uint8_t)address;
	const char *exercise = bc_cli_get(&command, &args, "exercise");
	if (exercise) {
		bc_exercise_id id;
		if ((status = bc_cli_exercise(&command, exercise, "--exercise", &id)) >= 0)
			return status;
	}
	char default_out[64];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(default_out, sizeof(default_out), "backcoach-%Y%m%d-%H%M%S.csv", &tm);
	const char *out = bc_cli_get(&command, &args, "out");
	if (!out)
		out = default_out;

	recover_leftovers(out);

	char err[256];
	cfg.bus = bc_hw.i2c_open((int)bus_number, err, sizeof(err));
	if (!cfg.bus) {
		fprintf(stderr, "backcoach record: %s\n", err);
		return BC_EXIT_FAILURE;
	}
	cfg.bus_close = bc_hw.i2c_close;
	bc_gpio_line *drdy = NULL;
	if (!bc_cli_get(&command, &args, "no-int")) {
		const char *line = bc_cli_get(&command, &args, "int");
		drdy = bc_hw.gpio_input_open(line ? line : BC_HW_DEFAULT_DRDY_LINE, "backcoach-imu");
		if (!drdy)
			fprintf(stderr, "backcoach record: no data-ready line %s: polling the FIFO\n",
				line ? line : BC_HW_DEFAULT_DRDY_LINE);
	}
	bc_imu_hooks hooks = bc_hw_data_ready_hooks(drdy);
	cfg.hooks = &hooks;
	bc_sample_source *src = bc_hw_live_source_open(&cfg, err, sizeof(err));
	if (!src) {
		fprintf(stderr, "backcoach record: i2c-%d: %s\n", (int)bus_number, err);
		bc_hw.i2c_close(cfg.bus);
		bc_hw.gpio_close(drdy);
		return BC_EXIT_FAILURE;
	}
	const bc_imu *imu = bc_imu_reader_chip(bc_live_source_reader(src));

	char rate[32], started[32], note[160];
	snprintf(rate, sizeof(rate), "%g", imu->config.rate_hz);
	bc_utc_iso8601((int64_t)now, started, sizeof(started));
	snprintf(note, sizeof(note), "%s @ 0x%02x, +-%g g, +-%g dps, low-pass %g Hz",
		 imu->variant->name, imu->addr, imu->config.accel_range_g,
		 imu->config.gyro_range_dps, imu->config.accel_lpf_hz);
	bc_trace_meta meta[5] = {
		{ "sensor", imu->variant->trace_name },
		{ "rate_hz", rate },
		{ "started", started },
		{ "note", note },
		{ "exercise", exercise },
	};

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	bc_record_options opt = bc_record_options_default;
	opt.out_path = out;
	opt.meta = meta;
	opt.n_meta = exercise ? 5 : 4;
	opt.duration_s = duration_s;
	opt.stop = &stop_requested;
	opt.on_status = on_status;
	opt.mag = bc_record_chip_has_mag(imu);
	fprintf(stderr, "backcoach record: %s at %s Hz into %s (Ctrl-C stops)\n", src->description,
		rate, out);
	bc_record_result res;
	bc_trace_error terr;
	int rc = bc_record_session(src, &opt, &res, &terr);
	bc_source_close(src);
	bc_hw.gpio_close(drdy);
	if (rc) {
		fprintf(stderr, "backcoach record: %s\n", terr.message);
		return BC_EXIT_FAILURE;
	}
	fprintf(stderr, "backcoach record: %lu samples, %.1f s, %lu gaps: %s\n", res.samples,
		res.recorded_s, res.gaps, out);
	if (res.mag_missing)
		fprintf(stderr, "backcoach record: the %s's magnetometer gave no field in its "
				"first %.1f s: recorded without mx,my,mz\n",
			imu->variant->name, BC_RECORD_MAG_WAIT_S);
	else if (res.with_mag && res.mag_repeated)
		fprintf(stderr, "backcoach record: %lu rows repeat the last magnetic field "
				"(the magnetometer was briefly invalid)\n",
			res.mag_repeated);
	return BC_EXIT_OK;
}
