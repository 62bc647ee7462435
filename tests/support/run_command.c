/* SPDX-License-Identifier: MIT */
/* posix_spawn with stdout/stderr to files, read back after the child exits. */
#include "support/run_command.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_support.h"

extern char **environ;

static char *slurp(const char *path, size_t *len)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return strdup("");
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			char *grown = realloc(buf, cap * 2);
			if (!grown) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	*len = n;
	return buf;
}

int bc_test_run(const char *const argv[], bc_test_output *out)
{
	static unsigned serial;
	char out_path[256], err_path[256];
	*out = (bc_test_output){ .status = -1 };
	const char *dir = bc_test_tmpdir();
	snprintf(out_path, sizeof(out_path), "%s/run-%d-%u.out", dir, getpid(), serial);
	snprintf(err_path, sizeof(err_path), "%s/run-%d-%u.err", dir, getpid(), serial);
	serial++;

	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid_t pid;
	int rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	int wstatus;
	if (waitpid(pid, &wstatus, 0) != pid)
		return -1;
	if (WIFEXITED(wstatus))
		out->status = WEXITSTATUS(wstatus);
	else if (WIFSIGNALED(wstatus))
		out->status = 128 + WTERMSIG(wstatus);
	out->out = slurp(out_path, &out->out_len);
	out->err = slurp(err_path, &out->err_len);
	unlink(out_path);
	unlink(err_path);
	return out->status;
}

void bc_test_output_free(bc_test_output *o)
{
	free(o->out);
	free(o->err);
	*o = (bc_test_output){ 0 };
}

size_t bc_test_count_lines(const char *text)
{
	size_t n = 0;
	for (; text && *text; text++)
		n += *text == '\n';
	return n;
}

void bc_test_run_started(bc_test_output *o, const char *const argv[])
{
	assert_true(bc_test_run(argv, o) >= 0);
}

void bc_test_assert_usage_error(const bc_test_output *o, const char *mentions)
{
	if (o->status != 2 || o->out_len != 0 || bc_test_count_lines(o->err) != 1 ||
	    (mentions && !strstr(o->err, mentions))) {
		print_error("status %d\nstdout: %s\nstderr: %s\nexpected a one-line usage error "
			    "mentioning '%s'\n",
			    o->status, o->out, o->err, mentions ? mentions : "");
		fail();
	}
}
