/* SPDX-License-Identifier: MIT */
/*
 * The real I2C backend: Linux i2c-dev (/dev/i2c-N) through libi2c.
 *
 * Single registers go through SMBus "byte data" transfers
 * (i2c_smbus_read_byte_data / i2c_smbus_write_byte_data), which every adapter
 * driver supports, natively or emulated by the kernel. Burst reads (sample
 * registers, FIFO contents) are one combined transaction through I2C_RDWR:
 * a write of the register address, a repeated START, then the read, so that
 * the chip's auto-increment (or FIFO pop) sees one uninterrupted access. An
 * adapter that only speaks SMBus (no I2C_FUNC_I2C) gets SMBus I2C-block reads
 * instead, limited to 32 bytes (max_read_len says so to the driver).
 *
 * No retries here: a NACK or a timeout comes back as the kernel's negative
 * errno and the driver decides (the sensor may just have been unplugged).
 */

/* Includes ---------------------------------------------------------------- */

#include "platform/i2c_bus.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <i2c/smbus.h>
#include <linux/i2c-dev.h>
#include <linux/i2c.h>

/* Definitions ------------------------------------------------------------- */

/* i2c-dev refuses messages longer than this (drivers/i2c/i2c-dev.c). */
#define I2C_DEV_MAX_MSG_LEN 8192u

/* SMBus block transfers carry at most this many data bytes. */
#define SMBUS_BLOCK_MAX I2C_SMBUS_BLOCK_MAX

typedef struct {
	bc_i2c_bus bus; /* what callers hold; ctx points back here */
	int fd;
	int slave_addr;	     /* address last set with I2C_SLAVE, -1 none */
	unsigned long funcs; /* I2C_FUNCS mask of the adapter */
} linux_i2c;

/* Functions --------------------------------------------------------------- */

/* I2C_SLAVE only when the address changes: it is a syscall per call. */
static int select_slave(linux_i2c *li, uint8_t addr)
{
	if (li->slave_addr == addr)
		return 0;
	if (ioctl(li->fd, I2C_SLAVE, (unsigned long)addr) < 0)
		return -errno;
	li->slave_addr = addr;
	return 0;
}

static int rdwr_read(linux_i2c *li, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	struct i2c_msg msgs[2] = {
		{ .addr = addr, .flags = 0, .len = 1, .buf = &reg },
		{ .addr = addr, .flags = I2C_M_RD, .len = (uint16_t)len, .buf = buf },
	};
	struct i2c_rdwr_ioctl_data xfer = { .msgs = msgs, .nmsgs = 2 };
	int ret = ioctl(li->fd, I2C_RDWR, &xfer);

	if (ret < 0)
		return -errno;
	/* The kernel returns how many messages went through; fewer is a short transfer. */
	return ret == 2 ? 0 : -EIO;
}

static int linux_read_regs(void *ctx, uint8_t addr, uint8_t reg, uint8_t *buf, size_t len)
{
	linux_i2c *li = ctx;
	int ret;

	if (len == 0)
		return 0;
	if (li->bus.max_read_len && len > li->bus.max_read_len)
		return -EMSGSIZE;

	if (len > 1 && (li->funcs & I2C_FUNC_I2C))
		return rdwr_read(li, addr, reg, buf, len);

	ret = select_slave(li, addr);
	if (ret < 0)
		return ret;

	if (len == 1 && (li->funcs & I2C_FUNC_SMBUS_READ_BYTE_DATA)) {
		ret = i2c_smbus_read_byte_data(li->fd, reg);
		if (ret < 0)
			return ret;
		buf[0] = (uint8_t)ret;
		return 0;
	}
	if (len == 1 && (li->funcs & I2C_FUNC_I2C))
		return rdwr_read(li, addr, reg, buf, len);

	if (!(li->funcs & I2C_FUNC_SMBUS_READ_I2C_BLOCK))
		return -EOPNOTSUPP;
	ret = i2c_smbus_read_i2c_block_data(li->fd, reg, (uint8_t)len, buf);
	if (ret < 0)
		return ret;
	/* The adapter may deliver fewer bytes than asked: never pass that off as data. */
	return (size_t)ret == len ? 0 : -EIO;
}

static int linux_write_reg(void *ctx, uint8_t addr, uint8_t reg, uint8_t value)
{
	linux_i2c *li = ctx;
	int ret;

	if (!(li->funcs & I2C_FUNC_SMBUS_WRITE_BYTE_DATA)) {
		uint8_t bytes[2] = { reg, value };
		struct i2c_msg msg = { .addr = addr, .flags = 0, .len = 2, .buf = bytes };
		struct i2c_rdwr_ioctl_data xfer = { .msgs = &msg, .nmsgs = 1 };

		if (!(li->funcs & I2C_FUNC_I2C))
			return -EOPNOTSUPP;
		ret = ioctl(li->fd, I2C_RDWR, &xfer);
		if (ret < 0)
			return -errno;
		return ret == 1 ? 0 : -EIO;
	}

	ret = select_slave(li, addr);
	if (ret < 0)
		return ret;
	ret = i2c_smbus_write_byte_data(li->fd, reg, value);
	return ret < 0 ? ret : 0;
}

static void linux_close(void *ctx)
{
	linux_i2c *li = ctx;

	close(li->fd);
	free(li);
}

static const bc_i2c_bus_ops linux_ops = {
	.read_regs = linux_read_regs,
	.write_reg = linux_write_reg,
	.close = linux_close,
};

bc_i2c_bus *bc_i2c_bus_open_linux(int bus_number)
{
	char path[32];
	linux_i2c *li;
	int saved;

	if (bus_number < 0) {
		errno = EINVAL;
		return NULL;
	}
	li = calloc(1, sizeof(*li));
	if (!li)
		return NULL;

	snprintf(path, sizeof(path), "/dev/i2c-%d", bus_number);
	li->fd = open(path, O_RDWR | O_CLOEXEC);
	if (li->fd < 0)
		goto err_free;
	/* Not answering I2C_FUNCS means this is no i2c-dev node. */
	if (ioctl(li->fd, I2C_FUNCS, &li->funcs) < 0) {
		errno = ENODEV;
		goto err_close;
	}
	if (!(li->funcs & (I2C_FUNC_I2C | I2C_FUNC_SMBUS_READ_BYTE_DATA))) {
		errno = ENODEV;
		goto err_close;
	}

	li->slave_addr = -1;
	li->bus.ops = &linux_ops;
	li->bus.ctx = li;
	li->bus.number = bus_number;
	li->bus.max_read_len = (li->funcs & I2C_FUNC_I2C) ? I2C_DEV_MAX_MSG_LEN : SMBUS_BLOCK_MAX;
	return &li->bus;

err_close:
	saved = errno;
	close(li->fd);
	errno = saved;
err_free:
	saved = errno;
	free(li);
	errno = saved;
	return NULL;
}

/* Reads /sys/class/<cls>/i2c-N/name into buf without the newline; 0 or -1. */
static int read_adapter_name(const char *cls, const char *entry, char *buf, size_t size)
{
	char path[300];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/sys/class/%s/%s/name", cls, entry);
	f = fopen(path, "re");
	if (!f)
		return -1;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return 0;
}

/*
 * Scans one sysfs class for the adapter. An exact name match wins over a
 * substring match; among equals the lowest bus number wins, so the answer
 * does not depend on directory order.
 */
static int find_adapter(const char *cls, const char *want)
{
	int exact = -1, partial = -1;
	char dir_path[64];
	struct dirent *de;
	DIR *dir;

	snprintf(dir_path, sizeof(dir_path), "/sys/class/%s", cls);
	dir = opendir(dir_path);
	if (!dir)
		return -1;
	while ((de = readdir(dir))) {
		char name[128], *end;
		long n;

		if (strncmp(de->d_name, "i2c-", 4) != 0)
			continue;
		n = strtol(de->d_name + 4, &end, 10);
		if (*end || n < 0 || n > 0xffff)
			continue;
		if (read_adapter_name(cls, de->d_name, name, sizeof(name)) < 0)
			continue;
		if (strcmp(name, want) == 0 && (exact < 0 || n < exact))
			exact = (int)n;
		else if (strstr(name, want) && (partial < 0 || n < partial))
			partial = (int)n;
	}
	closedir(dir);
	return exact >= 0 ? exact : partial;
}

bc_i2c_bus *bc_i2c_bus_open_linux_by_name(const char *adapter_name)
{
	const char *p;
	int n;

	if (!adapter_name || !*adapter_name) {
		errno = EINVAL;
		return NULL;
	}
	for (p = adapter_name; isdigit((unsigned char)*p); p++)
		;
	if (!*p)
		return bc_i2c_bus_open_linux(atoi(adapter_name));

	/* i2c-dev lists the adapters that have a /dev node; i2c-adapter is the older view. */
	n = find_adapter("i2c-dev", adapter_name);
	if (n < 0)
		n = find_adapter("i2c-adapter", adapter_name);
	if (n < 0) {
		errno = ENOENT;
		return NULL;
	}
	return bc_i2c_bus_open_linux(n);
}
