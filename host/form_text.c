/* SPDX-License-Identifier: MIT */
/* The form of reps in words: see form_text.h. */
#include "form_text.h"

#include <math.h>
#include <stdio.h>

/* Appends one part, after ", " unless it is the first; *len stays within size. */
static void append(char *buf, size_t size, size_t *len, bool *first, const char *fmt, double v)
{
	if (*len >= size)
		return;
	int n = snprintf(buf + *len, size - *len, "%s", *first ? "" : ", ");
	*first = false;
	if (n > 0)
		*len += (size_t)n;
	if (*len >= size)
		return;
	n = snprintf(buf + *len, size - *len, fmt, v);
	if (n > 0)
		*len += (size_t)n;
}

bool bc_form_text(float hold_sd_deg, float smoothness, float time_to_zone_s, char *buf, size_t size)
{
	if (!buf || size == 0)
		return false;
	buf[0] = '\0';
	if (!isfinite(hold_sd_deg) && !isfinite(smoothness) && !isfinite(time_to_zone_s))
		return false;
	size_t len = (size_t)snprintf(buf, size, "Form: ");
	bool first = true;
	if (isfinite(hold_sd_deg))
		append(buf, size, &len, &first, "\xc2\xb1%.1f\xc2\xb0 steady", hold_sd_deg);
	if (isfinite(smoothness))
		append(buf, size, &len, &first, "%.0f%% smooth", 100.0 * smoothness);
	if (isfinite(time_to_zone_s))
		append(buf, size, &len, &first, "%.1f s in", time_to_zone_s);
	return true;
}
