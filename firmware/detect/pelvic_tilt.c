/* SPDX-License-Identifier: MIT */
/* pelvic-tilt: the tilt-and-hold machine (tilt_hold.c) with its own settings. */
#include "detect/detect_internal.h"

static const char *const phase_names[BC_TH_PHASE_COUNT] = {
	[BC_TH_REST] = "resting",
	[BC_TH_MOVING] = "tilting",
	[BC_TH_HOLDING] = "holding",
	[BC_TH_RETURNING] = "releasing",
	[BC_TH_WRONG_WAY] = "arching",
	[BC_TH_OFF] = "not in position",
};

static void init(bc_detector *d)
{
	bc_tilt_hold_init(&d->u.tilt, &d->settings.pelvic_tilt, phase_names, d->hold_target_s,
			  d->settings.wobble_max_s);
	d->view.phase_name = phase_names[BC_TH_REST];
}

const bc_detector_ops bc_pelvic_tilt_ops = {
	.exercise = BC_EXERCISE_PELVIC_TILT,
	.init = init,
	.update = bc_tilt_hold_op_update,
	.finish = bc_tilt_hold_op_finish,
};
