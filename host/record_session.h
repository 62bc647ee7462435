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
 *     the last whole, valid row, then renamed. Never a malformed file;
 *   - only its own files: a .part is recovered only if its name is one the
 *     recorder makes (bc_record_part_is_ours) or the one asked for, and its
 *     first line is the trace signature; anything else (a browser's
 *     movie.mkv.part) is left alone, never deleted;
 *   - never a replaced file: the .part is created with O_EXCL, and the
 *     finished file gets its name with renameat2(RENAME_NOREPLACE) (or
 *     link + unlink where that is missing); a name taken meanwhile gets
 *     -2, -3, ... (bc_record_result.path says which);
 *   - recordings are personal: files are created 0600.
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
	bool mag;      /* the chip has a magnetometer: record mx,my,mz */
	bool reserved; /* out_path.part was made by bc_record_reserve() */
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
	char path[4096];	    /* the finished file (out_path, or -N if that was taken) */
} bc_record_result;

/*
 * Starts a new recording's file: creates path.part, empty, mode 0600, with
 * O_EXCL, where neither it nor path exists. unique: if taken, tries
 * STEM-2.EXT, STEM-3.EXT, ... (two recordings in the same second); else
 * fails with EEXIST. 0 with the name chosen (without .part) in out, -1 + errno.
 */
int bc_record_reserve(const char *path, bool unique, char *out, size_t size);

/*
 * Whether a file name (no directory) is one the recorder makes:
 * backcoach-YYYYmmdd-HHMMSS*.csv.part.
 */
bool bc_record_part_is_ours(const char *name);

/*
 * Records src until duration, *stop, or the source ends. Rows start at
 * t = 0. 0 on success (out_path complete), -1 on a write error (err says
 * which file; the .part keeps what was synced).
 */
int bc_record_session(bc_sample_source *src, const bc_record_options *opt, bc_record_result *result,
		      bc_trace_error *err);

/* What bc_record_recover_part did. */
enum {
	BC_RECORD_RECOVER_FAILED = -1,	/* err says why; the file is as it was */
	BC_RECORD_RECOVER_EMPTY = 0,	/* a trace header without one whole row: removed */
	BC_RECORD_RECOVER_DONE = 1,	/* now a whole trace at final_path */
	BC_RECORD_RECOVER_NOT_OURS = 2, /* does not start as a trace: left alone */
};

/*
 * Recovers one .part: keeps the valid whole rows, renames it to the name
 * without ".part" (or NAME-recovered-N.EXT if that exists; never replacing
 * a file). A file whose first line is not the trace signature is not a
 * recording and is never touched. Returns a BC_RECORD_RECOVER_ value.
 */
int bc_record_recover_part(const char *part_path, char *final_path, size_t final_size,
			   unsigned long *rows, bc_trace_error *err);

/*
 * Recovers the .part files of dir that are ours (bc_record_part_is_ours and
 * the trace signature) and also also_part, the .part of a name the user
 * asked for (may be NULL). report(ctx, msg) gets one line per file (may be
 * NULL). Returns how many were recovered.
 */
int bc_record_recover_dir(const char *dir, const char *also_part,
			  void (*report)(void *ctx, const char *msg), void *ctx);

/*
 * Whether a recording from this chip keeps mx,my,mz (bc_record_options.mag):
 * it has a magnetometer (MPU-9250, ICM-20948). One decision for `backcoach
 * record` and the app's session recorder. NULL (no chip) is false.
 */
bool bc_record_chip_has_mag(const bc_imu *imu);

/* Syncs the directory holding path (makes a rename durable). */
int bc_record_sync_dir(const char *path);

#endif /* BC_RECORD_SESSION_H */
