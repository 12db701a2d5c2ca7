/* cmd_vulndb.c - `medsec vulndb import|update|status`: the offline vulnerability index. */
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
	OPT_SOURCE,
	OPT_NVD_URL,
	OPT_KEV_URL,
	OPT_JVN_URL,
	OPT_DELAY
};

static const struct cli_opt vulndb_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH",
	  "インデックスファイル (既定: MEDSEC_VULNDB または ./medsec.vulndb)",
	  "the index file (default: MEDSEC_VULNDB or ./medsec.vulndb)" },
	{ "rebuild", no_argument, OPT_REBUILD, NULL, NULL, "既存のインデックスを使わず作り直す",
	  "start from an empty index" },
	{ "source", required_argument, OPT_SOURCE, "一覧", "LIST",
	  "更新する情報源 (nvd, kev, jvn のカンマ区切り)",
	  "update only these sources (nvd, kev, jvn)" },
	{ "nvd-url", required_argument, OPT_NVD_URL, "URL", "URL",
	  "(update) NVD の取得先を変える (ミラー等)", "(update) another NVD endpoint (a mirror)" },
	{ "kev-url", required_argument, OPT_KEV_URL, "URL", "URL", "(update) KEV の取得先を変える",
	  "(update) another KEV endpoint" },
	{ "jvn-url", required_argument, OPT_JVN_URL, "URL", "URL",
	  "(update) JVN iPedia の取得先を変える", "(update) another JVN iPedia endpoint" },
	{ "delay-ms", required_argument, OPT_DELAY, "N", "N",
	  "同じ情報源への要求の間隔 (ミリ秒) を指定する",
	  "wait N ms between requests to one source instead" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd vulndb_cmd = {
	.usage_ja = "medsec vulndb import [--rebuild] [--index パス] ファイル...\n"
	            "medsec vulndb update [--source nvd,kev,jvn] [--index パス]\n"
	            "medsec vulndb status [--index パス] [--json]",
	.usage_en = "medsec vulndb import [--rebuild] [--index PATH] FILE...\n"
	            "medsec vulndb update [--source nvd,kev,jvn] [--index PATH]\n"
	            "medsec vulndb status [--index PATH] [--json]",
	.about_ja =
	        "脆弱性情報をオフラインで引けるインデックスにまとめます。読める形式は、NVD CVE API 2.0\n"
	        "の応答と年別フィード (gzip 可)、CVE 1件の JSON、JVN iPedia の VULDEF XML と JVNRSS\n"
	        "(MyJVN)、CISA KEV カタログ JSON です。既存のインデックスに追加し、同じ記録は新しい方を\n"
	        "残します。1件でも誤りがあれば何も書き換えません。\n"
	        "\n"
	        "update は同じ情報をインターネットから取得します (プロキシは https_proxy 等の環境変数)。\n"
	        "インデックスの最新の記録以降の変更だけを、各 API の求める間隔で取得します (NVD: 6 秒に\n"
	        "1 回、環境変数 NVD_API_KEY に API キーがあれば 0.6 秒に 1 回。MyJVN: 1 秒に 2 回)。",
	.about_en =
	        "Builds the offline vulnerability index from NVD CVE API 2.0 responses and yearly\n"
	        "feeds (gzip too), single CVE JSON records, JVN iPedia VULDEF XML and JVNRSS (MyJVN),\n"
	        "and the CISA KEV catalogue. Imports add to the existing index, keeping the newer copy\n"
	        "of a record; if any file has an error, nothing is changed.\n"
	        "\n"
	        "update downloads the same feeds (needs the internet; proxies from https_proxy):\n"
	        "only what changed since the index's newest record, at each API's polite pace (NVD:\n"
	        "one request per 6 s, per 0.6 s with an API key in NVD_API_KEY; MyJVN: 2 a second).",
	.opts = vulndb_opts,
};

struct vdb_opts {
	const char *index, *source;
	const char *nvd_url, *kev_url, *jvn_url;
	int rebuild, delay_ms;
};

static int vdb_option(int opt, const char *arg, void *ctx)
{
	struct vdb_opts *o = ctx;

	switch (opt) {
	case OPT_INDEX: o->index = arg; return 0;
	case OPT_REBUILD: o->rebuild = 1; return 0;
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

static const char *const source_names[VDB_SRC__COUNT] = { "nvd", "jvn", "kev" };

static void index_options(const struct vdb_opts *o, struct survey_index_options *io)
{
	const char *key = getenv("NVD_API_KEY");

	*io = (struct survey_index_options){ .rebuild = o->rebuild,
		                             .nvd_url = o->nvd_url,
		                             .kev_url = o->kev_url,
		                             .jvn_url = o->jvn_url,
		                             .nvd_api_key = key && *key ? key : NULL,
		                             .delay_ms = o->delay_ms };
}

/* The index written, or what went wrong; returns the exit status. */
static int done(struct cli *c, const struct survey_config *cfg, int rc, struct ms_diags *d,
                struct ms_error *err)
{
	cli_progress_end(c);
	if (rc)
		rc = cli_fail(c, d, err);
	else if (d->n)
		cli_diags(c, d); /* warnings */
	if (!rc)
		cli_say(c, MSG_VDB_WRITTEN, cfg->vulndb);
	ms_diags_dispose(d);
	return rc;
}

static int vulndb_update(struct cli *c, const struct vdb_opts *o)
{
	struct survey_index_options io;
	struct survey_events ev = { c, cli_progress, NULL };
	struct survey_config cfg;
	struct ms_diags d = { 0 };
	struct ms_error err;

	index_options(o, &io);
	for (int s = 0; s < VDB_SRC__COUNT; s++) {
		const char *p = o->source;
		size_t n = strlen(source_names[s]);
		while (p && (p = strstr(p, source_names[s])) && p[n] && p[n] != ',')
			p += n;
		if (!o->source || p)
			io.sources |= 1u << s;
	}
	if (!io.sources)
		return cli_usage(c, "medsec vulndb update [--source nvd,kev,jvn]");
	cli_config(c, o->index, &cfg);
	return done(c, &cfg, survey_index_update(&cfg, &io, &ev, &d, &err), &d, &err);
}

static int vulndb_import(struct cli *c, const struct vdb_opts *o, int argc, char **argv)
{
	struct survey_index_options io;
	struct survey_events ev = { c, cli_progress, NULL };
	struct survey_config cfg;
	struct ms_diags d = { 0 };
	struct ms_error err;

	index_options(o, &io);
	cli_config(c, o->index, &cfg);
	return done(c, &cfg,
	            survey_index_import(&cfg, &io, (const char *const *)argv, (size_t)argc, &ev, &d,
	                                &err),
	            &d, &err);
}

static int vulndb_status(struct cli *c, const struct vdb_opts *o)
{
	struct survey_config cfg;
	struct vdb_status st;
	struct ms_error err;
	const char *path;

	cli_config(c, o->index, &cfg);
	path = cfg.vulndb;
	if (survey_index_status(&cfg, &st, &err))
		return cli_error(c, &err);
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
	printf(L(C_INDEX_1F_MIB_FORMAT_BUILT), path, (double)st.file_size / 1048576.0, st.format,
	       st.built);
	printf(L(C_NVD_RECORDS_NEWEST_CHANGE_NOT_YET), st.src[VDB_SRC_NVD].records,
	       st.src[VDB_SRC_NVD].newest[0] ? st.src[VDB_SRC_NVD].newest : "-", st.unanalysed);
	printf(L(C_JVN_IPEDIA_ENTRIES_NEWEST_CHANGE), st.src[VDB_SRC_JVN].records,
	       st.src[VDB_SRC_JVN].newest[0] ? st.src[VDB_SRC_JVN].newest : "-");
	printf(L(C_CISA_KEV_ENTRIES_CATALOGUE), st.src[VDB_SRC_KEV].records,
	       st.src[VDB_SRC_KEV].newest[0] ? st.src[VDB_SRC_KEV].newest : "-");
	printf(L(C_PRODUCTS_CRITERIA_CVSS_V3_SCORES_DIFFERING), st.products, st.criteria,
	       st.score_mismatches);
	printf(L(C_FIRMWARE_LATEST_VERSIONS_OF_MODELS_IMPORTED), st.firmware_models);
	printf("%s\n", VDB_NVD_NOTICE);
	return 0;
}

int cmd_vulndb(struct cli *c, int argc, char **argv)
{
	const char *usage = "medsec vulndb import FILE... | update | status";
	struct vdb_opts o = { .delay_ms = -1 };
	int rc = cli_parse(c, argc, argv, &vulndb_cmd, vdb_option, &o);

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
