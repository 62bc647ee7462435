/* SPDX-License-Identifier: MIT */
/*
 * Tilt steadiness: how long has the trunk's tilt been steady, and where?
 *
 * What the wearing protocol needs from "still" (contract §3) is a steady
 * tilt: real people standing sway, breathe and tremble, and their lower
 * backs show 1-20 deg/s of gyro while the tilt stays within about 1.5 deg
 * (docs/sway.md). A quiet gyro is the wrong test for them.
 *
 * The accelerometer, lightly low-passed (lp_tau_s: tremor and the sensor
 * jiggling on soft tissue), is averaged over blocks of block_s. A spell is
 * the run of newest blocks that all lie within tol_deg of the spell's mean
 * direction; a block that does not ends the spell, and the new one is
 * rebuilt from the newest blocks backwards (so a spell that drifted is
 * replaced by its steady tail, not by nothing). A block whose magnitude is
 * not near 1 g (carried, jumping, walking hard) is no spell's.
 *
 * Work per sample: a low-pass and a sum; per block (10 Hz) at most one pass
 * over the ring. Caller-owned struct, no heap.
 */
#ifndef BC_TILT_STEADINESS_H
#define BC_TILT_STEADINESS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/math3d.h"

typedef struct {
	float block_s;	  /* accelerometer averaged over blocks this long, seconds */
	float lp_tau_s;	  /* low-pass before averaging, seconds (0: none) */
	float tol_deg;	  /* a spell's blocks within this of its mean direction, degrees */
	float settle_s;	  /* a spell's direction leaves out its first settle_s, seconds */
	float norm_tol_g; /* a block's mean magnitude within this of 1 g, g */
} bc_tilt_steady_settings;

/*
 * Why these values: over the 72 real standing recordings of ipol-l5 every
 * stand whose tilt stays within 1.5 deg of its mean for 3.5 s is a 3 s
 * spell before the subject walks off (tests/test_real_people.c); a slow
 * movement faster than about 1.5 deg/s never is.
 */
#define BC_TILT_STEADY_SETTINGS_DEFAULT_INIT                                          \
	{                                                                             \
		.block_s = 0.1f, .lp_tau_s = 0.1f, .tol_deg = 2.0f, .settle_s = 0.5f, \
		.norm_tol_g = 0.15f,                                                  \
	}

/* Blocks remembered for rebuilding a spell: 6.4 s at the default block_s. */
#define BC_TILT_STEADY_BLOCKS 64

typedef struct {
	bc_vec3 up;   /* mean direction of the specific force (earth up), sensor frame, unit */
	float norm_g; /* the mean specific force's magnitude, g */
	float dur_s;  /* the block's length, seconds; 0: not near 1 g, ends any spell */
} bc_tilt_block;

typedef struct {
	bc_tilt_steady_settings settings;
	float cos_tol;				   /* cos(tol_deg) */
	bool primed;				   /* the low-pass holds a sample */
	bc_vec3 lp_g;				   /* low-passed accelerometer, g */
	bc_vec3 fill_sum_g;			   /* the block being filled: sum of lp_g */
	int fill_n;				   /* ... samples in it */
	float fill_s;				   /* ... its length so far, seconds */
	bc_tilt_block ring[BC_TILT_STEADY_BLOCKS]; /* closed blocks, newest at head - 1 */
	int head;
	int count;
	bc_vec3 spell_sum; /* sum of dur_s * up over the spell's blocks */
	int spell_blocks;
	float spell_s;	  /* the spell's length, seconds (0: none) */
	bc_vec3 head_sum; /* the part of spell_sum from its first settle_s */
	float head_s;
	uint32_t spell_id; /* changes whenever a new spell begins */
} bc_tilt_steadiness;

void bc_tilt_steady_init(bc_tilt_steadiness *d, const bc_tilt_steady_settings *settings);

/* Forget everything (after a dropout). */
void bc_tilt_steady_reset(bc_tilt_steadiness *d);

/*
 * One sample: the accelerometer (specific force, sensor frame, g) and the
 * time since the previous sample (0 for the first). Returns true when the
 * sample closed a block (then the spell and the newest block are new).
 * A non-finite sample is left out.
 */
bool bc_tilt_steady_update(bc_tilt_steadiness *d, bc_vec3 accel_g, float dt_s);

/* How long the tilt has been steady, seconds (0: not steady). */
static inline float bc_tilt_steady_s(const bc_tilt_steadiness *d)
{
	return d->spell_s;
}

/*
 * Earth up in the sensor frame over the current spell (unit; valid when
 * steady_s > 0), leaving out its first settle_s: the end of the movement
 * before it, which the tolerance lets in.
 */
bc_vec3 bc_tilt_steady_up(const bc_tilt_steadiness *d);

/*
 * The same, also leaving out its last settle_s once it is long enough: for a
 * spell that may end now, whose last blocks may be the beginning of the next
 * movement.
 */
bc_vec3 bc_tilt_steady_up_settled(const bc_tilt_steadiness *d);

/* The newest closed block (NULL before the first). */
static inline const bc_tilt_block *bc_tilt_steady_last_block(const bc_tilt_steadiness *d)
{
	if (d->count == 0)
		return 0;
	return &d->ring[(d->head + BC_TILT_STEADY_BLOCKS - 1) % BC_TILT_STEADY_BLOCKS];
}

#endif /* BC_TILT_STEADINESS_H */
