/* SPDX-License-Identifier: MIT */
/*
 * Where things go on a frame of any size: the 800x480 design scaled and
 * centred, and the status bar's height. Every screen lays itself out with
 * these; they know nothing of the screens.
 */
#ifndef BC_APP_LAYOUT_H
#define BC_APP_LAYOUT_H

#include "app/draw.h"

/* Status bar height of this frame, pixels. */
int bc_status_bar_h(const bc_draw *d);

/* Design-size rectangle (800x480 coordinates) scaled and centred in the frame. */
SDL_Rect bc_design_rect(const bc_draw *d, int x, int y, int w, int h);

#endif /* BC_APP_LAYOUT_H */
