/* SPDX-License-Identifier: MIT */
/*
 * Recording live samples to a trace file, crash-safely:
 *
 *   - rows go to FILE.part, plain text, and are pushed to the disk
 *     (fflush + fdatasync) at least once a second, from this loop, never from
 *     the driver: a power cut loses at most the last second;
 *   - on a clean end the .part is synced, closed and renamed to FILE (and the
 *     directory synced), so FILE is always a whole trace;
 *   - a .part left by a crash is recovered on the next start: cut back to
 *     the last whole, valid row, then renamed. Never a malformed file.
 *
 * The magnetometer of a 9-axis chip (opt->mag) is recorded as mx,my,mz, and
 * trace v1 wants a finite field in every row, so:
 *   - the file is opened at the first sample with a valid field; the few
 *     samples before it (the magnetometer's first measurement comes ~10 ms
 *     after the IMU's) are left out, and the trace starts (t = 0) there;
 *   - if no field comes within BC_RECORD_MAG_WAIT_S of the first sample, the
 *     held samples and the rest are recorded 6-axis (result->mag_missing);
 *   - a row while the field is briefly invalid (overflow, stale, a read
 *     error) carries the last valid field (result->mag_repeated counts
 *     them): the field moves slowly next to 100 Hz rows, and an invented
 *     0,0,0 would be a false reading.
 */
#ifndef BC_RECORD_SESSION_H
#define BC_RECORD_SESSION_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "drivers/imu_chip.h"
#include "platform/sample_source.h"
#include "trace/trace_writer.h"

/* How long a 9-axis recording waits for the first field before going 6-axis. */
#define BC_RECORD_MAG_WAIT_S 0.5

typedef struct {
	const char *out_path;	   /* final name; rows go to out_path + ".part" */
	const bc_trace_meta *meta; /* metadata lines (sensor, rate_hz, started, ...) */
	size_t n_meta;
	double duration_s;	     /* stop after this much recorded time; 0 = until *stop */
	double sync_interval_s;	     /* push to the disk at least this often, s */
	volatile sig_atomic_t *stop; /* set by a signal handler to end cleanly; may be NULL */
	int read_timeout_ms;	     /* longest wait for a sample before checking stop */
	/* Source status changed (CONNECTED / RECONNECTING); may be NULL. */
	void (*on_status)(void *ctx, const bc_sample_source *src);
	void *ctx;
	bool mag; /* the chip has a magnetometer: record mx,my,mz */
} bc_record_options;

/* 1 s sync, 200 ms read timeout; paths and stop to be filled in. */
extern const bc_record_options bc_record_options_default;

typedef struct {
	unsigned long samples;
	unsigned long syncs;
	double recorded_s;	    /* t of the last row */
	unsigned long gaps;	    /* sample steps over 0.5 s (dropouts, contract §1) */
	bool with_mag;		    /* the trace has mx,my,mz */
	bool mag_missing;	    /* opt->mag, but no field came: recorded 6-axis */
	unsigned long mag_skipped;  /* samples left out before the first field */
	unsigned long mag_repeated; /* rows carrying the last valid field */
} bc_record_result;

/*
 * Records src until duration, *stop, or the source ends. Rows start at
 * t = 0. 0 on success (out_path complete), -1 on a write error (err says
 * which file; the .part keeps what was synced).
 */
int bc_record_session(bc_sample_source *src, const bc_record_options *opt, bc_record_result *result,
		      bc_trace_error *err);

/*
 * Recovers one .part: keeps the valid whole rows, renames it to the name
 * without ".part" (or NAME-recovered-N.EXT if that exists). 1 recovered (new
 * name in final_path), 0 nothing worth keeping (removed), -1 error.
 */
int bc_record_recover_part(const char *part_path, char *final_path, size_t final_size,
			   unsigned long *rows, bc_trace_error *err);

/*
 * Whether a recording from this chip keeps mx,my,mz (bc_record_options.mag):
 * it has a magnetometer (MPU-9250, ICM-20948). One decision for `backcoach
 * record` and the app's session recorder. NULL (no chip) is false.
 */
bool bc_record_chip_has_mag(const bc_imu *imu);

/* Syncs the directory holding path (makes a rename durable). */
int bc_record_sync_dir(const char *path);

#endif /* BC_RECORD_SESSION_H */
