/* SPDX-License-Identifier: MIT */
/*
 * Drawing the coach screen from the app state. bc_render_frame() draws a
 * whole frame and changes nothing; each screen has its own file (screens.h).
 */
#ifndef BC_APP_RENDER_H
#define BC_APP_RENDER_H

#include "app/app_state.h"
#include "app/draw.h"

/* The whole frame for s: status bar, then the current screen. */
void bc_render_frame(const bc_draw *d, const bc_app_state *s);

#endif /* BC_APP_RENDER_H */
