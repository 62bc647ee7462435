/* SPDX-License-Identifier: MIT */
/*
 * Posture monitor: the lower back's angle from the learned upright posture,
 * against the upright zone the coach marks; the time spent slouched and the
 * number of alerts the coach raised.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>

#include "app/layout.h"
#include "app/screen_words.h"
#include "app/widgets.h"

static void stat_block(const bc_draw *d, SDL_Rect r, const char *label, const char *value,
		       SDL_Color c)
{
	bc_draw_panel(d, r, bc_dp(d, 16), bc_col_panel);
	bc_draw_note(d, label, 18, BC_FONT_BOLD, bc_col_dim, r.x + r.w / 2, r.y + bc_dp(d, 24),
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 16));
	bc_draw_text(d, value, 56, BC_FONT_BOLD, c, r.x + r.w / 2, r.y + r.h * 60 / 100,
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 16));
}

void bc_render_posture(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	const bc_coach_view *v = &s->view;
	bool valid = s->have_view && v->stage == BC_CALIB_DONE;
	/* Coloured by the coach's verdict, like the word under the angle. */
	bool upright = v->hint != BC_HINT_SIT_UP;
	SDL_Color c = !valid ? bc_col_dim : upright ? bc_col_good : bc_col_hold;

	SDL_Rect big = bc_design_rect(d, 16, 50, 330, 304);
	bc_draw_panel(d, big, bc_dp(d, 16), bc_col_panel);
	char angle[24] = "--";
	if (valid)
		bc_app_deg_text(v->gauge_deg, angle, sizeof(angle));
	bc_draw_note(d, "FROM UPRIGHT", 20, BC_FONT_BOLD, bc_col_dim, big.x + big.w / 2,
		     big.y + bc_dp(d, 28), BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, 0);
	bc_draw_text(d, angle, 130, BC_FONT_BOLD, c, big.x + big.w / 2, big.y + big.h * 46 / 100,
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, big.w - bc_dp(d, 20));
	/* The same hint as the coach's line: "UPRIGHT" / "SIT UP". */
	bc_draw_text(d, valid ? bc_app_state_word(v) : "", 44, BC_FONT_BOLD, c, big.x + big.w / 2,
		     big.y + big.h * 82 / 100, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE,
		     big.w - bc_dp(d, 20));

	char alerts[16], slouched[24];
	snprintf(alerts, sizeof(alerts), "%d", v->reps);
	int secs = (int)s->tally.slouched_s;
	snprintf(slouched, sizeof(slouched), "%d:%02d", secs / 60, secs % 60);
	stat_block(d, bc_design_rect(d, 358, 50, 210, 146), "ALERTS", alerts,
		   v->reps ? bc_col_hold : bc_col_text);
	stat_block(d, bc_design_rect(d, 358, 208, 210, 146), "TIME SLOUCHED", slouched,
		   bc_col_text);

	bc_gauge_spec g = {
		.value_deg = v->gauge_deg,
		.zone_min_deg = v->zone_min_deg,
		.zone_max_deg = v->zone_max_deg,
		.label = "UPRIGHT ZONE",
		.valid = valid,
	};
	bc_widget_gauge(d, bc_design_rect(d, 576, 48, 208, 308), &g);

	bc_render_message(d, s, bc_exercise_message_rect(d));
}
