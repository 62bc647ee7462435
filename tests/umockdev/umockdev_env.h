/* SPDX-License-Identifier: MIT */
/*
 * Running a test binary inside a umockdev testbed: the process re-executes
 * itself with libumockdev-preload.so in LD_PRELOAD (what umockdev-wrapper
 * does), so that its open()/ioctl()/stat() of /dev and /sys land in the
 * testbed. The fake devices' ioctl handlers run on umockdev's worker thread
 * in this same process, so the test drives the real backends on its own
 * thread while the fakes answer like the kernel would.
 */
#ifndef BC_UMOCKDEV_ENV_H
#define BC_UMOCKDEV_ENV_H

#include <stdbool.h>

#include <umockdev.h>

/*
 * Call first in main(). Re-executes under the preload library if needed
 * (never returns then). Returns true inside the mock environment; false,
 * with why in reason, when umockdev cannot be used (the tests then skip).
 */
bool bc_umockdev_enter(char **argv, const char **reason);

/* Why this binary's umockdev tests skip; NULL while they can run. */
extern const char *bc_umockdev_skip_reason;

/*
 * bc_umockdev_enter for a test main(): on failure sets
 * bc_umockdev_skip_reason (at least "umockdev unavailable").
 */
void bc_umockdev_start(char **argv);

/* First thing in a test: skips it, saying why, when umockdev cannot be used. */
void bc_umockdev_skip_if_unavailable(void);

/* A new testbed: an empty /sys and /dev that this process now sees. */
UMockdevTestbed *bc_testbed_new(void);

/*
 * Adds a character device: a sysfs device SUBSYSTEM/NAME with the given
 * "dev" (major:minor) and extra attributes (name/value pairs, NULL-ended),
 * and its node /dev/NAME. Returns the sysfs path (g_free it).
 */
char *bc_testbed_add_chardev(UMockdevTestbed *tb, const char *subsystem, const char *name,
			     const char *major_minor, ...);

/* Creates /dev/NAME in the testbed as an empty node with no sysfs device. */
void bc_testbed_add_node(UMockdevTestbed *tb, const char *name);

#endif /* BC_UMOCKDEV_ENV_H */
