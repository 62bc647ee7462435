/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the settings file parser on any text. Properties: it
 * either applies valid settings or leaves the caller's untouched with an
 * error that names a line; what it accepts, validates; and the settings it
 * formats parse back.
 */
#include <stdlib.h>
#include <string.h>

#include "coach/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	static bc_coach_settings s, before, again;
	bc_coach_settings_init(&s);
	before = s;
	bc_settings_error err = { 0 };
	if (bc_settings_parse(text, &s, &err) != 0) {
		if (memcmp(&s, &before, sizeof(s)) != 0 || !err.message[0])
			abort(); /* an error leaves the settings untouched and says why */
	} else {
		if (bc_settings_validate(&s, &err) != 0)
			abort();
		/*
		 * Formatted, changed settings read back (the default ones are
		 * checked by test_settings: formatting all keys every time would
		 * cost most of the run).
		 */
		static char buf[65536];
		if (memcmp(&s, &before, sizeof(s)) != 0 &&
		    bc_settings_format(&s, buf, sizeof(buf)) < sizeof(buf)) {
			bc_coach_settings_init(&again);
			if (bc_settings_parse(buf, &again, &err) != 0)
				abort();
		}
	}
	free(text);
	return 0;
}
