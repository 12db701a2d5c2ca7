/* test_products.c - every example in data/products.json maps as it says; bad maps are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "medsec/vulndb.h"

static void every_example_maps(void **state)
{
	char path[4096];
	struct vdb_products *p;
	struct ms_diags d = { 0 };
	struct ms_error err;
	json_t *root, *e, *x, *c;
	size_t i, k, j, examples = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/data/products.json", getenv("MEDSEC_SOURCE"));
	assert_int_equal(vdb_products_load(path, &p, &d, &err), 0);
	root = json_load_file(path, 0, NULL);
	assert_non_null(root);
	json_array_foreach (json_object_get(root, "products"), i, e) {
		assert_true(json_array_size(json_object_get(e, "examples")) >
		            0); /* a test per entry */
		json_array_foreach (json_object_get(e, "examples"), k, x) {
			struct vdb_device_queries q;
			const char *maker = json_string_value(json_object_get(x, "maker"));
			const char *model = json_string_value(json_object_get(x, "model"));
			assert_int_equal(vdb_products_map(p, maker, model, &q), 1);
			assert_int_equal(q.n, json_array_size(json_object_get(x, "cpe")));
			json_array_foreach (json_object_get(x, "cpe"), j, c) {
				char got[256];
				snprintf(got, sizeof(got), "%s:%s", q.q[j].vendor, q.q[j].product);
				assert_string_equal(got, json_string_value(c));
			}
			assert_string_equal(q.platform,
			                    json_string_value(json_object_get(x, "platform")));
			assert_non_null(q.source);
			examples++;
		}
	}
	assert_true(examples >= 11);
	json_decref(root);

	struct vdb_device_queries q;
	assert_int_equal(vdb_products_map(p, "NTT", "GE-PON-ONU", &q), 0);
	assert_int_equal(vdb_products_map(p, "Fortinet", "FortiAnalyzer 200F", &q), 0);
	assert_int_equal(vdb_products_map(p, "", "FortiGate 60F", &q), 0);
	assert_int_equal(vdb_products_map(p, NULL, NULL, &q), 0);
	vdb_products_free(p);
}

static void bad_map_refused(void **state)
{
	char path[] = "/tmp/medsec-test-products.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct vdb_products *p;
	struct ms_diags d = { 0 };
	struct ms_error err;

	(void)state;
	fputs("{\"medsec_products\": 1, \"products\": [{\"makers\": [], \"prefixes\": [\"X\"],"
	      " \"cpe\": [{\"vendor\": \"v\"}]}]}",
	      f);
	fclose(f);
	assert_int_equal(vdb_products_load(path, &p, &d, &err), MS_ERR_INPUT);
	assert_null(p);
	assert_int_equal(d.errors, 3); /* makers empty, no source, cpe without product */
	assert_non_null(strstr(d.v[0].where, ":/products/0/makers"));
	ms_diags_dispose(&d);
	remove(path);
	assert_int_equal(vdb_products_load("/nonexistent/products.json", &p, &d, &err),
	                 MS_ERR_INPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_example_maps),
		cmocka_unit_test(bad_map_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
