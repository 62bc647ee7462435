/* SPDX-License-Identifier: MIT */
/* The way down from the upright: see lean_path.h. */
#include "body/lean_path.h"

#include <math.h>

/* Functions */

/* Any unit vector perpendicular to unit vector z. */
static bc_vec3 any_perpendicular(bc_vec3 z)
{
	bc_vec3 axis = fabsf(z.x) < 0.6f ? bc_vec3_make(1, 0, 0) : bc_vec3_make(0, 1, 0);
	return bc_vec3_normalize(bc_vec3_cross(z, axis));
}

void bc_lean_path_start(bc_lean_path *p, bc_vec3 z, float first_min_deg)
{
	*p = (bc_lean_path){ 0 };
	p->first_min_deg = first_min_deg;
	p->z = bc_vec3_normalize(z);
	p->across_a = any_perpendicular(p->z);
	p->across_b = bc_vec3_cross(p->z, p->across_a);
}

static int sector_of(const bc_lean_path *p, bc_vec3 v)
{
	float az = bc_atan2f(bc_vec3_dot(v, p->across_b), bc_vec3_dot(v, p->across_a));
	int s = (int)floorf((az + (float)M_PI) / (2.0f * (float)M_PI) * BC_LEAN_SECTORS);
	return s < 0 ? 0 : s >= BC_LEAN_SECTORS ? BC_LEAN_SECTORS - 1 : s;
}

/* The first clear lean, followed out to where it turns back (or turns aside). */
static void follow_first_lean(bc_lean_path *p, bc_vec3 dir, float lean_deg)
{
	const float back_deg = 5.0f, aside_cos = 0.5f;
	if (p->first_done)
		return;
	if (p->first_lean_deg == 0.0f) {
		if (lean_deg >= p->first_min_deg) {
			p->first_lean = dir;
			p->first_lean_deg = lean_deg;
		}
		return;
	}
	if (bc_vec3_dot(dir, p->first_lean) < aside_cos || lean_deg < p->first_lean_deg - back_deg)
		p->first_done = true;
	else if (lean_deg > p->first_lean_deg) {
		p->first_lean = dir;
		p->first_lean_deg = lean_deg;
	}
}

void bc_lean_path_add(bc_lean_path *p, bc_vec3 up)
{
	bc_vec3 d = bc_vec3_sub(up, bc_vec3_scale(p->z, bc_vec3_dot(p->z, up)));
	float size = bc_vec3_norm(d);
	float lean_deg = bc_vec3_angle_deg(up, p->z);

	if (lean_deg > p->lean_max_deg)
		p->lean_max_deg = lean_deg;
	if (!(size > 1e-6f))
		return;
	follow_first_lean(p, bc_vec3_scale(d, 1.0f / size), lean_deg);
	int s = sector_of(p, d);
	if (lean_deg > p->sector_max_deg[s])
		p->sector_max_deg[s] = lean_deg;
}

float bc_lean_path_away_deg(const bc_lean_path *p, bc_vec3 towards)
{
	bc_vec3 d = bc_vec3_sub(towards, bc_vec3_scale(p->z, bc_vec3_dot(p->z, towards)));
	if (!(bc_vec3_norm(d) > 1e-6f))
		return 0.0f;
	int away = sector_of(p, bc_vec3_scale(d, -1.0f));
	float max_deg = 0.0f;
	/* The sector straight away and its neighbours: about 45 degrees either side. */
	for (int k = -1; k <= 1; k++) {
		float v = p->sector_max_deg[(away + k + BC_LEAN_SECTORS) % BC_LEAN_SECTORS];
		if (v > max_deg)
			max_deg = v;
	}
	return max_deg;
}
