/* SPDX-License-Identifier: MIT */
/*
 * Bytes as a file for the parsers that open a path: an anonymous memory file
 * (memfd) named /proc/self/fd/N. No disk, nothing left behind, microseconds
 * a call: what keeps a harness at thousands of inputs a second.
 */
#ifndef BC_FUZZ_MEMFILE_H
#define BC_FUZZ_MEMFILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct {
	int fd;
	char path[40];
} bc_memfile;

/* A new memory file holding n bytes of data; fd -1 on failure. */
static inline bc_memfile bc_memfile_new(const uint8_t *data, size_t n)
{
	bc_memfile f = { .fd = memfd_create("bc-fuzz", MFD_CLOEXEC) };
	if (f.fd < 0)
		return f;
	snprintf(f.path, sizeof(f.path), "/proc/self/fd/%d", f.fd);
	size_t done = 0;
	while (done < n) {
		ssize_t w = write(f.fd, data + done, n - done);
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	return f;
}

static inline void bc_memfile_free(bc_memfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
}

#endif /* BC_FUZZ_MEMFILE_H */
