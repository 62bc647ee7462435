/* SPDX-License-Identifier: MIT */
/* A session's life cycle in the app: see app_session.h. */
#include "app/app_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int bc_app_session_init(bc_app_session *ss, const bc_app_config *cfg)
{
	*ss = (bc_app_session){ .cfg = cfg, .hist = { .exercise = BC_EXERCISE_NONE } };
	ss->snap = calloc(1, sizeof(*ss->snap));
	return ss->snap ? 0 : -1;
}

void bc_app_session_open_history(bc_app_session *ss, bc_app_state *s)
{
	char err[512];
	if (ss->cfg->history &&
	    bc_app_history_open(&ss->hist, ss->cfg->history_path, err, sizeof(err)) != 0) {
		fprintf(stderr, "backcoach run: history: %s\n", err);
		bc_app_notice(s, err);
	}
	bc_app_history_refresh(&ss->hist, s, time(NULL));
}

void bc_app_session_take(bc_app_session *ss, bc_app_state *s, bc_app_tone_fn tone, void *ctx)
{
	bc_pipeline_snapshot *sn = ss->snap;
	bc_pipeline_take(ss->pipeline, sn);
	int sets_ended = s->plan_sets_ended;
	for (size_t i = 0; i < sn->n_events; i++)
		tone(ctx, bc_app_apply_event(s, &sn->events[i]), &sn->events[i]);
	int saved = bc_app_history_add(&ss->hist, sn->events, sn->n_events, sn->first_t_s);
	if (saved == 0 && s->plan_sets_ended != sets_ended)
		saved = bc_app_history_save(&ss->hist); /* each of a plan's sets, like SET_DONE */
	if (saved > 0)
		bc_app_history_refresh(&ss->hist, s, time(NULL));
	else if (saved < 0)
		bc_app_notice(s, bc_history_error(ss->hist.hist));
	bc_app_source_info src = { .status = sn->status,
				   .rate_hz = sn->rate_hz,
				   .has_first_t = sn->have_view,
				   .first_t_s = sn->first_t_s };
	src.demo = ss->cfg->demo;
	snprintf(src.description, sizeof(src.description), "%.*s", (int)sizeof(src.description) - 1,
		 sn->description);
	snprintf(src.error, sizeof(src.error), "%.*s", (int)sizeof(src.error) - 1, sn->error);
	bc_app_apply_view(s, sn->have_view ? &sn->view : NULL, &src);
	if (sn->finished && !ss->ended) {
		ss->ended = true;
		if (sn->error[0] && sn->status == BC_SOURCE_ENDED) {
			fprintf(stderr, "backcoach run: %s\n", sn->error);
			bc_app_notice(s, sn->error);
		}
	}
}

void bc_app_session_end(bc_app_session *ss, bc_app_state *s)
{
	if (!ss->pipeline)
		return;
	bc_pipeline_stop(ss->pipeline);
	bc_pipeline_take(ss->pipeline, ss->snap);
	if (bc_app_history_add(&ss->hist, ss->snap->events, ss->snap->n_events,
			       ss->snap->first_t_s) > 0)
		bc_app_history_refresh(&ss->hist, s, time(NULL));
	bc_pipeline_free(ss->pipeline);
	ss->pipeline = NULL;
	if (ss->recorder) {
		char err[512];
		if (bc_session_recorder_finish(ss->recorder, err, sizeof(err)) != 0) {
			fprintf(stderr, "backcoach run: recording: %s\n", err);
			bc_app_notice(s, err);
		}
		ss->recorder = NULL;
	}
}

void bc_app_session_finish(bc_app_session *ss, bc_app_state *s, bc_app_tone_fn tone, void *ctx)
{
	if (!ss->pipeline)
		return;
	bc_pipeline_stop(ss->pipeline);
	bc_app_session_take(ss, s, tone, ctx);
	bc_app_session_end(ss, s);
}

void bc_app_session_pause(bc_app_session *ss, bool paused)
{
	if (ss->pipeline)
		bc_pipeline_pause(ss->pipeline, paused);
}

static void tap_record(void *ctx, const bc_sample *smp)
{
	bc_session_recorder_push(ctx, smp);
}

/* Shown on the summary: ~/... reads better than /home/name/... */
static void note_saved_to(bc_app_state *s, const char *trace)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;
	if (n > 1 && !strncmp(trace, home, n) && trace[n] == '/')
		snprintf(s->saved_to, sizeof(s->saved_to), "~%.*s", (int)sizeof(s->saved_to) - 2,
			 trace + n);
	else
		snprintf(s->saved_to, sizeof(s->saved_to), "%.*s", (int)sizeof(s->saved_to) - 1,
			 trace);
}

int bc_app_session_start(bc_app_session *ss, bc_app_state *s, bc_exercise_id exercise)
{
	char err[256];
	bc_app_session_end(ss, s);
	const bc_app_config *cfg = ss->cfg;
	bc_sample_source *src = cfg->open_source(cfg->source_ctx, exercise, err, sizeof(err));
	if (!src) {
		fprintf(stderr, "backcoach run: %s\n", err);
		bc_app_notice(s, err);
		return -1;
	}
	/* A live session goes to its own trace file (never a replay: it has one). */
	if (cfg->record_dir && !cfg->replay) {
		ss->recorder = bc_session_recorder_start(cfg->record_dir, exercise,
							 cfg->sensor_name, src->rate_hz,
							 cfg->sensor_mag, err, sizeof(err));
		if (!ss->recorder) {
			fprintf(stderr, "backcoach run: not recording: %s\n", err);
			bc_app_notice(s, err);
		}
	}
	/* A plan's item asks for its own reps and hold (app_plan.c). */
	bc_coach_settings settings = cfg->settings;
	if (s->session_target_reps > 0)
		settings.target_reps = s->session_target_reps;
	if (s->session_hold_s > 0 && settings.hold_s[exercise] > 0)
		settings.hold_s[exercise] = s->session_hold_s;
	ss->pipeline = bc_pipeline_start(src, &settings, exercise, cfg->lossless,
					 ss->recorder ? tap_record : NULL, ss->recorder, err,
					 sizeof(err));
	if (!ss->pipeline) {
		fprintf(stderr, "backcoach run: %s\n", err);
		bc_app_notice(s, err);
		bc_session_recorder_finish(ss->recorder, err, sizeof(err));
		ss->recorder = NULL;
		return -1;
	}
	ss->ended = false;
	bc_app_begin_session(s, exercise);
	const char *trace = ss->recorder ? bc_session_recorder_path(ss->recorder) : NULL;
	if (trace)
		note_saved_to(s, trace);
	bc_app_history_expect(&ss->hist, exercise, settings.target_reps, settings.hold_s[exercise],
			      trace);
	return 0;
}

void bc_app_session_free(bc_app_session *ss)
{
	bc_pipeline_free(ss->pipeline);
	ss->pipeline = NULL;
	bc_app_history_close(&ss->hist);
	free(ss->snap);
	ss->snap = NULL;
}
