/* SPDX-License-Identifier: MIT */
/* Shapes for the coach screen: see draw.h. */
#include "app/draw.h"

#include <limits.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define ARC_SEGMENTS_PER_TURN 128
#define MAX_ARC_SEGMENTS      ARC_SEGMENTS_PER_TURN

void bc_draw_setup(bc_draw *d, SDL_Renderer *r, bc_text *text, int w, int h)
{
	d->r = r;
	d->text = text;
	d->w = w;
	d->h = h;
	d->k = bc_scale(w, h);
	d->audit = NULL; /* tests switch it on after setting up */
}

void bc_draw_fill(const bc_draw *d, SDL_Rect rect, SDL_Color c)
{
	SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(d->r, &rect);
}

static SDL_Vertex vert(float x, float y, SDL_Color c)
{
	return (SDL_Vertex){ .position = { x, y }, .color = c };
}

/* A filled circle sector as a triangle fan, a0..a1 in radians. */
static void fan(const bc_draw *d, float cx, float cy, float r, float a0, float a1, SDL_Color c)
{
	SDL_Vertex v[3 * 32];
	/* About one segment per 5 px of arc: smooth at any size, cheap when small. */
	int segs = (int)(r * fabsf(a1 - a0) / 5.0f), n = 0;
	if (segs < 4)
		segs = 4;
	if (segs > 32)
		segs = 32;
	for (int i = 0; i < segs; i++) {
		float b0 = a0 + (a1 - a0) * i / segs, b1 = a0 + (a1 - a0) * (i + 1) / segs;
		v[n++] = vert(cx, cy, c);
		v[n++] = vert(cx + r * cosf(b0), cy + r * sinf(b0), c);
		v[n++] = vert(cx + r * cosf(b1), cy + r * sinf(b1), c);
	}
	SDL_RenderGeometry(d->r, NULL, v, n, NULL, 0);
}

void bc_draw_panel(const bc_draw *d, SDL_Rect rect, int radius_px, SDL_Color c)
{
	int r = radius_px;
	if (r * 2 > rect.w)
		r = rect.w / 2;
	if (r * 2 > rect.h)
		r = rect.h / 2;
	if (r <= 0) {
		bc_draw_fill(d, rect, c);
		return;
	}
	SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
	SDL_Rect mid = { rect.x + r, rect.y, rect.w - 2 * r, rect.h };
	SDL_Rect left = { rect.x, rect.y + r, r, rect.h - 2 * r };
	SDL_Rect right = { rect.x + rect.w - r, rect.y + r, r, rect.h - 2 * r };
	SDL_RenderFillRect(d->r, &mid);
	SDL_RenderFillRect(d->r, &left);
	SDL_RenderFillRect(d->r, &right);
	const float pi = (float)M_PI;
	float x0 = rect.x + r, x1 = rect.x + rect.w - r;
	float y0 = rect.y + r, y1 = rect.y + rect.h - r;
	fan(d, x0, y0, r, pi, 1.5f * pi, c);
	fan(d, x1, y0, r, 1.5f * pi, 2 * pi, c);
	fan(d, x1, y1, r, 0, 0.5f * pi, c);
	fan(d, x0, y1, r, 0.5f * pi, pi, c);
}

void bc_draw_disc(const bc_draw *d, float cx, float cy, float r_px, SDL_Color c)
{
	fan(d, cx, cy, r_px, 0, (float)M_PI, c);
	fan(d, cx, cy, r_px, (float)M_PI, 2 * (float)M_PI, c);
}

void bc_draw_arc(const bc_draw *d, float cx, float cy, float r_in_px, float r_out_px,
		 float a0_turns, float a1_turns, SDL_Color c)
{
	if (a1_turns <= a0_turns)
		return;
	if (a1_turns - a0_turns > 1.0f)
		a1_turns = a0_turns + 1.0f;
	int segs = (int)ceilf((a1_turns - a0_turns) * ARC_SEGMENTS_PER_TURN);
	if (segs < 1)
		segs = 1;
	if (segs > MAX_ARC_SEGMENTS)
		segs = MAX_ARC_SEGMENTS;
	SDL_Vertex v[6 * MAX_ARC_SEGMENTS];
	int n = 0;
	for (int i = 0; i < segs; i++) {
		/* 0 turns at 12 o'clock, clockwise on screen (y grows downwards). */
		float t0 = a0_turns + (a1_turns - a0_turns) * i / segs;
		float t1 = a0_turns + (a1_turns - a0_turns) * (i + 1) / segs;
		float b0 = (t0 - 0.25f) * 2 * (float)M_PI, b1 = (t1 - 0.25f) * 2 * (float)M_PI;
		float c0 = cosf(b0), s0 = sinf(b0), c1 = cosf(b1), s1 = sinf(b1);
		SDL_Vertex i0 = vert(cx + r_in_px * c0, cy + r_in_px * s0, c);
		SDL_Vertex o0 = vert(cx + r_out_px * c0, cy + r_out_px * s0, c);
		SDL_Vertex i1 = vert(cx + r_in_px * c1, cy + r_in_px * s1, c);
		SDL_Vertex o1 = vert(cx + r_out_px * c1, cy + r_out_px * s1, c);
		v[n++] = i0;
		v[n++] = o0;
		v[n++] = o1;
		v[n++] = i0;
		v[n++] = o1;
		v[n++] = i1;
	}
	SDL_RenderGeometry(d->r, NULL, v, n, NULL, 0);
}

void bc_text_audit_clear(bc_text_audit *a)
{
	*a = (bc_text_audit){ .min_cap_px = INT_MAX };
}

int bc_draw_cap_min_px(const bc_draw *d)
{
	return (int)(BC_TEXT_CAP_MIN_PX * d->k);
}

/* The audit's record of one must-read text at the size it is really drawn. */
static void audit(const bc_draw *d, const char *utf8, int px, bc_font_style style, int max_w_px)
{
	bc_text_audit *a = d->audit;
	if (!a || !utf8 || !*utf8)
		return;
	int cap = bc_text_cap_px(d->text, bc_text_fit_px(d->text, utf8, px, style, max_w_px),
				 style);
	a->texts++;
	if (cap < a->min_cap_px) {
		a->min_cap_px = cap;
		snprintf(a->smallest, sizeof(a->smallest), "%.*s", (int)sizeof(a->smallest) - 1,
			 utf8);
	}
}

SDL_Rect bc_draw_text(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
		      SDL_Color c, int x, int y, bc_align align, bc_valign valign, int max_w_px)
{
	audit(d, utf8, bc_dp(d, design_px), style, max_w_px);
	return bc_text_draw(d->text, utf8, bc_dp(d, design_px), style, c, x, y, align, valign,
			    max_w_px);
}

SDL_Rect bc_draw_note(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
		      SDL_Color c, int x, int y, bc_align align, bc_valign valign, int max_w_px)
{
	return bc_text_draw(d->text, utf8, bc_dp(d, design_px), style, c, x, y, align, valign,
			    max_w_px);
}

/* Length of the longest start of text (up to n bytes) that fits w_px; 0 if none. */
static size_t fitting_prefix(const bc_draw *d, const char *text, size_t n, int px,
			     bc_font_style style, int w_px, bool *broke)
{
	char buf[256];
	size_t best = 0, last_break = 0;
	*broke = false;
	for (size_t i = 1; i <= n && i < sizeof(buf); i++) {
		/* Only whole UTF-8 characters. */
		if (i < n && ((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		memcpy(buf, text, i);
		buf[i] = '\0';
		int w = 0;
		bc_text_measure(d->text, buf, px, style, &w, NULL);
		if (w > w_px)
			break;
		best = i;
		if (i < n && (text[i] == ' ' || text[i - 1] == '/'))
			last_break = i;
	}
	if (best < n && last_break > 0) {
		*broke = true;
		return last_break;
	}
	return best;
}

int bc_draw_text_wrapped(const bc_draw *d, const char *utf8, float design_px, bc_font_style style,
			 SDL_Color c, SDL_Rect box, int max_lines)
{
	char lines[6][256];
	int px = bc_dp(d, design_px), n = 0;
	const char *p = utf8;
	if (max_lines > 6)
		max_lines = 6;
	while (p && *p && n < max_lines) {
		size_t len = strlen(p), take = len;
		bool broke = false;
		if (n < max_lines - 1)
			take = fitting_prefix(d, p, len, px, style, box.w, &broke);
		if (take == 0)
			take = len;
		snprintf(lines[n++], sizeof(lines[0]), "%.*s", (int)take, p);
		p += take;
		while (*p == ' ')
			p++;
	}
	int line_h = px * 6 / 5, y = box.y + box.h / 2 - line_h * n / 2 + line_h / 2;
	for (int i = 0; i < n; i++, y += line_h)
		bc_draw_text(d, lines[i], design_px, style, c, box.x + box.w / 2, y,
			     BC_ALIGN_CENTER, BC_VALIGN_MIDDLE, box.w);
	return n;
}

SDL_Color bc_color_dim(SDL_Color c, float amount)
{
	SDL_Color bg = bc_col_bg;
	SDL_Color out = {
		(Uint8)(bg.r + (c.r - bg.r) * amount),
		(Uint8)(bg.g + (c.g - bg.g) * amount),
		(Uint8)(bg.b + (c.b - bg.b) * amount),
		255,
	};
	return out;
}
