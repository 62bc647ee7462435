/* SPDX-License-Identifier: MIT */
/*
 * The coach's words, from its one event stream: what the voice says for each
 * event (the count, the hold countdown, why an attempt did not count and what
 * to do, side changes, calibration steps, slouch alerts), and the line the
 * screen shows for a rejection. One place, so what the wearer hears and what
 * the screen says are the same words. Pure: no state, no I/O.
 */
#ifndef BC_SPOKEN_WORDS_H
#define BC_SPOKEN_WORDS_H

#include <stddef.h>

#include "vocab/coach_event.h"
#include "vocab/exercise.h"

/*
 * How a line may be treated when the voice falls behind (the queue policy,
 * host/app/speech_queue.c). Outcomes are never dropped; a countdown number
 * is stale once a newer one or an outcome comes; guidance is replaced by
 * newer guidance.
 */
typedef enum {
	BC_SPOKEN_NONE = 0,  /* nothing to say */
	BC_SPOKEN_GUIDE,     /* calibration steps, live corrections, the pace */
	BC_SPOKEN_COUNTDOWN, /* "three", "two", "one", "ten to go" */
	BC_SPOKEN_OUTCOME,   /* "hold", "done", the count, a reason, a side change, an alert */
} bc_spoken_kind;

/*
 * Why an attempt (a REJECTED event) did not count and what to do, with its
 * figures: "go further: reached 8°, aim for 15°", "keep your hips level: your
 * left hip dropped", "hold for 2 s, you held 0.8 s". The screen shows it after
 * "Not counted: "; the voice says the same words. ex: the exercise.
 */
void bc_not_counted_words(const bc_coach_event *e, bc_exercise_id ex, char *buf, size_t size);

/*
 * What the voice says for event e of exercise ex, into buf ("" when the
 * event says nothing aloud), and how it may be queued. Units are written
 * out ("seconds", "centimetres") so that the speech engine reads them.
 */
bc_spoken_kind bc_spoken_words(const bc_coach_event *e, bc_exercise_id ex, char *buf, size_t size);

/*
 * The "go" words: what to do from rest, with the side asked for on a guided
 * one-sided exercise ("Left leg: pull your knee to your chest"; NONE: none).
 */
void bc_go_words(bc_exercise_id ex, bc_side side, char *buf, size_t size);

/* "three", "twenty one": n in words (0..99; digits beyond), into buf. */
void bc_number_words(int n, char *buf, size_t size);

#endif /* BC_SPOKEN_WORDS_H */
