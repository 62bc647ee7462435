/* SPDX-License-Identifier: MIT */
/*
 * What the voice says next when lines come faster than it can say them: the
 * queue policy, on its own so it is tested without audio or threads.
 *
 * - Outcomes (a count, "done", a reason, a side change, an alert) are never
 *   dropped, and they cut off a countdown number still being said.
 * - A countdown number is stale once a newer one or an outcome arrives, or
 *   once it has waited longer than BC_SPEECH_COUNTDOWN_STALE_S: dropped.
 * - Guidance is replaced by newer guidance, is not repeated word for word
 *   within BC_SPEECH_GUIDE_REPEAT_S (nor right after a line that ended with
 *   it: "Ready. Lift your hips"), and goes stale after
 *   BC_SPEECH_GUIDE_STALE_S.
 * The clock is the caller's (seconds, any origin).
 */
#ifndef BC_APP_SPEECH_QUEUE_H
#define BC_APP_SPEECH_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

#include "coach/spoken_words.h"

#define BC_SPEECH_LINE_MAX	    160
#define BC_SPEECH_QUEUE_MAX	    32
#define BC_SPEECH_COUNTDOWN_STALE_S 1.0
#define BC_SPEECH_GUIDE_STALE_S	    6.0
#define BC_SPEECH_GUIDE_REPEAT_S    8.0

typedef struct {
	char text[BC_SPEECH_LINE_MAX];
	bc_spoken_kind kind;
	double asked_s; /* when it was asked for */
} bc_speech_line;

typedef struct {
	bc_speech_line lines[BC_SPEECH_QUEUE_MAX]; /* waiting, oldest first */
	size_t n;
	bool speaking;			     /* a line is being said now */
	bc_spoken_kind speaking_kind;	     /* ...of this kind */
	char last_guide[BC_SPEECH_LINE_MAX]; /* the last guidance asked for... */
	double last_guide_s;
	char last_line[BC_SPEECH_LINE_MAX]; /* ...and the last line of any kind */
	double last_line_s;
	unsigned long dropped; /* lines never said (stale or superseded) */
} bc_speech_queue;

void bc_speech_queue_init(bc_speech_queue *q);

/*
 * Asks for text of kind at now_s. Returns true when the line being said now
 * should be cut off (an outcome arriving during a countdown number).
 */
bool bc_speech_queue_push(bc_speech_queue *q, const char *text, bc_spoken_kind kind, double now_s);

/*
 * The next line to say at now_s into *out (stale lines are dropped on the
 * way); false if there is none. The line is then being said until
 * bc_speech_queue_done.
 */
bool bc_speech_queue_next(bc_speech_queue *q, double now_s, bc_speech_line *out);

/* The line being said has ended (or was cut off). */
void bc_speech_queue_done(bc_speech_queue *q);

/* Forget everything waiting (mute); the caller cuts off what is being said. */
void bc_speech_queue_clear(bc_speech_queue *q);

#endif /* BC_APP_SPEECH_QUEUE_H */
