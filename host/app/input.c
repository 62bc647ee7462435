/* SPDX-License-Identifier: MIT */
/* Keys, touches and GPIO buttons to app actions: see input.h. */
#include "app/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/button_gesture.h"
#include "app/app_plan.h"
#include "app/layout.h"
#include "app/screens.h"

static bc_app_action key_action(SDL_Keycode k)
{
	switch (k) {
	case SDLK_LEFT:
	case SDLK_UP:
		return BC_ACTION_PREV;
	case SDLK_RIGHT:
	case SDLK_DOWN:
	case SDLK_TAB:
		return BC_ACTION_NEXT;
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
	case SDLK_SPACE:
		return BC_ACTION_SELECT;
	case SDLK_ESCAPE:
	case SDLK_BACKSPACE:
	case SDLK_AC_BACK:
		return BC_ACTION_BACK;
	case SDLK_c:
		return BC_ACTION_RECALIBRATE;
	case SDLK_m:
		return BC_ACTION_MUTE;
	case SDLK_p:
	case SDLK_PAUSE:
		return BC_ACTION_PAUSE;
	case SDLK_e:
		return BC_ACTION_END_SET;
	case SDLK_q:
		return BC_ACTION_QUIT;
	default:
		return BC_ACTION_NONE;
	}
}

/* A tap at pixel (x, y) of the frame. */
static void tap(bc_app_state *s, const bc_draw *d, int x, int y)
{
	if (!d)
		return;
	if (bc_app_notice_up(s)) {
		bc_app_apply_action(s, BC_ACTION_SELECT); /* puts it away */
		return;
	}
	if (y < bc_status_bar_h(d)) {
		if (s->screen != BC_SCREEN_HOME)
			bc_app_apply_action(s, BC_ACTION_BACK);
		return;
	}
	if (s->screen == BC_SCREEN_HOME)
		bc_app_home_pick(s, bc_today_tile_at(d, x, y));
	else if (s->screen == BC_SCREEN_EXERCISES)
		bc_app_pick(s, bc_home_tile_at(d, x, y));
	else if (s->screen == BC_SCREEN_PROFILES)
		bc_app_profile_pick(s, bc_profile_tile_at(d, s, x, y));
	else if (s->screen == BC_SCREEN_PROGRESS)
		bc_app_apply_action(s, BC_ACTION_NEXT); /* the next page; the top bar goes home */
	else /* summary, rest: again / carry on; a session: pause, resume, or carry on; plug-in: the demo */
		bc_app_apply_action(s, BC_ACTION_SELECT);
}

void bc_input_apply_event(bc_app_state *s, const SDL_Event *e, const bc_draw *d)
{
	switch (e->type) {
	case SDL_QUIT:
		/* SIGTERM/SIGINT (SDL turns them into this) or the window closed:
		 * always a real quit, even for the kiosk (systemctl stop). */
		s->quit_requested = true;
		break;
	case SDL_KEYDOWN:
		if (!e->key.repeat)
			bc_app_apply_action(s, key_action(e->key.keysym.sym));
		break;
	case SDL_FINGERDOWN:
		/* Finger positions are 0..1 of the touch device, which covers the screen. */
		if (d)
			tap(s, d, (int)(e->tfinger.x * d->w), (int)(e->tfinger.y * d->h));
		break;
	case SDL_MOUSEBUTTONDOWN:
		/* SDL also reports a touch as a mouse click: take only real mice. */
		if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
			tap(s, d, e->button.x, e->button.y);
		break;
	default:
		break;
	}
}

bc_app_action bc_input_button_action(const bc_app_state *s, bc_button_id button, bool held)
{
	switch (button) {
	case BC_BUTTON_START:
		return BC_ACTION_SELECT;
	case BC_BUTTON_NEXT:
		if (!held)
			return BC_ACTION_NEXT;
		/* Held: back a tile on home and its menus; in a session, end it (the hold confirms). */
		return bc_app_on_menu(s) ? BC_ACTION_PREV : BC_ACTION_END_SET;
	case BC_BUTTON_RECALIBRATE:
		return held ? BC_ACTION_MUTE : BC_ACTION_RECALIBRATE;
	default:
		return BC_ACTION_NONE;
	}
}

const char *bc_input_button_hint(const bc_app_state *s)
{
	if (bc_app_notice_up(s))
		return "Any button: OK";
	if (s->confirm_leave)
		return "NEXT again or hold: end  \xc2\xb7  START: carry on";
	switch (s->screen) {
	case BC_SCREEN_HOME:
	case BC_SCREEN_EXERCISES:
	case BC_SCREEN_PROFILES:
		return "NEXT: choose (hold: back)  \xc2\xb7  START: start  \xc2\xb7  hold RECAL: "
		       "mute";
	case BC_SCREEN_PROGRESS:
		return "NEXT: next page (hold: back)  \xc2\xb7  START: home";
	case BC_SCREEN_REST:
		return "START: skip the rest  \xc2\xb7  hold NEXT: end for today";
	case BC_SCREEN_PLUG_IN:
		return "START: the demo";
	case BC_SCREEN_SUMMARY:
		return s->session_over ? "START: again  \xc2\xb7  NEXT: home"
				       : "START: carry on  \xc2\xb7  NEXT: home";
	default:
		return s->paused ? "START: resume  \xc2\xb7  NEXT: end set  \xc2\xb7  hold RECAL: "
				   "mute"
				 : "START: pause  \xc2\xb7  NEXT: end set  \xc2\xb7  RECAL: "
				   "recalibrate "
				   "(hold: mute)";
	}
}

static const struct {
	const char *name;
	bc_app_action action;
} action_names[] = {
	{ "select", BC_ACTION_SELECT },
	{ "next", BC_ACTION_NEXT },
	{ "prev", BC_ACTION_PREV },
	{ "back", BC_ACTION_BACK },
	{ "pause", BC_ACTION_PAUSE },
	{ "end-set", BC_ACTION_END_SET },
	{ "recalibrate", BC_ACTION_RECALIBRATE },
	{ "mute", BC_ACTION_MUTE },
};

int bc_input_parse_presses(const char *spec, bc_app_press *out, int max, char *err, size_t err_size)
{
	int n = 0;
	const char *p = spec;
	while (p && *p) {
		size_t len = strcspn(p, "@,");
		bc_app_action a = BC_ACTION_NONE;
		for (size_t i = 0; i < sizeof(action_names) / sizeof(action_names[0]); i++)
			if (strlen(action_names[i].name) == len &&
			    strncmp(p, action_names[i].name, len) == 0)
				a = action_names[i].action;
		char *end = NULL;
		double at_s = p[len] == '@' ? strtod(p + len + 1, &end) : -1;
		if (a == BC_ACTION_NONE || !end || end == p + len + 1 || (*end && *end != ',') ||
		    at_s < 0 || (n > 0 && at_s < out[n - 1].at_s) || n == max) {
			snprintf(err, err_size,
				 "'%s': expected NAME@SECONDS[,...] in time order, at most %d "
				 "(select, next, prev, back, pause, end-set, recalibrate, mute)",
				 spec, max);
			return -1;
		}
		out[n++] = (bc_app_press){ a, at_s };
		p = *end ? end + 1 : end;
	}
	return n;
}

struct bc_input_buttons {
	bc_buttons *buttons;
	bc_button_gestures gestures;
};

bc_input_buttons *bc_input_buttons_open(void)
{
	bc_buttons *b = bc_buttons_open(&bc_buttons_config_default);
	if (!b)
		return NULL; /* no GPIO buttons here: keys and touch do */
	bc_input_buttons *ib = calloc(1, sizeof(*ib));
	if (!ib) {
		bc_buttons_close(b);
		return NULL;
	}
	ib->buttons = b;
	bc_button_gestures_init(&ib->gestures);
	return ib;
}

void bc_input_buttons_poll(bc_input_buttons *b, bc_app_state *s, uint64_t now_ns)
{
	if (!b)
		return;
	bc_button_gesture g[BC_BUTTON_COUNT];
	int n = bc_button_gestures_update(&b->gestures, bc_buttons_held(b->buttons, now_ns), now_ns,
					  g, BC_BUTTON_COUNT);
	for (int i = 0; i < n; i++)
		bc_app_apply_action(s, bc_input_button_action(s, g[i].button, g[i].held));
}

void bc_input_buttons_close(bc_input_buttons *b)
{
	if (!b)
		return;
	bc_buttons_close(b->buttons);
	free(b);
}
