/* SPDX-License-Identifier: MIT */
/* cmocka checks the driver tests share over a bc_model_rig (tests/models/model_rig.h). */
#ifndef BC_RIG_CHECKS_H
#define BC_RIG_CHECKS_H

#include <stddef.h>

#include "core/sample.h"
#include "models/model_rig.h"

/*
 * Opens the rig (bc_model_rig_open with bc_model_rig_settings(rate_hz,
 * accel_range_g, gyro_range_dps)); a failure fails the test with rig->err.
 */
void bc_check_rig_open(bc_model_rig *rig, bc_chip_kind kind, uint8_t addr, float rate_hz,
		       float accel_range_g, float gyro_range_dps, bool with_int);

/*
 * got[0..n) are consecutive samples of what the rig's numbered signal fed,
 * in order, each axis within one LSB of the chip's current scale (the
 * model's own sensitivity, so every range is checked at its resolution).
 */
void bc_check_samples_fed(const bc_model_rig *rig, const bc_sample *got, size_t n);

/*
 * Reads n samples from the rig's reader (200 ms each): every one comes, is
 * the next of the numbered signal (after index k; k < 0: anywhere) and is
 * later than *t_last (*t_last <= -1: no earlier sample). Updates *t_last;
 * returns the index of the last sample.
 */
long bc_check_consecutive(const bc_model_rig *rig, size_t n, long k, double *t_last);

/*
 * After a fault that silences the chip: reads (100 ms each, up to ~3 s)
 * until a sample comes, into *x, and checks it is marked as the first after
 * a dropout.
 */
void bc_check_resumes_after_dropout(const bc_model_rig *rig, bc_sample *x);

/*
 * Unplugs the rig's chip for 2 s of world time, reading all along: samples
 * drained before the loss was noticed may still come (each later than
 * *t_last, which follows them), the reader must say RECONNECTING, and
 * nothing may be invented while unplugged (the last sample stays within
 * 0.1 s of *t_last on entry). Leaves the chip unplugged.
 */
void bc_check_unplugged_2s(const bc_model_rig *rig, double *t_last);

/*
 * After bc_check_unplugged_2s and a replug: the first sample (into *x) is
 * marked as after a dropout and comes 2 to 3.5 s after t_last (the gap is in
 * the trace; reconnecting took at most ~1 s); the reader is streaming again
 * with one loss and one reconnect counted.
 */
void bc_check_resumes_after_replug(const bc_model_rig *rig, double t_last, bc_sample *x);

/*
 * Beyond full scale the chip clips at its range, and so must the driver:
 * the model m (the bus takes it over) at addr, set to ±2 g and ±250 °/s and
 * fed (5, -5, 1) g and (900, -900, 0) °/s, must read back the clipped
 * counts (32767 and -32768 at 16384 LSB/g and 131 LSB/°/s) and 1 g on z.
 */
void bc_check_saturation(bc_chip_model *m, uint8_t addr);

#endif /* BC_RIG_CHECKS_H */
