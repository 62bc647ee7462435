/* SPDX-License-Identifier: MIT */
/*
 * The lower back's motion: orientation (q_earth_from_body) AND position of
 * the point where the sensor sits, as a function of time.
 *
 * Two layers:
 * - key poses joined by smooth movements (minimum-jerk or cruise profile):
 *   the deliberate movements (lying down, a pelvic tilt, a walk);
 * - oscillators added on top inside time windows with smooth on/off ramps:
 *   breathing, standing sway, wobble during a hold, gait.
 *
 * Frames: earth z up (x, y horizontal); body x forward out of the belly, y to
 * the wearer's left, z up the spine (contract §4). Positions in metres.
 *
 * Lifecycle: init -> add keys and oscillators (in time order for keys) ->
 * finalize -> evaluate at any time -> free. Host-side: arrays grow on the heap.
 */
#ifndef BC_SIM_BODY_TRAJECTORY_H
#define BC_SIM_BODY_TRAJECTORY_H

#include <stddef.h>

#include "sim/sim_math.h"

typedef enum {
	SIM_PROFILE_MINJERK, /* a voluntary movement, rest to rest */
	SIM_PROFILE_CRUISE,  /* walking: speed up, constant speed, slow down */
} sim_profile;

typedef struct {
	double t_s; /* time the body arrives at this pose */
	sim_quat q_earth_from_body;
	sim_vec3 pos_m;	     /* earth frame */
	sim_profile profile; /* movement from the previous key to this one */
	double ramp_s;	     /* CRUISE: speed-up / slow-down time, seconds */
} sim_key;

typedef enum {
	SIM_OSC_ROTATION, /* amp in degrees about a body-frame axis */
	SIM_OSC_POSITION, /* amp in metres along a body-frame axis */
} sim_osc_kind;

typedef struct {
	double t0_s, t1_s; /* active window */
	double ramp_s;	   /* fades in after t0 and out before t1 */
	sim_osc_kind kind;
	sim_vec3 axis; /* unit vector, body frame */
	double amp;    /* degrees or metres (peak) */
	double freq_hz;
	double phase_rad;
} sim_oscillator;

typedef struct {
	sim_key *keys;
	size_t n_keys, cap_keys;
	sim_oscillator *osc;
	size_t n_osc, cap_osc;
	/* Oscillator index by whole second since keys[0].t_s (built by finalize). */
	size_t *bucket_start; /* n_buckets + 1 offsets into bucket_items */
	size_t *bucket_items;
	size_t n_buckets;
} sim_trajectory;

/* Everything the IMU model needs at one instant. */
typedef struct {
	sim_quat q_earth_from_body;
	sim_vec3 pos_m;		   /* earth frame */
	sim_vec3 omega_body_rad_s; /* angular rate, body frame */
	sim_vec3 accel_earth_m_s2; /* linear acceleration, earth frame */
} sim_kinematics;

/* Starts a trajectory at rest in one pose at t0_s. 0 ok, -1 out of memory. */
int sim_traj_init(sim_trajectory *tr, double t0_s, sim_quat q_earth_from_body, sim_vec3 pos_m);
void sim_traj_free(sim_trajectory *tr);

/* Appends a movement of duration_s from the last key to a new pose. */
int sim_traj_move(sim_trajectory *tr, double duration_s, sim_quat q_earth_from_body, sim_vec3 pos_m,
		  sim_profile profile, double ramp_s);

/* Stays in the last pose for duration_s. */
int sim_traj_hold(sim_trajectory *tr, double duration_s);

int sim_traj_add_osc(sim_trajectory *tr, const sim_oscillator *o);

/* The last key (the pose the body rests in at the end so far). */
const sim_key *sim_traj_last(const sim_trajectory *tr);
double sim_traj_end_s(const sim_trajectory *tr);

/* Builds the oscillator index; call after the last add. 0 ok, -1 no memory. */
int sim_traj_finalize(sim_trajectory *tr);

/* Key-pose layer only (no oscillators): the deliberate movement. */
void sim_traj_base_pose(const sim_trajectory *tr, double t_s, sim_quat *q, sim_vec3 *pos_m);

/* Full pose with oscillators. Requires finalize. */
void sim_traj_pose(const sim_trajectory *tr, double t_s, sim_quat *q, sim_vec3 *pos_m);

/* Pose plus angular rate and acceleration (central differences, 1 ms). */
void sim_traj_kinematics(const sim_trajectory *tr, double t_s, sim_kinematics *out);

#endif /* BC_SIM_BODY_TRAJECTORY_H */
