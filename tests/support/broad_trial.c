/* SPDX-License-Identifier: MIT */
/* BROAD trials in memory; see broad_trial.h. */
#include "support/broad_trial.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { COL_T, COL_AX, COL_AY, COL_AZ, COL_GX, COL_GY, COL_GZ, COL_MX, COL_MY, COL_MZ,
       COL_QW, COL_QX, COL_QY, COL_QZ, COL_MOVING, COL_N };

static const char *const col_names[COL_N] = { "t",  "ax", "ay", "az", "gx", "gy", "gz", "mx",
					      "my", "mz", "qw", "qx", "qy", "qz", "moving" };

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

/* Maps the header line's names to column indexes; -1 if a needed one is missing. */
static int parse_header(char *line, int idx[COL_N])
{
	for (int k = 0; k < COL_N; k++)
		idx[k] = -1;
	int col = 0;
	for (char *save = NULL, *tok = strtok_r(line, ",\r\n", &save); tok;
	     tok = strtok_r(NULL, ",\r\n", &save), col++)
		for (int k = 0; k < COL_N; k++)
			if (strcmp(tok, col_names[k]) == 0)
				idx[k] = col;
	for (int k = 0; k < COL_N; k++)
		if (idx[k] < 0)
			return -1;
	return col;
}

int bc_broad_load(const char *path, bc_broad_trial *t, char *err, size_t err_size)
{
	memset(t, 0, sizeof(*t));
	const char *base = strrchr(path, '/');
	snprintf(t->name, sizeof(t->name), "%s", base ? base + 1 : path);
	char *dot = strstr(t->name, ".csv");
	if (dot)
		*dot = '\0';

	gzFile z = gzopen(path, "rb");
	if (!z) {
		snprintf(err, err_size, "%s: cannot open", path);
		return -1;
	}
	char line[1024];
	int idx[COL_N], ncols = -1;
	long lineno = 0;
	size_t cap = 0;
	while (gzgets(z, line, sizeof(line))) {
		lineno++;
		if (line[0] == '#')
			continue;
		if (ncols < 0) {
			ncols = parse_header(line, idx);
			if (ncols < 0) {
				snprintf(err, err_size, "%s:%ld: missing BROAD columns", path, lineno);
				goto fail;
			}
			continue;
		}
		double v[32];
		char *p = line, *end;
		int col = 0;
		for (; col < ncols && col < 32; col++) {
			v[col] = strtod(p, &end);
			if (end == p) {
				snprintf(err, err_size, "%s:%ld: bad number", path, lineno);
				goto fail;
			}
			p = end + (*end == ',');
		}
		if (t->n == cap) {
			cap = cap ? 2 * cap : 65536;
			bc_sample *s = realloc(t->samples, cap * sizeof(*s));
			bc_quat *q = realloc(t->ref, cap * sizeof(*q));
			bool *m = realloc(t->moving, cap * sizeof(*m));
			if (s)
				t->samples = s;
			if (q)
				t->ref = q;
			if (m)
				t->moving = m;
			if (!s || !q || !m) {
				snprintf(err, err_size, "%s: out of memory", path);
				goto fail;
			}
		}
		bc_sample *s = &t->samples[t->n];
		s->t_s = v[idx[COL_T]];
		s->accel_g = bc_vec3_make((float)v[idx[COL_AX]], (float)v[idx[COL_AY]], (float)v[idx[COL_AZ]]);
		s->gyro_dps = bc_vec3_make((float)v[idx[COL_GX]], (float)v[idx[COL_GY]], (float)v[idx[COL_GZ]]);
		s->mag_ut = bc_vec3_make((float)v[idx[COL_MX]], (float)v[idx[COL_MY]], (float)v[idx[COL_MZ]]);
		s->has_mag = true;
		t->ref[t->n] = bc_quat_make((float)v[idx[COL_QW]], (float)v[idx[COL_QX]],
					    (float)v[idx[COL_QY]], (float)v[idx[COL_QZ]]);
		t->moving[t->n] = v[idx[COL_MOVING]] != 0.0;
		t->n++;
	}
	gzclose(z);
	if (t->n == 0) {
		snprintf(err, err_size, "%s: no samples", path);
		bc_broad_free(t);
		return -1;
	}
	return 0;
fail:
	gzclose(z);
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
