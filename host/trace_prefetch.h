/* SPDX-License-Identifier: MIT */
/*
 * Read-ahead for a whole trace read as fast as possible (replay, orient,
 * angles): a second thread runs the real bc_trace_reader (inflate and parse)
 * into a ring of fixed sample blocks while the caller's thread takes samples
 * out, so that reading and coaching share two cores instead of taking turns
 * on one (issue 14).
 *
 * What the caller sees is exactly bc_trace_reader_next's stream: the same
 * samples in the same order, then the same end (0) or the same error (-1,
 * "file:line: what", after every sample before the bad line), sticky. While a
 * prefetch runs, the reader belongs to its thread: the caller reads metadata
 * before bc_trace_prefetch_start or after bc_trace_prefetch_stop, never between.
 *
 * Memory is allocated once in _start; next() allocates nothing and only
 * locks when a block is handed over.
 */
#ifndef BC_TRACE_PREFETCH_H
#define BC_TRACE_PREFETCH_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/sample.h"
#include "trace/trace_reader.h"

typedef struct {
	size_t block_samples; /* samples in one block: what one hand-over carries */
	size_t blocks;	      /* blocks in the ring (at least 2); 0: no thread, direct reads */
} bc_trace_prefetch_settings;

/* 4 blocks of 2048 samples (96 KiB each; 240 KiB of replay's coach fronts): hand-overs are rare. */
extern const bc_trace_prefetch_settings bc_trace_prefetch_settings_default;

/* Where the time went: which side waited for the other, and how often blocks changed hands. */
typedef struct {
	double consumer_wait_s; /* next() waiting for a block: the reader is the floor */
	double producer_wait_s; /* the reader waiting for a free block: the consumer is the floor */
	long blocks_handed_over;
} bc_trace_prefetch_stats;

/*
 * Work for the reader's thread too (optional): each sample, once read, is
 * made into an item there, and the caller takes items instead of samples
 * (bc_trace_prefetch_next_item). Replay puts the coach's front half here
 * (coach.h), which depends on the samples alone, so both cores coach.
 */
#define BC_TRACE_PREFETCH_ITEM_MAX 256 /* bytes: an item's largest size */

typedef struct {
	size_t item_size; /* bytes, at most BC_TRACE_PREFETCH_ITEM_MAX */
	void (*make)(void *ctx, bc_sample *s, void *item); /* s: just read, the stage's to change */
	void *ctx; /* the reader's thread's alone while the prefetch runs */
} bc_trace_prefetch_stage;

/* One read-ahead; the caller owns it (on its stack is fine: the ring is allocated apart). */
typedef struct {
	bc_trace_reader *reader;
	bc_trace_prefetch_stage stage;	/* make NULL: items are the samples */
	size_t block_samples, n_blocks; /* n_blocks 0: direct reads, no thread */
	struct bc_trace_prefetch_block *ring;
	unsigned char *storage;
	_Alignas(max_align_t) unsigned char direct_item[BC_TRACE_PREFETCH_ITEM_MAX];
	pthread_t thread;
	bool running; /* thread created and not joined */

	/* The consumer's own: the block being taken from. */
	struct bc_trace_prefetch_block *taking;
	size_t taken;

	/* Shared, under lock: blocks filled and blocks given back, counted from the start. */
	pthread_mutex_t lock;
	pthread_cond_t filled, freed;
	unsigned long n_filled, n_freed;
	bool stop;
	bc_trace_error error; /* the reader's, written before the block ending in it is filled */
	double consumer_wait_s, producer_wait_s;
} bc_trace_prefetch;

/*
 * Starts reading r ahead into p. settings NULL: the default, or direct reads
 * when the environment has BACKCOACH_READAHEAD=0 (qemu-user 7.2, which the
 * tests run the Pi build under, hangs in any pthread_create). Cannot fail:
 * where the ring's memory or the thread cannot be had, or settings make no
 * ring (fewer than 2 blocks, or blocks of no samples), next() reads r
 * directly instead: slower, never different.
 */
void bc_trace_prefetch_start(bc_trace_prefetch *p, bc_trace_reader *r,
			     const bc_trace_prefetch_settings *settings);

/*
 * The same with a stage: each sample read becomes stage's item on the reader's
 * thread (or on the caller's, for direct reads). stage is copied.
 */
void bc_trace_prefetch_start_staged(bc_trace_prefetch *p, bc_trace_reader *r,
				    const bc_trace_prefetch_settings *settings,
				    const bc_trace_prefetch_stage *stage);

/*
 * Next sample of a prefetch without a stage, as bc_trace_reader_next: 1 read,
 * 0 end of file, -1 error (err: file:line).
 */
int bc_trace_prefetch_next(bc_trace_prefetch *p, bc_sample *out, bc_trace_error *err);

/* Next item of a staged prefetch, as _next; *item stays valid until the next call. */
int bc_trace_prefetch_next_item(bc_trace_prefetch *p, const void **item, bc_trace_error *err);

/* The waits so far (the reader's thread may still be running); zeros for direct reads. */
bc_trace_prefetch_stats bc_trace_prefetch_stats_get(bc_trace_prefetch *p);

/*
 * Stops the reader's thread wherever it is (a caller may stop early), joins
 * it and frees the ring; the reader stays the caller's, and may be read on.
 */
void bc_trace_prefetch_stop(bc_trace_prefetch *p);

#endif /* BC_TRACE_PREFETCH_H */
