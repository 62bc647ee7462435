/* SPDX-License-Identifier: MIT */
/* The exercise's moving picture: see widgets.h and figure.h. */
#include "app/widgets.h"

#include <math.h>

#include "app/figure.h"

/* Thicknesses in trunk lengths: a figure read from across the room. */
#define TRUNK_W 0.24f
#define LIMB_W	0.15f
#define PROP_W	0.06f

typedef struct {
	const bc_draw *d;
	float scale;  /* pixels per trunk length */
	float x0, y0; /* pixel of figure (0, 0) */
} frame;

static float px_x(const frame *f, float x)
{
	return f->x0 + x * f->scale;
}

static float px_y(const frame *f, float y)
{
	return f->y0 - y * f->scale;
}

/* A limb: a thick segment with round ends. */
static void limb(const frame *f, bc_figure_point a, bc_figure_point b, float w, SDL_Color c)
{
	float ax = px_x(f, a.x), ay = px_y(f, a.y), bx = px_x(f, b.x), by = px_y(f, b.y);
	float dx = bx - ax, dy = by - ay, len = sqrtf(dx * dx + dy * dy);
	float r = w * f->scale / 2;
	if (len > 0.5f) {
		float nx = -dy / len * r, ny = dx / len * r;
		SDL_Vertex v[6] = {
			{ { ax + nx, ay + ny }, c, { 0, 0 } },
			{ { bx + nx, by + ny }, c, { 0, 0 } },
			{ { bx - nx, by - ny }, c, { 0, 0 } },
			{ { ax + nx, ay + ny }, c, { 0, 0 } },
			{ { bx - nx, by - ny }, c, { 0, 0 } },
			{ { ax - nx, ay - ny }, c, { 0, 0 } },
		};
		SDL_RenderGeometry(f->d->r, NULL, v, 6, NULL, 0);
	}
	bc_draw_disc(f->d, ax, ay, r, c);
	bc_draw_disc(f->d, bx, by, r, c);
}

static void arm_and_leg(const frame *f, const bc_figure_joints *j, int i, SDL_Color c)
{
	limb(f, j->hip, j->knee[i], LIMB_W * 1.15f, c);
	limb(f, j->knee[i], j->foot[i], LIMB_W, c);
	limb(f, j->shoulder, j->elbow[i], LIMB_W, c);
	limb(f, j->elbow[i], j->wrist[i], LIMB_W * 0.9f, c);
}

static void body(const frame *f, const bc_figure_pose *p)
{
	bc_figure_joints j;
	bc_figure_joints_of(p, &j);
	SDL_Color near = bc_col_text, far = bc_color_dim(bc_col_text, 0.5f);
	arm_and_leg(f, &j, BC_LIMB_FAR, far); /* behind the body */
	limb(f, j.hip, j.mid_back, TRUNK_W, near);
	limb(f, j.mid_back, j.shoulder, TRUNK_W, near);
	limb(f, j.shoulder, j.head, LIMB_W, near);
	bc_draw_disc(f->d, px_x(f, j.head.x), px_y(f, j.head.y), BC_FIGURE_HEAD_R * f->scale, near);
	arm_and_leg(f, &j, BC_LIMB_NEAR, near);
	/* The lower back, where the sensor sits, in the signal colour. */
	bc_draw_disc(f->d, px_x(f, j.hip.x + (j.mid_back.x - j.hip.x) * 0.4f),
		     px_y(f, j.hip.y + (j.mid_back.y - j.hip.y) * 0.4f), TRUNK_W * 0.32f * f->scale,
		     bc_col_info);
}

static void grow(float *lo_x, float *hi_x, float *lo_y, float *hi_y, bc_figure_point p, float r)
{
	*lo_x = fminf(*lo_x, p.x - r);
	*hi_x = fmaxf(*hi_x, p.x + r);
	*lo_y = fminf(*lo_y, p.y - r);
	*hi_y = fmaxf(*hi_y, p.y + r);
}

/* Everything a pose covers, with the limbs' thickness. */
static void cover(const bc_figure_pose *p, float *lo_x, float *hi_x, float *lo_y, float *hi_y)
{
	bc_figure_joints j;
	bc_figure_joints_of(p, &j);
	grow(lo_x, hi_x, lo_y, hi_y, j.hip, TRUNK_W / 2);
	grow(lo_x, hi_x, lo_y, hi_y, j.mid_back, TRUNK_W / 2);
	grow(lo_x, hi_x, lo_y, hi_y, j.shoulder, TRUNK_W / 2);
	grow(lo_x, hi_x, lo_y, hi_y, j.head, BC_FIGURE_HEAD_R);
	for (int i = 0; i < BC_LIMB_COUNT; i++) {
		grow(lo_x, hi_x, lo_y, hi_y, j.elbow[i], LIMB_W / 2);
		grow(lo_x, hi_x, lo_y, hi_y, j.wrist[i], LIMB_W / 2);
		grow(lo_x, hi_x, lo_y, hi_y, j.knee[i], LIMB_W / 2);
		grow(lo_x, hi_x, lo_y, hi_y, j.foot[i], LIMB_W / 2);
	}
}

static void prop(const frame *f, const bc_figure_row *row, float lo_x, float hi_x)
{
	SDL_Color c = bc_col_track;
	int w = (int)fmaxf(2.0f, PROP_W * f->scale);
	if (row->prop == BC_PROP_NONE)
		return;
	SDL_Rect floor = { (int)px_x(f, lo_x), (int)px_y(f, 0) + 1, (int)((hi_x - lo_x) * f->scale),
			   w };
	bc_draw_fill(f->d, floor, c);
	if (row->prop == BC_PROP_CHAIR) {
		/* Seat under the hips, legs to the floor, a back behind. */
		float seat_y = row->start.hip_y - LIMB_W, x0 = row->prop_x - 0.45f;
		SDL_Rect seat = { (int)px_x(f, x0), (int)px_y(f, seat_y), (int)(0.8f * f->scale),
				  w };
		SDL_Rect leg = { (int)px_x(f, x0), (int)px_y(f, seat_y), w,
				 (int)(seat_y * f->scale) };
		SDL_Rect back = { (int)px_x(f, x0) - w, (int)px_y(f, seat_y + 0.9f), w,
				  (int)(seat_y * f->scale + 0.9f * f->scale) };
		bc_draw_fill(f->d, seat, c);
		bc_draw_fill(f->d, leg, c);
		bc_draw_fill(f->d, back, c);
	} else if (row->prop == BC_PROP_DOOR_FRAME) {
		SDL_Rect post = { (int)px_x(f, row->prop_x), (int)px_y(f, 3.4f), 2 * w,
				  (int)(3.4f * f->scale) };
		bc_draw_fill(f->d, post, c);
	}
}

bool bc_widget_figure(const bc_draw *d, SDL_Rect area, bc_exercise_id ex, double t_s)
{
	const bc_figure_row *row = bc_figure_row_of(ex);
	if (!row || area.w < 8 || area.h < 8)
		return false;
	float lo_x = 1e9f, hi_x = -1e9f, lo_y = 1e9f, hi_y = -1e9f;
	cover(&row->start, &lo_x, &hi_x, &lo_y, &hi_y);
	cover(&row->end, &lo_x, &hi_x, &lo_y, &hi_y);
	if (row->has_end2)
		cover(&row->end2, &lo_x, &hi_x, &lo_y, &hi_y);
	if (row->prop != BC_PROP_NONE)
		lo_y = fminf(lo_y, 0.0f);
	if (row->prop == BC_PROP_DOOR_FRAME)
		hi_x = fmaxf(hi_x, row->prop_x + 0.1f);
	lo_x -= 0.1f;
	hi_x += 0.1f;
	float sx = area.w / (hi_x - lo_x), sy = area.h / (hi_y - lo_y);
	frame f = { .d = d, .scale = fminf(sx, sy) };
	/* Centred in the area, standing on its bottom edge. */
	f.x0 = area.x + (area.w - (hi_x - lo_x) * f.scale) / 2 - lo_x * f.scale;
	f.y0 = area.y + area.h - (area.h - (hi_y - lo_y) * f.scale) / 2 + lo_y * f.scale;
	prop(&f, row, lo_x, hi_x);
	bc_figure_pose p;
	bc_figure_pose_at(row, t_s, &p);
	body(&f, &p);
	return true;
}
