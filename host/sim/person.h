/* SPDX-License-Identifier: MIT */
/*
 * A simulated wearer: how far they move, how fast, how long they hold, how
 * much they wobble, shake, sway and breathe. People differ widely so that detectors are
 * tuned to the contract's definitions, not to one simulated body.
 */
#ifndef BC_SIM_PERSON_H
#define BC_SIM_PERSON_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint64_t id;	     /* the person's own seed */
	double range;	     /* 0..1: where in each movement's range they land */
	double tempo;	     /* movement duration multiplier: 0.6 brisk .. 1.7 slow */
	double hold_extra_s; /* holds last this much past the target, seconds */
	double rest_s;	     /* typical pause between reps, seconds */
	double wobble_deg;   /* oscillation amplitude while holding, degrees */
	double wobble_hz;
	double excursion_p; /* chance of a brief (< 1 s) slip out of the zone per long hold */
	double breath_hz;   /* breathing rate, Hz (0.15..0.33 = 9..20 a minute) */
	double breath_deg;  /* pelvic rocking with each breath, degrees */
	double breath_m;    /* belly rise with each breath, metres */
	double sway_deg;    /* standing (ankle-pendulum) sway, degrees */
	double sway_hz;	    /* its rate, Hz (0.1..0.5) */
	/* Unsteadiness while standing or holding the start pose, drawn so that
	 * the simulated people span the real ones (docs/sway.md): */
	double tremor_dps;	/* gyro 95th percentile the tremor gives standing, deg/s */
	double tremor_hz;	/* centre of the tilt tremor's band, Hz (3..10) */
	double twist_share;	/* 0..1: share of tremor power in turns about the spine */
	double drift_deg;	/* slow drift of the trunk's tilt, degrees */
	double shift_deg;	/* a weight shift in the first stand, degrees (0: none) */
	double fidget_p;	/* chance of fidgeting before settling in the start pose */
	double stand_height_m;	/* sensor height when standing, metres */
	double supine_tilt_deg; /* resting pelvis offsets in the start poses, degrees */
	double supine_roll_deg;
	double tabletop_tilt_deg;
	double sit_back_deg; /* pelvis tilted back when sitting upright, degrees */
	double step_hz;	     /* walking cadence, steps per second */
	double walk_speed_m_s;
} sim_person;

/* The person with this id (any 64-bit value; the same id, the same person). */
void sim_person_make(sim_person *p, uint64_t id);

/* One-line "key=value ..." description for trace metadata. */
void sim_person_describe(const sim_person *p, char *buf, size_t size);

#endif /* BC_SIM_PERSON_H */
