/* SPDX-License-Identifier: MIT */
#include "coach/settings.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- The keys ----------------------------------------------------------- */

typedef enum { KEY_FLOAT, KEY_INT, KEY_BOOL } key_type;

typedef struct {
	const char *name;
	key_type type;
	size_t offset;	/* into bc_coach_settings */
	float min, max; /* allowed range (inclusive) */
	const char *doc;
} key_info;

#define OFF(field) offsetof(bc_coach_settings, field)
#define F(name, field, lo, hi, doc)                      \
	{                                                \
		name, KEY_FLOAT, OFF(field), lo, hi, doc \
	}

/* The keys of the tilt-and-hold machine, for one exercise. */
#define TILT_KEYS(ex, id, member)                                                                  \
	F(ex ".hold_s", hold_s[id], 0, 600, "hold target, seconds"),                               \
		F(ex ".enter_deg", detect.member.enter_deg, 1, 90,                                 \
		  "the hold zone starts this far from the start position, degrees"),               \
		F(ex ".exit_deg", detect.member.exit_deg, 0.5f, 90,                                \
		  "...and is left below this, degrees (less than enter_deg)"),                     \
		F(ex ".attempt_deg", detect.member.attempt_deg, 0.5f, 90,                          \
		  "an attempt starts past this, degrees"),                                         \
		F(ex ".rest_deg", detect.member.rest_deg, 0.2f, 90,                                \
		  "back at rest below this, degrees (less than attempt_deg)"),                     \
		F(ex ".wrong_deg", detect.member.wrong_deg, 0.5f, 90,                              \
		  "this far the opposite way is the wrong direction, degrees"),                    \
		F(ex ".max_deg", detect.member.max_deg, 5, 180,                                    \
		  "beyond +-this it is not this exercise (sat or stood up), degrees"),             \
		F(ex ".roll_off_deg", detect.member.roll_off_deg, 0, 180,                          \
		  "rolled onto the side beyond this is not this exercise, degrees (0: no check)"), \
		F(ex ".min_attempt_s", detect.member.min_attempt_s, 0, 10,                         \
		  "shorter excursions that never reach the zone are ignored, seconds"),            \
		F(ex ".settle_s", detect.member.settle_s, 0.5f, 60,                                \
		  "stopped short of the zone or of rest this long ends the attempt, seconds"),     \
	{                                                                                          \
		ex ".count_at_hold_done", KEY_BOOL, OFF(detect.member.count_at_hold_done), 0, 1,   \
			"yes: the rep counts when the hold target is reached; no: when released"   \
	}

static const key_info keys[] = {
	{ "target_reps", KEY_INT, OFF(target_reps), 1, 1000, "reps (or holds) per set" },
	F("feedback_s", feedback_s, 0, 60,
	  "a rep's or rejection's message shows this long, seconds"),
	F("start_tol_deg", detect.start_tol_deg, 0.5f, 30,
	  "start position: within this of the calibrated start, degrees"),
	F("start_hold_s", detect.start_hold_s, 0, 30,
	  "...held this long after calibration before anything counts, seconds"),
	F("wobble_max_s", detect.wobble_max_s, 0, 10,
	  "leaving a hold zone for less than this pauses the hold, seconds"),

	TILT_KEYS("pelvic-tilt", BC_EXERCISE_PELVIC_TILT, pelvic_tilt),
	TILT_KEYS("bridge", BC_EXERCISE_BRIDGE, bridge),
	F("bridge.level_max_deg", detect.bridge.level_max_deg, 0, 90,
	  "pelvis rolled to one side this much or more is not level, degrees (0: no check)"),
	F("bridge.level_min_s", detect.bridge.level_min_s, 0, 30,
	  "not level this long during the hold rejects the bridge, seconds"),
	TILT_KEYS("knee-to-chest", BC_EXERCISE_KNEE_TO_CHEST, knee_to_chest),
	TILT_KEYS("childs-pose", BC_EXERCISE_CHILDS_POSE, childs_pose),
	F("childs-pose.min_incline_deg", detect.childs_pose.min_incline_deg, 0, 90,
	  "trunk nearer vertical than this is not child's pose (standing), degrees"),

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
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

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

static const key_info *find_key(const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static int set_key(bc_coach_settings *s, const char *key, const char *value, int line,
		   bc_settings_error *err)
{
	const key_info *k = find_key(key);
	if (!k)
		return fail(err, line, key, "unknown setting \"%s\"", key);
	char *p = (char *)s + k->offset;
	char *end = NULL;
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
	return 0;
}

int bc_settings_validate(const bc_coach_settings *s, bc_settings_error *err)
{
	/* Ranges first (a struct built in code may not have come through set_key). */
	for (size_t i = 0; i < NKEYS; i++) {
		const key_info *k = &keys[i];
		const char *p = (const char *)s + k->offset;
		double v;
		if (k->type == KEY_BOOL)
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
	if (check_tilt("pelvic-tilt", &d->pelvic_tilt, err) ||
	    check_tilt("bridge", &d->bridge, err) ||
	    check_tilt("knee-to-chest", &d->knee_to_chest, err) ||
	    check_tilt("childs-pose", &d->childs_pose, err) ||
	    check_order("cat-cow", "rest_deg", d->cat_cow.rest_deg, "attempt_deg",
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
	return 0;
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
	for (size_t i = 0; i < NKEYS; i++) {
		const key_info *k = &keys[i];
		const char *p = (const char *)s + k->offset;
		PUT("\n# %s\n", k->doc);
		if (k->type == KEY_BOOL) {
			bool v;
			memcpy(&v, p, sizeof(v));
			PUT("%s = %s\n", k->name, v ? "yes" : "no");
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
