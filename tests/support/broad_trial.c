/* SPDX-License-Identifier: MIT */
/* BROAD trials in memory; see broad_trial.h. */
#include "support/broad_trial.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/trace_reader.h"

/* Extra BROAD columns: reference quaternion and movement mask. */
enum { COL_QW, COL_QX, COL_QY, COL_QZ, COL_MOVING, COL_N };

static const char *const col_names[COL_N] = { "qw", "qx", "qy", "qz", "moving" };

static int cmp_paths(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

size_t bc_broad_list(const char *shared_data, char paths[][512], size_t max)
{
	char dir_path[256];
	snprintf(dir_path, sizeof(dir_path), "%s/broad", shared_data);
	DIR *dir = opendir(dir_path);
	if (!dir)
		return 0;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dir)) && n < max) {
		size_t len = strlen(de->d_name);
		if (len <= 7 || strcmp(de->d_name + len - 7, ".csv.gz") != 0)
			continue;
		int w = snprintf(paths[n], 512, "%.250s/%.250s", dir_path, de->d_name);
		if (w > 0 && w < 512)
			n++;
	}
	closedir(dir);
	qsort(paths, n, 512, cmp_paths);
	return n;
}

int bc_broad_load(const char *path, bc_broad_trial *t, char *err, size_t err_size)
{
	memset(t, 0, sizeof(*t));
	const char *base = strrchr(path, '/');
	snprintf(t->name, sizeof(t->name), "%s", base ? base + 1 : path);
	char *dot = strstr(t->name, ".csv");
	if (dot)
		*dot = '\0';

	bc_trace_error terr = { "" };
	bc_trace_reader *r = bc_trace_reader_open(path, &terr);
	if (!r) {
		snprintf(err, err_size, "%s", terr.message);
		return -1;
	}
	int idx[COL_N];
	for (int k = 0; k < COL_N; k++) {
		idx[k] = bc_trace_reader_column(r, col_names[k]);
		if (idx[k] < 0) {
			snprintf(err, err_size, "%s: no column %s (not a BROAD trial)", path,
				 col_names[k]);
			goto fail;
		}
	}
	size_t cap = 0;
	bc_sample s;
	int got;
	while ((got = bc_trace_reader_next(r, &s, &terr)) == 1) {
		if (t->n == cap) {
			cap = cap ? 2 * cap : 65536;
			bc_sample *ns = realloc(t->samples, cap * sizeof(*ns));
			bc_quat *nq = realloc(t->ref, cap * sizeof(*nq));
			bool *nm = realloc(t->moving, cap * sizeof(*nm));
			if (ns)
				t->samples = ns;
			if (nq)
				t->ref = nq;
			if (nm)
				t->moving = nm;
			if (!ns || !nq || !nm) {
				snprintf(err, err_size, "%s: out of memory", path);
				goto fail;
			}
		}
		t->samples[t->n] = s;
		t->ref[t->n] = bc_quat_make((float)bc_trace_reader_value(r, idx[COL_QW]),
					    (float)bc_trace_reader_value(r, idx[COL_QX]),
					    (float)bc_trace_reader_value(r, idx[COL_QY]),
					    (float)bc_trace_reader_value(r, idx[COL_QZ]));
		t->moving[t->n] = bc_trace_reader_value(r, idx[COL_MOVING]) == 1.0;
		t->n++;
	}
	if (got < 0) {
		snprintf(err, err_size, "%s", terr.message);
		goto fail;
	}
	bc_trace_reader_free(r);
	if (t->n == 0) {
		snprintf(err, err_size, "%s: no samples", path);
		bc_broad_free(t);
		return -1;
	}
	return 0;
fail:
	bc_trace_reader_free(r);
	bc_broad_free(t);
	return -1;
}

void bc_broad_free(bc_broad_trial *t)
{
	free(t->samples);
	free(t->ref);
	free(t->moving);
	t->samples = NULL;
	t->ref = NULL;
	t->moving = NULL;
	t->n = 0;
}

double bc_broad_inclination_err_deg(bc_quat est, bc_quat ref)
{
	/* In double: the products of float quaternions near identity lose 0.01 deg. */
	double a[4] = { est.w, est.x, est.y, est.z }, b[4] = { ref.w, -ref.x, -ref.y, -ref.z };
	double na = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2] + a[3] * a[3]);
	double nb = sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2] + b[3] * b[3]);
	double ew = (a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]) / (na * nb);
	double ez = (a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]) / (na * nb);
	double c = sqrt(ew * ew + ez * ez);
	return 2.0 * acos(c < 1.0 ? c : 1.0) * 180.0 / M_PI;
}

double bc_broad_heading_err_deg(bc_quat est, bc_quat ref)
{
	double a[4] = { est.w, est.x, est.y, est.z }, b[4] = { ref.w, -ref.x, -ref.y, -ref.z };
	double ew = a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];
	double ez = a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0];
	return 2.0 * atan(fabs(ez / ew)) * 180.0 / M_PI;
}
