/* SPDX-License-Identifier: MIT */
/* Crash-safe trace recording and .part recovery: see record_session.h. */
#include "record_session.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "trace/trace_reader.h"

/* A step longer than this is a dropout, not a sample step (contract §1). */
#define GAP_S 0.5

const bc_record_options bc_record_options_default = {
	.sync_interval_s = 1.0,
	.read_timeout_ms = 200,
};

static double wall_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void fail(bc_trace_error *err, const char *path, const char *what)
{
	snprintf(err->message, sizeof(err->message), "%s: %s: %s", path, what, strerror(errno));
}

int bc_record_sync_dir(const char *path)
{
	char copy[4096];
	snprintf(copy, sizeof(copy), "%s", path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Functions: recording */

int bc_record_session(bc_sample_source *src, const bc_record_options *opt,
		      bc_record_result *result, bc_trace_error *err)
{
	char part[4096];
	bc_sample s;
	double t0 = 0, t_prev = 0, last_sync_t = 0, last_sync_wall = wall_s();
	bool first = true;
	bc_source_status status = src->status;
	int rc = -1;

	memset(result, 0, sizeof(*result));
	snprintf(part, sizeof(part), "%s.part", opt->out_path);
	bc_trace_writer *w = bc_trace_writer_open(part, opt->meta, opt->n_meta, false, err);
	if (!w)
		return -1;

	while (!(opt->stop && *opt->stop)) {
		int got = bc_source_read(src, &s, opt->read_timeout_ms);
		if (src->status != status) {
			status = src->status;
			if (opt->on_status)
				opt->on_status(opt->ctx, src);
		}
		if (got < 0)
			break; /* source ended */
		if (got == 1) {
			if (first) {
				t0 = s.t_s;
				last_sync_t = 0;
				first = false;
			} else if (s.t_s - t_prev > GAP_S) {
				result->gaps++;
			}
			t_prev = s.t_s;
			s.t_s -= t0;
			if (bc_trace_writer_write(w, &s, err))
				goto out;
			result->samples++;
			result->recorded_s = s.t_s;
		}
		/* Sync by recorded time and by wall time: whichever says a second passed. */
		double now = wall_s();
		if ((!first && result->recorded_s - last_sync_t >= opt->sync_interval_s) ||
		    now - last_sync_wall >= opt->sync_interval_s) {
			if (bc_trace_writer_sync(w, err))
				goto out;
			result->syncs++;
			last_sync_t = result->recorded_s;
			last_sync_wall = now;
		}
		if (opt->duration_s > 0 && !first && result->recorded_s >= opt->duration_s)
			break;
	}
	if (bc_trace_writer_sync(w, err))
		goto out;
	result->syncs++;
	rc = 0;
out:
	if (bc_trace_writer_close(w, rc ? NULL : err) && rc == 0)
		return -1;
	if (rc)
		return -1;
	if (rename(part, opt->out_path) != 0) {
		fail(err, opt->out_path, "cannot rename the finished recording");
		return -1;
	}
	bc_record_sync_dir(opt->out_path);
	return 0;
}

/* Functions: recovery */

/* Byte offset just after the n-th '\n' (1-based), or -1 if there are fewer. */
static long offset_after_newline(FILE *fp, long n)
{
	char buf[65536];
	long seen = 0, off = 0;
	size_t got;
	if (n <= 0)
		return 0;
	rewind(fp);
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0) {
		for (size_t i = 0; i < got; i++)
			if (buf[i] == '\n' && ++seen == n)
				return off + (long)i + 1;
		off += (long)got;
	}
	return -1;
}

/* "dir/x.csv.part" → "dir/x.csv", or "dir/x-recovered-N.csv" when taken. */
static void final_name(const char *part_path, char *out, size_t size)
{
	size_t len = strlen(part_path) - strlen(".part");
	snprintf(out, size, "%.*s", (int)len, part_path);
	struct stat st;
	if (stat(out, &st) != 0)
		return;
	const char *dot = strrchr(out, '.');
	const char *slash = strrchr(out, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - out) : strlen(out);
	char base[4096];
	snprintf(base, sizeof(base), "%s", out);
	for (int i = 1; i < 1000; i++) {
		snprintf(out, size, "%.*s-recovered-%d%s", (int)stem, base, i, base + stem);
		if (stat(out, &st) != 0)
			return;
	}
}

int bc_record_recover_part(const char *part_path, char *final_path, size_t final_size,
			   unsigned long *rows, bc_trace_error *err)
{
	bc_trace_error rerr;
	long last_good_line = 0;
	unsigned long n = 0;
	bc_sample s;

	*rows = 0;
	bc_trace_reader *r = bc_trace_reader_open(part_path, &rerr);
	if (r) {
		while (bc_trace_reader_next(r, &s, &rerr) == 1) {
			last_good_line = bc_trace_reader_line(r);
			n++;
		}
		bc_trace_reader_free(r);
	}
	FILE *fp = fopen(part_path, "r+");
	if (!fp) {
		fail(err, part_path, "cannot open");
		return -1;
	}
	/* A last row without its '\n' may be cut mid-number: it goes too. */
	long keep = n ? offset_after_newline(fp, last_good_line) : -1;
	if (n && keep < 0) {
		keep = offset_after_newline(fp, last_good_line - 1);
		n--;
	}
	if (n == 0) {
		fclose(fp);
		if (unlink(part_path) != 0) {
			fail(err, part_path, "cannot remove");
			return -1;
		}
		return 0; /* not one whole row: the header alone is not a recording */
	}
	if (ftruncate(fileno(fp), keep) != 0 || fdatasync(fileno(fp)) != 0) {
		fail(err, part_path, "cannot cut back to the last whole row");
		fclose(fp);
		return -1;
	}
	fclose(fp);
	final_name(part_path, final_path, final_size);
	if (rename(part_path, final_path) != 0) {
		fail(err, final_path, "cannot rename the recovered recording");
		return -1;
	}
	bc_record_sync_dir(final_path);
	*rows = n;
	return 1;
}
