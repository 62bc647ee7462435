/* SPDX-License-Identifier: MIT */
/*
 * Drawing the coach screen from the app state. bc_render_frame() draws a
 * whole frame and changes nothing; each screen has its own file.
 */
#ifndef BC_APP_RENDER_H
#define BC_APP_RENDER_H

#include "app/app_state.h"
#include "app/draw.h"

/* The whole frame for s: status bar, then the current screen. */
void bc_render_frame(const bc_draw *d, const bc_app_state *s);

/* Screens and parts; area is the frame below the status bar. */
void bc_render_status_bar(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_home(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_calibration(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_exercise(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_posture(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_summary(const bc_draw *d, const bc_app_state *s, SDL_Rect area);

/* The one line of feedback at the bottom of the exercise and posture screens. */
void bc_render_feedback(const bc_draw *d, const bc_app_state *s, SDL_Rect area);

/* Home screen tiles: rectangle of tile i, and the tile under a point (-1: none). */
SDL_Rect bc_home_tile_rect(const bc_draw *d, int i);
int bc_home_tile_at(const bc_draw *d, int x, int y);

/* Summary: the big figure panels (0 counted / alerts, 1 not counted). */
SDL_Rect bc_summary_figure_rect(const bc_draw *d, int i);

/* Exercise screen: where the rep counter's digits are drawn. */
SDL_Rect bc_exercise_counter_rect(const bc_draw *d);

/* Status bar height of this frame, pixels. */
int bc_status_bar_h(const bc_draw *d);

/* Design-size rectangle (800x480 coordinates) scaled and centred in the frame. */
SDL_Rect bc_design_rect(const bc_draw *d, int x, int y, int w, int h);

#endif /* BC_APP_RENDER_H */
