/* SPDX-License-Identifier: MIT */
/*
 * The device with no sensor (run --kiosk): what to do, what the last probe
 * of the bus found (each address, or why the bus could not be opened), and
 * the demo one tap away. The loop keeps probing; coaching starts by itself
 * when the sensor answers. A sensor that answers but fails to start is
 * named with the reason and the seconds to the next try.
 */
#include "app/screens.h"

#include <stdio.h>
#include <string.h>

#include "app/layout.h"

#define REPORT_LINES 6
#define LINE_PX	     19

/*
 * The probe's one-line report ("i2c-1: 0x68 no answer, 0x69 ...", or the
 * bus's error "... (is I2C on? ...)") as lines that fit the screen.
 */
static int report_lines(const char *report, char lines[REPORT_LINES][96])
{
	int n = 0;
	const char *p = report;
	while (*p && n < REPORT_LINES) {
		size_t len = strcspn(p, ",(");
		const char *colon = n == 0 ? strstr(p, ": ") : NULL;
		if (colon && (size_t)(colon - p) < len && !strncmp(p, "i2c-", 4))
			len = (size_t)(colon - p) + 1; /* "i2c-1:" on a line of its own */
		snprintf(lines[n++], 96, "%.*s", (int)(len < 95 ? len : 95), p);
		p += len;
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
	}
	return n;
}

/*
 * The headline: plug it in, or (a chip answers but fails to start) why it
 * does not start and when it is tried again. Returns y below it.
 */
static int headline(const bc_draw *d, const bc_app_state *s, int x, int y, int w)
{
	if (!s->not_starting[0]) {
		bc_draw_text(d, "Plug in the sensor", 40, BC_FONT_BOLD, bc_col_text, x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_TOP, w);
		y += bc_dp(d, 56);
		bc_draw_text(d, "Coaching starts by itself when it answers.", 22, BC_FONT_REGULAR,
			     bc_col_dim, x, y, BC_ALIGN_LEFT, BC_VALIGN_TOP, w);
		return y + bc_dp(d, 40);
	}
	bc_draw_text(d, "The sensor does not start", 40, BC_FONT_BOLD, bc_col_text, x, y,
		     BC_ALIGN_LEFT, BC_VALIGN_TOP, w);
	y += bc_dp(d, 52);
	/* "MPU-6050 at 0x68 answers but does not start:", then the reason */
	const char *reason = strstr(s->not_starting, "start: ");
	int head_len = reason ? (int)(reason - s->not_starting) + 6 : (int)strlen(s->not_starting);
	char head[BC_APP_TEXT_MAX];
	snprintf(head, sizeof(head), "%.*s", head_len, s->not_starting);
	bc_draw_text(d, head, LINE_PX, BC_FONT_BOLD, bc_col_hold, x, y, BC_ALIGN_LEFT,
		     BC_VALIGN_TOP, w);
	y += bc_dp(d, LINE_PX + 6);
	if (reason) {
		bc_draw_text(d, reason + 7, LINE_PX, BC_FONT_REGULAR, bc_col_hold, x, y,
			     BC_ALIGN_LEFT, BC_VALIGN_TOP, w);
		y += bc_dp(d, LINE_PX + 6);
	}
	y += bc_dp(d, 6);
	char again[96];
	if (s->retry_in_s > 0)
		snprintf(again, sizeof(again),
			 "Trying again in %d s: coaching starts by itself when it does.",
			 s->retry_in_s);
	else
		snprintf(again, sizeof(again), "Trying again now.");
	bc_draw_text(d, again, 22, BC_FONT_REGULAR, bc_col_dim, x, y, BC_ALIGN_LEFT, BC_VALIGN_TOP,
		     w);
	return y + bc_dp(d, 36);
}

void bc_render_plug_in(const bc_draw *d, const bc_app_state *s, SDL_Rect area)
{
	int x = area.x + bc_dp(d, 40), y = area.y + bc_dp(d, 28), w = area.w - bc_dp(d, 80);
	y = headline(d, s, x, y, w);
	if (!s->not_starting[0]) { /* one that answers is wired: the reason says more */
		bc_draw_text(d, "Cable: pins 1 3V3, 3 SDA, 5 SCL, 9 GND, 11 INT (hw/wiring.md)",
			     LINE_PX, BC_FONT_REGULAR, bc_col_dim, x, y, BC_ALIGN_LEFT,
			     BC_VALIGN_TOP, w);
		y += bc_dp(d, 36);
	}

	bc_draw_text(d, "Looked for:", LINE_PX, BC_FONT_BOLD, bc_col_text, x, y, BC_ALIGN_LEFT,
		     BC_VALIGN_TOP, w);
	char lines[REPORT_LINES][96];
	int n = report_lines(s->probe_report[0] ? s->probe_report : "nothing yet", lines);
	for (int i = 0; i < n; i++)
		bc_draw_text(d, lines[i], LINE_PX, BC_FONT_REGULAR, bc_col_hold, x + bc_dp(d, 140),
			     y + i * bc_dp(d, LINE_PX + 6), BC_ALIGN_LEFT, BC_VALIGN_TOP,
			     w - bc_dp(d, 140));
	if (s->drdy_note[0])
		bc_draw_text(d, s->drdy_note, 16, BC_FONT_REGULAR, bc_col_dim, x,
			     y + n * bc_dp(d, LINE_PX + 6) + bc_dp(d, 4), BC_ALIGN_LEFT,
			     BC_VALIGN_TOP, w);

	/* The demo, one tap away: the whole screen is the button, this says so. */
	SDL_Rect button = { area.x + area.w / 2 - bc_dp(d, 170), area.y + area.h - bc_dp(d, 86),
			    bc_dp(d, 340), bc_dp(d, 64) };
	bc_draw_panel(d, button, bc_dp(d, 14), bc_col_panel_hi);
	bc_draw_text(d, "Tap to try the demo", 26, BC_FONT_BOLD, bc_col_text,
		     button.x + button.w / 2, button.y + button.h / 2, BC_ALIGN_CENTER,
		     BC_VALIGN_MIDDLE, button.w);
}
