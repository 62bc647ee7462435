/* SPDX-License-Identifier: MIT */
#include "vocab/coach_event.h"

static const char *const reason_text[BC_REJECT_COUNT] = {
	[BC_REJECT_NONE] = "",
	[BC_REJECT_TOO_LITTLE_RANGE] = "too little range",
	[BC_REJECT_HOLD_TOO_SHORT] = "hold too short",
	[BC_REJECT_NOT_LEVEL] = "pelvis not level",
	[BC_REJECT_RUSHED] = "rushed",
	[BC_REJECT_WRONG_DIRECTION] = "wrong direction",
	[BC_REJECT_LEANING_TOO_FAR] = "leaning too far",
	[BC_REJECT_ROLLED_ONTO_SIDE] = "rolled onto the side",
	[BC_REJECT_NOT_UPRIGHT] = "not upright",
};

static const char *const side_text[BC_SIDE_COUNT] = {
	[BC_SIDE_NONE] = "",
	[BC_SIDE_LEFT] = "left",
	[BC_SIDE_RIGHT] = "right",
};

const char *bc_reject_reason_text(bc_reject_reason r)
{
	if (r < 0 || r >= BC_REJECT_COUNT)
		return "unknown";
	return reason_text[r];
}

const char *bc_side_text(bc_side s)
{
	return s >= 0 && s < BC_SIDE_COUNT ? side_text[s] : "";
}

bool bc_coach_event_essential(const bc_coach_event *e)
{
	switch (e->type) {
	case BC_EVENT_REP:
	case BC_EVENT_REJECTED:
	case BC_EVENT_SET_DONE:
	case BC_EVENT_SUMMARY:
	case BC_EVENT_CALIBRATION:
	case BC_EVENT_START_REACHED:
	case BC_EVENT_HOLD_START:
	case BC_EVENT_HOLD_DONE:
	case BC_EVENT_SENSOR_GLITCH:
	case BC_EVENT_INTERRUPTED:
		return true;
	case BC_EVENT_PHASE:
	case BC_EVENT_HOLD_PROGRESS:
	case BC_EVENT_CUE:
	case BC_EVENT_DROPOUT:
		break;
	}
	return false;
}
