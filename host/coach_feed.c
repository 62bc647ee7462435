/* SPDX-License-Identifier: MIT */
/* A trace fed to the coach on two cores: see coach_feed.h. */
#include "coach_feed.h"

/* The coach's front half as a trace_prefetch stage: runs on the reader's thread. */
static void make_front(void *coach, bc_sample *s, void *item)
{
	bc_coach_front_step(coach, s, item);
}

void bc_coach_feed_start(bc_coach_feed *f, bc_trace_reader *r, bc_coach *coach)
{
	_Static_assert(sizeof(bc_coach_front) <= BC_TRACE_PREFETCH_ITEM_MAX,
		       "a front fits a prefetch item");
	f->coach = coach;
	f->front_here = bc_trace_reader_compressed(r);
	bc_trace_prefetch_stage front = { sizeof(bc_coach_front), make_front, coach };
	bc_trace_prefetch_start_staged(&f->ahead, r, NULL, f->front_here ? NULL : &front);
}

int bc_coach_feed_next(bc_coach_feed *f, const bc_coach_front **front, bc_trace_error *err)
{
	const void *item;
	int got = bc_trace_prefetch_next_item(&f->ahead, &item, err);
	if (got != 1)
		return got;
	if (f->front_here) {
		bc_sample s = *(const bc_sample *)item;
		bc_coach_front_step(f->coach, &s, &f->here);
		item = &f->here;
	}
	*front = item;
	return 1;
}

void bc_coach_feed_stop(bc_coach_feed *f)
{
	bc_trace_prefetch_stop(&f->ahead);
}
