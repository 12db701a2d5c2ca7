/*
 * cmd_firmware.c - `medsec firmware`: the firmware the hospital declared for
 * each device, checked against the vulnerability index (別紙2 調査前申告
 * ファームウェアバージョンにおける脆弱性情報一覧), with the latest firmware
 * where the index knows it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/cvss.h"
#include "medsec/intake.h"
#include "medsec/mem.h"
#include "medsec/model.h"
#include "medsec/vercmp.h"
#include "medsec/vulndb.h"

enum { OPT_INDEX = OPT__FIRST_LOCAL };

static const char firmware_help_ja[] =
	"使い方: medsec firmware [--index パス] [--json] [--hospital 名前]\n\n"
	"記入依頼書で申告された各機器のファームウェアを脆弱性インデックスと照合します\n"
	"(別紙2 調査前申告ファームウェアバージョンにおける脆弱性情報一覧)。機器はメーカーと\n"
	"機種から data/products.json で CPE 名に対応づけます。ファームウェアが不明の機器は\n"
	"照合せず「確認未実施」とします。最新のファームウェアは、インデックスに取り込んだ\n"
	"最新版一覧 (data/firmware-latest.json の形式) にある機種だけ表示します。\n\n"
	"  --index パス  インデックスファイル (既定: MEDSEC_VULNDB または ./medsec.vulndb)\n"
	"  --json        JSON で表示する\n";
static const char firmware_help_en[] =
	"usage: medsec firmware [--index PATH] [--json] [--hospital NAME]\n\n"
	"Checks the firmware declared for each device against the vulnerability index (annex 2).\n"
	"Devices are mapped from maker and model to CPE names by data/products.json; a device\n"
	"whose firmware is unknown is not checked. The latest firmware is shown for models in an\n"
	"imported latest-firmware list (the format of data/firmware-latest.json).\n\n"
	"  --index PATH  the index file (default: MEDSEC_VULNDB or ./medsec.vulndb)\n"
	"  --json        print JSON\n";

static int firmware_option(int opt, const char *arg, void *ctx)
{
	if (opt != OPT_INDEX)
		return -1;
	*(const char **)ctx = arg;
	return 0;
}

/* The matches of every CPE name a device maps to, one per CVE (or JVN entry), best kept. */
struct device_result {
	const struct device *dev;
	int mapped, checked;
	struct vdb_device_queries q;
	struct vdb_matches m[VDB_DEVICE_QUERIES];
	const struct vdb_match **v;	/* unique matches */
	size_t n;
	int counts[5];			/* by enum cvss_severity */
	char fixed_in[128];		/* the newest "fixed in" among exact ranges, or "" */
	struct vdb_firmware latest;
	int has_latest;
};

static const char *match_key(const struct vdb_match *m)
{
	return m->cve ? m->cve : m->jvndb[0];
}

static void check_device(const struct vdb *db, const struct vdb_products *map, const struct device *dev,
			 struct device_result *r)
{
	memset(r, 0, sizeof(*r));
	r->dev = dev;
	r->has_latest = vdb_latest_firmware(db, dev->maker ? dev->maker : "", dev->model ? dev->model : "",
					    model_value_known(dev->firmware) ? dev->firmware : NULL, &r->latest);
	r->mapped = vdb_products_map(map, dev->maker, dev->model, &r->q);
	if (!r->mapped || !model_value_known(dev->firmware))
		return;
	r->checked = 1;
	for (size_t k = 0; k < r->q.n; k++) {
		struct vdb_query q = { .vendor = r->q.q[k].vendor, .product = r->q.q[k].product,
				       .version = dev->firmware,
				       .platform = r->q.platform[0] ? r->q.platform : NULL };
		vdb_lookup(db, &q, &r->m[k]);
		r->v = realloc(r->v, (r->n + r->m[k].n + 1) * sizeof(*r->v));
		for (size_t i = 0; i < r->m[k].n; i++) {
			const struct vdb_match *x = &r->m[k].v[i];
			size_t j;
			for (j = 0; j < r->n; j++)
				if (strcmp(match_key(r->v[j]), match_key(x)) == 0)
					break;
			if (j < r->n) {
				if (x->confidence > r->v[j]->confidence)
					r->v[j] = x;
				continue;
			}
			r->v[r->n++] = x;
		}
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct vdb_match *x = r->v[i];
		r->counts[cvss_severity(x->v3_score)]++;
		/* "7.2.0 <= v < 7.2.7": 7.2.7 fixes it; the newest such is the least to update to. */
		const char *lt = x->range ? strstr(x->range, "v < ") : NULL;
		if (lt && x->confidence == VDB_CONF_EXACT &&
		    (!r->fixed_in[0] || vercmp(lt + 4, r->fixed_in) > 0))
			snprintf(r->fixed_in, sizeof(r->fixed_in), "%s", lt + 4);
	}
}

static void result_free(struct device_result *r)
{
	for (size_t k = 0; k < VDB_DEVICE_QUERIES; k++)
		vdb_matches_free(&r->m[k]);
	free(r->v);
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *result_json(const struct device_result *r)
{
	const struct device *d = r->dev;
	json_t *cpe = json_array(), *ms = json_array(), *o;

	for (size_t k = 0; k < r->q.n; k++) {
		char *s = ms_xasprintf("%s:%s", r->q.q[k].vendor, r->q.q[k].product);
		json_array_append_new(cpe, json_string(s));
		free(s);
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct vdb_match *m = r->v[i];
		json_t *jv = json_array();
		for (int k = 0; k < 8 && m->jvndb[k]; k++)
			json_array_append_new(jv, json_string(m->jvndb[k]));
		json_array_append_new(ms, json_pack("{s:o, s:o, s:o, s:o, s:s, s:b, s:b, s:s, s:o}", "cve",
						    str_or_null(m->cve), "jvndb", jv, "cvss_v3_score",
						    m->v3_score < 0 ? json_null() : json_real(m->v3_score),
						    "cvss_v3_vector", str_or_null(m->v3_vector), "severity",
						    cvss_severity_key(cvss_severity(m->v3_score)), "kev", m->kev,
						    "ransomware", m->ransomware, "confidence",
						    vdb_confidence_key(m->confidence), "title", str_or_null(m->title)));
	}
	o = json_pack("{s:i, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:{s:i, s:i, s:i, s:i, s:i}, s:o}", "line_no",
		      d->line_no, "kind", str_or_null(model_enum_key(model_device_kinds, (int)d->kind)), "maker",
		      str_or_null(d->maker), "model", str_or_null(d->model), "firmware", str_or_null(d->firmware),
		      "status", !r->mapped ? "no_mapping" : r->checked ? "checked" : "firmware_unknown", "cpe", cpe,
		      "fixed_in", str_or_null(r->fixed_in),
		      "latest", r->has_latest ? json_pack("{s:s, s:s, s:s}", "version", r->latest.version, "date",
							  r->latest.date, "source", r->latest.source)
					      : json_null(),
		      "counts", "critical", r->counts[SEV_CRITICAL], "high", r->counts[SEV_HIGH], "medium",
		      r->counts[SEV_MEDIUM], "low", r->counts[SEV_LOW], "unscored", r->counts[SEV_NONE], "matches", ms);
	return o;
}

static void result_print(const struct cli *c, const struct device_result *r)
{
	const struct device *d = r->dev;
	int en = c->lang == MS_LANG_EN;

	printf(en ? "line %d  %s %s  firmware %s\n" : "回線%d  %s %s  ファームウェア %s\n", d->line_no,
	       d->maker ? d->maker : "-", d->model ? d->model : "-",
	       model_value_known(d->firmware) ? d->firmware : (en ? "unknown (not checked)" : "不明 (確認未実施)"));
	if (r->has_latest)
		printf(en ? "  latest firmware %s (%s, %s)\n" : "  最新のファームウェア %s (%s 確認, %s)\n",
		       r->latest.version, r->latest.date, r->latest.source);
	else
		printf(en ? "  latest firmware: not in the index\n" : "  最新のファームウェア: 最新版情報なし\n");
	if (!r->mapped) {
		printf(en ? "  not checked: no CPE name known for this maker and model (data/products.json)\n"
			  : "  照合せず: このメーカー・機種の製品名 (CPE) が未登録です (data/products.json)\n");
		return;
	}
	if (!r->checked)
		return;
	printf(en ? "  critical %d, high %d, medium %d, low %d, without a CVSS v3 score %d\n"
		  : "  緊急 %d 件, 重要 %d 件, 警告 %d 件, 注意 %d 件, CVSS v3 スコアなし %d 件\n",
	       r->counts[SEV_CRITICAL], r->counts[SEV_HIGH], r->counts[SEV_MEDIUM], r->counts[SEV_LOW],
	       r->counts[SEV_NONE]);
	if (r->fixed_in[0])
		printf(en ? "  the known vulnerabilities are fixed from %s on\n"
			  : "  既知の脆弱性は %s 以降で修正されています\n", r->fixed_in);
	for (size_t i = 0; i < r->n; i++) {
		cli_vuln_row(c, r->v[i], "    ");
	}
}


int cmd_firmware(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "index", required_argument, NULL, OPT_INDEX },
		{ NULL, 0, NULL, 0 },
	};
	const char *index = NULL;
	struct store *st = NULL;
	struct store_revision rev;
	struct intake_doc *doc = NULL;
	struct vdb *db = NULL;
	struct vdb_products *map = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int64_t hid;
	char *hname = NULL, *json = NULL, path[4096];
	json_t *devices = NULL;
	int rc = cli_options(c, argc, argv, opts, firmware_option, &index, "medsec firmware",
			     firmware_help_ja, firmware_help_en);

	if (rc != CLI_GO)
		return rc;
	if (optind != argc)
		return cli_usage(c, "medsec firmware [--index PATH] [--json]");
	index = cli_vulndb_path(index);
	cli_data_path("products.json", path, sizeof(path));
	if ((rc = vdb_products_load(path, &map, &d, &err)) && !d.n)
		goto fail;
	if (rc) {
		cli_diags(c, &d);
		goto out;
	}
	if ((rc = vdb_open(index, &db, &err)) || (rc = store_open(&st, c->db, &err)) ||
	    (rc = store_hospital_find(st, c->hospital, &hid, &hname, &err)) ||
	    (rc = store_intake_latest(st, hid, &rev, &json, &err)) ||
	    (rc = intake_load_json_mem(json, strlen(json), hname, &doc, &d, &err)))
		goto fail;

	devices = json_array();
	for (size_t i = 0; i < doc->n_devices; i++) {
		struct device_result r;
		check_device(db, map, &doc->devices[i], &r);
		if (c->json)
			json_array_append_new(devices, result_json(&r));
		else
			result_print(c, &r);
		result_free(&r);
	}
	if (c->json) {
		json_t *root = json_pack("{s:s, s:i, s:O, s:s}", "hospital", hname, "revision", (int)rev.revision,
					 "devices", devices, "notice", VDB_NVD_NOTICE);
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		puts(s);
		free(s);
		json_decref(root);
	} else {
		printf("%s\n", VDB_NVD_NOTICE);
	}
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	json_decref(devices);
	ms_diags_dispose(&d);
	intake_doc_free(doc);
	free(json);
	free(hname);
	store_close(st);
	vdb_close(db);
	vdb_products_free(map);
	return rc;
}
