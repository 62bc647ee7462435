/* SPDX-License-Identifier: MIT */
#include "sim/person.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "sim/rng.h"

/* Functions */

void sim_person_make(sim_person *p, uint64_t id)
{
	sim_rng r;
	sim_rng_seed(&r, id ^ 0x5045525330ULL); /* "PERS0": persons apart from sessions */
	p->id = id;
	p->range = sim_rng_unit(&r);
	p->tempo = sim_rng_uniform(&r, 0.6, 1.7);
	p->hold_extra_s = sim_rng_uniform(&r, 0.8, 4.0);
	p->rest_s = sim_rng_uniform(&r, 1.5, 6.0);
	p->wobble_deg = sim_rng_uniform(&r, 0.1, 1.0);
	p->wobble_hz = sim_rng_uniform(&r, 0.5, 2.5);
	p->excursion_p = sim_rng_chance(&r, 0.5) ? sim_rng_uniform(&r, 0.2, 0.6) : 0.0;
	p->breath_hz = sim_rng_uniform(&r, 0.15, 0.33);
	p->breath_deg = sim_rng_uniform(&r, 0.1, 0.5);
	p->breath_m = sim_rng_uniform(&r, 0.001, 0.004);
	p->sway_deg = sim_rng_uniform(&r, 0.1, 0.6);
	p->stand_height_m = sim_rng_uniform(&r, 0.90, 1.12);
	p->supine_tilt_deg = sim_rng_uniform(&r, -6.0, 6.0);
	p->supine_roll_deg = sim_rng_uniform(&r, -4.0, 4.0);
	p->tabletop_tilt_deg = sim_rng_uniform(&r, -8.0, 8.0);
	p->sit_back_deg = sim_rng_uniform(&r, 1.5, 5.0);
	p->step_hz = sim_rng_uniform(&r, 1.6, 2.1);
	p->walk_speed_m_s = sim_rng_uniform(&r, 0.8, 1.5);
	/* Drawn last, so that the draws above give the same person as before.
	 * Real lower backs standing (data/ipol-l5, docs/sway.md): gyro 95th
	 * percentile 0.7..18 deg/s, median ~2.5, and about one person in six
	 * above 9: most are log-spread, one in seven shakes a lot. */
	p->sway_hz = sim_rng_uniform(&r, 0.1, 0.5);
	p->tremor_dps = sim_rng_chance(&r, 0.15) ? sim_rng_uniform(&r, 8.0, 20.0)
						 : exp(sim_rng_uniform(&r, log(0.2), log(5.0)));
	p->tremor_hz = exp(sim_rng_uniform(&r, log(3.0), log(10.0)));
	p->twist_share = sim_rng_uniform(&r, 0.2, 0.85);
	p->drift_deg = sim_rng_uniform(&r, 0.0, 1.0);
	/* A third shift their weight once; a few by as much as the most
	 * restless real person (a 7-8 deg lean, then steady). */
	p->shift_deg = !sim_rng_chance(&r, 0.35)  ? 0.0
		       : sim_rng_chance(&r, 0.25) ? sim_rng_uniform(&r, 4.0, 8.0)
						  : sim_rng_uniform(&r, 1.0, 4.0);
	p->fidget_p = sim_rng_chance(&r, 0.3) ? sim_rng_uniform(&r, 0.5, 1.0) : 0.0;
}

void sim_person_describe(const sim_person *p, char *buf, size_t size)
{
	snprintf(buf, size,
		 "id=%" PRIu64 " range=%.2f tempo=%.2f hold_extra_s=%.1f rest_s=%.1f "
		 "wobble_deg=%.2f wobble_hz=%.2f excursion_p=%.2f breath_hz=%.2f "
		 "breath_deg=%.2f sway_deg=%.2f sway_hz=%.2f tremor_dps=%.1f tremor_hz=%.1f "
		 "twist_share=%.2f drift_deg=%.2f shift_deg=%.1f fidget_p=%.2f "
		 "height_m=%.2f step_hz=%.2f speed_m_s=%.2f",
		 p->id, p->range, p->tempo, p->hold_extra_s, p->rest_s, p->wobble_deg, p->wobble_hz,
		 p->excursion_p, p->breath_hz, p->breath_deg, p->sway_deg, p->sway_hz,
		 p->tremor_dps, p->tremor_hz, p->twist_share, p->drift_deg, p->shift_deg,
		 p->fidget_p, p->stand_height_m, p->step_hz, p->walk_speed_m_s);
}
