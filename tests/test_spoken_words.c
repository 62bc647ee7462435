/* SPDX-License-Identifier: MIT */
/*
 * What the voice says (spoken_words.c) and what it gets to say when lines
 * come fast (speech_queue.c): the words for a replayed session are the ones
 * its known answer implies -- every count in order, every reason with what
 * to do, every hold's countdown, every side change, every slouch alert --
 * after the queue policy, with lines taking as long to say as speech does.
 * No audio here: test_app_voice renders real speech.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/speech_queue.h"
#include "coach/coach.h"
#include "coach/exercise_table.h"
#include "coach/spoken_words.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

/* Definitions */

/* Speech at 150 words a minute: about this long a character, plus a pause. */
#define SPEAK_S_PER_CHAR 0.065
#define SPEAK_PAUSE_S	 0.2
#define MAX_LINES	 1024

/* The lines said in one replayed session, as the listener hears them. */
typedef struct {
	char text[MAX_LINES][BC_SPEECH_LINE_MAX];
	bool cut[MAX_LINES]; /* cut off by an outcome */
	int n;
} heard;

/* A listener: the queue, and when the line being said ends. */
typedef struct {
	bc_speech_queue q;
	bool speaking;
	double free_at_s;
	heard *out;
} listener;

/* One outcome of the trace's known answer ("# expect_events"). */
typedef struct {
	bool rep;
	char reason[40];
} expected;

/* Functions */

static double speak_s(const char *line)
{
	return SPEAK_PAUSE_S + SPEAK_S_PER_CHAR * (double)strlen(line);
}

/* Lets time run to t_s: lines end, the next ones start. */
static void advance(listener *l, double t_s)
{
	for (;;) {
		double now_s = t_s;
		if (l->speaking) {
			if (l->free_at_s > t_s)
				return;
			bc_speech_queue_done(&l->q);
			l->speaking = false;
			now_s = l->free_at_s;
		}
		bc_speech_line line;
		if (!bc_speech_queue_next(&l->q, now_s, &line))
			return;
		assert_true(l->out->n < MAX_LINES);
		snprintf(l->out->text[l->out->n++], BC_SPEECH_LINE_MAX, "%s", line.text);
		l->speaking = true;
		l->free_at_s = now_s + speak_s(line.text);
	}
}

static void hear_event(listener *l, const bc_coach_event *e, bc_exercise_id ex)
{
	char words[BC_SPEECH_LINE_MAX];
	bc_spoken_kind kind = bc_spoken_words(e, ex, words, sizeof(words));
	advance(l, e->t_s);
	if (bc_speech_queue_push(&l->q, words, kind, e->t_s) && l->speaking) {
		l->out->cut[l->out->n - 1] = true;
		l->free_at_s = e->t_s;
	}
	advance(l, e->t_s);
}

/* Replays trace through the coach and the voice's words and queue into out. */
static void replay_heard(const char *name, heard *out, bc_exercise_id *ex_out)
{
	char path[512], rel[128];
	snprintf(rel, sizeof(rel), "traces/%s.csv.gz", name);
	bc_test_path(rel, path, sizeof(path));
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		fail_msg("%s", err.message);
	bc_exercise_id ex = bc_exercise_from_name(bc_trace_reader_meta(r, "exercise"));
	assert_int_not_equal(ex, BC_EXERCISE_NONE);
	static bc_coach coach;
	bc_coach_settings s;
	bc_coach_settings_init(&s);
	const char *hold = bc_trace_reader_meta(r, "hold_s");
	if (hold)
		s.hold_s[ex] = strtof(hold, NULL);
	bc_coach_init(&coach, &s, ex);
	memset(out, 0, sizeof(*out));
	listener l = { .out = out };
	bc_speech_queue_init(&l.q);
	bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
	bc_sample smp;
	int got;
	double last_t_s = 0;
	while ((got = bc_trace_reader_next(r, &smp, &err)) == 1) {
		size_t n = bc_coach_update(&coach, &smp, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
		for (size_t i = 0; i < n; i++)
			hear_event(&l, &ev[i], ex);
		last_t_s = smp.t_s;
	}
	assert_int_equal(got, 0);
	size_t n = bc_coach_finish(&coach, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
	for (size_t i = 0; i < n; i++)
		hear_event(&l, &ev[i], ex);
	advance(&l, last_t_s + 600.0);
	bc_trace_reader_free(r);
	*ex_out = ex;
}

/* The trace's known answer: its outcomes in order, and the sides asked for. */
static int read_expected(const char *name, expected *x, int max, char sides[][8])
{
	char path[512], rel[128];
	snprintf(rel, sizeof(rel), "traces/%s.csv.gz", name);
	bc_test_path(rel, path, sizeof(path));
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r)
		fail_msg("%s", err.message);
	const char *events = bc_trace_reader_meta(r, "expect_events");
	assert_non_null(events);
	char *copy = strdup(events), *save = NULL;
	int n = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		assert_true(n < max);
		char *at = strchr(tok, '@');
		if (at)
			*at = '\0';
		x[n].rep = !strcmp(tok, "rep");
		snprintf(x[n].reason, sizeof(x[n].reason), "%s",
			 x[n].rep ? "" : tok + strlen("rejected:"));
		n++;
	}
	free(copy);
	const char *s = bc_trace_reader_meta(r, "expect_event_sides");
	copy = s ? strdup(s) : NULL;
	int k = 0;
	for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok && k < max;
	     tok = strtok_r(NULL, ",", &save))
		snprintf(sides[k++], 8, "%s", tok);
	free(copy);
	bc_trace_reader_free(r);
	return n;
}

/*
 * How each reason of the contract must be put to the wearer: what to do.
 * Written here, apart from spoken_words.c, so that a reason it stopped
 * saying is caught.
 */
static const char *advice_for(const char *reason, bc_exercise_id ex)
{
	/* The squat's range is a depth: what to do is to go lower. */
	if (ex == BC_EXERCISE_DEEP_SQUAT && !strcmp(reason, "too little range"))
		return "squat lower: reached ";
	static const struct {
		const char *reason, *advice;
	} table[] = {
		{ "too little range", "go further" },
		{ "hold too short", "hold for " },
		{ "pelvis not level", "keep your hips level: your " },
		{ "rushed", "slow down: at least 1 second each way" },
		{ "wrong direction", "other way: tuck your tailbone" },
		{ "leaning too far", "bend your knees" },
		{ "rolled onto the side", "not so far" },
		{ "not upright", "stay upright" },
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!strcmp(table[i].reason, reason))
			return table[i].advice;
	fail_msg("no advice known for \"%s\"", reason);
	return "";
}

/* What was heard, for a failure's message. */
static void print_heard(const heard *h)
{
	for (int i = 0; i < h->n; i++)
		fprintf(stderr, "  heard: %s%s\n", h->text[i], h->cut[i] ? " (cut off)" : "");
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* "That's three" (and a side), not the set's "That's the set". */
static bool is_count_line(const char *line)
{
	return starts_with(line, "That's ") && !starts_with(line, "That's the set");
}

/*
 * Every outcome of the known answer is heard, in order and whole: the k-th
 * rep as "That's k" (with the next side for a guided exercise), each rejection as
 * "Not counted: " and what to do; and before every counted hold its
 * countdown: the last numbers and "Done".
 */
static void check_session(const char *name, const char *const *countdown, int countdown_n)
{
	static heard h;
	bc_exercise_id ex;
	replay_heard(name, &h, &ex);
	static expected x[64];
	static char sides[64][8];
	int n = read_expected(name, x, 64, sides);
	const bc_exercise_row *row = bc_exercise_row_of(ex);
	if (getenv("BC_TEST_VERBOSE")) /* to listen along: what the wearer heard */
		print_heard(&h);

	int at = 0, reps = 0, heard_outcomes = 0;
	for (int i = 0; i < h.n; i++)
		heard_outcomes += is_count_line(h.text[i]) || starts_with(h.text[i], "Not counted");
	for (int i = 0; i < n; i++) {
		char want[BC_SPEECH_LINE_MAX];
		if (x[i].rep) {
			char num[24];
			bc_number_words(++reps, num, sizeof(num));
			if (row->sides == BC_SIDES_GUIDED)
				snprintf(want, sizeof(want), "That's %s. Now the %s %s", num,
					 !strcmp(sides[i], "left") ? "right" : "left", row->limb);
			else
				snprintf(want, sizeof(want), "That's %s", num);
		} else {
			snprintf(want, sizeof(want), "Not counted: %s",
				 advice_for(x[i].reason, ex));
		}
		int from = at;
		while (at < h.n &&
		       !(x[i].rep ? !strcmp(h.text[at], want) : starts_with(h.text[at], want)))
			at++;
		if (at == h.n)
			print_heard(&h);
		if (at == h.n)
			fail_msg("%s: outcome %d (%s) never heard as \"%s\"", name, i + 1,
				 x[i].rep ? "rep" : x[i].reason, want);
		assert_false(h.cut[at]); /* outcomes are heard whole */
		/* The countdown before a counted hold, in order, whole or cut short by
		 * the next number only when it came late. */
		int c = from;
		for (int k = 0; x[i].rep && k < countdown_n; k++) {
			while (c < at && strcmp(h.text[c], countdown[k]))
				c++;
			if (c == at)
				print_heard(&h);
			if (c == at)
				fail_msg("%s: rep %d: countdown \"%s\" not heard", name, reps,
					 countdown[k]);
		}
		at++;
	}
	/* Nothing counted or rejected that the answer does not have. */
	assert_int_equal(heard_outcomes, n);
}

static void test_bridge_session_is_heard_whole(void **state)
{
	(void)state;
	/* 2 s hold: "Hold", "one", "Done", then the count. */
	static const char *const countdown[] = { "Hold", "one", "Done" };
	check_session("bridge-mixed", countdown, 3);
}

static void test_knee_to_chest_session_says_the_sides(void **state)
{
	(void)state;
	/* 15 s hold: "ten to go", then the last three seconds and "Done". */
	static const char *const countdown[] = {
		"Hold", "ten to go", "three", "two", "one", "Done"
	};
	check_session("knee-to-chest-mixed", countdown, 6);
}

static void test_deep_squat_counts_down_the_hold(void **state)
{
	(void)state;
	/* 30 s lowered: "Hold" at the depth, every ten seconds, the last three, "Done". */
	static const char *const countdown[] = { "Hold", "twenty to go", "ten to go", "three",
						 "two",	 "one",		 "Done" };
	check_session("deep-squat-mixed", countdown, 7);
}

static void test_shoulder_squeeze_counts_down_the_hold(void **state)
{
	(void)state;
	/* The coach's pace says "Squeeze and hold" (no second "Hold"); the 5 s count down. */
	static const char *const countdown[] = { "Squeeze and hold", "three", "two", "one",
						 "Done" };
	check_session("shoulder-squeeze-mixed", countdown, 5);
	static heard h;
	bc_exercise_id ex;
	replay_heard("shoulder-squeeze-mixed", &h, &ex);
	for (int i = 0; i < h.n; i++)
		assert_string_not_equal(h.text[i], "Hold");
}

static void test_cat_cow_session_says_slow_down(void **state)
{
	(void)state;
	check_session("cat-cow-mixed", NULL, 0);
}

static void test_posture_says_every_slouch(void **state)
{
	(void)state;
	static heard h;
	bc_exercise_id ex;
	replay_heard("posture-mixed", &h, &ex);
	static expected x[64];
	static char sides[64][8];
	int n = read_expected("posture-mixed", x, 64, sides);
	int alerts = 0;
	for (int i = 0; i < h.n; i++)
		alerts += !strcmp(h.text[i], "You are slouching. Sit up straight");
	assert_true(n > 0);
	assert_int_equal(alerts, n);
}

/* Calibration is talked through: stand, the start position, then "Ready" and what to do. */
static void test_calibration_is_talked_through(void **state)
{
	(void)state;
	static heard h;
	bc_exercise_id ex;
	replay_heard("knee-to-chest-mixed", &h, &ex);
	assert_true(h.n > 3);
	assert_string_equal(h.text[0], "Stand upright and keep still");
	int ready = -1, start = -1;
	for (int i = 0; i < h.n; i++) {
		if (start < 0 && strstr(h.text[i], "Lie on your back"))
			start = i;
		if (ready < 0 && starts_with(h.text[i], "Ready."))
			ready = i;
	}
	assert_true(start > 0);
	assert_true(ready > start);
	assert_string_equal(h.text[ready], "Ready. Left leg: pull your knee to your chest");
}

/* The queue: a count cuts an old countdown short; stale numbers are not said. */
static void test_queue_policy(void **state)
{
	(void)state;
	bc_speech_queue q;
	bc_speech_line l;
	bc_speech_queue_init(&q);
	/* A countdown number being said, then the count: cut off. */
	assert_false(bc_speech_queue_push(&q, "three", BC_SPOKEN_COUNTDOWN, 0.0));
	assert_true(bc_speech_queue_next(&q, 0.0, &l));
	assert_true(bc_speech_queue_push(&q, "four", BC_SPOKEN_OUTCOME, 0.5));
	bc_speech_queue_done(&q);
	assert_true(bc_speech_queue_next(&q, 0.5, &l));
	assert_string_equal(l.text, "four");
	bc_speech_queue_done(&q);
	/* Behind: "two" waits while a reason is said; "one" replaces it; late, it goes too. */
	assert_false(bc_speech_queue_push(&q, "Not counted: hold for 2 seconds", BC_SPOKEN_OUTCOME,
					  1.0));
	assert_true(bc_speech_queue_next(&q, 1.0, &l));
	assert_false(bc_speech_queue_push(&q, "two", BC_SPOKEN_COUNTDOWN, 1.2));
	assert_false(bc_speech_queue_push(&q, "one", BC_SPOKEN_COUNTDOWN, 2.2));
	bc_speech_queue_done(&q);
	assert_false(bc_speech_queue_next(&q, 3.5, &l)); /* "one" asked 1.3 s ago: stale */
	assert_int_equal(q.dropped, 2);
	/* Outcomes never go, however late; a reason never cuts a reason. */
	assert_false(bc_speech_queue_push(&q, "Not counted: go further", BC_SPOKEN_OUTCOME, 4.0));
	assert_true(bc_speech_queue_next(&q, 4.0, &l));
	assert_false(bc_speech_queue_push(&q, "five", BC_SPOKEN_OUTCOME, 4.1));
	bc_speech_queue_done(&q);
	assert_true(bc_speech_queue_next(&q, 60.0, &l));
	assert_string_equal(l.text, "five");
	bc_speech_queue_done(&q);
	/* Guidance: the newest wins, and the same words are not repeated at once. */
	assert_false(bc_speech_queue_push(&q, "Stand still a little longer", BC_SPOKEN_GUIDE, 70));
	assert_false(bc_speech_queue_push(&q, "Keep still a little longer", BC_SPOKEN_GUIDE, 70.1));
	assert_true(bc_speech_queue_next(&q, 70.2, &l));
	assert_string_equal(l.text, "Keep still a little longer");
	bc_speech_queue_done(&q);
	assert_false(bc_speech_queue_push(&q, "Keep still a little longer", BC_SPOKEN_GUIDE, 72));
	assert_false(bc_speech_queue_next(&q, 72, &l));
}

/* A bridge rolled to one side: the reason names the hip that dropped (contract §4). */
static void test_not_level_names_the_dropped_hip(void **state)
{
	(void)state;
	for (int sign = -1; sign <= 1; sign += 2) {
		static bc_coach c;
		bc_coach_settings s;
		bc_coach_settings_init(&s);
		bc_coach_init(&c, &s, BC_EXERCISE_BRIDGE);
		bc_body_state b = { .stage = BC_CALIB_DONE, .angles_valid = true, .still = true };
		bc_coach_event ev[BC_COACH_MAX_EVENTS_PER_SAMPLE];
		bc_coach_event rejected = { 0 };
		char shown[BC_EVENT_TEXT_MAX] = "";
		double t = 0;
		/* At rest 2 s, up to 25° rolled 15° one way for 4 s, down, rest. */
		for (int i = 0; i < 1200; i++, t += 0.01) {
			b.t_s = t;
			bool up = t >= 2.0 && t < 6.0;
			b.angles.sagittal_deg = up ? 25.0f : 0.0f;
			b.angles.axial_deg = up ? 15.0f * (float)sign : 0.0f;
			b.tilt_from_start_deg = b.angles.sagittal_deg;
			size_t n = bc_coach_update_body(&c, &b, ev, BC_COACH_MAX_EVENTS_PER_SAMPLE);
			for (size_t k = 0; k < n; k++) {
				if (ev[k].type != BC_EVENT_REJECTED)
					continue;
				rejected = ev[k];
				snprintf(shown, sizeof(shown), "%s",
					 bc_coach_get_view(&c)->feedback);
			}
		}
		assert_int_equal(rejected.type, BC_EVENT_REJECTED);
		assert_int_equal(rejected.reason, BC_REJECT_NOT_LEVEL);
		/* A positive turn about the spine turns the belly to the left: left hip down. */
		assert_int_equal(rejected.low_side, sign > 0 ? BC_SIDE_LEFT : BC_SIDE_RIGHT);
		char line[BC_SPEECH_LINE_MAX];
		bc_spoken_words(&rejected, BC_EXERCISE_BRIDGE, line, sizeof(line));
		assert_string_equal(
			line,
			sign > 0 ? "Not counted: keep your hips level: your left hip dropped"
				 : "Not counted: keep your hips level: your right hip dropped");
		assert_string_equal(bc_coach_get_view(&c)->not_counted,
				    sign > 0 ? "keep your hips level: your left hip dropped"
					     : "keep your hips level: your right hip dropped");
		/* The screen's message (bc_render_message draws the view's feedback) is the voice's line. */
		assert_string_equal(shown, line);
	}
}

/* The screen and the voice: the same words, the voice with its units spelled out. */
static void test_screen_and_voice_say_the_same(void **state)
{
	(void)state;
	char screen[BC_EVENT_TEXT_MAX], voice[BC_SPEECH_LINE_MAX];
	bc_coach_event e = { .type = BC_EVENT_REJECTED,
			     .reason = BC_REJECT_TOO_LITTLE_RANGE,
			     .peak_deg = 8.2f,
			     .target_deg = 15.0f };
	bc_not_counted_words(&e, BC_EXERCISE_BRIDGE, screen, sizeof(screen));
	assert_string_equal(screen, "go further: reached 8\u00b0, aim for 15\u00b0");
	bc_spoken_words(&e, BC_EXERCISE_BRIDGE, voice, sizeof(voice));
	assert_string_equal(voice, "Not counted: go further: reached 8\u00b0, aim for 15\u00b0");

	e = (bc_coach_event){ .type = BC_EVENT_REJECTED,
			      .reason = BC_REJECT_TOO_LITTLE_RANGE,
			      .depth_cm = 22.4f,
			      .depth_target_cm = 30.0f };
	bc_not_counted_words(&e, BC_EXERCISE_DEEP_SQUAT, screen, sizeof(screen));
	assert_string_equal(screen, "squat lower: reached 22 cm, aim for 30 cm");
	bc_spoken_words(&e, BC_EXERCISE_DEEP_SQUAT, voice, sizeof(voice));
	assert_string_equal(voice, "Not counted: squat lower: reached 22 centimetres, aim for 30 "
				   "centimetres");

	e = (bc_coach_event){ .type = BC_EVENT_REJECTED,
			      .reason = BC_REJECT_HOLD_TOO_SHORT,
			      .hold_s = 0.8f,
			      .hold_target_s = 2.0f };
	bc_spoken_words(&e, BC_EXERCISE_BRIDGE, voice, sizeof(voice));
	assert_string_equal(voice, "Not counted: hold for 2 seconds, you held 0.8 seconds");

	/* Every reason fits the screen's line after "Not counted: ". */
	for (int r = BC_REJECT_NONE + 1; r < BC_REJECT_COUNT; r++) {
		e = (bc_coach_event){ .type = BC_EVENT_REJECTED,
				      .reason = (bc_reject_reason)r,
				      .peak_deg = 188.8f,
				      .target_deg = 170.5f,
				      .hold_s = 100.5f,
				      .hold_target_s = 600.5f,
				      .low_side = BC_SIDE_RIGHT,
				      .phase_min_s = 10.5f };
		bc_not_counted_words(&e, BC_EXERCISE_BRIDGE, screen, sizeof(screen));
		assert_true(strlen("Not counted: ") + strlen(screen) < BC_EVENT_TEXT_MAX);
	}
}

/* A plan's set end: SET_DONE's words, the rest with its unit spoken, what comes next. */
static void test_set_end_words(void **state)
{
	(void)state;
	char line[BC_SPEECH_LINE_MAX];
	bc_set_end e = {
		.reps = 10, .rest_s = 30, .next = BC_EXERCISE_BRIDGE, .next_set = 2, .next_sets = 2
	};
	assert_int_equal(bc_set_end_words(&e, line, sizeof(line)), BC_SPOKEN_OUTCOME);
	assert_string_equal(line, "That's the set: 10. Well done. Rest 30 seconds. Next: Bridge, "
				  "set 2 of 2");
	bc_coach_event done = { .type = BC_EVENT_SET_DONE, .reps = 10 };
	char set[BC_SPEECH_LINE_MAX];
	bc_spoken_words(&done, BC_EXERCISE_BRIDGE, set, sizeof(set));
	assert_true(starts_with(line, set)); /* the same summary as a set ending by itself */
	e = (bc_set_end){
		.reps = 3, .rest_s = 1, .next = BC_EXERCISE_CAT_COW, .next_set = 1, .next_sets = 3
	};
	bc_set_end_words(&e, line, sizeof(line));
	assert_string_equal(line, "That's the set: 3. Well done. Rest 1 second. Next: Cat-cow, "
				  "set 1 of 3");
	e = (bc_set_end){ .reps = 5, .next = BC_EXERCISE_NONE };
	bc_set_end_words(&e, line, sizeof(line));
	assert_string_equal(line, "That's the set: 5. Well done. That's all for today");
}

static void test_number_words(void **state)
{
	(void)state;
	char n[24];
	bc_number_words(3, n, sizeof(n));
	assert_string_equal(n, "three");
	bc_number_words(20, n, sizeof(n));
	assert_string_equal(n, "twenty");
	bc_number_words(42, n, sizeof(n));
	assert_string_equal(n, "forty two");
	bc_number_words(123, n, sizeof(n));
	assert_string_equal(n, "123");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bridge_session_is_heard_whole),
		cmocka_unit_test(test_knee_to_chest_session_says_the_sides),
		cmocka_unit_test(test_cat_cow_session_says_slow_down),
		cmocka_unit_test(test_deep_squat_counts_down_the_hold),
		cmocka_unit_test(test_shoulder_squeeze_counts_down_the_hold),
		cmocka_unit_test(test_posture_says_every_slouch),
		cmocka_unit_test(test_calibration_is_talked_through),
		cmocka_unit_test(test_queue_policy),
		cmocka_unit_test(test_not_level_names_the_dropped_hip),
		cmocka_unit_test(test_screen_and_voice_say_the_same),
		cmocka_unit_test(test_set_end_words),
		cmocka_unit_test(test_number_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
