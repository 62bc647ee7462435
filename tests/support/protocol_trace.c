/* SPDX-License-Identifier: MIT */
/* Synthetic wearing-protocol traces for command-line tests. */
#include "support/protocol_trace.h"

#include <math.h>
#include <stdio.h>

#include "trace/trace_writer.h"

bc_test_trace_spec bc_test_trace_spec_default(void)
{
	return (bc_test_trace_spec){
		.rate_hz = 100,
		.exercise = "bridge",
		.mount_rotvec_deg = { 20, 30, 40 },
		.tilts = 2,
		.tilt_deg = 20,
		.tilt_hold_s = 3,
	};
}

/* Smooth 0..1 ramp (zero rate at both ends, as a body moves). */
static double ramp(double x)
{
	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	return 0.5 - 0.5 * cos(M_PI * x);
}

/*
 * Body orientation at t: upright 4 s, 2 s lying down onto the back (a turn of
 * -90 deg about body y puts the belly up), still 3 s, then the tilts (a
 * posterior tilt is a further negative turn about body y).
 */
static bc_quat earth_from_body(const bc_test_trace_spec *sp, double t, double *end_s)
{
	const double stand_s = 4, lie_s = 2, still_s = 3;
	const double up_s = 1, down_s = 1, rest_s = 2;
	double cycle_s = up_s + sp->tilt_hold_s + down_s + rest_s;
	*end_s = stand_s + lie_s + still_s + sp->tilts * cycle_s + 1;
	double lie = ramp((t - stand_s) / lie_s);
	double tilt = 0;
	double u = t - (stand_s + lie_s + still_s);
	if (u > 0 && u < sp->tilts * cycle_s) {
		double c = fmod(u, cycle_s);
		if (c < up_s)
			tilt = ramp(c / up_s);
		else if (c < up_s + sp->tilt_hold_s)
			tilt = 1;
		else if (c < up_s + sp->tilt_hold_s + down_s)
			tilt = 1 - ramp((c - up_s - sp->tilt_hold_s) / down_s);
	}
	double angle_rad = -(lie * 90 + tilt * sp->tilt_deg) * M_PI / 180;
	return bc_quat_from_axis_angle(bc_vec3_make(0, 1, 0), (float)angle_rad);
}

long bc_test_write_protocol_trace(const char *path, const bc_test_trace_spec *sp)
{
	bc_trace_meta meta[4];
	size_t n_meta = 0;
	char rate[32];
	snprintf(rate, sizeof(rate), "%g", sp->rate_hz);
	meta[n_meta++] = (bc_trace_meta){ "sensor", "synthetic" };
	meta[n_meta++] = (bc_trace_meta){ "rate_hz", rate };
	if (sp->exercise)
		meta[n_meta++] = (bc_trace_meta){ "exercise", sp->exercise };
	if (sp->hold_s)
		meta[n_meta++] = (bc_trace_meta){ "hold_s", sp->hold_s };
	bc_trace_error err;
	bc_trace_writer *w = bc_trace_writer_open(path, meta, n_meta, sp->with_mag, &err);
	if (!w) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	bc_vec3 m = bc_vec3_scale(sp->mount_rotvec_deg, BC_RAD_PER_DEG);
	bc_quat body_from_sensor = bc_quat_from_rotvec(m);
	const bc_vec3 up = bc_vec3_make(0, 0, 1);
	const bc_vec3 field_ut = bc_vec3_make(0, 20, -40); /* north and down */
	double dt = 1 / sp->rate_hz, end_s;
	earth_from_body(sp, 0, &end_s);
	long rows = 0;
	for (double t = 0; t < end_s; t = ++rows * dt) {
		bc_quat q0 = bc_quat_mul(earth_from_body(sp, t, &end_s), body_from_sensor);
		bc_quat q1 = bc_quat_mul(earth_from_body(sp, t + dt, &end_s), body_from_sensor);
		/* sensor-frame rate: the increment q0* q1 over one step */
		bc_vec3 step = bc_quat_to_rotvec(bc_quat_mul(bc_quat_conj(q0), q1));
		bc_quat sensor_from_earth = bc_quat_conj(q0);
		bc_sample s = {
			.t_s = t,
			.accel_g = bc_quat_rotate(sensor_from_earth, up),
			.gyro_dps = bc_vec3_scale(step, (float)(BC_DEG_PER_RAD / dt)),
			.mag_ut = bc_quat_rotate(sensor_from_earth, field_ut),
			.has_mag = sp->with_mag,
		};
		if (bc_trace_writer_write(w, &s, &err) < 0) {
			fprintf(stderr, "%s\n", err.message);
			bc_trace_writer_close(w, NULL);
			return -1;
		}
	}
	if (bc_trace_writer_close(w, &err) < 0) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	return rows;
}
