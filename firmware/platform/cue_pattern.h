/* SPDX-License-Identifier: MIT */
/*
 * Audible / visible cues as on-off patterns (buzzer or LED): pure timing,
 * so buzzer.c only switches a line and the patterns are tested alone.
 */
#ifndef BC_CUE_PATTERN_H
#define BC_CUE_PATTERN_H

#include <stdint.h>

typedef enum {
	BC_CUE_NONE,
	BC_CUE_REP,	   /* one short beep: a repetition counted */
	BC_CUE_REJECTED,   /* two short beeps: an attempt not counted */
	BC_CUE_HOLD_DONE,  /* one long beep: hold reached, release */
	BC_CUE_ALERT,	   /* three beeps: posture alert, sensor lost */
	BC_CUE_HOLD_START, /* short then long: in the zone, hold now */
} bc_cue;

/* Output level (0/1) elapsed_ns into the cue; -1 once the cue has finished. */
int bc_cue_level(bc_cue cue, uint64_t elapsed_ns);

#endif /* BC_CUE_PATTERN_H */
