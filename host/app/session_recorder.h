/* SPDX-License-Identifier: MIT */
/*
 * A live session recorded to its own trace file while it is coached, with
 * record_session.h's crash safety (FILE.part synced every second, renamed
 * when the session ends; a .part left by a crash is recovered at the next
 * start). The pipeline thread hands each sample over without waiting (a
 * bounded ring; a full ring drops and counts); a thread of its own does the
 * writing and syncing, so disk I/O never touches the sensor path.
 */
#ifndef BC_APP_SESSION_RECORDER_H
#define BC_APP_SESSION_RECORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/sample.h"
#include "vocab/exercise.h"

typedef struct bc_session_recorder bc_session_recorder;

/*
 * The default directory: $BACKCOACH_HOME/sessions, else
 * $XDG_DATA_HOME/backcoach/sessions, else ~/.local/share/backcoach/sessions.
 * NULL when no home is known.
 */
const char *bc_session_recorder_default_dir(char *buf, size_t size);

/*
 * Recovers .part files a crash left in dir (each into a whole trace): only
 * the recorder's own (name and trace signature, record_session.h); anything
 * else is left alone. Returns how many were recovered; messages for the
 * user go to report (may be NULL).
 */
int bc_session_recorder_recover(const char *dir, void (*report)(const char *msg));

/*
 * Starts recording a session of exercise into dir (created, mode 0700) as
 * dir/backcoach-YYYYmmdd-HHMMSS-mmm-EXERCISE.csv (mode 0600; -2, -3 ... if
 * that name is taken: never another file); sensor and rate_hz go into the
 * metadata; mag (bc_record_chip_has_mag() of the live chip) keeps mx,my,mz.
 * NULL with err on failure. The path is in bc_session_recorder_path().
 */
bc_session_recorder *bc_session_recorder_start(const char *dir, bc_exercise_id exercise,
					       const char *sensor, float rate_hz, bool mag,
					       char *err, size_t err_size);

const char *bc_session_recorder_path(const bc_session_recorder *r);

/* From the sensor path: never blocks, never allocates. */
void bc_session_recorder_push(bc_session_recorder *r, const bc_sample *s);

/*
 * Ends the recording (the file is complete when this returns 0) and frees.
 * -1 with err when it could not be written. NULL-safe.
 */
int bc_session_recorder_finish(bc_session_recorder *r, char *err, size_t err_size);

#endif /* BC_APP_SESSION_RECORDER_H */
