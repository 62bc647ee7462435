/* SPDX-License-Identifier: MIT */
/*
 * A small streaming JSON writer for the replay output (contract §2): commas
 * and nesting are tracked so callers only say what comes next; strings are
 * escaped (quotes, backslashes, control characters); numbers are always
 * finite (a non-finite value is written as null).
 */
#ifndef BC_JSON_WRITER_H
#define BC_JSON_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#define BC_JSON_MAX_DEPTH 16

typedef struct {
	FILE *out;
	int depth;
	bool first[BC_JSON_MAX_DEPTH]; /* no member written yet at this depth */
	bool after_key;		       /* a key was written; its value comes next */
	bool misuse;		       /* nesting overflow or unbalanced end */
} bc_json_writer;

void bc_json_init(bc_json_writer *w, FILE *out);

void bc_json_object_begin(bc_json_writer *w);
void bc_json_object_end(bc_json_writer *w);
void bc_json_array_begin(bc_json_writer *w);
void bc_json_array_end(bc_json_writer *w);

/* Member name inside an object; the next call writes its value. */
void bc_json_key(bc_json_writer *w, const char *key);

void bc_json_string(bc_json_writer *w, const char *s);
void bc_json_int(bc_json_writer *w, long v);
/* Fixed decimals (e.g. 3 for seconds to the millisecond); null if not finite. */
void bc_json_number(bc_json_writer *w, double v, int decimals);
void bc_json_bool(bc_json_writer *w, bool v);
void bc_json_null(bc_json_writer *w);

/* Writes s as a JSON string literal, quotes included. */
void bc_json_write_escaped(FILE *out, const char *s);

/* Key and value in one call, for the common case. */
static inline void bc_json_key_string(bc_json_writer *w, const char *k, const char *v)
{
	bc_json_key(w, k);
	bc_json_string(w, v);
}

static inline void bc_json_key_int(bc_json_writer *w, const char *k, long v)
{
	bc_json_key(w, k);
	bc_json_int(w, v);
}

static inline void bc_json_key_number(bc_json_writer *w, const char *k, double v, int decimals)
{
	bc_json_key(w, k);
	bc_json_number(w, v, decimals);
}

#endif /* BC_JSON_WRITER_H */
