/* SPDX-License-Identifier: MIT */
/*
 * One coaching session's life cycle in the app: its source and pipeline
 * thread, its recording, its history record, and handing the coach's
 * events and views to the app state each frame.
 */
#ifndef BC_APP_SESSION_H
#define BC_APP_SESSION_H

#include <stdbool.h>

#include "app/app_run.h"
#include "app/app_state.h"
#include "app/pipeline_thread.h"
#include "app/session_history.h"
#include "app/session_recorder.h"

typedef struct {
	const bc_app_config *cfg;
	bc_pipeline *pipeline;	       /* the running session's, or NULL */
	bc_session_recorder *recorder; /* the live session's trace, or NULL */
	bc_pipeline_snapshot *snap;    /* large: on the heap */
	bc_app_history hist;
	bool ended; /* the pipeline reported finished */
} bc_app_session;

/* Called with every coach event, in order, and the tone it deserves. */
typedef void (*bc_app_tone_fn)(void *ctx, bc_tone tone, const bc_coach_event *e);

/* No session yet; 0, or -1 out of memory. Free with bc_app_session_free either way. */
int bc_app_session_init(bc_app_session *ss, const bc_app_config *cfg);

/* Opens the history if cfg asks for it (a problem becomes a notice) and shows today. */
void bc_app_session_open_history(bc_app_session *ss, bc_app_state *s);

/* Ends any session and starts one of exercise; -1 if its source cannot open (noticed). */
int bc_app_session_start(bc_app_session *ss, bc_app_state *s, bc_exercise_id exercise);

/* The pipeline's news into s: tones to tone(ctx), events to history and reducer, the view. */
void bc_app_session_take(bc_app_session *ss, bc_app_state *s, bc_app_tone_fn tone, void *ctx);

/*
 * The wearer ended the session early: the coach finishes it (closing the
 * attempt in progress) and its last events reach the state (the summary's
 * figures) and the history, then it ends.
 */
void bc_app_session_finish(bc_app_session *ss, bc_app_state *s, bc_app_tone_fn tone, void *ctx);

/* Pauses or resumes the running session's coach (none: nothing). */
void bc_app_session_pause(bc_app_session *ss, bool paused);

/* Ends the running session (none: nothing); its last events still count for the history. */
void bc_app_session_end(bc_app_session *ss, bc_app_state *s);

/* Stops any session without saving and frees; safe on a failed init. */
void bc_app_session_free(bc_app_session *ss);

#endif /* BC_APP_SESSION_H */
