/* SPDX-License-Identifier: MIT */
/*
 * Session history: what the coach stores after each set, and what the home
 * screen reads back (today's reps, the streak, recent sessions).
 *
 * One SQLite file, by default bc_history_default_path(). Host side only:
 * never called on the per-sample path (a write is one small transaction,
 * milliseconds, at the end of a set).
 *
 * Durability: WAL journal with synchronous=NORMAL. A power cut can lose the
 * last session written, never the sessions before it, and never leaves a
 * file SQLite cannot open. A second process (e.g. `backcoach history` while
 * the app runs) may read and write at the same time; writers wait up to
 * BC_HISTORY_BUSY_TIMEOUT_MS for each other.
 *
 * Errors: the library never prints. Functions return -1 (NULL for open)
 * and the message is in bc_history_error() (open: in its err buffer).
 * Every function accepts a NULL handle and fails cleanly, so an app that
 * could not open its history can carry on calling them.
 *
 * A history that cannot be opened (not a database, damaged, unreadable,
 * written by a newer backcoach, someone else's SQLite file) must not stop
 * the coach: bc_history_open() returns NULL with one clear sentence, the
 * app shows it once and coaches without history. The file is never changed
 * or replaced, so nothing in it is lost; the user can move it aside.
 *
 * Days are local days (the TZ environment / system zone) with boundaries
 * computed by mktime(), so days of 23 or 25 hours (summer time) count right.
 * Every function that needs "now" takes it as a parameter (unix seconds).
 */
#ifndef BC_HISTORY_H
#define BC_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coach/session_tally.h"
#include "vocab/coach_event.h"
#include "vocab/exercise.h"

/* How long a writer waits for another process's transaction, milliseconds. */
#define BC_HISTORY_BUSY_TIMEOUT_MS 5000

/* The schema this build writes (PRAGMA user_version); older files are migrated. */
#define BC_HISTORY_SCHEMA_VERSION 3

/* Room for "2024-05-01T08:30:00Z" and a NUL (years up to 9999). */
#define BC_HISTORY_UTC_TEXT_MAX 24

/* Room for an exercise name ("knee-to-chest") and a NUL. */
#define BC_HISTORY_EXERCISE_MAX 32

/* Room for a message from bc_history_open() or bc_history_error(). */
#define BC_HISTORY_ERROR_MAX 512

/* Attempts (counted and rejected) kept one by one per session; the counts go on beyond. */
#define BC_HISTORY_ATTEMPTS_MAX 120

typedef struct bc_history bc_history;

/*
 * One attempt as stored (schema v3): a REP or REJECTED event with its form
 * (detect/rep_form.h). NAN: not measured for it.
 */
typedef struct {
	double t_s;   /* seconds after the session's first sample */
	bool counted; /* a REP (posture: an alert); else rejected for reason */
	bc_reject_reason reason;
	bc_side side;	      /* BC_SIDE_NONE: not a one-sided exercise */
	float hold_s;	      /* held, seconds */
	float peak_deg;	      /* range reached, degrees (the exercise's gauge) */
	float depth_cm;	      /* deep squat: lowered below standing, cm; NAN otherwise */
	float hold_sd_deg;    /* hold steadiness: SD of the gauge while holding, degrees */
	float smoothness;     /* approach smoothness, 0..1 */
	float time_to_zone_s; /* from leaving the start to the zone, seconds */
} bc_history_attempt;

/* One session (one set of one exercise) as stored. */
typedef struct {
	int64_t id;		/* row id once stored or read back; 0 before */
	int64_t started_unix_s; /* wall clock at the first sample, seconds since 1970 UTC */
	char started_utc[BC_HISTORY_UTC_TEXT_MAX]; /* the same instant, ISO 8601 UTC */
	char exercise[BC_HISTORY_EXERCISE_MAX];	   /* contract name: "bridge", ... */
	double start_t_s;    /* sample clock at the first sample, seconds (not stored) */
	double duration_s;   /* first sample to last event, seconds */
	int reps;	     /* correctly performed reps or holds (posture: 0) */
	int rejected;	     /* attempts seen but not counted */
	int target_reps;     /* reps per set aimed at; 0 when unknown */
	float hold_target_s; /* hold goal, seconds; 0: the exercise has no hold */
	float mean_hold_s;   /* mean hold of the counted reps, seconds; NAN: none */
	float max_hold_s;    /* best hold of the counted reps, seconds; NAN: none */
	float peak_deg_max;  /* largest peak angle of a counted rep, degrees; NAN: none */
	/*
	 * Rejected attempts per reason (index bc_reject_reason; the text
	 * bc_reject_reason_text() is what is stored). Slot BC_REJECT_NONE holds
	 * attempts without a known reason. The slots add up to rejected.
	 */
	int rejected_by_reason[BC_REJECT_COUNT];
	int posture_alerts; /* slouch alerts (posture exercise: the replay's "reps") */
	/*
	 * A one-sided exercise's counted reps per side (contract §2), adding up
	 * to reps. per_side false: no sides (both NULL in the file; also every
	 * session stored before schema v2, whose sides are unknown).
	 */
	bool per_side;
	int reps_left, reps_right;
	/* Means of the counted reps' form (from the tally; NAN: none). Schema v3. */
	float mean_hold_sd_deg;
	float mean_smoothness;
	float mean_time_to_zone_s;
	int sensor_glitches; /* sensor faults during the session (tally.sensor_glitches) */
	/*
	 * The attempts in order, the first BC_HISTORY_ATTEMPTS_MAX of them
	 * (attempts_dropped says how many more there were: their counts are in
	 * reps and rejected all the same). Sessions stored before schema v3
	 * read back with none.
	 */
	int n_attempts;
	int attempts_dropped;
	bc_history_attempt attempts[BC_HISTORY_ATTEMPTS_MAX];
	/*
	 * Trace recorded alongside, NULL if none. In a record handed to a
	 * bc_history_recent() callback it points into the query and is valid
	 * during the call only.
	 */
	const char *trace_path;
	/* The session's tally the counts above are taken from (not stored). */
	bc_session_tally tally;
} bc_history_session;

/* Totals over the sessions of one local day. */
typedef struct {
	int sessions;
	int reps;
	int rejected;
	int posture_alerts;
	double duration_s; /* summed session time, seconds */
	float max_hold_s;  /* best hold of a counted rep, seconds; NAN: none */
} bc_history_totals;

/*
 * One local day of one exercise (or of all) for progress charts and the
 * report (history_progress.c). Holds and range are of counted reps; form
 * means of counted reps that carried the measure. NAN: nothing to show.
 */
typedef struct {
	int64_t day_start_unix_s; /* local midnight that starts the day */
	int sessions;
	int reps; /* counted reps (posture: none, see posture_alerts) */
	int rejected;
	int rejected_by_reason[BC_REJECT_COUNT]; /* slot BC_REJECT_NONE: unknown reason */
	int posture_alerts;
	double duration_s;	   /* summed session time, seconds */
	float best_hold_s;	   /* longest hold, seconds */
	float mean_hold_s;	   /* mean hold, seconds */
	float best_peak_deg;	   /* furthest range, degrees */
	float mean_hold_sd_deg;	   /* hold steadiness, degrees */
	float mean_smoothness;	   /* approach smoothness, 0..1 */
	float mean_time_to_zone_s; /* time to the zone, seconds */
} bc_history_day;

/* Building a record from the coach's events (history_session.c) */

/*
 * Starts an empty record: the exercise, the wall clock at the first sample
 * (unix seconds; started_utc is filled from it) and the sample clock at the
 * first sample (seconds, for duration_s). Counts are zero, hold statistics
 * NAN. The caller then sets target_reps, hold_target_s and trace_path
 * when it knows them.
 */
void bc_history_session_begin(bc_history_session *s, bc_exercise_id exercise,
			      int64_t started_unix_s, double start_t_s);

/*
 * Adds n coach events to the record. The counts, reasons, holds and peak
 * come from the session tally (coach/session_tally.h: posture's REP events
 * are alerts, not reps); an event with a hold_target_s (HOLD_START) sets the
 * hold target; every event extends duration_s. May be called once per coach
 * update (the app) or once with the whole session (replay): the result is
 * the same. The counts come from REP/REJECTED events, not from SUMMARY's
 * running totals, exactly as `replay --json` counts them.
 */
void bc_history_session_add_events(bc_history_session *s, const bc_coach_event *events, size_t n);

/* begin + add_events in one call, for a finished session's event array. */
void bc_history_session_from_events(bc_history_session *s, bc_exercise_id exercise,
				    int64_t started_unix_s, double start_t_s,
				    const bc_coach_event *events, size_t n);

/* The reason whose count is largest (first on a tie); BC_REJECT_NONE if none rejected. */
bc_reject_reason bc_history_session_top_reason(const bc_history_session *s);

/* The store (history.c) */

/*
 * The default history file, written into buf: $BACKCOACH_HOME/history.sqlite3,
 * else $XDG_DATA_HOME/backcoach/history.sqlite3 (when absolute), else
 * $HOME/.local/share/backcoach/history.sqlite3. Returns buf, or NULL when
 * no home is known or buf is too small.
 */
const char *bc_history_default_path(char *buf, size_t size);

/*
 * Opens the history at path (NULL: the default path; ":memory:" an empty
 * history that lives until close), creating the file, its missing parent
 * directories (mode 0700) and the schema, or migrating an older schema.
 * Returns NULL with a message in err (err may be NULL) when the file cannot
 * be used; the file is then left as it was.
 */
bc_history *bc_history_open(const char *path, char *err, size_t err_size);

/* Closes the history; NULL-safe. */
void bc_history_close(bc_history *h);

/* The last failure's message ("" when none); works on NULL. */
const char *bc_history_error(const bc_history *h);

/* The path the history was opened with. */
const char *bc_history_path(const bc_history *h);

/*
 * Stores a finished session in one transaction. started_utc is written from
 * started_unix_s (the struct's text is not read); s->id is ignored. Returns
 * the new row id (> 0), or -1 for a store error or a record that does not
 * add up (negative counts, reasons not summing to rejected, no exercise).
 */
int64_t bc_history_add_session(bc_history *h, const bc_history_session *s);

/*
 * Stores a session that is still going on, so a power cut loses at most what
 * happened since the last save: the first call (s->id 0) adds it and sets
 * s->id; later calls replace that row with the record as it is now. Call it
 * at each SET_DONE and at the SUMMARY. 0 done, -1 error (s->id unchanged).
 */
int bc_history_save_session(bc_history *h, bc_history_session *s);

/*
 * Totals of the sessions started on the local day that holds now_unix_s,
 * for one exercise (its name), or for all when exercise is NULL.
 * 0 done, -1 error.
 */
int bc_history_today(bc_history *h, int64_t now_unix_s, const char *exercise,
		     bc_history_totals *out);

/*
 * Consecutive local days, up to the day of now_unix_s, each with at least
 * one counted rep. Today without reps yet does not break the streak (the day
 * is not over): then the streak is the run ending yesterday. Posture alerts
 * are not reps. Returns the number of days (0: no streak), or -1 on error.
 */
int bc_history_streak_days(bc_history *h, int64_t now_unix_s);

/*
 * Callback for bc_history_recent(): one stored session, newest first.
 * Return 0 to go on, anything else to stop.
 */
typedef int (*bc_history_session_fn)(const bc_history_session *s, void *user);

/*
 * Calls fn for the newest sessions started at or after since_unix_s
 * (0: all), at most max_sessions of them (<= 0: no limit), newest first.
 * Returns how many were passed to fn, or -1 on error. fn may call other
 * functions of the same handle.
 */
int bc_history_recent(bc_history *h, int max_sessions, int64_t since_unix_s,
		      bc_history_session_fn fn, void *user);

/* Progress over days (history_progress.c) */

/*
 * The last `days` local days up to the one holding now_unix_s, oldest first
 * (out[days - 1] is today), for one exercise (its name) or all (NULL).
 * Days without sessions are there too, with zero counts and NAN figures.
 * 0 done, -1 error (days < 1 is an error).
 */
int bc_history_days(bc_history *h, int64_t now_unix_s, int days, const char *exercise,
		    bc_history_day *out);

/*
 * The same figures over any span [from_unix_s, to_unix_s) of start times, as
 * one record (day_start_unix_s is from_unix_s): a report's whole period.
 * 0 done, -1 error.
 */
int bc_history_span(bc_history *h, int64_t from_unix_s, int64_t to_unix_s, const char *exercise,
		    bc_history_day *out);

/*
 * The exercises with a session started at or after since_unix_s, by name,
 * into names (at most max). Returns how many, or -1 on error.
 */
int bc_history_exercises(bc_history *h, int64_t since_unix_s, char names[][BC_HISTORY_EXERCISE_MAX],
			 int max);

#endif /* BC_HISTORY_H */
