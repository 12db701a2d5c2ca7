/*
 * test_store_conformance.c - every operation of store.h, through store.h alone,
 * so that each backend runs the same suite: the store named by MEDSEC_TEST_STORE
 * (a postgresql:// URL, later), else a fresh SQLite file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "medsec/store.h"

static char url[256];
static int own_file;

static void remove_file(void)
{
	char p[300];

	if (!own_file)
		return;
	unlink(url);
	snprintf(p, sizeof(p), "%s-wal", url);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", url);
	unlink(p);
}

static int setup(void **state)
{
	const char *env = getenv("MEDSEC_TEST_STORE");

	own_file = !env || !*env;
	if (own_file)
		snprintf(url, sizeof(url), "/tmp/medsec-conformance-%ld.db", (long)getpid());
	else
		snprintf(url, sizeof(url), "%s", env);
	remove_file();
	return 0;
}

static int teardown(void **state)
{
	remove_file();
	return 0;
}

static struct store *open_store(void)
{
	struct store *s;
	struct ms_error err;

	assert_int_equal(store_open(&s, url, &err), MS_OK);
	assert_true(store_schema_version(s) >= 8);
	return s;
}

/* A hospital with one revision; its id. */
static int64_t hospital(struct store *s, const char *name)
{
	struct intake_revision rev;
	struct ms_error err;

	assert_int_equal(store_intake_save(s, name, "{\"v\":1}", "a.xlsx", 0, &rev, &err), MS_OK);
	return rev.hospital_id;
}

static void hospitals_and_revisions(void **state)
{
	struct store *s = open_store();
	struct intake_revision rev;
	struct ms_error err;
	int64_t a, b, id;
	char *name, *json;

	a = hospital(s, "A病院");
	assert_int_equal(store_intake_save(s, "A病院", "{\"v\":2}", "b.xlsx", 1, &rev, &err),
	                 MS_OK);
	assert_int_equal(rev.revision, 2);
	assert_int_equal(rev.hospital_id, a);
	assert_true(rev.allow_test_addresses);
	assert_true(rev.imported_at[0] != '\0');
	assert_int_equal(store_intake_latest(s, a, &rev, &json, &err), MS_OK);
	assert_int_equal(rev.revision, 2);
	assert_string_equal(json, "{\"v\":2}");
	free(json);
	assert_int_equal(store_intake_get(s, a, 1, &rev, &json, &err), MS_OK);
	assert_int_equal(rev.revision, 1);
	assert_false(rev.allow_test_addresses);
	assert_string_equal(json, "{\"v\":1}");
	free(json);
	/* The only hospital is found without a name; with two, a name is needed. */
	assert_int_equal(store_hospital_find(s, NULL, &id, &name, &err), MS_OK);
	assert_int_equal(id, a);
	assert_string_equal(name, "A病院");
	free(name);
	b = hospital(s, "B病院");
	assert_true(b != a);
	assert_int_equal(store_hospital_find(s, NULL, &id, &name, &err), MS_ERR_INPUT);
	assert_int_equal(store_hospital_find(s, "B病院", &id, &name, &err), MS_OK);
	assert_int_equal(id, b);
	free(name);
	store_close(s);
	/* What was committed is there after a reopen. */
	s = open_store();
	assert_int_equal(store_intake_latest(s, a, &rev, &json, &err), MS_OK);
	assert_int_equal(rev.revision, 2);
	free(json);
	store_close(s);
}

static void rounds(void **state)
{
	struct store *s = open_store();
	struct survey_round r1, r2, got;
	struct round_settings set = { .issuer = "事務局", .survey_on = "2026-12-10" };
	struct ms_error err;
	int64_t a = hospital(s, "A病院"), b = hospital(s, "B病院");

	assert_int_equal(store_round_current(s, a, &r1, &err), MS_OK);
	assert_int_equal(r1.round_no, 1);
	assert_int_equal(store_round_set(s, r1.id, &set, &err), MS_OK);
	set = (struct round_settings){ .recipient = "A病院 院長 様", .diagnosis_on = "2026-12-11" };
	assert_int_equal(store_round_set(s, r1.id, &set, &err), MS_OK); /* NULL keeps the rest */
	assert_int_equal(store_round_get(s, a, 1, &got, &err), MS_OK);
	assert_string_equal(got.issuer, "事務局");
	assert_string_equal(got.recipient, "A病院 院長 様");
	assert_string_equal(got.survey_on, "2026-12-10");
	assert_string_equal(got.diagnosis_on, "2026-12-11");
	/* A re-survey inherits the cover, not the agreed dates. */
	assert_int_equal(store_round_new(s, a, &r2, &err), MS_OK);
	assert_int_equal(r2.round_no, 2);
	assert_string_equal(r2.issuer, "事務局");
	assert_string_equal(r2.recipient, "A病院 院長 様");
	assert_string_equal(r2.survey_on, "");
	assert_int_equal(store_round_current(s, a, &got, &err), MS_OK);
	assert_int_equal(got.id, r2.id);
	assert_int_equal(store_round_get(s, a, 3, &got, &err), MS_OK);
	assert_int_equal(got.id, 0);
	/* Another hospital's rounds are its own. */
	assert_int_equal(store_round_current(s, b, &got, &err), MS_OK);
	assert_int_equal(got.round_no, 1);
	assert_true(got.id != r1.id && got.id != r2.id);
	store_close(s);
}

static void plans_and_confirmations(void **state)
{
	struct store *s = open_store();
	struct intake_revision rev;
	struct survey_round r;
	struct ms_error err;
	struct plan p = { 0 }, *got;
	struct plan_line line = { .line_no = 1,
		                  .declared_no = 3,
		                  .link_type = LINK_CLOSED,
		                  .global_ip_use = TRI_NO,
		                  .eligibility = ELIG_NO,
		                  .table_row = 17,
		                  .reason = REASON_CLOSED,
		                  .status = STATUS_NOT_ELIGIBLE };
	struct confirmation c = { .declared_no = 3,
		                  .kind = CONFIRM_DAY_IP,
		                  .address = "203.0.113.5",
		                  .confirmed_at = "2026-12-01T00:00:00Z",
		                  .by = "山田" };
	struct confirmation *list;
	size_t n;

	assert_int_equal(store_intake_save(s, "A病院", "{}", NULL, 0, &rev, &err), MS_OK);
	assert_int_equal(store_round_current(s, rev.hospital_id, &r, &err), MS_OK);
	p.hospital = (char[]){ "A病院" };
	p.created_at = (char[]){ "2026-12-01T00:00:00Z" };
	p.lines = &line;
	p.n_lines = 1;
	assert_int_equal(store_plan_save(s, r.id, rev.id, &p, &err), MS_OK);
	assert_int_equal(store_plan_load(s, r.id, &got, &err), MS_OK);
	assert_int_equal(got->n_lines, 1);
	assert_int_equal(got->lines[0].link_type, LINK_CLOSED);
	assert_int_equal(got->lines[0].global_ip_use, TRI_NO);
	assert_int_equal(got->lines[0].eligibility, ELIG_NO);
	assert_int_equal(got->lines[0].reason, REASON_CLOSED);
	assert_int_equal(got->lines[0].status, STATUS_NOT_ELIGIBLE);
	assert_int_equal(got->n_out_of_scope, 0);
	plan_free(got);
	assert_int_equal(store_round_current(s, rev.hospital_id, &r, &err), MS_OK);
	assert_true(r.has_plan);
	assert_int_equal(store_confirm_save(s, r.id, &c, &err), MS_OK);
	c.kind = CONFIRM_MEETING;
	c.address[0] = '\0';
	assert_int_equal(store_confirm_save(s, r.id, &c, &err), MS_OK);
	assert_int_equal(store_confirm_list(s, r.id, &list, &n, &err), MS_OK);
	assert_int_equal(n, 2); /* one of each kind for the line */
	assert_int_equal(list[0].kind, CONFIRM_DAY_IP);
	assert_string_equal(list[0].address, "203.0.113.5");
	assert_string_equal(list[0].by, "山田");
	assert_int_equal(list[1].kind, CONFIRM_MEETING);
	assert_string_equal(list[1].address, "");
	free(list);
	store_close(s);
}

static void scope_and_consent(void **state)
{
	struct store *s = open_store();
	struct ms_error err;
	int64_t a = hospital(s, "A病院"), b = hospital(s, "B病院");
	struct scope_decl d = { .prefix = "203.0.113.0/28",
		                .authorised_by = "ベンダ 鈴木",
		                .authorised_at = "2026-12-01T00:00:00Z",
		                .note = "自社機器" };
	struct scope_decl *list;
	struct consent k = { .kind = "default_accounts", .granted_by = "院長", .granted_at = "t1" };
	struct consent got;
	size_t n;

	assert_int_equal(store_scope_add(s, a, &d, &err), MS_OK);
	snprintf(d.prefix, sizeof(d.prefix), "198.51.100.7");
	assert_int_equal(store_scope_add(s, a, &d, &err), MS_OK);
	assert_int_equal(store_scope_list(s, a, &list, &n, &err), MS_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].authorised_by, "ベンダ 鈴木");
	assert_string_equal(list[0].note, "自社機器");
	free(list);
	assert_int_equal(store_scope_list(s, b, &list, &n, &err), MS_OK);
	assert_int_equal(n, 0); /* another hospital's authorisations are not this one's */
	free(list);

	assert_int_equal(store_consent_find(s, a, "default_accounts", &got, &err), MS_OK);
	assert_string_equal(got.granted_by, "");
	assert_int_equal(store_consent_add(s, a, &k, &err), MS_OK);
	snprintf(k.granted_by, sizeof(k.granted_by), "事務長");
	snprintf(k.granted_at, sizeof(k.granted_at), "t2");
	assert_int_equal(store_consent_add(s, a, &k, &err), MS_OK);
	assert_int_equal(store_consent_find(s, a, "default_accounts", &got, &err), MS_OK);
	assert_string_equal(got.granted_by, "事務長"); /* the latest */
	assert_int_equal(store_consent_find(s, b, "default_accounts", &got, &err), MS_OK);
	assert_string_equal(got.granted_by, "");
	store_close(s);
}

static void scans_services_findings(void **state)
{
	struct store *s = open_store();
	struct survey_round r;
	struct ms_error err;
	struct scan_host_row hosts[2] = { { .address = "203.0.113.1", .line_no = 1 },
		                          { .address = "203.0.113.2", .line_no = 2 } };
	struct scan_record rec = { .status = SCAN_RUNNING,
		                   .method = "tcp_connect",
		                   .seed = 42,
		                   .rate = 5000,
		                   .host_rate = 1000,
		                   .retries = 1,
		                   .timeout_ms = 1000,
		                   .ports = "1-1024",
		                   .udp_ports = "none",
		                   .total = 2048,
		                   .started_at = "2026-12-01T13:00:00Z",
		                   .source_address = "198.18.0.1" };
	struct scan_port_row found[2] = {
		{ .host = 0, .proto = "tcp", .port = 443, .state = "open" },
		{ .host = 1, .proto = "udp", .port = 500, .state = "open_filtered" }
	};
	uint32_t closed[2] = { 10, 0 }, filtered[2] = { 0, 1014 };
	struct scan_record got;
	struct scan_host_row *h;
	struct scan_port_row *pt;
	struct service_row row = { .address = "203.0.113.1",
		                   .proto = "tcp",
		                   .port = 443,
		                   .line_no = 1,
		                   .service = "https",
		                   .product = "FortiOS",
		                   .version = "7.2.6",
		                   .confidence = 90,
		                   .evidence = "Server: xxxxxxxx-xxxxx",
		                   .decided_by = "fortios-https",
		                   .tls_wrapped = 1,
		                   .tls_json = (char[]){ "{\"version\":\"TLSv1.2\"}" } };
	struct finding_row f = { .address = "203.0.113.1",
		                 .proto = "tcp",
		                 .port = 443,
		                 .kind = FKIND_TLS,
		                 .severity = FSEV_MEDIUM,
		                 .check = "tls-old",
		                 .detail = "" };
	struct service_row *rows;
	struct finding_row *fs;
	size_t nh, np, nr, nf;

	assert_int_equal(store_round_current(s, hospital(s, "A病院"), &r, &err), MS_OK);
	rec.round_id = r.id;
	assert_int_equal(store_scan_latest(s, r.id, &got, &err), MS_OK);
	assert_int_equal(got.id, 0);
	assert_int_equal(store_scan_begin(s, &rec, hosts, 2, &err), MS_OK);
	assert_true(rec.id > 0);
	assert_int_equal(
	        store_scan_checkpoint(s, rec.id, 1000, found, 1, closed, filtered, 2, &err), MS_OK);
	assert_int_equal(store_scan_latest(s, r.id, &got, &err), MS_OK);
	assert_int_equal(got.done, 1000);
	assert_int_equal(got.status, SCAN_RUNNING); /* a crash here resumes from 1000 */
	assert_int_equal(
	        store_scan_checkpoint(s, rec.id, 2048, found + 1, 1, closed, filtered, 2, &err),
	        MS_OK);
	assert_int_equal(store_scan_finish(s, rec.id, SCAN_DONE, "2026-12-01T13:10:00Z", &err),
	                 MS_OK);
	assert_int_equal(store_scan_latest(s, r.id, &got, &err), MS_OK);
	assert_int_equal(got.id, rec.id);
	assert_int_equal(got.status, SCAN_DONE);
	assert_string_equal(got.finished_at, "2026-12-01T13:10:00Z");
	assert_string_equal(got.method, "tcp_connect");
	assert_string_equal(got.source_address, "198.18.0.1");
	assert_string_equal(got.ports, "1-1024");
	assert_string_equal(got.udp_ports, "none");
	assert_int_equal(got.seed, 42);
	assert_int_equal(got.total, 2048);
	assert_int_equal(store_scan_results(s, rec.id, &h, &nh, &pt, &np, &err), MS_OK);
	assert_int_equal(nh, 2);
	assert_string_equal(h[1].address, "203.0.113.2");
	assert_int_equal(h[0].closed, 10);
	assert_int_equal(h[1].filtered, 1014);
	assert_int_equal(np, 2);
	assert_int_equal(pt[0].host, 0);
	assert_int_equal(pt[0].port, 443);
	assert_string_equal(pt[1].state, "open_filtered");
	free(h);
	free(pt);

	assert_int_equal(
	        store_services_save(s, rec.id, &row, 1, &f, 1, "2026-12-01T13:20:00Z", &err),
	        MS_OK);
	assert_int_equal(store_services_load(s, rec.id, &rows, &nr, &fs, &nf, &err), MS_OK);
	assert_int_equal(nr, 1);
	assert_string_equal(rows[0].product, "FortiOS");
	assert_string_equal(rows[0].version, "7.2.6");
	assert_int_equal(rows[0].confidence, 90);
	assert_string_equal(rows[0].decided_by, "fortios-https");
	assert_true(rows[0].tls_wrapped);
	assert_non_null(strstr(rows[0].tls_json, "TLSv1.2"));
	assert_int_equal(nf, 1);
	assert_string_equal(fs[0].check, "tls-old");
	assert_int_equal(fs[0].kind, FKIND_TLS);
	assert_int_equal(fs[0].severity, FSEV_MEDIUM);
	store_services_free(rows, nr);
	free(fs);
	/* A second probe replaces the first one's results. */
	assert_int_equal(
	        store_services_save(s, rec.id, &row, 1, NULL, 0, "2026-12-01T13:30:00Z", &err),
	        MS_OK);
	assert_int_equal(store_services_load(s, rec.id, &rows, &nr, &fs, &nf, &err), MS_OK);
	assert_int_equal(nr, 1);
	assert_int_equal(nf, 0);
	store_services_free(rows, nr);
	free(fs);

	/* A newer scan is the latest; the old one keeps its results. */
	rec.id = 0;
	assert_int_equal(store_scan_begin(s, &rec, hosts, 1, &err), MS_OK);
	assert_int_equal(store_scan_finish(s, rec.id, SCAN_INTERRUPTED, NULL, &err), MS_OK);
	assert_int_equal(store_scan_latest(s, r.id, &got, &err), MS_OK);
	assert_int_equal(got.id, rec.id);
	assert_int_equal(got.status, SCAN_INTERRUPTED);
	assert_string_equal(got.finished_at, "");
	store_close(s);
}

/* A reference list replaces the one before it and reads back with where it came from. */
static void reference_list(void **state)
{
	struct store *s = open_store();
	struct reference_info info;
	struct ms_error err;
	char *body;

	(void)state;
	assert_int_equal(store_reference_load(s, "windows-lifecycle", &body, &info, &err), MS_OK);
	assert_null(body);
	assert_int_equal(store_reference_save(s, "windows-lifecycle", "{\"v\":1}", "a.json",
	                                      "2026-12-01T00:00:00Z", &err),
	                 MS_OK);
	assert_int_equal(store_reference_save(s, "windows-lifecycle", "{\"v\":2}", "b.json",
	                                      "2026-12-02T00:00:00Z", &err),
	                 MS_OK);
	assert_int_equal(
	        store_reference_save(s, "other", "{}", "c.json", "2026-12-02T00:00:00Z", &err),
	        MS_OK);
	assert_int_equal(store_reference_load(s, "windows-lifecycle", &body, &info, &err), MS_OK);
	assert_string_equal(body, "{\"v\":2}");
	assert_string_equal(info.source, "b.json");
	assert_string_equal(info.imported_at, "2026-12-02T00:00:00Z");
	free(body);
	store_close(s);
}

/* Every import kept; the newest per hospital read back, one hospital or all by name. */
static void backup_answers(void **state)
{
	struct store *s = open_store();
	struct backup_row r = { .source = "a.json", .imported_at = "2026-12-01T00:00:00Z" }, *rows;
	int64_t a = hospital(s, "B病院"), b = hospital(s, "A病院");
	struct ms_error err;
	size_t n;

	(void)state;
	assert_int_equal(store_backup_latest(s, a, &rows, &n, &err), MS_OK);
	assert_int_equal(n, 0);
	store_backup_free(rows, n);
	r.json = (char[]){ "{\"v\":1}" };
	assert_int_equal(store_backup_save(s, a, &r, &err), MS_OK);
	r.json = (char[]){ "{\"v\":2}" };
	assert_int_equal(store_backup_save(s, a, &r, &err), MS_OK);
	r.json = (char[]){ "{\"v\":3}" };
	assert_int_equal(store_backup_save(s, b, &r, &err), MS_OK);
	assert_int_equal(store_backup_latest(s, a, &rows, &n, &err), MS_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].json, "{\"v\":2}");
	assert_string_equal(rows[0].hospital, "B病院");
	store_backup_free(rows, n);
	assert_int_equal(store_backup_latest(s, 0, &rows, &n, &err), MS_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].hospital, "A病院");
	assert_string_equal(rows[0].json, "{\"v\":3}");
	assert_string_equal(rows[1].source, "a.json");
	store_backup_free(rows, n);
	store_close(s);
}

/* Answers per month; an item answered again in a month replaces the earlier answer. */
static void checklist_answers(void **state)
{
	struct store *s = open_store();
	int64_t h = hospital(s, "A病院");
	struct checklist_row rows[] = {
		{ "2026-11", 4, 1, 1, "山田", "2026-11-02T00:00:00Z" },
		{ "2026-11", 9, 2, -1, "山田", "2026-11-02T00:00:00Z" },
		{ "2026-12", 4, 2, 1, "佐藤", "2026-12-01T00:00:00Z" },
	}, again = { "2026-11", 4, 3, -1, "鈴木", "2026-11-03T00:00:00Z" }, *got;
	struct ms_error err;
	size_t n;

	(void)state;
	assert_int_equal(store_checklist_save(s, h, rows, 3, &err), MS_OK);
	assert_int_equal(store_checklist_save(s, h, &again, 1, &err), MS_OK);
	assert_int_equal(store_checklist_load(s, h, &got, &n, &err), MS_OK);
	assert_int_equal(n, 3);
	assert_string_equal(got[0].month, "2026-11");
	assert_int_equal(got[0].item, 4);
	assert_int_equal(got[0].level, 3);
	assert_string_equal(got[0].by, "鈴木");
	assert_int_equal(got[0].proposed, -1);
	assert_int_equal(got[2].proposed, 1);
	assert_string_equal(got[2].month, "2026-12");
	free(got);
	assert_int_equal(store_checklist_load(s, hospital(s, "B病院"), &got, &n, &err), MS_OK);
	assert_int_equal(n, 0);
	free(got);
	store_close(s);
}

static void onsite_record(void **state)
{
	struct store *s = open_store();
	struct survey_round r;
	struct ms_error err;
	char *json, at[32];

	assert_int_equal(store_round_current(s, hospital(s, "A病院"), &r, &err), MS_OK);
	assert_int_equal(store_onsite_load(s, r.id, &json, at, sizeof(at), &err), MS_OK);
	assert_null(json);
	assert_int_equal(
	        store_onsite_save(s, r.id, "{\"a\":1}", "o.xlsx", "2026-12-02T00:00:00Z", &err),
	        MS_OK);
	assert_int_equal(
	        store_onsite_save(s, r.id, "{\"a\":2}", "o.xlsx", "2026-12-03T00:00:00Z", &err),
	        MS_OK);
	assert_int_equal(store_onsite_load(s, r.id, &json, at, sizeof(at), &err), MS_OK);
	assert_string_equal(json, "{\"a\":2}");
	assert_string_equal(at, "2026-12-03T00:00:00Z");
	free(json);
	store_close(s);
}

static void terminal_files(void **state)
{
	struct store *s = open_store();
	struct survey_round r, r2;
	struct ms_error err;
	struct terminal_row in[2] = {
		{ .key = "guid-b",
		  .host = "PC-B",
		  .declared_no = 0,
		  .collected_at = "2026-12-01T01:00:00Z",
		  .imported_at = "2026-12-01T02:00:00Z",
		  .source = "b.json",
		  .json = (char[]){ "{\"b\":1}" } },
		{ .key = "guid-a",
		  .host = "PC-A",
		  .declared_no = 2,
		  .collected_at = "2026-12-01T01:00:00Z",
		  .imported_at = "2026-12-01T02:00:00Z",
		  .source = "a.json",
		  .json = (char[]){ "{\"a\":1}" } },
	};
	struct terminal_row *rows;
	size_t n;
	int64_t h = hospital(s, "A病院");

	assert_int_equal(store_round_current(s, h, &r, &err), MS_OK);
	assert_int_equal(store_terminals_load(s, r.id, &rows, &n, &err), MS_OK);
	assert_int_equal(n, 0);
	store_terminals_free(rows, n);
	assert_int_equal(store_terminals_save(s, r.id, in, 2, &err), MS_OK);
	/* The same PC again: its newer file replaces the older. */
	in[1].json = (char[]){ "{\"a\":2}" };
	snprintf(in[1].collected_at, sizeof(in[1].collected_at), "2026-12-02T01:00:00Z");
	assert_int_equal(store_terminals_save(s, r.id, &in[1], 1, &err), MS_OK);
	assert_int_equal(store_terminals_load(s, r.id, &rows, &n, &err), MS_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].host, "PC-A"); /* declared first, by number */
	assert_int_equal(rows[0].declared_no, 2);
	assert_string_equal(rows[0].json, "{\"a\":2}");
	assert_string_equal(rows[0].collected_at, "2026-12-02T01:00:00Z");
	assert_string_equal(rows[1].key, "guid-b");
	assert_string_equal(rows[1].source, "b.json");
	store_terminals_free(rows, n);
	/* Another round has its own. */
	assert_int_equal(store_round_new(s, h, &r2, &err), MS_OK);
	assert_int_equal(store_terminals_load(s, r2.id, &rows, &n, &err), MS_OK);
	assert_int_equal(n, 0);
	store_terminals_free(rows, n);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(hospitals_and_revisions, setup, teardown),
		cmocka_unit_test_setup_teardown(rounds, setup, teardown),
		cmocka_unit_test_setup_teardown(plans_and_confirmations, setup, teardown),
		cmocka_unit_test_setup_teardown(scope_and_consent, setup, teardown),
		cmocka_unit_test_setup_teardown(scans_services_findings, setup, teardown),
		cmocka_unit_test_setup_teardown(onsite_record, setup, teardown),
		cmocka_unit_test_setup_teardown(reference_list, setup, teardown),
		cmocka_unit_test_setup_teardown(backup_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(checklist_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(terminal_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
