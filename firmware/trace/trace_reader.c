/* SPDX-License-Identifier: MIT */
/*
 * Streaming trace v1 reader (contract §1).
 *
 * zlib's gzread reads gzip and plain files alike (it looks at the magic
 * bytes), so one code path serves both. Lines are cut in place out of a
 * fixed chunk buffer (only a line straddling two chunks is copied): memory
 * stays constant however long the file is, and rows are parsed where they
 * lie with trace_number's exact decimal parser, with no allocation per row. Everything that is not exactly right is an error naming file and
 * line: a trace that silently lost rows would count the wrong reps.
 */
#include "trace/trace_reader.h"

#include "trace/trace_number.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Definitions */

/* gzread fills a request of twice its buffer or more directly, without a copy */
#define GZ_BUFFER_BYTES (128 * 1024)
#define CHUNK_BYTES	(2 * GZ_BUFFER_BYTES)
#define SHOWN_FIELD_MAX 40 /* bytes of a bad field quoted in a message */

/* Columns every trace has, in bc_sample order. */
enum {
	COL_T,
	COL_AX,
	COL_AY,
	COL_AZ,
	COL_GX,
	COL_GY,
	COL_GZ,
	COL_MX,
	COL_MY,
	COL_MZ,
	KNOWN_COLUMNS
};
static const char *const known_names[KNOWN_COLUMNS] = {
	"t", "ax", "ay", "az", "gx", "gy", "gz", "mx", "my", "mz",
};
#define REQUIRED_COLUMNS COL_MX

struct bc_trace_reader {
	gzFile gz;
	char *path;
	long line;     /* lines read so far = number of the current line */
	long row_line; /* line of the row last returned by next() */
	bool failed;   /* an error was reported; next() keeps failing */

	/* metadata, file order */
	size_t n_meta;
	char **meta_keys;
	char **meta_values;

	/* columns */
	int n_cols;
	char **col_names; /* point into col_block */
	char *col_block;
	bool *col_required;	      /* must parse and be finite */
	int known_idx[KNOWN_COLUMNS]; /* column of t, ax, ...; -1 if absent */
	bool has_mag;
	double *values; /* row last returned, one per column */

	bool have_prev_t;
	double prev_t_s;

	/* input buffering */
	size_t chunk_pos, chunk_end;
	/* both line buffers end in slack for the numbers read by the word */
	char chunk[CHUNK_BYTES + BC_TRACE_NUMBER_PAD];
	char *text; /* current line, NUL-terminated: in chunk or text_copy */
	size_t text_len;
	/* a line across two chunks (+ '\r' slack) */
	char text_copy[BC_TRACE_LINE_MAX + 2 + BC_TRACE_NUMBER_PAD];
};

/* Reading lines */

/*
 * Reports why gzread stopped early. Z_BUF_ERROR is zlib's "unexpected end of
 * file": a gzip stream cut short, which must not pass for a short session.
 */
static int read_failure(bc_trace_reader *r, bc_trace_error *err, int saved_errno)
{
	int zerr = Z_OK;
	const char *msg = gzerror(r->gz, &zerr);
	long line = r->line + 1;
	if (zerr == Z_ERRNO)
		bc_trace_error_set(err, r->path, line, "read failed: %s", strerror(saved_errno));
	else if (zerr == Z_BUF_ERROR)
		bc_trace_error_set(err, r->path, line, "truncated gzip file (%s)", msg);
	else
		bc_trace_error_set(err, r->path, line, "corrupt gzip data (%s)", msg);
	return -1;
}

/* Refills the chunk buffer: 1 got bytes, 0 clean end of file, -1 error. */
static int refill(bc_trace_reader *r, bc_trace_error *err)
{
	errno = 0;
	int n = gzread(r->gz, r->chunk, CHUNK_BYTES);
	int saved_errno = errno;
	r->chunk_pos = 0;
	r->chunk_end = n > 0 ? (size_t)n : 0;
	if (n > 0)
		return 1;
	int zerr = Z_OK;
	gzerror(r->gz, &zerr);
	if (n < 0 || zerr != Z_OK)
		return read_failure(r, err, saved_errno);
	return 0;
}

/*
 * The line at r->chunk_pos that ends inside the chunk, cut in place (its
 * '\n' becomes the NUL): most lines, read without a copy.
 */
static bool take_line_in_place(bc_trace_reader *r)
{
	char *start = r->chunk + r->chunk_pos;
	char *nl = memchr(start, '\n', r->chunk_end - r->chunk_pos);
	if (!nl)
		return false;
	*nl = '\0';
	r->text = start;
	r->text_len = (size_t)(nl - start);
	r->chunk_pos += r->text_len + 1;
	return true;
}

/*
 * The next line into r->text_copy, across chunk refills: the rare line that
 * straddles two chunks, or the last one without a line end.
 * 1 got a line, 0 end of file, -1 error (over-long line, I/O).
 */
static int copy_line(bc_trace_reader *r, bc_trace_error *err)
{
	size_t len = 0;
	bool any = false;
	for (;;) {
		if (r->chunk_pos == r->chunk_end) {
			int got = refill(r, err);
			if (got < 0)
				return -1;
			if (got == 0) {
				if (!any)
					return 0;
				break; /* last line without a line end */
			}
		}
		const char *start = r->chunk + r->chunk_pos;
		size_t avail = r->chunk_end - r->chunk_pos;
		const char *nl = memchr(start, '\n', avail);
		size_t take = nl ? (size_t)(nl - start) : avail;
		any = true;
		/* one byte of slack for a '\r' that the line end will drop */
		if (len + take > BC_TRACE_LINE_MAX + 1) {
			bc_trace_error_set(err, r->path, r->line + 1,
					   "line longer than %d characters", BC_TRACE_LINE_MAX);
			return -1;
		}
		memcpy(r->text_copy + len, start, take);
		len += take;
		r->chunk_pos += take + (nl ? 1 : 0);
		if (nl)
			break;
	}
	r->text_copy[len] = '\0';
	r->text = r->text_copy;
	r->text_len = len;
	return 1;
}

/*
 * Next line into r->text (NUL-terminated) without its "\n" or "\r\n".
 * 1 got a line, 0 end of file, -1 error (over-long line, NUL byte, I/O).
 */
static int read_line(bc_trace_reader *r, bc_trace_error *err)
{
	if (!take_line_in_place(r)) {
		int got = copy_line(r, err);
		if (got <= 0)
			return got;
	}
	r->line++;
	size_t len = r->text_len;
	if (len > 0 && r->text[len - 1] == '\r')
		r->text[--len] = '\0';
	if (len > BC_TRACE_LINE_MAX) {
		bc_trace_error_set(err, r->path, r->line, "line longer than %d characters",
				   BC_TRACE_LINE_MAX);
		return -1;
	}
	r->text_len = len;
	if (memchr(r->text, '\0', len)) {
		bc_trace_error_set(err, r->path, r->line, "NUL byte in a text line");
		return -1;
	}
	return 1;
}

/* Header: signature, metadata, columns */

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.';
}

static int add_meta(bc_trace_reader *r, const char *key, size_t key_len, const char *value,
		    bc_trace_error *err)
{
	char **keys = realloc(r->meta_keys, (r->n_meta + 1) * sizeof(*keys));
	if (!keys)
		goto fail;
	r->meta_keys = keys;
	char **values = realloc(r->meta_values, (r->n_meta + 1) * sizeof(*values));
	if (!values)
		goto fail;
	r->meta_values = values;
	char *k = strndup(key, key_len);
	char *v = strdup(value);
	if (!k || !v) {
		free(k);
		free(v);
		goto fail;
	}
	keys[r->n_meta] = k;
	values[r->n_meta] = v;
	r->n_meta++;
	return 0;
fail:
	bc_trace_error_set(err, r->path, r->line, "out of memory");
	return -1;
}

/* "# key: value" (value may be empty); anything else starting with '#' is an error. */
static int parse_meta(bc_trace_reader *r, bc_trace_error *err)
{
	const char *p = r->text;
	if (p[0] != '#' || p[1] != ' ')
		goto bad;
	p += 2;
	const char *key = p;
	while (is_key_char(*p))
		p++;
	size_t key_len = (size_t)(p - key);
	if (key_len == 0 || *p != ':' || (p[1] != ' ' && p[1] != '\t' && p[1] != '\0'))
		goto bad;
	p++;
	while (*p == ' ' || *p == '\t')
		p++;
	char *end = r->text + r->text_len;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return add_meta(r, key, key_len, p, err);
bad:
	bc_trace_error_set(err, r->path, r->line,
			   "bad metadata line '%.*s' (expected '# key: value')", SHOWN_FIELD_MAX,
			   r->text);
	return -1;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

/* The column line: names by position, each once, the required ones present. */
static int parse_columns(bc_trace_reader *r, bc_trace_error *err)
{
	int n = 1;
	for (const char *p = r->text; *p; p++)
		n += *p == ',';
	r->col_block = strdup(r->text);
	r->col_names = calloc((size_t)n, sizeof(*r->col_names));
	r->col_required = calloc((size_t)n, sizeof(*r->col_required));
	r->values = calloc((size_t)n, sizeof(*r->values));
	if (!r->col_block || !r->col_names || !r->col_required || !r->values) {
		bc_trace_error_set(err, r->path, r->line, "out of memory");
		return -1;
	}
	r->n_cols = n;
	char *p = r->col_block;
	for (int i = 0; i < n; i++) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		r->col_names[i] = trim(p);
		p = comma ? comma + 1 : p + strlen(p);
		if (!r->col_names[i][0]) {
			bc_trace_error_set(err, r->path, r->line,
					   "column %d of the header has no name", i + 1);
			return -1;
		}
		for (int j = 0; j < i; j++)
			if (!strcmp(r->col_names[i], r->col_names[j])) {
				bc_trace_error_set(err, r->path, r->line,
						   "column '%s' appears twice in the header "
						   "(columns %d and %d)",
						   r->col_names[i], j + 1, i + 1);
				return -1;
			}
	}
	for (int k = 0; k < KNOWN_COLUMNS; k++) {
		r->known_idx[k] = -1;
		for (int i = 0; i < n; i++)
			if (!strcmp(r->col_names[i], known_names[k]))
				r->known_idx[k] = i;
	}
	for (int k = 0; k < REQUIRED_COLUMNS; k++)
		if (r->known_idx[k] < 0) {
			bc_trace_error_set(err, r->path, r->line,
					   "header lacks column '%s' (needs t,ax,ay,az,gx,gy,gz)",
					   known_names[k]);
			return -1;
		}
	int n_mag = 0;
	for (int k = COL_MX; k <= COL_MZ; k++)
		n_mag += r->known_idx[k] >= 0;
	if (n_mag != 0 && n_mag != 3) {
		bc_trace_error_set(err, r->path, r->line,
				   "header has only some of mx,my,mz (all three or none)");
		return -1;
	}
	r->has_mag = n_mag == 3;
	for (int k = 0; k < KNOWN_COLUMNS; k++)
		if (r->known_idx[k] >= 0)
			r->col_required[r->known_idx[k]] = true;
	return 0;
}

static int read_header(bc_trace_reader *r, bc_trace_error *err)
{
	int got = read_line(r, err);
	if (got < 0)
		return -1;
	if (got == 0) {
		bc_trace_error_set(err, r->path, 1, "empty file (expected '%s')",
				   BC_TRACE_SIGNATURE);
		return -1;
	}
	if (strcmp(r->text, BC_TRACE_SIGNATURE) != 0) {
		if (!strncmp(r->text, "\xef\xbb\xbf", 3))
			bc_trace_error_set(
				err, r->path, r->line,
				"starts with a UTF-8 byte-order mark; line 1 must be exactly '%s'",
				BC_TRACE_SIGNATURE);
		else if (!strncmp(r->text, "# backcoach-trace ", 18))
			bc_trace_error_set(
				err, r->path, r->line,
				"unsupported trace version '%.*s' (this reader knows '%s')",
				SHOWN_FIELD_MAX, r->text + 18, BC_TRACE_SIGNATURE);
		else
			bc_trace_error_set(err, r->path, r->line,
					   "not a backcoach trace: line 1 must be '%s'",
					   BC_TRACE_SIGNATURE);
		return -1;
	}
	for (;;) {
		got = read_line(r, err);
		if (got < 0)
			return -1;
		if (got == 0) {
			bc_trace_error_set(
				err, r->path, r->line + 1,
				"missing header line (t,ax,ay,az,gx,gy,gz) after the metadata");
			return -1;
		}
		if (r->text[0] != '#')
			break;
		if (parse_meta(r, err) < 0)
			return -1;
	}
	if (r->text_len == 0) {
		bc_trace_error_set(err, r->path, r->line,
				   "empty line where the header (t,ax,ay,az,gx,gy,gz) belongs");
		return -1;
	}
	return parse_columns(r, err);
}

bc_trace_reader *bc_trace_reader_open(const char *path, bc_trace_error *err)
{
	bc_trace_reader *r = calloc(1, sizeof(*r));
	if (!r) {
		bc_trace_error_set(err, path, 0, "out of memory");
		return NULL;
	}
	r->path = strdup(path);
	if (!r->path) {
		bc_trace_error_set(err, path, 0, "out of memory");
		goto fail;
	}
	errno = 0;
	r->gz = gzopen(path, "rb");
	if (!r->gz) {
		bc_trace_error_set(err, path, 0, "%s", errno ? strerror(errno) : "cannot open");
		goto fail;
	}
	gzbuffer(r->gz, GZ_BUFFER_BYTES);
	if (read_header(r, err) < 0)
		goto fail;
	return r;
fail:
	bc_trace_reader_free(r);
	return NULL;
}

void bc_trace_reader_free(bc_trace_reader *r)
{
	if (!r)
		return;
	if (r->gz)
		gzclose_r(r->gz);
	for (size_t i = 0; i < r->n_meta; i++) {
		free(r->meta_keys[i]);
		free(r->meta_values[i]);
	}
	free(r->meta_keys);
	free(r->meta_values);
	free(r->col_names);
	free(r->col_block);
	free(r->col_required);
	free(r->values);
	free(r->path);
	free(r);
}

/* Rows */

static int field_count(const char *line)
{
	int n = 1;
	for (; *line; line++)
		n += *line == ',';
	return n;
}

static size_t field_len(const char *p)
{
	const char *comma = strchr(p, ',');
	return comma ? (size_t)(comma - p) : strlen(p);
}

/*
 * Parses r->text into r->values, field by field, naming what is wrong. Each
 * field is cut at its comma first, so a count mismatch is reported as such
 * rather than as a bad number. The reference for parse_row's fast pass.
 */
static int parse_row_checked(bc_trace_reader *r, bc_trace_error *err)
{
	char *p = r->text;
	for (int i = 0; i < r->n_cols; i++) {
		size_t len = field_len(p);
		bool last = i == r->n_cols - 1;
		if (last != (p[len] == '\0')) {
			bc_trace_error_set(err, r->path, r->line,
					   "%d fields, the header has %d columns",
					   field_count(r->text), r->n_cols);
			return -1;
		}
		char *end;
		double v = strtod(p, &end);
		while (*end == ' ' || *end == '\t')
			end++;
		int shown = len < SHOWN_FIELD_MAX ? (int)len : SHOWN_FIELD_MAX;
		if (end == p || end != p + len) {
			if (r->col_required[i]) {
				bc_trace_error_set(err, r->path, r->line,
						   "column '%s': '%.*s' is not a number",
						   r->col_names[i], shown, p);
				return -1;
			}
			v = NAN; /* an extra column is not ours to judge */
		} else if (r->col_required[i] && !isfinite(v)) {
			bc_trace_error_set(err, r->path, r->line,
					   "column '%s' is not finite ('%.*s')", r->col_names[i],
					   shown, p);
			return -1;
		} else if (r->col_required[i] && !bc_trace_number_finite_as_float(v)) {
			bc_trace_error_set(err, r->path, r->line,
					   "column '%s' is not finite as a float ('%.*s' is beyond "
					   "3.4e38)",
					   r->col_names[i], shown, p);
			return -1;
		}
		r->values[i] = v;
		p += len + 1;
	}
	return 0;
}

/*
 * Parses r->text into r->values in one pass. Anything unusual (a field that
 * is not a number, a missing or extra comma, a value out of range) sends the
 * row to parse_row_checked, which decides and words the error: so both give
 * the same answer for every line.
 */
static int parse_row(bc_trace_reader *r, bc_trace_error *err)
{
	char *p = r->text;
	int last = r->n_cols - 1;
	for (int i = 0; i <= last; i++) {
		char *end;
		double v = bc_trace_number_parse_padded(p, &end);
		while (*end == ' ' || *end == '\t')
			end++;
		if (end == p || *end != (i == last ? '\0' : ',') ||
		    (r->col_required[i] && !bc_trace_number_finite_as_float(v)))
			return parse_row_checked(r, err);
		r->values[i] = v;
		p = end + 1;
	}
	return 0;
}

int bc_trace_reader_next(bc_trace_reader *r, bc_sample *out, bc_trace_error *err)
{
	if (r->failed) {
		bc_trace_error_set(err, r->path, r->line, "read after an earlier error");
		return -1;
	}
	int got = read_line(r, err);
	if (got <= 0)
		goto done;
	if (r->text_len == 0) {
		bc_trace_error_set(err, r->path, r->line, "empty line (expected a row)");
		got = -1;
		goto done;
	}
	if (r->text[0] == '#') {
		bc_trace_error_set(err, r->path, r->line,
				   "'#' line after the header (metadata goes before it)");
		got = -1;
		goto done;
	}
	if (parse_row(r, err) < 0) {
		got = -1;
		goto done;
	}
	const double *v = r->values;
	const int *k = r->known_idx;
	double t_s = v[k[COL_T]];
	if (r->have_prev_t && !(t_s > r->prev_t_s)) {
		bc_trace_error_set(err, r->path, r->line,
				   "t %.6f s does not increase (previous row %.6f s)", t_s,
				   r->prev_t_s);
		got = -1;
		goto done;
	}
	r->have_prev_t = true;
	r->prev_t_s = t_s;
	r->row_line = r->line;
	out->t_s = t_s;
	out->accel_g = bc_vec3_make((float)v[k[COL_AX]], (float)v[k[COL_AY]], (float)v[k[COL_AZ]]);
	out->gyro_dps = bc_vec3_make((float)v[k[COL_GX]], (float)v[k[COL_GY]], (float)v[k[COL_GZ]]);
	out->has_mag = r->has_mag;
	out->mag_ut = r->has_mag ? bc_vec3_make((float)v[k[COL_MX]], (float)v[k[COL_MY]],
						(float)v[k[COL_MZ]])
				 : bc_vec3_make(0, 0, 0);
done:
	if (got < 0)
		r->failed = true;
	return got;
}

/* Getters */

const char *bc_trace_reader_meta(const bc_trace_reader *r, const char *key)
{
	for (size_t i = 0; i < r->n_meta; i++)
		if (!strcmp(r->meta_keys[i], key))
			return r->meta_values[i];
	return NULL;
}

size_t bc_trace_reader_meta_count(const bc_trace_reader *r)
{
	return r->n_meta;
}

const char *bc_trace_reader_meta_key(const bc_trace_reader *r, size_t i)
{
	return i < r->n_meta ? r->meta_keys[i] : NULL;
}

const char *bc_trace_reader_meta_value(const bc_trace_reader *r, size_t i)
{
	return i < r->n_meta ? r->meta_values[i] : NULL;
}

int bc_trace_reader_column(const bc_trace_reader *r, const char *name)
{
	for (int i = 0; i < r->n_cols; i++)
		if (!strcmp(r->col_names[i], name))
			return i;
	return -1;
}

int bc_trace_reader_column_count(const bc_trace_reader *r)
{
	return r->n_cols;
}

const char *bc_trace_reader_column_name(const bc_trace_reader *r, int idx)
{
	return idx >= 0 && idx < r->n_cols ? r->col_names[idx] : NULL;
}

bool bc_trace_reader_has_mag(const bc_trace_reader *r)
{
	return r->has_mag;
}

double bc_trace_reader_value(const bc_trace_reader *r, int idx)
{
	return idx >= 0 && idx < r->n_cols ? r->values[idx] : NAN;
}

long bc_trace_reader_line(const bc_trace_reader *r)
{
	return r->row_line;
}

bool bc_trace_reader_compressed(const bc_trace_reader *r)
{
	return !gzdirect(r->gz);
}

const char *bc_trace_reader_path(const bc_trace_reader *r)
{
	return r->path;
}
