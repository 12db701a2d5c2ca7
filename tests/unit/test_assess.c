/*
 * test_assess.c - the onsite record and the assessment on the sample hospital: onsite JSON
 * and sheet read and checked against the plan; password verdicts against the guideline's
 * three patterns; ranking; when the early report is due; what the report composes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "medsec/assess.h"
#include "medsec/diff.h"
#include "medsec/intake.h"
#include "medsec/onsite.h"
#include "medsec/plan.h"
#include "medsec/probe.h"
#include "medsec/report.h"
#include "report/rdoc.h"

struct fixture {
	struct intake_doc *doc;
	struct plan *plan;
	struct onsite_doc *onsite;
	struct assess_rules *rules;
	struct probe_checks *checks;
};

static char *path_of(const char *rel)
{
	const char *src = getenv("MEDSEC_SOURCE");
	return ms_xasprintf("%s/%s", src ? src : ".", rel);
}

static int setup(void **state)
{
	struct fixture *f = ms_xcalloc(1, sizeof(*f));
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct intake_options opt = { .allow_test_addresses = 1 };
	char *p;

	p = path_of("tests/fixtures/hospital/intake.json");
	assert_int_equal(intake_load(p, &f->doc, &d, &err), 0);
	free(p);
	assert_int_equal(intake_validate(f->doc, &opt, &d), 0);
	struct plan_input in = { .doc = f->doc,
		                 .hospital = "みなと中央病院",
		                 .round_no = 1,
		                 .revision = 1,
		                 .now = "2026-11-23T09:00:00Z" };
	f->plan = plan_build(&in);
	p = path_of("tests/fixtures/hospital/onsite.json");
	assert_int_equal(onsite_load(p, &f->onsite, &d, &err), 0);
	free(p);
	assert_int_equal(d.errors, 0);
	assert_int_equal(onsite_validate(f->onsite, f->plan, &d), 0);
	p = path_of("data/assess.json");
	assert_int_equal(assess_rules_load(p, &f->rules, &d, &err), 0);
	free(p);
	p = path_of("data/checks.json");
	assert_int_equal(probe_checks_load(p, &f->checks, &d, &err), 0);
	free(p);
	ms_diags_dispose(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	intake_doc_free(f->doc);
	plan_free(f->plan);
	onsite_doc_free(f->onsite);
	assess_rules_free(f->rules);
	probe_checks_free(f->checks);
	free(f);
	return 0;
}

static void onsite_reads_and_round_trips(void **state)
{
	struct fixture *f = *state;
	struct onsite_doc *again;
	struct ms_diags d = { 0 };
	struct ms_error err;
	char *a = onsite_json_dump(f->onsite), *b;

	assert_int_equal(f->onsite->n_lines, 5);
	assert_int_equal(f->onsite->n_unregistered, 1);
	assert_int_equal(f->onsite->n_devices, 4);
	assert_int_equal(f->onsite->lines[3].confirmed, TRI_NO);
	assert_string_equal(f->onsite->unregistered[0].place.room, "検査室");
	assert_int_equal(f->onsite->unregistered[0].termination, TERM_MOBILE_ROUTER);
	assert_int_equal(onsite_load_json_mem(a, strlen(a), "again", &again, &d, &err), 0);
	assert_int_equal(d.n, 0);
	b = onsite_json_dump(again);
	assert_string_equal(a, b);
	free(a);
	free(b);
	onsite_doc_free(again);
}

static void onsite_checked_against_the_plan(void **state)
{
	struct fixture *f = *state;
	struct onsite_doc *doc;
	struct ms_diags d = { 0 };
	struct ms_error err;
	static const char bad[] =
	        "{\"surveyed_on\": \"2026-13-40\", \"lines\": [{\"line_no\": 6, \"confirmed\": false}],"
	        " \"devices\": [{\"line_no\": 1, \"maker\": \"x\", \"model\": \"y\", \"login\": true}]}";

	assert_int_equal(onsite_load_json_mem(bad, strlen(bad), "bad.json", &doc, &d, &err), 0);
	assert_int_equal(d.errors, 1); /* the date */
	assert_string_equal(d.v[0].where, "bad.json:/surveyed_on");
	assert_int_equal(onsite_validate(doc, f->plan, &d), 3);
	assert_string_equal(d.v[1].where, "bad.json:/lines/0/line_no"); /* the plan has 5 lines */
	assert_int_equal(d.v[1].msg, MSG_PLAN_NO_LINE);
	assert_string_equal(d.v[2].where, "bad.json:/lines/0/reason");
	assert_string_equal(d.v[3].where, "bad.json:/devices/0/firmware");
	onsite_doc_free(doc);
	ms_diags_dispose(&d);
}

static void onsite_sheet_round_trip(void **state)
{
	struct fixture *f = *state;
	char dir[] = "/tmp/medsec-onsite-XXXXXX", path[64];
	struct onsite_doc *doc;
	struct ms_diags d = { 0 };
	struct ms_error err;
	FILE *in;
	char *buf = ms_xmalloc(1 << 20);
	size_t n;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/s.xlsx", dir);
	assert_int_equal(onsite_template_write(path, f->plan, &err), 0);
	in = fopen(path, "rb");
	n = fread(buf, 1, 1 << 20, in);
	fclose(in);
	unlink(path);
	rmdir(dir);
	assert_int_equal(onsite_load_xlsx_mem(buf, n, "s.xlsx", &doc, &d, &err), 0);
	/* The plan's lines are there, their 現地確認 still blank: row 6 is the first, column C. */
	assert_int_equal(doc->n_lines, f->plan->n_lines);
	assert_int_equal(doc->lines[0].line_no, 1);
	assert_int_equal(doc->lines[0].src, 6);
	assert_true(d.errors >= f->plan->n_lines);
	assert_string_equal(d.v[1].where, "s.xlsx:現地調査:6:C");
	onsite_doc_free(doc);
	ms_diags_dispose(&d);
	free(buf);
}

/* A finding's severity key, "" when unset. */
static const char *sev(const struct assess_finding *f)
{
	const char *k = assess_severity_key(f->severity);

	return k ? k : "";
}

/* The finding of this rule; an empty one (failing any check on it) if there is none. */
static const struct assess_finding *find_rule(const struct assessment *a, const char *rule)
{
	static const struct assess_finding none = { .rule = "" };

	for (size_t i = 0; i < a->n_findings; i++)
		if (!strcmp(a->findings[i].rule, rule))
			return &a->findings[i];
	return &none;
}

static void passwords_against_the_guideline(void **state)
{
	struct fixture *f = *state;
	struct assess_input in = { .hospital = "h",
		                   .doc = f->doc,
		                   .plan = f->plan,
		                   .onsite = f->onsite,
		                   .rules = f->rules,
		                   .checks = f->checks };
	struct assessment *a;
	struct ms_error err;

	assert_int_equal(assess_run(&in, &a, &err), 0);
	/* ONU: all unknown; FortiGate: 8-12 without change or 2FA, reused; RTX1210: factory password,
	 * under 8; IX2215: 13 or more, changed, not reused. */
	assert_int_equal(a->n_passwords, 4);
	assert_string_equal(a->passwords[0].verdict, "unknown");
	assert_string_equal(a->passwords[1].verdict, "short");
	assert_non_null(
	        strstr(a->passwords[1].shortfalls, "13 文字未満で定期的な変更も二要素認証もない"));
	assert_non_null(strstr(a->passwords[1].shortfalls, "使い回し"));
	assert_string_equal(a->passwords[2].verdict, "short");
	assert_non_null(strstr(a->passwords[2].shortfalls, "初期パスワードが変更されていない"));
	assert_string_equal(a->passwords[3].verdict, "meets");
	assert_null(a->passwords[3].shortfalls);
	/* Factory password or under 8 is 重要; the rest 警告. */
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct assess_finding *y = &a->findings[i];
		if (y->kind != FKIND_PASSWORD)
			continue;
		if (strstr(y->subject, "RTX1210"))
			assert_string_equal(sev(y), "high");
		else if (strstr(y->subject, "FortiGate"))
			assert_string_equal(sev(y), "medium");
		else
			assert_string_equal(sev(y), "info");
	}
	assessment_free(a);

	/* The second pattern is 8+ characters changed at most every two months: a yearly change
	 * falls short, a two-monthly one does not, and a change of unknown period is to be checked. */
	{
		struct pw_facts saved = f->doc->devices[1].pw;
		static const struct {
			int months;
			const char *verdict, *shortfall;
		} cases[] = { { 12, "short", "変更の間隔が 2 か月を超える (12 か月)" },
			      { 2, "meets", NULL },
			      { 0, "unknown", "定期的な変更の間隔 (か月)" } };

		f->doc->devices[1].pw.periodic_change = TRI_YES;
		f->doc->devices[1].pw.reused = TRI_NO;
		for (size_t k = 0; k < 3; k++) {
			f->doc->devices[1].pw.change_months = cases[k].months;
			assert_int_equal(assess_run(&in, &a, &err), 0);
			print_message("every %d months: %s\n", cases[k].months,
			              a->passwords[1].verdict);
			assert_string_equal(a->passwords[1].verdict, cases[k].verdict);
			if (cases[k].shortfall)
				assert_non_null(
				        strstr(a->passwords[1].shortfalls, cases[k].shortfall));
			assessment_free(a);
		}
		f->doc->devices[1].pw = saved;
	}
	assert_int_equal(assess_run(&in, &a, &err), 0);
	/* Onsite: the unregistered mobile router and the untraced line 4. */
	assert_string_equal(sev(find_rule(a, "unregistered-line")), "high");
	assert_int_equal(find_rule(a, "line-unconfirmed")->line_no, 4);
	/* No index: nothing looked up, no vulnerability finding, and no early report without a diagnosis. */
	for (size_t i = 0; i < a->n_targets; i++)
		assert_int_equal(a->targets[i].status, CHECK_NO_INDEX);
	assert_string_equal(find_rule(a, "vuln-device")->rule, "");
	assert_int_equal(a->early_due, 0);
	for (size_t i = 1; i < a->n_findings; i++)
		assert_true(a->findings[i - 1].severity <=
		            a->findings[i].severity); /* most urgent first */
	assessment_free(a);
}

/* A scan of line 1 with what the probe stored, to see ranking and the early report. */
static struct assessment *with_remote(struct fixture *f, const char *check, const char *severity)
{
	static struct scan_host_row hosts[] = { { .address = "198.18.10.1", .line_no = 1 } };
	static struct scan_port_row ports[] = {
		{ .host = 0, .proto = "tcp", .port = 3390, .state = "open" },
		{ .host = 0, .proto = "udp", .port = 123, .state = "open_filtered" }
	};
	static struct service_row services[1];
	static struct finding_row found[1];
	static struct scan_record rec = { .id = 1, .ports = "1-65535", .udp_ports = "123" };
	static struct assess_input
	        in; /* the assessment points to its input: it must outlive the call */
	in = (struct assess_input){ .hospital = "h",
		                    .doc = f->doc,
		                    .plan = f->plan,
		                    .rules = f->rules,
		                    .checks = f->checks,
		                    .scan = &rec,
		                    .hosts = hosts,
		                    .n_hosts = 1,
		                    .ports = ports,
		                    .n_ports = 2,
		                    .probed = 1,
		                    .services = services,
		                    .n_services = 1,
		                    .found = found,
		                    .n_found = 1 };
	struct assessment *a;
	struct ms_error err;

	memset(services, 0, sizeof(services));
	snprintf(services[0].address, sizeof(services[0].address), "198.18.10.1");
	snprintf(services[0].proto, sizeof(services[0].proto), "tcp");
	services[0].port = 3390;
	services[0].line_no = 1;
	snprintf(services[0].service, sizeof(services[0].service), "rdp");
	snprintf(services[0].product, sizeof(services[0].product), "Microsoft Remote Desktop");
	memset(found, 0, sizeof(found));
	snprintf(found[0].address, sizeof(found[0].address), "198.18.10.1");
	snprintf(found[0].proto, sizeof(found[0].proto), "tcp");
	found[0].port = 3390;
	snprintf(found[0].check, sizeof(found[0].check), "%s", check);
	found[0].severity =
	        (enum finding_severity)model_enum_by_key(model_finding_severities, severity)->value;
	assert_int_equal(assess_run(&in, &a, &err), 0);
	return a;
}

/* Two rounds' ports: one new, one gone, one whose software changed, one alike (diff.h). */
static void ports_compared_between_rounds(void **state)
{
	static struct scan_record rec = { .id = 1 };
	struct assess_input in = { .scan = &rec };
	static const struct service_row none,
	        ssh = { .service = "ssh", .product = "OpenSSH", .version = "9.2p1" },
	        telnet = { .service = "telnet" }, https = { .service = "https" },
	        nginx_old = { .service = "https", .product = "nginx", .version = "1.22.1" },
	        nginx_new = { .service = "https", .product = "nginx", .version = "1.24.0" };
	struct assess_port before[] = {
		{ 1, "203.0.113.1", "tcp", 22, "open", 1, &ssh, 0 },
		{ 1, "203.0.113.1", "tcp", 23, "open", 1, &telnet, 0 },
		{ 1, "203.0.113.1", "tcp", 443, "open", 1, &nginx_old, 0 },
		{ 1, "203.0.113.1", "udp", 161, "open_filtered", 0, &none, 0 },
	}, after[] = {
		{ 1, "203.0.113.1", "tcp", 22, "open", 1, &ssh, 0 },
		{ 1, "203.0.113.1", "tcp", 443, "open", 1, &nginx_new, 0 },
		{ 1, "203.0.113.1", "tcp", 8443, "open", 1, &https, 0 },
	};
	struct assessment a = { .in = &in, .ports = before, .n_ports = 4 },
	                  b = { .in = &in, .ports = after, .n_ports = 3 };
	struct round_diff *d = round_diff(&a, 1, "2026-11-01T00:00:00Z", &b, 2,
	                                  "2026-12-01T00:00:00Z");
	char *json;

	(void)state;
	assert_true(d->scanned);
	assert_int_equal(d->ports_new.n, 1);
	assert_string_equal(d->ports_new.v[0].key, "tcp 203.0.113.1 8443");
	assert_int_equal(d->ports_gone.n, 1); /* 23; the silent UDP port never counted */
	assert_string_equal(d->ports_gone.v[0].key, "tcp 203.0.113.1 23");
	assert_int_equal(d->services_changed.n, 1);
	assert_string_equal(d->services_changed.v[0].was, "https nginx 1.22.1");
	assert_string_equal(d->services_changed.v[0].now, "https nginx 1.24.0");
	assert_int_equal(d->ports_unchanged, 2); /* 22 alike, 443 with another version */
	json = round_diff_json(d);
	assert_non_null(strstr(json, "\"unchanged\": 2"));
	free(json);
	round_diff_free(d);
	/* Without a diagnosis on one side, ports are not compared at all. */
	in.scan = NULL;
	d = round_diff(&a, 1, "x", &b, 2, "y");
	assert_false(d->scanned);
	assert_int_equal(d->ports_new.n + d->ports_gone.n, 0);
	round_diff_free(d);
}

/* What calls for the early report: exact matches at 7.0 or more in v3, or in v2 for older records, or KEV. */
static void urgent_vulnerabilities(void **state)
{
	struct assess_vuln
	        v3 = { .score = 9.8, .cvss_version = 3, .confidence = VDB_CONF_EXACT },
	        v2 = { .score = 7.5, .cvss_version = 2, .confidence = VDB_CONF_EXACT },
	        v2low = { .score = 6.8, .cvss_version = 2, .confidence = VDB_CONF_EXACT },
	        rough = { .score = 9.8, .cvss_version = 3, .confidence = VDB_CONF_ROUGH },
	        kev = { .score = -1, .cvss_version = 0, .kev = 1, .confidence = VDB_CONF_EXACT };

	(void)state;
	assert_true(assess_vuln_urgent(&v3));
	assert_true(assess_vuln_urgent(&v2));
	assert_false(assess_vuln_urgent(&v2low));
	assert_false(assess_vuln_urgent(&rough));
	assert_true(assess_vuln_urgent(&kev));
}

/* The words that become links in the HTML and the PDF, and where they lead. */
static void vulnerability_numbers_link(void **state)
{
	const char *text =
	        "CVE-2024-21762 (JVNDB-2024-001234)、xCVE-2024-1 CVE-24-1 JVNDB-2024-12 CVE-2023-4966";
	size_t at = 0, len;
	char url[160];

	(void)state;
	assert_int_equal(rdoc_next_ref(text, &at, &len, url, sizeof(url)), 1);
	assert_int_equal(at, 0);
	assert_int_equal(len, 14);
	assert_string_equal(url, "https://nvd.nist.gov/vuln/detail/CVE-2024-21762");
	at += len;
	assert_int_equal(rdoc_next_ref(text, &at, &len, url, sizeof(url)), 1);
	assert_int_equal(len, 17);
	assert_string_equal(url, "https://jvndb.jvn.jp/ja/contents/2024/JVNDB-2024-001234.html");
	at += len;
	/* Inside a word, a short year or a short JVNDB number: not a reference. */
	assert_int_equal(rdoc_next_ref(text, &at, &len, url, sizeof(url)), 1);
	assert_string_equal(url, "https://nvd.nist.gov/vuln/detail/CVE-2023-4966");
	at += len;
	assert_int_equal(rdoc_next_ref(text, &at, &len, url, sizeof(url)), 0);
}

static void the_early_report(void **state)
{
	struct fixture *f = *state;
	struct assessment *a = with_remote(f, "rdp-no-nla", "critical");

	/* 緊急 from the diagnosis: first, and the early report is due. */
	assert_int_equal(a->early_due, 1);
	assert_string_equal(a->findings[0].rule, "rdp-no-nla");
	assert_int_equal(a->findings[0].rank, 1);
	assert_int_equal(a->findings[0].early, 1);
	assert_string_equal(a->findings[0].manual,
	                    "06 保守作業等の医療情報システムへのアクセス管理");
	/* The line: diagnosed at its address, one port answered, one UDP port silent. */
	assert_string_equal(a->lines[0].diagnosis, "diagnosed");
	assert_int_equal(a->lines[0].n_ports, 2);
	assert_int_equal(a->lines[0].responding, 1);
	assert_string_equal(a->lines[1].diagnosis,
	                    "not_diagnosed"); /* △: the meeting is not recorded */
	assert_string_equal(a->lines[2].diagnosis,
	                    "address_unknown"); /* dynamic, not confirmed on the day */
	assert_string_equal(a->lines[3].diagnosis, "not_eligible");    /* 閉域網 */
	assert_string_equal(a->lines[4].diagnosis, "address_unknown"); /* グローバルIP 不明 */

	/* What the report composes from it: the early report exists, the files say so. */
	char dir[] = "/tmp/medsec-report-XXXXXX";
	struct report_opts o = { .lang = MS_LANG_JA,
		                 .generated_at = "2026-11-23",
		                 .formats = REPORT_HTML | REPORT_JSON };
	struct report_files files;
	struct ms_error err;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(report_write(a, dir, &o, &files, &err), 0);
	assert_int_equal(files.early, 1);
	assert_int_equal(files.n, 3); /* report.html, report.json, early-report.html */
	assert_non_null(strstr(files.path[2], "early-report.html"));
	for (size_t i = 0; i < files.n; i++)
		unlink(files.path[i]);
	rmdir(dir);
	assessment_free(a);

	/* 注意 only: no early report. */
	a = with_remote(f, "ntp-open", "low");
	assert_int_equal(a->early_due, 0);
	assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(onsite_reads_and_round_trips),
		cmocka_unit_test(onsite_checked_against_the_plan),
		cmocka_unit_test(onsite_sheet_round_trip),
		cmocka_unit_test(passwords_against_the_guideline),
		cmocka_unit_test(vulnerability_numbers_link),
		cmocka_unit_test(urgent_vulnerabilities),
		cmocka_unit_test(ports_compared_between_rounds),
		cmocka_unit_test(the_early_report),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
