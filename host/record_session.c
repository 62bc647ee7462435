/* SPDX-License-Identifier: MIT */
/* Crash-safe trace recording and .part recovery: see record_session.h. */
#include "record_session.h"

#include <ctype.h>
#include <dirent.h>
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
	snprintf(err->message, sizeof(err->message), "%.300s: %s: %s", path, what, strerror(errno));
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

/* Functions: names that are ours, and never replacing a file */

/* The signature line every trace starts with (contract §1). */
static const char trace_signature[] = "# backcoach-trace v1";

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/*
 * "dir/stem.ext" with n > 1 → "dir/stem-n.ext" (ext from the name's first
 * dot, so ".csv.gz" stays whole). -1 if it does not fit.
 */
static int numbered(const char *path, int n, char *out, size_t size)
{
	if (n <= 1)
		return snprintf(out, size, "%s", path) < (int)size ? 0 : -1;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strchr(base[0] == '.' ? base + 1 : base, '.');
	size_t stem = dot ? (size_t)(dot - path) : strlen(path);
	return snprintf(out, size, "%.*s-%d%s", (int)stem, path, n, path + stem) < (int)size ? 0
											     : -1;
}

int bc_record_reserve(const char *path, bool unique, char *out, size_t size)
{
	char part[4200];
	for (int n = 1; n < 1000; n++) {
		if (numbered(path, n, out, size) ||
		    snprintf(part, sizeof(part), "%s.part", out) >= (int)sizeof(part)) {
			errno = ENAMETOOLONG;
			return -1;
		}
		int fd = -1;
		if (exists(out))
			errno = EEXIST;
		else
			fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			close(fd);
			return 0;
		}
		if (errno != EEXIST || !unique)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

bool bc_record_part_is_ours(const char *name)
{
	static const char prefix[] = "backcoach-";
	static const char suffix[] = ".csv.part";
	size_t len = strlen(name), np = strlen(prefix), ns = strlen(suffix);
	if (len < np + 15 + ns || strncmp(name, prefix, np) != 0 ||
	    strcmp(name + len - ns, suffix) != 0 || strchr(name, '/'))
		return false;
	/* YYYYmmdd-HHMMSS: the stamp every recording's name starts with */
	const char *stamp = name + np;
	for (int i = 0; i < 15; i++)
		if (i == 8 ? stamp[i] != '-' : !isdigit((unsigned char)stamp[i]))
			return false;
	return true;
}

/*
 * Moves from to to, never replacing a file: renameat2 with RENAME_NOREPLACE,
 * or link + unlink on a filesystem without it. -1 with errno EEXIST if taken.
 */
static int move_no_replace(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	if (link(from, to) != 0)
		return -1;
	return unlink(from);
}

/* The finished recording under to, or to-2, to-3, ... if taken; the name used in out. */
static int publish(const char *from, const char *to, char *out, size_t size)
{
	for (int n = 1; n < 1000; n++) {
		if (numbered(to, n, out, size)) {
			errno = ENAMETOOLONG;
			return -1;
		}
		if (move_no_replace(from, out) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* Functions: recording */

/* Samples held meanwhile: 0.5 s at up to 2 kHz (allocated once, at the start). */
#define MAG_HELD_MAX 1024

/* The writer and the rows' bookkeeping, for one recording. */
typedef struct {
	const bc_record_options *opt;
	bc_record_result *result;
	bc_trace_writer *w; /* NULL until the columns are decided */
	char part[4096];
	double t0, t_prev;
	bool first;	     /* no row written yet */
	bc_vec3 last_mag_ut; /* the last valid field, for rows without one */
	bc_sample *held;     /* samples waiting for the first field */
	size_t n_held;
} recording;

static int open_writer(recording *rec, bool with_mag, bc_trace_error *err)
{
	rec->w = bc_trace_writer_open(rec->part, rec->opt->meta, rec->opt->n_meta, with_mag, err);
	if (!rec->w)
		return -1;
	rec->result->with_mag = with_mag;
	return 0;
}

static int write_row(recording *rec, bc_sample s, bc_trace_error *err)
{
	bc_record_result *result = rec->result;
	if (rec->first) {
		rec->t0 = s.t_s;
		rec->first = false;
	} else if (s.t_s - rec->t_prev > GAP_S) {
		result->gaps++;
	}
	rec->t_prev = s.t_s;
	s.t_s -= rec->t0;
	if (result->with_mag) {
		if (s.has_mag) {
			rec->last_mag_ut = s.mag_ut;
		} else {
			s.mag_ut = rec->last_mag_ut;
			s.has_mag = true;
			result->mag_repeated++;
		}
	}
	if (bc_trace_writer_write(rec->w, &s, err))
		return -1;
	result->samples++;
	result->recorded_s = s.t_s;
	return 0;
}

/* No field came: the held samples go out 6-axis, and so does the rest. */
static int give_up_mag(recording *rec, bc_trace_error *err)
{
	if (open_writer(rec, false, err))
		return -1;
	rec->result->mag_missing = rec->opt->mag && rec->n_held > 0;
	for (size_t i = 0; i < rec->n_held; i++)
		if (write_row(rec, rec->held[i], err))
			return -1;
	rec->n_held = 0;
	return 0;
}

/* A sample from the source: written, or held while the columns are undecided. */
static int take_sample(recording *rec, const bc_sample *s, bc_trace_error *err)
{
	if (rec->w)
		return write_row(rec, *s, err);
	if (s->has_mag) {
		rec->result->mag_skipped = rec->n_held;
		rec->n_held = 0;
		if (open_writer(rec, true, err))
			return -1;
		return write_row(rec, *s, err);
	}
	rec->held[rec->n_held++] = *s;
	if (rec->n_held == MAG_HELD_MAX || s->t_s - rec->held[0].t_s >= BC_RECORD_MAG_WAIT_S)
		return give_up_mag(rec, err);
	return 0;
}

int bc_record_session(bc_sample_source *src, const bc_record_options *opt, bc_record_result *result,
		      bc_trace_error *err)
{
	recording rec = { .opt = opt, .result = result, .first = true };
	bc_sample s;
	double last_sync_t = 0, last_sync_wall = wall_s();
	bc_source_status status = src->status;
	int rc = -1;

	memset(result, 0, sizeof(*result));
	snprintf(rec.part, sizeof(rec.part), "%s.part", opt->out_path);
	char reserved[4096];
	if (!opt->reserved && bc_record_reserve(opt->out_path, false, reserved, sizeof(reserved))) {
		fail(err, errno == EEXIST && exists(opt->out_path) ? opt->out_path : rec.part,
		     "not replaced; a recording needs a new name");
		return -1;
	}
	if (opt->mag) {
		rec.held = calloc(MAG_HELD_MAX, sizeof(*rec.held));
		if (!rec.held) {
			snprintf(err->message, sizeof(err->message), "out of memory");
			return -1;
		}
	} else if (open_writer(&rec, false, err)) {
		return -1;
	}

	while (!(opt->stop && *opt->stop)) {
		int got = bc_source_read(src, &s, opt->read_timeout_ms);
		if (src->status != status) {
			status = src->status;
			if (opt->on_status)
				opt->on_status(opt->ctx, src);
		}
		if (got < 0)
			break; /* source ended */
		if (got == 1 && take_sample(&rec, &s, err))
			goto out;
		/* Sync by recorded time and by wall time: whichever says a second passed. */
		double now = wall_s();
		if (rec.w &&
		    ((!rec.first && result->recorded_s - last_sync_t >= opt->sync_interval_s) ||
		     now - last_sync_wall >= opt->sync_interval_s)) {
			if (bc_trace_writer_sync(rec.w, err))
				goto out;
			result->syncs++;
			last_sync_t = result->recorded_s;
			last_sync_wall = now;
		}
		if (opt->duration_s > 0 && !rec.first && result->recorded_s >= opt->duration_s)
			break;
	}
	/* Ended while still waiting for a field: what was held is still a recording. */
	if (!rec.w && give_up_mag(&rec, err))
		goto out;
	if (bc_trace_writer_sync(rec.w, err))
		goto out;
	result->syncs++;
	rc = 0;
out:
	free(rec.held);
	if (rec.w && bc_trace_writer_close(rec.w, rc ? NULL : err) && rc == 0)
		return -1;
	if (rc)
		return -1;
	if (publish(rec.part, opt->out_path, result->path, sizeof(result->path)) != 0) {
		fail(err, opt->out_path, "cannot rename the finished recording");
		return -1;
	}
	bc_record_sync_dir(result->path);
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

/* Whether the file starts with the trace signature line: a recording, ours to mend. */
static bool starts_as_trace(const char *path)
{
	char line[64] = "";
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	bool ok = fgets(line, sizeof(line), fp) != NULL;
	fclose(fp);
	line[strcspn(line, "\r\n")] = '\0';
	return ok && strcmp(line, trace_signature) == 0;
}

/* "dir/x.csv.part" → "dir/x.csv" when free, else "dir/x-recovered-N.csv"; the name in out. */
static int publish_recovered(const char *part_path, char *out, size_t size)
{
	size_t len = strlen(part_path) - strlen(".part");
	if (snprintf(out, size, "%.*s", (int)len, part_path) >= (int)size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (move_no_replace(part_path, out) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	char plain[4096];
	snprintf(plain, sizeof(plain), "%s", out);
	const char *slash = strrchr(plain, '/');
	const char *dot = strrchr(plain, '.');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - plain) : strlen(plain);
	for (int i = 1; i < 1000; i++) {
		snprintf(out, size, "%.*s-recovered-%d%s", (int)stem, plain, i, plain + stem);
		if (move_no_replace(part_path, out) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int bc_record_recover_part(const char *part_path, char *final_path, size_t final_size,
			   unsigned long *rows, bc_trace_error *err)
{
	bc_trace_error rerr;
	long last_good_line = 0;
	unsigned long n = 0;
	bc_sample s;

	*rows = 0;
	if (!starts_as_trace(part_path))
		return BC_RECORD_RECOVER_NOT_OURS;
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
		return BC_RECORD_RECOVER_FAILED;
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
			return BC_RECORD_RECOVER_FAILED;
		}
		return BC_RECORD_RECOVER_EMPTY; /* the header alone is not a recording */
	}
	if (ftruncate(fileno(fp), keep) != 0 || fchmod(fileno(fp), 0600) != 0 ||
	    fdatasync(fileno(fp)) != 0) {
		fail(err, part_path, "cannot cut back to the last whole row");
		fclose(fp);
		return BC_RECORD_RECOVER_FAILED;
	}
	fclose(fp);
	if (publish_recovered(part_path, final_path, final_size) != 0) {
		fail(err, part_path, "cannot rename the recovered recording");
		return BC_RECORD_RECOVER_FAILED;
	}
	bc_record_sync_dir(final_path);
	*rows = n;
	return BC_RECORD_RECOVER_DONE;
}

/* One .part found: recovered, removed or left alone, and a line saying which. */
static int recover_one(const char *part, void (*report)(void *ctx, const char *msg), void *ctx)
{
	char final_path[4096], msg[8400];
	unsigned long rows;
	bc_trace_error err;
	int rc = bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err);
	switch (rc) {
	case BC_RECORD_RECOVER_DONE:
		snprintf(msg, sizeof(msg),
			 "recovered %lu samples of an interrupted recording into %s", rows,
			 final_path);
		break;
	case BC_RECORD_RECOVER_EMPTY:
		snprintf(msg, sizeof(msg), "removed %s (a recording without one whole sample)",
			 part);
		break;
	case BC_RECORD_RECOVER_NOT_OURS:
		snprintf(msg, sizeof(msg), "left %s alone: not a backcoach recording", part);
		break;
	default:
		snprintf(msg, sizeof(msg), "could not recover %s: %s", part, err.message);
		break;
	}
	if (report)
		report(ctx, msg);
	return rc == BC_RECORD_RECOVER_DONE;
}

int bc_record_recover_dir(const char *dir, const char *also_part,
			  void (*report)(void *ctx, const char *msg), void *ctx)
{
	int recovered = 0;
	char part[4200];
	if (also_part && exists(also_part))
		recovered += recover_one(also_part, report, ctx);
	DIR *d = opendir(dir);
	if (!d)
		return recovered;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!bc_record_part_is_ours(e->d_name) ||
		    snprintf(part, sizeof(part), "%s/%s", dir, e->d_name) >= (int)sizeof(part))
			continue;
		if (also_part && strcmp(part, also_part) == 0)
			continue;
		recovered += recover_one(part, report, ctx);
	}
	closedir(d);
	return recovered;
}

bool bc_record_chip_has_mag(const bc_imu *imu)
{
	return imu && imu->variant && imu->variant->mag;
}
