/* SPDX-License-Identifier: MIT */
#include "detect/halfway.h"

void bc_halfway_start(bc_halfway *hw, int dir, float base_deg, float g_deg, double t_s)
{
	*hw = (bc_halfway){ .dir = dir,
			    .base_deg = base_deg,
			    .avg_deg = g_deg,
			    .level_deg = g_deg,
			    .prev_deg = g_deg,
			    .prev_t_s = t_s,
			    .cross_t_s = -1.0 };
}

void bc_halfway_update(bc_halfway *hw, double t_s, float g_deg, float tau_s)
{
	double step_s = t_s - hw->prev_t_s;
	if (step_s > 0.0) {
		float k = (float)(step_s / (tau_s + step_s));
		hw->avg_deg += k * (g_deg - hw->avg_deg);
	}
	if (hw->dir * (hw->avg_deg - hw->level_deg) > 0.0f)
		hw->level_deg = hw->avg_deg;

	float line = hw->base_deg + 0.5f * (hw->level_deg - hw->base_deg);
	float above = hw->dir * (g_deg - line);
	float prev_above = hw->dir * (hw->prev_deg - line);
	if (above >= 0.0f) {
		hw->cross_t_s = -1.0;
	} else if (hw->cross_t_s < 0.0) {
		/* Interpolated between the last sample above and this one. */
		if (prev_above >= 0.0f && prev_above - above > 0.0f)
			hw->cross_t_s = hw->prev_t_s + step_s * prev_above / (prev_above - above);
		else
			hw->cross_t_s = t_s;
	}
	hw->prev_deg = g_deg;
	hw->prev_t_s = t_s;
}

double bc_halfway_time(const bc_halfway *hw, double fallback_t_s)
{
	return hw->cross_t_s >= 0.0 ? hw->cross_t_s : fallback_t_s;
}
