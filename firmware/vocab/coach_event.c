/* SPDX-License-Identifier: MIT */
#include "vocab/coach_event.h"

static const char *const reason_text[BC_REJECT_COUNT] = {
	[BC_REJECT_NONE] = "",
	[BC_REJECT_TOO_LITTLE_RANGE] = "too little range",
	[BC_REJECT_HOLD_TOO_SHORT] = "hold too short",
	[BC_REJECT_NOT_LEVEL] = "pelvis not level",
	[BC_REJECT_RUSHED] = "rushed",
	[BC_REJECT_WRONG_DIRECTION] = "wrong direction",
};

const char *bc_reject_reason_text(bc_reject_reason r)
{
	if (r < 0 || r >= BC_REJECT_COUNT)
		return "unknown";
	return reason_text[r];
}
