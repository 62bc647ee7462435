/* SPDX-License-Identifier: MIT */
/*
 * Input that works without the screen mid-exercise: the keyboard, the
 * touchscreen (SDL finger events; a mouse click counts as a tap), and the
 * device's three GPIO buttons when they are fitted, with long presses
 * (button_gesture.h). Everything becomes a bc_app_action for the reducer,
 * so keys, touch and buttons do the same things:
 *
 *                 buttons              keys              touch
 *   choose        NEXT (hold: back)    arrows            a tile
 *   start         START                Enter / space     a tile
 *   pause/resume  START                Enter / space / p the screen
 *   end the set   NEXT, again (or hold) Esc, again (e)   the top bar, again
 *   summary: home NEXT                 Esc               the top bar
 *   again / on    START                Enter             the screen
 *   recalibrate   RECAL                c
 *   mute          hold RECAL           m
 *   quit          -                    q (Esc on home)
 *
 * Ending a set early asks once ("End this set?"); the summary of what was
 * done always follows (app_state.c, leave()).
 */
#ifndef BC_APP_INPUT_H
#define BC_APP_INPUT_H

#include <stdint.h>

#include <SDL.h>

#include "app/app_run.h"
#include "app/app_state.h"
#include "app/draw.h"
#include "platform/buttons.h"

/*
 * Applies one SDL event to s (through the reducer). d gives the frame's
 * layout for touches (NULL: touches ignored).
 */
void bc_input_apply_event(bc_app_state *s, const SDL_Event *e, const bc_draw *d);

/* What a button press means on the current screen (held: a long press). */
bc_app_action bc_input_button_action(const bc_app_state *s, bc_button_id button, bool held);

/* The button map for the screen's footer, one line ("START pause · NEXT end ..."). */
const char *bc_input_button_hint(const bc_app_state *s);

/*
 * Presses scripted ahead for `backcoach run --press`: "pause@5.5,back@7"
 * (names: select, next, prev, back, pause, end-set, recalibrate, mute; at
 * seconds of the app clock, in order). Returns how many, or -1 with err.
 */
int bc_input_parse_presses(const char *spec, bc_app_press *out, int max, char *err,
			   size_t err_size);

typedef struct bc_input_buttons bc_input_buttons;

/*
 * The GPIO buttons, or NULL when they are not there (a desktop): that is not
 * an error and nothing is printed.
 */
bc_input_buttons *bc_input_buttons_open(void);

/* Applies every press since the last call. NULL-safe. now_ns: CLOCK_MONOTONIC. */
void bc_input_buttons_poll(bc_input_buttons *b, bc_app_state *s, uint64_t now_ns);

void bc_input_buttons_close(bc_input_buttons *b);

#endif /* BC_APP_INPUT_H */
