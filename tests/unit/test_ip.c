/* test_ip.c - address parsing and what counts as global. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "medsec/ip.h"

static enum ms_addr_class cls(const char *s)
{
	struct ms_prefix p;

	assert_int_equal(ms_prefix_parse(s, &p), MS_PREFIX_OK);
	return ms_prefix_classify(&p);
}

static void global_and_not(void **state)
{
	assert_int_equal(cls("8.8.8.8"), MS_ADDR_GLOBAL);
	assert_int_equal(cls("121.119.249.222"), MS_ADDR_GLOBAL);
	assert_int_equal(cls("203.0.112.0/24"), MS_ADDR_GLOBAL);
	assert_int_equal(cls("2400:4050::1"), MS_ADDR_GLOBAL);
	assert_int_equal(cls("0.0.0.0"), MS_ADDR_NON_GLOBAL); /* the seed's placeholder */
	assert_int_equal(cls("10.10.10.10"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("172.31.255.1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("172.32.0.1"), MS_ADDR_GLOBAL);
	assert_int_equal(cls("192.168.1.1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("100.64.0.1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("127.0.0.1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("169.254.1.1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("224.0.0.1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("255.255.255.255"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("::1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("fe80::1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("fd00::1"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("::ffff:8.8.8.8"), MS_ADDR_NON_GLOBAL);
}

static void test_ranges(void **state)
{
	assert_int_equal(cls("198.18.0.1"), MS_ADDR_TEST);
	assert_int_equal(cls("198.19.255.255"), MS_ADDR_TEST);
	assert_int_equal(cls("198.18.0.0/15"), MS_ADDR_TEST);
	assert_int_equal(cls("192.0.2.7"), MS_ADDR_TEST);
	assert_int_equal(cls("203.0.113.0/29"), MS_ADDR_TEST);
	assert_int_equal(cls("2001:db8::1"), MS_ADDR_TEST);
	/* Wider than a test range means some of it is real. */
	assert_int_equal(cls("198.16.0.0/13"), MS_ADDR_NON_GLOBAL);
	assert_int_equal(cls("0.0.0.0/1"), MS_ADDR_NON_GLOBAL);
}

static void syntax(void **state)
{
	struct ms_prefix p;
	char buf[64];

	assert_int_equal(ms_prefix_parse("203.0.113.9/29", &p), MS_PREFIX_HOST_BITS);
	assert_int_equal(ms_prefix_parse("203.0.113.8/33", &p), MS_PREFIX_BAD_LENGTH);
	assert_int_equal(ms_prefix_parse("203.0.113.8/", &p), MS_PREFIX_BAD_LENGTH);
	assert_int_equal(ms_prefix_parse("203.0.113.8/2a", &p), MS_PREFIX_BAD_LENGTH);
	assert_int_equal(ms_prefix_parse("203.0.113", &p), MS_PREFIX_SYNTAX);
	assert_int_equal(ms_prefix_parse("XXX.XXX.XXX.XXX", &p), MS_PREFIX_SYNTAX);
	assert_int_equal(ms_prefix_parse(" 203.0.113.1", &p), MS_PREFIX_SYNTAX);
	assert_int_equal(ms_prefix_parse("", &p), MS_PREFIX_SYNTAX);
	assert_int_equal(ms_prefix_parse("/24", &p), MS_PREFIX_SYNTAX);
	assert_int_equal(ms_ifaddr_parse("192.168.1.25/24", &p), MS_PREFIX_OK);
	assert_int_equal(p.len, 24);
	assert_int_equal(ms_prefix_parse("2001:0DB8:0000::0010/124", &p), MS_PREFIX_OK);
	ms_prefix_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "2001:db8::10/124");
	assert_int_equal(ms_prefix_size(&p), 16);
	assert_int_equal(ms_prefix_parse("203.0.113.8/29", &p), MS_PREFIX_OK);
	assert_int_equal(ms_prefix_size(&p), 8);
	ms_prefix_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "203.0.113.8/29");
	assert_int_equal(ms_prefix_parse("::/0", &p), MS_PREFIX_BAD_LENGTH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(global_and_not),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(syntax),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
