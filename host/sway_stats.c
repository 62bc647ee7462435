/* SPDX-License-Identifier: MIT */
#include "sway_stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Definitions */

const double bc_sway_band_hz[BC_SWAY_BANDS + 1] = { 0.0, 0.5, 2.0, 6.0, 20.0 };

#define DEG_PER_RAD (180.0 / M_PI)

/* Functions */

static size_t fft_len(size_t n)
{
	size_t m = 1;
	while (m < n)
		m *= 2;
	return m;
}

size_t bc_sway_scratch_len(size_t n)
{
	/* FFT re + im, sorted magnitudes, block directions (x, y, z) */
	return 2 * fft_len(n) + 4 * n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Percentile p (0..1) of sorted v[0..n), interpolated between ranks as
 * numpy's default does, so figures match a quick look in python. */
static double percentile(const double *v, size_t n, double p)
{
	double pos = p * (double)(n - 1);
	size_t i = (size_t)pos;
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (pos - (double)i) * (v[i + 1] - v[i]);
}

/* The angle between two vectors, degrees; atan2 keeps small angles exact. */
static double angle_deg(const double a[3], const double b[3])
{
	double c[3] = { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
			a[0] * b[1] - a[1] * b[0] };
	double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	return atan2(sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]), dot) * DEG_PER_RAD;
}

static int normalize(double v[3])
{
	double len = sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
	if (!(len > 0.0))
		return -1;
	for (int k = 0; k < 3; k++)
		v[k] /= len;
	return 0;
}

/* In-place iterative radix-2 FFT of length m (a power of two). */
static void fft(double *re, double *im, size_t m)
{
	for (size_t i = 1, j = 0; i < m; i++) {
		size_t bit = m >> 1;
		for (; j & bit; bit >>= 1)
			j ^= bit;
		j ^= bit;
		if (i < j) {
			double t = re[i];
			re[i] = re[j];
			re[j] = t;
			t = im[i];
			im[i] = im[j];
			im[j] = t;
		}
	}
	for (size_t len = 2; len <= m; len *= 2) {
		double a = -2.0 * M_PI / (double)len;
		for (size_t i = 0; i < m; i += len) {
			for (size_t k = 0; k < len / 2; k++) {
				double wr = cos(a * (double)k), wi = sin(a * (double)k);
				size_t p = i + k, q = i + k + len / 2;
				double xr = re[q] * wr - im[q] * wi, xi = re[q] * wi + im[q] * wr;
				re[q] = re[p] - xr;
				im[q] = im[p] - xi;
				re[p] += xr;
				im[p] += xi;
			}
		}
	}
}

/*
 * Adds the power (mean square) of x[0..n) in each band to power[]. The mean
 * is removed and a Hann window tames leakage from the slow drift into the
 * upper bands; dividing by the window's mean square keeps the total right.
 * x is in re[0..n) on entry; re and im (fft_len(n) each) are overwritten.
 */
static void add_band_power(double *re, double *im, size_t n, double rate_hz,
			   double power[BC_SWAY_BANDS])
{
	size_t m = fft_len(n);
	double mean = 0.0, w2 = 0.0;
	for (size_t i = 0; i < n; i++)
		mean += re[i];
	mean /= (double)n;
	for (size_t i = 0; i < n; i++) {
		double w = n > 1 ? 0.5 - 0.5 * cos(2.0 * M_PI * (double)i / (double)(n - 1)) : 1.0;
		re[i] = (re[i] - mean) * w;
		w2 += w * w;
	}
	memset(re + n, 0, (m - n) * sizeof(*re));
	memset(im, 0, m * sizeof(*im));
	fft(re, im, m);
	/* Parseval: sum |X|^2 = m * sum (x w)^2, and sum (x w)^2 ~ w2 * mean square */
	double scale = 1.0 / ((double)m * w2);
	for (size_t k = 0; k < m; k++) {
		double f = (double)(k <= m / 2 ? k : m - k) * rate_hz / (double)m;
		for (int b = 0; b < BC_SWAY_BANDS; b++)
			if (f >= bc_sway_band_hz[b] && f < bc_sway_band_hz[b + 1])
				power[b] += (re[k] * re[k] + im[k] * im[k]) * scale;
	}
}

static void gyro_figures(const bc_sample *s, size_t n, double *buf, double *re, double *im,
			 bc_sway_stats *out)
{
	double median[3], power[BC_SWAY_BANDS] = { 0 };
	for (int k = 0; k < 3; k++) {
		for (size_t i = 0; i < n; i++)
			buf[i] = (&s[i].gyro_dps.x)[k];
		qsort(buf, n, sizeof(*buf), cmp_double);
		median[k] = percentile(buf, n, 0.5);
		for (size_t i = 0; i < n; i++)
			re[i] = (&s[i].gyro_dps.x)[k];
		add_band_power(re, im, n, out->rate_hz, power);
	}
	for (size_t i = 0; i < n; i++) {
		double d[3];
		for (int k = 0; k < 3; k++)
			d[k] = (&s[i].gyro_dps.x)[k] - median[k];
		buf[i] = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
	}
	qsort(buf, n, sizeof(*buf), cmp_double);
	out->gyro_p50_dps = percentile(buf, n, 0.5);
	out->gyro_p95_dps = percentile(buf, n, 0.95);
	for (int b = 0; b < BC_SWAY_BANDS; b++)
		out->gyro_band_rms_dps[b] = sqrt(power[b]);
}

/* The per-sample accelerometer direction as two angles about mean (a unit
 * vector), degrees, in bands. */
static void tilt_bands(const bc_sample *s, size_t n, const double mean[3], double *re, double *im,
		       bc_sway_stats *out)
{
	/* e1, e2: any two unit vectors square to the mean and each other */
	double e1[3] = { 1, 0, 0 }, e2[3];
	if (fabs(mean[0]) > 0.9)
		e1[0] = 0, e1[1] = 1;
	double d = e1[0] * mean[0] + e1[1] * mean[1] + e1[2] * mean[2];
	for (int k = 0; k < 3; k++)
		e1[k] -= d * mean[k];
	normalize(e1);
	e2[0] = mean[1] * e1[2] - mean[2] * e1[1];
	e2[1] = mean[2] * e1[0] - mean[0] * e1[2];
	e2[2] = mean[0] * e1[1] - mean[1] * e1[0];
	double power[BC_SWAY_BANDS] = { 0 };
	for (int axis = 0; axis < 2; axis++) {
		const double *e = axis ? e2 : e1;
		for (size_t i = 0; i < n; i++) {
			double a[3] = { s[i].accel_g.x, s[i].accel_g.y, s[i].accel_g.z };
			double along = a[0] * mean[0] + a[1] * mean[1] + a[2] * mean[2];
			double across = a[0] * e[0] + a[1] * e[1] + a[2] * e[2];
			re[i] = atan2(across, along) * DEG_PER_RAD;
		}
		add_band_power(re, im, n, out->rate_hz, power);
	}
	for (int b = 0; b < BC_SWAY_BANDS; b++)
		out->tilt_band_rms_deg[b] = sqrt(power[b]);
}

/* Largest angle of dirs[from..to) from their own mean direction, degrees. */
static double max_dev_deg(const double *dirs, size_t from, size_t to, double *rms_deg)
{
	double mean[3] = { 0, 0, 0 }, max = 0.0, sq = 0.0;
	for (size_t i = from; i < to; i++)
		for (int k = 0; k < 3; k++)
			mean[k] += dirs[3 * i + k];
	normalize(mean);
	for (size_t i = from; i < to; i++) {
		double a = angle_deg(&dirs[3 * i], mean);
		max = fmax(max, a);
		sq += a * a;
	}
	if (rms_deg)
		*rms_deg = sqrt(sq / (double)(to - from));
	return max;
}

int bc_sway_measure(const bc_sample *s, size_t n, double *scratch, bc_sway_stats *out)
{
	memset(out, 0, sizeof(*out));
	if (n < 2)
		return -1;
	size_t m = fft_len(n);
	double *re = scratch, *im = scratch + m, *buf = scratch + 2 * m, *dirs = buf + n;
	out->n_samples = n;
	out->rate_hz = (double)(n - 1) / (s[n - 1].t_s - s[0].t_s);
	out->duration_s = (double)n / out->rate_hz;

	/* Tilt: whole 0.1 s blocks on a grid from the first sample; a block
	 * with no sample (a dropout) is left out, the grid goes on. */
	size_t n_grid = (size_t)floor(out->duration_s / BC_SWAY_BLOCK_S + 1e-6);
	size_t n_blocks = 0, i = 0,
	       steady_blocks = (size_t)llround(BC_SWAY_STEADY_S / BC_SWAY_BLOCK_S);
	size_t first_grid = 0;
	double *grid_of = buf; /* block -> grid index, reused below by the gyro */
	for (size_t g = 0; g < n_grid; g++) {
		double sum[3] = { 0, 0, 0 };
		int count = 0;
		for (; i < n && s[i].t_s - s[0].t_s < (double)(g + 1) * BC_SWAY_BLOCK_S - 1e-9;
		     i++) {
			sum[0] += s[i].accel_g.x;
			sum[1] += s[i].accel_g.y;
			sum[2] += s[i].accel_g.z;
			count++;
		}
		if (!count || normalize(sum))
			continue;
		memcpy(&dirs[3 * n_blocks], sum, sizeof(sum));
		grid_of[n_blocks++] = (double)g;
	}
	if (n_blocks < 2)
		return -1;
	out->tilt_max_dev_deg = max_dev_deg(dirs, 0, n_blocks, &out->tilt_rms_deg);
	out->steadiest_3s_dev_deg = NAN;
	for (size_t a = 0, b = 0; a < n_blocks; a++) {
		first_grid = (size_t)grid_of[a];
		if (first_grid + steady_blocks > n_grid)
			break;
		while (b < n_blocks && (size_t)grid_of[b] < first_grid + steady_blocks)
			b++;
		double dev = max_dev_deg(dirs, a, b, NULL);
		if (isnan(out->steadiest_3s_dev_deg) || dev < out->steadiest_3s_dev_deg)
			out->steadiest_3s_dev_deg = dev;
	}
	double mean[3] = { 0, 0, 0 };
	for (size_t k = 0; k < n_blocks; k++)
		for (int c = 0; c < 3; c++)
			mean[c] += dirs[3 * k + c];
	normalize(mean);
	tilt_bands(s, n, mean, re, im, out);
	gyro_figures(s, n, buf, re, im, out);
	return 0;
}
