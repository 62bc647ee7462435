/* SPDX-License-Identifier: MIT */
/* Recursive-descent JSON parser for tests; see mini_json.h. */
#include "support/mini_json.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define MAX_DEPTH 64

typedef struct {
	const char *p;
	const char *start;
	char *error;
	size_t error_size;
	bool failed;
} parser;

static void fail_at(parser *ps, const char *what)
{
	if (!ps->failed)
		snprintf(ps->error, ps->error_size, "offset %ld: %s", (long)(ps->p - ps->start),
			 what);
	ps->failed = true;
}

static void skip_ws(parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
		ps->p++;
}

static bc_test_json_value *new_value(bc_test_json_type type)
{
	bc_test_json_value *v = calloc(1, sizeof(*v));
	if (v)
		v->type = type;
	return v;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static char *parse_string(parser *ps)
{
	if (*ps->p != '"') {
		fail_at(ps, "expected a string");
		return NULL;
	}
	ps->p++;
	size_t cap = strlen(ps->p) + 1;
	char *out = malloc(cap), *o = out;
	if (!out) {
		fail_at(ps, "out of memory");
		return NULL;
	}
	for (;;) {
		unsigned char c = (unsigned char)*ps->p;
		if (c == '\0' || c < 0x20) {
			fail_at(ps, c ? "control character in a string" : "unterminated string");
			free(out);
			return NULL;
		}
		ps->p++;
		if (c == '"')
			break;
		if (c != '\\') {
			*o++ = (char)c;
			continue;
		}
		char e = *ps->p++;
		switch (e) {
		case '"':
			*o++ = '"';
			break;
		case '\\':
			*o++ = '\\';
			break;
		case '/':
			*o++ = '/';
			break;
		case 'b':
			*o++ = '\b';
			break;
		case 'f':
			*o++ = '\f';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'u': {
			int cp = hex4(ps->p);
			if (cp < 0) {
				fail_at(ps, "bad \\u escape");
				free(out);
				return NULL;
			}
			ps->p += 4;
			/* tests only need the BMP; surrogates are kept as-is */
			if (cp < 0x80) {
				*o++ = (char)cp;
			} else if (cp < 0x800) {
				*o++ = (char)(0xc0 | (cp >> 6));
				*o++ = (char)(0x80 | (cp & 0x3f));
			} else {
				*o++ = (char)(0xe0 | (cp >> 12));
				*o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
				*o++ = (char)(0x80 | (cp & 0x3f));
			}
			break;
		}
		default:
			fail_at(ps, "bad escape");
			free(out);
			return NULL;
		}
	}
	*o = '\0';
	return out;
}

/* RFC 8259 number grammar, then strtod for the value. */
static bc_test_json_value *parse_number(parser *ps)
{
	const char *s = ps->p, *p = s;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		goto bad;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			goto bad;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			goto bad;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	bc_test_json_value *v = new_value(BC_TEST_JSON_NUMBER);
	if (!v)
		return NULL;
	v->number = strtod(s, NULL);
	ps->p = p;
	return v;
bad:
	fail_at(ps, "bad number");
	return NULL;
}

static bc_test_json_value *parse_value(parser *ps, int depth);

static bool push_item(bc_test_json_value *v, char *key, bc_test_json_value *item)
{
	bc_test_json_value **items = realloc(v->items, (v->n + 1) * sizeof(*items));
	if (!items)
		return false;
	v->items = items;
	if (v->type == BC_TEST_JSON_OBJECT) {
		char **keys = realloc(v->keys, (v->n + 1) * sizeof(*keys));
		if (!keys)
			return false;
		v->keys = keys;
		keys[v->n] = key;
	}
	items[v->n++] = item;
	return true;
}

static bc_test_json_value *parse_container(parser *ps, int depth, bool object)
{
	char close = object ? '}' : ']';
	bc_test_json_value *v = new_value(object ? BC_TEST_JSON_OBJECT : BC_TEST_JSON_ARRAY);
	if (!v)
		return NULL;
	ps->p++;
	skip_ws(ps);
	if (*ps->p == close) {
		ps->p++;
		return v;
	}
	for (;;) {
		char *key = NULL;
		skip_ws(ps);
		if (object) {
			key = parse_string(ps);
			if (!key)
				goto fail;
			skip_ws(ps);
			if (*ps->p != ':') {
				free(key);
				fail_at(ps, "expected ':'");
				goto fail;
			}
			ps->p++;
		}
		bc_test_json_value *item = parse_value(ps, depth + 1);
		if (!item || !push_item(v, key, item)) {
			free(key);
			bc_test_json_free(item);
			goto fail;
		}
		skip_ws(ps);
		if (*ps->p == ',') {
			ps->p++;
			continue;
		}
		if (*ps->p == close) {
			ps->p++;
			return v;
		}
		fail_at(ps, object ? "expected ',' or '}'" : "expected ',' or ']'");
		goto fail;
	}
fail:
	bc_test_json_free(v);
	return NULL;
}

static bc_test_json_value *parse_value(parser *ps, int depth)
{
	if (depth > MAX_DEPTH) {
		fail_at(ps, "nested too deeply");
		return NULL;
	}
	skip_ws(ps);
	char c = *ps->p;
	if (c == '{' || c == '[')
		return parse_container(ps, depth, c == '{');
	if (c == '"') {
		char *s = parse_string(ps);
		bc_test_json_value *v = s ? new_value(BC_TEST_JSON_STRING) : NULL;
		if (v)
			v->string = s;
		else
			free(s);
		return v;
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(ps);
	static const struct {
		const char *word;
		bc_test_json_type type;
		bool b;
	} words[] = {
		{ "true", BC_TEST_JSON_BOOL, true },
		{ "false", BC_TEST_JSON_BOOL, false },
		{ "null", BC_TEST_JSON_NULL, false },
	};
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i].word);
		if (!strncmp(ps->p, words[i].word, n)) {
			ps->p += n;
			bc_test_json_value *v = new_value(words[i].type);
			if (v)
				v->boolean = words[i].b;
			return v;
		}
	}
	fail_at(ps, "unexpected character");
	return NULL;
}

bc_test_json_value *bc_test_json_parse(const char *text, char *error, size_t error_size)
{
	parser ps = { .p = text, .start = text, .error = error, .error_size = error_size };
	if (error_size)
		error[0] = '\0';
	bc_test_json_value *v = parse_value(&ps, 0);
	if (v) {
		skip_ws(&ps);
		if (*ps.p != '\0') {
			fail_at(&ps, "text after the value");
			bc_test_json_free(v);
			v = NULL;
		}
	}
	return v;
}

void bc_test_json_free(bc_test_json_value *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->keys)
			free(v->keys[i]);
		bc_test_json_free(v->items[i]);
	}
	free(v->keys);
	free(v->items);
	free(v->string);
	free(v);
}

const bc_test_json_value *bc_test_json_get(const bc_test_json_value *v, const char *key)
{
	if (!v || v->type != BC_TEST_JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->keys[i], key))
			return v->items[i];
	return NULL;
}

const bc_test_json_value *bc_test_json_need(const bc_test_json_value *v, const char *key,
					    bc_test_json_type type)
{
	const bc_test_json_value *x = bc_test_json_get(v, key);
	if (!x)
		fail_msg("JSON member \"%s\" missing", key);
	if (x->type != type)
		fail_msg("JSON member \"%s\" has type %d, want %d", key, (int)x->type, (int)type);
	return x;
}

double bc_test_json_number(const bc_test_json_value *v, const char *key)
{
	return bc_test_json_need(v, key, BC_TEST_JSON_NUMBER)->number;
}
