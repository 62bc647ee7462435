/* SPDX-License-Identifier: MIT */
/*
 * Words the exercise screens derive from the coach, each decided in one
 * place so one screen never says two things: the state word under the
 * ring comes from the same hint as the coach's cue line ("HOLDING" only
 * while the cue says hold), angles never read "-0", and cat-cow's breath
 * follows the detector's phase (cat: breathe out, cow: breathe in).
 */
#ifndef BC_APP_SCREEN_WORDS_H
#define BC_APP_SCREEN_WORDS_H

#include <stddef.h>

#include "app/app_state.h"

/*
 * What the wearer is doing or should do now, in capitals ("HOLDING",
 * "BACK IN", "RELEASE"): from the coach's hint, the fact its cue is built
 * from. "" before counting starts.
 */
const char *bc_app_state_word(const bc_coach_view *v);

/* "12°", "-3°"; a value that rounds to zero is "0°", never "-0°". Returns buf. */
const char *bc_app_deg_text(float deg, char *buf, size_t size);

/*
 * Cat-cow's breath, tied to the detector's phase (PHASE events, s->phase):
 * into the cat breathe out, into the cow breathe in; at neutral, the breath
 * of the phase the coach asks for next.
 */
const char *bc_app_breath_word(const bc_app_state *s);

/* How far through the breath, 0..1: the time in the phase over a slow breath. */
float bc_app_breath_fraction(const bc_app_state *s);

/* A slow breath, seconds: the ring fills over this long in a phase. */
#define BC_APP_BREATH_S 4.0

#endif /* BC_APP_SCREEN_WORDS_H */
