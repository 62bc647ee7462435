/* SPDX-License-Identifier: MIT */
/*
 * The voice for real: espeak-ng renders a line into a buffer (non-silent,
 * as long as speech at that rate takes, at the rate asked for); the voice's
 * thread delivers it to the audio callback's mix; muting (the setting, the
 * M key's action) silences it at once; and with no sound card the audio
 * opens quietly. Skips, saying so, where espeak-ng's data is not installed.
 *
 * And what the app gives the voice, without audio: the reducer's events and
 * its own lines (bc_app_event_words, bc_app_say) as the main loop hands them
 * over. A set's summary is said once however the set ends (by itself, in a
 * plan whose rest follows, or ended by the wearer), the rest says what
 * comes next and counts its last three seconds.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/app_plan.h"
#include "app/app_state.h"
#include "app/sound.h"
#include "app/speech_engine.h"
#include "app/speech_queue.h"
#include "app/voice.h"
#include "coach/coach.h"
#include "support/test_support.h"

/* Definitions */

#define OUT_RATE_HZ 44100

typedef struct {
	double seconds, rms, peak;
} audio_stats;

/* Functions */

static bc_voice_settings default_voice(void)
{
	bc_coach_settings s;
	bc_coach_settings_init(&s);
	return s.voice;
}

static audio_stats measure(const float *pcm, size_t n, int rate_hz)
{
	audio_stats a = { .seconds = (double)n / rate_hz };
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		sum += (double)pcm[i] * pcm[i];
		if (fabs(pcm[i]) > a.peak)
			a.peak = fabs(pcm[i]);
	}
	a.rms = n ? sqrt(sum / (double)n) : 0;
	return a;
}

/* The engine, or a skip that says why (espeak-ng's data not installed). */
static bc_speech_engine *open_engine(const bc_voice_settings *vs)
{
	char err[256];
	bc_speech_engine *e = bc_speech_engine_open(vs, OUT_RATE_HZ, err, sizeof(err));
	if (!e && errno == ENOENT) {
		fprintf(stderr, "skipped: %s\n", err);
		skip();
	}
	if (!e)
		fail_msg("%s", err);
	return e;
}

static audio_stats render(const bc_voice_settings *vs, const char *text)
{
	bc_speech_engine *e = open_engine(vs);
	assert_int_equal(bc_speech_engine_native_rate_hz(e), 22050);
	float *pcm = NULL;
	size_t n = 0;
	assert_int_equal(bc_speech_engine_render(e, text, &pcm, &n, NULL), 0);
	audio_stats a = measure(pcm, n, OUT_RATE_HZ);
	free(pcm);
	bc_speech_engine_close(e);
	return a;
}

/*
 * Real speech: a spoken count lasts about as long as two words do at the
 * rate asked for, is loud enough to hear and does not clip; a reason (nine
 * words) lasts several times longer; a faster rate is shorter.
 */
static void test_engine_renders_speech(void **state)
{
	(void)state;
	bc_voice_settings vs = default_voice();
	audio_stats count = render(&vs, "That's three");
	assert_true(count.seconds > 0.4 && count.seconds < 2.5);
	assert_true(count.rms > 0.02);
	assert_true(count.peak > 0.1 && count.peak <= 1.0);

	audio_stats reason = render(&vs,
				    "Not counted: keep your hips level: your left hip dropped");
	/* 10 words at 150 a minute: 4 s, give or take the engine's pauses. */
	assert_true(reason.seconds > 2.0 && reason.seconds < 7.0);
	assert_true(reason.seconds > 2.0 * count.seconds);

	bc_voice_settings fast = vs;
	fast.rate_wpm = 300;
	audio_stats quick = render(&fast,
				   "Not counted: keep your hips level: your left hip dropped");
	assert_true(quick.seconds < 0.75 * reason.seconds);

	bc_voice_settings quiet = vs;
	quiet.volume_pct = 30;
	audio_stats soft = render(&quiet, "That's three");
	assert_true(soft.rms < 0.6 * count.rms);
}

/* An unknown voice is an error that names it, not silence. */
static void test_unknown_voice_is_named(void **state)
{
	(void)state;
	bc_voice_settings vs = default_voice();
	bc_speech_engine_close(open_engine(&vs)); /* skips without espeak-ng's data */
	snprintf(vs.name, sizeof(vs.name), "xx-nolang");
	char err[256];
	bc_speech_engine *e = bc_speech_engine_open(&vs, OUT_RATE_HZ, err, sizeof(err));
	assert_null(e);
	assert_non_null(strstr(err, "xx-nolang"));
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

/* Pulls the voice's mix like the audio callback does, for up to wait_ms; speech samples got. */
static size_t pull(bc_voice *v, int wait_ms, audio_stats *stats)
{
	static float buf[OUT_RATE_HZ * 10];
	size_t got = 0;
	memset(buf, 0, sizeof(buf));
	for (int t = 0; t < wait_ms; t += 10) {
		size_t room = sizeof(buf) / sizeof(buf[0]) - got;
		got += bc_voice_mix(v, buf + got, room < 4410 ? room : 4410);
		if (got > 0 && !bc_voice_busy(v))
			break;
		sleep_ms(10);
	}
	if (stats)
		*stats = measure(buf, got, OUT_RATE_HZ);
	return got;
}

/* The voice's thread renders a line; the mix delivers it, and mute stops it. */
static void test_voice_speaks_and_mute_silences_it(void **state)
{
	(void)state;
	bc_voice_settings vs = default_voice();
	bc_speech_engine_close(open_engine(&vs)); /* skips without espeak-ng's data */
	char err[256];
	bc_voice *v = bc_voice_open(&vs, OUT_RATE_HZ, err, sizeof(err));
	assert_non_null(v);

	bc_voice_say(v, "That's three", BC_SPOKEN_OUTCOME);
	audio_stats a;
	assert_true(pull(v, 5000, &a) > (size_t)(0.4 * OUT_RATE_HZ));
	assert_true(a.rms > 0.02);

	/* The M key's action: the state says muted, the loop tells the voice. */
	bc_app_state s;
	bc_app_init(&s, NULL);
	bc_app_apply_action(&s, BC_ACTION_MUTE);
	assert_true(s.muted);
	bc_voice_say(v, "Not counted: go further: reached 9 degrees, aim for 15",
		     BC_SPOKEN_OUTCOME);
	pull(v, 100, NULL); /* part of it may start... */
	bc_voice_set_muted(v, s.muted);
	assert_int_equal(pull(v, 300, NULL), 0); /* ...and is cut at once */
	bc_voice_say(v, "That's four", BC_SPOKEN_OUTCOME);
	assert_int_equal(pull(v, 300, NULL), 0);
	assert_false(bc_voice_busy(v));

	bc_app_apply_action(&s, BC_ACTION_MUTE);
	bc_voice_set_muted(v, s.muted);
	bc_voice_say(v, "That's five", BC_SPOKEN_OUTCOME);
	assert_true(pull(v, 5000, NULL) > 0);
	bc_voice_close(v);
}

/* Leaving a session hushes the voice: nothing more about it is said. */
static void test_hush_drops_the_last_session(void **state)
{
	(void)state;
	bc_voice_settings vs = default_voice();
	bc_speech_engine_close(open_engine(&vs)); /* skips without espeak-ng's data */
	char err[256];
	bc_voice *v = bc_voice_open(&vs, OUT_RATE_HZ, err, sizeof(err));
	assert_non_null(v);
	bc_voice_say(v, "Not counted: hold for 15 seconds, you held 5.7 seconds",
		     BC_SPOKEN_OUTCOME);
	bc_voice_say(v, "That's three", BC_SPOKEN_OUTCOME);
	pull(v, 100, NULL);
	bc_voice_hush(v);
	assert_int_equal(pull(v, 300, NULL), 0);
	assert_false(bc_voice_busy(v));
	bc_voice_say(v, "Ready. Lift your hips", BC_SPOKEN_OUTCOME); /* the next session speaks */
	assert_true(pull(v, 5000, NULL) > 0);
	bc_voice_close(v);
}

/* voice.on = no: no voice at all, and nothing to report as wrong. */
static void test_voice_setting_off(void **state)
{
	(void)state;
	bc_voice_settings vs = default_voice();
	vs.on = false;
	char err[256] = "x";
	bc_voice *v = bc_voice_open(&vs, OUT_RATE_HZ, err, sizeof(err));
	assert_null(v);
	assert_string_equal(err, "");
	bc_voice_say(v, "That's three", BC_SPOKEN_OUTCOME); /* harmless */
	float buf[64] = { 0 };
	assert_int_equal(bc_voice_mix(v, buf, 64), 0);
}

static bool any_sound_output(void)
{
	char line[128] = "";
	FILE *f = fopen("/proc/asound/cards", "r");
	bool card = f && fgets(line, sizeof(line), f) && !strstr(line, "no soundcards");
	if (f)
		fclose(f);
	return card || getenv("PULSE_SERVER") || getenv("XDG_RUNTIME_DIR");
}

/*
 * No sound card, no sound server: the audio opens silent with one line of
 * why for the app to print, and the audio libraries print nothing (they
 * used to print eight lines of "ALSA lib ..." and an XDG_RUNTIME_DIR error).
 */
static void test_no_sound_card_is_quiet(void **state)
{
	(void)state;
	if (any_sound_output()) {
		fprintf(stderr, "skipped: this machine has a sound card or server\n");
		skip();
	}
	unsetenv("SDL_AUDIODRIVER");
	char path[512];
	bc_test_tmp_path("stderr.txt", path, sizeof(path));
	fflush(stderr);
	int saved = dup(2), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 2);
	close(fd);
	char note[256];
	bc_voice_settings vs = default_voice();
	bc_sound *snd = bc_sound_open(&vs, note, sizeof(note));
	bool opened = snd != NULL;
	bc_sound_play(snd, BC_TONE_REP);
	bc_sound_say(snd, "That's three", BC_SPOKEN_OUTCOME);
	bc_sound_close(snd);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	size_t n = 0;
	char *printed = bc_test_read_file(path, &n);
	assert_int_equal(n, 0);
	free(printed);
	assert_true(opened);
	assert_non_null(strstr(note, "no sound card"));
}

/* What the app gave the voice, in order. */
typedef struct {
	char line[64][BC_SPEECH_LINE_MAX];
	int n;
} said;

/* The plan's own lines, as the loop hands them to the voice each frame. */
static void hand_over(bc_app_state *s, said *h)
{
	for (int i = 0; i < s->n_say; i++) {
		assert_true(h->n < 64);
		snprintf(h->line[h->n++], BC_SPEECH_LINE_MAX, "%s", s->say[i].text);
	}
	s->n_say = 0;
}

/* One coach event through the reducer and the app's words for it, as the loop does. */
static void coach_event(bc_app_state *s, const bc_coach_event *e, said *h)
{
	char words[BC_SPEECH_LINE_MAX];
	bc_app_apply_event(s, e);
	if (bc_app_event_words(s, e, words, sizeof(words)) != BC_SPOKEN_NONE) {
		assert_true(h->n < 64);
		snprintf(h->line[h->n++], BC_SPEECH_LINE_MAX, "%s", words);
	}
	hand_over(s, h);
}

/* The coach counts rep n of the session; at its target, its SET_DONE follows. */
static void coach_rep(bc_app_state *s, int n, int target, said *h)
{
	bc_coach_event e = { .type = BC_EVENT_REP, .t_s = n, .reps = n };
	coach_event(s, &e, h);
	bc_coach_view v = s->view;
	v.reps = n;
	v.t_s = n;
	bc_app_apply_view(s, &v, NULL);
	if (n == target) {
		bc_coach_event done = { .type = BC_EVENT_SET_DONE, .t_s = n, .reps = n };
		coach_event(s, &done, h);
	}
}

static void tick(bc_app_state *s, double now_s, said *h)
{
	bc_app_tick(s, now_s);
	hand_over(s, h);
}

/* What the loop does with a start request: the session begins, calibrated. */
static void session_starts(bc_app_state *s, bc_exercise_id expect)
{
	assert_int_equal(s->start_requested, expect);
	s->start_requested = BC_EXERCISE_NONE;
	bc_app_begin_session(s, expect);
	bc_coach_view v = { .exercise = expect,
			    .stage = BC_CALIB_DONE,
			    .started = true,
			    .target_reps = s->session_target_reps,
			    .phase_name = "" };
	bc_app_apply_view(s, &v, NULL);
	assert_int_equal(s->screen, BC_SCREEN_EXERCISE);
}

static int count_said(const said *h, const char *line)
{
	int n = 0;
	for (int i = 0; i < h->n; i++)
		n += !strcmp(h->line[i], line);
	return n;
}

static int count_said_from(const said *h, const char *prefix)
{
	int n = 0;
	for (int i = 0; i < h->n; i++)
		n += !strncmp(h->line[i], prefix, strlen(prefix));
	return n;
}

/* Bridge 2 x 2, resting 20 s, then cat-cow 1 x 1; nothing said yet. */
static void init_plan(bc_app_state *s, said *h)
{
	memset(h, 0, sizeof(*h));
	bc_coach_settings cs;
	bc_coach_settings_init(&cs);
	for (int i = 0; i < BC_PLAN_MAX_ITEMS; i++)
		cs.plan.items[i] = (bc_plan_item){ .exercise = BC_EXERCISE_NONE };
	cs.plan.items[0] = (bc_plan_item){ BC_EXERCISE_BRIDGE, 2, 2, 0, 20 };
	cs.plan.items[1] = (bc_plan_item){ BC_EXERCISE_CAT_COW, 1, 1, 0, 20 };
	bc_app_init(s, &cs);
}

/* SELECT on home starts the plan's next item: its session begins, calibrated. */
static void start_next_item(bc_app_state *s, bc_exercise_id expect)
{
	bc_app_apply_action(s, BC_ACTION_SELECT);
	session_starts(s, expect);
}

/*
 * A plan's set that ends by itself says its summary once (the coach's own
 * SET_DONE, which counts the session, says nothing), then the rest: how
 * long, what comes next; its last three seconds are counted, once each,
 * and the next set's start is said.
 */
static void test_plan_rest_says_the_set_and_what_is_next(void **state)
{
	(void)state;
	static bc_app_state s;
	static said h;
	init_plan(&s, &h);
	start_next_item(&s, BC_EXERCISE_BRIDGE);
	tick(&s, 100, &h);
	coach_rep(&s, 1, 2, &h);
	coach_rep(&s, 2, 2, &h);
	assert_int_equal(s.screen, BC_SCREEN_REST);
	assert_int_equal(count_said(&h, "That's the set: 2. Well done. Rest 20 seconds. Next: "
					"Bridge, set 2 of 2"),
			 1);
	assert_int_equal(count_said_from(&h, "That's the set"), 1);

	/* The rest's last seconds, each once, however many frames see them. */
	for (double t = 100; t < 120.5; t += 0.25)
		tick(&s, t, &h);
	assert_int_equal(s.screen, BC_SCREEN_EXERCISE);
	assert_int_equal(count_said(&h, "three"), 1);
	assert_int_equal(count_said(&h, "two"), 1);
	assert_int_equal(count_said(&h, "one"), 1);
	assert_string_equal(h.line[h.n - 2], "one");
	assert_string_equal(h.line[h.n - 1], "Set 2 of 2: go"); /* the wearer hears it start */

	/* The item's last set: the rest before the next item says which. */
	coach_rep(&s, 3, 2, &h);
	coach_rep(&s, 4, 2, &h);
	assert_int_equal(s.plan_run.phase, BC_PLAN_RUN_NEXT_ITEM);
	assert_int_equal(count_said(&h, "That's the set: 2. Well done. Rest 20 seconds. Next: "
					"Cat-cow, set 1 of 1"),
			 1);
	/* The source ends during the rest: its summary would say the set twice. */
	bc_coach_event over = { .type = BC_EVENT_SUMMARY, .t_s = 5, .reps = 4 };
	coach_event(&s, &over, &h);
	assert_int_equal(count_said_from(&h, "Session over"), 0);
}

/* The plan's last set: its summary and that the plan is done, once. */
static void test_plan_done_is_said_once(void **state)
{
	(void)state;
	static bc_app_state s;
	static said h;
	init_plan(&s, &h);
	s.plan.entry[0].sets_done = 2; /* the bridge was done earlier today */
	s.plan.next = 1;
	start_next_item(&s, BC_EXERCISE_CAT_COW);
	tick(&s, 10, &h);
	coach_rep(&s, 1, 1, &h);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_int_equal(count_said(&h, "That's the set: 1. Well done. That's all for today"), 1);
	assert_int_equal(count_said_from(&h, "That's the set"), 1);
	tick(&s, 10 + BC_APP_SET_SUMMARY_S + 1, &h);
	assert_int_equal(s.screen, BC_SCREEN_HOME);
	assert_int_equal(count_said_from(&h, "That's the set"), 1);
}

/*
 * The wearer ends a set (leave, confirmed): the coach's SUMMARY says the
 * session's summary, once; and a plan's set that ends in the same frame,
 * after the wearer had ended it, does not say a second one.
 */
static void test_ending_a_set_says_its_summary_once(void **state)
{
	(void)state;
	static bc_app_state s;
	static said h;
	init_plan(&s, &h);
	start_next_item(&s, BC_EXERCISE_BRIDGE);
	tick(&s, 10, &h);
	coach_rep(&s, 1, 2, &h);
	bc_app_apply_action(&s, BC_ACTION_END_SET);
	assert_true(s.end_requested);
	/* The coach finishing: the second rep was already under way, then the summary. */
	coach_rep(&s, 2, 2, &h);
	bc_coach_event over = { .type = BC_EVENT_SUMMARY, .t_s = 3, .reps = 2 };
	coach_event(&s, &over, &h);
	assert_int_equal(s.screen, BC_SCREEN_SUMMARY);
	assert_int_equal(count_said(&h, "Session over: 2 counted"), 1);
	assert_int_equal(count_said_from(&h, "That's the set"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_renders_speech),
		cmocka_unit_test(test_unknown_voice_is_named),
		cmocka_unit_test(test_voice_speaks_and_mute_silences_it),
		cmocka_unit_test(test_hush_drops_the_last_session),
		cmocka_unit_test(test_voice_setting_off),
		cmocka_unit_test(test_no_sound_card_is_quiet),
		cmocka_unit_test(test_plan_rest_says_the_set_and_what_is_next),
		cmocka_unit_test(test_plan_done_is_said_once),
		cmocka_unit_test(test_ending_a_set_says_its_summary_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
