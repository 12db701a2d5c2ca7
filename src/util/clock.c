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
