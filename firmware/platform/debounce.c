/* SPDX-License-Identifier: MIT */
#include "platform/debounce.h"

void bc_debouncer_init(bc_debouncer *d, int level, uint64_t now_ns)
{
	d->stable = level ? 1 : 0;
	d->raw = d->stable;
	d->raw_since_ns = now_ns;
}

int bc_debouncer_update(bc_debouncer *d, int raw, uint64_t now_ns, uint64_t stable_ns)
{
	raw = raw ? 1 : 0;
	if (raw != d->raw) {
		d->raw = raw;
		d->raw_since_ns = now_ns;
		return 0;
	}
	if (raw == d->stable || now_ns - d->raw_since_ns < stable_ns)
		return 0;
	d->stable = raw;
	return raw ? 1 : -1;
}
