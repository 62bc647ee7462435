/* SPDX-License-Identifier: MIT */
#include "umockdev/fake_i2c.h"
#include "umockdev/umockdev_env.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <linux/i2c-dev.h>

struct fake_i2c {
	UMockdevTestbed *tb;
	UMockdevIoctlBase *handler;
	char devnode[32];
	unsigned long funcs;
	bc_i2c_bus *target;
	GMutex lock;
	bool present;
	int fail_count, fail_errno;
	int short_count;
	unsigned int transfers, rdwr_transfers;
	uint8_t reg_ptr[128]; /* each address's register pointer, for bare reads */
};

/* The address set with I2C_SLAVE on this open file; -1 none yet. */
static int client_addr(UMockdevIoctlClient *client)
{
	return GPOINTER_TO_INT(g_object_get_data(G_OBJECT(client), "bc-i2c-addr")) - 1;
}

/* 0, or the errno an injected fault or the missing sensor gives. Lock held. */
static int transfer_fault(fake_i2c *f)
{
	f->transfers++;
	if (f->fail_count > 0) {
		f->fail_count--;
		return f->fail_errno;
	}
	return f->present ? 0 : EREMOTEIO;
}

static int target_read(fake_i2c *f, int addr, uint8_t reg, uint8_t *buf, size_t len)
{
	int ret = f->target->ops->read_regs(f->target->ctx, (uint8_t)addr, reg, buf, len);

	return ret < 0 ? -ret : 0;
}

static int target_write(fake_i2c *f, int addr, uint8_t reg, const uint8_t *buf, size_t len)
{
	size_t i;

	/* Consecutive bytes go to consecutive registers (auto-increment). */
	for (i = 0; i < len; i++) {
		int ret = f->target->ops->write_reg(f->target->ctx, (uint8_t)addr,
						    (uint8_t)(reg + i), buf[i]);
		if (ret < 0)
			return -ret;
	}
	return 0;
}

static int do_smbus(fake_i2c *f, UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
	struct i2c_smbus_ioctl_data *s;
	union i2c_smbus_data *data = NULL;
	UMockdevIoctlData *d, *dd;
	int addr = client_addr(client);
	int err;
	uint8_t n;

	d = umockdev_ioctl_data_resolve(arg, 0, sizeof(*s), NULL);
	if (!d)
		return EFAULT;
	s = (struct i2c_smbus_ioctl_data *)d->data;
	if (s->size != I2C_SMBUS_QUICK) {
		dd = umockdev_ioctl_data_resolve(d, offsetof(struct i2c_smbus_ioctl_data, data),
						 sizeof(*data), NULL);
		if (!dd)
			return EFAULT;
		data = (union i2c_smbus_data *)dd->data;
	}
	if (addr < 0)
		return ENXIO;
	err = transfer_fault(f);
	if (err)
		return err;

	switch (s->size) {
	case I2C_SMBUS_QUICK:
		/* A probe: the address ACKs if the target answers a read. */
		return target_read(f, addr, 0, &n, 1);
	case I2C_SMBUS_BYTE_DATA:
		if (s->read_write == I2C_SMBUS_READ)
			return target_read(f, addr, s->command, &data->byte, 1);
		return target_write(f, addr, s->command, &data->byte, 1);
	case I2C_SMBUS_WORD_DATA: {
		uint8_t w[2] = { (uint8_t)(data->word & 0xff), (uint8_t)(data->word >> 8) };

		if (s->read_write == I2C_SMBUS_WRITE)
			return target_write(f, addr, s->command, w, 2);
		err = target_read(f, addr, s->command, w, 2);
		data->word = (uint16_t)(w[0] | w[1] << 8);
		return err;
	}
	case I2C_SMBUS_I2C_BLOCK_BROKEN:
	case I2C_SMBUS_I2C_BLOCK_DATA:
		n = data->block[0];
		if (n == 0 || n > I2C_SMBUS_BLOCK_MAX)
			return EINVAL;
		if (s->read_write == I2C_SMBUS_WRITE)
			return target_write(f, addr, s->command, &data->block[1], n);
		return target_read(f, addr, s->command, &data->block[1], n);
	default:
		return EINVAL;
	}
}

/* Returns messages done (>= 0), or -errno. */
static long do_rdwr(fake_i2c *f, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *d, *md, *bufs[I2C_RDWR_IOCTL_MAX_MSGS] = { 0 };
	struct i2c_rdwr_ioctl_data *rd;
	struct i2c_msg *msgs;
	unsigned int i, n, done;
	int err;

	d = umockdev_ioctl_data_resolve(arg, 0, sizeof(*rd), NULL);
	if (!d)
		return -EFAULT;
	rd = (struct i2c_rdwr_ioctl_data *)d->data;
	n = rd->nmsgs;
	if (n == 0 || n > I2C_RDWR_IOCTL_MAX_MSGS)
		return -EINVAL;
	md = umockdev_ioctl_data_resolve(d, offsetof(struct i2c_rdwr_ioctl_data, msgs),
					 n * sizeof(struct i2c_msg), NULL);
	if (!md)
		return -EFAULT;
	msgs = (struct i2c_msg *)md->data;
	for (i = 0; i < n; i++) {
		if (msgs[i].len > 8192 || (msgs[i].flags & I2C_M_TEN))
			return -EINVAL;
		if (msgs[i].len == 0)
			continue;
		bufs[i] = umockdev_ioctl_data_resolve(
			md, i * sizeof(struct i2c_msg) + offsetof(struct i2c_msg, buf), msgs[i].len,
			NULL);
		if (!bufs[i])
			return -EFAULT;
	}

	f->rdwr_transfers++;
	err = transfer_fault(f);
	if (err)
		return -err;
	done = n;
	if (f->short_count > 0) {
		f->short_count--;
		done = n - 1;
	}
	for (i = 0; i < done; i++) {
		uint16_t addr = msgs[i].addr;
		uint8_t *buf = bufs[i] ? bufs[i]->data : NULL;

		if (addr > 0x7f)
			return -EINVAL;
		if (msgs[i].flags & I2C_M_RD) {
			err = target_read(f, addr, f->reg_ptr[addr], buf, msgs[i].len);
		} else if (msgs[i].len == 0) {
			uint8_t probe;

			err = target_read(f, addr, 0, &probe, 1);
		} else {
			/* First byte sets the register pointer, the rest are written. */
			f->reg_ptr[addr] = buf[0];
			err = target_write(f, addr, buf[0], buf + 1, msgs[i].len - 1u);
		}
		if (err)
			return -err;
	}
	return done;
}

static gboolean on_ioctl(UMockdevIoctlBase *base, UMockdevIoctlClient *client, gpointer user)
{
	fake_i2c *f = user;
	gulong request = umockdev_ioctl_client_get_request(client);
	UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
	UMockdevIoctlData *d;
	long ret = 0;
	int err = 0;

	g_mutex_lock(&f->lock);
	switch (request) {
	case I2C_FUNCS:
		d = umockdev_ioctl_data_resolve(arg, 0, sizeof(unsigned long), NULL);
		if (d)
			memcpy(d->data, &f->funcs, sizeof(f->funcs));
		else
			err = EFAULT;
		break;
	case I2C_SLAVE:
	case I2C_SLAVE_FORCE: {
		unsigned long addr;

		memcpy(&addr, arg->data, sizeof(addr));
		if (addr > 0x7f)
			err = EINVAL;
		else
			g_object_set_data(G_OBJECT(client), "bc-i2c-addr",
					  GINT_TO_POINTER((int)addr + 1));
		break;
	}
	case I2C_SMBUS:
		err = do_smbus(f, client, arg);
		break;
	case I2C_RDWR:
		ret = do_rdwr(f, arg);
		if (ret < 0) {
			err = (int)-ret;
		}
		break;
	default:
		err = ENOTTY;
		break;
	}
	g_mutex_unlock(&f->lock);

	umockdev_ioctl_client_complete(client, err ? -1 : ret, err);
	return TRUE;
}

fake_i2c *fake_i2c_new(UMockdevTestbed *tb, int bus_number, const char *adapter_name,
		       unsigned long funcs, bc_i2c_bus *target)
{
	fake_i2c *f = g_new0(fake_i2c, 1);
	char name[16], major_minor[16];
	char *syspath;

	snprintf(name, sizeof(name), "i2c-%d", bus_number);
	snprintf(major_minor, sizeof(major_minor), "89:%d", bus_number);
	snprintf(f->devnode, sizeof(f->devnode), "/dev/%s", name);
	syspath = bc_testbed_add_chardev(tb, "i2c-dev", name, major_minor, "name", adapter_name,
					 NULL);
	g_free(syspath);

	g_mutex_init(&f->lock);
	f->tb = g_object_ref(tb);
	f->funcs = funcs;
	f->target = target;
	f->present = true;
	f->handler = umockdev_ioctl_base_new();
	g_signal_connect(f->handler, "handle-ioctl", G_CALLBACK(on_ioctl), f);
	if (!umockdev_testbed_attach_ioctl(tb, f->devnode, f->handler, NULL)) {
		fake_i2c_free(f);
		return NULL;
	}
	return f;
}

void fake_i2c_free(fake_i2c *f)
{
	if (!f)
		return;
	umockdev_testbed_detach_ioctl(f->tb, f->devnode, NULL);
	g_object_unref(f->handler);
	g_object_unref(f->tb);
	g_mutex_clear(&f->lock);
	g_free(f);
}

void fake_i2c_fail_next(fake_i2c *f, int transfers, int err)
{
	g_mutex_lock(&f->lock);
	f->fail_count = transfers;
	f->fail_errno = err;
	g_mutex_unlock(&f->lock);
}

void fake_i2c_short_next(fake_i2c *f, int transfers)
{
	g_mutex_lock(&f->lock);
	f->short_count = transfers;
	g_mutex_unlock(&f->lock);
}

void fake_i2c_set_present(fake_i2c *f, bool present)
{
	g_mutex_lock(&f->lock);
	f->present = present;
	g_mutex_unlock(&f->lock);
}

void fake_i2c_lock(fake_i2c *f)
{
	g_mutex_lock(&f->lock);
}

void fake_i2c_unlock(fake_i2c *f)
{
	g_mutex_unlock(&f->lock);
}

unsigned int fake_i2c_transfers(fake_i2c *f)
{
	unsigned int n;

	g_mutex_lock(&f->lock);
	n = f->transfers;
	g_mutex_unlock(&f->lock);
	return n;
}

unsigned int fake_i2c_rdwr_transfers(fake_i2c *f)
{
	unsigned int n;

	g_mutex_lock(&f->lock);
	n = f->rdwr_transfers;
	g_mutex_unlock(&f->lock);
	return n;
}
