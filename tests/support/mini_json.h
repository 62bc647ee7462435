/* SPDX-License-Identifier: MIT */
/*
 * A strict little JSON parser for tests that check `backcoach replay --json`
 * (RFC 8259 syntax: no trailing commas, no NaN, no comments). It builds a
 * tree so tests can look up keys and count array items.
 */
#ifndef BC_TEST_MINI_JSON_H
#define BC_TEST_MINI_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	BC_TEST_JSON_NULL,
	BC_TEST_JSON_BOOL,
	BC_TEST_JSON_NUMBER,
	BC_TEST_JSON_STRING,
	BC_TEST_JSON_ARRAY,
	BC_TEST_JSON_OBJECT
} bc_test_json_type;

typedef struct bc_test_json_value bc_test_json_value;
struct bc_test_json_value {
	bc_test_json_type type;
	bool boolean;
	double number;
	char *string;		    /* STRING: unescaped (UTF-8) */
	size_t n;		    /* ARRAY/OBJECT: item count */
	char **keys;		    /* OBJECT: member names */
	bc_test_json_value **items; /* ARRAY/OBJECT: values */
};

/*
 * Parses text, which must hold exactly one value (surrounding whitespace
 * allowed). NULL on a syntax error, with a message in error.
 */
bc_test_json_value *bc_test_json_parse(const char *text, char *error, size_t error_size);

void bc_test_json_free(bc_test_json_value *v);

/* Member key of an object, NULL if absent or v is not an object. */
const bc_test_json_value *bc_test_json_get(const bc_test_json_value *v, const char *key);

/*
 * Member key of object v, which must be there and of the given type (the
 * test fails otherwise): reading ->number of a string member would quietly
 * give 0, which an expected count of 0 would accept.
 */
const bc_test_json_value *bc_test_json_need(const bc_test_json_value *v, const char *key,
					    bc_test_json_type type);

/* bc_test_json_need(v, key, BC_TEST_JSON_NUMBER)->number. */
double bc_test_json_number(const bc_test_json_value *v, const char *key);

#endif /* BC_TEST_MINI_JSON_H */
