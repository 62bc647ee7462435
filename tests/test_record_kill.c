/* SPDX-License-Identifier: MIT */
/*
 * kill -9 of a recording, at random points: every row the recorder had
 * synced is readable afterwards, in order and intact, and the .part it
 * left is recovered into a whole trace (host/record_session.h).
 *
 * A child process records a numbered signal (row k tells which it is) with
 * a sync after every row, and counts the rows synced in memory it shares
 * with the parent; the parent SIGKILLs it after a random number of rows
 * and a random extra wait (so the kill lands anywhere: in a write, a sync,
 * between rows), then recovers the .part and reads it back.
 *
 * BC_KILL_ROUNDS=N sets the number of kills (default 10; docs/reliability.md
 * reports a larger run); the kill points are random, BC_KILL_SEED repeats a
 * run (the seed is printed). Forks: skipped under qemu-user (Makefile
 * CROSS_TEST_SKIP).
 */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "record_session.h"
#include "support/test_support.h"
#include "trace/trace_reader.h"

#define RATE_HZ 200.0

/* Sample k of the numbered signal: each axis says k, exactly as written. */
static void numbered_sample(unsigned long k, bc_sample *s)
{
	*s = (bc_sample){ .t_s = (double)k / RATE_HZ };
	s->accel_g = bc_vec3_make((float)(k % 1000) / 1000.0f, (float)(k / 1000 % 1000) / 1000.0f,
				  1.0f);
	s->gyro_dps = bc_vec3_make((float)(k % 997) / 100.0f, 0.0f, -1.0f);
}

/* A source of the numbered signal; asking for sample k means rows < k are written and synced. */
typedef struct {
	bc_sample_source base;
	unsigned long next;
	_Atomic unsigned long *synced; /* shared with the parent */
} numbered_source;

static int numbered_read(bc_sample_source *src, bc_sample *out, int timeout_ms)
{
	numbered_source *n = (numbered_source *)src;
	atomic_store(n->synced, n->next);
	numbered_sample(n->next++, out);
	return 1;
}

static void numbered_close(bc_sample_source *src)
{
	(void)src;
}

/* The child: records until killed. */
static void record_forever(const char *out_path, _Atomic unsigned long *synced)
{
	numbered_source src = { .base = { .read = numbered_read,
					  .close = numbered_close,
					  .status = BC_SOURCE_CONNECTED,
					  .rate_hz = (float)RATE_HZ },
				.synced = synced };
	static const bc_trace_meta meta[] = { { "sensor", "numbered" }, { "rate_hz", "200" } };
	bc_record_options opt = bc_record_options_default;
	opt.out_path = out_path;
	opt.meta = meta;
	opt.n_meta = 2;
	opt.sync_interval_s = 0; /* after every row: the parent knows what is on the disk */
	bc_record_result result;
	bc_trace_error err;
	bc_record_session(&src.base, &opt, &result, &err);
	_exit(0);
}

/* Reads the recovered trace: rows 0, 1, 2, ... intact; returns how many. */
static unsigned long check_rows(const char *path)
{
	bc_trace_error err;
	bc_trace_reader *r = bc_trace_reader_open(path, &err);
	assert_non_null(r);
	bc_sample got, want;
	unsigned long k = 0;
	int rc;
	while ((rc = bc_trace_reader_next(r, &got, &err)) == 1) {
		numbered_sample(k++, &want);
		assert_float_near(got.t_s, want.t_s, 1e-5);
		assert_float_near(got.accel_g.x, want.accel_g.x, 1e-6);
		assert_float_near(got.accel_g.y, want.accel_g.y, 1e-6);
		assert_float_near(got.gyro_dps.x, want.gyro_dps.x, 1e-5);
	}
	assert_int_equal(rc, 0); /* no malformed row */
	bc_trace_reader_free(r);
	return k;
}

static void kill_once(unsigned round, _Atomic unsigned long *synced, unsigned *seed)
{
	char out[512], name[64];
	snprintf(name, sizeof(name), "kill-%u.csv", round);
	bc_test_tmp_path(name, out, sizeof(out));
	atomic_store(synced, 0);
	unsigned long target = 1 + (unsigned long)(rand_r(seed) % 400);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		record_forever(out, synced);
	while (atomic_load(synced) < target)
		usleep(100);
	usleep((useconds_t)(rand_r(seed) % 2000)); /* anywhere in the next rows */
	assert_int_equal(kill(pid, SIGKILL), 0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	unsigned long synced_rows = atomic_load(synced);

	char part[600], final_path[600];
	snprintf(part, sizeof(part), "%s.part", out);
	unsigned long rows = 0;
	bc_trace_error err;
	assert_int_equal(bc_record_recover_part(part, final_path, sizeof(final_path), &rows, &err),
			 BC_RECORD_RECOVER_DONE);
	assert_string_equal(final_path, out);
	assert_true(access(part, F_OK) != 0);
	unsigned long read_back = check_rows(out);
	assert_int_equal(read_back, rows);
	/* every synced row survived (rows written after the last sync may too) */
	assert_true(read_back >= synced_rows);
	unlink(out);
}

static void test_kill_9_loses_no_synced_row(void **state)
{
	(void)state;
	const char *env = getenv("BC_KILL_ROUNDS");
	unsigned rounds = env ? (unsigned)strtoul(env, NULL, 10) : 10;
	_Atomic unsigned long *synced = mmap(NULL, sizeof(*synced), PROT_READ | PROT_WRITE,
					     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_true(synced != MAP_FAILED);
	const char *seed_env = getenv("BC_KILL_SEED"); /* to repeat a failed run */
	unsigned seed = seed_env ? (unsigned)strtoul(seed_env, NULL, 10) : (unsigned)time(NULL);
	print_message("    seed %u\n", seed);
	for (unsigned i = 0; i < rounds; i++)
		kill_once(i, synced, &seed);
	print_message("    %u kill -9 survived\n", rounds);
	munmap((void *)synced, sizeof(*synced));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kill_9_loses_no_synced_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
