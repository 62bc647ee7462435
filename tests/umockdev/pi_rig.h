/* SPDX-License-Identifier: MIT */
/*
 * A testbed shaped like the device, what the umockdev tests of the live path
 * share: i2c-1 (the Pi's BCM2835 controller) in front of a bus of chip
 * models, and gpiochip0 (pinctrl-bcm2835, lines GPIO0..GPIO53; the sensor's
 * data-ready line is GPIO17, header pin 11).
 */
#ifndef BC_UMOCKDEV_PI_RIG_H
#define BC_UMOCKDEV_PI_RIG_H

#include <stdbool.h>

#include "models/model_bus.h"
#include "umockdev/fake_gpiochip.h"
#include "umockdev/fake_i2c.h"
#include "umockdev/umockdev_env.h"

#define BC_PI_GPIO_LINES 54
#define BC_PI_DRDY_LINE	 17

typedef struct {
	UMockdevTestbed *tb;
	bc_model_bus *models; /* attach chip models to it: they answer on i2c-1 */
	fake_i2c *i2c;
	fake_gpiochip *gpio; /* NULL: opened without gpiochip0 */
} bc_pi_rig;

/* Opens the testbed, i2c-1 and (with_gpio) gpiochip0; 0, or -1 if a fake failed. */
int bc_pi_rig_open(bc_pi_rig *r, bool with_gpio);

/* Closes what bc_pi_rig_open opened (the models attached are the caller's). */
void bc_pi_rig_close(bc_pi_rig *r);

#endif /* BC_UMOCKDEV_PI_RIG_H */
