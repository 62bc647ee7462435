/* SPDX-License-Identifier: MIT */
/* Read-ahead of a trace in a second thread: see trace_prefetch.h. */
#include "trace_prefetch.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const bc_trace_prefetch_settings bc_trace_prefetch_settings_default = {
	.block_samples = 2048,
	.blocks = 4,
};

/* One hand-over: items of samples read in a row, and what the reader said after the last. */
struct bc_trace_prefetch_block {
	unsigned char *items;
	size_t n;
	int then; /* 1: more follow in the next block; 0: end of file; -1: error */
};

static double monotonic_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The next sample made into item (the stage's, or the sample itself): as the reader's next. */
static int read_item(bc_trace_prefetch *p, void *item, bc_trace_error *err)
{
	if (!p->stage.make)
		return bc_trace_reader_next(p->reader, item, err);
	bc_sample s;
	int got = bc_trace_reader_next(p->reader, &s, err);
	if (got == 1)
		p->stage.make(p->stage.ctx, &s, item);
	return got;
}

/* Reads up to a block of items; an error goes to p->error, the producer's until published. */
static void fill(bc_trace_prefetch *p, struct bc_trace_prefetch_block *b)
{
	b->n = 0;
	b->then = 1;
	while (b->n < p->block_samples) {
		int got = read_item(p, b->items + b->n * p->stage.item_size, &p->error);
		if (got != 1) {
			b->then = got;
			return;
		}
		b->n++;
	}
}

/* The producer: fills the ring's blocks in turn until the reader ends or the consumer stops. */
static void *produce_blocks(void *arg)
{
	bc_trace_prefetch *p = arg;
	for (unsigned long k = 0;; k++) {
		pthread_mutex_lock(&p->lock);
		if (!p->stop && k - p->n_freed == p->n_blocks) {
			double t0 = monotonic_s();
			while (!p->stop && k - p->n_freed == p->n_blocks)
				pthread_cond_wait(&p->freed, &p->lock);
			p->producer_wait_s += monotonic_s() - t0;
		}
		bool stop = p->stop;
		pthread_mutex_unlock(&p->lock);
		if (stop)
			return NULL;

		struct bc_trace_prefetch_block *b = &p->ring[k % p->n_blocks];
		fill(p, b);

		pthread_mutex_lock(&p->lock);
		p->n_filled = k + 1;
		pthread_cond_signal(&p->filled);
		pthread_mutex_unlock(&p->lock);
		if (b->then != 1)
			return NULL;
	}
}

/* Gives the block taken from back (if any) and waits for the next one. */
static void take_next_block(bc_trace_prefetch *p)
{
	pthread_mutex_lock(&p->lock);
	unsigned long k = p->n_freed;
	if (p->taking) {
		p->n_freed = ++k;
		pthread_cond_signal(&p->freed);
	}
	if (p->n_filled == k) {
		double t0 = monotonic_s();
		while (p->n_filled == k)
			pthread_cond_wait(&p->filled, &p->lock);
		p->consumer_wait_s += monotonic_s() - t0;
	}
	pthread_mutex_unlock(&p->lock);
	p->taking = &p->ring[k % p->n_blocks];
	p->taken = 0;
}

int bc_trace_prefetch_next_item(bc_trace_prefetch *p, const void **item, bc_trace_error *err)
{
	if (!p->running) {
		*item = p->direct_item;
		return read_item(p, p->direct_item, err);
	}
	while (!p->taking || p->taken == p->taking->n) {
		if (p->taking && p->taking->then != 1) {
			/* the last block, never given back: the end stays as it was */
			if (p->taking->then < 0 && err)
				*err = p->error;
			return p->taking->then;
		}
		take_next_block(p);
	}
	*item = p->taking->items + p->taken++ * p->stage.item_size;
	return 1;
}

int bc_trace_prefetch_next(bc_trace_prefetch *p, bc_sample *out, bc_trace_error *err)
{
	assert(!p->stage.make); /* a stage's items are not samples */
	if (!p->running)	/* the plain reader's own speed: no copy */
		return bc_trace_reader_next(p->reader, out, err);
	const void *item;
	int got = bc_trace_prefetch_next_item(p, &item, err);
	if (got == 1)
		*out = *(const bc_sample *)item;
	return got;
}

/* The default, unless BACKCOACH_READAHEAD=0 asks for one thread (see the header). */
static const bc_trace_prefetch_settings *settings_or_default(const bc_trace_prefetch_settings *s)
{
	static const bc_trace_prefetch_settings direct = { .blocks = 0 };
	if (s)
		return s;
	const char *v = getenv("BACKCOACH_READAHEAD");
	return v && !strcmp(v, "0") ? &direct : &bc_trace_prefetch_settings_default;
}

/* The ring's memory, allocated once; false if it cannot be had. */
static bool allocate_ring(bc_trace_prefetch *p)
{
	p->ring = calloc(p->n_blocks, sizeof(*p->ring));
	p->storage = calloc(p->n_blocks * p->block_samples, p->stage.item_size);
	if (!p->ring || !p->storage)
		return false;
	for (size_t i = 0; i < p->n_blocks; i++)
		p->ring[i].items = p->storage + i * p->block_samples * p->stage.item_size;
	return true;
}

void bc_trace_prefetch_start_staged(bc_trace_prefetch *p, bc_trace_reader *r,
				    const bc_trace_prefetch_settings *settings,
				    const bc_trace_prefetch_stage *stage)
{
	const bc_trace_prefetch_settings *s = settings_or_default(settings);
	*p = (bc_trace_prefetch){ .reader = r,
				  .stage = { .item_size = sizeof(bc_sample) },
				  .n_blocks = s->blocks,
				  .block_samples = s->block_samples };
	if (stage) {
		assert(stage->make && stage->item_size <= BC_TRACE_PREFETCH_ITEM_MAX);
		p->stage = *stage;
	}
	if (p->n_blocks < 2 || p->block_samples == 0 || !allocate_ring(p))
		goto direct;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->filled, NULL);
	pthread_cond_init(&p->freed, NULL);
	if (pthread_create(&p->thread, NULL, produce_blocks, p) != 0) {
		pthread_cond_destroy(&p->freed);
		pthread_cond_destroy(&p->filled);
		pthread_mutex_destroy(&p->lock);
		goto direct;
	}
	p->running = true;
	return;
direct: /* slower, never different */
	free(p->storage);
	free(p->ring);
	p->storage = NULL;
	p->ring = NULL;
}

void bc_trace_prefetch_start(bc_trace_prefetch *p, bc_trace_reader *r,
			     const bc_trace_prefetch_settings *settings)
{
	bc_trace_prefetch_start_staged(p, r, settings, NULL);
}

bc_trace_prefetch_stats bc_trace_prefetch_stats_get(bc_trace_prefetch *p)
{
	bc_trace_prefetch_stats s = { 0 };
	if (!p->running)
		return s;
	pthread_mutex_lock(&p->lock);
	s.consumer_wait_s = p->consumer_wait_s;
	s.producer_wait_s = p->producer_wait_s;
	s.blocks_handed_over = (long)p->n_filled;
	pthread_mutex_unlock(&p->lock);
	return s;
}

void bc_trace_prefetch_stop(bc_trace_prefetch *p)
{
	if (p->running) {
		pthread_mutex_lock(&p->lock);
		p->stop = true;
		pthread_cond_signal(&p->freed);
		pthread_mutex_unlock(&p->lock);
		pthread_join(p->thread, NULL);
		pthread_cond_destroy(&p->freed);
		pthread_cond_destroy(&p->filled);
		pthread_mutex_destroy(&p->lock);
		p->running = false;
	}
	free(p->storage);
	free(p->ring);
	p->storage = NULL;
	p->ring = NULL;
	p->taking = NULL;
}
