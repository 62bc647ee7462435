/* SPDX-License-Identifier: MIT */
/*
 * The form of reps (detect/rep_form.h) in words: one short line for the
 * summary screen, the replay and the report, so they all say it alike.
 */
#ifndef BC_FORM_TEXT_H
#define BC_FORM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * "Form: \xc2\xb1" "0.4\xc2\xb0 steady, 95% smooth, 1.2 s in" from the means (NAN: left out).
 * Returns false, with buf "", when none of them is known.
 */
bool bc_form_text(float hold_sd_deg, float smoothness, float time_to_zone_s, char *buf,
		  size_t size);

#endif /* BC_FORM_TEXT_H */
