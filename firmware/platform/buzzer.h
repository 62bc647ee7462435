/* SPDX-License-Identifier: MIT */
/*
 * Layer: platform.
 *
 * A buzzer or LED on a GPIO output line, playing cues without blocking.
 */
#ifndef BC_BUZZER_H
#define BC_BUZZER_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/cue_pattern.h"

typedef struct bc_buzzer bc_buzzer;

/* Output line by name ("GPIO12"), off. NULL + errno (bc_gpio_output_open's). */
bc_buzzer *bc_buzzer_open(const char *line_name);

/* Starts a cue now (replaces one playing). now_ns: CLOCK_MONOTONIC. */
void bc_buzzer_cue(bc_buzzer *b, bc_cue cue, uint64_t now_ns);

/* Call from the UI loop: sets the line for the time. */
void bc_buzzer_update(bc_buzzer *b, uint64_t now_ns);

/* True while a cue is still playing (the UI loop then wakes more often). */
bool bc_buzzer_playing(const bc_buzzer *b);

/* Off and released; NULL-safe. */
void bc_buzzer_close(bc_buzzer *b);

#endif /* BC_BUZZER_H */
