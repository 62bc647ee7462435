/* SPDX-License-Identifier: MIT */
/*
 * The app's link to the history store: one record per session built from
 * the coach's events as they are taken from the pipeline, saved at each
 * SET_DONE and at the SUMMARY (so a power cut loses at most one set), and
 * today's figures for the home screen. Main thread only, never per sample.
 *
 * A history that cannot be opened is reported once (the caller shows the
 * message) and the coach carries on without it.
 */
#ifndef BC_APP_SESSION_HISTORY_H
#define BC_APP_SESSION_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "app/app_state.h"
#include "history/history.h"

typedef struct {
	bc_history *hist; /* NULL: not writing history */
	bc_history_session rec;
	bool begun;    /* the session has had its first sample */
	bool anything; /* a rep, rejection or alert happened */
	bc_exercise_id exercise;
	int target_reps;
	float hold_target_s;
	char trace_path[512]; /* recorded alongside ("" none) */
	int last_yday;	      /* local day of the last refresh (date change) */
} bc_app_history;

/*
 * Opens the default history (path NULL) or path. On failure h->hist is NULL
 * and the message is in err; the app shows it and goes on.
 */
int bc_app_history_open(bc_app_history *h, const char *path, char *err, size_t err_size);

void bc_app_history_close(bc_app_history *h);

/* A session is about to start (its first sample comes later). */
void bc_app_history_expect(bc_app_history *h, bc_exercise_id exercise, int target_reps,
			   float hold_target_s, const char *trace_path);

/*
 * The events of one take, with the sample time of the session's first
 * sample. Begins the record at the first call, saves at SET_DONE/SUMMARY.
 * Returns 1 when it saved (refresh the home figures), 0 otherwise, -1 when a
 * save failed (message in bc_history_error(h->hist)).
 */
int bc_app_history_add(bc_app_history *h, const bc_coach_event *events, size_t n, double first_t_s);

/*
 * Saves the session as it is now (a plan's set ended: a power cut loses at
 * most the set going on). Returns as bc_app_history_add.
 */
int bc_app_history_save(bc_app_history *h);

/* Today's reps, sessions and streak into s->today (now: wall clock). */
void bc_app_history_refresh(bc_app_history *h, bc_app_state *s, time_t now);

/* True when the local date changed since the last refresh. */
bool bc_app_history_new_day(const bc_app_history *h, time_t now);

#endif /* BC_APP_SESSION_HISTORY_H */
