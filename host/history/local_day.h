/* SPDX-License-Identifier: MIT */
/*
 * Local calendar days as ranges of unix time: "today" and "the day before"
 * for the history's daily totals and streak. Boundaries come from
 * localtime_r()/mktime() in the TZ environment (or the system zone), so a
 * day is 23 or 25 hours long when summer time starts or ends. Call tzset()
 * after changing TZ.
 */
#ifndef BC_LOCAL_DAY_H
#define BC_LOCAL_DAY_H

#include <stddef.h>
#include <stdint.h>

/*
 * Start (local midnight, unix seconds) of the local day days_offset days
 * after the one holding t_unix_s (negative: before). Where a zone skips
 * midnight, the first moment of the day. The day ends where the day with
 * offset + 1 starts.
 */
int64_t bc_local_day_start(int64_t t_unix_s, int days_offset);

/* Local date and time of t_unix_s as text with strftime format fmt; buf returned. */
const char *bc_local_time_text(int64_t t_unix_s, const char *fmt, char *buf, size_t size);

/* "2024-05-01T08:30:00Z" for t_unix_s, into buf (at least 21 bytes); buf returned. */
const char *bc_utc_iso8601(int64_t t_unix_s, char *buf, size_t size);

#endif /* BC_LOCAL_DAY_H */
