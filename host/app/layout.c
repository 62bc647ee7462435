/* SPDX-License-Identifier: MIT */
/* The design grid on a frame of any size: see layout.h. */
#include "app/layout.h"

int bc_status_bar_h(const bc_draw *d)
{
	return bc_dp(d, BC_STATUS_BAR_H);
}

/*
 * Layouts are written in 800x480 coordinates. A frame of another aspect
 * ratio gets the design scaled by the smaller factor and centred, with the
 * spare room split evenly, so nothing is ever cut off or stretched.
 */
SDL_Rect bc_design_rect(const bc_draw *d, int x, int y, int w, int h)
{
	int off_x = (d->w - bc_dp(d, BC_DESIGN_W)) / 2;
	int off_y = (d->h - bc_dp(d, BC_DESIGN_H)) / 2;
	if (off_x < 0)
		off_x = 0;
	if (off_y < 0)
		off_y = 0;
	SDL_Rect r = { off_x + (int)(x * d->k + 0.5f), off_y + (int)(y * d->k + 0.5f),
		       (int)(w * d->k + 0.5f), (int)(h * d->k + 0.5f) };
	return r;
}
