/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the trace reader (contract §1) on any bytes, as they
 * are and gzip-compressed (the reader tells by the magic bytes), and the
 * writer round trip: whatever the reader accepts, the writer writes and the
 * reader reads back to the same samples (to the writer's printed digits).
 *
 * Properties checked beyond "no crash, no sanitizer report": every sample
 * is finite with t strictly increasing; an error names file and line.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "fuzz_memfile.h"
#include "trace/trace_reader.h"
#include "trace/trace_writer.h"

#define MAX_SAMPLES 4096 /* enough for any input libFuzzer makes (-max_len) */

static bc_sample samples[MAX_SAMPLES];

static void check_sample(const bc_sample *s, const bc_sample *prev)
{
	const float v[] = { s->accel_g.x,  s->accel_g.y, s->accel_g.z, s->gyro_dps.x, s->gyro_dps.y,
			    s->gyro_dps.z, s->mag_ut.x,	 s->mag_ut.y,  s->mag_ut.z };
	for (size_t i = 0; i < (s->has_mag ? 9u : 6u); i++)
		if (!isfinite(v[i]))
			abort(); /* contract §1: a non-finite number is an error */
	if (!isfinite(s->t_s) || (prev && !(s->t_s > prev->t_s)))
		abort();
}

/* Reads every sample of path; the count, or -1 after an error (which must name a line). */
static long read_all(const char *path, bc_trace_reader **keep)
{
	bc_trace_error err = { { 0 } };
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	if (!r) {
		if (!err.message[0])
			abort();
		return -1;
	}
	long n = 0;
	int rc;
	bc_sample s;
	while ((rc = bc_trace_reader_next(r, &s, &err)) == 1) {
		check_sample(&s, n > 0 ? &samples[(n - 1) % MAX_SAMPLES] : NULL);
		samples[n % MAX_SAMPLES] = s;
		n++;
	}
	if (rc < 0 && (!err.message[0] || !strstr(err.message, path)))
		abort(); /* an error says where */
	if (rc < 0 || !keep) {
		bc_trace_reader_free(r);
		return rc < 0 ? -1 : n;
	}
	*keep = r;
	return n;
}

static bool close_enough(double a, double b, double abs_tol)
{
	return fabs(a - b) <= abs_tol + 1e-6 * fabs(a);
}

/* Writer round trip: what was read, written and read again, is the same. */
static void round_trip(bc_trace_reader *r, long n)
{
	if (n > MAX_SAMPLES)
		return;
	bc_trace_meta meta[64];
	size_t n_meta = bc_trace_reader_meta_count(r);
	if (n_meta > 64)
		return;
	for (size_t i = 0; i < n_meta; i++)
		meta[i] = (bc_trace_meta){ bc_trace_reader_meta_key(r, i),
					   bc_trace_reader_meta_value(r, i) };
	bc_memfile out = bc_memfile_new(NULL, 0);
	bc_trace_error err;
	bc_trace_writer *w = bc_trace_writer_open(out.path, meta, n_meta,
						  bc_trace_reader_has_mag(r), &err);
	bool written = w != NULL;
	for (long i = 0; i < n && written; i++)
		written = bc_trace_writer_write(w, &samples[i], &err) == 0;
	if (bc_trace_writer_close(w, &err) != 0)
		written = false;
	static bc_sample again[MAX_SAMPLES];
	memcpy(again, samples, (size_t)n * sizeof(again[0]));
	/* the writer may refuse (t within 1 us, a value too long): never write junk */
	if (written) {
		if (read_all(out.path, NULL) != n)
			abort();
		for (long i = 0; i < n; i++) {
			const bc_sample *a = &again[i], *b = &samples[i];
			if (!close_enough(a->t_s, b->t_s, 1e-6) ||
			    !close_enough(a->accel_g.x, b->accel_g.x, 1e-6) ||
			    !close_enough(a->accel_g.z, b->accel_g.z, 1e-6) ||
			    !close_enough(a->gyro_dps.y, b->gyro_dps.y, 1e-5))
				abort();
		}
	}
	bc_memfile_free(&out);
}

static void one_file(const uint8_t *data, size_t size)
{
	bc_memfile f = bc_memfile_new(data, size);
	if (f.fd < 0)
		return;
	bc_trace_reader *r = NULL;
	long n = read_all(f.path, &r);
	if (n >= 0) {
		round_trip(r, n);
		bc_trace_reader_free(r);
	}
	bc_memfile_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one_file(data, size);
	/* The same bytes gzip-compressed: the reader's other path. */
	uLongf zsize = compressBound(size) + 32;
	uint8_t *z = malloc(zsize);
	z_stream zs = { 0 };
	if (z && deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
		zs.next_in = (Bytef *)data;
		zs.avail_in = (uInt)size;
		zs.next_out = z;
		zs.avail_out = (uInt)zsize;
		if (deflate(&zs, Z_FINISH) == Z_STREAM_END)
			one_file(z, zs.total_out);
		deflateEnd(&zs);
	}
	free(z);
	return 0;
}
