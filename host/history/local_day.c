/* SPDX-License-Identifier: MIT */
/* Local-day boundaries and time stamps for the session history. */
#include "history/local_day.h"

#include <time.h>

int64_t bc_local_day_start(int64_t t_unix_s, int days_offset)
{
	time_t t = (time_t)t_unix_s;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return t_unix_s;
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	tm.tm_mday += days_offset; /* mktime normalises across months and years */
	tm.tm_isdst = -1;	   /* let mktime find whether summer time applies */
	return (int64_t)mktime(&tm);
}

const char *bc_local_time_text(int64_t t_unix_s, const char *fmt, char *buf, size_t size)
{
	time_t t = (time_t)t_unix_s;
	struct tm tm;
	if (size == 0)
		return buf;
	if (!localtime_r(&t, &tm) || strftime(buf, size, fmt, &tm) == 0)
		buf[0] = '\0';
	return buf;
}

const char *bc_utc_iso8601(int64_t t_unix_s, char *buf, size_t size)
{
	time_t t = (time_t)t_unix_s;
	struct tm tm;
	if (size == 0)
		return buf;
	if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		buf[0] = '\0';
	return buf;
}
