/* SPDX-License-Identifier: MIT */
/*
 * When did the movement back from a hold pass halfway?
 *
 * An attempt is over only once the wearer is back at rest (or has clearly
 * stopped), which can be a second or more after they left the hold. The
 * outcome event carries the time the return passed halfway between the hold
 * level and rest: the moment the wearer had unambiguously left the hold,
 * independent of how slowly they settle. The hold level is the extreme of a
 * short moving average of the gauge, so noise and wobble do not move it.
 */
#ifndef BC_HALFWAY_H
#define BC_HALFWAY_H

#include <stdbool.h>

typedef struct {
	int dir;	 /* +1: the attempt goes positive; -1: negative */
	float base_deg;	 /* rest level the attempt started from */
	float avg_deg;	 /* moving average of the gauge */
	float level_deg; /* its extreme in dir: the hold level */
	float prev_deg;
	double prev_t_s;
	double cross_t_s; /* last passage back through halfway (<0: none since) */
} bc_halfway;

void bc_halfway_start(bc_halfway *hw, int dir, float base_deg, float g_deg, double t_s);

/* One sample of the gauge; tau_s: averaging time constant, seconds. */
void bc_halfway_update(bc_halfway *hw, double t_s, float g_deg, float tau_s);

/* The halfway passage, or fallback_t_s if the gauge has not passed it back. */
double bc_halfway_time(const bc_halfway *hw, double fallback_t_s);

#endif /* BC_HALFWAY_H */
