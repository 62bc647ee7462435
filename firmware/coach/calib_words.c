/* SPDX-License-Identifier: MIT */
/* The words for the calibration: see calib_words.h. */
#include "coach/calib_words.h"

#include <ctype.h>
#include <stdio.h>

#include "coach/exercise_table.h"

/* Functions */

void bc_calib_cue(bc_calib_wait wait, bc_exercise_id ex, char *buf, size_t size)
{
	const bc_exercise_info *info = bc_exercise_info_get(ex);
	const char *start = info ? info->start_hint : "Go to the start position";
	bool sitting = info && info->start_pose == BC_POSE_SITTING;
	char title[32];

	snprintf(title, sizeof(title), "%s", info ? info->title : "this exercise");
	title[0] = (char)tolower((unsigned char)title[0]);
	switch (wait) {
	case BC_WAIT_STAND:
		snprintf(buf, size, "Stand upright and keep still");
		return;
	case BC_WAIT_STAND_LONGER:
		snprintf(buf, size, "Stand still a little longer");
		return;
	case BC_WAIT_STAND_UP:
		snprintf(buf, size, "Stand up first, then keep still for 3 seconds");
		return;
	case BC_WAIT_STILL_UPRIGHT:
		if (sitting)
			snprintf(buf, size, "Sit down on a chair, then keep still");
		else
			snprintf(buf, size, "%s. Already down? Stand up for 3 s first", start);
		return;
	case BC_WAIT_HALF_WAY:
		snprintf(buf, size, "Not there yet: %c%s", tolower((unsigned char)start[0]),
			 start + 1);
		return;
	case BC_WAIT_HOLD_START:
		snprintf(buf, size, "Keep still a little longer");
		return;
	case BC_WAIT_ON_BACK:
		snprintf(buf, size, "You are lying on your back: %s starts on hands and knees",
			 title);
		return;
	case BC_WAIT_NONE:
		snprintf(buf, size, "Back to the start position");
		return;
	case BC_WAIT_GO_TO_START:
	default:
		snprintf(buf, size, "%s, then keep still", start);
		return;
	}
}

const char *bc_calib_missing(bc_calib_wait wait)
{
	switch (wait) {
	case BC_WAIT_STAND:
	case BC_WAIT_STAND_LONGER:
		return "never stood still upright";
	case BC_WAIT_STAND_UP:
		return "never stood up after recalibrating";
	case BC_WAIT_HOLD_START:
		return "start position not held still for 2 s";
	case BC_WAIT_ON_BACK:
		return "lying on the back, not on hands and knees";
	case BC_WAIT_NONE:
		return "";
	default:
		return "start position not reached";
	}
}
