/* SPDX-License-Identifier: MIT */
/* Shared driver-test checks: see rig_checks.h. */
#include "support/rig_checks.h"

#include "support/test_support.h"

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
