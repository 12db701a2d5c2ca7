/* test_cpe.c - CPE 2.3 names from NVD and from probes, both bindings, and matching. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "medsec/cpe.h"

static void both_bindings(void **state)
{
	struct cpe a, b;
	char buf[1500];

	assert_int_equal(cpe_parse("cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*", &a), 0);
	assert_int_equal(a.v[CPE_PART].kind, CPE_STRING);
	assert_string_equal(a.v[CPE_VENDOR].s, "fortinet");
	assert_string_equal(a.v[CPE_VERSION].s, "7.2.7");
	assert_int_equal(a.v[CPE_UPDATE].kind, CPE_ANY);
	assert_int_equal(cpe_parse("cpe:/o:fortinet:fortios:7.2.7", &b), 0);
	assert_memory_equal(&a, &b, sizeof(a));
	/* Escapes: a quoted colon and dot in the formatted string, percent-encoding in the URI. */
	assert_int_equal(cpe_parse("cpe:2.3:a:openbsd:openssh:9.2\\:p1:-:*:*:*:*:*:*", &a), 0);
	assert_string_equal(a.v[CPE_VERSION].s, "9.2:p1");
	assert_int_equal(a.v[CPE_UPDATE].kind, CPE_NA);
	assert_int_equal(cpe_parse("cpe:/a:openbsd:openssh:9.2%3ap1:-", &b), 0);
	assert_memory_equal(&a, &b, sizeof(a));
	cpe_format(&a, buf, sizeof(buf));
	assert_string_equal(buf, "cpe:2.3:a:openbsd:openssh:9.2\\:p1:-:*:*:*:*:*:*");
	/* URI with the packed edition of CPE 2.3. */
	assert_int_equal(cpe_parse("cpe:/a:vendor:product:1.0::~~~android~x64~", &b), 0);
	assert_string_equal(b.v[CPE_TARGET_SW].s, "android");
	assert_string_equal(b.v[CPE_TARGET_HW].s, "x64");
	assert_int_equal(b.v[CPE_EDITION].kind, CPE_ANY);
}

static void malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"cpe:2.3:",
		"cpe:2.3:o:fortinet:fortios",
		"cpe:2.3:x:a:b:*:*:*:*:*:*:*:*",
		"cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*:extra",
		"cpe:2.3:o:fortinet:for tios:7.2.7:*:*:*:*:*:*:*",
		"cpe:/o:fortinet:fortios:7.2%zz",
		"cpe:/a:v:p:1.0::~~~android~x64",
		"cpe:2.3:o:fortinet:fortios:7.2.7\\",
		"cpe:3.0:o:a:b",
		"cpe:/q:a",
		"cpe:2.3:o:fortinet:fortios:7.*.7:*:*:*:*:*:*:*", /* a wildcard inside */
		"cpe:2.3:o:fortinet:fortios:**7:*:*:*:*:*:*:*",
	};
	struct cpe c;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("bad: '%s'\n", bad[i]);
		assert_int_equal(cpe_parse(bad[i], &c), -1);
	}
}

static int m(const char *source, const char *target)
{
	struct cpe s, t;

	assert_int_equal(cpe_parse(source, &s), 0);
	assert_int_equal(cpe_parse(target, &t), 0);
	return cpe_matches(&s, &t);
}

static void matching(void **state)
{
	const char *found = "cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*";

	assert_true(m("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", found));
	assert_true(m("cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*", found));
	assert_true(m("cpe:2.3:o:fortinet:fortios:7.2.*:*:*:*:*:*:*:*", found));
	assert_true(m("cpe:2.3:o:fortinet:fortios:7.2.?:*:*:*:*:*:*:*", found));
	assert_false(m("cpe:2.3:o:fortinet:fortios:7.2.?:*:*:*:*:*:*:*",
	               "cpe:2.3:o:fortinet:fortios:7.2.10:*:*:*:*:*:*:*"));
	assert_false(m("cpe:2.3:o:fortinet:fortios:7.4.0:*:*:*:*:*:*:*", found));
	assert_false(m("cpe:2.3:o:fortinet:fortiproxy:*:*:*:*:*:*:*:*", found));
	assert_false(m("cpe:2.3:a:fortinet:fortios:*:*:*:*:*:*:*:*", found));
	/* A version the probe could not see (ANY) is not proof of a vulnerable one. */
	assert_false(m("cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*",
	               "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*"));
	/* NA matches only NA. */
	assert_true(m("cpe:2.3:a:openbsd:openssh:9.2:-:*:*:*:*:*:*",
	              "cpe:2.3:a:openbsd:openssh:9.2:-:*:*:*:*:*:*"));
	assert_false(m("cpe:2.3:a:openbsd:openssh:9.2:-:*:*:*:*:*:*",
	               "cpe:2.3:a:openbsd:openssh:9.2:p1:*:*:*:*:*:*"));
	assert_true(m("cpe:/o:FORTINET:FortiOS", found)); /* case-blind */
}

/* Every criteria string in the NVD fixture records reads. */
static void nvd_criteria_parse(void **state)
{
	char path[4096];
	json_error_t e;
	json_t *root;
	FILE *f;
	char *text, *p;
	long size;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/tests/fixtures/nvd/nvd_api2_bundle.json",
	         getenv("MEDSEC_SOURCE"));
	root = json_load_file(path, 0, &e);
	assert_non_null(root);
	json_decref(root);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = calloc(1, (size_t)size + 1);
	assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	for (p = strstr(text, "\"criteria\""); p; p = strstr(p + 1, "\"criteria\"")) {
		char *q = strchr(p + 10, '"'), *end, cpe_s[1600];
		struct cpe c;

		assert_non_null(q);
		end = strchr(q + 1, '"');
		assert_non_null(end);
		snprintf(cpe_s, sizeof(cpe_s), "%.*s", (int)(end - q - 1), q + 1);
		/* JSON escapes a backslash as \\\\: undo it for the CPE reader. */
		for (char *b = cpe_s; (b = strstr(b, "\\\\")) != NULL; b++)
			memmove(b, b + 1, strlen(b));
		print_message("%s\n", cpe_s);
		assert_int_equal(cpe_parse(cpe_s, &c), 0);
		n++;
	}
	print_message("%zu criteria\n", n);
	assert_true(n >= 50);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(both_bindings),
		cmocka_unit_test(malformed),
		cmocka_unit_test(matching),
		cmocka_unit_test(nvd_criteria_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
