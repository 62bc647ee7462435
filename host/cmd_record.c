/* SPDX-License-Identifier: MIT */
/*
 * backcoach record [--out FILE] [--bus N] [--address ADDR] [--rate HZ] ...
 *
 * Live samples from the IMU to a trace v1 file, crash-safely (see
 * record_session.h): FILE.part synced every second, renamed to FILE on a
 * clean stop (Ctrl-C, SIGTERM, --duration). Our own leftover .part files (record_session.h) in FILE's
 * directory are recovered first. A lost sensor does not end the recording:
 * the reader reconnects and the time it was away shows as a gap.
 *
 * Exit status: 0 recorded, 1 no sensor / cannot write, 2 usage.
 */
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_options.h"
#include "commands.h"
#include "history/local_day.h"
#include "drivers/live_source.h"
#include "hw_backend.h"
#include "live_sensor.h"
#include "record_session.h"

#define DEFAULT_BUS 1 /* the Raspberry Pi header's I2C bus */

enum {
	OPT_OUT,
	OPT_BUS,
	OPT_ADDRESS,
	OPT_RATE,
	OPT_ACCEL_RANGE,
	OPT_GYRO_RANGE,
	OPT_LPF,
	OPT_DURATION,
	OPT_EXERCISE,
	OPT_INT,
	OPT_NO_INT,
};

static const bc_cli_option options[] = {
	{ "out", "FILE",
	  "the trace to write, never an existing file (default backcoach-YYYYmmdd-HHMMSS-mmm.csv)",
	  OPT_OUT },
	{ "bus", "N", "the I2C bus, /dev/i2c-N (default 1)", OPT_BUS },
	{ "address", "ADDR", "the IMU's I2C address, e.g. 0x68 (default: probe)", OPT_ADDRESS },
	{ "rate", "HZ", "output data rate, 100-1000 Hz (default 200)", OPT_RATE },
	{ "accel-range", "G", "accelerometer full scale, g (default 4)", OPT_ACCEL_RANGE },
	{ "gyro-range", "DPS", "gyroscope full scale, degrees/s (default 500)", OPT_GYRO_RANGE },
	{ "lpf", "HZ", "low-pass bandwidth, Hz (default 0.4 x rate)", OPT_LPF },
	{ "duration", "SECONDS", "stop after this long (default: until Ctrl-C)", OPT_DURATION },
	{ "exercise", "NAME", "write '# exercise: NAME' into the trace", OPT_EXERCISE },
	{ "int", "LINE", "GPIO line of the data-ready interrupt (default GPIO17, header pin 11)",
	  OPT_INT },
	{ "no-int", NULL, "poll the FIFO instead of waiting for the interrupt", OPT_NO_INT },
	{ NULL, NULL, NULL, 0 },
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
	.exit_status = "0 recorded, 1 no sensor or cannot write, 2 usage error",
};

/* The command line, checked. */
typedef struct {
	const char *out_path; /* NULL: backcoach-YYYYmmdd-HHMMSS.csv (UTC) */
	int bus_number;	      /* /dev/i2c-N */
	bool address_given;   /* else the first chip the probe finds */
	uint8_t address;      /* 7-bit I2C address */
	bc_imu_settings chip; /* rate, ranges, low-pass (lpf_hz 0: 0.4 x rate) */
	bool duration_given;  /* else until Ctrl-C or SIGTERM */
	double duration_s;
	const char *exercise;  /* NULL: no '# exercise:' line */
	const char *drdy_line; /* the data-ready GPIO line */
	bool no_int;	       /* poll the FIFO, no data-ready line */
} record_options;

/* The live sensor: the data-ready line (or polling), the source reading the chip. */
typedef struct {
	bc_live_sensor ls;
	bc_sample_source *src;
	const bc_imu *imu;
} sensor;

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
		fprintf(stderr,
			"backcoach record: sensor lost (%s): reconnecting, still recording\n",
			src->error);
	else if (src->status == BC_SOURCE_CONNECTED)
		fprintf(stderr, "backcoach record: sensor back: %s\n", src->error);
}

static void print_report(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "backcoach record: %s\n", msg);
}

/*
 * Recovers what a crash left in out_path's directory: our own .part files
 * (record_session.h: name and signature) and out_path's own .part. Nothing
 * else there is touched.
 */
static void recover_leftovers(const char *out_path)
{
	char copy[4096], part[4200];
	snprintf(copy, sizeof(copy), "%s", out_path);
	snprintf(part, sizeof(part), "%s.part", out_path);
	bc_record_recover_dir(dirname(copy), part, print_report, NULL);
}

/* Parsing */

static uint8_t parse_address(const char *text)
{
	char *end;
	long a = strtol(text, &end, 0);
	if (*text == '\0' || *end != '\0' || a < 0x03 || a > 0x77)
		bc_cli_die_usage(&command, "--address: '%s' is not a 7-bit address", text);
	return (uint8_t)a;
}

/* One option's value into o. */
static void take_option(record_options *o, int id, const char *value)
{
	switch (id) {
	case OPT_OUT:
		o->out_path = value;
		break;
	case OPT_BUS:
		o->bus_number = (int)bc_cli_number(&command, "bus", value, 0, 255);
		break;
	case OPT_ADDRESS:
		o->address_given = true;
		o->address = parse_address(value);
		break;
	case OPT_RATE:
		o->chip.rate_hz = (float)bc_cli_number(&command, "rate", value, 100, 1000);
		break;
	case OPT_ACCEL_RANGE:
		o->chip.accel_range_g = (float)bc_cli_number(&command, "accel-range", value, 2, 16);
		break;
	case OPT_GYRO_RANGE:
		o->chip.gyro_range_dps = (float)bc_cli_number(&command, "gyro-range", value, 125,
							      2000);
		break;
	case OPT_LPF:
		o->chip.lpf_hz = (float)bc_cli_number(&command, "lpf", value, 1, 500);
		break;
	case OPT_DURATION:
		o->duration_given = true;
		o->duration_s = bc_cli_number(&command, "duration", value, 0.01, 86400);
		break;
	case OPT_EXERCISE:
		bc_cli_exercise_option(&command, value);
		o->exercise = value;
		break;
	case OPT_INT:
		o->drdy_line = value;
		break;
	case OPT_NO_INT:
		o->no_int = true;
		break;
	}
}

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, record_options *o)
{
	*o = (record_options){
		.out_path = NULL,
		.bus_number = DEFAULT_BUS,
		.address_given = false,
		.chip = bc_imu_reader_settings_default.chip,
		.duration_given = false,
		.exercise = NULL,
		.drdy_line = BC_HW_DEFAULT_DRDY_LINE,
		.no_int = false,
	};
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;)
		take_option(o, id, value);
	bc_cli_arguments(&p, NULL);
}

/* The sensor */

/* Opens the bus, the data-ready line (else polling) and the chip; 0, or 1 after a message. */
static int open_sensor(const record_options *o, sensor *s)
{
	char err[256];
	bc_live_sensor_options lo = bc_live_sensor_options_default();
	lo.bus_number = o->bus_number;
	lo.reader.chip = o->chip;
	lo.reader.address = o->address_given ? o->address : 0; /* 0: probe */
	lo.drdy_line = o->no_int ? NULL : o->drdy_line;
	*s = (sensor){ .src = NULL };
	bc_live_sensor_init(&s->ls, &lo);
	if (s->ls.drdy_note[0] && !o->no_int)
		fprintf(stderr, "backcoach record: %s\n", s->ls.drdy_note);
	s->src = bc_live_sensor_open(&s->ls, err, sizeof(err));
	if (!s->src) {
		fprintf(stderr, "backcoach record: i2c-%d: %s\n", o->bus_number, err);
		bc_live_sensor_free(&s->ls);
		return BC_EXIT_FAILURE;
	}
	s->imu = bc_imu_reader_chip(bc_live_source_reader(s->src));
	return 0;
}

static void close_sensor(sensor *s)
{
	bc_source_close(s->src);
	bc_live_sensor_free(&s->ls);
}

/* Recording */

/* The trace's metadata lines, written into the caller's buffers. */
typedef struct {
	char rate[32], started[32], note[160];
	bc_trace_meta lines[5];
	size_t n;
} trace_header;

static void make_header(const record_options *o, const bc_imu *imu, time_t now, trace_header *h)
{
	snprintf(h->rate, sizeof(h->rate), "%g", imu->config.rate_hz);
	bc_utc_iso8601((int64_t)now, h->started, sizeof(h->started));
	snprintf(h->note, sizeof(h->note), "%s @ 0x%02x, +-%g g, +-%g dps, low-pass %g Hz",
		 imu->variant->name, imu->addr, imu->config.accel_range_g,
		 imu->config.gyro_range_dps, imu->config.accel_lpf_hz);
	h->lines[0] = (bc_trace_meta){ "sensor", imu->variant->trace_name };
	h->lines[1] = (bc_trace_meta){ "rate_hz", h->rate };
	h->lines[2] = (bc_trace_meta){ "started", h->started };
	h->lines[3] = (bc_trace_meta){ "note", h->note };
	h->lines[4] = (bc_trace_meta){ "exercise", o->exercise };
	h->n = o->exercise ? 5 : 4;
}

/* Records until Ctrl-C, SIGTERM or --duration; 0, or 1 after a message. */
static int record(const record_options *o, const char *out, time_t now, sensor *s,
		  bc_record_result *res)
{
	trace_header h;
	make_header(o, s->imu, now, &h);

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	bc_record_options opt = bc_record_options_default;
	opt.out_path = out;
	opt.meta = h.lines;
	opt.n_meta = h.n;
	opt.duration_s = o->duration_given ? o->duration_s : 0; /* 0: until *stop */
	opt.stop = &stop_requested;
	opt.on_status = on_status;
	opt.mag = bc_record_chip_has_mag(s->imu);
	fprintf(stderr, "backcoach record: %s at %s Hz into %s (Ctrl-C stops)\n",
		s->src->description, h.rate, out);
	opt.reserved = true; /* by cmd_record: the name is known before the sensor opens */
	bc_trace_error terr;
	if (bc_record_session(s->src, &opt, res, &terr)) {
		fprintf(stderr, "backcoach record: %s\n", terr.message);
		return BC_EXIT_FAILURE;
	}
	return 0;
}

/* What was recorded, and what the magnetometer did. */
static void report_result(const char *out, const bc_imu *imu, const bc_record_result *res)
{
	fprintf(stderr, "backcoach record: %lu samples, %.1f s, %lu gaps: %s\n", res->samples,
		res->recorded_s, res->gaps, out);
	if (res->mag_missing)
		fprintf(stderr,
			"backcoach record: the %s's magnetometer gave no field in its "
			"first %.1f s: recorded without mx,my,mz\n",
			imu->variant->name, BC_RECORD_MAG_WAIT_S);
	else if (res->with_mag && res->mag_repeated)
		fprintf(stderr,
			"backcoach record: %lu rows repeat the last magnetic field "
			"(the magnetometer was briefly invalid)\n",
			res->mag_repeated);
}

int cmd_record(int argc, char **argv)
{
	record_options o;
	parse_options(argc, argv, &o);

	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	time_t now = ts.tv_sec;
	char default_out[64], stamp[32], out[4096];
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	snprintf(default_out, sizeof(default_out), "backcoach-%s-%03ld.csv", stamp,
		 ts.tv_nsec / 1000000L);
	const char *wanted = o.out_path ? o.out_path : default_out;

	recover_leftovers(wanted);
	/* A name of our own moves on if taken (-2, ...); one the user gave is never replaced. */
	if (bc_record_reserve(wanted, o.out_path == NULL, out, sizeof(out)) != 0) {
		fprintf(stderr, "backcoach record: %s: %s\n", wanted,
			errno == EEXIST ? "exists; not replaced (choose another --out)"
					: strerror(errno));
		return BC_EXIT_FAILURE;
	}
	char part[4200];
	snprintf(part, sizeof(part), "%s.part", out);
	sensor s;
	int status = open_sensor(&o, &s);
	if (status) {
		unlink(part); /* ours, and empty */
		return status;
	}
	bc_record_result res;
	status = record(&o, out, now, &s, &res);
	if (status == 0)
		report_result(res.path, s.imu, &res);
	close_sensor(&s);
	return status;
}
