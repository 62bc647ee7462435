/* SPDX-License-Identifier: MIT */
/*
 * User settings file: plain text, one `key = value` a line, `#` starts a
 * comment. Keys are the exercise name and the setting, e.g.
 *
 *     # hold the bridge longer
 *     bridge.hold_s = 5
 *     posture.alert_delay_s = 20
 *
 * Every key has a documented default (bc_settings_format prints them all);
 * keys not in the file keep their value. Values are checked on load: a bad
 * value, an unknown key or thresholds in the wrong order are an error that
 * names the line and the key, and leave the caller's settings untouched.
 */
#ifndef BC_SETTINGS_H
#define BC_SETTINGS_H

#include <stddef.h>

#include "coach/coach.h"

typedef struct {
	int line;	   /* 1-based line of the problem (0: not tied to a line) */
	char key[48];	   /* the key concerned ("" if none) */
	char message[320]; /* one sentence, naming the key (and file:line) */
} bc_settings_error;

/*
 * Applies the settings in text to *s (normally from bc_coach_settings_init).
 * Returns 0, or -1 with err filled and *s unchanged.
 */
int bc_settings_parse(const char *text, bc_coach_settings *s, bc_settings_error *err);

/* The same for a file; -1 with errno and err set when it cannot be read. */
int bc_settings_load(const char *path, bc_coach_settings *s, bc_settings_error *err);

/* Sets one key from its text value (as a line of the file would). */
int bc_settings_set(bc_coach_settings *s, const char *key, const char *value,
		    bc_settings_error *err);

/* Checks ranges and the order of related thresholds. */
int bc_settings_validate(const bc_coach_settings *s, bc_settings_error *err);

/*
 * Writes every key with its value in s and its documentation, as a valid
 * settings file, into buf. Returns the length it needs (like snprintf).
 */
size_t bc_settings_format(const bc_coach_settings *s, char *buf, size_t size);

#endif /* BC_SETTINGS_H */
