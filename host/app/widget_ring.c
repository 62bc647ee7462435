/* SPDX-License-Identifier: MIT */
/* Progress ring: see widgets.h. */
#include "app/widgets.h"

void bc_widget_ring(const bc_draw *d, int cx, int cy, int r_px, int thickness_px, float frac,
		    SDL_Color color)
{
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	float r_in = (float)(r_px - thickness_px);
	bc_draw_arc(d, cx, cy, r_in, r_px, 0.0f, 1.0f, bc_col_track);
	if (frac > 0)
		bc_draw_arc(d, cx, cy, r_in, r_px, 0.0f, frac, color);
}
