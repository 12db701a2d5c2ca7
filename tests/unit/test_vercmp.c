/* test_vercmp.c - the vendors' version schemes, in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "medsec/vercmp.h"

static void ordered(void **state)
{
	/* Each row: older, newer. */
	static const char *const pairs[][2] = {
		{ "7.2.6", "7.2.7" },  /* FortiOS */
		{ "7.2.7", "7.2.10" }, /* numbers, not text */
		{ "7.0.15", "7.2.0" },
		{ "17.6.6", "17.6.6a" }, /* IOS XE rebuilds */
		{ "17.6.6a", "17.6.7" },
		{ "9.6.4.41", "9.6.4.42" }, /* ASA */
		{ "9.6.4.42", "9.8.1" },
		{ "13.1-49.13", "13.1-49.15" }, /* NetScaler */
		{ "13.1-49.15", "13.1-50.10" },
		{ "7.0.1-5035", "7.0.1-5050" }, /* SonicOS */
		{ "22.7R1", "22.7R2.3" },       /* Ivanti */
		{ "22.7R2.3", "22.7R2.4" },
		{ "Rev.15.02.29", "Rev.15.02.30" }, /* Yamaha */
		{ "Rev.14.01.38", "Rev.15.02.30" },
		{ "9.2p1", "9.3p1" }, /* OpenSSH */
		{ "9.2", "9.2p1" },
		{ "1.0rc1", "1.0" }, /* pre-releases first */
		{ "1.0beta", "1.0rc1" },
		{ "1.0rc2", "1.0.1" },
		{ "v2.9", "3.0" },
	};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		print_message("%s < %s\n", pairs[i][0], pairs[i][1]);
		assert_true(vercmp(pairs[i][0], pairs[i][1]) < 0);
		assert_true(vercmp(pairs[i][1], pairs[i][0]) > 0);
	}
}

static void equal(void **state)
{
	assert_int_equal(vercmp("15.02.30", "Rev.15.2.30"), 0); /* leading zeros, prefix */
	assert_int_equal(vercmp("7.2.7", "7.2.7"), 0);
	assert_int_equal(vercmp("22.7R2", "22.7r2"), 0);         /* case-blind */
	assert_int_equal(vercmp("13.1-49.15", "13.1.49.15"), 0); /* separators alike */
	assert_int_equal(vercmp("", ""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ordered),
		cmocka_unit_test(equal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
