/* SPDX-License-Identifier: MIT */
/*
 * The real GPIO backend (libgpiod, through firmware/platform/gpio_line.h)
 * against fake /dev/gpiochipN in a umockdev testbed: lines found by name
 * across chips, edges arriving with the kernel's timestamps, timeouts,
 * pull-ups for buttons, an output for the buzzer, busy and released lines.
 */
#include "support/test_support.h"
#include "umockdev/fake_gpiochip.h"
#include "umockdev/umockdev_env.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/gpio.h>

#include "platform/gpio_line.h"

#define PI_LINES 54
#define CONSUMER "backcoach-test"

typedef struct {
	UMockdevTestbed *tb;
	fake_gpiochip *pi, *exp, *extra;
} fixture;

/* Line names as the Raspberry Pi device tree gives them (gpiochip0). */
static void pi_line_names(char names[PI_LINES][16], const char *ptrs[PI_LINES])
{
	int i;

	for (i = 0; i < PI_LINES; i++) {
		if (i == 0)
			strcpy(names[i], "ID_SDA");
		else if (i == 1)
			strcpy(names[i], "ID_SCL");
		else if (i == 2)
			strcpy(names[i], "SDA1");
		else if (i == 3)
			strcpy(names[i], "SCL1");
		else if (i < 28)
			snprintf(names[i], sizeof(names[i]), "GPIO%d", i);
		else
			names[i][0] = '\0'; /* internal lines: unnamed here */
		ptrs[i] = names[i];
	}
}

static int group_setup(void **state)
{
	static const char *exp_names[] = { "BT_ON",	    "WL_ON",
					   "PWR_LED_OFF",   "GLOBAL_RESET",
					   "VDD_SD_IO_SEL", "CAM_GPIO",
					   "SD_PWR_ON",	    "" };
	static const char *extra_names[] = { "", "", "", "IMU_INT", "", "", "", "" };
	char names[PI_LINES][16];
	const char *ptrs[PI_LINES];
	fixture *fx;

	if (bc_umockdev_skip_reason)
		return 0;
	fx = g_new0(fixture, 1);
	fx->tb = bc_testbed_new();
	pi_line_names(names, ptrs);
	fx->pi = fake_gpiochip_new(fx->tb, 0, "pinctrl-bcm2835", ptrs, PI_LINES);
	fx->exp = fake_gpiochip_new(fx->tb, 1, "raspberrypi-exp-gpio", exp_names, 8);
	fx->extra = fake_gpiochip_new(fx->tb, 2, "test-expander", extra_names, 8);
	if (!fx->pi || !fx->exp || !fx->extra)
		return -1;
	*state = fx;
	return 0;
}

static int group_teardown(void **state)
{
	fixture *fx = *state;

	if (!fx)
		return 0;
	fake_gpiochip_free(fx->pi);
	fake_gpiochip_free(fx->exp);
	fake_gpiochip_free(fx->extra);
	g_object_unref(fx->tb);
	g_free(fx);
	return 0;
}

static double elapsed_ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static void test_line_found_by_name(void **state)
{
	fixture *fx = *state;
	char consumer[32];
	bc_gpio_line *line;

	bc_umockdev_skip_if_unavailable();
	line = bc_gpio_input_open("GPIO17", CONSUMER);
	assert_non_null(line);
	assert_string_equal(bc_gpio_chip_label(line), "pinctrl-bcm2835");
	assert_int_equal(bc_gpio_offset(line), 17);
	assert_true(fake_gpiochip_requested(fx->pi, 17, consumer, sizeof(consumer)));
	assert_string_equal(consumer, CONSUMER);
	bc_gpio_close(line);
}

static void test_line_found_on_a_later_chip(void **state)
{
	bc_gpio_line *line;

	bc_umockdev_skip_if_unavailable();
	line = bc_gpio_input_open("IMU_INT", CONSUMER);
	assert_non_null(line);
	assert_string_equal(bc_gpio_chip_label(line), "test-expander");
	assert_int_equal(bc_gpio_offset(line), 3);
	bc_gpio_close(line);
}

static void test_chip_qualified_names(void **state)
{
	bc_gpio_line *line;

	bc_umockdev_skip_if_unavailable();
	line = bc_gpio_input_open("test-expander:5", CONSUMER);
	assert_non_null(line);
	assert_int_equal(bc_gpio_offset(line), 5);
	bc_gpio_close(line);

	line = bc_gpio_input_open("gpiochip0:GPIO22", CONSUMER);
	assert_non_null(line);
	assert_string_equal(bc_gpio_chip_label(line), "pinctrl-bcm2835");
	assert_int_equal(bc_gpio_offset(line), 22);
	bc_gpio_close(line);
}

static void test_unknown_lines_are_enoent(void **state)
{
	bc_umockdev_skip_if_unavailable();
	errno = 0;
	assert_null(bc_gpio_input_open("GPIO99", CONSUMER));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(bc_gpio_input_open("no-such-chip:3", CONSUMER));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(bc_gpio_input_open("pinctrl-bcm2835:99", CONSUMER));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(bc_gpio_input_open("", CONSUMER));
	assert_int_equal(errno, EINVAL);
}

static void test_rising_edges_keep_kernel_timestamps(void **state)
{
	fixture *fx = *state;
	const uint64_t t0_ns = 5000000000ull;
	struct timespec before, after;
	bc_gpio_edge edge;
	bc_gpio_line *line;
	int i;

	bc_umockdev_skip_if_unavailable();
	line = bc_gpio_input_open("GPIO17", CONSUMER);
	assert_non_null(line);
	/* Three data-ready pulses 10 ms apart, read back in order, stamps intact. */
	for (i = 0; i < 3; i++)
		assert_int_equal(fake_gpiochip_pulse(fx->pi, 17, t0_ns + (uint64_t)i * 10000000u),
				 1);
	for (i = 0; i < 3; i++) {
		memset(&edge, 0, sizeof(edge));
		assert_int_equal(bc_gpio_wait_edge(line, 100, &edge), 1);
		assert_true(edge.rising);
		assert_true(edge.timestamp_ns == t0_ns + (uint64_t)i * 10000000u);
	}
	/* Nothing more: the wait must time out, not block or invent an edge. */
	clock_gettime(CLOCK_MONOTONIC, &before);
	assert_int_equal(bc_gpio_wait_edge(line, 30, &edge), 0);
	clock_gettime(CLOCK_MONOTONIC, &after);
	assert_true(elapsed_ms(&before, &after) >= 25.0);
	assert_int_equal(bc_gpio_wait_edge(line, 0, &edge), 0);
	bc_gpio_close(line);
}

static void test_button_falling_edges_with_pull_up(void **state)
{
	fixture *fx = *state;
	bc_gpio_edge edge;
	bc_gpio_line *line;

	bc_umockdev_skip_if_unavailable();
	fake_gpiochip_drive(fx->pi, 5, 1, 1); /* idle high, as the pull-up holds it */
	line = bc_gpio_input_open_edges("GPIO5", CONSUMER, BC_GPIO_EDGE_FALLING,
					BC_GPIO_BIAS_PULL_UP);
	assert_non_null(line);
	assert_true(fake_gpiochip_request_flags(fx->pi, 5) & GPIOHANDLE_REQUEST_BIAS_PULL_UP);
	assert_int_equal(fake_gpiochip_drive(fx->pi, 5, 0, 2000), 1); /* press */
	assert_int_equal(fake_gpiochip_drive(fx->pi, 5, 1, 3000), 0); /* release: not asked for */
	assert_int_equal(bc_gpio_wait_edge(line, 100, &edge), 1);
	assert_false(edge.rising);
	assert_true(edge.timestamp_ns == 2000);
	assert_int_equal(bc_gpio_wait_edge(line, 0, &edge), 0);
	bc_gpio_close(line);

	line = bc_gpio_input_open_edges("GPIO6", CONSUMER, BC_GPIO_EDGE_BOTH, BC_GPIO_BIAS_AS_IS);
	assert_non_null(line);
	fake_gpiochip_drive(fx->pi, 6, 1, 10);
	fake_gpiochip_drive(fx->pi, 6, 0, 20);
	assert_int_equal(bc_gpio_wait_edge(line, 100, &edge), 1);
	assert_true(edge.rising && edge.timestamp_ns == 10);
	assert_int_equal(bc_gpio_wait_edge(line, 100, &edge), 1);
	assert_true(!edge.rising && edge.timestamp_ns == 20);
	bc_gpio_close(line);
}

static void test_edge_fd_polls_readable(void **state)
{
	fixture *fx = *state;
	struct pollfd p;
	bc_gpio_edge edge;
	bc_gpio_line *line;

	bc_umockdev_skip_if_unavailable();
	line = bc_gpio_input_open("GPIO13", CONSUMER);
	assert_non_null(line);
	p.fd = bc_gpio_fd(line);
	p.events = POLLIN;
	assert_true(p.fd >= 0);
	assert_int_equal(poll(&p, 1, 0), 0);
	fake_gpiochip_pulse(fx->pi, 13, 42);
	assert_int_equal(poll(&p, 1, 100), 1);
	assert_int_equal(bc_gpio_wait_edge(line, 0, &edge), 1);
	assert_true(edge.timestamp_ns == 42);
	bc_gpio_close(line);
}

static void test_output_drives_the_buzzer_line(void **state)
{
	fixture *fx = *state;
	bc_gpio_edge edge;
	bc_gpio_line *line;

	bc_umockdev_skip_if_unavailable();
	line = bc_gpio_output_open("GPIO18", CONSUMER, 0);
	assert_non_null(line);
	assert_int_equal(fake_gpiochip_output(fx->pi, 18), 0);
	assert_int_equal(bc_gpio_set(line, 1), 0);
	assert_int_equal(fake_gpiochip_output(fx->pi, 18), 1);
	assert_int_equal(bc_gpio_get(line), 1);
	assert_int_equal(bc_gpio_set(line, 0), 0);
	assert_int_equal(fake_gpiochip_output(fx->pi, 18), 0);
	assert_int_equal(fake_gpiochip_output_writes(fx->pi, 18), 2);
	/* An output has no edges to wait for. */
	assert_int_equal(bc_gpio_wait_edge(line, 0, &edge), -EINVAL);
	assert_int_equal(bc_gpio_fd(line), -1);
	bc_gpio_close(line);

	line = bc_gpio_output_open("GPIO23", CONSUMER, 1);
	assert_non_null(line);
	assert_int_equal(fake_gpiochip_output(fx->pi, 23), 1);
	bc_gpio_close(line);
}

static void test_busy_line_then_released(void **state)
{
	bc_gpio_line *first, *second;

	bc_umockdev_skip_if_unavailable();
	first = bc_gpio_input_open("GPIO27", CONSUMER);
	assert_non_null(first);
	errno = 0;
	second = bc_gpio_input_open("GPIO27", "someone-else");
	assert_null(second);
	assert_int_equal(errno, EBUSY);
	bc_gpio_close(first);
	/* Closing gives the line back: a restarted coach can take it again. */
	second = bc_gpio_input_open("GPIO27", CONSUMER);
	assert_non_null(second);
	bc_gpio_close(second);
	bc_gpio_close(NULL);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_found_by_name),
		cmocka_unit_test(test_line_found_on_a_later_chip),
		cmocka_unit_test(test_chip_qualified_names),
		cmocka_unit_test(test_unknown_lines_are_enoent),
		cmocka_unit_test(test_rising_edges_keep_kernel_timestamps),
		cmocka_unit_test(test_button_falling_edges_with_pull_up),
		cmocka_unit_test(test_edge_fd_polls_readable),
		cmocka_unit_test(test_output_drives_the_buzzer_line),
		cmocka_unit_test(test_busy_line_then_released),
	};

	(void)argc;
	bc_umockdev_start(argv);
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
