/* SPDX-License-Identifier: MIT */
/*
 * Writer for backcoach trace v1 (contract §1). Plain text, or gzip when the
 * path ends in ".gz" (for generated traces; live recording uses plain text,
 * which recovers cleanly after a power cut).
 *
 * Metadata lines are written by open(); samples append rows. Numbers are
 * written with enough digits to round-trip the chip's resolution.
 */
#ifndef BC_TRACE_WRITER_H
#define BC_TRACE_WRITER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/sample.h"
#include "trace/trace_error.h"

typedef struct bc_trace_writer bc_trace_writer;

typedef struct {
	const char *key;
	const char *value;
} bc_trace_meta;

/*
 * Creates path and writes the signature, the n_meta metadata lines and the
 * header (with mx,my,mz when with_mag). NULL + err on failure.
 */
bc_trace_writer *bc_trace_writer_open(const char *path, const bc_trace_meta *meta, size_t n_meta,
				      bool with_mag, bc_trace_error *err);

/* Appends one row. 0 ok, -1 error (err filled). */
int bc_trace_writer_write(bc_trace_writer *w, const bc_sample *s, bc_trace_error *err);

/* Pushes buffered rows to the disk (fflush + fdatasync for plain files). */
int bc_trace_writer_sync(bc_trace_writer *w, bc_trace_error *err);

/* Flushes and closes; NULL-safe. 0 ok, -1 error. */
int bc_trace_writer_close(bc_trace_writer *w, bc_trace_error *err);

#endif /* BC_TRACE_WRITER_H */
