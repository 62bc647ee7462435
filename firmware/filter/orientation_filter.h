/* SPDX-License-Identifier: MIT */
/*
 * Orientation filter: gyroscope + accelerometer (magnetometer optional) to
 * the sensor's orientation, q_earth_from_sensor (earth z up; heading
 * arbitrary, or x east / y north with use_mag, contract §2b).
 *
 * Lifecycle (caller owns the struct, no heap): init -> update per sample ->
 * getters. The step is taken from sample timestamps (any rate 25..1000 Hz,
 * jittered); a gap over settings.dropout_s re-initialises the orientation
 * from the accelerometer (the gyro bias is kept). Saturated or non-finite
 * samples are rejected and counted.
 *
 * How it works (after VQF, Laidig & Seel 2023, our own implementation):
 * - the gyroscope is integrated (strapdown) into q6;
 * - the accelerometer is rotated into the earth frame of q6 and low-passed
 *   there (second-order, tau_acc_s): as the sensor moves, accelerations
 *   average out while gravity stays put, so motion does not blur the result
 *   and the accelerometer is trusted less while the body accelerates (VQF
 *   does this in the integrated "gyro frame"; ours is the same filter kept
 *   in the corrected frame, see accel_step);
 * - each step q6 is turned so that the low-passed gravity points up;
 * - the gyro bias is learned by a small Kalman filter (gyro_bias.h): quickly
 *   at rest (rest_detector.h), slowly in motion from the inclination
 *   correction;
 * - with use_mag, a heading offset about earth z (mag_heading.h).
 */
#ifndef BC_ORIENTATION_FILTER_H
#define BC_ORIENTATION_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/math3d.h"
#include "core/sample.h"
#include "filter/gyro_bias.h"
#include "filter/lowpass.h"
#include "filter/mag_heading.h"
#include "filter/rest_detector.h"

/*
 * Settings. A field left 0 (e.g. by a designated initialiser that predates
 * it) takes its value from bc_filter_settings_default; the defaults are the
 * ones measured on BROAD (docs/performance.md).
 */
typedef struct {
	float dropout_s;       /* a step longer than this restarts, seconds (contract: 0.5) */
	float accel_limit_g;   /* |a| component at/over this is saturated, g */
	float gyro_limit_dps;  /* |w| component at/over this is saturated, deg/s */
	float tau_acc_s;       /* accelerometer low-pass time constant (gyro frame), seconds */
	float bias_tau_rest_s; /* gyro-bias learning time constant at rest (steady state), seconds */
	float bias_tau_motion_s; /* gyro-bias learning time constant in motion (steady state), seconds */
	bool use_mag;		 /* fuse the magnetometer for heading */

	/* Gyro bias (gyro_bias.h). */
	float bias_sigma_init_dps;  /* bias uncertainty at start (1 sigma), deg/s */
	float bias_forget_s;	    /* a known bias becomes 0.1 deg/s uncertain in this time, s */
	float bias_max_dps;	    /* the estimate is clipped at +-this, deg/s */
	float bias_motion_max_dps;  /* one motion disagreement counts at most this much, deg/s */
	float bias_update_period_s; /* the bias estimator runs this often, s */
	/* bias_tau_motion_s with use_mag, seconds: slower (see bc_filter_init) */
	float bias_tau_motion_mag_s;

	/* Rest detection (rest_detector.h). */
	float rest_tau_s;   /* low-pass time constant of the rest detector, s */
	float rest_gyro_k;  /* still: gyro RMS deviation from its low-pass under this many
			       times the measured gyro noise */
	float rest_accel_k; /* still: the same for the accelerometer */
	float rest_min_s;   /* still this long is at rest, s */

	/* Magnetometer heading (mag_heading.h), used with use_mag. */
	float tau_mag_s;       /* heading correction time constant, s */
	float mag_norm_tol;    /* relative field-strength change that is a disturbance */
	float mag_dip_tol_deg; /* dip-angle change that is a disturbance, deg */
	float mag_new_field_s; /* a disturbance this long becomes the new reference, s */
} bc_filter_settings;

extern const bc_filter_settings bc_filter_settings_default;

typedef enum {
	BC_FILTER_OK = 0,
	BC_FILTER_STARTED,   /* first sample or restart after a dropout */
	BC_FILTER_REJECTED,  /* sample not fused (saturated / non-finite / time not increasing) */
	BC_FILTER_GYRO_ONLY, /* accelerometer unusable (saturated / non-finite / zero): gyro only */
} bc_filter_status;

/*
 * Low-pass banks, all at tau_acc_s: the accelerometer in the earth frame
 * (every accelerometer step), and what the bias estimator compares the
 * correction with (rotation rows, R * bias: smooth signals, stepped only when
 * the estimator reads them, every bias_update_period_s). Banks are padded to
 * whole SIMD vectors.
 */
enum {
	BC_FILTER_ACC_N = 4,  /* accelerometer in the gyro frame, g (3 used, 1 padding) */
	BC_FILTER_ROT_R = 0,  /* rows x, y of the sensor-to-earth rotation (6) */
	BC_FILTER_ROT_RB = 6, /* R * bias, earth x and y, deg/s (2) */
	BC_FILTER_ROT_N = 8,
};

/*
 * The accelerometer step (low-pass, inclination correction, bias) runs at
 * most this often, on the mean of the samples since the last one: every
 * sample up to 100 Hz, every 10th at 1 kHz.
 */
#define BC_FILTER_ACC_PERIOD_S 0.0095f

typedef struct {
	bc_filter_settings settings;
	bool initialised;
	double last_t_s;
	bc_quat q;  /* output: q_earth_from_sensor */
	bc_quat q6; /* the 6-axis estimate q_earth_from_sensor (before heading) */
	float acc_lp[BC_FILTER_ACC_N];	    /* accelerometer low-passed in the earth frame, g */
	float acc_lp_rate[BC_FILTER_ACC_N]; /* its rate of change, g/s */
	float rot_lp
		[BC_FILTER_ROT_N]; /* low-passed rotation rows and R * bias, see BC_FILTER_ROT_* */
	float rot_lp_rate[BC_FILTER_ROT_N]; /* their rates of change, per second */
	float rot_elapsed_s;		    /* time since the rotation bank's last step, s */
	/*
	 * Sums over the accelerometer samples since the last accelerometer step
	 * (none kept when a step has one sample: see take_accel_sample).
	 */
	bc_vec3 acc_sum_g;	    /* accelerometer in q6's earth frame, g */
	bc_vec3 gyro_sum_dps;	    /* raw gyroscope, deg/s */
	bc_vec3 accel_sum_g;	    /* raw accelerometer, g */
	float acc_sum_n;	    /* samples in the sums */
	float acc_elapsed_s;	    /* time since the last accelerometer step, s */
	bc_lowpass2_coefs lp_coefs; /* the low-pass banks' coefficients (tau_acc_s) */
	float start_s;	    /* time since (re)start while the banks are still running means, s */
	float start_count;  /* samples in the accelerometer's running mean */
	float rot_count;    /* steps in the rotation bank's running mean */
	bool starting;	    /* the banks are still running means (first tau_acc_s) */
	uint8_t gyro_steps; /* gyro-only steps since q6 was last renormalised there */
	bc_rest_detector rest;
	bc_gyro_bias bias;
	bc_mag_heading mag;
	uint32_t rejected;	 /* samples rejected so far */
	uint32_t accel_rejected; /* samples fused without their accelerometer so far */
	uint32_t restarts;	 /* re-initialisations after dropouts */
} bc_filter;

/* settings NULL: bc_filter_settings_default. */
void bc_filter_init(bc_filter *f, const bc_filter_settings *settings);

/* Fuses one sample. */
bc_filter_status bc_filter_update(bc_filter *f, const bc_sample *s);

static inline bc_quat bc_filter_quat(const bc_filter *f)
{
	return f->q;
}
static inline bc_vec3 bc_filter_gyro_bias_dps(const bc_filter *f)
{
	return f->bias.bias_dps;
}
/*
 * Still enough that the gyro bias is being learned from the gyroscope: at
 * rest (lying still, within the sensor's noise) or steady (a person standing
 * or sitting still, sway and breathing at most); see rest_detector.h.
 */
static inline bool bc_filter_at_rest(const bc_filter *f)
{
	return f->rest.at_rest || f->rest.steady;
}

/* At rest in the strict sense: lying still, within the sensor's measured noise. */
static inline bool bc_filter_lying_still(const bc_filter *f)
{
	return f->rest.at_rest;
}

/* Bias uncertainty, deg/s (1 sigma, largest axis variance). */
static inline float bc_filter_gyro_bias_sigma_dps(const bc_filter *f)
{
	const float *p = f->bias.p;
	float m = p[0] > p[4] ? p[0] : p[4];
	return sqrtf(m > p[8] ? m : p[8]);
}

#endif /* BC_ORIENTATION_FILTER_H */
