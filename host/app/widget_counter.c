/* SPDX-License-Identifier: MIT */
/* Big rep counter: see widgets.h. */
#include "app/widgets.h"

#include <stdio.h>

void bc_widget_counter(const bc_draw *d, SDL_Rect area, int count, int target, SDL_Color color)
{
	char big[16], small[16];
	snprintf(big, sizeof(big), "%d", count);
	snprintf(small, sizeof(small), target > 0 ? "/%d" : "", target);

	/* The number is as tall as the area allows; the target sits at its baseline. */
	int big_px = area.h * 95 / 100, small_px = area.h * 32 / 100;
	int bw = 0, sw = 0;
	bc_text_measure(d->text, big, big_px, BC_FONT_BOLD, &bw, NULL);
	if (small[0])
		bc_text_measure(d->text, small, small_px, BC_FONT_BOLD, &sw, NULL);
	int total = bw + sw;
	if (total > area.w && total > 0) {
		big_px = big_px * area.w / total;
		small_px = small_px * area.w / total;
		bc_text_measure(d->text, big, big_px, BC_FONT_BOLD, &bw, NULL);
		if (small[0])
			bc_text_measure(d->text, small, small_px, BC_FONT_BOLD, &sw, NULL);
		total = bw + sw;
	}
	int x = area.x + (area.w - total) / 2;
	int base = area.y + area.h / 2;
	SDL_Rect r = bc_text_draw(d->text, big, big_px, BC_FONT_BOLD, color, x, base, BC_ALIGN_LEFT,
				  BC_VALIGN_MIDDLE, 0);
	if (small[0])
		/* DejaVu's digits sit ~78% down the line box; align the baselines. */
		bc_text_draw(d->text, small, small_px, BC_FONT_BOLD, bc_col_dim, x + bw,
			     r.y + r.h * 80 / 100, BC_ALIGN_LEFT, BC_VALIGN_BOTTOM, 0);
}
