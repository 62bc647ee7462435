/* SPDX-License-Identifier: MIT */
/*
 * The coach as text, for a machine without a display (a headless CI box, an
 * SSH session): once a second the live angles and counts, and every coach
 * event as it happens, as a person would want to watch them. It ends when
 * the trace ends, at --quit-after, or on Ctrl-C.
 */
#include "app/app_run.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/pipeline_thread.h"
#include "coach/exercise_table.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static const char *stage_text(int stage)
{
	switch (stage) {
	case BC_CALIB_STAND:
		return "stand upright and still";
	case BC_CALIB_GO_TO_START:
		return "upright learned; now the start position";
	default:
		return "calibrated";
	}
}

static void print_event(const bc_coach_event *e, double t0_s)
{
	double t = e->t_s - t0_s;
	switch (e->type) {
	case BC_EVENT_CALIBRATION:
		printf("%7.1f s  calibration: %s\n", t, stage_text(e->stage));
		break;
	case BC_EVENT_START_REACHED:
		printf("%7.1f s  start position reached: go\n", t);
		break;
	case BC_EVENT_HOLD_START:
		printf("%7.1f s  hold started (target %.0f s)\n", t, (double)e->hold_target_s);
		break;
	case BC_EVENT_HOLD_DONE:
		printf("%7.1f s  hold done (%.1f s)\n", t, (double)e->hold_s);
		break;
	case BC_EVENT_REP:
		printf("%7.1f s  REP %d counted (hold %.1f s, peak %.0f deg)%s%s\n", t, e->reps,
		       (double)e->hold_s, (double)e->peak_deg, e->text[0] ? ": " : "", e->text);
		break;
	case BC_EVENT_REJECTED:
		printf("%7.1f s  NOT COUNTED: %s (hold %.1f s, peak %.0f deg)\n", t,
		       bc_reject_reason_text(e->reason), (double)e->hold_s, (double)e->peak_deg);
		break;
	case BC_EVENT_CUE:
		printf("%7.1f s  \"%s\"\n", t, e->text);
		break;
	case BC_EVENT_SET_DONE:
		printf("%7.1f s  SET DONE: %d reps\n", t, e->reps);
		break;
	case BC_EVENT_DROPOUT:
		printf("%7.1f s  sensor data gap\n", t);
		break;
	case BC_EVENT_SUMMARY:
		printf("%7.1f s  session over: %d reps, %d not counted\n", t, e->reps, e->rejected);
		break;
	case BC_EVENT_SENSOR_GLITCH:
		printf("%7.1f s  sensor glitch (%s): check the cable\n", t, e->text);
		break;
	case BC_EVENT_INTERRUPTED:
		printf("%7.1f s  INTERRUPTED by a %s (hold %.1f s): not counted, not your fault\n",
		       t, e->text, (double)e->hold_s);
		break;
	case BC_EVENT_PHASE:
	case BC_EVENT_HOLD_PROGRESS:
		break;
	}
}

static void print_status(const bc_pipeline_snapshot *sn)
{
	const bc_coach_view *v = &sn->view;
	double t = v->t_s - sn->first_t_s;
	if (v->stage != BC_CALIB_DONE) {
		printf("%7.1f s  [%s %3.0f%%]\n", t, stage_text(v->stage),
		       (double)v->stage_progress * 100);
		return;
	}
	printf("%7.1f s  back %+5.1f deg (zone %.0f..%.0f)  sag %+5.1f  side %+5.1f  roll %+5.1f"
	       "  reps %d/%d  not counted %d%s\n",
	       t, (double)v->gauge_deg, (double)v->zone_min_deg, (double)v->zone_max_deg,
	       (double)v->angles.sagittal_deg, (double)v->angles.frontal_deg,
	       (double)v->angles.axial_deg, v->reps, v->target_reps, v->rejected,
	       v->holding ? "  HOLDING" : "");
}

int bc_terminal_view_run(const bc_app_config *cfg)
{
	char err[256];
	bc_exercise_id ex = cfg->start_exercise;
	if (ex == BC_EXERCISE_NONE) {
		/* No screen to pick on: the posture monitor needs no choosing. */
		ex = BC_EXERCISE_POSTURE;
	}
	bc_sample_source *src = cfg->open_source(cfg->source_ctx, ex, err, sizeof(err));
	if (!src) {
		fprintf(stderr, "backcoach run: %s\n", err);
		return cfg->replay ? 3 : 1;
	}
	char desc[96];
	snprintf(desc, sizeof(desc), "%s", src->description);
	bc_pipeline *p = bc_pipeline_start(src, &cfg->settings, ex, false, NULL, NULL, err,
					   sizeof(err));
	bc_pipeline_snapshot *sn = calloc(1, sizeof(*sn));
	if (!p || !sn) {
		fprintf(stderr, "backcoach run: %s\n", p ? "out of memory" : err);
		bc_pipeline_free(p);
		free(sn);
		return 1;
	}
	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	printf("backcoach: %s, %s (Ctrl-C stops)\n", bc_exercise_info_get(ex)->title, desc);
	fflush(stdout);
	uint64_t t0 = bc_monotonic_ns(), next_status = t0;
	int status = 0;
	for (;;) {
		bc_pipeline_take(p, sn);
		for (size_t i = 0; i < sn->n_events; i++)
			print_event(&sn->events[i], sn->first_t_s);
		uint64_t now = bc_monotonic_ns();
		if (sn->have_view && now >= next_status && !sn->finished) {
			print_status(sn);
			next_status = now + 1000000000ull;
		}
		fflush(stdout);
		if (sn->finished)
			break;
		double elapsed = (double)(now - t0) * 1e-9;
		if (stop_requested || (cfg->quit_after_s > 0 && elapsed >= cfg->quit_after_s)) {
			bc_pipeline_stop(p);
			continue; /* one more take: the SUMMARY */
		}
		struct timespec ts = { 0, 50000000 };
		nanosleep(&ts, NULL);
	}
	if (sn->error[0]) {
		fprintf(stderr, "backcoach run: %s\n", sn->error);
		status = cfg->replay ? 3 : 1;
	}
	bc_pipeline_free(p);
	free(sn);
	return status;
}
