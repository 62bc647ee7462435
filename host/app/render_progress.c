/* SPDX-License-Identifier: MIT */
/* Progress: the calendar of days done and charts per exercise (cairo: after the chart module). */
#include "app/screens.h"

#include "app/layout.h"

void bc_render_progress(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	(void)s;
	SDL_Rect head = bc_design_rect(d, 16, 50, 768, 46);
	bc_draw_text(d, "Progress", BC_READ_PX, BC_FONT_BOLD, bc_col_text, head.x,
		     head.y + head.h / 2, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w);
}
