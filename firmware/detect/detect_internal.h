/* SPDX-License-Identifier: MIT */
/* Shared by the detector files only: what a machine does, and helpers. */
#ifndef BC_DETECT_INTERNAL_H
#define BC_DETECT_INTERNAL_H

#include "detect/detector.h"

/* What a machine does; one set per machine, shared by its exercises. */
struct bc_detector_ops {
	void (*init)(bc_detector *d);
	void (*update)(bc_detector *d, const bc_body_state *b, bc_detect_out *out);
	/* End of session: report an attempt still in progress. */
	void (*finish)(bc_detector *d, double t_s, bc_detect_out *out);
	/* How far from the start position, degrees, for the start gate (NULL: |sagittal|). */
	float (*start_offset_deg)(const bc_body_state *b);
	/* The body outputs update reads beyond the angles (bc_body_needs; NULL: all). */
	unsigned (*body_needs)(const bc_detector *d);
};

/* Emits a PHASE event and updates the view when the phase changes. */
void bc_detect_set_phase(bc_detector *d, int phase, const char *name, double t_s,
			 bc_detect_out *out);

/* A REP or REJECTED event with the attempt's figures. */
void bc_detect_emit_outcome(bc_detect_out *out, double t_s, bc_reject_reason reason, float hold_s,
			    float hold_target_s, float peak_deg);

/*
 * A hold's edge: HOLD_START (entered the zone; hold_s 0) or HOLD_DONE (the
 * hold that counts reached its target), for the tones and the voice's
 * "Hold" ... "Done".
 */
static inline void bc_detect_emit_hold(bc_detect_out *out, bc_event_type type, double t_s,
				       float hold_s, float hold_target_s)
{
	bc_coach_event e = {
		.type = type, .t_s = t_s, .hold_s = hold_s, .hold_target_s = hold_target_s
	};
	bc_detect_emit(out, &e);
}

#endif /* BC_DETECT_INTERNAL_H */
