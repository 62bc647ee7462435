/* SPDX-License-Identifier: MIT */
/* Shared driver-test checks: see rig_checks.h. */
#include "support/rig_checks.h"

#include "support/test_support.h"

void bc_check_rig_open(bc_model_rig *rig, bc_chip_kind kind, uint8_t addr, float rate_hz,
		       float accel_range_g, float gyro_range_dps, bool with_int)
{
	bc_imu_reader_settings s = bc_model_rig_settings(rate_hz, accel_range_g, gyro_range_dps);
	int rc = bc_model_rig_open(rig, kind, addr, &s, with_int);
	if (rc)
		print_message("rig: %s\n", rig->err);
	assert_int_equal(rc, 0);
}

void bc_check_samples_fed(const bc_model_rig *rig, const bc_sample *got, size_t n)
{
	double la = bc_chip_model_accel_lsb_per_g(rig->model);
	double lg = bc_chip_model_gyro_lsb_per_dps(rig->model);
	long k0 = bc_seq_index(rig->seq, &got[0], 0);
	assert_true(k0 >= 0);
	for (size_t j = 0; j < n; j++) {
		bc_sample want;
		bc_seq_expected(rig->seq, (size_t)k0 + j, &want);
		assert_float_near(got[j].accel_g.x, want.accel_g.x, 1.0 / la + 1e-6);
		assert_float_near(got[j].accel_g.y, want.accel_g.y, 1.0 / la + 1e-6);
		assert_float_near(got[j].accel_g.z, want.accel_g.z, 1.0 / la + 1e-6);
		assert_float_near(got[j].gyro_dps.x, want.gyro_dps.x, 1.0 / lg + 1e-4);
		assert_float_near(got[j].gyro_dps.y, want.gyro_dps.y, 1.0 / lg + 1e-4);
		assert_float_near(got[j].gyro_dps.z, want.gyro_dps.z, 1.0 / lg + 1e-4);
	}
}

long bc_check_consecutive(const bc_model_rig *rig, size_t n, long k, double *t_last)
{
	for (size_t j = 0; j < n; j++) {
		bc_sample x;
		assert_int_equal(bc_imu_reader_read(rig->reader, &x, 200), 1);
		long kj = bc_seq_index(rig->seq, &x, k < 0 ? rig->seq->n - 1 : (size_t)k + 1);
		assert_true(kj >= 0);
		if (k >= 0)
			assert_int_equal(kj, k + 1);
		if (*t_last > -1)
			assert_true(x.t_s > *t_last);
		*t_last = x.t_s;
		k = kj;
	}
	return k;
}

void bc_check_resumes_after_dropout(const bc_model_rig *rig, bc_sample *x)
{
	int got, tries = 0;
	while ((got = bc_imu_reader_read(rig->reader, x, 100)) == 0 && tries++ < 30)
		;
	assert_int_equal(got, 1);
	assert_true(bc_imu_reader_after_dropout(rig->reader));
}

void bc_check_unplugged_2s(const bc_model_rig *rig, double *t_last)
{
	double t_before = *t_last;
	bc_chip_model_unplug(rig->model);
	double unplugged_at = bc_model_world_now_s(rig->world);
	bool saw_reconnecting = false;
	while (bc_model_world_now_s(rig->world) - unplugged_at < 2.0) {
		bc_sample x;
		if (bc_imu_reader_read(rig->reader, &x, 100) == 1) {
			assert_true(x.t_s > *t_last);
			*t_last = x.t_s;
			continue;
		}
		saw_reconnecting |= bc_imu_reader_get_state(rig->reader) ==
				    BC_IMU_READER_RECONNECTING;
	}
	assert_true(saw_reconnecting);
	assert_true(*t_last - t_before < 0.1); /* nothing invented while unplugged */
}

void bc_check_resumes_after_replug(const bc_model_rig *rig, double t_last, bc_sample *x)
{
	bc_check_resumes_after_dropout(rig, x);
	assert_true(x->t_s - t_last >= 2.0);	  /* the gap is in the trace */
	assert_true(x->t_s - t_last < 2.0 + 1.5); /* and reconnecting took at most ~1 s */
	assert_int_equal(bc_imu_reader_get_state(rig->reader), BC_IMU_READER_STREAMING);
	const bc_imu_reader_stats *st = bc_imu_reader_get_stats(rig->reader);
	assert_int_equal(st->losses, 1);
	assert_int_equal(st->reconnects, 1);
}

static void saturating_signal(void *ctx, double t_s, bc_sample *out)
{
	(void)ctx;
	(void)t_s;
	out->accel_g = bc_vec3_make(5.0f, -5.0f, 1.0f);
	out->gyro_dps = bc_vec3_make(900.0f, -900.0f, 0.0f);
}

void bc_check_saturation(bc_chip_model *m, uint8_t addr)
{
	bc_model_bus *bus = bc_model_bus_new();
	bc_model_world *w = bc_model_world_new();
	bc_model_bus_attach(bus, addr, m);
	bc_model_world_add(w, m, saturating_signal, NULL, true);
	bc_imu_hooks hooks = bc_model_world_hooks(w, true);
	bc_imu_reader_settings s = bc_model_rig_settings(100, 2, 250);
	bc_imu_reader *r = bc_imu_reader_new(bc_model_bus_i2c(bus), &s, &hooks);
	assert_non_null(r);
	bc_sample x;
	assert_int_equal(bc_imu_reader_read(r, &x, 100), 1);
	assert_float_near(x.accel_g.x, 32767 / 16384.0, 1e-4);
	assert_float_near(x.accel_g.y, -2.0, 1e-4);
	assert_float_near(x.accel_g.z, 1.0, 1e-4);
	assert_float_near(x.gyro_dps.x, 32767 / 131.0, 1e-3);
	assert_float_near(x.gyro_dps.y, -32768 / 131.0, 1e-3);
	bc_imu_reader_free(r);
	bc_model_world_free(w);
	bc_model_bus_free(bus);
}
