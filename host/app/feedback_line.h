/* SPDX-License-Identifier: MIT */
/* The one line of feedback at the bottom of the exercise and posture screens. */
#ifndef BC_APP_FEEDBACK_LINE_H
#define BC_APP_FEEDBACK_LINE_H

#include "app/app_state.h"
#include "app/draw.h"

/* The coach's line in area, coloured by what it is about (bc_app_feedback). */
void bc_render_feedback(const bc_draw *d, const bc_app_state *s, SDL_Rect area);

#endif /* BC_APP_FEEDBACK_LINE_H */
