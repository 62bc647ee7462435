/* SPDX-License-Identifier: MIT */
/* One attempt's form as it happens: see rep_form.h. */
#include "detect/rep_form.h"

#include <math.h>

void bc_rep_form_init(bc_rep_form *f, bool approach)
{
	*f = (bc_rep_form){
		.approach = approach, .time_to_zone_s = NAN, .smoothness = NAN, .hold_since_s = -1.0
	};
}

/* The backlash: follows the gauge only once it is more than half the play away. */
static float play(float out, float in)
{
	const float half = 0.5f * BC_REP_FORM_PLAY_DEG;
	return in > out + half ? in - half : in < out - half ? in + half : out;
}

static void restart(bc_rep_form *f, double t_s, float gauge_deg)
{
	bool approach = f->approach;
	bc_rep_form_init(f, approach);
	f->started = true;
	f->start_t_s = t_s;
	f->play_deg = gauge_deg;
	f->start_deg = gauge_deg;
}

/* The first sample of the hold closes the approach. */
static void reach_zone(bc_rep_form *f, double t_s)
{
	f->reached = true;
	if (!f->approach || !f->started)
		return;
	f->time_to_zone_s = (float)(t_s - f->start_t_s);
	float net = f->play_deg - f->start_deg;
	f->smoothness = f->path_deg > 0.0f ? fmaxf(0.0f, fminf(1.0f, net / f->path_deg)) : 1.0f;
}

static void add_hold_sample(bc_rep_form *f, double t_s, float gauge_deg)
{
	if (f->hold_since_s < 0.0)
		f->hold_since_s = t_s;
	if (t_s - f->hold_since_s < BC_REP_FORM_SETTLE_S)
		return;
	f->hold_n++;
	double delta = gauge_deg - f->hold_mean_deg;
	f->hold_mean_deg += delta / f->hold_n;
	f->hold_m2 += delta * (gauge_deg - f->hold_mean_deg);
}

void bc_rep_form_update(bc_rep_form *f, double t_s, float gauge_deg, bool at_start, bool holding)
{
	if (!isfinite(gauge_deg))
		return;
	if (at_start) {
		restart(f, t_s, gauge_deg);
		return;
	}
	if (!f->reached) {
		float moved = play(f->play_deg, gauge_deg);
		f->path_deg += fabsf(moved - f->play_deg);
		f->play_deg = moved;
	}
	if (holding) {
		if (!f->reached)
			reach_zone(f, t_s);
		add_hold_sample(f, t_s, gauge_deg);
	}
}

void bc_rep_form_stamp(const bc_rep_form *f, bc_coach_event *e)
{
	e->hold_sd_deg = f->hold_n >= 2 ? (float)sqrt(f->hold_m2 / (f->hold_n - 1)) : NAN;
	e->smoothness = f->smoothness;
	e->time_to_zone_s = f->time_to_zone_s;
}
