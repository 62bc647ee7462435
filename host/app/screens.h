/* SPDX-License-Identifier: MIT */
/*
 * The screens, one file each (render_*.c), and the places on them that
 * input and tests look up. Each draws from the app state and changes
 * nothing; render.c picks which one a frame shows.
 */
#ifndef BC_APP_SCREENS_H
#define BC_APP_SCREENS_H

#include "app/app_state.h"
#include "app/draw.h"

/* Screens and parts; area is the frame below the status bar. */
void bc_render_status_bar(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_home(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_calibration(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_exercise(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_posture(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_summary(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_plug_in(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_exercises(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_rest(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_progress(const bc_draw *d, const bc_app_state *s, SDL_Rect area);
void bc_render_profiles(const bc_draw *d, const bc_app_state *s, SDL_Rect area);

/* Home (today's plan): tile t's rectangle (bc_home_tile), the tile under a point (-1). */
SDL_Rect bc_today_tile_rect(const bc_draw *d, int tile);
int bc_today_tile_at(const bc_draw *d, int x, int y);

/* The profile chooser: tile i's rectangle, the tile under a point (-1). */
SDL_Rect bc_profile_tile_rect(const bc_draw *d, int i);
int bc_profile_tile_at(const bc_draw *d, const bc_app_state *s, int x, int y);

/*
 * The exercise list's tiles: rectangle of tile i (BC_EXERCISE_COUNT: the
 * "Today" tile back home), and the tile under a point (-1: none).
 */
SDL_Rect bc_home_tile_rect(const bc_draw *d, int i);
int bc_home_tile_at(const bc_draw *d, int x, int y);

/*
 * A tile's title is read from the floor, 2 m away: at 800x480 its capital
 * letters are at least BC_HOME_TITLE_CAP_MIN_PX tall (the official 7"
 * panel has 0.193 mm pixels: 5.2 mm, 9 arcminutes at 2 m, 1.8 times the
 * letter a 20/20 eye just reads). The title font is BC_HOME_TITLE_PX
 * design px; a long title takes two lines rather than a smaller font
 * (test_app_render checks every title's ink).
 */
#define BC_HOME_TITLE_PX	 BC_TEXT_READ_PX
#define BC_HOME_TITLE_CAP_MIN_PX BC_TEXT_CAP_MIN_PX

typedef struct {
	char line[2][48];
	int n;	/* lines used, 1 or 2 */
	int px; /* font size, frame pixels */
} bc_home_title;

/* How the title is set in the tile: one or two lines, and the font size. */
void bc_home_title_layout(const bc_draw *d, const char *title, SDL_Rect tile, bc_home_title *out);

/* Summary: the big figure panels (0 counted / alerts, 1 not counted). */
SDL_Rect bc_summary_figure_rect(const bc_draw *d, int i);

/* Exercise screen: where the rep counter's digits are drawn. */
SDL_Rect bc_exercise_counter_rect(const bc_draw *d);

/* Exercise screen: the moving picture of the exercise. */
SDL_Rect bc_exercise_figure_rect(const bc_draw *d);

/* Exercise and posture screens: the large message across the bottom. */
SDL_Rect bc_exercise_message_rect(const bc_draw *d);

/*
 * The large message: why the last attempt did not count (red, from the
 * rejection until the next attempt starts), else the coach's line
 * (bc_app_feedback), wrapped to two lines of must-read text.
 */
void bc_render_message(const bc_draw *d, const bc_app_state *s, SDL_Rect area);

/* Over any screen: PAUSED, "End this set?", a problem to tell (render_overlays.c). */
void bc_render_overlays(const bc_draw *d, const bc_app_state *s);

/* The button map along the bottom edge (input.c says it). */
void bc_render_footer(const bc_draw *d, const bc_app_state *s);

#endif /* BC_APP_SCREENS_H */
