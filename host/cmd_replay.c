/* SPDX-License-Identifier: MIT */
/*
 * backcoach replay --exercise NAME [--hold SECONDS] [--json] FILE (contract §2).
 *
 * Runs the coach (filter, calibration, detector: the live device's code and
 * settings) over a whole trace and reports its rep and rejected events. The
 * counts are computed from the events themselves so the summary can never
 * disagree with the list. Output is written only after the whole trace has
 * been read: a malformed trace gives exit status 3 and no partial JSON.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_options.h"
#include "cli_trace.h"
#include "coach_feed.h"
#include "coach/calib_words.h"
#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "coach/session_tally.h"
#include "commands.h"
#include "history/history.h"
#include "json_writer.h"
#include "trace_hold.h"

enum { OPT_EXERCISE, OPT_HOLD, OPT_JSON, OPT_HISTORY, OPT_STARTED };

static const bc_cli_option options[] = {
	{ "exercise", "NAME", "the exercise (default: the trace's '# exercise:')", OPT_EXERCISE },
	{ "hold", "SECONDS", "hold target (default: the trace's '# hold_s:', else the exercise's)",
	  OPT_HOLD },
	{ "json", NULL, "print exactly one JSON object instead of the summary", OPT_JSON },
	{ "history", "FILE", "also store the session in this history file (made if missing)",
	  OPT_HISTORY },
	{ "started", "WHEN", "...as done at local YYYY-MM-DDTHH:MM (default the trace's started)",
	  OPT_STARTED },
	{ NULL, NULL, NULL, 0 },
};

static const bc_cli_command command = {
	.name = "replay",
	.synopsis =
		"--exercise NAME [--hold SECONDS] [--json] [--history FILE [--started WHEN]] FILE",
	.about = "Runs the whole real-time pipeline (orientation filter, mounting\n"
		 "calibration, exercise detector, coach) over a trace as fast as possible\n"
		 "and summarises the reps and rejected attempts.",
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.more_help = bc_cli_help_exercises,
	.exit_status = BC_CLI_EXIT_STATUS_TRACE,
};

/* The command line, checked. */
typedef struct {
	bc_exercise_id exercise; /* BC_EXERCISE_NONE: the trace's '# exercise:' */
	bool hold_given;	 /* --hold given: hold_s overrides the trace and exercise */
	float hold_s;
	bool json;
	const char *history; /* --history: store the session there */
	bool started_given;
	int64_t started_unix_s; /* --started */
	const char *path;
} replay_options;

/* Local "YYYY-MM-DDTHH:MM" as unix seconds; exits 2 when it is not one. */
static int64_t parse_started(const char *text)
{
	struct tm tm = { 0 };
	const char *end = strptime(text, "%Y-%m-%dT%H:%M", &tm);
	if (!end || *end)
		bc_cli_die_usage(&command, "--started: '%s' is not a time YYYY-MM-DDTHH:MM", text);
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, replay_options *o)
{
	*o = (replay_options){ .exercise = BC_EXERCISE_NONE };
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		switch (id) {
		case OPT_EXERCISE:
			o->exercise = bc_cli_exercise_option(&command, value);
			break;
		case OPT_HOLD:
			o->hold_given = true;
			o->hold_s = bc_cli_seconds(&command, "--hold", value, BC_TRACE_HOLD_MAX_S);
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_HISTORY:
			o->history = value;
			break;
		case OPT_STARTED:
			o->started_given = true;
			o->started_unix_s = parse_started(value);
			break;
		}
	}
	o->path = bc_cli_arguments(&p, NULL)[0];
	if (o->started_given && !o->history)
		bc_cli_die_usage(&command, "--started is for --history");
}

/* What a replay found: the counted events and facts about the trace. */
typedef struct {
	bc_exercise_id exercise;
	float hold_target_s;	/* 0: the exercise has no hold */
	bc_session_tally tally; /* the counts, from the same events */
	bc_coach_event *events; /* REP, REJECTED, INTERRUPTED, SENSOR_GLITCH, in time order */
	size_t n_events, cap_events;
	long samples;
	double first_t_s, last_t_s;
	double calibrated_at_s;	  /* NAN: calibration never finished */
	double upright_at_s;	  /* NAN: no stand was ever taken for the upright */
	bc_calib_wait calib_wait; /* at the end: what the last pose held lacked */
	int dropouts;
	unsigned long rejected_samples; /* not fused by the filter */
} replay_result;

static int keep_event(replay_result *res, const bc_coach_event *e)
{
	if (res->n_events == res->cap_events) {
		size_t cap = res->cap_events ? 2 * res->cap_events : 64;
		bc_coach_event *grown = realloc(res->events, cap * sizeof(*grown));
		if (!grown)
			return -1;
		res->events = grown;
		res->cap_events = cap;
	}
	res->events[res->n_events++] = *e;
	return 0;
}

static int take_events(replay_result *res, const bc_coach_event *events, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const bc_coach_event *e = &events[i];
		bc_session_tally_add(&res->tally, e);
		switch (e->type) {
		case BC_EVENT_REP:
		case BC_EVENT_REJECTED:
		case BC_EVENT_INTERRUPTED:
		case BC_EVENT_SENSOR_GLITCH:
			if (keep_event(res, e) < 0)
				return -1;
			break;
		case BC_EVENT_CALIBRATION:
			if (e->stage != BC_CALIB_STAND && isnan(res->upright_at_s))
				res->upright_at_s = e->t_s;
			if (e->stage == BC_CALIB_DONE && isnan(res->calibrated_at_s))
				res->calibrated_at_s = e->t_s;
			break;
		case BC_EVENT_DROPOUT:
			res->dropouts++;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* Feeds every sample to the coach; 0 done, -1 out of memory, else the exit status. */
static int feed_coach(bc_coach_feed *feed, bc_coach *coach, replay_result *res)
{
	bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	const bc_coach_front *f;
	bc_trace_error err = { { 0 } };
	int got;
	while ((got = bc_coach_feed_next(feed, &f, &err)) == 1) {
		if (res->samples++ == 0)
			res->first_t_s = f->sample.t_s;
		res->last_t_s = f->sample.t_s;
		size_t n = bc_coach_update_fronted(coach, f, events,
						   BC_COACH_MAX_EVENTS_PER_SAMPLE);
		if (take_events(res, events, n) < 0)
			return -1;
	}
	return got < 0 ? bc_cli_trace_failed(&err) : 0;
}

/*
 * Runs the coach over every sample; 0 done, else the exit status. The trace
 * is read on the other core meanwhile, with part of the coach
 * (coach_feed.h): the coach alone costs more than reading (issue 14).
 */
static int run_coach(bc_trace_reader *r, const bc_coach_settings *settings, replay_result *res)
{
	static bc_coach coach; /* large; one per process */
	bc_coach_init(&coach, settings, res->exercise);
	bc_session_tally_init(&res->tally, res->exercise);
	bc_coach_feed feed;
	bc_coach_feed_start(&feed, r, &coach);
	int status = feed_coach(&feed, &coach, res);
	bc_coach_feed_stop(&feed);
	if (status == 0) {
		bc_coach_event events[BC_COACH_MAX_EVENTS_PER_SAMPLE];
		size_t n = bc_coach_finish(&coach, events, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		status = take_events(res, events, n);
	}
	if (status < 0) {
		fprintf(stderr, "backcoach replay: out of memory\n");
		return BC_EXIT_FAILURE;
	}
	if (status == 0) {
		res->rejected_samples = coach.body.filter.rejected;
		res->calib_wait = coach.body.calib.held_wait;
	}
	return status;
}

/* Output */

static double duration_s(const replay_result *res)
{
	return res->samples > 0 ? res->last_t_s - res->first_t_s : 0;
}

static double mean_rate_hz(const replay_result *res)
{
	double d = duration_s(res);
	return res->samples > 1 && d > 0 ? (double)(res->samples - 1) / d : NAN;
}

/*
 * The sensor's events (contract §2, new types): {"type": "sensor_glitch",
 * "kind": "spike"|"frozen"} and {"type": "interrupted", "reason": "sensor
 * fault", "hold_s"}: an attempt neither counted nor in "rejected".
 */
static bool print_sensor_event(bc_json_writer *w, const bc_coach_event *e)
{
	if (e->type != BC_EVENT_SENSOR_GLITCH && e->type != BC_EVENT_INTERRUPTED)
		return false;
	bool glitch = e->type == BC_EVENT_SENSOR_GLITCH;
	bc_json_object_begin(w);
	bc_json_key_number(w, "t", e->t_s, 3);
	bc_json_key_string(w, "type", glitch ? "sensor_glitch" : "interrupted");
	bc_json_key_string(w, glitch ? "kind" : "reason", e->text);
	if (!glitch)
		bc_json_key_number(w, "hold_s", e->hold_s, 2);
	bc_json_object_end(w);
	return true;
}

static void print_json(const replay_result *res)
{
	bc_json_writer w;
	bc_json_init(&w, stdout);
	bc_json_object_begin(&w);
	bc_json_key_string(&w, "exercise", bc_exercise_info_get(res->exercise)->name);
	bc_json_key_int(&w, "reps", res->tally.reps);
	bc_json_key_int(&w, "rejected", res->tally.rejected);
	if (res->tally.per_side) {
		bc_json_key(&w, "sides");
		bc_json_object_begin(&w);
		for (int side = BC_SIDE_LEFT; side <= BC_SIDE_RIGHT; side++)
			bc_json_key_int(&w, bc_side_text(side), res->tally.side_reps[side]);
		bc_json_object_end(&w);
	}
	bc_json_key_number(&w, "hold_target_s", res->hold_target_s, 2);
	bc_json_key_int(&w, "samples", res->samples);
	bc_json_key_number(&w, "duration_s", duration_s(res), 3);
	bc_json_key_number(&w, "rate_hz", mean_rate_hz(res), 2);
	bc_json_key_number(&w, "calibrated_at_s", res->calibrated_at_s, 3);
	if (isnan(res->calibrated_at_s))
		bc_json_key_string(&w, "calibration", bc_calib_missing(res->calib_wait));
	bc_json_key_number(&w, "upright_at_s", res->upright_at_s, 3);
	bc_json_key_int(&w, "dropouts", res->dropouts);
	bc_json_key_int(&w, "rejected_samples", (long)res->rejected_samples);
	bc_json_key(&w, "form"); /* means over the counted reps; null: none measured */
	bc_json_object_begin(&w);
	bc_json_key_number(&w, "hold_sd_deg", bc_tally_mean_of(&res->tally.hold_sd_deg), 2);
	bc_json_key_number(&w, "smoothness", bc_tally_mean_of(&res->tally.smoothness), 3);
	bc_json_key_number(&w, "time_to_zone_s", bc_tally_mean_of(&res->tally.time_to_zone_s), 2);
	bc_json_object_end(&w);
	bc_json_key_int(&w, "sensor_glitches", res->tally.sensor_glitches);
	bc_json_key_int(&w, "interrupted", res->tally.interrupted);
	bc_json_key(&w, "events");
	bc_json_array_begin(&w);
	for (size_t i = 0; i < res->n_events; i++) {
		const bc_coach_event *e = &res->events[i];
		if (print_sensor_event(&w, e))
			continue;
		bool rep = e->type == BC_EVENT_REP;
		bc_json_object_begin(&w);
		bc_json_key_number(&w, "t", e->t_s, 3);
		bc_json_key_string(&w, "type", rep ? "rep" : "rejected");
		if (!rep)
			bc_json_key_string(&w, "reason", bc_reject_reason_text(e->reason));
		if (res->tally.per_side)
			bc_json_key_string(&w, "side", bc_side_text(e->side));
		bc_json_key_number(&w, "hold_s", e->hold_s, 2);
		bc_json_key_number(&w, "peak_deg", e->peak_deg, 2);
		if (e->depth_cm > 0.0f)
			bc_json_key_number(&w, "depth_cm", e->depth_cm, 1);
		/* What a rejected attempt had to do (new keys; the reason is unchanged). */
		if (e->target_deg > 0.0f)
			bc_json_key_number(&w, "target_deg", e->target_deg, 1);
		if (e->depth_target_cm > 0.0f)
			bc_json_key_number(&w, "target_cm", e->depth_target_cm, 1);
		if (e->phase_min_s > 0.0f)
			bc_json_key_number(&w, "phase_min_s", e->phase_min_s, 2);
		if (e->low_side != BC_SIDE_NONE)
			bc_json_key_string(&w, "low_side", bc_side_text(e->low_side));
		/* the attempt's form (detect/rep_form.h); null: not measured */
		bc_json_key_number(&w, "hold_sd_deg", e->hold_sd_deg, 2);
		bc_json_key_number(&w, "smoothness", e->smoothness, 3);
		bc_json_key_number(&w, "time_to_zone_s", e->time_to_zone_s, 2);
		if (e->text[0])
			bc_json_key_string(&w, "text", e->text);
		bc_json_object_end(&w);
	}
	bc_json_array_end(&w);
	bc_json_object_end(&w);
	fputc('\n', stdout);
}

/* The attempt's form, where measured, ending the event's line. */
static void print_form(const bc_coach_event *e)
{
	if (isfinite(e->hold_sd_deg))
		printf(", hold sd %.1f deg", (double)e->hold_sd_deg);
	if (isfinite(e->smoothness))
		printf(", smoothness %.2f", (double)e->smoothness);
	if (isfinite(e->time_to_zone_s))
		printf(", %.1f s to the zone", (double)e->time_to_zone_s);
	printf("\n");
}

static void print_summary(const char *path, const replay_result *res)
{
	const bc_exercise_info *info = bc_exercise_info_get(res->exercise);
	printf("%s: %d reps, %d rejected", info->name, res->tally.reps, res->tally.rejected);
	if (res->hold_target_s > 0)
		printf(" (hold target %.1f s)", (double)res->hold_target_s);
	printf("\ntrace: %s, %ld samples over %.1f s", path, res->samples, duration_s(res));
	if (isfinite(mean_rate_hz(res)))
		printf(" (%.1f Hz)", mean_rate_hz(res));
	printf("\n");
	if (isnan(res->calibrated_at_s))
		printf("calibration: not finished: %s (stand still upright 3 s, then hold the "
		       "start position 2 s)\n",
		       bc_calib_missing(res->calib_wait));
	else
		printf("calibration: done at %.2f s\n", res->calibrated_at_s);
	if (res->dropouts || res->rejected_samples)
		printf("sensor: %d dropouts, %lu samples not fused\n", res->dropouts,
		       res->rejected_samples);
	if (res->tally.sensor_glitches)
		printf("sensor: %d glitches (spikes no body makes, frozen output): check the "
		       "cable\n",
		       res->tally.sensor_glitches);
	for (size_t i = 0; i < res->n_events; i++) {
		const bc_coach_event *e = &res->events[i];
		if (e->type == BC_EVENT_SENSOR_GLITCH)
			continue;		       /* counted above */
		if (e->type == BC_EVENT_INTERRUPTED) { /* no form: the attempt was cut short */
			printf("  %9.2f s  interrupted by a %s (hold %.1f s): not counted, not "
			       "rejected\n",
			       e->t_s, e->text, (double)e->hold_s);
			continue;
		}
		if (e->type == BC_EVENT_REP)
			printf("  %9.2f s  rep       hold %.1f s, peak %.1f deg%s%s", e->t_s,
			       (double)e->hold_s, (double)e->peak_deg, e->text[0] ? ", " : "",
			       e->text);
		else
			printf("  %9.2f s  rejected  %s (hold %.1f s, peak %.1f deg)", e->t_s,
			       bc_reject_reason_text(e->reason), (double)e->hold_s,
			       (double)e->peak_deg);
		print_form(e);
	}
}

/*
 * The settings the live device uses: whatever bc_coach_init picks with no
 * settings given, so replay cannot drift from the device when defaults change.
 */
static bc_coach_settings live_settings(bc_exercise_id exercise)
{
	static bc_coach probe; /* large; one per process */
	bc_coach_init(&probe, NULL, exercise);
	return probe.settings;
}

/* The hold target: --hold, else the trace's "# hold_s:", else the exercise default. */
static int choose_hold(const bc_trace_reader *r, const replay_options *o, bc_coach_settings *st,
		       replay_result *res)
{
	float *hold_s = &st->hold_s[res->exercise];
	bool has_hold = *hold_s > 0;
	if (o->hold_given) {
		if (has_hold)
			*hold_s = o->hold_s;
		else
			fprintf(stderr, "backcoach replay: note: %s has no hold; --hold ignored\n",
				bc_exercise_info_get(res->exercise)->name);
	} else if (has_hold) {
		char err[512];
		float meta_s;
		if (bc_trace_hold_s(r, &meta_s, err, sizeof(err)) < 0) {
			fprintf(stderr, "%s\n", err);
			return BC_EXIT_BAD_TRACE;
		}
		if (meta_s > 0)
			*hold_s = meta_s;
	}
	res->hold_target_s = *hold_s;
	return 0;
}

/* When the session began: --started, else the trace's "# started:" (UTC). 0 or -1. */
static int session_start(const bc_trace_reader *r, const replay_options *o, int64_t *unix_s)
{
	if (o->started_given) {
		*unix_s = o->started_unix_s;
		return 0;
	}
	const char *text = bc_trace_reader_meta(r, "started");
	struct tm tm = { 0 };
	const char *end = text ? strptime(text, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
	if (!end || (*end && strcmp(end, "Z") != 0)) {
		fprintf(stderr,
			"backcoach replay: %s: no '# started:' time (UTC, ...T...Z) to store the "
			"session at; give --started\n",
			o->path);
		return -1;
	}
	*unix_s = (int64_t)timegm(&tm);
	return 0;
}

/* --history: the session stored as the app stores a live one. 0, or exit status 1. */
static int store_session(const bc_trace_reader *r, const replay_options *o,
			 const replay_result *res)
{
	static bc_history_session s; /* large; one per process */
	int64_t started;
	char err[BC_HISTORY_ERROR_MAX];
	if (session_start(r, o, &started) < 0)
		return BC_EXIT_FAILURE;
	bc_history_session_from_events(&s, res->exercise, started, res->first_t_s, res->events,
				       res->n_events);
	s.hold_target_s = res->hold_target_s;
	s.duration_s = duration_s(res);
	s.trace_path = o->path;
	bc_history *h = bc_history_open(o->history, err, sizeof(err));
	if (!h || bc_history_add_session(h, &s) < 0) {
		fprintf(stderr, "backcoach replay: %s\n", h ? bc_history_error(h) : err);
		bc_history_close(h);
		return BC_EXIT_FAILURE;
	}
	bc_history_close(h);
	return 0;
}

int cmd_replay(int argc, char **argv)
{
	replay_options o;
	parse_options(argc, argv, &o);

	int status;
	replay_result res = { .calibrated_at_s = NAN, .upright_at_s = NAN };
	bc_trace_reader *r = bc_cli_open_trace(o.path, &status);
	if (!r)
		return status;
	status = bc_cli_trace_exercise(&command, o.exercise, r, &res.exercise);
	if (status)
		goto out;
	bc_coach_settings settings = live_settings(res.exercise);
	status = choose_hold(r, &o, &settings, &res);
	if (status)
		goto out;

	status = run_coach(r, &settings, &res);
	if (status != 0)
		goto out;
	if (o.history && (status = store_session(r, &o, &res)) != 0)
		goto out;
	if (o.json)
		print_json(&res);
	else
		print_summary(o.path, &res);
	status = bc_cli_flush_stdout(&command);
out:
	free(res.events);
	bc_trace_reader_free(r);
	return status;
}
