/* SPDX-License-Identifier: MIT */
/* Streaming JSON output with escaping; see json_writer.h. */
#include "json_writer.h"

#include <math.h>

void bc_json_init(bc_json_writer *w, FILE *out)
{
	*w = (bc_json_writer){ .out = out };
	w->first[0] = true;
}

/* Separator before a value or key: ", " between members, nothing after a key. */
static void before_item(bc_json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (!w->first[w->depth])
		fputs(", ", w->out);
	w->first[w->depth] = false;
}

static void open_scope(bc_json_writer *w, char c)
{
	before_item(w);
	fputc(c, w->out);
	if (w->depth + 1 >= BC_JSON_MAX_DEPTH) {
		w->misuse = true;
		return;
	}
	w->depth++;
	w->first[w->depth] = true;
}

static void close_scope(bc_json_writer *w, char c)
{
	fputc(c, w->out);
	if (w->depth == 0 || w->after_key)
		w->misuse = true;
	else
		w->depth--;
}

void bc_json_object_begin(bc_json_writer *w)
{
	open_scope(w, '{');
}

void bc_json_object_end(bc_json_writer *w)
{
	close_scope(w, '}');
}

void bc_json_array_begin(bc_json_writer *w)
{
	open_scope(w, '[');
}

void bc_json_array_end(bc_json_writer *w)
{
	close_scope(w, ']');
}

/*
 * Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong
 * forms, no surrogates, nothing past U+10FFFF), or 0 if it is not one.
 * Strings come from files and paths the user named, which may be in any
 * encoding; JSON must be UTF-8, so a bad byte must not pass through.
 */
static size_t utf8_sequence_len(const unsigned char *p)
{
	unsigned char c = p[0];
	size_t n;
	unsigned char lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0; /* overlong */
	else if (c == 0xed)
		hi = 0x9f; /* surrogates */
	else if (c == 0xf0)
		lo = 0x90; /* overlong */
	else if (c == 0xf4)
		hi = 0x8f; /* past U+10FFFF */
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0; /* also stops at the terminating NUL */
	return n;
}

void bc_json_write_escaped(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\b':
			fputs("\\b", out);
			break;
		case '\f':
			fputs("\\f", out);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(out, "\\u%04x", *p); /* other control characters */
			} else if (*p < 0x80) {
				fputc(*p, out);
			} else {
				/* valid UTF-8 as it is; a byte that starts none: U+FFFD */
				size_t n = utf8_sequence_len(p);
				if (n) {
					fwrite(p, 1, n, out);
					p += n - 1;
				} else {
					fputs("\\ufffd", out);
				}
			}
		}
	}
	fputc('"', out);
}

void bc_json_key(bc_json_writer *w, const char *key)
{
	before_item(w);
	bc_json_write_escaped(w->out, key);
	fputs(": ", w->out);
	w->after_key = true;
}

void bc_json_string(bc_json_writer *w, const char *s)
{
	before_item(w);
	bc_json_write_escaped(w->out, s ? s : "");
}

void bc_json_int(bc_json_writer *w, long v)
{
	before_item(w);
	fprintf(w->out, "%ld", v);
}

void bc_json_number(bc_json_writer *w, double v, int decimals)
{
	before_item(w);
	if (!isfinite(v)) {
		fputs("null", w->out);
		return;
	}
	/* "-0.000" is valid JSON but reads oddly; print 0 instead */
	double scale = pow(10, decimals);
	if (round(v * scale) == 0)
		v = 0;
	fprintf(w->out, "%.*f", decimals, v);
}

void bc_json_bool(bc_json_writer *w, bool v)
{
	before_item(w);
	fputs(v ? "true" : "false", w->out);
}

void bc_json_null(bc_json_writer *w)
{
	before_item(w);
	fputs("null", w->out);
}
