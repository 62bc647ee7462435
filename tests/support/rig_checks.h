/* SPDX-License-Identifier: MIT */
/* cmocka checks the driver tests share over a bc_model_rig (tests/models/model_rig.h). */
#ifndef BC_RIG_CHECKS_H
#define BC_RIG_CHECKS_H

#include <stddef.h>

#include "core/sample.h"
#include "models/model_rig.h"

/*
 * got[0..n) are consecutive samples of what the rig's numbered signal fed,
 * in order, each axis within one LSB of the chip's current scale (the
 * model's own sensitivity, so every range is checked at its resolution).
 */
void bc_check_samples_fed(const bc_model_rig *rig, const bc_sample *got, size_t n);

#endif /* BC_RIG_CHECKS_H */
