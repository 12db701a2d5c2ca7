/* test_util.c - the portable core's readers of outside text: digits, hex, dates, the day in Japan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "medsec/clock.h"
#include "medsec/text.h"

static void digits(void **state)
{
	int v = -1;
	const char *s = "2026-12", *p;

	p = ms_read_digits(s, 4, 4, &v);
	assert_ptr_equal(p, s + 4);
	assert_int_equal(v, 2026);
	/* Too few digits, or none: NULL, and *out untouched. */
	v = -1;
	assert_null(ms_read_digits("1-", 2, 2, &v));
	assert_int_equal(v, -1);
	assert_null(ms_read_digits("x1", 1, 2, &v));
	/* At most max: a long run is not read past it (no overflow, unlike sscanf's %d). */
	p = ms_read_digits("99999999999999999999", 1, 9, &v);
	assert_int_equal(v, 999999999);
	assert_string_equal(p, "99999999999");
	assert_null(ms_read_digits("1", 1, 10, &v)); /* more than 9 would overflow an int */
	assert_null(ms_read_digits(NULL, 1, 2, &v));
}

static void hex(void **state)
{
	assert_int_equal(ms_hex_value('0'), 0);
	assert_int_equal(ms_hex_value('9'), 9);
	assert_int_equal(ms_hex_value('a'), 10);
	assert_int_equal(ms_hex_value('F'), 15);
	assert_int_equal(ms_hex_value('g'), -1);
	assert_int_equal(ms_hex_value('\0'), -1);
}

static void dates(void **state)
{
	int y, m, d;
	char day[11];

	assert_true(ms_date_parse("2026-12-01", &y, &m, &d));
	assert_int_equal(y * 10000 + m * 100 + d, 20261201);
	assert_false(ms_date_parse("2026-1-01", &y, &m, &d)); /* exactly two digits */
	assert_false(ms_date_parse("2026-13-01", &y, &m, &d));
	assert_false(ms_date_parse("2026-12-01x", &y, &m, &d));
	assert_false(ms_date_parse("2026/12/01", &y, &m, &d));
	assert_true(ms_date_valid("2026-02-28"));
	assert_false(ms_date_valid("1999-02-28"));
	assert_false(ms_date_valid("someday"));
	/* The day in Japan: 15:00Z is already the next day there; anything but the exact form is refused. */
	assert_int_equal(ms_date_jst("2026-11-30T15:00:00Z", day), 0);
	assert_string_equal(day, "2026-12-01");
	assert_int_equal(ms_date_jst("2026-11-30T14:59:59Z", day), 0);
	assert_string_equal(day, "2026-11-30");
	assert_int_equal(ms_date_jst("2026-11-30T15:00:00", day), -1);
	assert_int_equal(ms_date_jst("2026-11-30T15:00:00Z ", day), -1);
	assert_int_equal(ms_date_jst("2026-11-30T25:00:00Z", day), -1);
	assert_string_equal(day, "");
}

/* Times as Windows hands them over: seconds since 1970 (NetUserEnum), CIM datetimes (WMI). */
static void windows_times(void **state)
{
	char iso[32];

	(void)state;
	ms_iso_of_unix(0, iso);
	assert_string_equal(iso, "1970-01-01T00:00:00Z");
	ms_iso_of_unix(1795392000LL, iso);
	assert_string_equal(iso, "2026-11-23T00:00:00Z");
	ms_iso_of_unix(951868799LL, iso); /* the end of a leap day */
	assert_string_equal(iso, "2000-02-29T23:59:59Z");
	ms_iso_of_unix(4294967295LL, iso); /* the last second a DWORD holds */
	assert_string_equal(iso, "2106-02-07T06:28:15Z");
	/* +540: Japan's local time, nine hours ahead; the UTC day can be the day before. */
	assert_int_equal(ms_cim_datetime_iso("20261013110411.000000+540", iso), 0);
	assert_string_equal(iso, "2026-10-13T02:04:11Z");
	assert_int_equal(ms_cim_datetime_iso("20260101050000.000000+540", iso), 0);
	assert_string_equal(iso, "2025-12-31T20:00:00Z");
	assert_int_equal(ms_cim_datetime_iso("20261013020411.000000-300", iso), 0);
	assert_string_equal(iso, "2026-10-13T07:04:11Z");
	assert_int_equal(ms_cim_datetime_iso("20261013020411.000000+000", iso), 0);
	assert_string_equal(iso, "2026-10-13T02:04:11Z");
	assert_int_equal(ms_cim_datetime_iso("2026101302041.000000+000", iso), -1);
	assert_int_equal(ms_cim_datetime_iso("20261313020411.000000+000", iso), -1);
	assert_int_equal(ms_cim_datetime_iso("20261013020411.000000*000", iso), -1);
	assert_int_equal(ms_cim_datetime_iso("", iso), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(digits),
		cmocka_unit_test(hex),
		cmocka_unit_test(dates),
		cmocka_unit_test(windows_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
