/* SPDX-License-Identifier: MIT */
/*
 * backcoach history [--db FILE | --profile NAME] [--json] [--days N]
 *
 * What the coach has stored: today's totals, the streak of days with reps,
 * and the sessions of the last N local days (newest first). Reads only: a
 * history file that does not exist yet is shown as empty and not created.
 * Output is rendered into memory first, so a read error in the middle
 * prints the message and no half-written listing or JSON.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli_options.h"
#include "coach/exercise_table.h"
#include "commands.h"
#include "history/history.h"
#include "history/local_day.h"
#include "json_writer.h"
#include "profiles.h"

/* Definitions */

#define DEFAULT_DAYS 7
#define MAX_DAYS     36500 /* a hundred years: anything more is a typo */

enum { OPT_DB, OPT_JSON, OPT_DAYS, OPT_PROFILE };

static const bc_cli_option options[] = {
	{ "db", "FILE", "the history file (default: see below)", OPT_DB },
	{ "json", NULL, "print exactly one JSON object instead of the listing", OPT_JSON },
	{ "days", "N", "list the sessions of the last N days, today included (default 7)",
	  OPT_DAYS },
	{ "profile", "NAME", "this wearer's history (backcoach profile; default: the first)",
	  OPT_PROFILE },
	{ NULL, NULL, NULL, 0 },
};

static void more_help(FILE *out)
{
	fprintf(out, "\nThe default history file is $BACKCOACH_HOME/history.sqlite3, else\n"
		     "$XDG_DATA_HOME/backcoach/history.sqlite3, else\n"
		     "~/.local/share/backcoach/history.sqlite3. Days are local days.\n"
		     "The streak counts consecutive days with at least one counted rep;\n"
		     "today without reps yet does not break it.\n");
}

static const bc_cli_command command = {
	.name = "history",
	.synopsis = "[--db FILE | --profile NAME] [--json] [--days N]",
	.about = "Shows today's reps and the streak, then the recent sessions the coach\n"
		 "has stored: date, exercise, reps against the target (one-sided\n"
		 "exercises: per side), rejected attempts with the most common reason,\n"
		 "and the best hold.",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.more_help = more_help,
	.exit_status = "0 done, 1 the history file cannot be read, 2 usage error",
};

/* The command line, checked. */
typedef struct {
	const char *db_path; /* NULL: bc_history_default_path */
	const char *profile; /* NULL: the first profile (or db_path) */
	bool json;
	int days;
} history_options;

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, history_options *o)
{
	*o = (history_options){ .db_path = NULL, .json = false, .days = DEFAULT_DAYS };
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		switch (id) {
		case OPT_DB:
			o->db_path = value;
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_DAYS:
			o->days = (int)bc_cli_integer(&command, "days", value, 1, MAX_DAYS);
			break;
		case OPT_PROFILE:
			o->profile = value;
			break;
		}
	}
	bc_cli_arguments(&p, NULL);
	if (o->profile && o->db_path)
		bc_cli_die_usage(&command, "--db and --profile contradict each other");
}

/* What the listing shows, gathered before anything is printed. */
typedef struct {
	const char *path;
	bool missing; /* the file does not exist yet */
	int64_t now_unix_s;
	int days;
	bc_history_totals today;
	int streak_days;
	FILE *out; /* memory stream the sessions are rendered into */
	bc_json_writer json;
	bool use_json;
} history_view;

/* Helpers */

static const char *reason_name(bc_reject_reason r)
{
	return r == BC_REJECT_NONE ? "unknown" : bc_reject_reason_text(r);
}

/* The exercise is done per side (contract §2), whether or not its sides were stored. */
static bool one_sided(const bc_history_session *s)
{
	const bc_exercise_row *row = bc_exercise_row_of(bc_exercise_from_name(s->exercise));
	return row && row->sides != BC_SIDES_NONE;
}

/* Text output */

static int print_session_text(const bc_history_session *s, void *user)
{
	history_view *v = user;
	FILE *out = v->out;
	char when[32];
	bc_local_time_text(s->started_unix_s, "%Y-%m-%d %H:%M", when, sizeof(when));
	fprintf(out, "  %s  %-14s", when, s->exercise);
	if (s->posture_alerts > 0 || bc_exercise_from_name(s->exercise) == BC_EXERCISE_POSTURE) {
		fprintf(out, "  %2d slouch alert%s in %.0f min\n", s->posture_alerts,
			s->posture_alerts == 1 ? "" : "s", s->duration_s / 60.0);
		return 0;
	}
	if (s->target_reps > 0)
		fprintf(out, "  %2d/%-2d reps", s->reps, s->target_reps);
	else
		fprintf(out, "  %2d reps", s->reps);
	if (s->per_side)
		fprintf(out, " (left %d, right %d)", s->reps_left, s->reps_right);
	else if (one_sided(s))
		fprintf(out, " (sides not recorded)");
	if (s->rejected > 0)
		fprintf(out, "  %d rejected (%s)", s->rejected,
			reason_name(bc_history_session_top_reason(s)));
	if (isfinite(s->max_hold_s) && s->hold_target_s > 0)
		fprintf(out, "  best hold %.1f s", (double)s->max_hold_s);
	fputc('\n', out);
	return 0;
}

static void print_text_head(const history_view *v)
{
	char day[32];
	bc_local_time_text(v->now_unix_s, "%a %Y-%m-%d", day, sizeof(day));
	printf("history: %s%s\n", v->path, v->missing ? " (nothing stored yet)" : "");
	printf("today (%s): %d reps, %d rejected in %d session%s", day, v->today.reps,
	       v->today.rejected, v->today.sessions, v->today.sessions == 1 ? "" : "s");
	if (isfinite(v->today.max_hold_s))
		printf(", best hold %.1f s", (double)v->today.max_hold_s);
	printf("\nstreak: %d day%s\n", v->streak_days, v->streak_days == 1 ? "" : "s");
	if (v->days == 1)
		printf("sessions today:\n");
	else
		printf("sessions in the last %d days:\n", v->days);
}

/* JSON output */

/* bc_json_key_number writes NAN (no value) as null. */
static int print_session_json(const bc_history_session *s, void *user)
{
	history_view *v = user;
	bc_json_writer *w = &v->json;
	char local[32];
	bc_json_object_begin(w);
	bc_json_key_int(w, "id", (long)s->id);
	bc_json_key_string(w, "started", s->started_utc);
	bc_json_key_number(w, "started_unix_s", (double)s->started_unix_s, 0);
	bc_json_key_string(
		w, "local_time",
		bc_local_time_text(s->started_unix_s, "%Y-%m-%dT%H:%M:%S", local, sizeof(local)));
	bc_json_key_string(w, "exercise", s->exercise);
	bc_json_key_number(w, "duration_s", s->duration_s, 1);
	bc_json_key_int(w, "reps", s->reps);
	/* As replay --json: one-sided exercises only; null when stored before sides were. */
	if (one_sided(s)) {
		bc_json_key(w, "sides");
		if (s->per_side) {
			bc_json_object_begin(w);
			bc_json_key_int(w, "left", s->reps_left);
			bc_json_key_int(w, "right", s->reps_right);
			bc_json_object_end(w);
		} else {
			bc_json_null(w);
		}
	}
	bc_json_key_int(w, "target_reps", s->target_reps);
	bc_json_key_int(w, "rejected", s->rejected);
	bc_json_key(w, "rejected_by_reason");
	bc_json_object_begin(w);
	for (int r = 0; r < BC_REJECT_COUNT; r++)
		if (s->rejected_by_reason[r] > 0)
			bc_json_key_int(w, reason_name(r), s->rejected_by_reason[r]);
	bc_json_object_end(w);
	bc_json_key(w, "top_reason");
	if (s->rejected > 0)
		bc_json_string(w, reason_name(bc_history_session_top_reason(s)));
	else
		bc_json_null(w);
	bc_json_key_number(w, "hold_target_s", s->hold_target_s, 2);
	bc_json_key_number(w, "mean_hold_s", s->mean_hold_s, 2);
	bc_json_key_number(w, "max_hold_s", s->max_hold_s, 2);
	bc_json_key_number(w, "peak_deg_max", s->peak_deg_max, 2);
	bc_json_key_int(w, "posture_alerts", s->posture_alerts);
	bc_json_key(w, "trace");
	if (s->trace_path)
		bc_json_string(w, s->trace_path);
	else
		bc_json_null(w);
	bc_json_object_end(w);
	return 0;
}

static void json_head(history_view *v)
{
	bc_json_writer *w = &v->json;
	char text[32];
	bc_json_object_begin(w);
	bc_json_key_string(w, "db", v->path);
	bc_json_key(w, "exists");
	bc_json_bool(w, !v->missing);
	bc_json_key_string(w, "now", bc_utc_iso8601(v->now_unix_s, text, sizeof(text)));
	bc_json_key_int(w, "days", v->days);
	bc_json_key(w, "today");
	bc_json_object_begin(w);
	bc_json_key_string(w, "date",
			   bc_local_time_text(v->now_unix_s, "%Y-%m-%d", text, sizeof(text)));
	bc_json_key_int(w, "sessions", v->today.sessions);
	bc_json_key_int(w, "reps", v->today.reps);
	bc_json_key_int(w, "rejected", v->today.rejected);
	bc_json_key_int(w, "posture_alerts", v->today.posture_alerts);
	bc_json_key_number(w, "duration_s", v->today.duration_s, 1);
	bc_json_key_number(w, "max_hold_s", v->today.max_hold_s, 2);
	bc_json_object_end(w);
	bc_json_key_int(w, "streak_days", v->streak_days);
	bc_json_key(w, "sessions");
	bc_json_array_begin(w);
}

/* The command */

/* Reads everything into v (sessions rendered into v->out); 0, or -1 + h's error. */
static int gather(bc_history *h, history_view *v)
{
	if (bc_history_today(h, v->now_unix_s, NULL, &v->today) < 0)
		return -1;
	if ((v->streak_days = bc_history_streak_days(h, v->now_unix_s)) < 0)
		return -1;
	int64_t since = bc_local_day_start(v->now_unix_s, -(v->days - 1));
	if (v->use_json) {
		bc_json_init(&v->json, v->out);
		json_head(v);
	}
	bc_history_session_fn fn = v->use_json ? print_session_json : print_session_text;
	int n = bc_history_recent(h, 0, since, fn, v);
	if (n < 0)
		return -1;
	if (v->use_json) {
		bc_json_array_end(&v->json);
		bc_json_object_end(&v->json);
		fputc('\n', v->out);
	} else if (n == 0) {
		fprintf(v->out, "  none\n");
	}
	return 0;
}

int cmd_history(int argc, char **argv)
{
	history_options o;
	parse_options(argc, argv, &o);
	history_view v = { .use_json = o.json, .days = o.days };

	char default_path[4096];
	v.path = o.db_path;
	if (o.profile) {
		char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], err[256];
		int n = bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err));
		if (n < 0 || bc_profiles_find(names, n, o.profile) < 0) {
			fprintf(stderr, "backcoach history: no profile '%s' (backcoach profile)\n",
				o.profile);
			return BC_EXIT_FAILURE;
		}
		v.path = bc_profile_file(o.profile, "history.sqlite3", default_path,
					 sizeof(default_path));
	}
	if (!v.path)
		v.path = bc_history_default_path(default_path, sizeof(default_path));
	if (!v.path) {
		fprintf(stderr, "backcoach history: no history location: set HOME or "
				"BACKCOACH_HOME, or give --db FILE\n");
		return BC_EXIT_FAILURE;
	}
	/* looking must not create: an absent file reads as an empty history */
	struct stat st;
	v.missing = stat(v.path, &st) != 0 && errno == ENOENT;

	char err[BC_HISTORY_ERROR_MAX];
	bc_history *h = bc_history_open(v.missing ? ":memory:" : v.path, err, sizeof(err));
	if (!h) {
		fprintf(stderr, "backcoach history: %s\n", err);
		return BC_EXIT_FAILURE;
	}
	v.now_unix_s = (int64_t)time(NULL);

	char *text = NULL;
	size_t len = 0;
	int status = BC_EXIT_FAILURE;
	v.out = open_memstream(&text, &len);
	if (!v.out) {
		perror("backcoach history");
		goto out;
	}
	int got = gather(h, &v);
	if (fclose(v.out) != 0 || !text) {
		perror("backcoach history");
		goto out;
	}
	if (got < 0) {
		fprintf(stderr, "backcoach history: %s\n", bc_history_error(h));
		goto out;
	}
	if (!v.use_json)
		print_text_head(&v);
	fwrite(text, 1, len, stdout);
	status = bc_cli_flush_stdout(&command);
out:
	free(text);
	bc_history_close(h);
	return status;
}
