/* SPDX-License-Identifier: MIT */
/*
 * Streaming reader for backcoach trace v1 (contract §1): plain or gzip
 * (.csv.gz, detected by magic bytes, not by name), columns mapped by name,
 * metadata kept, constant memory whatever the file length.
 *
 * Every malformed input is an error naming the file and line; nothing is
 * skipped silently. Required columns (t,ax,ay,az,gx,gy,gz and mx,my,mz when
 * present) must be finite as a float (1e39 is an error like inf); other
 * ("extra") columns are parsed as strtod would and may be nan (BROAD's
 * reference quaternion is nan where cameras lost it).
 */
#ifndef BC_TRACE_READER_H
#define BC_TRACE_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/sample.h"
#include "trace/trace_error.h"

/* Line 1 of every trace, exactly (contract §1). */
#define BC_TRACE_SIGNATURE "# backcoach-trace v1"

/*
 * Longest line accepted, in bytes without the line end. The reader's memory
 * is bounded by this; a longer line is an error, never split or cut.
 */
#define BC_TRACE_LINE_MAX 4096

typedef struct bc_trace_reader bc_trace_reader;

/* Opens and reads the header (signature, metadata, column line). NULL + err on failure. */
bc_trace_reader *bc_trace_reader_open(const char *path, bc_trace_error *err);

/* Frees the reader; NULL-safe. */
void bc_trace_reader_free(bc_trace_reader *r);

/*
 * Next sample: 1 read, 0 end of file, -1 error (err filled, file:line).
 * Errors are sticky: after -1 every later call fails too, so no row after a
 * bad one can slip through. err may be NULL everywhere.
 */
int bc_trace_reader_next(bc_trace_reader *r, bc_sample *out, bc_trace_error *err);

/* Metadata value for key ("rate_hz", "exercise", ...), NULL if absent; the first if repeated. */
const char *bc_trace_reader_meta(const bc_trace_reader *r, const char *key);

/* All metadata in file order, for copying a trace: count, then key/value i. */
size_t bc_trace_reader_meta_count(const bc_trace_reader *r);
const char *bc_trace_reader_meta_key(const bc_trace_reader *r, size_t i);
const char *bc_trace_reader_meta_value(const bc_trace_reader *r, size_t i);

/* Index of a column by name (any column, extra ones too), -1 if absent. */
int bc_trace_reader_column(const bc_trace_reader *r, const char *name);

/* Number of columns in the header, and the name of column idx (NULL if out of range). */
int bc_trace_reader_column_count(const bc_trace_reader *r);
const char *bc_trace_reader_column_name(const bc_trace_reader *r, int idx);

/* True when the header has mx,my,mz (then every sample has has_mag set). */
bool bc_trace_reader_has_mag(const bc_trace_reader *r);

/* Value of column idx in the row last returned by next() (nan if unparsable extra). */
double bc_trace_reader_value(const bc_trace_reader *r, int idx);

/* 1-based line number of the row last returned (for messages). */
long bc_trace_reader_line(const bc_trace_reader *r);

/* True when the file is gzip (inflated as it is read), false for plain text. */
bool bc_trace_reader_compressed(const bc_trace_reader *r);

/* The path given to open (for messages). */
const char *bc_trace_reader_path(const bc_trace_reader *r);

#endif /* BC_TRACE_READER_H */
