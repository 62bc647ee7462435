/* SPDX-License-Identifier: MIT */
/*
 * Layer: host.
 *
 * The one way the commands open the live sensor (run, record, probe): the
 * I2C bus, the chip found by its ID registers, and the chip's data-ready
 * line (GPIO17, header pin 11) found by name, so the reader is paced by the
 * interrupt; without the line the reader polls the FIFO. Also what a probe
 * of the bus found, in words, for the "plug in the sensor" screen.
 */
#ifndef BC_LIVE_SENSOR_H
#define BC_LIVE_SENSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/imu_reader.h"
#include "platform/gpio_line.h"
#include "platform/sample_source.h"

typedef struct {
	int bus_number;		       /* /dev/i2c-N */
	bc_imu_reader_settings reader; /* chip settings; address 0 = probe */
	const char *drdy_line;	       /* the data-ready line's name; NULL: poll */
} bc_live_sensor_options;

/* The options run and record start from: bus 1, chip defaults, GPIO17. */
bc_live_sensor_options bc_live_sensor_options_default(void);

/*
 * The data-ready line (kept open for the process: each source opened
 * refers to it) and the reader's hooks over it.
 */
/*
 * A chip that answers its ID registers but fails to start (a damaged chip,
 * a loose 3V3 wire) is tried again after 1 s, then 2 s, 4 s ... up to
 * BC_LIVE_SENSOR_RETRY_MAX_S: the kiosk stays up and says why, without
 * hammering the bus or opening the screen again every second.
 */
#define BC_LIVE_SENSOR_RETRY_FIRST_S 1.0
#define BC_LIVE_SENSOR_RETRY_MAX_S   30.0

typedef struct {
	double delay_s;	   /* the wait after the last failed start (0: none failed) */
	double next_try_s; /* monotonic seconds before which no start is tried */
	bool started;	   /* a trial start worked and the chip still answers */
	char why[200];	   /* "MPU-6050 at 0x68 answers but does not start: ...", or "" */
} bc_live_sensor_retry;

typedef struct {
	bc_live_sensor_options opt;
	bc_gpio_line *drdy;	    /* NULL: polling */
	bc_imu_hooks hooks;	    /* the data-ready line's, or polling with the system clock */
	char drdy_note[160];	    /* why there is no line, "" when there is one */
	bc_live_sensor_retry retry; /* the kiosk's back-off for a chip that does not start */
} bc_live_sensor;

/* Opens opt's data-ready line (else polling, with a note why). */
void bc_live_sensor_init(bc_live_sensor *ls, const bc_live_sensor_options *opt);

/*
 * Opens the bus and the chip and returns them as a source paced by the
 * data-ready line; NULL with a message in err ("/dev/i2c-1: No such file
 * ...", "no IMU found (tried 0x68, ...)"). The source owns the bus. An open
 * that works ends the back-off (ls->retry).
 */
bc_sample_source *bc_live_sensor_open(bc_live_sensor *ls, char *err, size_t err_size);

/* Closes the data-ready line (after every source opened has been closed). */
void bc_live_sensor_free(bc_live_sensor *ls);

/* What one probe of the bus found. */
typedef struct {
	bool bus_open;		/* /dev/i2c-N could be opened */
	bool found;		/* a known IMU answers */
	uint8_t found_addr;	/* the first that answers (found) */
	const char *found_name; /* its chip ("MPU-6050") */
	char summary[256];	/* one line per address tried, or why the bus failed */
} bc_live_sensor_probe_result;

/*
 * Tries every IMU address on bus_number (reading ID registers only, so it is
 * safe next to a running source) and says what answered, for example
 * "i2c-1: 0x68 no answer, 0x69 no answer, 0x6a LSM6DSOX, 0x6b no answer".
 * Returns r->found.
 */
bool bc_live_sensor_probe(int bus_number, bc_live_sensor_probe_result *r);

/*
 * A start failed (err, from bc_live_sensor_open) while probe found a chip:
 * ls->retry.why says so, and the next try waits twice as long as the last
 * (1 s the first time, at most BC_LIVE_SENSOR_RETRY_MAX_S). now_s: monotonic.
 */
void bc_live_sensor_start_failed(bc_live_sensor *ls, double now_s,
				 const bc_live_sensor_probe_result *probe, const char *err);

/*
 * The kiosk's question every second: is there a sensor to coach with? Probes
 * the bus (into r); a chip that answers must also start: a trial start is
 * made (and closed) unless the back-off says wait. True when one answers and
 * started; else false, with ls->retry.why saying why when one answers.
 */
bool bc_live_sensor_ready(bc_live_sensor *ls, double now_s, bc_live_sensor_probe_result *r);

/* Whole seconds until the next trial start (0: due now, or nothing failed). */
int bc_live_sensor_retry_in_s(const bc_live_sensor *ls, double now_s);

#endif /* BC_LIVE_SENSOR_H */
