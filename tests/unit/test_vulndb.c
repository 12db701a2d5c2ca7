/*
 * test_vulndb.c - the vulnerability index built from the real NVD, KEV and
 * JVN fixtures, and the answers it gives for products seen at hospital edges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "medsec/cpe.h"
#include "medsec/vulndb.h"
#include "vulndb/vdb_int.h"

static char dir[] = "/tmp/medsec-test-vulndb.XXXXXX";
static char full[4200], nvd_only[4200];

static const char *fixture(const char *rel)
{
	static char path[8][4096];
	static int k;

	k = (k + 1) % 8;
	snprintf(path[k], sizeof(path[k]), "%s/tests/fixtures/%s", getenv("MEDSEC_SOURCE"), rel);
	return path[k];
}

static void import_ok(struct vdb_builder *b, const char *rel)
{
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc = vdb_import_file(b, fixture(rel), rel, &d, &err);

	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s: %s %s\n", d.v[i].where, d.v[i].value ? d.v[i].value : "",
		        d.v[i].arg ? d.v[i].arg : "");
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	ms_diags_dispose(&d);
}

static void build(const char *path, int with_kev_jvn)
{
	struct vdb_builder *b = vdb_builder_new();
	struct ms_error err;

	import_ok(b, "nvd/nvd_api2_bundle.json");
	if (with_kev_jvn) {
		import_ok(b, "kev/known_exploited_vulnerabilities.json");
		import_ok(b, "jvn/dataFeed_jvndb_detail_hnd.xml");
		import_ok(b, "jvn/getVulnOverviewList_hnd.xml");
		import_ok(b, "jvn/getVulnDetailInfo_hnd_JVNDB-2018-009328.xml");
	}
	assert_int_equal(vdb_builder_write(b, path, &err), 0);
	vdb_builder_free(b);
}

static int setup(void **state)
{
	(void)state;
	setenv("MEDSEC_NOW", "2026-11-23T00:00:00Z", 1);
	if (!mkdtemp(dir))
		return -1;
	snprintf(full, sizeof(full), "%s/full.vdb", dir);
	snprintf(nvd_only, sizeof(nvd_only), "%s/nvd.vdb", dir);
	build(full, 1);
	build(nvd_only, 0);
	return 0;
}

static int teardown(void **state)
{
	char cmd[4300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static struct vdb *open_ok(const char *path)
{
	struct vdb *db;
	struct ms_error err;

	assert_int_equal(vdb_open(path, &db, &err), 0);
	return db;
}

/* The match for a CVE in a lookup, or NULL. */
static const struct vdb_match *find(const struct vdb_matches *m, const char *cve)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].cve && strcmp(m->v[i].cve, cve) == 0)
			return &m->v[i];
	return NULL;
}

/* The match for a CVE, failing the test when there is none. */
static const struct vdb_match *must(const struct vdb_matches *m, const char *cve)
{
	const struct vdb_match *x = find(m, cve);

	if (!x) {
		fail_msg("no match for %s", cve);
		abort();
	}
	return x;
}

static void lookup(const struct vdb *db, const char *vendor, const char *product,
                   const char *version, const char *platform, struct vdb_matches *m)
{
	struct vdb_query q = {
		.vendor = vendor, .product = product, .version = version, .platform = platform
	};

	assert_int_equal(vdb_lookup(db, &q, m), 0);
}

static void status_counts(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_status st;

	(void)state;
	vdb_status(db, &st);
	assert_int_equal(st.src[VDB_SRC_NVD].records, 23);
	assert_int_equal(st.unanalysed, 3); /* CVE-2024-3400, CVE-2023-38555, CVE-2026-16876 */
	assert_int_equal(st.src[VDB_SRC_KEV].records, 1404);
	assert_string_equal(st.src[VDB_SRC_KEV].newest, "2025.08.25");
	assert_int_equal(st.src[VDB_SRC_JVN].records, 9);
	assert_string_equal(st.src[VDB_SRC_NVD].newest, "2026-09-07T02:17:17.630");
	assert_int_equal(st.score_mismatches, 0);
	assert_int_equal(st.built, 20261123);
	vdb_close(db);
}

static void fortios_ranges(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	const struct vdb_match *x;

	(void)state;
	lookup(db, "fortinet", "fortios", "6.0.4", NULL, &m);
	x = must(&m, "CVE-2018-13379");
	assert_int_equal(x->confidence, VDB_CONF_EXACT);
	assert_true(x->kev);
	assert_true(x->ransomware);
	assert_true(x->v3_score > 9.79 && x->v3_score < 9.81);
	assert_string_equal(x->v3_vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	assert_int_equal(x->reasons, 0);
	assert_string_equal(x->criterion, "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*");
	assert_non_null(find(&m, "CVE-2024-21762"));
	/* Severity first: the first match is a 9.8. */
	assert_true(m.v[0].v3_score >= 9.8);
	vdb_matches_free(&m);

	lookup(db, "Fortinet", "FortiOS", "7.2.6", NULL, &m);
	x = must(&m, "CVE-2024-21762");
	assert_int_equal(x->confidence, VDB_CONF_EXACT);
	assert_string_equal(x->range, "7.2.0 <= v < 7.2.7");
	/* The bounds as data: the fix is the excluded end, no display text parsed. */
	assert_string_equal(x->range_start, "7.2.0");
	assert_true(x->start_incl);
	assert_string_equal(x->range_end, "7.2.7");
	assert_false(x->end_incl);
	assert_string_equal(x->fixed_in, "7.2.7");
	assert_null(find(&m, "CVE-2018-13379"));
	vdb_matches_free(&m);

	lookup(db, "fortinet", "fortios", "7.2.7", NULL, &m);
	assert_null(find(&m, "CVE-2024-21762"));
	vdb_matches_free(&m);
	vdb_close(db);

	/* A patched version: nothing at all from the NVD records. */
	db = open_ok(nvd_only);
	lookup(db, "fortinet", "fortios", "7.4.3", NULL, &m);
	assert_int_equal(m.n, 0);
	vdb_matches_free(&m);
	lookup(db, "fortinet", "fortios", "7.4.2", NULL, &m);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].cve, "CVE-2024-21762");
	vdb_matches_free(&m);
	vdb_close(db);
}

static void and_configurations(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	const struct vdb_match *x;

	(void)state;
	/* SonicOS: every configuration names the hardware it runs on. */
	lookup(db, "sonicwall", "sonicos", "7.0.1-5035", NULL, &m);
	x = must(&m, "CVE-2024-40766");
	assert_int_equal(x->confidence, VDB_CONF_ROUGH);
	assert_int_equal(x->reasons, VDB_WHY_PLATFORM);
	vdb_matches_free(&m);

	lookup(db, "sonicwall", "sonicos", "7.0.1-5035", "nsa_2700", &m);
	x = must(&m, "CVE-2024-40766");
	assert_int_equal(x->confidence, VDB_CONF_EXACT);
	vdb_matches_free(&m);

	lookup(db, "sonicwall", "sonicos", "7.0.1-5035", "fortigate-60f", &m);
	assert_null(find(&m, "CVE-2024-40766"));
	vdb_matches_free(&m);

	lookup(db, "sonicwall", "sonicos", "7.0.1-5036", "nsa_2700", &m);
	assert_null(find(&m, "CVE-2024-40766"));
	vdb_matches_free(&m);

	/* Firmware named after its device: the platform is implied. Yamaha writes "Rev.". */
	lookup(db, "yamaha", "wlx222_firmware", "Rev.24.00.03", NULL, &m);
	x = must(&m, "CVE-2024-22366");
	assert_int_equal(x->confidence, VDB_CONF_EXACT);
	vdb_matches_free(&m);
	lookup(db, "yamaha", "wlx222_firmware", "Rev.24.00.04", NULL, &m);
	assert_null(find(&m, "CVE-2024-22366"));
	vdb_matches_free(&m);
	vdb_close(db);
}

static void vendor_version_schemes(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	const struct vdb_match *x;

	(void)state;
	/* IOS XE: 17.6 <= v < 17.6.6a */
	lookup(db, "cisco", "ios_xe", "17.6.6", NULL, &m);
	assert_non_null(find(&m, "CVE-2023-20198"));
	vdb_matches_free(&m);
	lookup(db, "cisco", "ios_xe", "17.6.6a", NULL, &m);
	assert_null(find(&m, "CVE-2023-20198"));
	vdb_matches_free(&m);

	/* Ivanti: version 22.7, update r2.3, as the appliance shows it. */
	lookup(db, "ivanti", "connect_secure", "22.7R2.3", NULL, &m);
	x = must(&m, "CVE-2025-0282");
	assert_int_equal(x->confidence, VDB_CONF_EXACT);
	assert_string_equal(x->range, "= 22.7r2.3");
	assert_null(x->fixed_in); /* one listed version: nothing says which fixes it */
	assert_string_equal(x->range_start, "22.7r2.3");
	assert_string_equal(x->criterion, "cpe:2.3:a:ivanti:connect_secure:22.7:r2.3:*:*:*:*:*:*");
	vdb_matches_free(&m);
	lookup(db, "ivanti", "connect_secure", "22.7R2.5", NULL, &m);
	assert_null(find(&m, "CVE-2025-0282"));
	vdb_matches_free(&m);
	vdb_close(db);
}

static void cpe_queries(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	struct vdb_query q;
	struct cpe c;
	char ver[300];

	(void)state;
	/* Both bindings; the update attribute joins the version (Ivanti). */
	assert_int_equal(vdb_query_from_cpe("cpe:2.3:a:ivanti:connect_secure:22.7:r2.3:*:*:*:*:*:*",
	                                    &c, ver, sizeof(ver), &q),
	                 0);
	assert_string_equal(q.version, "22.7r2.3");
	assert_int_equal(vdb_lookup(db, &q, &m), 0);
	assert_int_equal(must(&m, "CVE-2025-0282")->confidence, VDB_CONF_EXACT);
	vdb_matches_free(&m);
	assert_int_equal(
	        vdb_query_from_cpe("cpe:/o:fortinet:fortios:7.2.6", &c, ver, sizeof(ver), &q), 0);
	assert_int_equal(vdb_lookup(db, &q, &m), 0);
	assert_int_equal(must(&m, "CVE-2024-21762")->confidence, VDB_CONF_EXACT);
	vdb_matches_free(&m);
	/* A part that contradicts the criteria (FortiOS is an operating system, "o"). */
	assert_int_equal(vdb_query_from_cpe("cpe:2.3:a:fortinet:fortios:7.2.6:*:*:*:*:*:*:*", &c,
	                                    ver, sizeof(ver), &q),
	                 0);
	assert_int_equal(vdb_lookup(db, &q, &m), 0);
	assert_null(find(&m, "CVE-2024-21762"));
	vdb_matches_free(&m);
	/* The hardware in target_hw picks the AND configurations that name it. */
	assert_int_equal(
	        vdb_query_from_cpe("cpe:2.3:o:sonicwall:sonicos:7.0.1-5035:*:*:*:*:*:nsa_2700:*",
	                           &c, ver, sizeof(ver), &q),
	        0);
	assert_string_equal(q.platform, "nsa_2700");
	assert_int_equal(vdb_lookup(db, &q, &m), 0);
	assert_int_equal(must(&m, "CVE-2024-40766")->confidence, VDB_CONF_EXACT);
	vdb_matches_free(&m);
	assert_int_equal(vdb_query_from_cpe("cpe:2.3:o", &c, ver, sizeof(ver), &q), -1);
	vdb_close(db);
}

static void backported_banner_is_rough(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	const struct vdb_match *x;

	(void)state;
	lookup(db, "openbsd", "openssh", "9.2p1 Debian-2+deb12u3", NULL, &m);
	x = must(&m, "CVE-2024-6387");
	assert_int_equal(x->confidence, VDB_CONF_ROUGH);
	assert_true(x->reasons & VDB_WHY_BACKPORT);
	vdb_matches_free(&m);

	lookup(db, "openbsd", "openssh", "9.2p1-2+deb12u3", NULL, &m);
	x = must(&m, "CVE-2024-6387");
	assert_int_equal(x->confidence, VDB_CONF_ROUGH);
	vdb_matches_free(&m);

	lookup(db, "openbsd", "openssh", "9.2p1", NULL, &m);
	x = must(&m, "CVE-2024-6387");
	assert_int_equal(x->confidence, VDB_CONF_EXACT);
	vdb_matches_free(&m);

	lookup(db, "openbsd", "openssh", "9.8p1", NULL, &m);
	assert_null(find(&m, "CVE-2024-6387"));
	vdb_matches_free(&m);

	/* No version: product-level, marked so. */
	lookup(db, "openbsd", "openssh", NULL, NULL, &m);
	x = must(&m, "CVE-2024-6387");
	assert_int_equal(x->confidence, VDB_CONF_PRODUCT);
	assert_true(x->reasons & VDB_WHY_NO_VERSION);
	vdb_matches_free(&m);
	vdb_close(db);
}

static void unanalysed_records_fall_back(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	const struct vdb_match *x;

	(void)state;
	/* PAN-OS CVE-2024-3400: NVD had not analysed it; KEV names Palo Alto Networks PAN-OS. */
	lookup(db, "paloaltonetworks", "pan-os", "11.1.0", NULL, &m);
	x = must(&m, "CVE-2024-3400");
	assert_int_equal(x->confidence, VDB_CONF_PRODUCT);
	assert_true(x->reasons & VDB_WHY_UNANALYSED);
	assert_true(x->kev && x->ransomware);
	assert_true(x->v3_score > 9.99);
	vdb_matches_free(&m);

	/* NEC UNIVERGE IX-R/IX-V: status Received, CVSS 4.0 only, the CNA's text. */
	lookup(db, "nec", "univerge_ix", "1.4.22", NULL, &m);
	x = must(&m, "CVE-2026-16876");
	assert_int_equal(x->confidence, VDB_CONF_PRODUCT);
	assert_non_null(x->affected_text);
	assert_non_null(strstr(x->affected_text, "Ver1.4.21 through Ver1.4.28"));
	assert_non_null(x->v4_vector);
	assert_true(x->v4_score > 9.29 && x->v4_score < 9.31);
	assert_null(x->v3_vector);
	vdb_matches_free(&m);
	vdb_close(db);
}

static void jvn_entries(void **state)
{
	struct vdb *db = open_ok(full);
	struct vdb_matches m;
	const struct vdb_match *x;

	(void)state;
	/* "ファームウェアバージョン 1.05およびそれ以前" */
	lookup(db, "planex", "mzk-dp300n", "1.05", NULL, &m);
	x = must(&m, "CVE-2025-21603");
	assert_string_equal(x->jvndb[0], "JVNDB-2025-000001");
	assert_int_equal(x->confidence, VDB_CONF_ROUGH);
	assert_true(x->reasons & VDB_WHY_JVN_TEXT);
	assert_non_null(strstr(x->title, "MZK-DP300N")); /* JVN's Japanese title */
	vdb_matches_free(&m);
	lookup(db, "planex", "mzk-dp300n", "1.06", NULL, &m);
	assert_int_equal(m.n, 0);
	vdb_matches_free(&m);

	/* "Ver.1.4.2より前のバージョン" (NEC Aterm, three CVEs in one entry). */
	lookup(db, "nec", "aterm_wg2600hp4_firmware", "1.4.1", NULL, &m);
	assert_true(m.n >= 1);
	assert_string_equal(m.v[0].jvndb[0], "JVNDB-2025-000002");
	vdb_matches_free(&m);
	lookup(db, "nec", "aterm_wg2600hp4_firmware", "1.4.2", NULL, &m);
	assert_int_equal(m.n, 0);
	vdb_matches_free(&m);

	/* Listed versions 7.7, 8.0, 8.1; no CVE: the JVN entry stands alone. */
	lookup(db, "veritas", "netbackup", "8.0", NULL, &m);
	assert_int_equal(m.n, 1);
	assert_null(m.v[0].cve);
	assert_string_equal(m.v[0].jvndb[0], "JVNDB-2018-009328");
	assert_true(m.v[0].v3_score > 9.79 && m.v[0].v3_score < 9.81);
	vdb_matches_free(&m);
	lookup(db, "veritas", "netbackup", "8.2", NULL, &m);
	assert_int_equal(m.n, 0);
	vdb_matches_free(&m);

	/* Text a program should not guess at: product-level, marked for a person. */
	lookup(db, "trendmicro", "serverprotect", "5.8", NULL, &m);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].confidence, VDB_CONF_PRODUCT);
	assert_non_null(m.v[0].affected_text);
	vdb_matches_free(&m);
	vdb_close(db);
}

/* Criteria rebuilt rather than stored read back exactly as the feed wrote them. */
/* Every "criteria" string anywhere in a JSON document, appended to *out (a jansson array). */
static void collect_criteria(json_t *v, json_t *out)
{
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach (v, key, x) {
			if (!strcmp(key, "criteria") && json_is_string(x))
				json_array_append(out, x);
			else
				collect_criteria(x, out);
		}
	} else if (json_is_array(v)) {
		json_array_foreach (v, i, x)
			collect_criteria(x, out);
	}
}

static int in_list(json_t *list, const char *s)
{
	json_t *x;
	size_t i;

	json_array_foreach (list, i, x)
		if (!strcmp(json_string_value(x), s))
			return 1;
	return 0;
}

/* The index gives back each NVD criterion exactly as the feed wrote it (not as we re-format it). */
static void criteria_as_written(void **state)
{
	struct vdb *db = open_ok(nvd_only);
	char path[4200];
	json_error_t jerr;
	json_t *feed, *written = json_array();
	size_t checked = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/tests/fixtures/nvd/nvd_api2_bundle.json",
	         getenv("MEDSEC_SOURCE"));
	assert_non_null(feed = json_load_file(path, 0, &jerr));
	collect_criteria(feed, written);
	json_decref(feed);
	assert_true(json_array_size(written) > 50);
	for (size_t i = 0; i < db->nprods; i++) {
		struct vdb_query q = { .vendor = vdb_s(db, db->prods[i].vendor),
			               .product = vdb_s(db, db->prods[i].product) };
		struct vdb_matches m;
		assert_int_equal(vdb_lookup(db, &q, &m), 0);
		for (size_t k = 0; k < m.n; k++) {
			if (!m.v[k].criterion)
				continue;
			if (!in_list(written, m.v[k].criterion))
				fail_msg("criterion not in the feed as written: %s",
				         m.v[k].criterion);
			checked++;
		}
		vdb_matches_free(&m);
	}
	assert_true(checked > 50);
	json_decref(written);
	vdb_close(db);
}

static void jvn_version_texts(void **state)
{
	static const struct {
		const char *text, *start, *end;
		unsigned flags;
		int ok;
	} cases[] = {
		{ "ファームウェアバージョン 1.05およびそれ以前", "", "1.05", CF_END_INCL, 1 },
		{ "Ver.1.3.0より前のバージョン（CVE-2025-0355）", "", "1.3.0", 0, 1 },
		{ "7.6.2より前のバージョン", "", "7.6.2", 0, 1 },
		{ "2.0 未満", "", "2.0", 0, 1 },
		{ "Rev.15.02.30 以前", "", "15.02.30", CF_END_INCL, 1 },
		{ "1.0 から 1.5", "1.0", "1.5", CF_START_INCL | CF_END_INCL, 1 },
		{ "8.0", "8.0", "8.0", CF_EXACT | CF_START_INCL | CF_END_INCL, 1 },
		{ "すべてのバージョン", "", "", 0, 1 },
		{ "for Windows 5.8 (Build 1575) 未満", "", "", 0, 0 },
		{ "v6 R4 およびそれ以前のバージョン", "", "", 0, 0 },
		{ "最新版を除く", "", "", 0, 0 },
	};
	char start[64], end[64];
	unsigned flags;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ok = jvn_version_text(cases[i].text, start, end, sizeof(start), &flags);
		assert_int_equal(ok, cases[i].ok);
		if (!ok)
			continue;
		assert_string_equal(start, cases[i].start);
		assert_string_equal(end, cases[i].end);
		assert_int_equal(flags, cases[i].flags);
	}
}

static int import_text(struct vdb_builder *b, const char *text, struct ms_diags *d)
{
	return vdb_import_buffer(b, text, strlen(text), "t.json", d);
}

static void newer_record_wins_and_merge_keeps(void **state)
{
	char path[4300];
	struct vdb_builder *b = vdb_builder_new();
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct vdb *db;
	struct vdb_matches m;
	static const char newer[] =
	        "{\"id\":\"CVE-2018-13379\",\"lastModified\":\"2030-01-01T00:00:00.000\","
	        "\"vulnStatus\":\"Modified\",\"descriptions\":[{\"lang\":\"en\",\"value\":\"newer\"}],"
	        "\"configurations\":[{\"nodes\":[{\"operator\":\"OR\",\"negate\":false,\"cpeMatch\":[{"
	        "\"vulnerable\":true,\"criteria\":\"cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*\","
	        "\"versionStartIncluding\":\"6.0.0\",\"versionEndExcluding\":\"6.0.3\"}]}]}]}";
	static const char older[] =
	        "{\"id\":\"CVE-2018-13379\",\"lastModified\":\"2001-01-01T00:00:00.000\","
	        "\"descriptions\":[{\"lang\":\"en\",\"value\":\"older\"}]}";

	(void)state;
	snprintf(path, sizeof(path), "%s/merge.vdb", dir);
	/* Start from the NVD-only index, add KEV, then a newer and an older copy of one record. */
	db = open_ok(nvd_only);
	vdb_builder_load(b, db);
	vdb_close(db);
	import_ok(b, "kev/known_exploited_vulnerabilities.json");
	assert_int_equal(import_text(b, newer, &d), 0);
	assert_int_equal(import_text(b, older, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(vdb_builder_write(b, path, &err), 0);
	vdb_builder_free(b);

	db = open_ok(path);
	lookup(db, "fortinet", "fortios", "6.0.4", NULL, &m);
	assert_null(find(&m, "CVE-2018-13379"));     /* the newer record's range ends at 6.0.3 */
	assert_non_null(find(&m, "CVE-2024-21762")); /* kept from the loaded index */
	vdb_matches_free(&m);
	lookup(db, "fortinet", "fortios", "6.0.2", NULL, &m);
	assert_string_equal(must(&m, "CVE-2018-13379")->title, "newer");
	assert_true(must(&m, "CVE-2018-13379")->kev);
	vdb_matches_free(&m);
	vdb_close(db);
}

static void score_mismatch_reported(void **state)
{
	char path[4300];
	struct vdb_builder *b = vdb_builder_new();
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct vdb *db;
	struct vdb_status st;
	struct vdb_matches m;
	static const char rec[] =
	        "{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2099-0001\",\"lastModified\":\"2099-01-01\","
	        "\"metrics\":{\"cvssMetricV31\":[{\"type\":\"Primary\",\"cvssData\":{\"vectorString\":"
	        "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"baseScore\":7.5}}]},"
	        "\"configurations\":[{\"nodes\":[{\"operator\":\"OR\",\"cpeMatch\":[{\"vulnerable\":true,"
	        "\"criteria\":\"cpe:2.3:a:example:widget:1.0:*:*:*:*:*:*:*\"}]}]}]}}]}";

	(void)state;
	snprintf(path, sizeof(path), "%s/mismatch.vdb", dir);
	assert_int_equal(import_text(b, rec, &d), 0);
	assert_int_equal(vdb_builder_write(b, path, &err), 0);
	vdb_builder_free(b);
	db = open_ok(path);
	vdb_status(db, &st);
	assert_int_equal(st.score_mismatches, 1);
	lookup(db, "example", "widget", "1.0", NULL, &m);
	assert_int_equal(m.n, 1);
	assert_true(m.v[0].score_mismatch);
	assert_true(m.v[0].v3_score > 7.49 && m.v[0].v3_score < 7.51);
	assert_true(m.v[0].v3_computed > 9.79 && m.v[0].v3_computed < 9.81);
	vdb_matches_free(&m);
	vdb_close(db);
}

static void bad_input_names_the_place(void **state)
{
	struct vdb_builder *b = vdb_builder_new();
	struct ms_diags d = { 0 };
	struct ms_error err;

	(void)state;
	assert_int_equal(import_text(b, "{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-1\"}}]}", &d),
	                 MS_ERR_INPUT);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].where, "t.json:/vulnerabilities/0/cve/id");
	assert_string_equal(d.v[0].value, "CVE-1");
	ms_diags_dispose(&d);

	assert_int_equal(
	        import_text(b,
	                    "{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2020-0001\","
	                    "\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{\"vulnerable\":"
	                    "true,\"criteria\":\"cpe:2.3:o\"}]}]}]}}]}",
	                    &d),
	        MS_ERR_INPUT);
	assert_string_equal(d.v[0].where,
	                    "t.json:/vulnerabilities/0/cve/configurations/0/nodes/0/cpeMatch/0");
	ms_diags_dispose(&d);

	assert_int_equal(
	        import_text(b, "{\"vulnerabilities\":[{\"cve\":{\"id\":\n\"CVE-2020-0001\",,}}]}",
	                    &d),
	        MS_ERR_INPUT);
	assert_int_equal(d.v[0].msg, MSG_JSON_SYNTAX);
	assert_string_equal(d.v[0].where, "t.json:2");
	ms_diags_dispose(&d);

	assert_int_equal(import_text(b, "plain text", &d), MS_ERR_INPUT);
	assert_int_equal(d.v[0].msg, MSG_VDB_UNKNOWN_FEED);
	ms_diags_dispose(&d);

	/* The MyJVN RSS data-feed example is not well-formed XML (an unquoted attribute). */
	assert_int_equal(
	        vdb_import_file(b, fixture("jvn/dataFeed_jvndb_rss_hnd.xml"), "rss.xml", &d, &err),
	        MS_ERR_INPUT);
	assert_int_equal(d.v[0].msg, MSG_VDB_BAD_XML);
	assert_non_null(strstr(d.v[0].where, "rss.xml:"));
	ms_diags_dispose(&d);

	/* A DTD is refused (entity expansion). */
	assert_int_equal(import_text(b, "<!DOCTYPE x [<!ENTITY a \"b\">]><VULDEF-Document/>", &d),
	                 MS_ERR_INPUT);
	ms_diags_dispose(&d);
	vdb_builder_free(b);
}

static void damaged_index_refused(void **state)
{
	char path[4300];
	FILE *f;
	long size;
	unsigned char *buf;
	struct vdb *db;
	struct ms_error err;

	(void)state;
	f = fopen(full, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc((size_t)size);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);

	assert_int_equal(vdb_open_buffer(buf, (size_t)size, &db, &err), 0);
	vdb_close(db);
	buf[size / 2] ^= 0x40;
	assert_int_equal(vdb_open_buffer(buf, (size_t)size, &db, &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_VDB_DAMAGED);
	buf[size / 2] ^= 0x40;
	assert_int_equal(vdb_open_buffer(buf, (size_t)size - 8, &db, &err), MS_ERR_INPUT);
	free(buf);

	snprintf(path, sizeof(path), "%s/none.vdb", dir);
	assert_int_equal(vdb_open(path, &db, &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_VDB_MISSING);
}

static void same_input_same_bytes(void **state)
{
	char again[4300], cmd[9000];

	(void)state;
	snprintf(again, sizeof(again), "%s/again.vdb", dir);
	build(again, 1);
	snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", full, again);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_counts),
		cmocka_unit_test(fortios_ranges),
		cmocka_unit_test(and_configurations),
		cmocka_unit_test(vendor_version_schemes),
		cmocka_unit_test(cpe_queries),
		cmocka_unit_test(backported_banner_is_rough),
		cmocka_unit_test(unanalysed_records_fall_back),
		cmocka_unit_test(jvn_entries),
		cmocka_unit_test(jvn_version_texts),
		cmocka_unit_test(criteria_as_written),
		cmocka_unit_test(newer_record_wins_and_merge_keeps),
		cmocka_unit_test(score_mismatch_reported),
		cmocka_unit_test(bad_input_names_the_place),
		cmocka_unit_test(damaged_index_refused),
		cmocka_unit_test(same_input_same_bytes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
