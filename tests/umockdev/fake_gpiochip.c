/* SPDX-License-Identifier: MIT */
#include "umockdev/fake_gpiochip.h"
#include "umockdev/umockdev_env.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/gpio.h>

typedef enum { LINE_FREE, LINE_HANDLE, LINE_EVENTS } line_state;

typedef struct {
	char name[32];
	char consumer[32];
	line_state state;
	uint32_t handle_flags; /* GPIOHANDLE_REQUEST_* */
	uint32_t event_flags;  /* GPIOEVENT_REQUEST_* */
	int level;	       /* input level the outside drives, or output value */
	unsigned int output_writes;
	int event_sock;			    /* our end of the event socketpair, -1 none */
	UMockdevIoctlClient *handle_client; /* the handle's connection, once accepted */
} fake_line;

struct fake_gpiochip {
	UMockdevTestbed *tb;
	UMockdevIoctlBase *handler;
	GMutex lock;
	int number;
	char chip_node[32];   /* /dev/gpiochipN */
	char handle_node[40]; /* /dev/bc-gpiohandleN */
	char label[32];
	unsigned int num_lines;
	fake_line *lines;
	GQueue pending_handles; /* offsets of handles opened, not yet accepted */
};

/* Forgets requests whose file the program has closed. Lock held. */
static void reap_line(fake_line *l)
{
	if (l->state == LINE_EVENTS) {
		struct pollfd p = { .fd = l->event_sock, .events = POLLOUT };

		if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR))) {
			close(l->event_sock);
			l->event_sock = -1;
			l->state = LINE_FREE;
		}
	} else if (l->state == LINE_HANDLE && l->handle_client &&
		   !umockdev_ioctl_client_get_connected(l->handle_client)) {
		g_object_unref(l->handle_client);
		l->handle_client = NULL;
		l->state = LINE_FREE;
	}
}

static void copy_name(char *dst, const char *src)
{
	memset(dst, 0, 32);
	g_strlcpy(dst, src, 32);
}

static int chip_info(fake_gpiochip *c, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct gpiochip_info),
							   NULL);
	struct gpiochip_info *info;
	char name[32];

	if (!d)
		return EFAULT;
	info = (struct gpiochip_info *)d->data;
	snprintf(name, sizeof(name), "gpiochip%d", c->number);
	copy_name(info->name, name);
	copy_name(info->label, c->label);
	info->lines = c->num_lines;
	return 0;
}

static int line_info(fake_gpiochip *c, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct gpioline_info),
							   NULL);
	struct gpioline_info *info;
	fake_line *l;

	if (!d)
		return EFAULT;
	info = (struct gpioline_info *)d->data;
	if (info->line_offset >= c->num_lines)
		return EINVAL;
	l = &c->lines[info->line_offset];
	reap_line(l);
	info->flags = 0;
	if (l->state != LINE_FREE) {
		info->flags |= GPIOLINE_FLAG_KERNEL; /* "used", as the kernel reports it */
		if (l->handle_flags & GPIOHANDLE_REQUEST_OUTPUT)
			info->flags |= GPIOLINE_FLAG_IS_OUT;
		if (l->handle_flags & GPIOHANDLE_REQUEST_BIAS_PULL_UP)
			info->flags |= GPIOLINE_FLAG_BIAS_PULL_UP;
		if (l->handle_flags & GPIOHANDLE_REQUEST_BIAS_PULL_DOWN)
			info->flags |= GPIOLINE_FLAG_BIAS_PULL_DOWN;
	}
	copy_name(info->name, l->name);
	copy_name(info->consumer, l->state != LINE_FREE ? l->consumer : "");
	return 0;
}

static int line_handle(fake_gpiochip *c, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0,
							   sizeof(struct gpiohandle_request), NULL);
	struct gpiohandle_request *req;
	fake_line *l;
	int fd;

	if (!d)
		return EFAULT;
	req = (struct gpiohandle_request *)d->data;
	/* backcoach requests one line at a time; so does this fake. */
	if (req->lines != 1 || req->lineoffsets[0] >= c->num_lines)
		return EINVAL;
	l = &c->lines[req->lineoffsets[0]];
	reap_line(l);
	if (l->state != LINE_FREE)
		return EBUSY;

	fd = open(c->handle_node, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return errno;
	g_queue_push_tail(&c->pending_handles, GUINT_TO_POINTER(req->lineoffsets[0]));
	l->state = LINE_HANDLE;
	l->handle_flags = req->flags;
	l->event_flags = 0;
	copy_name(l->consumer, req->consumer_label);
	if (req->flags & GPIOHANDLE_REQUEST_OUTPUT)
		l->level = req->default_values[0] ? 1 : 0;
	req->fd = fd;
	return 0;
}

static int line_event(fake_gpiochip *c, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct gpioevent_request),
							   NULL);
	struct gpioevent_request *req;
	fake_line *l;
	int sv[2];

	if (!d)
		return EFAULT;
	req = (struct gpioevent_request *)d->data;
	if (req->lineoffset >= c->num_lines || (req->handleflags & GPIOHANDLE_REQUEST_OUTPUT))
		return EINVAL;
	l = &c->lines[req->lineoffset];
	reap_line(l);
	if (l->state != LINE_FREE)
		return EBUSY;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return errno;
	fcntl(sv[1], F_SETFL, O_NONBLOCK);

	l->state = LINE_EVENTS;
	l->event_sock = sv[1];
	l->handle_flags = req->handleflags | GPIOHANDLE_REQUEST_INPUT;
	l->event_flags = req->eventflags;
	copy_name(l->consumer, req->consumer_label);
	req->fd = sv[0];
	return 0;
}

/* Value ioctls on a handle the program got from GET_LINEHANDLE. */
static int handle_values(fake_gpiochip *c, UMockdevIoctlClient *client, gulong request,
			 UMockdevIoctlData *arg)
{
	UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct gpiohandle_data),
							   NULL);
	guint offset1 = GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(client), "bc-line"));
	struct gpiohandle_data *values;
	fake_line *l;

	if (!d)
		return EFAULT;
	if (offset1 == 0 || offset1 > c->num_lines)
		return EBADF;
	l = &c->lines[offset1 - 1];
	values = (struct gpiohandle_data *)d->data;
	if (request == GPIOHANDLE_GET_LINE_VALUES_IOCTL) {
		values->values[0] = (uint8_t)l->level;
		return 0;
	}
	if (request == GPIOHANDLE_SET_LINE_VALUES_IOCTL) {
		if (!(l->handle_flags & GPIOHANDLE_REQUEST_OUTPUT))
			return EPERM;
		l->level = values->values[0] ? 1 : 0;
		l->output_writes++;
		return 0;
	}
	return ENOTTY;
}

static gboolean on_ioctl(UMockdevIoctlBase *base, UMockdevIoctlClient *client, gpointer user)
{
	fake_gpiochip *c = user;
	gulong request = umockdev_ioctl_client_get_request(client);
	UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
	const char *node = umockdev_ioctl_client_get_devnode(client);
	int err;

	g_mutex_lock(&c->lock);
	if (strcmp(node, c->handle_node) == 0)
		err = handle_values(c, client, request, arg);
	else if (request == GPIO_GET_CHIPINFO_IOCTL)
		err = chip_info(c, arg);
	else if (request == GPIO_GET_LINEINFO_IOCTL)
		err = line_info(c, arg);
	else if (request == GPIO_GET_LINEHANDLE_IOCTL)
		err = line_handle(c, arg);
	else if (request == GPIO_GET_LINEEVENT_IOCTL)
		err = line_event(c, arg);
	else
		err = ENOTTY;
	g_mutex_unlock(&c->lock);

	umockdev_ioctl_client_complete(client, err ? -1 : 0, err);
	return TRUE;
}

/* A handle node connection was accepted: it belongs to the oldest pending handle. */
static void on_client_connected(UMockdevIoctlBase *base, UMockdevIoctlClient *client, gpointer user)
{
	fake_gpiochip *c = user;
	guint offset;

	if (strcmp(umockdev_ioctl_client_get_devnode(client), c->handle_node) != 0)
		return;
	g_mutex_lock(&c->lock);
	if (!g_queue_is_empty(&c->pending_handles)) {
		offset = GPOINTER_TO_UINT(g_queue_pop_head(&c->pending_handles));
		g_object_set_data(G_OBJECT(client), "bc-line", GUINT_TO_POINTER(offset + 1));
		c->lines[offset].handle_client = g_object_ref(client);
	}
	g_mutex_unlock(&c->lock);
}

fake_gpiochip *fake_gpiochip_new(UMockdevTestbed *tb, int chip_number, const char *label,
				 const char *const *names, unsigned int num_lines)
{
	fake_gpiochip *c = g_new0(fake_gpiochip, 1);
	char name[24], major_minor[16], *syspath, *root, *bus_dir, *link, *target;
	unsigned int i;

	c->tb = g_object_ref(tb);
	c->number = chip_number;
	c->num_lines = num_lines;
	c->lines = g_new0(fake_line, num_lines);
	for (i = 0; i < num_lines; i++) {
		c->lines[i].event_sock = -1;
		copy_name(c->lines[i].name, names && names[i] ? names[i] : "");
	}
	copy_name(c->label, label);
	g_mutex_init(&c->lock);
	g_queue_init(&c->pending_handles);

	snprintf(name, sizeof(name), "gpiochip%d", chip_number);
	snprintf(major_minor, sizeof(major_minor), "254:%d", chip_number);
	snprintf(c->chip_node, sizeof(c->chip_node), "/dev/%s", name);
	snprintf(c->handle_node, sizeof(c->handle_node), "/dev/bc-gpiohandle%d", chip_number);
	syspath = bc_testbed_add_chardev(tb, "gpio", name, major_minor, NULL);
	bc_testbed_add_node(tb, c->handle_node + 5);

	/*
	 * libgpiod checks /sys/bus/gpio/devices/<chip>/dev; older umockdev only
	 * makes the class links.
	 */
	root = umockdev_testbed_get_root_dir(tb);
	bus_dir = g_build_filename(root, "sys", "bus", "gpio", "devices", NULL);
	g_mkdir_with_parents(bus_dir, 0755);
	link = g_build_filename(bus_dir, name, NULL);
	target = g_build_filename(root, syspath, NULL);
	if (!g_file_test(link, G_FILE_TEST_EXISTS) && symlink(target, link) < 0)
		g_warning("fake_gpiochip: cannot link %s: %s", link, g_strerror(errno));
	g_free(target);
	g_free(link);
	g_free(bus_dir);
	g_free(root);
	g_free(syspath);

	c->handler = umockdev_ioctl_base_new();
	g_signal_connect(c->handler, "handle-ioctl", G_CALLBACK(on_ioctl), c);
	g_signal_connect(c->handler, "client-connected", G_CALLBACK(on_client_connected), c);
	if (!umockdev_testbed_attach_ioctl(tb, c->chip_node, c->handler, NULL) ||
	    !umockdev_testbed_attach_ioctl(tb, c->handle_node, c->handler, NULL)) {
		fake_gpiochip_free(c);
		return NULL;
	}
	return c;
}

void fake_gpiochip_free(fake_gpiochip *c)
{
	unsigned int i;

	if (!c)
		return;
	umockdev_testbed_detach_ioctl(c->tb, c->chip_node, NULL);
	umockdev_testbed_detach_ioctl(c->tb, c->handle_node, NULL);
	g_object_unref(c->handler);
	for (i = 0; i < c->num_lines; i++) {
		if (c->lines[i].event_sock >= 0)
			close(c->lines[i].event_sock);
		if (c->lines[i].handle_client)
			g_object_unref(c->lines[i].handle_client);
	}
	g_queue_clear(&c->pending_handles);
	g_mutex_clear(&c->lock);
	g_object_unref(c->tb);
	g_free(c->lines);
	g_free(c);
}

int fake_gpiochip_drive(fake_gpiochip *c, unsigned int offset, int level, uint64_t timestamp_ns)
{
	struct gpioevent_data ev;
	fake_line *l;
	int queued = 0;

	if (offset >= c->num_lines)
		return -EINVAL;
	g_mutex_lock(&c->lock);
	l = &c->lines[offset];
	level = level ? 1 : 0;
	reap_line(l);
	if (l->level != level && l->state == LINE_EVENTS) {
		uint32_t want = level ? GPIOEVENT_REQUEST_RISING_EDGE
				      : GPIOEVENT_REQUEST_FALLING_EDGE;

		if (l->event_flags & want) {
			memset(&ev, 0, sizeof(ev));
			ev.timestamp = timestamp_ns;
			ev.id = level ? GPIOEVENT_EVENT_RISING_EDGE : GPIOEVENT_EVENT_FALLING_EDGE;
			queued = send(l->event_sock, &ev, sizeof(ev),
				      MSG_NOSIGNAL | MSG_DONTWAIT) == (ssize_t)sizeof(ev);
		}
	}
	if (!(l->handle_flags & GPIOHANDLE_REQUEST_OUTPUT) || l->state == LINE_FREE)
		l->level = level;
	g_mutex_unlock(&c->lock);
	return queued;
}

int fake_gpiochip_pulse(fake_gpiochip *c, unsigned int offset, uint64_t timestamp_ns)
{
	int up = fake_gpiochip_drive(c, offset, 1, timestamp_ns);
	int down = fake_gpiochip_drive(c, offset, 0, timestamp_ns);

	if (up < 0 || down < 0)
		return -EINVAL;
	return up + down;
}

int fake_gpiochip_output(fake_gpiochip *c, unsigned int offset)
{
	int v = -1;

	if (offset >= c->num_lines)
		return -1;
	g_mutex_lock(&c->lock);
	reap_line(&c->lines[offset]);
	if (c->lines[offset].state == LINE_HANDLE &&
	    (c->lines[offset].handle_flags & GPIOHANDLE_REQUEST_OUTPUT))
		v = c->lines[offset].level;
	g_mutex_unlock(&c->lock);
	return v;
}

unsigned int fake_gpiochip_output_writes(fake_gpiochip *c, unsigned int offset)
{
	unsigned int n;

	if (offset >= c->num_lines)
		return 0;
	g_mutex_lock(&c->lock);
	n = c->lines[offset].output_writes;
	g_mutex_unlock(&c->lock);
	return n;
}

bool fake_gpiochip_requested(fake_gpiochip *c, unsigned int offset, char *consumer, size_t size)
{
	bool used;

	if (offset >= c->num_lines)
		return false;
	g_mutex_lock(&c->lock);
	reap_line(&c->lines[offset]);
	used = c->lines[offset].state != LINE_FREE;
	if (consumer && size)
		g_strlcpy(consumer, used ? c->lines[offset].consumer : "", size);
	g_mutex_unlock(&c->lock);
	return used;
}

uint32_t fake_gpiochip_request_flags(fake_gpiochip *c, unsigned int offset)
{
	uint32_t flags;

	if (offset >= c->num_lines)
		return 0;
	g_mutex_lock(&c->lock);
	flags = c->lines[offset].state != LINE_FREE ? c->lines[offset].handle_flags : 0;
	g_mutex_unlock(&c->lock);
	return flags;
}
