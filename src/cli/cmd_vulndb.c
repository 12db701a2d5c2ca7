/*
 * cmd_vulndb.c - `medsec vulndb import|status` (the offline index) and
 * `medsec vuln lookup` (what is known about a product at a version).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/cpe.h"
#include "medsec/cvss.h"
#include "medsec/mem.h"
#include "medsec/vulndb.h"

enum {
	OPT_INDEX = OPT__FIRST_LOCAL,
	OPT_REBUILD,
	OPT_CPE,
	OPT_PLATFORM,
	OPT_SOURCE,
	OPT_NVD_URL,
	OPT_KEV_URL,
	OPT_JVN_URL,
	OPT_DELAY
};

struct vdb_opts {
	const char *index, *cpe, *platform, *source;
	const char *nvd_url, *kev_url, *jvn_url;
	int rebuild, delay_ms;
};

static int vdb_option(int opt, const char *arg, void *ctx)
{
	struct vdb_opts *o = ctx;

	switch (opt) {
	case OPT_INDEX: o->index = arg; return 0;
	case OPT_REBUILD: o->rebuild = 1; return 0;
	case OPT_CPE: o->cpe = arg; return 0;
	case OPT_PLATFORM: o->platform = arg; return 0;
	case OPT_SOURCE: o->source = arg; return 0;
	case OPT_NVD_URL: o->nvd_url = arg; return 0;
	case OPT_KEV_URL: o->kev_url = arg; return 0;
	case OPT_JVN_URL: o->jvn_url = arg; return 0;
	case OPT_DELAY: {
		char *end;
		long v = strtol(arg, &end, 10);
		if (*end || v < 0 || v > 600000)
			return -1;
		o->delay_ms = (int)v;
		return 0;
	}
	default: return -1;
	}
}

static const char vulndb_help_ja[] =
        "使い方: medsec vulndb import [--rebuild] [--index パス] ファイル...\n"
        "        medsec vulndb update [--source nvd,kev,jvn] [--index パス]\n"
        "        medsec vulndb status [--index パス] [--json]\n\n"
        "脆弱性情報をオフラインで引けるインデックスにまとめます。読める形式は、NVD CVE API 2.0\n"
        "の応答と年別フィード (gzip 可)、CVE 1件の JSON、JVN iPedia の VULDEF XML と JVNRSS\n"
        "(MyJVN)、CISA KEV カタログ JSON です。既存のインデックスに追加し、同じ記録は新しい方を\n"
        "残します。1件でも誤りがあれば何も書き換えません。\n\n"
        "update は同じ情報をインターネットから取得します (プロキシは https_proxy 等の環境変数)。\n"
        "インデックスの最新の記録以降の変更だけを、各 API の求める間隔で取得します (NVD: 6 秒に\n"
        "1 回、環境変数 NVD_API_KEY に API キーがあれば 0.6 秒に 1 回。MyJVN: 1 秒に 2 回)。\n\n"
        "  --index パス  インデックスファイル (既定: MEDSEC_VULNDB または ./medsec.vulndb)\n"
        "  --rebuild     既存のインデックスを使わず作り直す\n"
        "  --source 一覧 更新する情報源 (nvd, kev, jvn のカンマ区切り)\n"
        "  --nvd-url URL, --kev-url URL, --jvn-url URL   取得先を変える (ミラー等)\n"
        "  --delay-ms N  同じ情報源への要求の間隔 (ミリ秒) を指定する\n"
        "  --json        status を JSON で表示する\n";
static const char vulndb_help_en[] =
        "usage: medsec vulndb import [--rebuild] [--index PATH] FILE...\n"
        "       medsec vulndb update [--source nvd,kev,jvn] [--index PATH]\n"
        "       medsec vulndb status [--index PATH] [--json]\n\n"
        "Builds the offline vulnerability index from NVD CVE API 2.0 responses and yearly\n"
        "feeds (gzip too), single CVE JSON records, JVN iPedia VULDEF XML and JVNRSS (MyJVN),\n"
        "and the CISA KEV catalogue. Imports add to the existing index, keeping the newer copy\n"
        "of a record; if any file has an error, nothing is changed.\n\n"
        "update downloads the same feeds (needs the internet; proxies from https_proxy):\n"
        "only what changed since the index's newest record, at each API's polite pace (NVD:\n"
        "one request per 6 s, per 0.6 s with an API key in NVD_API_KEY; MyJVN: 2 a second).\n\n"
        "  --index PATH  the index file (default: MEDSEC_VULNDB or ./medsec.vulndb)\n"
        "  --rebuild     start from an empty index\n"
        "  --source LIST update only these sources (nvd, kev, jvn)\n"
        "  --nvd-url URL, --kev-url URL, --jvn-url URL   other endpoints (a mirror)\n"
        "  --delay-ms N  wait N ms between requests to one source instead\n"
        "  --json        print the status as JSON\n";

static const char *const source_names[VDB_SRC__COUNT] = { "nvd", "jvn", "kev" };

static void show_progress(void *ctx, const char *source, size_t done, size_t total)
{
	(void)ctx;
	fprintf(stderr, "\r\033[K%s %zu/%zu", source, done, total);
}

/* Loads the index at path into b (if it exists and --rebuild is not given); *st gets its status. */
static int load_existing(const struct vdb_opts *o, const char *path, struct vdb_builder *b,
                         struct vdb_status *st, int *had, struct ms_error *err)
{
	struct vdb *old;
	int rc;

	*had = 0;
	memset(st, 0, sizeof(*st));
	if (o->rebuild || access(path, F_OK) != 0)
		return 0;
	if ((rc = vdb_open(path, &old, err)))
		return rc;
	vdb_status(old, st);
	vdb_builder_load(b, old);
	vdb_close(old);
	*had = 1;
	return 0;
}

static int vulndb_update(struct cli *c, const struct vdb_opts *o)
{
	const char *path = cli_vulndb_path(o->index);
	struct vdb_builder *b;
	struct vdb_update_opts u = {
		.nvd_url = o->nvd_url ? o->nvd_url : VDB_NVD_URL,
		.kev_url = o->kev_url ? o->kev_url : VDB_KEV_URL,
		.jvn_url = o->jvn_url ? o->jvn_url : VDB_JVN_URL,
		.nvd_api_key = getenv("NVD_API_KEY") && *getenv("NVD_API_KEY")
		                       ? getenv("NVD_API_KEY")
		                       : NULL,
		.delay_ms = o->delay_ms,
		.progress = isatty(2) ? show_progress : NULL,
	};
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct vdb_status st;
	int rc, had;

	for (int s = 0; s < VDB_SRC__COUNT; s++) {
		const char *p = o->source;
		size_t n = strlen(source_names[s]);
		while (p && (p = strstr(p, source_names[s])) && p[n] && p[n] != ',')
			p += n;
		if (!o->source || p)
			u.sources |= 1u << s;
	}
	if (!u.sources)
		return cli_usage(c, "medsec vulndb update [--source nvd,kev,jvn]");
	b = vdb_builder_new();
	if ((rc = load_existing(o, path, b, &st, &had, &err)))
		goto fail;
	rc = vdb_update(b, had ? &st : NULL, &u, &d, &err);
	if (u.progress)
		fputs("\r\033[K", stderr);
	if (rc && d.errors) {
		cli_diags(c, &d);
		goto out;
	}
	if (rc || (rc = vdb_builder_write(b, path, &err)))
		goto fail;
	cli_say(c, MSG_VDB_WRITTEN, path);
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	ms_diags_dispose(&d);
	vdb_builder_free(b);
	return rc;
}

static int vulndb_import(struct cli *c, const struct vdb_opts *o, int argc, char **argv)
{
	const char *path = cli_vulndb_path(o->index);
	struct vdb_builder *b = vdb_builder_new();
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct vdb_status st;
	int rc = 0, tty = isatty(2), had;

	if ((rc = load_existing(o, path, b, &st, &had, &err)))
		goto fail;
	for (int i = 0; i < argc; i++) {
		if (tty)
			fprintf(stderr, "\r\033[K[%d/%d] %s", i + 1, argc, argv[i]);
		rc = vdb_import_file(b, argv[i], argv[i], &d, &err);
		if (rc == MS_ERR_SYSTEM || (rc && !d.n)) {
			if (tty)
				fputs("\r\033[K", stderr);
			goto fail;
		}
	}
	if (tty)
		fputs("\r\033[K", stderr);
	if (d.errors) {
		cli_diags(c, &d);
		rc = MS_ERR_INPUT;
		goto out;
	}
	cli_diags(c, &d); /* warnings */
	if ((rc = vdb_builder_write(b, path, &err)))
		goto fail;
	cli_say(c, MSG_VDB_WRITTEN, path);
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	ms_diags_dispose(&d);
	vdb_builder_free(b);
	return rc;
}

static int vulndb_status(struct cli *c, const struct vdb_opts *o)
{
	const char *path = cli_vulndb_path(o->index);
	struct vdb *db;
	struct vdb_status st;
	struct ms_error err;
	int en = c->lang == MS_LANG_EN;

	if (vdb_open(path, &db, &err))
		return cli_error(c, &err);
	vdb_status(db, &st);
	vdb_close(db);
	if (c->json) {
		json_t *root = json_pack("{s:s, s:i, s:I, s:i, s:i, s:i, s:i, s:i, s:i, s:s}",
		                         "index", path, "format", (int)st.format, "size",
		                         (json_int_t)st.file_size, "built", (int)st.built,
		                         "products", (int)st.products, "criteria", (int)st.criteria,
		                         "unanalysed", (int)st.unanalysed, "score_mismatches",
		                         (int)st.score_mismatches, "firmware_models",
		                         (int)st.firmware_models, "notice", VDB_NVD_NOTICE);
		json_t *src = json_object();
		for (int s = 0; s < VDB_SRC__COUNT; s++)
			json_object_set_new(src, source_names[s],
			                    json_pack("{s:i, s:s}", "records",
			                              (int)st.src[s].records, "newest",
			                              st.src[s].newest));
		json_object_set_new(root, "sources", src);
		char *s = json_dumps(root,
		                     JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		puts(s);
		free(s);
		json_decref(root);
		return 0;
	}
	printf(en ? "index        %s (%.1f MiB, format %u, built %u)\n"
	          : "インデックス %s (%.1f MiB, 形式 %u, 作成 %u)\n",
	       path, (double)st.file_size / 1048576.0, st.format, st.built);
	printf(en ? "NVD          %u records, newest change %s (not yet analysed: %u)\n"
	          : "NVD          %u 件, 最終更新 %s (未分析 %u 件)\n",
	       st.src[VDB_SRC_NVD].records,
	       st.src[VDB_SRC_NVD].newest[0] ? st.src[VDB_SRC_NVD].newest : "-", st.unanalysed);
	printf(en ? "JVN iPedia   %u entries, newest change %s\n"
	          : "JVN iPedia   %u 件, 最終更新 %s\n",
	       st.src[VDB_SRC_JVN].records,
	       st.src[VDB_SRC_JVN].newest[0] ? st.src[VDB_SRC_JVN].newest : "-");
	printf(en ? "CISA KEV     %u entries, catalogue %s\n"
	          : "CISA KEV     %u 件, カタログ版 %s\n",
	       st.src[VDB_SRC_KEV].records,
	       st.src[VDB_SRC_KEV].newest[0] ? st.src[VDB_SRC_KEV].newest : "-");
	printf(en ? "products     %u, criteria %u; CVSS v3 scores differing from their vectors: %u\n"
	          : "製品 %u, 条件 %u; ベクトルと一致しない CVSS v3 スコア %u 件\n",
	       st.products, st.criteria, st.score_mismatches);
	printf(en ? "firmware     latest versions of %u models (imported lists)\n"
	          : "最新ファームウェア一覧 %u 機種\n",
	       st.firmware_models);
	printf("%s\n", VDB_NVD_NOTICE);
	return 0;
}

int cmd_vulndb(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "index", required_argument, NULL, OPT_INDEX },
		{ "rebuild", no_argument, NULL, OPT_REBUILD },
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "nvd-url", required_argument, NULL, OPT_NVD_URL },
		{ "kev-url", required_argument, NULL, OPT_KEV_URL },
		{ "jvn-url", required_argument, NULL, OPT_JVN_URL },
		{ "delay-ms", required_argument, NULL, OPT_DELAY },
		{ NULL, 0, NULL, 0 },
	};
	const char *usage = "medsec vulndb import FILE... | update | status";
	struct vdb_opts o = { .delay_ms = -1 };
	int rc = cli_options(c, argc, argv, opts, vdb_option, &o, usage, vulndb_help_ja,
	                     vulndb_help_en);

	if (rc != CLI_GO)
		return rc;
	if (optind < argc && strcmp(argv[optind], "import") == 0 && optind + 1 < argc)
		return vulndb_import(c, &o, argc - optind - 1, argv + optind + 1);
	if (optind + 1 == argc && strcmp(argv[optind], "status") == 0)
		return vulndb_status(c, &o);
	if (optind + 1 == argc && strcmp(argv[optind], "update") == 0)
		return vulndb_update(c, &o);
	return cli_usage(c, usage);
}

/* ---- vuln lookup ---- */

static const char vuln_help_ja[] =
        "使い方: medsec vuln lookup ベンダ 製品 [バージョン] [--platform 機種] [--json]\n"
        "        medsec vuln lookup --cpe CPE名 [--json]\n\n"
        "製品とバージョンに当てはまる脆弱性を、オフラインのインデックスから引きます。\n"
        "ベンダと製品は CPE の名前 (例: fortinet fortios, openbsd openssh) で指定します。\n"
        "各件に CVSS v3 と深刻度 (緊急・重要・警告・注意)、JVN iPedia 番号、KEV 掲載と\n"
        "ランサムウェアでの悪用、確度を示します。確度: 確実 = バージョンが範囲内または一致、\n"
        "推定 = バージョンが大まかにしか分からない (ディストリビューションの修正版、JVN の\n"
        "文章による記述、機種限定など)、製品のみ = バージョンを比べられない。\n\n"
        "  --cpe CPE名       CPE 2.3 (cpe:2.3:...) または URI (cpe:/...) で指定する\n"
        "  --platform 機種   ハードウェアの CPE 製品名 (例: fortigate-60f)\n"
        "  --index パス      インデックスファイル\n"
        "  --json            JSON で表示する\n";
static const char vuln_help_en[] =
        "usage: medsec vuln lookup VENDOR PRODUCT [VERSION] [--platform HW] [--json]\n"
        "       medsec vuln lookup --cpe CPE [--json]\n\n"
        "Looks up, offline, the vulnerabilities of a product at a version. Vendor and\n"
        "product are CPE names (fortinet fortios, openbsd openssh). Each match shows CVSS v3\n"
        "and its band, JVN iPedia numbers, KEV and ransomware use, and the confidence:\n"
        "exact = the version is in a recorded range or listed; rough = the version is only\n"
        "roughly known (distribution revision, JVN's free text, some platforms only);\n"
        "product = no version could be compared.\n\n"
        "  --cpe CPE       a CPE 2.3 name or URI\n"
        "  --platform HW   the hardware's CPE product name (fortigate-60f)\n"
        "  --index PATH    the index file\n"
        "  --json          print JSON\n";

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

static json_t *num_or_null(double v)
{
	return v < 0 ? json_null() : json_real(v);
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
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
	              str_or_null(m->cve), "jvndb", jv, "cvss_v3",
	              m->v3_vector ? json_pack("{s:s, s:o, s:s, s:o, s:b}", "vector", m->v3_vector,
	                                       "score", num_or_null(m->v3_score), "severity",
	                                       cvss_severity_key(cvss_severity(m->v3_score)),
	                                       "computed_score", num_or_null(m->v3_computed),
	                                       "score_mismatch", m->score_mismatch)
	                           : json_null(),
	              "kev", m->kev, "ransomware", m->ransomware, "confidence",
	              vdb_confidence_key(m->confidence), "reasons", why, "title",
	              str_or_null(m->title), "criterion", str_or_null(m->criterion), "range",
	              str_or_null(m->range), "affected_text", str_or_null(m->affected_text),
	              "nvd_status", str_or_null(m->status));
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
	cli_vuln_row(c, m, "");
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
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "index", required_argument, NULL, OPT_INDEX },
		{ "cpe", required_argument, NULL, OPT_CPE },
		{ "platform", required_argument, NULL, OPT_PLATFORM },
		{ NULL, 0, NULL, 0 },
	};
	const char *usage = "medsec vuln lookup VENDOR PRODUCT [VERSION] | --cpe CPE";
	struct vdb_opts o = { 0 };
	struct vdb_query q = { 0 };
	struct vdb_matches m;
	struct cpe cpe_store, shown;
	char version[300], cpe_text[1500];
	struct vdb *db;
	struct ms_error err;
	int rc = cli_options(c, argc, argv, opts, vdb_option, &o, usage, vuln_help_ja,
	                     vuln_help_en);
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
		                         str_or_null(q.version), "platform",
		                         str_or_null(q.platform), "matches", arr, "notice",
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
