/* SPDX-License-Identifier: MIT */
/*
 * The replay JSON writer: escaping (quotes, backslashes, control characters,
 * UTF-8 passed through, invalid UTF-8 replaced), commas and nesting,
 * non-finite numbers as null. Output is checked by parsing it back with an
 * independent strict parser, and its encoding with iconv.
 */
#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"
#include "support/mini_json.h"
#include "support/test_support.h"

/* Runs write(w) into a memory buffer and returns the text (caller frees). */
static char *render(void (*write)(bc_json_writer *w))
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	bc_json_writer w;
	bc_json_init(&w, f);
	write(&w);
	assert_false(w.misuse);
	assert_int_equal(w.depth, 0);
	fclose(f);
	return text;
}

static const char nasty[] = "say \"hi\"\\ path C:\\x\n\ttab \x01\x1f del\x7f caf\xc3\xa9 </script>";

static void write_nested(bc_json_writer *w)
{
	bc_json_object_begin(w);
	bc_json_key_string(w, "text", nasty);
	bc_json_key_string(w, "we\"ird\nkey", "v");
	bc_json_key_int(w, "n", -42);
	bc_json_key_number(w, "pi", M_PI, 3);
	bc_json_key_number(w, "nan", NAN, 2);
	bc_json_key_number(w, "inf", -INFINITY, 2);
	bc_json_key_number(w, "tiny_negative", -0.0001, 2);
	bc_json_key(w, "flags");
	bc_json_array_begin(w);
	bc_json_bool(w, true);
	bc_json_bool(w, false);
	bc_json_null(w);
	bc_json_array_begin(w);
	bc_json_array_end(w);
	bc_json_object_begin(w);
	bc_json_object_end(w);
	bc_json_array_end(w);
	bc_json_key(w, "empty");
	bc_json_array_begin(w);
	bc_json_array_end(w);
	bc_json_object_end(w);
}

static void test_round_trip(void **state)
{
	char *text = render(write_nested);
	char error[200];
	bc_test_json_value *v = bc_test_json_parse(text, error, sizeof(error));
	if (!v)
		print_error("%s\n%s\n", error, text);
	assert_non_null(v);
	assert_string_equal(bc_test_json_get(v, "text")->string, nasty);
	assert_string_equal(bc_test_json_get(v, "we\"ird\nkey")->string, "v");
	assert_true(bc_test_json_get(v, "n")->number == -42);
	assert_float_near(bc_test_json_get(v, "pi")->number, 3.142, 1e-9);
	assert_int_equal(bc_test_json_get(v, "nan")->type, BC_TEST_JSON_NULL);
	assert_int_equal(bc_test_json_get(v, "inf")->type, BC_TEST_JSON_NULL);
	assert_null(strstr(text, "-0.00")); /* rounds to zero: printed as 0.00 */
	const bc_test_json_value *flags = bc_test_json_get(v, "flags");
	assert_int_equal(flags->n, 5);
	assert_true(flags->items[0]->boolean);
	assert_false(flags->items[1]->boolean);
	assert_int_equal(flags->items[2]->type, BC_TEST_JSON_NULL);
	assert_int_equal(flags->items[3]->type, BC_TEST_JSON_ARRAY);
	assert_int_equal(flags->items[4]->type, BC_TEST_JSON_OBJECT);
	assert_int_equal(bc_test_json_get(v, "empty")->n, 0);
	/* raw control bytes never reach the output */
	for (const char *p = text; *p; p++)
		assert_true((unsigned char)*p >= 0x20);
	bc_test_json_free(v);
	free(text);
}

static void write_unbalanced(bc_json_writer *w)
{
	bc_json_array_end(w);
}

static void test_misuse_is_flagged(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	bc_json_writer w;
	bc_json_init(&w, f);
	write_unbalanced(&w);
	fclose(f);
	assert_true(w.misuse);
	free(text);
}

/* Whether text is valid UTF-8, by glibc's iconv (not by the writer's own check). */
static bool valid_utf8(const char *text)
{
	iconv_t cd = iconv_open("UTF-32LE", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	char *in = (char *)text;
	size_t in_left = strlen(text);
	bool ok = true;
	while (in_left > 0 && ok) {
		char buf[256], *out = buf;
		size_t out_left = sizeof(buf);
		if (iconv(cd, &in, &in_left, &out, &out_left) == (size_t)-1 && errno != E2BIG)
			ok = false;
	}
	iconv_close(cd);
	return ok;
}

/* Stored paths may be in any encoding: what is not UTF-8 becomes U+FFFD, the rest stays. */
static const char *const bad_utf8[] = {
	"lone continuation \x80 byte",
	"cut at the end \xc3",
	"cut before ascii \xe2\x82x",
	"overlong slash \xc0\xaf and \xe0\x80\xaf",
	"surrogate \xed\xa0\x80",
	"past U+10FFFF \xf4\x90\x80\x80 and \xf5\x80\x80\x80",
	"latin-1 path /home/Jos\xe9/sessions",
	"\xff\xfe",
};

static void test_invalid_utf8_is_replaced(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
		char *text = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&text, &len);
		bc_json_writer w;
		bc_json_init(&w, f);
		bc_json_object_begin(&w);
		bc_json_key_string(&w, "path", bad_utf8[i]);
		bc_json_key_string(&w, bad_utf8[i], "as a key too");
		bc_json_key_string(&w, "good", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x99\x82");
		bc_json_object_end(&w);
		fclose(f);
		assert_true(valid_utf8(text));
		assert_non_null(strstr(text, "\\ufffd"));
		char error[200];
		bc_test_json_value *v = bc_test_json_parse(text, error, sizeof(error));
		if (!v)
			print_error("%s\n%s\n", error, text);
		assert_non_null(v);
		/* valid sequences are kept byte for byte */
		assert_string_equal(bc_test_json_get(v, "good")->string,
				    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x99\x82");
		bc_test_json_free(v);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_misuse_is_flagged),
		cmocka_unit_test(test_invalid_utf8_is_replaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
