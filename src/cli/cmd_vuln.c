/* cmd_vuln.c - `medsec vuln lookup`: what the index knows about a product at a version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/cpe.h"
#include "medsec/cvss.h"
#include "medsec/mem.h"
#include "medsec/vulndb.h"

enum { OPT_INDEX = OPT__FIRST_LOCAL, OPT_CPE, OPT_PLATFORM };

static const struct cli_opt vuln_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH", "インデックスファイル",
	  "the index file" },
	{ "cpe", required_argument, OPT_CPE, "CPE名", "CPE",
	  "CPE 2.3 (cpe:2.3:...) または URI (cpe:/...) で指定する", "a CPE 2.3 name or URI" },
	{ "platform", required_argument, OPT_PLATFORM, "機種", "HW",
	  "ハードウェアの CPE 製品名 (例: fortigate-60f)",
	  "the hardware's CPE product name (fortigate-60f)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd vuln_cmd = {
	.usage_ja = "medsec vuln lookup ベンダ 製品 [バージョン] [--platform 機種] [--json]\n"
	            "medsec vuln lookup --cpe CPE名 [--json]",
	.usage_en = "medsec vuln lookup VENDOR PRODUCT [VERSION] [--platform HW] [--json]\n"
	            "medsec vuln lookup --cpe CPE [--json]",
	.about_ja =
	        "製品とバージョンに当てはまる脆弱性を、オフラインのインデックスから引きます。\n"
	        "ベンダと製品は CPE の名前 (例: fortinet fortios, openbsd openssh) で指定します。\n"
	        "各件に CVSS v3 と深刻度 (緊急・重要・警告・注意)、JVN iPedia 番号、KEV 掲載と\n"
	        "ランサムウェアでの悪用、確度を示します。確度: 確実 = バージョンが範囲内または一致、\n"
	        "推定 = バージョンが大まかにしか分からない (ディストリビューションの修正版、JVN の\n"
	        "文章による記述、機種限定など)、製品のみ = バージョンを比べられない。",
	.about_en =
	        "Looks up, offline, the vulnerabilities of a product at a version. Vendor and\n"
	        "product are CPE names (fortinet fortios, openbsd openssh). Each match shows CVSS v3\n"
	        "and its band, JVN iPedia numbers, KEV and ransomware use, and the confidence:\n"
	        "exact = the version is in a recorded range or listed; rough = the version is only\n"
	        "roughly known (distribution revision, JVN's free text, some platforms only);\n"
	        "product = no version could be compared.",
	.opts = vuln_opts,
};

struct vuln_opts {
	const char *index, *cpe, *platform;
};

static int vuln_option(int opt, const char *arg, void *ctx)
{
	struct vuln_opts *o = ctx;

	switch (opt) {
	case OPT_INDEX: o->index = arg; return 0;
	case OPT_CPE: o->cpe = arg; return 0;
	case OPT_PLATFORM: o->platform = arg; return 0;
	default: return -1;
	}
}

static const struct {
	unsigned bit;
	const char *key;
	enum msg_id msg;
} reasons[] = {
	{ VDB_WHY_BACKPORT, "backport", MSG_VDB_WHY_BACKPORT },
	{ VDB_WHY_ALL_VERSIONS, "all_versions", MSG_VDB_WHY_ALL_VERSIONS },
	{ VDB_WHY_PLATFORM, "platform", MSG_VDB_WHY_PLATFORM },
	{ VDB_WHY_JVN_TEXT, "jvn_text", MSG_VDB_WHY_JVN_TEXT },
	{ VDB_WHY_UNANALYSED, "unanalysed", MSG_VDB_WHY_UNANALYSED },
	{ VDB_WHY_NO_VERSION, "no_version", MSG_VDB_WHY_NO_VERSION },
	{ VDB_WHY_NO_NVD, "no_nvd_record", MSG_VDB_WHY_NO_NVD },
};

/* "cpe:2.3:*:vendor:product:version:…" with the CPE escapes; 0 or -1. */
static int asprintf_cpe(char **out, const char *vendor, const char *product, const char *version)
{
	char buf[1024];
	size_t n = 0;
	const char *parts[3] = { vendor, product, version };

	n += (size_t)snprintf(buf, sizeof(buf), "cpe:2.3:*");
	for (int k = 0; k < 3; k++) {
		const char *p = parts[k];
		buf[n++] = ':';
		if (!p || !*p) {
			buf[n++] = '*';
			continue;
		}
		for (; *p && n + 3 < sizeof(buf); p++) {
			char ch = *p == ' ' ? '_' : *p;
			if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			      (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-'))
				buf[n++] = '\\';
			buf[n++] = ch;
		}
		if (n + 24 >= sizeof(buf))
			return -1;
	}
	memcpy(buf + n, ":*:*:*:*:*:*:*", 15);
	*out = ms_xstrdup(buf);
	return 0;
}

/* One vulnerability as a table row (severity, score, CVE, JVNDB, KEV, confidence, title). */
static void vuln_row(const struct cli *c, const struct vdb_match *m, const char *indent)
{
	enum cvss_severity sev = cvss_severity(m->v3_score);
	char score[16] = "-";

	if (m->v3_score >= 0)
		snprintf(score, sizeof(score), "%.1f", m->v3_score);
	fputs(indent, stdout);
	cli_pad(stdout, m->v3_score >= 0 ? cli_severity(c, sev) : "-", 9);
	cli_pad(stdout, score, 5);
	cli_pad(stdout, m->cve ? m->cve : "-", 17);
	cli_pad(stdout, m->jvndb[0] ? m->jvndb[0] : "-", 18);
	cli_pad(stdout, m->kev ? (m->ransomware ? "KEV+R" : "KEV") : "", 6);
	cli_pad(stdout, cli_confidence(c, m->confidence), 9);
	printf("%s\n", m->title ? m->title : "");
}

static json_t *num_or_null(double v)
{
	return v < 0 ? json_null() : json_real(v);
}

static json_t *match_json(const struct vdb_match *m)
{
	json_t *jv = json_array(), *why = json_array(), *o;

	for (int k = 0; k < 8 && m->jvndb[k]; k++)
		json_array_append_new(jv, json_string(m->jvndb[k]));
	for (size_t k = 0; k < sizeof(reasons) / sizeof(reasons[0]); k++)
		if (m->reasons & reasons[k].bit)
			json_array_append_new(why, json_string(reasons[k].key));
	o = json_pack("{s:o, s:o, s:o, s:b, s:b, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "cve",
	              cli_json_str(m->cve), "jvndb", jv, "cvss_v3",
	              m->v3_vector ? json_pack("{s:s, s:o, s:s, s:o, s:b}", "vector", m->v3_vector,
	                                       "score", num_or_null(m->v3_score), "severity",
	                                       cvss_severity_key(cvss_severity(m->v3_score)),
	                                       "computed_score", num_or_null(m->v3_computed),
	                                       "score_mismatch", m->score_mismatch)
	                           : json_null(),
	              "kev", m->kev, "ransomware", m->ransomware, "confidence",
	              vdb_confidence_key(m->confidence), "reasons", why, "title",
	              cli_json_str(m->title), "criterion", cli_json_str(m->criterion), "range",
	              cli_json_str(m->range), "affected_text", cli_json_str(m->affected_text),
	              "nvd_status", cli_json_str(m->status));
	if (m->v2_vector)
		json_object_set_new(o, "cvss_v2",
		                    json_pack("{s:s, s:o}", "vector", m->v2_vector, "score",
		                              num_or_null(m->v2_score)));
	if (m->v4_vector)
		json_object_set_new(o, "cvss_v4",
		                    json_pack("{s:s, s:o}", "vector", m->v4_vector, "score",
		                              num_or_null(m->v4_score)));
	return o;
}

static void print_match(const struct cli *c, const struct vdb_match *m)
{
	vuln_row(c, m, "");
	if (m->range || m->affected_text)
		printf("         %s%s%s\n", m->range ? m->range : "",
		       m->range && m->affected_text ? "  " : "",
		       m->affected_text ? m->affected_text : "");
	for (size_t k = 0; k < sizeof(reasons) / sizeof(reasons[0]); k++)
		if (m->reasons & reasons[k].bit) {
			fputs("         ", stdout);
			cli_say(c, reasons[k].msg, NULL);
		}
	if (m->score_mismatch) {
		char what[64];
		snprintf(what, sizeof(what), "%.1f / %.1f", m->v3_score, m->v3_computed);
		fputs("         ", stdout);
		cli_say(c, MSG_VDB_SCORE_MISMATCH, what);
	}
}

int cmd_vuln(struct cli *c, int argc, char **argv)
{
	const char *usage = "medsec vuln lookup VENDOR PRODUCT [VERSION] | --cpe CPE";
	struct vuln_opts o = { 0 };
	struct vdb_query q = { 0 };
	struct vdb_matches m;
	struct cpe cpe_store, shown;
	char version[300], cpe_text[1500];
	struct vdb *db;
	struct ms_error err;
	int rc = cli_parse(c, argc, argv, &vuln_cmd, vuln_option, &o);
	int nargs;

	if (rc != CLI_GO)
		return rc;
	if (optind >= argc || strcmp(argv[optind], "lookup") != 0)
		return cli_usage(c, usage);
	nargs = argc - optind - 1;
	if (o.cpe) {
		if (nargs != 0)
			return cli_usage(c, usage);
		if (vdb_query_from_cpe(o.cpe, &cpe_store, version, sizeof(version), &q)) {
			ms_fail(&err, MS_ERR_INPUT, MSG_VDB_BAD_CPE, o.cpe, NULL);
			return cli_error(c, &err);
		}
	} else {
		if (nargs < 2 || nargs > 3)
			return cli_usage(c, usage);
		q.vendor = argv[optind + 1];
		q.product = argv[optind + 2];
		q.version = nargs == 3 ? argv[optind + 3] : NULL;
	}
	if (o.platform)
		q.platform = o.platform;
	if (vdb_open(cli_vulndb_path(o.index), &db, &err))
		return cli_error(c, &err);
	vdb_lookup(db, &q, &m);

	/* The name looked up, as a CPE 2.3 string. */
	memset(&shown, 0, sizeof(shown));
	for (int k = 0; k < CPE__COUNT; k++)
		shown.v[k].kind = CPE_ANY;
	if (o.cpe) {
		shown = cpe_store;
	} else {
		struct cpe tmp;
		char *t = NULL;
		/* Only names that make a valid CPE are shown; anything else is looked up as given. */
		if (asprintf_cpe(&t, q.vendor, q.product, q.version) == 0 &&
		    cpe_parse(t, &tmp) == 0)
			shown = tmp;
		free(t);
	}
	cpe_format(&shown, cpe_text, sizeof(cpe_text));

	if (c->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < m.n; i++)
			json_array_append_new(arr, match_json(&m.v[i]));
		json_t *root = json_pack("{s:s, s:o, s:o, s:o, s:s}", "cpe", cpe_text, "version",
		                         cli_json_str(q.version), "platform",
		                         cli_json_str(q.platform), "matches", arr, "notice",
		                         VDB_NVD_NOTICE);
		char *s = json_dumps(root,
		                     JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		puts(s);
		free(s);
		json_decref(root);
	} else {
		cli_say(c, MSG_VDB_LOOKUP_HEAD, cpe_text);
		for (size_t i = 0; i < m.n; i++)
			print_match(c, &m.v[i]);
		if (!m.n)
			cli_say(c, MSG_VDB_NO_MATCH, NULL);
		printf("%s\n", VDB_NVD_NOTICE);
	}
	vdb_matches_free(&m);
	vdb_close(db);
	return 0;
}
