/* SPDX-License-Identifier: MIT */
/* The voice's queue policy: see speech_queue.h. */
#include "app/speech_queue.h"

#include <stdio.h>
#include <string.h>

void bc_speech_queue_init(bc_speech_queue *q)
{
	*q = (bc_speech_queue){ .last_guide_s = -1e9, .last_line_s = -1e9 };
}

/* Drops the waiting lines of kind (superseded by a newer line). */
static void drop_kind(bc_speech_queue *q, bc_spoken_kind kind)
{
	size_t out = 0;
	for (size_t i = 0; i < q->n; i++) {
		if (q->lines[i].kind == kind)
			q->dropped++;
		else
			q->lines[out++] = q->lines[i];
	}
	q->n = out;
}

/* Room for one more: the oldest line that may go, else the oldest of all. */
static void make_room(bc_speech_queue *q)
{
	if (q->n < BC_SPEECH_QUEUE_MAX)
		return;
	size_t victim = 0;
	for (size_t i = 0; i < q->n; i++) {
		if (q->lines[i].kind != BC_SPOKEN_OUTCOME) {
			victim = i;
			break;
		}
	}
	memmove(&q->lines[victim], &q->lines[victim + 1],
		(q->n - victim - 1) * sizeof(q->lines[0]));
	q->n--;
	q->dropped++;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

bool bc_speech_queue_push(bc_speech_queue *q, const char *text, bc_spoken_kind kind, double now_s)
{
	if (kind == BC_SPOKEN_NONE || !text || !*text)
		return false;
	bool cut = false;
	switch (kind) {
	case BC_SPOKEN_GUIDE:
		if (!strcmp(text, q->last_guide) &&
		    now_s - q->last_guide_s < BC_SPEECH_GUIDE_REPEAT_S)
			return false;
		if (ends_with(q->last_line, text) &&
		    now_s - q->last_line_s < BC_SPEECH_GUIDE_REPEAT_S)
			return false;
		drop_kind(q, BC_SPOKEN_GUIDE);
		snprintf(q->last_guide, sizeof(q->last_guide), "%s", text);
		q->last_guide_s = now_s;
		break;
	case BC_SPOKEN_COUNTDOWN:
		drop_kind(q, BC_SPOKEN_COUNTDOWN);
		break;
	case BC_SPOKEN_OUTCOME:
	default:
		drop_kind(q, BC_SPOKEN_COUNTDOWN);
		cut = q->speaking && q->speaking_kind == BC_SPOKEN_COUNTDOWN;
		break;
	}
	snprintf(q->last_line, sizeof(q->last_line), "%s", text);
	q->last_line_s = now_s;
	make_room(q);
	bc_speech_line *l = &q->lines[q->n++];
	snprintf(l->text, sizeof(l->text), "%s", text);
	l->kind = kind;
	l->asked_s = now_s;
	return cut;
}

static bool stale(const bc_speech_line *l, double now_s)
{
	double waited_s = now_s - l->asked_s;
	return (l->kind == BC_SPOKEN_COUNTDOWN && waited_s > BC_SPEECH_COUNTDOWN_STALE_S) ||
	       (l->kind == BC_SPOKEN_GUIDE && waited_s > BC_SPEECH_GUIDE_STALE_S);
}

bool bc_speech_queue_next(bc_speech_queue *q, double now_s, bc_speech_line *out)
{
	while (q->n > 0) {
		bc_speech_line head = q->lines[0];
		memmove(&q->lines[0], &q->lines[1], (q->n - 1) * sizeof(q->lines[0]));
		q->n--;
		if (stale(&head, now_s)) {
			q->dropped++;
			continue;
		}
		*out = head;
		q->speaking = true;
		q->speaking_kind = head.kind;
		return true;
	}
	return false;
}

void bc_speech_queue_done(bc_speech_queue *q)
{
	q->speaking = false;
	q->speaking_kind = BC_SPOKEN_NONE;
}

void bc_speech_queue_clear(bc_speech_queue *q)
{
	q->dropped += q->n;
	q->n = 0;
}
