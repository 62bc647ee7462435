/* SPDX-License-Identifier: MIT */
/*
 * Input that works without the screen mid-exercise: the keyboard, the
 * touchscreen (SDL finger events; a mouse click counts as a tap), and the
 * device's GPIO buttons (start, next, recalibrate) when they are fitted.
 * Everything becomes a bc_app_action for the reducer.
 *
 *   keys:    left/up previous, right/down next, Enter/space select,
 *            Escape/Backspace back (home; on home: quit), c recalibrate,
 *            m mute, q quit
 *   touch:   a home tile starts it; a summary tap carries on; the status bar
 *            goes back home
 *   buttons: START = select, NEXT = next, RECALIBRATE = recalibrate
 */
#ifndef BC_APP_INPUT_H
#define BC_APP_INPUT_H

#include <stdint.h>

#include <SDL.h>

#include "app/app_state.h"
#include "app/draw.h"

/*
 * Applies one SDL event to s (through the reducer). d gives the frame's
 * layout for touches (NULL: touches ignored).
 */
void bc_input_apply_event(bc_app_state *s, const SDL_Event *e, const bc_draw *d);

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
