/* SPDX-License-Identifier: MIT */
/*
 * host/live_sensor.c, the one way run, record and probe open the live
 * sensor, against umockdev: chip models behind a fake /dev/i2c-1 and a
 * Pi-like /dev/gpiochip0 with its GPIO17, through the real i2c-dev and
 * libgpiod backends. The data-ready line is found by name and paces the
 * reader; without it the reader polls and the note says why; the probe the
 * kiosk's plug-in screen shows names each address and sees a sensor
 * plugged in later.
 */
#include "support/test_support.h"
#include "umockdev/pi_rig.h"

#include <stdio.h>
#include <string.h>

#include "live_sensor.h"
#include "models/chip_model.h"
#include "models/model_bus.h"

static bool description_names(const bc_sample_source *src, const char *chip)
{
	char text[sizeof(src->description) + 1];
	snprintf(text, sizeof(text), "%s", src->description);
	print_message("    %s\n", text);
	return strstr(text, chip) != NULL;
}

/* The defaults run and record use: bus 1, GPIO17, found and used. */
static void test_data_ready_line_found_and_used(void **state)
{
	bc_live_sensor ls;
	char err[256];
	bc_pi_rig r;

	bc_umockdev_skip_if_unavailable();
	assert_int_equal(bc_pi_rig_open(&r, true), 0);
	assert_int_equal(bc_model_bus_attach(r.models, 0x68, bc_mpu6050_model_new(BC_CHIP_MPU6050)),
			 0);
	bc_live_sensor_options opt = bc_live_sensor_options_default();
	assert_int_equal(opt.bus_number, 1);
	assert_string_equal(opt.drdy_line, "GPIO17");
	bc_live_sensor_init(&ls, &opt);
	assert_non_null(ls.drdy);
	assert_string_equal(ls.drdy_note, "");
	assert_non_null(ls.hooks.wait_data_ready); /* paced by the interrupt, not polling */

	bc_sample_source *src = bc_live_sensor_open(&ls, err, sizeof(err));
	if (!src)
		print_message("open: %s\n", err);
	assert_non_null(src);
	assert_true(description_names(src, "MPU-6050"));
	bc_source_close(src);
	bc_live_sensor_free(&ls);
	assert_null(ls.drdy);
	bc_pi_rig_close(&r);
}

/* No line by that name (or --no-int): the reader polls, and says why. */
static void test_no_line_polls_with_a_note(void **state)
{
	bc_live_sensor ls;
	char err[256];
	bc_pi_rig r;

	bc_umockdev_skip_if_unavailable();
	assert_int_equal(bc_pi_rig_open(&r, false), 0);
	assert_int_equal(bc_model_bus_attach(r.models, 0x6a, bc_lsm6ds_model_new(BC_CHIP_LSM6DSOX)),
			 0);
	bc_live_sensor_options opt = bc_live_sensor_options_default();
	bc_live_sensor_init(&ls, &opt);
	assert_null(ls.drdy);
	assert_null(ls.hooks.wait_data_ready);
	assert_non_null(strstr(ls.drdy_note, "no data-ready line GPIO17"));
	assert_non_null(strstr(ls.drdy_note, "polling"));
	bc_sample_source *src = bc_live_sensor_open(&ls, err, sizeof(err));
	assert_non_null(src);
	assert_true(description_names(src, "LSM6DSOX"));
	bc_source_close(src);
	bc_live_sensor_free(&ls);

	opt.drdy_line = NULL; /* --no-int */
	bc_live_sensor_init(&ls, &opt);
	assert_null(ls.drdy);
	assert_non_null(strstr(ls.drdy_note, "not used"));
	bc_live_sensor_free(&ls);
	bc_pi_rig_close(&r);
}

/* No chip: a message naming what was tried; the source stays unopened. */
static void test_no_chip_is_a_message(void **state)
{
	bc_live_sensor ls;
	char err[256] = "";
	bc_pi_rig r;

	bc_umockdev_skip_if_unavailable();
	assert_int_equal(bc_pi_rig_open(&r, true), 0);
	bc_live_sensor_options opt = bc_live_sensor_options_default();
	bc_live_sensor_init(&ls, &opt);
	assert_null(bc_live_sensor_open(&ls, err, sizeof(err)));
	assert_non_null(strstr(err, "no IMU found"));
	opt.bus_number = 7;
	bc_live_sensor_free(&ls);
	bc_live_sensor_init(&ls, &opt);
	assert_null(bc_live_sensor_open(&ls, err, sizeof(err)));
	assert_non_null(strstr(err, "/dev/i2c-7"));
	bc_live_sensor_free(&ls);
	bc_pi_rig_close(&r);
}

/*
 * What the plug-in screen lists: each address and what answered; a sensor
 * plugged in between two probes is seen by the second (the kiosk's
 * hot-plug), and one unplugged again is gone from the third.
 */
static void test_probe_reports_each_address_and_sees_hot_plug(void **state)
{
	bc_live_sensor_probe_result pr;
	bc_pi_rig r;

	bc_umockdev_skip_if_unavailable();
	assert_int_equal(bc_pi_rig_open(&r, true), 0);
	assert_false(bc_live_sensor_probe(1, &pr));
	print_message("    empty bus: %s\n", pr.summary);
	assert_true(pr.bus_open);
	assert_false(pr.found);
	assert_string_equal(pr.summary, "i2c-1: 0x68 no answer, 0x69 no answer, "
					"0x6a no answer, 0x6b no answer");

	bc_chip_model *chip = bc_lsm6ds_model_new(BC_CHIP_LSM6DSOX);
	assert_int_equal(bc_model_bus_attach(r.models, 0x6a, chip), 0);
	assert_true(bc_live_sensor_probe(1, &pr));
	print_message("    plugged in: %s\n", pr.summary);
	assert_non_null(strstr(pr.summary, "0x6a LSM6DSOX"));
	assert_non_null(strstr(pr.summary, "0x68 no answer"));

	fake_i2c_lock(r.i2c);
	bc_chip_model_unplug(chip);
	fake_i2c_unlock(r.i2c);
	assert_false(bc_live_sensor_probe(1, &pr));
	assert_non_null(strstr(pr.summary, "0x6a no answer"));

	assert_false(bc_live_sensor_probe(7, &pr));
	assert_false(pr.bus_open);
	assert_non_null(strstr(pr.summary, "/dev/i2c-7"));
	bc_pi_rig_close(&r);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_ready_line_found_and_used),
		cmocka_unit_test(test_no_line_polls_with_a_note),
		cmocka_unit_test(test_no_chip_is_a_message),
		cmocka_unit_test(test_probe_reports_each_address_and_sees_hot_plug),
	};

	(void)argc;
	bc_umockdev_start(argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
