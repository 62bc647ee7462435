/* SPDX-License-Identifier: MIT */
#include "umockdev/umockdev_env.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/test_support.h" /* cmocka */

#define PRELOAD_LIB "libumockdev-preload.so.0"
#define REEXEC_MARK "BC_UMOCKDEV_REEXEC"

bool bc_umockdev_enter(char **argv, const char **reason)
{
	const char *preload = getenv("LD_PRELOAD");
	char *value;

	if (preload && strstr(preload, "libumockdev-preload"))
		return true;
	if (getenv(REEXEC_MARK)) {
		*reason = "libumockdev-preload.so did not load (is umockdev installed?)";
		return false;
	}

	if (preload && *preload) {
		value = g_strdup_printf("%s:%s", PRELOAD_LIB, preload);
	} else {
		value = g_strdup(PRELOAD_LIB);
	}
	setenv("LD_PRELOAD", value, 1);
	g_free(value);
	setenv(REEXEC_MARK, "1", 1);

	/*
	 * Under AddressSanitizer the preload library comes before libasan in
	 * the load order, which ASan refuses by default; the interceptors
	 * chain correctly all the same.
	 */
	{
		const char *asan = getenv("ASAN_OPTIONS");
		char *opts = g_strdup_printf("%s%sverify_asan_link_order=0", asan ? asan : "",
					     asan && *asan ? ":" : "");

		setenv("ASAN_OPTIONS", opts, 1);
		g_free(opts);
	}

	execv("/proc/self/exe", argv);
	*reason = "could not re-execute under libumockdev-preload.so";
	return false;
}

const char *bc_umockdev_skip_reason;

void bc_umockdev_start(char **argv)
{
	if (!bc_umockdev_enter(argv, &bc_umockdev_skip_reason) && !bc_umockdev_skip_reason)
		bc_umockdev_skip_reason = "umockdev unavailable";
}

void bc_umockdev_skip_if_unavailable(void)
{
	if (bc_umockdev_skip_reason) {
		print_message("skipped: %s\n", bc_umockdev_skip_reason);
		skip();
	}
}

UMockdevTestbed *bc_testbed_new(void)
{
	return umockdev_testbed_new();
}

void bc_testbed_add_node(UMockdevTestbed *tb, const char *name)
{
	char *root = umockdev_testbed_get_root_dir(tb);
	char *path = g_build_filename(root, "dev", name, NULL);
	char *dir = g_path_get_dirname(path);

	g_mkdir_with_parents(dir, 0755);
	g_file_set_contents(path, "", 0, NULL);
	g_free(dir);
	g_free(path);
	g_free(root);
}

char *bc_testbed_add_chardev(UMockdevTestbed *tb, const char *subsystem, const char *name,
			     const char *major_minor, ...)
{
	GPtrArray *attrs = g_ptr_array_new_with_free_func(g_free);
	char *devname = g_strdup_printf("/dev/%s", name);
	char *props[] = { "DEVNAME", devname, NULL };
	char *syspath, *dev_nl;
	const char *key;
	va_list ap;

	g_ptr_array_add(attrs, g_strdup("dev"));
	g_ptr_array_add(attrs, g_strdup(major_minor));
	va_start(ap, major_minor);
	while ((key = va_arg(ap, const char *))) {
		g_ptr_array_add(attrs, g_strdup(key));
		g_ptr_array_add(attrs, g_strdup(va_arg(ap, const char *)));
	}
	va_end(ap);
	g_ptr_array_add(attrs, NULL);

	syspath = umockdev_testbed_add_devicev(tb, subsystem, name, NULL, (gchar **)attrs->pdata,
					       props);
	/* The kernel ends sysfs "dev" with a newline and libgpiod relies on it. */
	dev_nl = g_strdup_printf("%s\n", major_minor);
	umockdev_testbed_set_attribute(tb, syspath, "dev", dev_nl);
	g_free(dev_nl);
	bc_testbed_add_node(tb, name);

	g_ptr_array_free(attrs, TRUE);
	g_free(devname);
	return syspath;
}
