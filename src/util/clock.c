/* clock.c - the recorded time (clock.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "medsec/clock.h"

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

int ms_date_jst(const char *iso, char buf[11])
{
	struct tm tm = { 0 };
	int n = 0;

	buf[0] = '\0';
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
			   &tm.tm_min, &tm.tm_sec, &n) != 6 || n != 20)
		return -1;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	date_jst((time_t)(ms_days_from_civil(tm.tm_year, tm.tm_mon, tm.tm_mday) * 86400 + tm.tm_hour * 3600 +
			  tm.tm_min * 60 + tm.tm_sec),
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
	static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
					      "August", "September", "October", "November", "December" };
	char day[11];
	int y, m, d;

	buf[0] = '\0';
	if (ms_date_jst(iso, day) != 0 || sscanf(day, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return;
	if (lang == MS_LANG_EN)
		snprintf(buf, size, "%d %s %d", d, months[m - 1], y);
	else
		snprintf(buf, size, "%d年%d月%d日", y, m, d);
}

int ms_date_valid(const char *s)
{
	int y, m, d;
	char tail;

	return s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && y >= 2000 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}
