/* SPDX-License-Identifier: MIT */
/*
 * Layer: drivers. The reader's chip life cycle: start (configure the chip and
 * its magnetometer), lose (it stopped answering), reconnect (it answers
 * again, maybe as another model), re-initialise (it went silent or its FIFO
 * never comes right). See imu_reader.h for what the caller sees.
 */
#include "drivers/imu_reader_internal.h"

#include "drivers/imu_probe.h"

/* Definitions */

/*
 * Drains in a row that found the FIFO overflowed or unreadable before the
 * chip is configured again: a FIFO that never comes right (packets changed
 * by someone else) keeps data flowing, so the silent-chip check never fires.
 */
#define BAD_DRAINS_TO_REINIT 8

/* Functions */

static void sleep_for_driver(void *ctx, uint64_t ns)
{
	bc_imu_reader *r = ctx;
	r->hooks.sleep_ns(r->hooks.ctx, ns);
}

static void mark_dropout(bc_imu_reader *r)
{
	r->stats.dropouts++;
	r->gap_pending = true;
	bc_sample_clock_lose_track(&r->clock);
}

/*
 * The magnetometer answers on the caller's bus, not the retrying one: it is
 * optional, so a missing one costs one NACK, not retries and back-offs, and
 * its faults never count against the IMU.
 */
static void start_mag(bc_imu_reader *r)
{
	const bc_ak_variant *mv = r->imu.variant->mag;
	if (!mv) {
		r->mag.present = false;
		r->stats.mag_present = false;
		return;
	}
	/* counters run over the whole session, across re-initialisations */
	unsigned long reads = r->mag.reads, overflows = r->mag.overflows, errors = r->mag.errors;
	bc_ak_mag_attach(&r->mag, r->bus, BC_AK_ADDR, mv, sleep_for_driver, r);
	r->mag.reads = reads;
	r->mag.overflows = overflows;
	r->mag.errors = errors;
	if (bc_ak_mag_start(&r->mag, bc_reader_now_ns(r)) != 1)
		bc_reader_note(r, "%s: no %s at 0x%02x: 6-axis only", r->imu.variant->name,
			       mv->name, BC_AK_ADDR);
	r->stats.mag_present = r->mag.present;
}

void bc_reader_update_mag(bc_imu_reader *r, uint64_t now_ns)
{
	if (!r->imu.variant->mag) {
		r->buf_has_mag = false; /* a 6-axis chip may have replaced a 9-axis one */
		return;
	}
	bc_ak_mag_update(&r->mag, now_ns);
	r->buf_has_mag = bc_ak_mag_latest(&r->mag, &r->buf_mag_ut);
	r->stats.mag_present = r->mag.present;
	r->stats.mag_reads = r->mag.reads;
	r->stats.mag_overflows = r->mag.overflows;
	r->stats.mag_errors = r->mag.errors;
}

int bc_reader_start_chip(bc_imu_reader *r, const bc_imu_variant *variant, uint8_t addr)
{
	bc_imu_attach(&r->imu, &r->retry.bus, addr, variant);
	r->imu.sleep_ns = sleep_for_driver;
	r->imu.sleep_ctx = r;
	int rc = bc_imu_init(&r->imu, &r->set.chip);
	if (rc)
		return rc;
	bc_sample_clock_set_rate(&r->clock, r->imu.config.rate_hz);
	r->use_int = r->hooks.wait_data_ready && r->set.chip.data_ready_int;
	r->stats.polling = !r->use_int;
	r->int_misses_in_row = 0;
	r->empty_edges_in_row = 0;
	r->bad_drains_in_row = 0;
	r->last_data_ns = bc_reader_now_ns(r);
	r->next_poll_ns = r->last_data_ns;
	r->state = BC_IMU_READER_STREAMING;
	start_mag(r);
	return 0;
}

static void schedule_probe(bc_imu_reader *r)
{
	r->next_probe_ns = bc_reader_now_ns(r) +
			   (uint64_t)(r->reconnect_interval_s * BC_READER_NS_PER_S);
}

void bc_reader_lose(bc_imu_reader *r)
{
	r->state = BC_IMU_READER_RECONNECTING;
	r->stats.losses++;
	mark_dropout(r);
	r->reconnect_interval_s = r->set.reconnect_first_s;
	schedule_probe(r);
}

/* Probes the address again; the chip plugged back may even be another model. */
void bc_reader_try_reconnect(bc_imu_reader *r)
{
	const bc_imu_variant *v;
	int rc = bc_imu_probe_address(r->bus, r->imu.addr, &v);
	if (rc == 1 && (rc = bc_reader_start_chip(r, v, r->imu.addr)) == 0) {
		r->stats.reconnects++;
		r->gap_pending = true;
		bc_reader_note(r, "%s reconnected at 0x%02x", v->name, r->imu.addr);
		return;
	}
	if (rc == 0)
		bc_reader_note(r, "unknown chip at 0x%02x", r->imu.addr);
	r->state = BC_IMU_READER_RECONNECTING;
	schedule_probe(r);
	r->reconnect_interval_s *= 2;
	if (r->reconnect_interval_s > r->set.reconnect_max_s)
		r->reconnect_interval_s = r->set.reconnect_max_s;
}

/* Configures the chip from scratch where it is; a chip that will not take it is lost. */
static void reinitialise(bc_imu_reader *r)
{
	mark_dropout(r);
	if (bc_reader_start_chip(r, r->imu.variant, r->imu.addr))
		bc_reader_lose(r);
	else
		r->stats.reconnects++;
}

void bc_imu_reader_restart(bc_imu_reader *r, const char *why)
{
	if (r->state != BC_IMU_READER_STREAMING)
		return; /* already re-probing */
	bc_reader_note(r, "%s: %s: re-initialising", r->imu.variant->name, why);
	r->buf_n = 0; /* what was drained is of the bad stretch */
	reinitialise(r);
}

/*
 * Nothing arrived for a while though the bus works: the chip may have reset
 * itself (a brown-out as the cable wiggles) and be asleep with defaults.
 * Ask it who it is; if it still answers, initialise it again.
 */
void bc_reader_check_silent(bc_imu_reader *r)
{
	uint64_t now = bc_reader_now_ns(r);
	if (r->state != BC_IMU_READER_STREAMING ||
	    (double)(now - r->last_data_ns) < r->set.silent_timeout_s * BC_READER_NS_PER_S)
		return;
	uint8_t id;
	const bc_imu_variant *v = r->imu.variant;
	int rc = v->bank_sel_reg ? 0 : bc_imu_read_reg(&r->imu, v->id_reg, &id);
	if (!rc && v->bank_sel_reg) {
		r->imu.bank = -1; /* the chip may have reset to bank 0 behind our back */
		rc = bc_i2c_write(&r->retry.bus, r->imu.addr, v->bank_sel_reg, 0);
		if (!rc)
			rc = bc_imu_read_reg(&r->imu, v->id_reg, &id);
	}
	if (rc || id != v->id_value) {
		bc_reader_lose(r);
		return;
	}
	bc_reader_note(r, "%s silent for %.1f s: re-initialising", v->name,
		       r->set.silent_timeout_s);
	reinitialise(r);
}

/* Flushes the FIFO, or starts over if that keeps happening. */
int bc_reader_recover_fifo(bc_imu_reader *r)
{
	mark_dropout(r);
	if (++r->bad_drains_in_row < BAD_DRAINS_TO_REINIT)
		return bc_imu_fifo_reset(&r->imu);
	bc_reader_note(r, "%s FIFO keeps failing: re-initialising", r->imu.variant->name);
	reinitialise(r);
	return 0;
}
