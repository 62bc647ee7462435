/* SPDX-License-Identifier: MIT */
/* The coach's words from its events: see spoken_words.h. */
#include "coach/spoken_words.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "coach/calib_words.h"
#include "coach/exercise_table.h"
#include "detect/detector.h"

/* Definitions */

/* A countdown says the last seconds, and every ten before them. */
#define COUNTDOWN_LAST_S  3
#define COUNTDOWN_EVERY_S 10

/* Functions */

void bc_number_words(int n, char *buf, size_t size)
{
	static const char *const small[20] = {
		"zero",	    "one",     "two",	  "three",     "four",	   "five",     "six",
		"seven",    "eight",   "nine",	  "ten",       "eleven",   "twelve",   "thirteen",
		"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
	};
	static const char *const tens[10] = { "",      "",	"twenty",  "thirty", "forty",
					      "fifty", "sixty", "seventy", "eighty", "ninety" };
	if (n >= 0 && n < 20)
		snprintf(buf, size, "%s", small[n]);
	else if (n >= 20 && n < 100 && n % 10 == 0)
		snprintf(buf, size, "%s", tens[n / 10]);
	else if (n >= 20 && n < 100)
		snprintf(buf, size, "%s %s", tens[n / 10], small[n % 10]);
	else
		snprintf(buf, size, "%d", n);
}

static const bc_exercise_row *row_of(bc_exercise_id ex)
{
	static const bc_exercise_row none = { .go = "Go", .release = "Release slowly" };
	const bc_exercise_row *r = bc_exercise_row_of(ex);
	return r ? r : &none;
}

/* "7" or "2.5": seconds as a person says them (a tenth where it matters). */
static void figure(float v, char *buf, size_t size)
{
	float a = fabsf(v);
	if (fabsf(a - roundf(a)) < 0.05f)
		snprintf(buf, size, "%.0f", (double)a);
	else
		snprintf(buf, size, "%.1f", (double)a);
}

/* Degrees and centimetres: whole ones (a sensor on the back is no finer). */
static void whole(float v, char *buf, size_t size)
{
	snprintf(buf, size, "%.0f", (double)fabsf(v));
}

/*
 * "go further: reached 8°, aim for 15°" and the like: the reason as what
 * to do next, then the figures that show how far off it was.
 */
void bc_not_counted_words(const bc_coach_event *e, bc_exercise_id ex, char *buf, size_t size)
{
	char got[16], aim[16];
	whole(e->peak_deg, got, sizeof(got));
	whole(e->target_deg, aim, sizeof(aim));
	switch (e->reason) {
	case BC_REJECT_TOO_LITTLE_RANGE:
		if (e->depth_target_cm > 0.0f) {
			whole(e->depth_cm, got, sizeof(got));
			whole(e->depth_target_cm, aim, sizeof(aim));
			snprintf(buf, size, "squat lower: reached %s cm, aim for %s cm", got, aim);
		} else if (ex == BC_EXERCISE_CAT_COW && e->target_deg > 0.0f) {
			snprintf(buf, size, "go further both ways: at least %s\u00b0 each", aim);
		} else if (e->target_deg > 0.0f) {
			snprintf(buf, size, "go further: reached %s\u00b0, aim for %s\u00b0", got,
				 aim);
		} else {
			snprintf(buf, size, "go further");
		}
		return;
	case BC_REJECT_HOLD_TOO_SHORT:
		figure(e->hold_target_s, aim, sizeof(aim));
		figure(e->hold_s, got, sizeof(got));
		if (e->hold_target_s > 0.0f)
			snprintf(buf, size, "hold for %s s, you held %s s", aim, got);
		else
			snprintf(buf, size, "hold it longer");
		return;
	case BC_REJECT_NOT_LEVEL:
		if (e->low_side == BC_SIDE_LEFT || e->low_side == BC_SIDE_RIGHT)
			snprintf(buf, size, "keep your hips level: your %s hip dropped",
				 bc_side_text(e->low_side));
		else
			snprintf(buf, size, "keep your hips level");
		return;
	case BC_REJECT_RUSHED:
		if (e->phase_min_s > 0.0f) {
			figure(e->phase_min_s, aim, sizeof(aim));
			snprintf(buf, size, "slow down: at least %s s each way", aim);
		} else {
			snprintf(buf, size, "slow down");
		}
		return;
	case BC_REJECT_WRONG_DIRECTION:
		snprintf(buf, size, "other way: tuck your tailbone, don't arch");
		return;
	case BC_REJECT_LEANING_TOO_FAR:
		snprintf(buf, size, "bend your knees, chest up: leaned %s\u00b0, at most %s\u00b0",
			 got, aim);
		return;
	case BC_REJECT_ROLLED_ONTO_SIDE:
		snprintf(buf, size, "not so far: turned %s\u00b0, at most %s\u00b0", got, aim);
		return;
	case BC_REJECT_NOT_UPRIGHT:
		snprintf(buf, size,
			 "stay upright as you squeeze: leaned %s\u00b0, at most %s\u00b0", got,
			 aim);
		return;
	case BC_REJECT_NONE:
	case BC_REJECT_COUNT:
	default:
		snprintf(buf, size, "attempt incomplete");
		return;
	}
}

/*
 * Units the speech engine would spell out letter by letter: " s" and " cm"
 * as words, in place. Degrees ("°") it reads itself.
 */
static void speakable(char *buf, size_t size)
{
	static const struct {
		const char *unit, *one, *many;
	} units[] = { { " s", " second", " seconds" }, { " cm", " centimetre", " centimetres" } };
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		size_t ulen = strlen(units[u].unit);
		for (char *p = strstr(buf, units[u].unit); p; p = strstr(p + 1, units[u].unit)) {
			if (isalnum((unsigned char)p[ulen]) || p == buf ||
			    !isdigit((unsigned char)p[-1]))
				continue;
			/* "1 s" is one second; "0.1 s", "21 s" are seconds. */
			bool one = p[-1] == '1' && (p - 1 == buf || p[-2] == ' ');
			const char *word = one ? units[u].one : units[u].many;
			size_t wlen = strlen(word), len = strlen(buf);
			if (len + wlen - ulen + 1 > size)
				return;
			memmove(p + wlen, p + ulen, len - (size_t)(p - buf) - ulen + 1);
			memcpy(p, word, wlen);
		}
	}
}

/* Whether the screen's cue is worth saying aloud: a correction, a step, the pace. */
static bool cue_is_spoken(int hint)
{
	switch (hint) {
	case BC_HINT_GET_READY:	   /* calibration: what to do to get ready */
	case BC_HINT_KEEP_LEVEL:   /* corrections while the attempt can still count */
	case BC_HINT_BACK_IN_ZONE: /* (the wrong way, too far and too fast cannot:
				    * their reason says it, once) */
	case BC_HINT_STAY_UPRIGHT:
	case BC_HINT_CAT: /* the pace of the cycle */
	case BC_HINT_COW:
	case BC_HINT_BREATHE_IN:
	case BC_HINT_SQUEEZE:
	case BC_HINT_RELAX:
		return true;
	default:
		return false;
	}
}

/* "Left leg: pull your knee to your chest": the go words for side (NONE: none). */
static void go_words(const bc_exercise_row *r, bc_side side, char *buf, size_t size)
{
	if ((side == BC_SIDE_LEFT || side == BC_SIDE_RIGHT) && r->limb)
		snprintf(buf, size, "%s %s: %c%s", side == BC_SIDE_LEFT ? "Left" : "Right", r->limb,
			 tolower((unsigned char)r->go[0]), r->go + 1);
	else
		snprintf(buf, size, "%s", r->go);
}

/*
 * The count, and for a guided one-sided exercise the side asked for next.
 * "That's three", not "three": it follows a countdown of bare numbers.
 */
static void count_words(const bc_coach_event *e, const bc_exercise_row *r, char *buf, size_t size)
{
	char n[24];
	bc_number_words(e->reps, n, sizeof(n));
	bool sided = e->side == BC_SIDE_LEFT || e->side == BC_SIDE_RIGHT;
	if (r->sides == BC_SIDES_GUIDED && sided && r->limb)
		snprintf(buf, size, "That's %s. Now the %s %s", n,
			 bc_side_text(bc_side_other(e->side)), r->limb);
	else if (r->sides == BC_SIDES_MEASURED && sided)
		snprintf(buf, size, "That's %s, %s leg", n, bc_side_text(e->side));
	else
		snprintf(buf, size, "That's %s", n);
}

/* During a hold: "three", "two", "one", and "twenty to go" every ten seconds before. */
static bool countdown_words(const bc_coach_event *e, char *buf, size_t size)
{
	if (!(e->hold_target_s > 0.0f))
		return false;
	int left_s = (int)ceilf(e->hold_target_s - e->hold_s);
	char n[24];
	bc_number_words(left_s, n, sizeof(n));
	if (left_s > 0 && left_s <= COUNTDOWN_LAST_S)
		snprintf(buf, size, "%s", n);
	else if (left_s > 0 && left_s % COUNTDOWN_EVERY_S == 0)
		snprintf(buf, size, "%s to go", n);
	else
		return false;
	return true;
}

static bc_spoken_kind words_of(const bc_coach_event *e, bc_exercise_id ex, char *buf, size_t size)
{
	const bc_exercise_row *r = row_of(ex);
	char why[BC_EVENT_TEXT_MAX], go[BC_EVENT_TEXT_MAX];
	switch (e->type) {
	case BC_EVENT_START_REACHED:
		if (r->monitor) {
			snprintf(buf, size, "Ready. I will tell you when you slouch");
		} else {
			go_words(r, r->sides == BC_SIDES_GUIDED ? BC_SIDE_LEFT : BC_SIDE_NONE, go,
				 sizeof(go));
			snprintf(buf, size, "Ready. %s", go);
		}
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_CUE:
		if (!cue_is_spoken(e->hint))
			return BC_SPOKEN_NONE;
		/* Calibrated: the start gate opens within a second, and "Ready" says so. */
		bc_calib_cue(BC_WAIT_NONE, ex, go, sizeof(go));
		if (e->hint == BC_HINT_GET_READY && !strcmp(e->text, go))
			return BC_SPOKEN_NONE;
		snprintf(buf, size, "%s", e->text);
		return BC_SPOKEN_GUIDE;
	case BC_EVENT_HOLD_START:
		/* A paced hold's cue ("Squeeze and hold") says it at the same moment. */
		if (r->monitor || !(e->hold_target_s > 0.0f) || r->detect.ops == &bc_paced_hold_ops)
			return BC_SPOKEN_NONE;
		/* Not a number: it stays true as long as the hold does, never stale. */
		snprintf(buf, size, "Hold");
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_HOLD_PROGRESS:
		return !r->monitor && countdown_words(e, buf, size) ? BC_SPOKEN_COUNTDOWN
								    : BC_SPOKEN_NONE;
	case BC_EVENT_HOLD_DONE:
		if (r->monitor || !(e->hold_target_s > 0.0f))
			return BC_SPOKEN_NONE;
		snprintf(buf, size, "Done");
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_REP:
		if (r->monitor)
			snprintf(buf, size, "You are slouching. Sit up straight");
		else
			count_words(e, r, buf, size);
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_REJECTED:
		bc_not_counted_words(e, ex, why, sizeof(why));
		snprintf(buf, size, "Not counted: %s", why);
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_SET_DONE:
		snprintf(buf, size, "That's the set: %d. Well done", e->reps);
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_SUMMARY:
		if (r->monitor)
			snprintf(buf, size, "Posture monitor stopped");
		else
			snprintf(buf, size, "Session over: %d counted", e->reps);
		return BC_SPOKEN_OUTCOME;
	case BC_EVENT_CALIBRATION: /* the step's words come with its CUE */
	case BC_EVENT_PHASE:
	case BC_EVENT_DROPOUT:
	default:
		return BC_SPOKEN_NONE;
	}
}

bc_spoken_kind bc_spoken_words(const bc_coach_event *e, bc_exercise_id ex, char *buf, size_t size)
{
	if (size == 0)
		return BC_SPOKEN_NONE;
	buf[0] = '\0';
	bc_spoken_kind kind = words_of(e, ex, buf, size);
	if (kind == BC_SPOKEN_NONE)
		buf[0] = '\0';
	else
		speakable(buf, size);
	return kind;
}

bc_spoken_kind bc_set_end_words(const bc_set_end *e, char *buf, size_t size)
{
	if (size == 0)
		return BC_SPOKEN_NONE;
	/* The set's summary in the words a set ending by itself has (SET_DONE's). */
	bc_coach_event done = { .type = BC_EVENT_SET_DONE, .reps = e->reps };
	char summary[BC_EVENT_TEXT_MAX], rest[24];
	words_of(&done, BC_EXERCISE_NONE, summary, sizeof(summary));
	const bc_exercise_info *next = bc_exercise_info_get(e->next);
	if (!next) {
		snprintf(buf, size, "%s. That's all for today", summary);
		return BC_SPOKEN_OUTCOME;
	}
	figure(e->rest_s, rest, sizeof(rest));
	snprintf(buf, size, "%s. Rest %s s. Next: %s, set %d of %d", summary, rest, next->title,
		 e->next_set, e->next_sets);
	speakable(buf, size);
	return BC_SPOKEN_OUTCOME;
}

bc_spoken_kind bc_set_start_words(int set, int sets, char *buf, size_t size)
{
	if (size == 0)
		return BC_SPOKEN_NONE;
	snprintf(buf, size, "Set %d of %d: go", set, sets);
	return BC_SPOKEN_OUTCOME;
}

void bc_go_words(bc_exercise_id ex, bc_side side, char *buf, size_t size)
{
	go_words(row_of(ex), side, buf, size);
}
