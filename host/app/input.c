/* SPDX-License-Identifier: MIT */
/* Keys, touches and GPIO buttons to app actions: see input.h. */
#include "app/input.h"

#include <stdlib.h>

#include "app/app_plan.h"
#include "app/layout.h"
#include "app/screens.h"
#include "platform/buttons.h"

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
	else if (s->screen == BC_SCREEN_SUMMARY || s->screen == BC_SCREEN_REST)
		bc_app_apply_action(s, BC_ACTION_SELECT);
}

void bc_input_apply_event(bc_app_state *s, const SDL_Event *e, const bc_draw *d)
{
	switch (e->type) {
	case SDL_QUIT:
		bc_app_apply_action(s, BC_ACTION_QUIT);
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

struct bc_input_buttons {
	bc_buttons *buttons;
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
	return ib;
}

void bc_input_buttons_poll(bc_input_buttons *b, bc_app_state *s, uint64_t now_ns)
{
	if (!b)
		return;
	int id;
	while ((id = bc_buttons_poll(b->buttons, now_ns)) >= 0) {
		if (id == BC_BUTTON_START)
			bc_app_apply_action(s, BC_ACTION_SELECT);
		else if (id == BC_BUTTON_NEXT)
			bc_app_apply_action(s, BC_ACTION_NEXT);
		else if (id == BC_BUTTON_RECALIBRATE)
			bc_app_apply_action(s, BC_ACTION_RECALIBRATE);
	}
}

void bc_input_buttons_close(bc_input_buttons *b)
{
	if (!b)
		return;
	bc_buttons_close(b->buttons);
	free(b);
}
