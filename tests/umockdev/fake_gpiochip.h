/* SPDX-License-Identifier: MIT */
/*
 * A fake /dev/gpiochipN in a umockdev testbed, speaking the GPIO character
 * device uAPI v1 that libgpiod 1.6 uses: GPIO_GET_CHIPINFO_IOCTL,
 * GPIO_GET_LINEINFO_IOCTL, GPIO_GET_LINEHANDLE_IOCTL (+ the handle's
 * GET/SET_LINE_VALUES) and GPIO_GET_LINEEVENT_IOCTL.
 *
 * How the file descriptors the kernel would create are faked:
 *  - an event request gets one end of a SOCK_SEQPACKET socketpair; the test
 *    writes struct gpioevent_data records (kernel timestamp + edge id) into
 *    the other end, so poll() and read() on it behave as on the kernel's
 *    line-event file, including timeouts;
 *  - a line handle is a second emulated node (/dev/bc-gpiohandleN) opened
 *    from the handler, so its value ioctls come back here too.
 * Both handlers and the test share this process; a mutex orders them.
 */
#ifndef BC_FAKE_GPIOCHIP_H
#define BC_FAKE_GPIOCHIP_H

#include <stdbool.h>
#include <stdint.h>

#include <umockdev.h>

typedef struct fake_gpiochip fake_gpiochip;

/*
 * /dev/gpiochip<chip_number> with the given label and num_lines lines named
 * by names[] (NULL or "" for an unnamed line; names may be NULL).
 */
fake_gpiochip *fake_gpiochip_new(UMockdevTestbed *tb, int chip_number, const char *label,
				 const char *const *names, unsigned int num_lines);
void fake_gpiochip_free(fake_gpiochip *c);

/*
 * Drives an input line to level (0/1) as the outside world would. If the
 * level changes and the line is requested for that edge, an event stamped
 * timestamp_ns (CLOCK_MONOTONIC) is queued. Returns 1 if an event was
 * queued, 0 if not, -EINVAL for a bad offset.
 */
int fake_gpiochip_drive(fake_gpiochip *c, unsigned int offset, int level, uint64_t timestamp_ns);

/* A data-ready pulse: high then low again, both at timestamp_ns. */
int fake_gpiochip_pulse(fake_gpiochip *c, unsigned int offset, uint64_t timestamp_ns);

/* The value the program drives an output line to; -1 if it is no output. */
int fake_gpiochip_output(fake_gpiochip *c, unsigned int offset);

/* How many times the program set the output (SET_LINE_VALUES ioctls). */
unsigned int fake_gpiochip_output_writes(fake_gpiochip *c, unsigned int offset);

/* Whether the line is requested, and by whom (consumer copied into buf). */
bool fake_gpiochip_requested(fake_gpiochip *c, unsigned int offset, char *consumer, size_t size);

/* The GPIOHANDLE_REQUEST_* flags of the current request (bias, direction). */
uint32_t fake_gpiochip_request_flags(fake_gpiochip *c, unsigned int offset);

#endif /* BC_FAKE_GPIOCHIP_H */
