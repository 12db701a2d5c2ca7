/* test_cvss.c - base scores against every CVSS metric NVD published in the fixture records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "medsec/cvss.h"

static void nvd_scores_reproduced(void **state)
{
	static const char *const kinds[] = { "cvssMetricV31", "cvssMetricV30", "cvssMetricV2",
		                             "cvssMetricV40" };
	char path[4096];
	json_error_t e;
	json_t *root, *vulns, *v;
	size_t i, checked[4] = { 0 };

	snprintf(path, sizeof(path), "%s/tests/fixtures/nvd/nvd_api2_bundle.json",
	         getenv("MEDSEC_SOURCE"));
	root = json_load_file(path, 0, &e);
	assert_non_null(root);
	vulns = json_object_get(root, "vulnerabilities");
	json_array_foreach (vulns, i, v) {
		json_t *metrics = json_object_get(json_object_get(v, "cve"), "metrics");

		for (int k = 0; k < 4; k++) {
			size_t j;
			json_t *m;

			json_array_foreach (json_object_get(metrics, kinds[k]), j, m) {
				json_t *data = json_object_get(m, "cvssData");
				const char *vec = json_string_value(
				        json_object_get(data, "vectorString"));
				double want = json_real_value(json_object_get(data, "baseScore"));
				struct cvss c;

				print_message("%s %s\n", kinds[k], vec);
				assert_int_equal(cvss_parse(vec, &c), 0);
				checked[k]++;
				if (k == 3) {
					assert_int_equal(c.version, CVSS_V40);
					assert_false(c.scored);
					continue;
				}
				assert_true(c.scored);
				assert_true(c.base > want - 0.001 && c.base < want + 0.001);
				if (json_object_get(m, "exploitabilityScore")) {
					double ex = json_real_value(
					        json_object_get(m, "exploitabilityScore"));
					double im = json_real_value(
					        json_object_get(m, "impactScore"));

					assert_true(c.exploitability > ex - 0.001 &&
					            c.exploitability < ex + 0.001);
					assert_true(c.impact > im - 0.001 && c.impact < im + 0.001);
				}
			}
		}
	}
	print_message("checked: v3.1 %zu, v3.0 %zu, v2 %zu, v4.0 %zu\n", checked[0], checked[1],
	              checked[2], checked[3]);
	assert_true(checked[0] >= 20 && checked[1] >= 1 && checked[2] >= 5 && checked[3] >= 1);
	json_decref(root);
}

static void spec_examples(void **state)
{
	static const struct {
		const char *v;
		double score;
	} cases[] = {
		{ "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 5.3 },
		{ "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8 },
		{ "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0 },
		{ "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6 },
		{ "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1 }, /* a reflected XSS */
		{ "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O",
		  9.8 }, /* temporal ignored */
		{ "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0 },
		{ "AV:N/AC:M/Au:N/C:P/I:P/A:P", 6.8 },
		{ "(AV:L/AC:H/Au:M/C:N/I:P/A:N)", 0.8 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cvss c;

		print_message("%s\n", cases[i].v);
		assert_int_equal(cvss_parse(cases[i].v, &c), 0);
		assert_true(c.base > cases[i].score - 0.001 && c.base < cases[i].score + 0.001);
	}
}

static void malformed_vectors(void **state)
{
	static const char *const bad[] = {
		"",
		"CVSS:3.1/",
		"CVSS:3.1/AV:N",
		"CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
		"CVSS:3.1/AV:NN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:9.9/AV:N",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
		"AV:N/AC:L/Au:N/C:C/I:C",
		"(AV:N/AC:L/Au:N/C:C/I:C/A:C",
		"AV:N//AC:L",
	};
	struct cvss c;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("bad: '%s'\n", bad[i]);
		assert_int_equal(cvss_parse(bad[i], &c), -1);
	}
}

static void ipa_bands(void **state)
{
	assert_int_equal(cvss_severity(0.0), SEV_NONE);
	assert_int_equal(cvss_severity(0.1), SEV_LOW);
	assert_int_equal(cvss_severity(3.9), SEV_LOW);
	assert_int_equal(cvss_severity(4.0), SEV_MEDIUM);
	assert_int_equal(cvss_severity(6.9), SEV_MEDIUM);
	assert_int_equal(cvss_severity(7.0), SEV_HIGH);
	assert_int_equal(cvss_severity(8.9), SEV_HIGH);
	assert_int_equal(cvss_severity(9.0), SEV_CRITICAL);
	assert_int_equal(cvss_severity(10.0), SEV_CRITICAL);
	assert_string_equal(cvss_severity_ja(SEV_CRITICAL), "緊急");
	assert_string_equal(cvss_severity_ja(SEV_HIGH), "重要");
	assert_string_equal(cvss_severity_ja(SEV_MEDIUM), "警告");
	assert_string_equal(cvss_severity_ja(SEV_LOW), "注意");
	assert_string_equal(cvss_severity_key(SEV_HIGH), "high");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nvd_scores_reproduced),
		cmocka_unit_test(spec_examples),
		cmocka_unit_test(malformed_vectors),
		cmocka_unit_test(ipa_bands),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
