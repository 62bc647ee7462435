/* SPDX-License-Identifier: MIT */
/* The screens' derived words: see screen_words.h. */
#include "app/screen_words.h"

#include <math.h>
#include <stdio.h>

#include "detect/cat_cow.h"

/* One word per hint: the same fact the coach's cue line says (coach.c, cue_text). */
static const char *const hint_word[BC_HINT_COUNT] = {
	[BC_HINT_NONE] = "",
	[BC_HINT_GET_READY] = "TO THE START",
	[BC_HINT_GO] = "GO",
	[BC_HINT_FURTHER] = "FURTHER",
	[BC_HINT_HOLD] = "HOLDING",
	[BC_HINT_BACK_IN_ZONE] = "BACK IN",
	[BC_HINT_KEEP_LEVEL] = "KEEP LEVEL",
	[BC_HINT_RELEASE] = "RELEASE",
	[BC_HINT_RETURN] = "BACK TO START",
	[BC_HINT_WRONG_WAY] = "OTHER WAY",
	[BC_HINT_CAT] = "CAT",
	[BC_HINT_COW] = "COW",
	[BC_HINT_SLOWER] = "SLOWER",
	[BC_HINT_SITTING_WELL] = "UPRIGHT",
	[BC_HINT_SIT_UP] = "SIT UP",
	[BC_HINT_NOT_EXERCISE] = "TO THE START",
	[BC_HINT_NOT_SO_FAR] = "NOT SO FAR",
	[BC_HINT_BREATHE_IN] = "BREATHE IN",
	[BC_HINT_SQUEEZE] = "SQUEEZE",
	[BC_HINT_STAY_UPRIGHT] = "STAY UPRIGHT",
	[BC_HINT_RELAX] = "RELAX",
};

const char *bc_app_state_word(const bc_coach_view *v)
{
	if (v->hint < 0 || v->hint >= BC_HINT_COUNT || !hint_word[v->hint])
		return "";
	return hint_word[v->hint];
}

const char *bc_app_deg_text(float deg, char *buf, size_t size)
{
	float shown = roundf(deg);
	if (shown == 0.0f || !isfinite(shown))
		shown = 0.0f; /* -0.4 rounds to -0: say 0 */
	snprintf(buf, size, "%.0f\xc2\xb0", (double)shown);
	return buf;
}

const char *bc_app_breath_word(const bc_app_state *s)
{
	if (s->phase == BC_CC_CAT)
		return "breathe out";
	if (s->phase == BC_CC_COW)
		return "breathe in";
	if (s->view.hint == BC_HINT_COW)
		return "breathe in";
	if (s->view.hint == BC_HINT_CAT)
		return "breathe out";
	return "";
}

float bc_app_breath_fraction(const bc_app_state *s)
{
	if (s->phase != BC_CC_CAT && s->phase != BC_CC_COW)
		return 0.0f;
	double f = (s->now_s - s->phase_at_s) / BC_APP_BREATH_S;
	return (float)(f < 0 ? 0 : f > 1 ? 1 : f);
}
