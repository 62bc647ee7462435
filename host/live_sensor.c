/* SPDX-License-Identifier: MIT */
/* Opening the live sensor the same way everywhere: see live_sensor.h. */
#include "live_sensor.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "drivers/imu_probe.h"
#include "drivers/live_source.h"
#include "hw_backend.h"

#define DEFAULT_BUS 1 /* the Raspberry Pi header's I2C bus */

bc_live_sensor_options bc_live_sensor_options_default(void)
{
	return (bc_live_sensor_options){ .bus_number = DEFAULT_BUS,
					 .reader = bc_imu_reader_settings_default,
					 .drdy_line = BC_HW_DEFAULT_DRDY_LINE };
}

void bc_live_sensor_init(bc_live_sensor *ls, const bc_live_sensor_options *opt)
{
	*ls = (bc_live_sensor){ .opt = *opt };
	if (opt->drdy_line) {
		ls->drdy = bc_hw.gpio_input_open(opt->drdy_line, "backcoach-imu");
		if (!ls->drdy)
			snprintf(ls->drdy_note, sizeof(ls->drdy_note),
				 "no data-ready line %s (%s): polling the FIFO", opt->drdy_line,
				 errno == EACCES ? "not in group gpio?" : strerror(errno));
	} else {
		snprintf(ls->drdy_note, sizeof(ls->drdy_note),
			 "data-ready line not used: polling the FIFO");
	}
	ls->hooks = bc_hw_data_ready_hooks(ls->drdy);
}

bc_sample_source *bc_live_sensor_open(bc_live_sensor *ls, char *err, size_t err_size)
{
	bc_live_source_config cfg = { .reader = ls->opt.reader };
	cfg.bus = bc_hw.i2c_open(ls->opt.bus_number, err, err_size);
	if (!cfg.bus)
		return NULL;
	cfg.bus_close = bc_hw.i2c_close;
	cfg.hooks = &ls->hooks; /* copied by the reader */
	bc_sample_source *src = bc_hw_live_source_open(&cfg, err, err_size);
	if (!src)
		bc_hw.i2c_close(cfg.bus);
	else
		ls->retry = (bc_live_sensor_retry){ 0 }; /* it works: no more back-off */
	return src;
}

void bc_live_sensor_free(bc_live_sensor *ls)
{
	if (ls->drdy)
		bc_hw.gpio_close(ls->drdy);
	ls->drdy = NULL;
}

/* Appends text to r->summary (cut when full). */
static void add(bc_live_sensor_probe_result *r, const char *text)
{
	size_t n = strlen(r->summary);
	snprintf(r->summary + n, sizeof(r->summary) - n, "%s", text);
}

bool bc_live_sensor_probe(int bus_number, bc_live_sensor_probe_result *r)
{
	*r = (bc_live_sensor_probe_result){ 0 };
	char err[200];
	bc_i2c_bus *bus = bc_hw.i2c_open(bus_number, err, sizeof(err));
	if (!bus) {
		snprintf(r->summary, sizeof(r->summary), "%s", err);
		return false;
	}
	r->bus_open = true;
	snprintf(r->summary, sizeof(r->summary), "i2c-%d:", bus_number);
	uint8_t last = 0;
	for (size_t i = 0; i < bc_imu_probe_table_size; i++) {
		uint8_t addr = bc_imu_probe_table[i].addr;
		if (addr == last)
			continue; /* the table groups an address's chips; each address once */
		last = addr;
		const bc_imu_variant *v = NULL;
		int rc = bc_imu_probe_address(bus, addr, &v);
		char one[64];
		if (rc == 1) {
			if (!r->found) {
				r->found_addr = addr;
				r->found_name = v->name;
			}
			r->found = true;
			snprintf(one, sizeof(one), " 0x%02x %s", addr, v->name);
		} else if (rc == 0) {
			snprintf(one, sizeof(one), " 0x%02x unknown chip", addr);
		} else {
			snprintf(one, sizeof(one), " 0x%02x no answer", addr);
		}
		add(r, one);
		add(r, ",");
	}
	size_t n = strlen(r->summary);
	if (n && r->summary[n - 1] == ',')
		r->summary[n - 1] = '\0';
	bc_hw.i2c_close(bus);
	return r->found;
}

/*
 * err without the "MPU-6050 at 0x68: " it may start with: the sentence
 * around it names the chip already.
 */
static const char *without_chip(const char *err, const bc_live_sensor_probe_result *probe)
{
	char prefix[64];
	int n = snprintf(prefix, sizeof(prefix), "%s at 0x%02x: ", probe->found_name,
			 probe->found_addr);
	return n > 0 && !strncmp(err, prefix, (size_t)n) ? err + n : err;
}

void bc_live_sensor_start_failed(bc_live_sensor *ls, double now_s,
				 const bc_live_sensor_probe_result *probe, const char *err)
{
	bc_live_sensor_retry *rt = &ls->retry;
	snprintf(rt->why, sizeof(rt->why), "%s at 0x%02x answers but does not start: %s",
		 probe->found_name, probe->found_addr, without_chip(err, probe));
	rt->started = false;
	rt->delay_s = rt->delay_s > 0 ? 2 * rt->delay_s : BC_LIVE_SENSOR_RETRY_FIRST_S;
	if (rt->delay_s > BC_LIVE_SENSOR_RETRY_MAX_S)
		rt->delay_s = BC_LIVE_SENSOR_RETRY_MAX_S;
	rt->next_try_s = now_s + rt->delay_s;
}

bool bc_live_sensor_ready(bc_live_sensor *ls, double now_s, bc_live_sensor_probe_result *r)
{
	bc_live_sensor_retry *rt = &ls->retry;
	if (!bc_live_sensor_probe(ls->opt.bus_number, r)) {
		*rt = (bc_live_sensor_retry){ 0 }; /* gone: one plugged in next is new */
		return false;
	}
	if (rt->started)
		return true;
	if (rt->delay_s > 0 && now_s < rt->next_try_s)
		return false;
	char err[200];
	bc_live_sensor_retry kept = *rt; /* a trial start is not yet coaching */
	bc_sample_source *trial = bc_live_sensor_open(ls, err, sizeof(err));
	*rt = kept;
	if (!trial) {
		bc_live_sensor_start_failed(ls, now_s, r, err);
		return false;
	}
	bc_source_close(trial);
	rt->started = true;
	rt->why[0] = '\0';
	return true;
}

int bc_live_sensor_retry_in_s(const bc_live_sensor *ls, double now_s)
{
	double wait_s = ls->retry.delay_s > 0 ? ls->retry.next_try_s - now_s : 0;
	return wait_s > 0 ? (int)ceil(wait_s) : 0;
}
