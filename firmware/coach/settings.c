/* SPDX-License-Identifier: MIT */
#include "coach/settings.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach/exercise_table.h"

/* ---- The keys ----------------------------------------------------------- */

typedef enum { KEY_FLOAT, KEY_INT, KEY_BOOL, KEY_TEXT, KEY_EXERCISE } key_type;

typedef struct {
	const char *name;
	key_type type;
	size_t offset;	/* into bc_coach_settings (tilt_keys: into bc_tilt_hold_settings) */
	float min, max; /* allowed range (inclusive); KEY_TEXT: max is its room in bytes */
	const char *doc;
} key_info;

#define OFF(field) offsetof(bc_coach_settings, field)
#define F(name, field, lo, hi, doc)                      \
	{                                                \
		name, KEY_FLOAT, OFF(field), lo, hi, doc \
	}

/* The keys before the exercises'. */
static const key_info general_keys[] = {
	{ "target_reps", KEY_INT, OFF(target_reps), 1, 1000, "reps (or holds) per set" },
	F("feedback_s", feedback_s, 0, 60,
	  "a rep's or rejection's message shows this long, seconds"),
	F("start_tol_deg", detect.start_tol_deg, 0.5f, 30,
	  "start position: within this of the calibrated start, degrees"),
	F("start_hold_s", detect.start_hold_s, 0, 30,
	  "...held this long after calibration before anything counts, seconds"),
	F("wobble_max_s", detect.wobble_max_s, 0, 10,
	  "leaving a hold zone for less than this pauses the hold, seconds"),
};

/* An optional check (0: no check) has keys only where the row's default uses it. */
typedef enum { ALWAYS, IF_LEVEL_CHECK, IF_INCLINE_CHECK, IF_FAR_CHECK, IF_ZONE_CHECK } key_when;

typedef struct {
	key_info k; /* name after "exercise.", offset into bc_tilt_hold_settings */
	key_when when;
} tilt_key;

#define TOFF(field) offsetof(bc_tilt_hold_settings, field)
#define T(name, field, lo, hi, doc)                                   \
	{                                                             \
		{ name, KEY_FLOAT, TOFF(field), lo, hi, doc }, ALWAYS \
	}

/* Every tilt-and-hold exercise's keys, each "name.hold_s" first (key_at). */
static const tilt_key tilt_keys[] = {
	T("enter_deg", enter_deg, 1, 90,
	  "the hold zone starts this far from the start position, degrees"),
	T("exit_deg", exit_deg, 0.5f, 90,
	  "...and is left below this, degrees (less than enter_deg)"),
	T("attempt_deg", attempt_deg, 0.5f, 90, "an attempt starts past this, degrees"),
	T("rest_deg", rest_deg, 0.2f, 90,
	  "back at rest below this, degrees (less than attempt_deg)"),
	T("wrong_deg", wrong_deg, 0.5f, 90,
	  "this far the opposite way is the wrong direction, degrees"),
	T("max_deg", max_deg, 5, 180,
	  "beyond +-this it is not this exercise (sat or stood up), degrees"),
	T("roll_off_deg", roll_off_deg, 0, 180,
	  "rolled onto the side beyond this is not this exercise, degrees (0: no check)"),
	T("min_attempt_s", min_attempt_s, 0, 10,
	  "shorter excursions that never reach the zone are ignored, seconds"),
	T("settle_s", settle_s, 0.5f, 60,
	  "stopped short of the zone or of rest this long ends the attempt, seconds"),
	{ { "count_at_hold_done", KEY_BOOL, TOFF(count_at_hold_done), 0, 1,
	    "yes: the rep counts when the hold target is reached; no: when released" },
	  ALWAYS },
	{ { "level_max_deg", KEY_FLOAT, TOFF(level_max_deg), 0, 90,
	    "pelvis rolled to one side this much or more is not level, degrees (0: no check)" },
	  IF_LEVEL_CHECK },
	{ { "level_min_s", KEY_FLOAT, TOFF(level_min_s), 0, 30,
	    "not level this long during the hold rejects the %s, seconds" },
	  IF_LEVEL_CHECK },
	{ { "min_incline_deg", KEY_FLOAT, TOFF(min_incline_deg), 0, 90,
	    "trunk nearer vertical than this is not %s (standing), degrees" },
	  IF_INCLINE_CHECK },
	{ { "far_deg", KEY_FLOAT, TOFF(far_deg), 0, 180,
	    "past this the %s went too far and is rejected, degrees (0: no check)" },
	  IF_FAR_CHECK },
	{ { "min_zone_s", KEY_FLOAT, TOFF(min_zone_s), 0, 30,
	    "in the zone shorter than this is passing through, not a %s, seconds" },
	  IF_ZONE_CHECK },
};

/* The keys after the tilt-and-hold exercises': the other machines'. */
static const key_info other_keys[] = {
	F("cat-cow.enter_deg", detect.cat_cow.enter_deg, 1, 90,
	  "cat at +enter_deg or beyond, cow at -enter_deg or beyond, degrees"),
	F("cat-cow.exit_deg", detect.cat_cow.exit_deg, 0.5f, 90,
	  "a phase is left back inside this, degrees (less than enter_deg)"),
	F("cat-cow.attempt_deg", detect.cat_cow.attempt_deg, 0.5f, 90,
	  "a half-cycle starts beyond this, degrees"),
	F("cat-cow.rest_deg", detect.cat_cow.rest_deg, 0.2f, 90,
	  "...and ends back inside this, degrees (less than attempt_deg)"),
	F("cat-cow.min_phase_s", detect.cat_cow.min_phase_s, 0, 30,
	  "each phase held at least this long, else rushed, seconds"),
	F("cat-cow.max_deg", detect.cat_cow.max_deg, 5, 180,
	  "beyond this it is not cat-cow, degrees"),
	F("cat-cow.max_pause_s", detect.cat_cow.max_pause_s, 0.2f, 30,
	  "a cat (or cow) waits this long at neutral for the other half, seconds"),

	F("posture.slouch_deg", detect.posture.slouch_deg, 1, 90,
	  "this far from the upright start is a slouch, degrees"),
	F("posture.slouch_exit_deg", detect.posture.slouch_exit_deg, 0.5f, 90,
	  "...until back within this, degrees (less than slouch_deg)"),
	F("posture.alert_delay_s", detect.posture.alert_delay_s, 1, 3600,
	  "slouching this long raises an alert, seconds"),
	F("posture.repeat_s", detect.posture.repeat_s, 1, 3600,
	  "then again every repeat_s while the slouch lasts, seconds"),
	F("posture.standing_max_deg", detect.posture.standing_max_deg, 0, 45,
	  "trunk within this of the standing vertical is standing (silent), degrees"),
	F("posture.walk_rate_dps", detect.posture.walk_rate_dps, 1, 500,
	  "turning at least this fast is walking-like activity, degrees per second"),
	F("posture.active_share", detect.posture.active_share, 0.05f, 1,
	  "active more than this share of recent time is walking (silent)"),
	F("posture.active_tau_s", detect.posture.active_tau_s, 0.1f, 60,
	  "how recent \"recent time\" is for active_share, seconds"),

	F("deep-squat.hold_s", hold_s[BC_EXERCISE_DEEP_SQUAT], 0, 600,
	  "time lowered by at least depth_cm that counts, seconds (0: a quick squat counts)"),
	F("deep-squat.depth_cm", detect.squat.depth_cm, 5, 100,
	  "the lower back lowered at least this far below standing is a squat, centimetres"),
	F("deep-squat.max_lean_deg", detect.squat.max_lean_deg, 10, 90,
	  "leaning further than this from upright is a stoop, not a squat, degrees"),
	F("shoulder-squeeze.lead_in_s", detect.paced.lead_in_s, 0, 60,
	  "the first cycle starts this long after calibration, seconds"),
	F("shoulder-squeeze.breathe_in_s", detect.paced.breathe_in_s, 0.5f, 60,
	  "each cycle: breathe in this long, then squeeze for hold_s, seconds"),
	F("shoulder-squeeze.relax_s", detect.paced.relax_s, 0.5f, 60,
	  "...then relax this long, seconds"),
	F("shoulder-squeeze.upright_max_deg", detect.paced.upright_max_deg, 1, 90,
	  "the lean from the upright start stays within this through the hold, degrees"),
	F("shoulder-squeeze.upright_gap_deg", detect.paced.upright_gap_deg, 0, 10,
	  "...a spell beyond it ends this far back inside, degrees"),

	{ "voice.on", KEY_BOOL, OFF(voice.on), 0, 1,
	  "speak the coaching: counts, countdowns, reasons (M or the mute button silences all)" },
	{ "voice.name", KEY_TEXT, OFF(voice.name), 1, BC_VOICE_NAME_MAX,
	  "the espeak-ng voice or language: en, en-us, de, fr, ... (espeak-ng --voices)" },
	{ "voice.rate_wpm", KEY_INT, OFF(voice.rate_wpm), 80, 450,
	  "speaking rate, words per minute" },
	{ "voice.volume_pct", KEY_INT, OFF(voice.volume_pct), 0, 200,
	  "speech loudness, percent of normal (the tones stay as they are)" },
};

/*
 * The daily plan (daily_plan.h): plan.N = EXERCISE for N = 1..BC_PLAN_MAX_ITEMS,
 * each with plan.N.sets, .reps, .hold_s and .rest_s; then the progression.
 */
#define POFF(field) offsetof(bc_plan_item, field)
static const key_info plan_item_keys[] = {
	{ "", KEY_EXERCISE, POFF(exercise), 0, 0,
	  "daily plan item %d: an exercise name, or none (posture is a monitor, not a plan item)" },
	{ "sets", KEY_INT, POFF(sets), 0, 10, "...sets of it a day (0: the item is not used)" },
	{ "reps", KEY_INT, POFF(reps), 0, 1000, "...reps (or holds) per set (0: target_reps)" },
	{ "hold_s", KEY_FLOAT, POFF(hold_s), 0, 600,
	  "...hold per rep, seconds (0: the exercise's hold_s)" },
	{ "rest_s", KEY_FLOAT, POFF(rest_s), 0, 600,
	  "...rest after each set (and before the next item), seconds" },
};

static const key_info plan_keys[] = {
	F("plan.progress_hold_s", plan.progress_hold_s, 0, 60,
	  "progression: a plan item's hold grows this much after progress_days complete days "
	  "in a row, seconds (0: never)"),
	{
		"plan.progress_days",
		KEY_INT,
		OFF(plan.progress_days),
		1,
		365,
		"...complete days (every set of the item done) in a row for one step",
	},
	F("plan.progress_max_hold_s", plan.progress_max_hold_s, 0, 600,
	  "...holds grow no further than this, seconds"),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A key with its full name, its doc and its place in bc_coach_settings. */
typedef struct {
	char name[48];
	char doc[128];
	key_info k; /* k.name is name, k.doc is doc */
} named_key;

/* k for the exercise ex (none: BC_EXERCISE_NONE); "%s" in its doc names the exercise. */
static void put_key(named_key *out, const key_info *k, bc_exercise_id ex, size_t base)
{
	const bc_exercise_info *info = bc_exercise_info_get(ex);
	out->k = *k;
	out->k.offset += base;
	out->k.name = out->name;
	out->k.doc = out->doc;
	if (!info) {
		snprintf(out->name, sizeof(out->name), "%s", k->name);
		snprintf(out->doc, sizeof(out->doc), "%s", k->doc);
		return;
	}
	char title[32];
	snprintf(title, sizeof(title), "%s", info->title);
	title[0] = (char)tolower((unsigned char)title[0]);
	snprintf(out->name, sizeof(out->name), "%s.%s", info->name, k->name);
	snprintf(out->doc, sizeof(out->doc), k->doc, title);
}

static bool tilt_key_used(const tilt_key *t, const bc_tilt_hold_settings *defaults)
{
	switch (t->when) {
	case IF_LEVEL_CHECK:
		return defaults->level_max_deg > 0.0f;
	case IF_INCLINE_CHECK:
		return defaults->min_incline_deg > 0.0f;
	case IF_FAR_CHECK:
		return defaults->far_deg > 0.0f;
	case IF_ZONE_CHECK:
		return defaults->min_zone_s > 0.0f;
	default:
		return true;
	}
}

/* Plan key number i (items first, then the progression) into *out; false past the last. */
static bool plan_key_at(size_t i, named_key *out)
{
	size_t per_item = N(plan_item_keys);
	if (i < BC_PLAN_MAX_ITEMS * per_item) {
		int item = (int)(i / per_item);
		const key_info *k = &plan_item_keys[i % per_item];
		out->k = *k;
		out->k.offset += OFF(plan.items) + (size_t)item * sizeof(bc_plan_item);
		out->k.name = out->name;
		out->k.doc = out->doc;
		if (k->name[0])
			snprintf(out->name, sizeof(out->name), "plan.%d.%s", item + 1, k->name);
		else
			snprintf(out->name, sizeof(out->name), "plan.%d", item + 1);
		snprintf(out->doc, sizeof(out->doc), k->doc, item + 1);
		return true;
	}
	i -= BC_PLAN_MAX_ITEMS * per_item;
	if (i < N(plan_keys)) {
		put_key(out, &plan_keys[i], BC_EXERCISE_NONE, 0);
		return true;
	}
	return false;
}

/*
 * Key number i into *out; false past the last. The keys are generated from
 * the exercise table, so a tilt-and-hold row brings its keys with it. The
 * order is the file bc_settings_format writes: general, each tilt-and-hold
 * exercise in table order, then the other machines'.
 */
static bool key_at(size_t i, named_key *out)
{
	static const key_info hold = { "hold_s", KEY_FLOAT, 0, 0, 600, "hold target, seconds" };
	if (i < N(general_keys)) {
		put_key(out, &general_keys[i], BC_EXERCISE_NONE, 0);
		return true;
	}
	i -= N(general_keys);
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++) {
		if (!bc_exercise_is_tilt_hold(ex))
			continue;
		const bc_exercise_row *r = bc_exercise_row_of(ex);
		if (i-- == 0) {
			put_key(out, &hold, ex, OFF(hold_s) + (size_t)ex * sizeof(float));
			return true;
		}
		for (size_t t = 0; t < N(tilt_keys); t++) {
			if (!tilt_key_used(&tilt_keys[t], &r->detect.tilt.defaults))
				continue;
			if (i-- == 0) {
				put_key(out, &tilt_keys[t].k, ex,
					OFF(detect.tilt) +
						(size_t)ex * sizeof(bc_tilt_hold_settings));
				return true;
			}
		}
	}
	if (i < N(other_keys)) {
		put_key(out, &other_keys[i], BC_EXERCISE_NONE, 0);
		return true;
	}
	i -= N(other_keys);
	return plan_key_at(i, out);
}

/* ---- Errors -------------------------------------------------------------- */

static int fail(bc_settings_error *err, int line, const char *key, const char *fmt, ...)
{
	if (!err)
		return -1;
	err->line = line;
	snprintf(err->key, sizeof(err->key), "%s", key ? key : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- Parsing ------------------------------------------------------------- */

static bool find_key(const char *name, named_key *out)
{
	for (size_t i = 0; key_at(i, out); i++)
		if (strcmp(out->name, name) == 0)
			return true;
	return false;
}

/* A name (a voice, a language): letters, digits, '-', '_' and '+', and it must fit. */
static int set_text(char *p, const key_info *k, const char *value, int line, bc_settings_error *err)
{
	size_t len = strlen(value);
	if (len + 1 > (size_t)k->max)
		return fail(err, line, k->name, "%s: \"%s\" is too long (at most %d characters)",
			    k->name, value, (int)k->max - 1);
	for (const char *c = value; *c; c++)
		if (!isalnum((unsigned char)*c) && !strchr("-_+", *c))
			return fail(err, line, k->name,
				    "%s: \"%s\" is not a name (letters, digits, - _ +)", k->name,
				    value);
	memcpy(p, value, len + 1);
	return 0;
}

static int set_key(bc_coach_settings *s, const char *key, const char *value, int line,
		   bc_settings_error *err)
{
	named_key found;
	if (!find_key(key, &found))
		return fail(err, line, key, "unknown setting \"%s\"", key);
	const key_info *k = &found.k;
	char *p = (char *)s + k->offset;
	char *end = NULL;
	if (k->type == KEY_TEXT)
		return set_text(p, k, value, line, err);
	if (k->type == KEY_BOOL) {
		bool v;
		if (!strcmp(value, "yes") || !strcmp(value, "true") || !strcmp(value, "1"))
			v = true;
		else if (!strcmp(value, "no") || !strcmp(value, "false") || !strcmp(value, "0"))
			v = false;
		else
			return fail(err, line, key, "%s: \"%s\" is not yes or no", key, value);
		memcpy(p, &v, sizeof(v));
		return 0;
	}
	if (k->type == KEY_EXERCISE) {
		bc_exercise_id ex = strcmp(value, "none") ? bc_exercise_from_name(value)
							  : BC_EXERCISE_NONE;
		if (ex == BC_EXERCISE_NONE && strcmp(value, "none"))
			return fail(err, line, key, "%s: \"%s\" is not an exercise (or none)", key,
				    value);
		if (ex == BC_EXERCISE_POSTURE)
			return fail(err, line, key,
				    "%s: posture is a monitor, not an exercise of a plan", key);
		memcpy(p, &ex, sizeof(ex));
		return 0;
	}
	errno = 0;
	double v = k->type == KEY_INT ? (double)strtol(value, &end, 10) : strtod(value, &end);
	if (end == value || *end != '\0' || errno == ERANGE || !isfinite(v))
		return fail(err, line, key, "%s: \"%s\" is not a%s number", key, value,
			    k->type == KEY_INT ? " whole" : "");
	if (v < k->min || v > k->max)
		return fail(err, line, key, "%s: %s is out of range (%g to %g)", key, value,
			    (double)k->min, (double)k->max);
	if (k->type == KEY_INT) {
		int iv = (int)v;
		memcpy(p, &iv, sizeof(iv));
	} else {
		float fv = (float)v;
		memcpy(p, &fv, sizeof(fv));
	}
	return 0;
}

int bc_settings_set(bc_coach_settings *s, const char *key, const char *value,
		    bc_settings_error *err)
{
	bc_coach_settings tmp = *s;
	if (set_key(&tmp, key, value, 0, err) || bc_settings_validate(&tmp, err))
		return -1;
	*s = tmp;
	return 0;
}

static char *trim(char *a)
{
	while (*a == ' ' || *a == '\t')
		a++;
	char *e = a + strlen(a);
	while (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return a;
}

int bc_settings_parse(const char *text, bc_coach_settings *s, bc_settings_error *err)
{
	bc_coach_settings tmp = *s;
	char line[256];
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (len >= sizeof(line))
			return fail(err, lineno, NULL, "line %d is too long", lineno);
		memcpy(line, p, len);
		line[len] = '\0';
		p += len + (nl ? 1 : 0);

		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *body = trim(line);
		if (!*body)
			continue;
		char *eq = strchr(body, '=');
		if (!eq)
			return fail(err, lineno, NULL, "line %d: expected \"key = value\"", lineno);
		*eq = '\0';
		char *key = trim(body), *value = trim(eq + 1);
		if (!*value)
			return fail(err, lineno, key, "line %d: %s has no value", lineno, key);
		if (set_key(&tmp, key, value, lineno, err))
			return -1;
	}
	if (bc_settings_validate(&tmp, err))
		return -1;
	*s = tmp;
	return 0;
}

int bc_settings_load(const char *path, bc_coach_settings *s, bc_settings_error *err)
{
	static const size_t max_size = 64 * 1024;
	int ret = -1;
	char *text = NULL;
	FILE *f = fopen(path, "r");
	if (!f) {
		int e = errno;
		fail(err, 0, NULL, "%s: %s", path, strerror(e));
		errno = e;
		goto out;
	}
	text = malloc(max_size + 1);
	if (!text) {
		fail(err, 0, NULL, "%s: out of memory", path);
		goto out_close;
	}
	size_t n = fread(text, 1, max_size + 1, f);
	if (ferror(f)) {
		fail(err, 0, NULL, "%s: read error", path);
		goto out_free;
	}
	if (n > max_size) {
		fail(err, 0, NULL, "%s: larger than %zu bytes", path, max_size);
		errno = EFBIG;
		goto out_free;
	}
	text[n] = '\0';
	if (strlen(text) != n) {
		fail(err, 0, NULL, "%s: not a text file", path);
		errno = EINVAL;
		goto out_free;
	}
	ret = bc_settings_parse(text, s, err);
	if (ret && err) {
		/* Name the file too: "FILE:LINE: message". */
		char msg[160];
		snprintf(msg, sizeof(msg), "%.159s", err->message);
		/* Bounded so that the whole line always fits. */
		if (err->line > 0)
			snprintf(err->message, sizeof(err->message), "%.120s:%d: %s", path,
				 err->line, msg);
		else
			snprintf(err->message, sizeof(err->message), "%.120s: %s", path, msg);
		errno = EINVAL;
	}
out_free:
	free(text);
out_close:
	fclose(f);
out:
	return ret;
}

/* ---- Validation ----------------------------------------------------------- */

static int check_order(const char *ex, const char *lo_name, float lo, const char *hi_name, float hi,
		       bc_settings_error *err)
{
	if (lo < hi)
		return 0;
	char key[48];
	snprintf(key, sizeof(key), "%s.%s", ex, lo_name);
	return fail(err, 0, key, "%s (%g) must be less than %s.%s (%g)", key, (double)lo, ex,
		    hi_name, (double)hi);
}

static int check_tilt(const char *ex, const bc_tilt_hold_settings *t, bc_settings_error *err)
{
	if (check_order(ex, "rest_deg", t->rest_deg, "attempt_deg", t->attempt_deg, err) ||
	    check_order(ex, "attempt_deg", t->attempt_deg, "enter_deg", t->enter_deg, err) ||
	    check_order(ex, "exit_deg", t->exit_deg, "enter_deg", t->enter_deg, err) ||
	    check_order(ex, "rest_deg", t->rest_deg, "exit_deg", t->exit_deg, err) ||
	    check_order(ex, "enter_deg", t->enter_deg, "max_deg", t->max_deg, err))
		return -1;
	if (t->far_deg > 0.0f &&
	    (check_order(ex, "enter_deg", t->enter_deg, "far_deg", t->far_deg, err) ||
	     check_order(ex, "far_deg", t->far_deg, "max_deg", t->max_deg, err)))
		return -1;
	return 0;
}

/* A plan names real exercises, and no monitor (posture has no sets). */
static int check_plan(const bc_plan_settings *plan, bc_settings_error *err)
{
	for (int i = 0; i < BC_PLAN_MAX_ITEMS; i++) {
		bc_exercise_id ex = plan->items[i].exercise;
		char key[16];
		snprintf(key, sizeof(key), "plan.%d", i + 1);
		if (ex < BC_EXERCISE_NONE || ex >= BC_EXERCISE_COUNT)
			return fail(err, 0, key, "%s: not an exercise", key);
		if (ex == BC_EXERCISE_POSTURE)
			return fail(err, 0, key,
				    "%s: posture is a monitor, not an exercise of a plan", key);
	}
	return 0;
}

int bc_settings_validate(const bc_coach_settings *s, bc_settings_error *err)
{
	/* Ranges first (a struct built in code may not have come through set_key). */
	named_key found;
	for (size_t i = 0; key_at(i, &found); i++) {
		const key_info *k = &found.k;
		const char *p = (const char *)s + k->offset;
		double v;
		if (k->type == KEY_BOOL || k->type == KEY_TEXT || k->type == KEY_EXERCISE)
			continue;
		if (k->type == KEY_INT) {
			int iv;
			memcpy(&iv, p, sizeof(iv));
			v = iv;
		} else {
			float fv;
			memcpy(&fv, p, sizeof(fv));
			v = fv;
		}
		if (!(v >= k->min && v <= k->max))
			return fail(err, 0, k->name, "%s: %g is out of range (%g to %g)", k->name,
				    v, (double)k->min, (double)k->max);
	}
	const bc_detect_settings *d = &s->detect;
	for (int ex = 0; ex < BC_EXERCISE_COUNT; ex++)
		if (bc_exercise_is_tilt_hold(ex) &&
		    check_tilt(bc_exercise_info_get(ex)->name, &d->tilt[ex], err))
			return -1;
	if (check_order("cat-cow", "rest_deg", d->cat_cow.rest_deg, "attempt_deg",
			d->cat_cow.attempt_deg, err) ||
	    check_order("cat-cow", "exit_deg", d->cat_cow.exit_deg, "enter_deg",
			d->cat_cow.enter_deg, err) ||
	    check_order("cat-cow", "attempt_deg", d->cat_cow.attempt_deg, "enter_deg",
			d->cat_cow.enter_deg, err) ||
	    check_order("cat-cow", "enter_deg", d->cat_cow.enter_deg, "max_deg", d->cat_cow.max_deg,
			err) ||
	    check_order("posture", "slouch_exit_deg", d->posture.slouch_exit_deg, "slouch_deg",
			d->posture.slouch_deg, err))
		return -1;
	return check_plan(&s->plan, err);
}

/* ---- Writing --------------------------------------------------------------- */

size_t bc_settings_format(const bc_coach_settings *s, char *buf, size_t size)
{
	size_t used = 0;
#define PUT(...)                                                                      \
	do {                                                                          \
		int w_ = snprintf(buf && used < size ? buf + used : NULL,             \
				  buf && used < size ? size - used : 0, __VA_ARGS__); \
		if (w_ > 0)                                                           \
			used += (size_t)w_;                                           \
	} while (0)
	PUT("# backcoach settings: key = value; '#' starts a comment.\n");
	named_key found;
	for (size_t i = 0; key_at(i, &found); i++) {
		const key_info *k = &found.k;
		const char *p = (const char *)s + k->offset;
		PUT("\n# %s\n", k->doc);
		if (k->type == KEY_BOOL) {
			bool v;
			memcpy(&v, p, sizeof(v));
			PUT("%s = %s\n", k->name, v ? "yes" : "no");
		} else if (k->type == KEY_TEXT) {
			PUT("%s = %.*s\n", k->name, (int)k->max, p);
		} else if (k->type == KEY_EXERCISE) {
			bc_exercise_id v;
			memcpy(&v, p, sizeof(v));
			const bc_exercise_info *info = bc_exercise_info_get(v);
			PUT("%s = %s\n", k->name, info ? info->name : "none");
		} else if (k->type == KEY_INT) {
			int v;
			memcpy(&v, p, sizeof(v));
			PUT("%s = %d\n", k->name, v);
		} else {
			float v;
			memcpy(&v, p, sizeof(v));
			PUT("%s = %g\n", k->name, (double)v);
		}
	}
#undef PUT
	return used;
}
