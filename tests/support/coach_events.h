/* SPDX-License-Identifier: MIT */
/*
 * A coached session's events, kept to compare two ways of coaching the same
 * samples field for field (tests that a cheaper or faster path changes
 * nothing: test_body_needs, test_coach_feed).
 */
#ifndef BC_TEST_COACH_EVENTS_H
#define BC_TEST_COACH_EVENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "coach/coach.h"

#define BC_EVENT_LOG_MAX 4096

typedef struct {
	bc_coach_event ev[BC_EVENT_LOG_MAX];
	size_t n;
} bc_event_log;

/* Appends n events (cmocka fails the test when the log is full). */
void bc_event_log_add(bc_event_log *log, const bc_coach_event *ev, size_t n);

/* Every field an event carries, floats bit for bit. */
bool bc_same_event(const bc_coach_event *a, const bc_coach_event *b);

/* Fails the test at the first event where the two logs part (what: the case, for the message). */
void bc_event_logs_same(const char *what, const bc_event_log *want, const bc_event_log *got);

#endif /* BC_TEST_COACH_EVENTS_H */
