/* SPDX-License-Identifier: MIT */
/* knee-to-chest: the tilt-and-hold machine (tilt_hold.c) with its own settings. */
#include "detect/detect_internal.h"

static const char *const phase_names[BC_TH_PHASE_COUNT] = {
	[BC_TH_REST] = "resting",
	[BC_TH_MOVING] = "pulling",
	[BC_TH_HOLDING] = "holding",
	[BC_TH_RETURNING] = "releasing",
	[BC_TH_WRONG_WAY] = "wrong way",
	[BC_TH_OFF] = "not in position",
};

static void init(bc_detector *d)
{
	bc_tilt_hold_init(&d->u.tilt, &d->settings.knee_to_chest, phase_names, d->hold_target_s,
			  d->settings.wobble_max_s);
	d->view.phase_name = phase_names[BC_TH_REST];
}

const bc_detector_ops bc_knee_to_chest_ops = {
	.exercise = BC_EXERCISE_KNEE_TO_CHEST,
	.init = init,
	.update = bc_tilt_hold_op_update,
	.finish = bc_tilt_hold_op_finish,
};
