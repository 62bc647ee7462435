/* SPDX-License-Identifier: MIT */
/*
 * Set and session summary: how many counted (one-sided: per side), how many
 * did not and why, the hold times and the range reached. For the posture monitor: alerts and the
 * time spent slouched.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>

#include "app/layout.h"
#include "app/side_words.h"
#include "coach/exercise_table.h"
#include "form_text.h"

SDL_Rect bc_summary_figure_rect(const bc_draw *d, int i)
{
	return bc_design_rect(d, 16 + 192 * i, 120, 180, 230);
}

static void big_figure(const bc_draw *d, SDL_Rect r, int n, const char *label, SDL_Color c)
{
	char num[16];
	snprintf(num, sizeof(num), "%d", n);
	bc_draw_panel(d, r, bc_dp(d, 16), bc_col_panel);
	bc_draw_text(d, num, 110, BC_FONT_BOLD, c, r.x + r.w / 2, r.y + r.h * 44 / 100,
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 20));
	bc_draw_text(d, label, 22, BC_FONT_BOLD, bc_col_dim, r.x + r.w / 2, r.y + r.h * 85 / 100,
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 20));
}

/* One line of the details list, if it fits in col; returns the next line's y. */
static int detail(const bc_draw *d, SDL_Rect col, int y, const char *text, SDL_Color c)
{
	if (y + bc_dp(d, 14) > col.y + col.h)
		return y; /* full: the least important lines, last, are left out */
	bc_draw_text(d, text, 23, BC_FONT_REGULAR, c, col.x, y, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE,
		     col.w);
	return y + bc_dp(d, 38);
}

void bc_render_summary(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	const bc_exercise_info *info = bc_exercise_info_get(s->exercise);
	bool posture = s->exercise == BC_EXERCISE_POSTURE;
	char title[96];
	snprintf(title, sizeof(title), "%s: %s", info ? info->title : "Session",
		 s->session_over ? "session done" : "set complete");
	SDL_Rect head = bc_design_rect(d, 16, 52, 768, 60);
	bc_draw_text(d, title, 34, BC_FONT_BOLD, bc_col_text, head.x, head.y + head.h / 2,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w);

	big_figure(d, bc_summary_figure_rect(d, 0), s->view.reps, posture ? "alerts" : "counted",
		   posture ? bc_col_hold : bc_col_good);
	if (!posture)
		big_figure(d, bc_summary_figure_rect(d, 1), s->view.rejected, "not counted",
			   s->view.rejected ? bc_col_bad : bc_col_dim);

	SDL_Rect col = posture ? bc_design_rect(d, 220, 120, 564, 230)
			       : bc_design_rect(d, 412, 120, 372, 230);
	int y = col.y + bc_dp(d, 18);
	char line[BC_APP_TEXT_MAX + 16];
	if (posture) {
		int secs = (int)(s->tally.slouched_s + 0.5f);
		int total = (int)(s->tally.last_t_s - s->tally.first_t_s);
		snprintf(line, sizeof(line), "Slouched %d:%02d of %d:%02d", secs / 60, secs % 60,
			 total / 60, total % 60);
		y = detail(d, col, y, line, bc_col_text);
	} else {
		bool any = false;
		const bc_session_tally *t = &s->tally.events;
		if (t->per_side) {
			bc_app_side_counts(t->side_reps, s->view.target_reps, line, sizeof(line));
			y = detail(d, col, y, line, bc_col_text);
		}
		for (int r = 0; r < BC_REJECT_COUNT; r++) {
			if (!t->rejected_by_reason[r])
				continue;
			const char *why = r == BC_REJECT_NONE ? "other" : bc_reject_reason_text(r);
			snprintf(line, sizeof(line), "\xe2\x9c\x97 %s \xc3\x97 %d", why,
				 t->rejected_by_reason[r]);
			y = detail(d, col, y, line, bc_col_bad);
			any = true;
		}
		if (!any && s->view.rejected == 0)
			y = detail(d, col, y, "Every attempt counted", bc_col_good);
		if (t->holds > 0) {
			snprintf(line, sizeof(line), "Holds: best %.1f s, mean %.1f s",
				 t->best_hold_s, t->total_hold_s / t->holds);
			y = detail(d, col, y, line, bc_col_text);
		}
		if (t->peak_deg > 0) { /* NAN: no counted rep */
			snprintf(line, sizeof(line), "Range reached: %.0f\xc2\xb0", t->peak_deg);
			y = detail(d, col, y, line, bc_col_text);
		}
		/* steadiness and smoothness: room for two (the time to the zone is in the report) */
		if (bc_form_text(bc_tally_mean_of(&t->hold_sd_deg),
				 bc_tally_mean_of(&t->smoothness), NAN, line, sizeof(line)))
			y = detail(d, col, y, line, bc_col_text);
		if (s->view.target_reps > 0) {
			snprintf(line, sizeof(line), "Target: %d", s->view.target_reps);
			y = detail(d, col, y, line, bc_col_dim);
		}
	}

	if (s->saved_to[0]) {
		snprintf(line, sizeof(line), "Recorded to %s", s->saved_to);
		bc_draw_text(d, line, 17, BC_FONT_REGULAR, bc_col_dim, head.x,
			     bc_design_rect(d, 0, 358, 1, 1).y, BC_ALIGN_LEFT, BC_VALIGN_MIDDLE,
			     head.w);
	}

	SDL_Rect foot = bc_design_rect(d, 16, 372, 768, 96);
	const char *hint = s->session_over
				   ? "START / Enter / tap: again  \xc2\xb7  NEXT / Esc: home"
				   : "Carry on when ready  \xc2\xb7  NEXT: home";
	bc_draw_panel(d, foot, bc_dp(d, 14), bc_col_panel);
	bc_draw_text(d, hint, 26, BC_FONT_BOLD, bc_col_info, foot.x + foot.w / 2,
		     foot.y + foot.h / 2, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, foot.w - bc_dp(d, 24));
}
