/* SPDX-License-Identifier: MIT */
/*
 * Posture monitor: sitting, the lower back is watched against the upright
 * start. Staying at least slouch_deg away from it in the sagittal plane
 * (slumped back or hunched forward) for alert_delay_s raises a slouch alert,
 * repeated every repeat_s while the slouch lasts. Brief returns (shorter
 * than the wobble time) do not restart the delay.
 *
 * Standing upright or walking is not sitting: the monitor is silent then
 * and the slouch timer starts again when the wearer sits. Walking is
 * sustained brisk turning of the pelvis (each stride rocks and turns it a
 * few degrees: 20-30 deg/s), not merely "not still": slumping into a
 * slouch over a few seconds turns it at 5-20 deg/s for a second or two and
 * must not restart the slouch clock it has just started.
 */
#ifndef BC_POSTURE_H
#define BC_POSTURE_H

#include <stdbool.h>

#include "detect/hold_timer.h"

typedef struct {
	float slouch_deg;	/* at least this far from the upright start: slouching */
	float slouch_exit_deg;	/* ...until back within this (< slouch_deg) */
	float alert_delay_s;	/* slouching this long raises the first alert */
	float repeat_s;		/* then again every repeat_s while it lasts */
	float standing_max_deg; /* trunk within this of the standing vertical: standing */
	float walk_rate_dps;	/* turning at least this fast is walking-like activity, deg/s */
	float active_share;	/* active more than this share of recent time: walking */
	float active_tau_s;	/* "recent" for active_share, seconds */
} bc_posture_settings;

enum { BC_PO_UPRIGHT = 0, BC_PO_SLOUCHING, BC_PO_AWAY, BC_PO_PHASE_COUNT };

typedef struct {
	bc_posture_settings s;
	int phase;
	bool slouched;	      /* in the slouch zone now (hysteresis) */
	bc_hold_timer slouch; /* time slouched */
	int alerts_this_slouch;
	float active; /* share of recent time moving, 0..1 */
	double last_t_s;
	float peak_deg;
} bc_posture;

void bc_posture_init(bc_posture *p, const bc_posture_settings *s, float wobble_max_s);

#endif /* BC_POSTURE_H */
