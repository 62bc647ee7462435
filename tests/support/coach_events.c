/* SPDX-License-Identifier: MIT */
/* A coached session's events, compared: see coach_events.h. */
#include "support/coach_events.h"

#include <string.h>

#include "support/test_support.h"

void bc_event_log_add(bc_event_log *log, const bc_coach_event *ev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_true(log->n < BC_EVENT_LOG_MAX);
		log->ev[log->n++] = ev[i];
	}
}

static bool same_float(float a, float b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

bool bc_same_event(const bc_coach_event *a, const bc_coach_event *b)
{
	return a->type == b->type && a->t_s == b->t_s && a->stage == b->stage &&
	       a->phase == b->phase && a->reps == b->reps && a->rejected == b->rejected &&
	       a->reason == b->reason && a->hint == b->hint && same_float(a->hold_s, b->hold_s) &&
	       same_float(a->peak_deg, b->peak_deg) && same_float(a->depth_cm, b->depth_cm) &&
	       strcmp(a->text, b->text) == 0;
}

void bc_event_logs_same(const char *what, const bc_event_log *want, const bc_event_log *got)
{
	for (size_t i = 0; i < want->n && i < got->n; i++)
		if (!bc_same_event(&want->ev[i], &got->ev[i]))
			fail_msg("%s: event %zu (type %d at %.3f s) differs", what, i,
				 (int)want->ev[i].type, want->ev[i].t_s);
	if (want->n != got->n)
		fail_msg("%s: %zu events, expected %zu", what, got->n, want->n);
}
