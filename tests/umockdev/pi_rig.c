/* SPDX-License-Identifier: MIT */
/* A Pi-shaped umockdev testbed: see pi_rig.h. */
#include "umockdev/pi_rig.h"

#include <stdio.h>

int bc_pi_rig_open(bc_pi_rig *r, bool with_gpio)
{
	char names[BC_PI_GPIO_LINES][16];
	const char *ptrs[BC_PI_GPIO_LINES];

	for (int i = 0; i < BC_PI_GPIO_LINES; i++) {
		snprintf(names[i], sizeof(names[i]), "GPIO%d", i);
		ptrs[i] = names[i];
	}
	r->tb = bc_testbed_new();
	r->models = bc_model_bus_new();
	r->i2c = fake_i2c_new(r->tb, 1, "bcm2835 (i2c@7e804000)", FAKE_I2C_FUNCS_BCM2835,
			      bc_model_bus_i2c(r->models));
	r->gpio = with_gpio ? fake_gpiochip_new(r->tb, 0, "pinctrl-bcm2835", ptrs, BC_PI_GPIO_LINES)
			    : NULL;
	return r->i2c && (r->gpio || !with_gpio) ? 0 : -1;
}

void bc_pi_rig_close(bc_pi_rig *r)
{
	if (r->i2c)
		fake_i2c_free(r->i2c);
	if (r->gpio)
		fake_gpiochip_free(r->gpio);
	bc_model_bus_free(r->models);
	g_object_unref(r->tb);
}
