/* SPDX-License-Identifier: MIT */
/*
 * Set and session summary: how many counted (one-sided: per side), how many
 * did not and why, the hold times and the range reached. For the posture monitor: alerts and the
 * time spent slouched.
 */
#include "app/screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app_state.h"
#include "app/layout.h"
#include "app/side_words.h"
#include "coach/exercise_table.h"
#include "form_text.h"

SDL_Rect bc_summary_figure_rect(const bc_draw *d, int i)
{
	return bc_design_rect(d, 16 + 392 * i, 106, 376, 150);
}

/* A big number with its label under it, both read from the floor. */
static void big_figure(const bc_draw *d, SDL_Rect r, const char *value, const char *label,
		       SDL_Color c)
{
	bc_draw_panel(d, r, bc_dp(d, 16), bc_col_panel);
	bc_draw_text(d, value, 104, BC_FONT_BOLD, c, r.x + r.w / 2, r.y + r.h * 37 / 100,
		     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 20));
	bc_draw_text(d, label, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_dim, r.x + r.w / 2,
		     r.y + r.h * 82 / 100, BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, r.w - bc_dp(d, 20));
}

/* The reasons attempts did not count, most frequent first, while they fit (large). */
static int reasons(const bc_draw *d, const bc_session_tally *t, SDL_Rect col)
{
	bool shown[BC_REJECT_COUNT] = { false };
	int y = col.y + bc_dp(d, 22), lines = 0;
	for (;;) {
		int best = -1;
		for (int r = 0; r < BC_REJECT_COUNT; r++)
			if (!shown[r] && t->rejected_by_reason[r] > 0 &&
			    (best < 0 || t->rejected_by_reason[r] > t->rejected_by_reason[best]))
				best = r;
		if (best < 0)
			break;
		if (lines == 2) { /* no room for more lines: say how many more */
			int more = 0;
			for (int r = 0; r < BC_REJECT_COUNT; r++)
				more += shown[r] ? 0 : t->rejected_by_reason[r];
			char line[48];
			snprintf(line, sizeof(line), "+ %d more not counted", more);
			bc_draw_note(d, line, 20, BC_FONT_REGULAR, bc_col_bad, col.x + col.w,
				     y - bc_dp(d, 46), BC_ALIGN_RIGHT, BC_VALIGN_MIDDLE, 0);
			break;
		}
		shown[best] = true;
		char line[BC_APP_TEXT_MAX];
		const char *why = best == BC_REJECT_NONE ? "other" : bc_reject_reason_text(best);
		snprintf(line, sizeof(line), "\xe2\x9c\x97 %s \xc3\x97 %d", why,
			 t->rejected_by_reason[best]);
		bc_draw_text(d, line, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_bad, col.x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
		y += bc_dp(d, 46);
		lines++;
	}
	return lines;
}

void bc_render_summary(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	(void)area;
	const bc_exercise_info *info = bc_exercise_info_get(s->exercise);
	bool posture = s->exercise == BC_EXERCISE_POSTURE;
	char title[96], num[24], line[BC_APP_TEXT_MAX + 64];
	snprintf(title, sizeof(title), "%s: %s", info ? info->title : "Session",
		 s->session_over ? "done" : "set complete");
	SDL_Rect head = bc_design_rect(d, 16, 50, 768, 52);
	bc_draw_text(d, title, 42, BC_FONT_BOLD, bc_col_text, head.x, head.y + head.h / 2,
		     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, head.w);

	const bc_session_tally *t = &s->tally.events;
	snprintf(num, sizeof(num), "%d", s->view.reps);
	big_figure(d, bc_summary_figure_rect(d, 0), num, posture ? "alerts" : "counted",
		   posture ? bc_col_hold : bc_col_good);
	if (posture) {
		int secs = (int)(s->tally.slouched_s + 0.5f);
		snprintf(num, sizeof(num), "%d:%02d", secs / 60, secs % 60);
		big_figure(d, bc_summary_figure_rect(d, 1), num, "slouched", bc_col_text);
	} else {
		snprintf(num, sizeof(num), "%d", s->view.rejected);
		big_figure(d, bc_summary_figure_rect(d, 1), num, "not counted",
			   s->view.rejected ? bc_col_bad : bc_col_dim);
	}

	/* Why attempts did not count, large; the rest of the figures in one line, small. */
	SDL_Rect col = bc_design_rect(d, 24, 262, 752, 100);
	if (!posture && reasons(d, t, col) == 0 && s->view.rejected == 0)
		bc_draw_text(d, "Every attempt counted", BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_good,
			     col.x, col.y + bc_dp(d, 22), BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, col.w);
	char details[BC_APP_TEXT_MAX] = "", part[80], form[64];
	int total = (int)bc_app_session_s(s);
	if (posture) {
		snprintf(part, sizeof(part), "Watched for %d:%02d", total / 60, total % 60);
		strncat(details, part, sizeof(details) - strlen(details) - 1);
	}
	char sides[64] = "";
	if (t->per_side)
		bc_app_side_counts(t->side_reps, s->view.target_reps, sides, sizeof(sides));
	if (!posture && t->holds > 0) {
		snprintf(part, sizeof(part), "Holds best %.1f s, mean %.1f s", t->best_hold_s,
			 t->total_hold_s / t->holds);
		strncat(details, part, sizeof(details) - strlen(details) - 1);
	}
	if (!posture && t->peak_deg > 0) { /* NAN: no counted rep */
		snprintf(part, sizeof(part), "  \xc2\xb7  range %.0f\xc2\xb0", t->peak_deg);
		strncat(details, part, sizeof(details) - strlen(details) - 1);
	}
	/* steadiness and smoothness (the time to the zone is in the report) */
	if (!posture && bc_form_text(bc_tally_mean_of(&t->hold_sd_deg),
				     bc_tally_mean_of(&t->smoothness), NAN, form, sizeof(form))) {
		snprintf(part, sizeof(part), "  \xc2\xb7  %s", form);
		strncat(details, part, sizeof(details) - strlen(details) - 1);
	}
	SDL_Rect foot = bc_design_rect(d, 24, 360, 752, 90);
	int y = foot.y + bc_dp(d, 16);
	if (sides[0]) { /* the counts per side matter as much as the total */
		bc_draw_text(d, sides, BC_TEXT_READ_PX, BC_FONT_BOLD, bc_col_text, foot.x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, foot.w);
		y += bc_dp(d, 40);
	}
	bc_draw_note(d, details, 20, BC_FONT_REGULAR, bc_col_text, foot.x, y, BC_ALIGN_LEFT,
		     BC_VALIGN_MIDDLE, foot.w);
	if (s->saved_to[0] && !sides[0]) {
		snprintf(line, sizeof(line), "Recorded to %s", s->saved_to);
		bc_draw_note(d, line, 17, BC_FONT_REGULAR, bc_col_dim, foot.x, y + bc_dp(d, 28),
			     BC_ALIGN_LEFT, BC_VALIGN_MIDDLE, foot.w);
	}
}
