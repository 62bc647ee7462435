/* SPDX-License-Identifier: MIT */
/* Shared by the detector files only: the machines' operations and helpers. */
#ifndef BC_DETECT_INTERNAL_H
#define BC_DETECT_INTERNAL_H

#include "detect/detector.h"

/* tilt_hold.c: the machine behind pelvic tilt, bridge, knee-to-chest, child's pose */
void bc_tilt_hold_op_update(bc_detector *d, const bc_body_state *b, bc_detect_out *out);
void bc_tilt_hold_op_finish(bc_detector *d, double t_s, bc_detect_out *out);

/* Emits a PHASE event and updates the view when the phase changes. */
void bc_detect_set_phase(bc_detector *d, int phase, const char *name, double t_s,
			 bc_detect_out *out);

/* A REP or REJECTED event with the attempt's figures. */
void bc_detect_emit_outcome(bc_detect_out *out, double t_s, bc_reject_reason reason,
			    float hold_s, float hold_target_s, float peak_deg);

#endif /* BC_DETECT_INTERNAL_H */
