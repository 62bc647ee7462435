/* SPDX-License-Identifier: MIT */
/*
 * The magnetometers inside 9-axis parts (AK8963 in the MPU-9250, AK09916 in
 * the ICM-20948) against their models, reached through the IMU's I2C bypass:
 * µT scaling with the AK8963's fuse-ROM sensitivity adjustment, the axes
 * turned into the accel/gyro frame, overflow and staleness making samples
 * 6-axis, and a missing or unplugged magnetometer never stopping the IMU.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/ak_magnetometer.h"
#include "drivers/ak_magnetometer_regs.h"
#include "drivers/icm20948_regs.h"
#include "drivers/mpu6050_regs.h"
#include "models/chip_model.h"
#include "models/model_bus.h"
#include "models/model_world.h"
#include "support/test_support.h"

/* The true field in the IMU's accel/gyro axes, µT; changed by the tests as they go. */
typedef struct {
	bc_vec3 field_ut;
} field_signal;

static void field_fn(void *ctx, double t_s, bc_sample *out)
{
	(void)t_s;
	out->mag_ut = ((field_signal *)ctx)->field_ut;
	out->has_mag = true;
}

typedef struct {
	bc_model_bus *bus;
	bc_chip_model *imu, *mag; /* owned by bus; mag NULL when left out */
	bc_model_world *world;
	bc_imu_hooks hooks;
	bc_imu_reader *reader;
	field_signal field;
} mag_rig;

/*
 * An IMU at 0x68 with (or without) its magnetometer behind the bypass, and a
 * reader. fuse: the AK8963's ASA values (NULL: the model's defaults).
 */
static void open_rig_fuse(mag_rig *rig, bc_chip_kind imu_kind, bool with_mag, bc_vec3 field_ut,
			  const uint8_t *fuse)
{
	*rig = (mag_rig){ .field = { field_ut } };
	rig->bus = bc_model_bus_new();
	rig->world = bc_model_world_new();
	rig->imu = bc_chip_model_new(imu_kind);
	assert_int_equal(bc_model_bus_attach(rig->bus, 0x68, rig->imu), 0);
	bc_model_world_add(rig->world, rig->imu, NULL, NULL, true);
	if (with_mag) {
		rig->mag = bc_chip_model_new(imu_kind == BC_CHIP_MPU9250 ? BC_CHIP_AK8963
									 : BC_CHIP_AK09916);
		assert_int_equal(
			bc_model_bus_attach_behind(rig->bus, BC_AK_ADDR, rig->mag, rig->imu), 0);
		bc_model_world_add(rig->world, rig->mag, field_fn, &rig->field, false);
		if (fuse)
			bc_ak_model_set_fuse(rig->mag, fuse[0], fuse[1], fuse[2]);
	}
	rig->hooks = bc_model_world_hooks(rig->world, true);
	bc_imu_reader_settings s = bc_imu_reader_settings_default;
	s.chip.rate_hz = 200;
	rig->reader = bc_imu_reader_new(bc_model_bus_i2c(rig->bus), &s, &rig->hooks);
	if (!rig->reader)
		print_message("reader: %s\n", strerror(errno));
	assert_non_null(rig->reader);
}

static void open_rig(mag_rig *rig, bc_chip_kind imu_kind, bool with_mag, bc_vec3 field_ut)
{
	open_rig_fuse(rig, imu_kind, with_mag, field_ut, NULL);
}

static void close_rig(mag_rig *rig)
{
	bc_imu_reader_free(rig->reader);
	bc_model_world_free(rig->world);
	bc_model_bus_free(rig->bus);
}

/* Reads n samples; returns how many carried a magnetometer value, the last in *last. */
static size_t read_n(mag_rig *rig, size_t n, bc_sample *last)
{
	size_t with_mag = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(bc_imu_reader_read(rig->reader, last, 200), 1);
		assert_false(bc_imu_reader_after_dropout(rig->reader));
		with_mag += last->has_mag;
	}
	return with_mag;
}

static int16_t peek_le16(const bc_chip_model *m, uint8_t reg)
{
	return (int16_t)(uint16_t)(bc_chip_model_peek(m, 0, reg) |
				   bc_chip_model_peek(m, 0, (uint8_t)(reg + 1)) << 8);
}

/*
 * AK8963 in 16-bit mode: 0.15 µT per count, times the fuse-ROM adjustment
 * (ASA − 128) × 0.5 / 128 + 1 per axis (MS1356-E). Fuse values far from 128
 * make a missing adjustment show (up to 19 %).
 */
static void test_ak8963_scaling_with_sensitivity_adjustment(void **state)
{
	(void)state;
	mag_rig rig;
	bc_vec3 field = bc_vec3_make(20.0f, -35.0f, 42.0f);
	/* before the IMU is configured its bypass is off: nothing at 0x0C */
	bc_model_bus *probe_bus = bc_model_bus_new();
	bc_chip_model *host = bc_chip_model_new(BC_CHIP_MPU9250);
	bc_model_bus_attach(probe_bus, 0x68, host);
	bc_model_bus_attach_behind(probe_bus, BC_AK_ADDR, bc_chip_model_new(BC_CHIP_AK8963), host);
	uint8_t id;
	assert_int_equal(bc_i2c_read(bc_model_bus_i2c(probe_bus), BC_AK_ADDR, 0, &id, 1), -ENXIO);
	bc_model_bus_free(probe_bus);

	static const uint8_t asa[3] = { 0xB0, 0x60, 0xA6 }; /* +19 %, −12.5 %, +15 % */
	open_rig_fuse(&rig, BC_CHIP_MPU9250, true, field, asa);
	bc_sample x;
	read_n(&rig, 10, &x); /* the first measurement is 10 ms away */
	assert_true(read_n(&rig, 200, &x) == 200);

	/* the IMU opened its bypass and left its I2C master off; 16-bit continuous 100 Hz */
	assert_true(bc_chip_model_peek(rig.imu, 0, MPU6050_REG_INT_PIN_CFG) &
		    MPU6050_INT_BYPASS_EN);
	assert_int_equal(bc_chip_model_peek(rig.mag, 0, AK8963_REG_CNTL1), 0x16);
	assert_float_near(bc_chip_model_odr_hz(rig.mag), 100, 1e-9);

	/* raw counts as the chip holds them (mag axes: x = accel y, y = accel x, z = −accel z) */
	double host_in_mag[3] = { field.y, field.x, -field.z };
	double want_ut[3];
	for (int i = 0; i < 3; i++) {
		double adj = ((double)asa[i] - 128) * 0.5 / 128 + 1;
		int16_t raw = peek_le16(rig.mag, (uint8_t)(AK8963_REG_HXL + 2 * i));
		assert_float_near(raw, host_in_mag[i] / (0.15 * adj), 0.5 + 1e-9);
		want_ut[i] = raw * 0.15 * adj;
		/* without the adjustment the value would be off by far more than a count */
		assert_true(fabs(raw * 0.15 - host_in_mag[i]) > 2 * 0.15 * adj);
	}
	assert_float_near(x.mag_ut.x, want_ut[1], 1e-3);
	assert_float_near(x.mag_ut.y, want_ut[0], 1e-3);
	assert_float_near(x.mag_ut.z, -want_ut[2], 1e-3);
	assert_float_near(x.mag_ut.x, field.x, 0.15 * 1.2);
	assert_float_near(x.mag_ut.y, field.y, 0.15 * 1.2);
	assert_float_near(x.mag_ut.z, field.z, 0.15 * 1.2);
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_true(st->mag_present);
	/* its own 100 Hz: 210 samples at 200 Hz are about 105 magnetometer reads */
	assert_true(st->mag_reads >= 95 && st->mag_reads <= 110);
	assert_int_equal(st->mag_errors, 0);
	close_rig(&rig);
}

/*
 * One field direction at a time, in the accel/gyro frame: the raw register
 * that must move (from the datasheets' axis drawings, written out here), and
 * the sample that must come back along the same accel/gyro axis.
 */
static void test_axes_turned_into_accel_frame(void **state)
{
	(void)state;
	static const struct {
		bc_chip_kind imu;
		uint8_t hxl;
		int mag_axis[3]; /* magnetometer axis that a field along accel x, y, z lands on */
		int mag_sign[3];
	} parts[] = {
		/* PS-MPU-9250A-01: mag X = accel Y, mag Y = accel X, mag Z = −accel Z */
		{ BC_CHIP_MPU9250, AK8963_REG_HXL, { 1, 0, 2 }, { 1, 1, -1 } },
		/* DS-000189: mag X = accel X, mag Y = −accel Y, mag Z = −accel Z */
		{ BC_CHIP_ICM20948, AK09916_REG_HXL, { 0, 1, 2 }, { 1, -1, -1 } },
	};
	for (size_t p = 0; p < BC_ARRAY_SIZE(parts); p++) {
		for (int axis = 0; axis < 3; axis++) {
			float f[3] = { 0, 0, 0 };
			f[axis] = 30.0f;
			mag_rig rig;
			static const uint8_t no_adjustment[3] = { 128, 128, 128 };
			open_rig_fuse(&rig, parts[p].imu, true, bc_vec3_make(f[0], f[1], f[2]),
				      no_adjustment); /* counts are plain 0.15 µT */
			bc_sample x;
			read_n(&rig, 20, &x);
			assert_true(read_n(&rig, 40, &x) == 40);
			for (int i = 0; i < 3; i++) {
				int16_t raw = peek_le16(rig.mag, (uint8_t)(parts[p].hxl + 2 * i));
				int want = i == parts[p].mag_axis[axis]
						   ? parts[p].mag_sign[axis] * 200
						   : 0;
				assert_int_equal(raw, want); /* 30 µT / 0.15 µT */
			}
			float got[3] = { x.mag_ut.x, x.mag_ut.y, x.mag_ut.z };
			for (int i = 0; i < 3; i++)
				assert_float_near(got[i], f[i], 1e-3);
			close_rig(&rig);
		}
	}
}

/*
 * |X| + |Y| + |Z| at or past 4912 µT sets ST2.HOFL: those samples carry no
 * field (has_mag false) and the IMU is untouched; a normal field brings it
 * back.
 */
static void test_overflow_marks_magnetometer_invalid(void **state)
{
	(void)state;
	bc_chip_kind imus[] = { BC_CHIP_ICM20948, BC_CHIP_MPU9250 };
	for (size_t i = 0; i < BC_ARRAY_SIZE(imus); i++) {
		mag_rig rig;
		open_rig(&rig, imus[i], true, bc_vec3_make(25, 5, -40));
		bc_sample x;
		read_n(&rig, 20, &x);
		assert_int_equal(read_n(&rig, 40, &x), 40);

		rig.field.field_ut = bc_vec3_make(3000, 2000, 0); /* a magnet on the sensor */
		read_n(&rig, 4, &x); /* the measurement in flight when it came */
		assert_int_equal(read_n(&rig, 60, &x), 0);
		const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
		assert_true(st->mag_overflows >= 20);
		assert_true(st->mag_present);
		assert_true(bc_chip_model_peek(rig.mag, 0,
					       imus[i] == BC_CHIP_MPU9250 ? AK8963_REG_ST2
									  : AK09916_REG_ST2) &
			    AK_ST2_HOFL);

		rig.field.field_ut = bc_vec3_make(-10, 30, 12);
		read_n(&rig, 4, &x);
		assert_int_equal(read_n(&rig, 40, &x), 40);
		assert_float_near(x.mag_ut.y, 30, 0.2);
		assert_int_equal(st->dropouts, 0);
		close_rig(&rig);
	}
}

/*
 * No magnetometer answering at 0x0C (a board without one, or a 6-axis
 * part): the IMU streams as ever, 6-axis, without a bus error counted.
 * Pulled out mid-stream and back: 6-axis meanwhile, 9-axis again within
 * about a second. Stopped measuring (powered down behind our back): the last
 * value goes stale and is dropped.
 */
static void test_missing_magnetometer_leaves_six_axis(void **state)
{
	(void)state;
	mag_rig rig;
	bc_sample x;
	open_rig(&rig, BC_CHIP_MPU9250, false, bc_vec3_make(0, 0, 0));
	assert_int_equal(read_n(&rig, 600, &x), 0); /* 3 s, with re-probes each second */
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig.reader);
	assert_false(st->mag_present);
	assert_int_equal(st->bus_errors, 0);
	assert_int_equal(st->dropouts, 0);
	close_rig(&rig);

	open_rig(&rig, BC_CHIP_ICM20948, true, bc_vec3_make(18, -22, 35));
	read_n(&rig, 20, &x);
	assert_int_equal(read_n(&rig, 100, &x), 100);
	bc_chip_model_unplug(rig.mag);
	read_n(&rig, 10, &x); /* three failed reads at 100 Hz: gone */
	assert_int_equal(read_n(&rig, 100, &x), 0);
	st = bc_imu_reader_get_stats(rig.reader);
	assert_false(st->mag_present);
	assert_true(st->mag_errors >= 3);
	assert_int_equal(st->bus_errors, 0); /* the IMU's own transfers all worked */
	bc_chip_model_replug(rig.mag);
	size_t back = read_n(&rig, 400, &x); /* 2 s: found again and configured */
	assert_true(back > 150);
	assert_true(x.has_mag);
	assert_float_near(x.mag_ut.z, 35, 0.2);
	assert_true(st->mag_present);

	assert_int_equal(bc_chip_model_write(rig.mag, AK09916_REG_CNTL2, AK09916_MODE_POWER_DOWN),
			 0);
	read_n(&rig, 30, &x); /* 100 ms without a measurement */
	assert_int_equal(read_n(&rig, 40, &x), 0);
	assert_int_equal(st->dropouts, 0);
	close_rig(&rig);
}

/* Unplugging the whole 9-axis part: the IMU reconnects and its magnetometer comes back with it. */
static void test_unplug_replug_restores_magnetometer(void **state)
{
	(void)state;
	mag_rig rig;
	bc_sample x;
	open_rig(&rig, BC_CHIP_MPU9250, true, bc_vec3_make(5, 40, -20));
	read_n(&rig, 20, &x);
	assert_int_equal(read_n(&rig, 50, &x), 50);
	bc_chip_model_unplug(rig.imu);
	bc_chip_model_unplug(rig.mag); /* one package, one supply */
	bc_model_world_advance_ns(rig.world, 500000000u);
	bc_chip_model_replug(rig.imu);
	bc_chip_model_replug(rig.mag);
	int tries = 0;
	while (bc_imu_reader_read(rig.reader, &x, 200) == 1 || tries++ < 10)
		if (bc_imu_reader_get_stats(rig.reader)->reconnects == 1)
			break;
	assert_int_equal(bc_imu_reader_get_stats(rig.reader)->reconnects, 1);
	read_n(&rig, 10, &x);
	assert_int_equal(read_n(&rig, 50, &x), 50);
	assert_float_near(x.mag_ut.y, 40, 0.2);
	assert_true(bc_chip_model_peek(rig.imu, 0, MPU6050_REG_INT_PIN_CFG) &
		    MPU6050_INT_BYPASS_EN);
	close_rig(&rig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ak8963_scaling_with_sensitivity_adjustment),
		cmocka_unit_test(test_axes_turned_into_accel_frame),
		cmocka_unit_test(test_overflow_marks_magnetometer_invalid),
		cmocka_unit_test(test_missing_magnetometer_leaves_six_axis),
		cmocka_unit_test(test_unplug_replug_restores_magnetometer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
