/* SPDX-License-Identifier: MIT */
/* Tilt steadiness: see tilt_steadiness.h. */
#include "body/tilt_steadiness.h"

#include <math.h>

/* Functions */

void bc_tilt_steady_init(bc_tilt_steadiness *d, const bc_tilt_steady_settings *settings)
{
	static const bc_tilt_steady_settings defaults = BC_TILT_STEADY_SETTINGS_DEFAULT_INIT;

	*d = (bc_tilt_steadiness){ 0 };
	d->settings = settings ? *settings : defaults;
	d->cos_tol = cosf(d->settings.tol_deg / BC_DEG_PER_RAD);
}

void bc_tilt_steady_reset(bc_tilt_steadiness *d)
{
	bc_tilt_steady_settings settings = d->settings;
	uint32_t spell_id = d->spell_id;
	bc_tilt_steady_init(d, &settings);
	d->spell_id = spell_id + 1;
}

static const bc_tilt_block *block_back(const bc_tilt_steadiness *d, int age)
{
	int i = (d->head - 1 - age + 2 * BC_TILT_STEADY_BLOCKS) % BC_TILT_STEADY_BLOCKS;
	return &d->ring[i];
}

static bool within_tol(const bc_tilt_steadiness *d, bc_vec3 up, bc_vec3 sum)
{
	return bc_vec3_dot(up, bc_vec3_normalize(sum)) >= d->cos_tol;
}

static void add_to_head(bc_tilt_steadiness *d, const bc_tilt_block *b)
{
	d->head_sum = bc_vec3_add(d->head_sum, bc_vec3_scale(b->up, b->dur_s));
	d->head_s += b->dur_s;
}

/*
 * The newest block left the spell: the new spell is the newest block and the
 * blocks just before it that lie within the tolerance of it (the tilt now).
 */
static void rebuild_spell(bc_tilt_steadiness *d)
{
	const bc_tilt_block *newest = block_back(d, 0);

	d->spell_sum = bc_vec3_make(0, 0, 0);
	d->spell_blocks = 0;
	d->spell_s = 0.0f;
	d->spell_id++;
	for (int age = 0; age < d->count; age++) {
		const bc_tilt_block *b = block_back(d, age);
		if (!(b->dur_s > 0.0f) || bc_vec3_dot(b->up, newest->up) < d->cos_tol)
			break;
		d->spell_sum = bc_vec3_add(d->spell_sum, bc_vec3_scale(b->up, b->dur_s));
		d->spell_blocks++;
		d->spell_s += b->dur_s;
	}
	d->head_sum = bc_vec3_make(0, 0, 0);
	d->head_s = 0.0f;
	for (int age = d->spell_blocks - 1; age >= 0 && d->head_s < d->settings.settle_s; age--)
		add_to_head(d, block_back(d, age));
}

static void close_block(bc_tilt_steadiness *d)
{
	bc_vec3 mean_g = bc_vec3_scale(d->fill_sum_g, 1.0f / (float)d->fill_n);
	float norm_g = bc_vec3_norm(mean_g);
	bool near_1g = fabsf(norm_g - 1.0f) < d->settings.norm_tol_g;
	bc_tilt_block b = {
		.up = near_1g ? bc_vec3_scale(mean_g, 1.0f / norm_g) : bc_vec3_make(0, 0, 1),
		.norm_g = norm_g,
		.dur_s = near_1g ? d->fill_s : 0.0f,
	};

	d->ring[d->head] = b;
	d->head = (d->head + 1) % BC_TILT_STEADY_BLOCKS;
	if (d->count < BC_TILT_STEADY_BLOCKS)
		d->count++;
	d->fill_sum_g = bc_vec3_make(0, 0, 0);
	d->fill_n = 0;
	d->fill_s = 0.0f;

	if (near_1g && d->spell_blocks > 0 && within_tol(d, b.up, d->spell_sum)) {
		d->spell_sum = bc_vec3_add(d->spell_sum, bc_vec3_scale(b.up, b.dur_s));
		d->spell_s += b.dur_s;
		if (d->spell_blocks < BC_TILT_STEADY_BLOCKS)
			d->spell_blocks++;
		if (d->head_s < d->settings.settle_s)
			add_to_head(d, &b);
	} else {
		rebuild_spell(d);
	}
}

bool bc_tilt_steady_update(bc_tilt_steadiness *d, bc_vec3 accel_g, float dt_s)
{
	if (!bc_vec3_isfinite(accel_g))
		return false;
	if (!d->primed || !(dt_s > 0.0f)) {
		d->lp_g = accel_g;
		d->primed = true;
		return false;
	}
	float tau_s = d->settings.lp_tau_s;
	float k = tau_s > 0.0f ? dt_s / (tau_s + dt_s) : 1.0f;
	d->lp_g = bc_vec3_add(d->lp_g, bc_vec3_scale(bc_vec3_sub(accel_g, d->lp_g), k));
	d->fill_sum_g = bc_vec3_add(d->fill_sum_g, d->lp_g);
	d->fill_n++;
	d->fill_s += dt_s;
	if (d->fill_s < d->settings.block_s)
		return false;
	close_block(d);
	return true;
}

bc_vec3 bc_tilt_steady_up(const bc_tilt_steadiness *d)
{
	bc_vec3 sum = d->spell_s > d->head_s ? bc_vec3_sub(d->spell_sum, d->head_sum)
					     : d->spell_sum;
	return bc_vec3_normalize(sum);
}

bc_vec3 bc_tilt_steady_up_settled(const bc_tilt_steadiness *d)
{
	float settle_s = d->settings.settle_s;
	if (!(d->spell_s > d->head_s + 2.0f * settle_s))
		return bc_tilt_steady_up(d);
	bc_vec3 sum = bc_vec3_sub(d->spell_sum, d->head_sum);
	float tail_s = 0.0f;
	for (int age = 0; age < d->spell_blocks && tail_s < settle_s; age++) {
		const bc_tilt_block *b = block_back(d, age);
		sum = bc_vec3_sub(sum, bc_vec3_scale(b->up, b->dur_s));
		tail_s += b->dur_s;
	}
	return bc_vec3_normalize(sum);
}
