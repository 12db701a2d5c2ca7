/* clock.c - the recorded time (clock.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "medsec/clock.h"
#include "medsec/text.h"

void ms_now_iso(char buf[32])
{
	const char *fixed = getenv("MEDSEC_NOW");
	time_t t = time(NULL);
	struct tm tm;

	if (fixed && strlen(fixed) == 20) {
		snprintf(buf, 32, "%s", fixed);
		return;
	}
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Japan keeps one offset all year (no summer time): UTC+9 needs no time-zone database. */
#define JST_OFFSET (9 * 3600)

static void date_jst(time_t t, char buf[11])
{
	struct tm tm;

	t += JST_OFFSET;
	gmtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

long long ms_days_from_civil(long long y, long long m, long long d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* H. Hinnant's civil_from_days. */
void ms_civil_from_days(long long z, long long *y, long long *m, long long *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

void ms_iso_of_unix(long long t, char buf[32])
{
	long long days, rest, y, m, d;

	/* Years 0000 to 9999: what the format can write. */
	t = t < -62167219200LL ? -62167219200LL : t > 253402300799LL ? 253402300799LL : t;
	days = (t >= 0 ? t : t - 86399) / 86400;
	rest = t - days * 86400;
	ms_civil_from_days(days, &y, &m, &d);
	snprintf(buf, 32, "%04u-%02u-%02uT%02u:%02u:%02uZ", (unsigned)(y % 10000),
	         (unsigned)(m % 13), (unsigned)(d % 32), (unsigned)(rest / 3600 % 24),
	         (unsigned)(rest / 60 % 60), (unsigned)(rest % 60));
}

int ms_cim_datetime_iso(const char *cim, char buf[32])
{
	int y, mo, d, h, mi, s, off;
	const char *p = cim;
	long long t;

	buf[0] = '\0';
	if (!cim || strlen(cim) != 25 || !(p = ms_read_digits(p, 4, 4, &y)) ||
	    !(p = ms_read_digits(p, 2, 2, &mo)) || !(p = ms_read_digits(p, 2, 2, &d)) ||
	    !(p = ms_read_digits(p, 2, 2, &h)) || !(p = ms_read_digits(p, 2, 2, &mi)) ||
	    !(p = ms_read_digits(p, 2, 2, &s)) || *p != '.' || (cim[21] != '+' && cim[21] != '-') ||
	    !ms_read_digits(cim + 22, 3, 3, &off))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
		return -1;
	/* local = UTC + offset, so UTC = local - offset. */
	t = ms_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
	    (cim[21] == '+' ? 1 : -1) * (long long)off * 60;
	ms_iso_of_unix(t, buf);
	return 0;
}

int ms_date_jst(const char *iso, char buf[11])
{
	struct tm tm = { 0 };
	const char *p = iso;

	buf[0] = '\0';
	/* Exactly YYYY-MM-DDTHH:MM:SSZ. */
	if (!(p = ms_read_digits(p, 4, 4, &tm.tm_year)) || *p++ != '-' ||
	    !(p = ms_read_digits(p, 2, 2, &tm.tm_mon)) || *p++ != '-' ||
	    !(p = ms_read_digits(p, 2, 2, &tm.tm_mday)) || *p++ != 'T' ||
	    !(p = ms_read_digits(p, 2, 2, &tm.tm_hour)) || *p++ != ':' ||
	    !(p = ms_read_digits(p, 2, 2, &tm.tm_min)) || *p++ != ':' ||
	    !(p = ms_read_digits(p, 2, 2, &tm.tm_sec)) || strcmp(p, "Z") != 0)
		return -1;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	date_jst((time_t)(ms_days_from_civil(tm.tm_year, tm.tm_mon, tm.tm_mday) * 86400 +
	                  tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec),
	         buf);
	return 0;
}

void ms_today_jst(char buf[11])
{
	char now[32];

	ms_now_iso(now);
	ms_date_jst(now, buf);
}

void ms_date_text_jst(const char *iso, enum ms_lang lang, char *buf, size_t size)
{
	static const char *const months[] = { "January",   "February", "March",    "April",
		                              "May",       "June",     "July",     "August",
		                              "September", "October",  "November", "December" };
	char day[11];
	int y, m, d;

	buf[0] = '\0';
	if (ms_date_jst(iso, day) != 0 || !ms_date_parse(day, &y, &m, &d))
		return;
	if (lang == MS_LANG_EN)
		snprintf(buf, size, "%d %s %d", d, months[m - 1], y);
	else
		snprintf(buf, size, "%d年%d月%d日", y, m, d);
}

int ms_date_parse(const char *s, int *y, int *m, int *d)
{
	const char *p = s;

	if (!(p = ms_read_digits(p, 4, 4, y)) || *p++ != '-' || !(p = ms_read_digits(p, 2, 2, m)) ||
	    *p++ != '-' || !(p = ms_read_digits(p, 2, 2, d)) || *p)
		return 0;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

int ms_date_valid(const char *s)
{
	int y, m, d;

	return s && ms_date_parse(s, &y, &m, &d) && y >= 2000;
}
