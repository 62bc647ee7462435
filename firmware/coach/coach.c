/* SPDX-License-Identifier: MIT */
/* Session object: body tracker + (soon) detectors. Counts nothing yet. */
#include "coach/coach.h"

#include <string.h>

const bc_coach_settings bc_coach_settings_default = {
	.target_reps = 10,
	.hold_s = { 10.0f, 2.0f, 0.0f, 15.0f, 30.0f, 0.0f },
};

void bc_coach_init(bc_coach *c, const bc_coach_settings *settings,
		   bc_exercise_id exercise)
{
	*c = (bc_coach){ 0 };
	c->settings = settings ? *settings : bc_coach_settings_default;
	if (!settings)
		c->settings.body = bc_body_settings_default;
	c->exercise = exercise;
	const bc_exercise_info *info = bc_exercise_info_get(exercise);
	bc_body_tracker_init(&c->body, &c->settings.body,
			     info ? info->start_pose : BC_POSE_SUPINE);
	c->view.exercise = exercise;
	c->view.target_reps = c->settings.target_reps;
}

size_t bc_coach_update(bc_coach *c, const bc_sample *s, bc_coach_event *events,
		       size_t max)
{
	const bc_body_state *b = bc_body_tracker_update(&c->body, s);
	size_t n = 0;
	c->view.t_s = s->t_s;
	c->view.stage = b->stage;
	c->view.stage_progress = b->stage_progress;
	c->view.angles = b->angles;
	if (b->stage != c->last_stage && n < max) {
		events[n++] = (bc_coach_event){ .type = BC_EVENT_CALIBRATION,
						.t_s = s->t_s, .stage = b->stage };
		c->last_stage = b->stage;
	}
	return n;
}

size_t bc_coach_finish(bc_coach *c, bc_coach_event *events, size_t max)
{
	if (max == 0)
		return 0;
	events[0] = (bc_coach_event){ .type = BC_EVENT_SUMMARY, .t_s = c->view.t_s,
				      .reps = c->view.reps, .rejected = c->view.rejected };
	return 1;
}

void bc_coach_recalibrate(bc_coach *c)
{
	bc_body_tracker_recalibrate(&c->body);
}
