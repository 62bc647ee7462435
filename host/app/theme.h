/* SPDX-License-Identifier: MIT */
/*
 * Colours and proportions of the coach screen. Everything is laid out for the
 * official 7" display (800x480) and scaled by one factor, so the same code
 * draws 480x320 and 1920x1080 without a second layout.
 *
 * The wearer reads the screen from the floor a metre or two away: very dark
 * background, near-white text, one signal colour per meaning (green counted,
 * amber holding, red not counted, cyan information).
 */
#ifndef BC_APP_THEME_H
#define BC_APP_THEME_H

#include <SDL.h>

/* Design resolution: every pixel size below is at this size. */
#define BC_DESIGN_W 800
#define BC_DESIGN_H 480

/* Status bar height at the design size, pixels. */
#define BC_STATUS_BAR_H 44

static const SDL_Color bc_col_bg = { 8, 10, 16, 255 };
static const SDL_Color bc_col_panel = { 26, 31, 44, 255 };
static const SDL_Color bc_col_panel_hi = { 44, 54, 78, 255 };
static const SDL_Color bc_col_text = { 245, 247, 250, 255 };
static const SDL_Color bc_col_dim = { 150, 160, 178, 255 };
static const SDL_Color bc_col_good = { 52, 211, 153, 255 };
static const SDL_Color bc_col_hold = { 251, 191, 36, 255 };
static const SDL_Color bc_col_bad = { 248, 113, 113, 255 };
static const SDL_Color bc_col_info = { 56, 189, 248, 255 };
static const SDL_Color bc_col_track = { 48, 56, 72, 255 };

/* Pixels of the target for `design_px` pixels at 800x480 (min of both axes). */
static inline float bc_scale(int w, int h)
{
	float sx = (float)w / BC_DESIGN_W, sy = (float)h / BC_DESIGN_H;
	return sx < sy ? sx : sy;
}

static inline int bc_px(float scale, float design_px)
{
	int v = (int)(design_px * scale + 0.5f);
	return v < 1 ? 1 : v;
}

#endif /* BC_APP_THEME_H */
