/*
 * test_onsite.c - the onsite record: read from JSON (places named by JSON pointer),
 * checked against a plan, written back canonical and read again the same. Fixtures are
 * inline and small; they are not the demo's sample files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "medsec/onsite.h"
#include "medsec/plan.h"

static const char good[] =
        "{\"medsec_onsite\": 1, \"surveyed_on\": \"2026-12-02\", \"surveyors\": \"班 B\","
        " \"lines\": [{\"line_no\": 1, \"confirmed\": true, \"building\": \"本館\", \"floor\": \"1F\","
        "  \"room\": \"機械室\"},"
        "  {\"line_no\": 2, \"confirmed\": false, \"reason\": \"天井裏配線\"}],"
        " \"unregistered_lines\": [{\"termination\": \"mobile_router\", \"building\": \"別館\"}],"
        " \"devices\": [{\"line_no\": 1, \"kind\": \"router\", \"maker\": \"ヤマハ\", \"model\": \"RTX830\","
        "  \"login\": true, \"firmware\": \"Rev.15.02.30\"},"
        "  {\"line_no\": 2, \"kind\": \"onu\", \"maker\": \"NTT\", \"model\": \"ONU\", \"login\": false}]}";

/* A plan of two lines, numbered 1 and 2. */
static struct plan *two_lines(void)
{
	struct plan *p = calloc(1, sizeof(*p));

	assert_non_null(p);
	p->lines = calloc(2, sizeof(*p->lines));
	assert_non_null(p->lines);
	p->n_lines = 2;
	p->lines[0].line_no = 1;
	p->lines[1].line_no = 2;
	return p;
}

static struct onsite_doc *load(const char *json, struct ms_diags *d)
{
	struct onsite_doc *doc = NULL;
	struct ms_error err;

	assert_int_equal(onsite_load_json_mem(json, strlen(json), "t.json", &doc, d, &err), MS_OK);
	return doc;
}

static int has_diag(const struct ms_diags *d, enum msg_id msg, const char *where)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].msg == msg && !strcmp(d->v[i].where, where))
			return 1;
	return 0;
}

static void reads_checks_and_round_trips(void **state)
{
	struct ms_diags d = { 0 };
	struct onsite_doc *doc = load(good, &d), *again;
	struct plan *p = two_lines();
	char *json, *json2;

	assert_int_equal(d.n, 0);
	assert_string_equal(doc->surveyed_on, "2026-12-02");
	assert_int_equal(doc->n_lines, 2);
	assert_int_equal(doc->lines[1].confirmed, TRI_NO);
	assert_string_equal(doc->lines[1].reason, "天井裏配線");
	assert_int_equal(doc->n_unregistered, 1);
	assert_int_equal(doc->unregistered[0].termination, TERM_MOBILE_ROUTER);
	assert_int_equal(doc->n_devices, 2);
	assert_string_equal(doc->devices[0].firmware, "Rev.15.02.30");
	assert_null(doc->devices[1].firmware);
	assert_int_equal(onsite_validate(doc, p, &d), 0);
	/* Canonical JSON reads back to the same record, and dumps to the same bytes. */
	json = onsite_json_dump(doc);
	again = load(json, &d);
	json2 = onsite_json_dump(again);
	assert_string_equal(json, json2);
	assert_int_equal(again->n_devices, 2);
	free(json);
	free(json2);
	onsite_doc_free(again);
	onsite_doc_free(doc);
	plan_free(p);
	ms_diags_dispose(&d);
}

static void names_each_problem(void **state)
{
	static const char bad[] =
	        "{\"medsec_onsite\": 1, \"surveyed_on\": \"2026-12-02\","
	        " \"lines\": [{\"line_no\": 1, \"confirmed\": false},"
	        "  {\"line_no\": 9, \"confirmed\": true},"
	        "  {\"line_no\": 1, \"confirmed\": true}],"
	        " \"devices\": [{\"line_no\": 1, \"kind\": \"utm\", \"maker\": \"Fortinet\", \"model\": \"60F\","
	        "  \"login\": true},"
	        "  {\"line_no\": 2, \"kind\": \"router\", \"maker\": \"NEC\", \"model\": \"IX2215\","
	        "  \"login\": false, \"firmware\": \"10.2.16\"}]}";
	struct ms_diags d = { 0 };
	struct onsite_doc *doc = load(bad, &d);
	struct plan *p = two_lines();

	assert_int_equal(onsite_validate(doc, p, &d), 5);
	assert_true(has_diag(&d, MSG_ONSITE_REASON_REQUIRED, "t.json:/lines/0/reason"));
	assert_true(has_diag(&d, MSG_PLAN_NO_LINE, "t.json:/lines/1/line_no"));
	assert_true(has_diag(&d, MSG_DUPLICATE_LINE, "t.json:/lines/2/line_no"));
	assert_true(has_diag(&d, MSG_ONSITE_FIRMWARE_REQUIRED, "t.json:/devices/0/firmware"));
	assert_true(has_diag(&d, MSG_ONSITE_FIRMWARE_WITHOUT_LOGIN, "t.json:/devices/1/firmware"));
	onsite_doc_free(doc);
	plan_free(p);
	ms_diags_dispose(&d);
}

static void refuses_what_is_not_a_record(void **state)
{
	struct ms_diags d = { 0 };
	struct onsite_doc *doc = NULL;
	struct ms_error err;
	static const char unknown_member[] =
	        "{\"medsec_onsite\": 1, \"surveyed_on\": \"2026-12-02\", \"extra\": 1}";
	static const char bad_kind[] =
	        "{\"medsec_onsite\": 1, \"surveyed_on\": \"2026-12-02\","
	        " \"devices\": [{\"line_no\": 1, \"kind\": \"toaster\", \"login\": false}]}";

	/* Not JSON: an error, no record. */
	assert_int_not_equal(onsite_load_json_mem("{", 1, "t.json", &doc, &d, &err), MS_OK);
	assert_null(doc);
	ms_diags_dispose(&d);
	/* Unknown members and values outside a closed set are named, never ignored. */
	onsite_load_json_mem(unknown_member, strlen(unknown_member), "t.json", &doc, &d, &err);
	assert_true(d.errors > 0);
	assert_non_null(strstr(d.v[0].where, "/extra"));
	onsite_doc_free(doc);
	doc = NULL;
	ms_diags_dispose(&d);
	onsite_load_json_mem(bad_kind, strlen(bad_kind), "t.json", &doc, &d, &err);
	assert_true(d.errors > 0);
	assert_non_null(strstr(d.v[0].where, "/devices/0/kind"));
	onsite_doc_free(doc);
	ms_diags_dispose(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_checks_and_round_trips),
		cmocka_unit_test(names_each_problem),
		cmocka_unit_test(refuses_what_is_not_a_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
