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
			/* other control characters; bytes >= 0x80 pass as UTF-8 */
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
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
