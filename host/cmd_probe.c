/* SPDX-License-Identifier: MIT */
/*
 * backcoach probe [--bus N] [--all]
 *
 * What is on the I2C bus, like i2cdetect but naming the IMUs: every known
 * IMU address is identified by its ID register (two chips share 0x68); with
 * --all every other address that acknowledges is listed too. A 9-axis part's
 * magnetometer (AK8963, AK09916) shows at 0x0c only while the part's I2C
 * bypass is on (after backcoach has configured it); it is named when it
 * answers. The data-ready line (--int, default GPIO17) is looked up the way
 * run and record open it (live_sensor.h), and said found or not. Exit status 0
 * when an IMU was found, 1 when none (or the bus cannot be opened), 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli_options.h"
#include "commands.h"
#include "drivers/ak_magnetometer.h"
#include "drivers/imu_probe.h"
#include "hw_backend.h"
#include "live_sensor.h"

/* Addresses i2cdetect scans by default (0x03..0x77 minus reserved ones). */
#define FIRST_ADDR 0x08
#define LAST_ADDR  0x77

/* The Raspberry Pi header's I2C bus. */
#define DEFAULT_BUS 1

enum { OPT_BUS, OPT_ALL, OPT_INT };

static const bc_cli_option options[] = {
	{ "bus", "N", "the I2C bus, /dev/i2c-N (default 1, the Raspberry Pi header)", OPT_BUS },
	{ "all", NULL, "also list other devices that answer (reads register 0 of each)", OPT_ALL },
	{ "int", "LINE", "the data-ready GPIO line to look for (default GPIO17, header pin 11)",
	  OPT_INT },
	{ NULL, NULL, NULL, 0 },
};

static const bc_cli_command command = {
	.name = "probe",
	.synopsis = "[--bus N] [--all] [--int LINE]",
	.about = "Finds the IMUs on an I2C bus and names them (MPU-6050/6500/9250,\n"
		 "ICM-20948, ICM-42688-P, LSM6DS3, LSM6DSOX) by their ID registers.",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.exit_status = "0 an IMU found, 1 none (or the bus cannot be opened), 2 usage error",
};

/* The command line, checked. */
typedef struct {
	int bus_number; /* /dev/i2c-N */
	bool all;
	const char *drdy_line;
} probe_options;

/* Parses argv into o; exits on --help (0) and on a usage error (2). */
static void parse_options(int argc, char **argv, probe_options *o)
{
	*o = (probe_options){ .bus_number = DEFAULT_BUS,
			      .all = false,
			      .drdy_line = BC_HW_DEFAULT_DRDY_LINE };
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	for (int id; (id = bc_cli_next_option(&p, &value)) != BC_CLI_END;) {
		switch (id) {
		case OPT_BUS:
			o->bus_number = (int)bc_cli_integer(&command, "bus", value, 0, 255);
			break;
		case OPT_ALL:
			o->all = true;
			break;
		case OPT_INT:
			o->drdy_line = value;
			break;
		}
	}
	bc_cli_arguments(&p, NULL);
}

/* The magnetometer at addr, or NULL (read-only: probes ID registers). */
static const bc_ak_variant *magnetometer_at(bc_i2c_bus *bus, uint8_t addr)
{
	/* AK09916 first: its WIA1 at 0x00 reads 0x48 like the AK8963's WIA */
	static const bc_ak_variant *const known[] = { &bc_ak09916_variant, &bc_ak8963_variant };
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		bc_ak_mag mag;
		bc_ak_mag_attach(&mag, bus, addr, known[i], NULL, NULL);
		if (bc_ak_mag_probe(&mag) == 1)
			return known[i];
	}
	return NULL;
}

static bool is_imu_address(uint8_t addr)
{
	for (size_t i = 0; i < bc_imu_probe_table_size; i++)
		if (bc_imu_probe_table[i].addr == addr)
			return true;
	return false;
}

/* The data-ready line as run and record would open it. */
static void print_data_ready(const probe_options *o)
{
	bc_live_sensor_options lo = bc_live_sensor_options_default();
	lo.bus_number = o->bus_number;
	lo.drdy_line = o->drdy_line;
	bc_live_sensor ls;
	bc_live_sensor_init(&ls, &lo);
	if (ls.drdy)
		printf("data-ready line %s: found (the sensor's INT paces the reads)\n",
		       o->drdy_line);
	else
		printf("%s\n", ls.drdy_note);
	bc_live_sensor_free(&ls);
}

int cmd_probe(int argc, char **argv)
{
	probe_options o;
	parse_options(argc, argv, &o);
	int bus_number = o.bus_number;

	char err[256];
	bc_i2c_bus *bus = bc_hw.i2c_open(bus_number, err, sizeof(err));
	if (!bus) {
		fprintf(stderr, "backcoach probe: %s\n", err);
		return BC_EXIT_FAILURE;
	}
	printf("i2c-%d:\n", bus_number);
	int imus = 0;
	for (int a = FIRST_ADDR; a <= LAST_ADDR; a++) {
		uint8_t addr = (uint8_t)a, byte;
		const bc_imu_variant *v;
		if (is_imu_address(addr)) {
			int rc = bc_imu_probe_address(bus, addr, &v);
			if (rc == 1) {
				printf("  0x%02x  %-10s (register 0x%02x reads 0x%02x)\n", addr,
				       v->name, v->id_reg, v->id_value);
				imus++;
				continue;
			}
			if (rc == 0) {
				printf("  0x%02x  unknown device at an IMU address\n", addr);
				continue;
			}
		}
		const bc_ak_variant *mag = addr == BC_AK_ADDR ? magnetometer_at(bus, addr) : NULL;
		if (mag) {
			printf("  0x%02x  %-10s (magnetometer; register 0x%02x reads 0x%02x)\n",
			       addr, mag->name, mag->id_reg, mag->id_value);
			continue;
		}
		if (o.all && bc_i2c_read(bus, addr, 0x00, &byte, 1) == 0)
			printf("  0x%02x  device (not an IMU we know)\n", addr);
	}
	if (!imus)
		printf("  no IMU found\n");
	bc_hw.i2c_close(bus);
	print_data_ready(&o);
	return imus ? BC_EXIT_OK : BC_EXIT_FAILURE;
}
