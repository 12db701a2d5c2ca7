/* test_probe.c - the probe database: every entry's examples (checked by the loader), replies
 * decided with evidence, and bad databases refused with the place named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "medsec/probe.h"
#include "probe/probe_int.h"

static struct probe_db *load_shipped(void)
{
	char path[4096];
	struct probe_db *db;
	struct ms_diags d = { 0 };
	struct ms_error err;

	snprintf(path, sizeof(path), "%s/data/probes.json", getenv("MEDSEC_SOURCE"));
	assert_int_equal(probe_db_load(path, &db, &d, &err), 0);
	assert_int_equal(d.n, 0);
	return db;
}

static void shipped_database_loads(void **state)
{
	struct probe_db *db = load_shipped();

	(void)state;
	assert_true(probe_db_count(db) >= 30);
	probe_db_free(db);
}

static void replies_decided_with_evidence(void **state)
{
	struct probe_db *db = load_shipped();
	struct probe_result r;
	static const char ssh[] = "SSH-2.0-OpenSSH_8.4p1 Raspbian-5+deb11u3\r\n";
	static const char http[] =
	        "HTTP/1.1 302 Found\r\nServer: xxxxxxxx-xxxxx\r\nLocation: https://203.0.113.5:10443/remote/login?lang=en\r\n\r\n";
	static const unsigned char bin[] = { 0xff, 0xfd, 0x18, 0xff, 0xfd, 0x20 };

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(probe_identify(db, "banner", (const unsigned char *)ssh, strlen(ssh), &r),
	                 1);
	assert_string_equal(r.svc.product, "OpenSSH");
	assert_string_equal(r.svc.version, "8.4p1");
	assert_string_equal(r.svc.extra, "Raspbian-5+deb11u3");
	assert_string_equal(r.svc.cpe, "cpe:2.3:a:openbsd:openssh:8.4p1:*:*:*:*:*:*:*");
	assert_int_equal(r.svc.confidence, 100);
	assert_string_equal(r.svc.evidence, "SSH-2.0-OpenSSH_8.4p1 Raspbian-5+deb11u3\\r\\n");

	memset(&r, 0, sizeof(r));
	assert_int_equal(probe_identify(db, "http", (const unsigned char *)http, strlen(http), &r),
	                 1);
	assert_string_equal(r.svc.device, "FortiGate");
	assert_string_equal(r.svc.cpe, "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*");
	assert_non_null(strstr(r.svc.evidence, "/remote/login"));

	/* Binary replies: escaped in the evidence. A banner is not an HTTP reply. */
	memset(&r, 0, sizeof(r));
	assert_int_equal(probe_identify(db, "banner", bin, sizeof(bin), &r), 1);
	assert_string_equal(r.svc.service, "telnet");
	assert_string_equal(r.svc.evidence, "\\xff\\xfd\\x18\\xff\\xfd ");
	memset(&r, 0, sizeof(r));
	assert_int_equal(probe_identify(db, "http", (const unsigned char *)ssh, 7, &r), 0);
	assert_int_equal(probe_identify(db, "banner", (const unsigned char *)"", 0, &r), 0);
	probe_db_free(db);
}

static int load_text(const char *json, struct ms_diags *d)
{
	char path[] = "/tmp/medsec-test-probes.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct probe_db *db = NULL;
	struct ms_error err;
	int rc;

	fputs(json, f);
	fclose(f);
	rc = probe_db_load(path, &db, d, &err);
	remove(path);
	assert_true(rc != 0 || db != NULL);
	probe_db_free(db);
	return rc;
}

static void bad_databases_refused(void **state)
{
	struct ms_diags d = { 0 };

	(void)state;
	/* A pattern that does not compile. */
	assert_int_equal(
	        load_text(
	                "{\"medsec_probes\":1,\"probes\":[{\"name\":\"banner\"}],\"matches\":[{\"name\":\"x\","
	                "\"probe\":\"banner\",\"service\":\"x\",\"pattern\":\"(\",\"source\":\"s\","
	                "\"examples\":[{\"reply\":\"x\"}]}]}",
	                &d),
	        MS_ERR_INPUT);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].where, ":/matches/0"));
	ms_diags_dispose(&d);
	/* An example the entry does not identify as it says. */
	assert_int_equal(
	        load_text(
	                "{\"medsec_probes\":1,\"probes\":[{\"name\":\"banner\"}],\"matches\":[{\"name\":\"x\","
	                "\"probe\":\"banner\",\"service\":\"x\",\"pattern\":\"^A([0-9])\",\"version\":\"$1\","
	                "\"source\":\"s\",\"examples\":[{\"reply\":\"A1\",\"version\":\"2\"}]}]}",
	                &d),
	        MS_ERR_INPUT);
	assert_non_null(strstr(d.v[0].where, ":/matches/0/examples/0"));
	ms_diags_dispose(&d);
	/* No source, an unknown probe, no example, bad hex. */
	assert_int_equal(
	        load_text(
	                "{\"medsec_probes\":1,\"probes\":[{\"name\":\"banner\"},{\"name\":\"b\",\"send_hex\":\"zz\"}],"
	                "\"matches\":[{\"name\":\"x\",\"probe\":\"banner\",\"service\":\"x\",\"pattern\":\"a\"},"
	                "{\"name\":\"y\",\"probe\":\"nope\",\"service\":\"x\",\"pattern\":\"a\",\"source\":\"s\"}]}",
	                &d),
	        MS_ERR_INPUT);
	assert_int_equal(d.errors, 3);
	ms_diags_dispose(&d);
	assert_int_equal(load_text("{\"medsec_probes\":2}", &d), MS_ERR_INPUT);
	ms_diags_dispose(&d);
}

static void checks_load_and_decide(void **state)
{
	char path[4096];
	struct probe_checks *c;
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct probe_result r[3];
	struct probe_finding *f;
	size_t n;

	(void)state;
	snprintf(path, sizeof(path), "%s/data/checks.json", getenv("MEDSEC_SOURCE"));
	assert_int_equal(probe_checks_load(path, &c, &d, &err), 0);
	memset(r, 0, sizeof(r));
	strcpy(r[0].svc.service, "http"); /* nothing to say */
	strcpy(r[1].svc.service, "rdp");
	strcpy(r[1].svc.decided_by, "rdp-no-nla");
	strcpy(r[2].svc.service, "http");
	r[2].tls.done = 1;
	strcpy(r[2].tls.version, "TLSv1.2");
	strcpy(r[2].tls.offered, "TLSv1 TLSv1.2");
	strcpy(r[2].tls.key_type, "RSA");
	r[2].tls.key_bits = 1024;
	r[2].tls.self_signed = 1;
	assert_int_equal(probe_check(c, MS_LANG_JA, r, 3, &f, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(f[0].check,
	                    "rdp-no-nla"); /* critical first; the general RDP check not repeated */
	assert_int_equal(f[0].result, 1);
	assert_string_equal(f[0].manual, "06 保守作業等の医療情報システムへのアクセス管理");
	for (size_t i = 1; i < n; i++) {
		assert_int_equal(f[i].result, 2);
		assert_int_equal(f[i].kind, FKIND_TLS);
	}
	free(f);
	probe_checks_free(c);
}

#define EN "\"title_en\":\"t\",\"reason_en\":\"r\",\"advice_en\":\"a\",\"manual_en\":\"m\","

static void bad_checks_refused(void **state)
{
	char path[] = "/tmp/medsec-test-checks.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct probe_checks *c;
	struct ms_diags d = { 0 };
	struct ms_error err;

	(void)state;
	/*
	 * A device family without the source of its ports; an unknown condition; an example the
	 * condition does not hold for; a bad severity; no English.
	 */
	fputs("{\"medsec_checks\":1,\"device_ports\":[{\"device\":\"FortiGate\",\"tcp\":[443]}],\"checks\":["
	      "{\"id\":\"a\",\"kind\":\"exposure\",\"severity\":\"high\",\"when\":{\"colour\":\"red\"}," EN
	      "\"title\":\"t\",\"reason\":\"r\",\"advice\":\"a\",\"manual\":\"m\",\"example\":{}},"
	      "{\"id\":\"b\",\"kind\":\"exposure\",\"severity\":\"high\",\"when\":{\"service\":\"rdp\"}," EN
	      "\"title\":\"t\",\"reason\":\"r\",\"advice\":\"a\",\"manual\":\"m\",\"example\":{\"service\":\"ssh\"}},"
	      "{\"id\":\"c\",\"kind\":\"exposure\",\"severity\":\"dire\",\"when\":{\"service\":\"rdp\"}," EN
	      "\"title\":\"t\",\"reason\":\"r\",\"advice\":\"a\",\"manual\":\"m\",\"example\":{\"service\":\"rdp\"}},"
	      "{\"id\":\"d\",\"kind\":\"exposure\",\"severity\":\"high\",\"when\":{\"service\":\"rdp\"},"
	      "\"title\":\"t\",\"reason\":\"r\",\"advice\":\"a\",\"manual\":\"m\",\"example\":{\"service\":\"rdp\"}}]}",
	      f);
	fclose(f);
	assert_int_equal(probe_checks_load(path, &c, &d, &err), MS_ERR_INPUT);
	assert_null(c);
	assert_true(d.errors >= 5); /* each entry is refused for its own fault */
	assert_non_null(strstr(d.v[0].where, ":/device_ports/0"));
	assert_non_null(strstr(d.v[1].where, ":/checks/0"));
	assert_non_null(
	        strstr(d.v[d.n - 1].where, ":/checks/3")); /* the one without English texts */
	ms_diags_dispose(&d);
	remove(path);
}

/* An HTTP reply of status, headers and body (body_len bytes) in a new buffer of *n bytes. */
static unsigned char *reply_of(const char *head, const unsigned char *body, size_t body_len,
                               size_t *n)
{
	size_t h = strlen(head);
	unsigned char *p = malloc(h + body_len);

	memcpy(p, head, h);
	memcpy(p + h, body, body_len);
	*n = h + body_len;
	return p;
}

/*
 * The favicon hash, against values from an independent MurmurHash3 (Python,
 * checked on the published vectors "abc" -> 0xb3dd93fa and "Hello, world!"
 * seeded 0x9747b28c -> 0x24884cba) over Python's base64.encodebytes.
 */
static void favicon_hashed_as_search_engines_do(void **state)
{
	unsigned char icon[200], chunked[512];
	unsigned char *p;
	size_t n, k;
	int32_t h = 0;

	(void)state;
	for (int i = 0; i < 200; i++)
		icon[i] = (unsigned char)i;
	p = reply_of("HTTP/1.1 200 OK\r\nContent-Type: image/x-icon\r\nContent-Length: 200\r\n\r\n",
	             icon, 200, &n);
	assert_int_equal(probe_favicon_hash(p, n, &h), 1);
	assert_int_equal(h, -1874651529); /* three base64 lines: 76 + 76 + 116 characters */
	free(p);
	p = reply_of("HTTP/1.1 200 OK\r\n\r\n", (const unsigned char *)"abc", 3, &n);
	assert_int_equal(probe_favicon_hash(p, n, &h), 1);
	assert_int_equal(h, -868969266);
	free(p);
	/* The same icon sent in two chunks hashes the same. */
	k = (size_t)snprintf((char *)chunked, sizeof(chunked), "%x\r\n", 150);
	memcpy(chunked + k, icon, 150);
	k += 150;
	k += (size_t)snprintf((char *)chunked + k, sizeof(chunked) - k, "\r\n%x\r\n", 50);
	memcpy(chunked + k, icon + 150, 50);
	k += 50;
	k += (size_t)snprintf((char *)chunked + k, sizeof(chunked) - k, "\r\n0\r\n\r\n");
	p = reply_of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", chunked, k, &n);
	h = 0;
	assert_int_equal(probe_favicon_hash(p, n, &h), 1);
	assert_int_equal(h, -1874651529);
	free(p);
	/* No hash: cut short, not found, a text page, nothing at all. */
	p = reply_of("HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n", icon, 200, &n);
	assert_int_equal(probe_favicon_hash(p, n, &h), 0);
	free(p);
	p = reply_of("HTTP/1.1 404 Not Found\r\n\r\n", icon, 200, &n);
	assert_int_equal(probe_favicon_hash(p, n, &h), 0);
	free(p);
	p = reply_of("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", icon, 200, &n);
	assert_int_equal(probe_favicon_hash(p, n, &h), 0);
	free(p);
	assert_int_equal(
	        probe_favicon_hash((const unsigned char *)"HTTP/1.1 200 OK\r\n\r\n", 19, &h), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_database_loads),
		cmocka_unit_test(replies_decided_with_evidence),
		cmocka_unit_test(bad_databases_refused),
		cmocka_unit_test(checks_load_and_decide),
		cmocka_unit_test(bad_checks_refused),
		cmocka_unit_test(favicon_hashed_as_search_engines_do),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
