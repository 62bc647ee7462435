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

/* A plan's set just ended, and what follows it (daily_plan.h's run). */
typedef struct {
	int reps;		 /* counted in the set */
	float rest_s;		 /* the rest before what comes next, seconds */
	bc_exercise_id next;	 /* what comes next; NONE: the plan is done for today */
	int next_set, next_sets; /* ...its set, from 1, of how many */
} bc_set_end;

/*
 * What the voice says as a plan's set ends: the set's summary (SET_DONE's
 * words), then the rest and what comes next: "That's the set: 10. Well
 * done. Rest 30 seconds. Next: Bridge, set 2 of 2". An outcome: never
 * dropped.
 */
bc_spoken_kind bc_set_end_words(const bc_set_end *e, char *buf, size_t size);

/*
 * What the voice says as a plan's rest runs out and the item's next set
 * begins: "Set 2 of 3: go" (set from 1). An outcome: never dropped.
 */
bc_spoken_kind bc_set_start_words(int set, int sets, char *buf, size_t size);

/* "three", "twenty one": n in words (0..99; digits beyond), into buf. */
void bc_number_words(int n, char *buf, size_t size);

#endif /* BC_SPOKEN_WORDS_H */
