/* SPDX-License-Identifier: MIT */
/*
 * Trace v1 writer (contract §1).
 *
 * It refuses to write anything the reader would reject (a non-finite value,
 * a non-increasing t, a metadata line that would not parse back): a recording
 * that cannot be replayed is worse than an error at recording time.
 *
 * Rows are formatted straight into one buffer of the writer's own
 * (trace_number: the same text as snprintf, a tenth of the cost) and leave it
 * in large writes, when it fills and at every sync: a recording's per-sample
 * cost is formatting, not stdio. Plain files go through unbuffered stdio so
 * that sync() can fdatasync them; ".gz" files go through zlib on a
 * descriptor we own, for the same reason.
 */
#include "trace/trace_writer.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "trace/trace_number.h"
#include "trace/trace_reader.h"

/* Definitions */

#define ROW_BYTES 256
/*
 * Rows wait here until it fills or the next sync (the recorder syncs every
 * second): 16 KiB is 2.7 s of rows at 100 Hz, so at the recorder's rates a
 * sync, not the buffer, decides when rows reach the disk.
 */
#define BUFFER_BYTES (16 * 1024)

struct bc_trace_writer {
	char *path;
	FILE *fp;  /* plain text, or NULL */
	gzFile gz; /* gzip, or NULL */
	int gz_fd; /* descriptor under gz, owned by gz */
	bool with_mag;
	bool failed;	 /* a write failed; the file is incomplete */
	long line;	 /* lines written so far */
	double prev_t_s; /* the previous row's t as a reader sees it; -inf before the first */
	/* t's whole seconds as text: they change once a second */
	bc_trace_number_int_text t_seconds;
	size_t buffered;
	char buffer[BUFFER_BYTES];
};

/* Output */

static bool has_gz_suffix(const char *path)
{
	size_t n = strlen(path);
	return n >= 3 && !strcmp(path + n - 3, ".gz");
}

/* Writes the buffer out to stdio or zlib; the first failure sticks. */
static int flush_buffer(bc_trace_writer *w, bc_trace_error *err)
{
	size_t len = w->buffered;
	if (len == 0)
		return 0;
	bool ok;
	errno = 0;
	if (w->gz) {
		ok = gzwrite(w->gz, w->buffer, (unsigned)len) == (int)len;
	} else {
		ok = fwrite(w->buffer, 1, len, w->fp) == len;
	}
	w->buffered = 0;
	if (!ok) {
		w->failed = true;
		bc_trace_error_set(err, w->path, 0, "write failed: %s",
				   errno ? strerror(errno) : "zlib error");
		return -1;
	}
	return 0;
}

/* Room for len more bytes in the buffer (len <= BUFFER_BYTES). */
static int make_room(bc_trace_writer *w, size_t len, bc_trace_error *err)
{
	return w->buffered + len > BUFFER_BYTES ? flush_buffer(w, err) : 0;
}

static int put(bc_trace_writer *w, const char *text, size_t len, bc_trace_error *err)
{
	if (make_room(w, len, err) < 0)
		return -1;
	memcpy(w->buffer + w->buffered, text, len);
	w->buffered += len;
	return 0;
}

static int put_line(bc_trace_writer *w, const char *text, bc_trace_error *err)
{
	if (put(w, text, strlen(text), err) < 0 || put(w, "\n", 1, err) < 0)
		return -1;
	w->line++;
	return 0;
}

/* Metadata that would read back as the same key and value. */
static bool meta_ok(const bc_trace_meta *m)
{
	if (!m->key || !m->key[0] || !m->value)
		return false;
	for (const char *p = m->key; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-' || c == '.'))
			return false;
	}
	size_t n = strlen(m->value);
	if (strpbrk(m->value, "\r\n"))
		return false;
	/* the reader trims surrounding blanks */
	if (n && (m->value[0] == ' ' || m->value[0] == '\t' || m->value[n - 1] == ' ' ||
		  m->value[n - 1] == '\t'))
		return false;
	return strlen(m->key) + n + 4 <= BC_TRACE_LINE_MAX;
}

static int open_file(bc_trace_writer *w, bc_trace_error *err)
{
	if (!has_gz_suffix(w->path)) {
		w->fp = fopen(w->path, "w");
		if (!w->fp) {
			bc_trace_error_set(err, w->path, 0, "cannot create: %s", strerror(errno));
			return -1;
		}
		setvbuf(w->fp, NULL, _IONBF, 0); /* w->buffer is the only buffer */
		return 0;
	}
	int fd = open(w->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0) {
		bc_trace_error_set(err, w->path, 0, "cannot create: %s", strerror(errno));
		return -1;
	}
	w->gz = gzdopen(fd, "wb6");
	if (!w->gz) {
		close(fd);
		bc_trace_error_set(err, w->path, 0, "cannot start gzip stream");
		return -1;
	}
	w->gz_fd = fd;
	gzbuffer(w->gz, 64 * 1024);
	return 0;
}

bc_trace_writer *bc_trace_writer_open(const char *path, const bc_trace_meta *meta, size_t n_meta,
				      bool with_mag, bc_trace_error *err)
{
	for (size_t i = 0; i < n_meta; i++)
		if (!meta_ok(&meta[i])) {
			bc_trace_error_set(
				err, path, 0,
				"metadata %zu ('%s') cannot be written as '# key: value'", i,
				meta[i].key ? meta[i].key : "(null)");
			return NULL;
		}
	bc_trace_writer *w = calloc(1, sizeof(*w));
	if (!w) {
		bc_trace_error_set(err, path, 0, "out of memory");
		return NULL;
	}
	w->gz_fd = -1;
	w->with_mag = with_mag;
	w->prev_t_s = -INFINITY;
	bc_trace_number_int_text_init(&w->t_seconds);
	w->path = strdup(path);
	if (!w->path) {
		bc_trace_error_set(err, path, 0, "out of memory");
		goto fail;
	}
	if (open_file(w, err) < 0)
		goto fail;
	if (put_line(w, BC_TRACE_SIGNATURE, err) < 0)
		goto fail;
	for (size_t i = 0; i < n_meta; i++) {
		char line[BC_TRACE_LINE_MAX + 1];
		/* "# key:" for an empty value: no trailing blank */
		snprintf(line, sizeof(line), "# %s:%s%s", meta[i].key, meta[i].value[0] ? " " : "",
			 meta[i].value);
		if (put_line(w, line, err) < 0)
			goto fail;
	}
	if (put_line(w, with_mag ? "t,ax,ay,az,gx,gy,gz,mx,my,mz" : "t,ax,ay,az,gx,gy,gz", err) < 0)
		goto fail;
	return w;
fail:
	bc_trace_writer_close(w, NULL);
	return NULL;
}

/* Rows */

static bool vec_finite(bc_vec3 v)
{
	return isfinite(v.x) && isfinite(v.y) && isfinite(v.z);
}

/*
 * Digits: t to the microsecond; accel to 1e-6 g (an MPU-6050 step at ±2 g is
 * 6.1e-5 g); gyro to 1e-5 deg/s (a step at ±250 deg/s is 7.6e-3); mag to
 * 1e-4 uT (a step is ~0.15 uT). Fixed decimals keep the files diff-able.
 */
#define T_DECIMALS     6
#define ACCEL_DECIMALS 6
#define GYRO_DECIMALS  5
#define MAG_DECIMALS   4

/* Commits a row formatted in place at the buffer's end, '\n' and all. */
static void commit_row(bc_trace_writer *w, size_t len, double t_read_s)
{
	w->buffered += len;
	w->line++;
	w->prev_t_s = t_read_s; /* compare with what a reader will see */
}

/*
 * The row by the general functions, with every check worded: any value, and
 * the errors. bc_trace_writer_write sends here whatever its fast path does not
 * take, so both give the same text.
 */
static int write_checked(bc_trace_writer *w, const bc_sample *s, bc_trace_error *err)
{
	long line = w->line + 1;
	if (w->failed) {
		bc_trace_error_set(err, w->path, line, "write after an earlier failure");
		return -1;
	}
	if (!isfinite(s->t_s) || !vec_finite(s->accel_g) || !vec_finite(s->gyro_dps) ||
	    (w->with_mag && !vec_finite(s->mag_ut))) {
		bc_trace_error_set(err, w->path, line, "refusing a non-finite value at t %f s",
				   s->t_s);
		return -1;
	}
	if (!(s->t_s > w->prev_t_s)) {
		bc_trace_error_set(err, w->path, line,
				   "t %.6f s does not increase (previous row %.6f s)", s->t_s,
				   w->prev_t_s);
		return -1;
	}
	if (make_room(w, ROW_BYTES, err) < 0)
		return -1;
	/* formatted in place in the buffer; committed only when the whole row is right */
	char *row = w->buffer + w->buffered;
	const size_t room = ROW_BYTES - 1; /* and one byte for the '\n' */
	double t_read_s;
	size_t n = (size_t)bc_trace_number_format_parsed(row, room, s->t_s, T_DECIMALS, &t_read_s);
	/* the reader sees t at 1 us resolution: two samples closer than that collide */
	if (!(t_read_s > w->prev_t_s)) {
		bc_trace_error_set(err, w->path, line,
				   "t %.9f s is within 1 us of the previous row", s->t_s);
		return -1;
	}
	const float values[] = {
		s->accel_g.x,  s->accel_g.y, s->accel_g.z, s->gyro_dps.x, s->gyro_dps.y,
		s->gyro_dps.z, s->mag_ut.x,  s->mag_ut.y,  s->mag_ut.z,
	};
	static const int decimals[] = {
		ACCEL_DECIMALS, ACCEL_DECIMALS, ACCEL_DECIMALS, GYRO_DECIMALS, GYRO_DECIMALS,
		GYRO_DECIMALS,	MAG_DECIMALS,	MAG_DECIMALS,	MAG_DECIMALS,
	};
	int n_values = w->with_mag ? 9 : 6;
	int n_columns = n < room ? bc_trace_number_format_floats(row + n, room - n, values,
								 decimals, n_values)
				 : -1;
	if (n_columns < 0) {
		bc_trace_error_set(err, w->path, line, "row too long (values out of range?)");
		return -1;
	}
	n += (size_t)n_columns;
	row[n++] = '\n';
	commit_row(w, n, t_read_s);
	return 0;
}

/* 1 when all three fit; combined with & (an int, so no branch per column). */
static int vec_fits_columns(bc_vec3 v, int decimals)
{
	int fits = bc_trace_number_column_fits(v.x, decimals);
	fits &= bc_trace_number_column_fits(v.y, decimals);
	fits &= bc_trace_number_column_fits(v.z, decimals);
	return fits;
}

/* The inline writers' longest row: t and nine columns, whole words and all. */
_Static_assert(ROW_BYTES >= 10 * BC_TRACE_NUMBER_INLINE_ROOM, "a row's room");

/*
 * The recorder's per-sample path: every value within the inline writers'
 * range (finite; under 100 g, 1000 deg/s, 10^4 uT: 8 digits) and t clear of
 * a rounding tie, checked once for the row, then the row formatted in one
 * run of inlined code with the room for the longest row made once. Anything
 * else, errors included, is write_checked's.
 */
int bc_trace_writer_write(bc_trace_writer *w, const bc_sample *s, bc_trace_error *err)
{
	if (w->failed ||
	    !(vec_fits_columns(s->accel_g, ACCEL_DECIMALS) &
	      vec_fits_columns(s->gyro_dps, GYRO_DECIMALS)) ||
	    (w->with_mag && !vec_fits_columns(s->mag_ut, MAG_DECIMALS)) ||
	    w->buffered + ROW_BYTES > BUFFER_BYTES)
		return write_checked(w, s, err);
	char *row = w->buffer + w->buffered;
	double t_read_s;
	char *p = bc_trace_number_put_double(row, s->t_s, T_DECIMALS, &t_read_s, &w->t_seconds);
	/* t must increase as a reader sees it, at 1 us resolution */
	if (!p || !(t_read_s > w->prev_t_s))
		return write_checked(w, s, err);
	p = bc_trace_number_put_column(p, s->accel_g.x, ACCEL_DECIMALS);
	p = bc_trace_number_put_column(p, s->accel_g.y, ACCEL_DECIMALS);
	p = bc_trace_number_put_column(p, s->accel_g.z, ACCEL_DECIMALS);
	p = bc_trace_number_put_column(p, s->gyro_dps.x, GYRO_DECIMALS);
	p = bc_trace_number_put_column(p, s->gyro_dps.y, GYRO_DECIMALS);
	p = bc_trace_number_put_column(p, s->gyro_dps.z, GYRO_DECIMALS);
	if (w->with_mag) {
		p = bc_trace_number_put_column(p, s->mag_ut.x, MAG_DECIMALS);
		p = bc_trace_number_put_column(p, s->mag_ut.y, MAG_DECIMALS);
		p = bc_trace_number_put_column(p, s->mag_ut.z, MAG_DECIMALS);
	}
	*p++ = '\n';
	commit_row(w, (size_t)(p - row), t_read_s);
	return 0;
}

int bc_trace_writer_sync(bc_trace_writer *w, bc_trace_error *err)
{
	if (w->failed) {
		bc_trace_error_set(err, w->path, 0, "sync after an earlier write failure");
		return -1;
	}
	if (flush_buffer(w, err) < 0)
		return -1;
	if (w->gz) {
		if (gzflush(w->gz, Z_SYNC_FLUSH) != Z_OK)
			goto fail;
		if (fdatasync(w->gz_fd) < 0)
			goto fail;
		return 0;
	}
	if (fflush(w->fp) != 0 || fdatasync(fileno(w->fp)) < 0)
		goto fail;
	return 0;
fail:
	w->failed = true;
	bc_trace_error_set(err, w->path, 0, "sync failed: %s", strerror(errno));
	return -1;
}

int bc_trace_writer_close(bc_trace_writer *w, bc_trace_error *err)
{
	if (!w)
		return 0;
	if (!w->failed)
		flush_buffer(w, err);
	int rc = w->failed ? -1 : 0;
	if (w->failed)
		bc_trace_error_set(err, w->path, 0, "file is incomplete: an earlier write failed");
	errno = 0;
	if (w->gz) {
		int zrc = gzclose_w(w->gz);
		if (zrc != Z_OK && rc == 0) {
			rc = -1;
			bc_trace_error_set(err, w->path, 0, "close failed: %s",
					   zrc == Z_ERRNO ? strerror(errno) : "zlib error");
		}
	} else if (w->fp) {
		if (fclose(w->fp) != 0 && rc == 0) {
			rc = -1;
			bc_trace_error_set(err, w->path, 0, "close failed: %s", strerror(errno));
		}
	}
	free(w->path);
	free(w);
	return rc;
}
