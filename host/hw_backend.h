/* SPDX-License-Identifier: MIT */
/*
 * Layer: host (the top: may use everything below).
 *
 * The one place where the commands reach the real hardware backends (Linux
 * i2c-dev, libgpiod) and open the live sensor. Everything else talks to the
 * seams (i2c_bus.h, gpio_line.h, sample_source.h); this file says which
 * implementation is behind them, and turns the layers' error codes into the
 * messages people read.
 */
#ifndef BC_HW_BACKEND_H
#define BC_HW_BACKEND_H

#include <stddef.h>

#include "drivers/imu_reader.h"
#include "drivers/live_source.h"
#include "platform/gpio_line.h"
#include "platform/i2c_bus.h"
#include "platform/sample_source.h"

typedef struct {
	/* /dev/i2c-N; NULL with a message in err. */
	bc_i2c_bus *(*i2c_open)(int bus_number, char *err, size_t err_size);
	void (*i2c_close)(bc_i2c_bus *bus);
	/* A GPIO input with edges by line name; NULL + errno. */
	bc_gpio_line *(*gpio_input_open)(const char *line_name, const char *consumer);
	void (*gpio_close)(bc_gpio_line *line);
	/* Hooks for the IMU reader over a data-ready line. */
	int (*gpio_wait_edge)(bc_gpio_line *line, int timeout_ms, bc_gpio_edge *edge);
} bc_hw_backend;

extern const bc_hw_backend bc_hw;

/*
 * The sensor's data-ready line as hw/wiring.md wires it: header pin 11, which
 * the Raspberry Pi's device tree names "GPIO17".
 */
#define BC_HW_DEFAULT_DRDY_LINE "GPIO17"

/* The IMU reader's hooks: rising edges of line (kernel timestamps), system clock. */
bc_imu_hooks bc_hw_data_ready_hooks(bc_gpio_line *line);

/*
 * Opens the live sensor on config->bus (address config->reader.address, 0 =
 * probe): finds the chip, starts it, and returns it as a sample source. NULL
 * with a message in err ("no IMU found ...", "MPU-6050 at 0x68:
 * initialisation failed: ..."); the bus then stays the caller's.
 */
bc_sample_source *bc_hw_live_source_open(const bc_live_source_config *config, char *err,
					 size_t err_size);

#endif /* BC_HW_BACKEND_H */
