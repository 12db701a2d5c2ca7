/*
 * clock.h - the time medsec records. MEDSEC_NOW (ISO 8601, UTC) fixes it,
 * so tests and the demo produce the same documents on every run.
 */
#ifndef MEDSEC_CLOCK_H
#define MEDSEC_CLOCK_H

#include <stddef.h>

#include "medsec/msg.h"

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes). */
void ms_now_iso(char buf[32]);

/*
 * The calendar day in Japan (Asia/Tokyo, "YYYY-MM-DD") of a recorded time, or of now.
 * The survey's day-of rules (seed 002) count days as the hospital does, not in UTC.
 * ms_date_jst returns 0, or -1 (buf empty) when iso is not a recorded time.
 */
int ms_date_jst(const char *iso, char buf[11]);
/* Exactly YYYY-MM-DD, month 1-12 and day 1-31, into *y *m *d: 1, else 0. */
int ms_date_parse(const char *s, int *y, int *m, int *d);
/* Is s a calendar date written YYYY-MM-DD (year 2000 on)? */
int ms_date_valid(const char *s);
/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): portable, unlike timegm. */
long long ms_days_from_civil(long long y, long long m, long long d);
/* The inverse: the date of day z counted from 1970-01-01. */
void ms_civil_from_days(long long z, long long *y, long long *m, long long *d);
/* Seconds since 1970-01-01 UTC as YYYY-MM-DDTHH:MM:SSZ (no time-zone database, no time_t). */
void ms_iso_of_unix(long long t, char buf[32]);
/*
 * A CIM datetime as WMI gives it ("20261013110411.000000+540": local time and its offset
 * from UTC in minutes, DMTF DSP0004) as UTC ISO 8601 into buf; 0, or -1 if it is not one.
 */
int ms_cim_datetime_iso(const char *cim, char buf[32]);
/* That day as a reader writes it: "2026年12月1日", or "1 December 2026" (english). "" if not a time. */
void ms_date_text_jst(const char *iso, enum ms_lang lang, char *buf, size_t size);
void ms_today_jst(char buf[11]);

#endif
