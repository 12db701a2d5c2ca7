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
#include "medsec/model.h"
#include "medsec/report.h"
#include "medsec/survey.h"

enum { OPT_INDEX = OPT__FIRST_LOCAL };

static const struct cli_opt firmware_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH",
	  "インデックスファイル (既定: MEDSEC_VULNDB または ./medsec.vulndb)",
	  "the index file (default: MEDSEC_VULNDB or ./medsec.vulndb)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd firmware_cmd = {
	.usage_ja = "medsec firmware [--index パス] [--json] [--hospital 名前]",
	.usage_en = "medsec firmware [--index PATH] [--json] [--hospital NAME]",
	.about_ja =
	        "記入依頼書で申告された各機器のファームウェアを脆弱性インデックスと照合します\n"
	        "(別紙2 調査前申告ファームウェアバージョンにおける脆弱性情報一覧)。機器はメーカーと\n"
	        "機種から data/products.json で CPE 名に対応づけます。ファームウェアが不明の機器は\n"
	        "照合せず「確認未実施」とします。最新のファームウェアは、インデックスに取り込んだ\n"
	        "最新版一覧 (data/firmware-latest.json の形式) にある機種だけ表示します。",
	.about_en =
	        "Checks the firmware declared for each device against the vulnerability index (annex 2).\n"
	        "Devices are mapped from maker and model to CPE names by data/products.json; a device\n"
	        "whose firmware is unknown is not checked. The latest firmware is shown for models in an\n"
	        "imported latest-firmware list (the format of data/firmware-latest.json).",
	.opts = firmware_opts,
};

static int firmware_option(int opt, const char *arg, void *ctx)
{
	if (opt != OPT_INDEX)
		return -1;
	*(const char **)ctx = arg;
	return 0;
}

static json_t *target_json(const struct assess_target *t, const struct device *d)
{
	json_t *cpe = json_array(), *ms = json_array();
	char names[sizeof(t->cpe_names)], *save = NULL;

	snprintf(names, sizeof(names), "%s", t->cpe_names);
	for (char *n = strtok_r(names, " ", &save); n; n = strtok_r(NULL, " ", &save))
		json_array_append_new(cpe, json_string(n));
	/* The counted matches, then those only the product matched (confidence "product"). */
	for (size_t i = 0; i < t->n; i++)
		json_array_append_new(ms, report_vuln_json(&t->v[i]));
	for (size_t i = 0; i < t->n_to_confirm; i++)
		json_array_append_new(ms, report_vuln_json(&t->to_confirm[i]));
	return json_pack(
	        "{s:i, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:{s:i, s:i, s:i, s:i, s:i}, s:o}",
	        "line_no", t->line_no, "kind",
	        cli_json_str(model_enum_key(model_device_kinds, (int)d->kind)), "maker",
	        cli_json_str(t->maker), "model", cli_json_str(t->model), "firmware",
	        cli_json_str(t->version), "status", assess_check_status_key(t->status), "cpe", cpe,
	        "fixed_in", cli_json_str(t->fixed_in), "latest",
	        t->latest ? json_pack("{s:s, s:s, s:s}", "version", t->latest, "date",
	                              t->latest_date, "source", t->latest_source)
	                  : json_null(),
	        "counts", "critical", t->counts[SEV_CRITICAL], "high", t->counts[SEV_HIGH],
	        "medium", t->counts[SEV_MEDIUM], "low", t->counts[SEV_LOW], "unscored",
	        t->counts[SEV_NONE], "matches", ms);
}

/* One vulnerability as a table row (severity, score, CVE, JVNDB, KEV, confidence, title). */
static void vuln_row(const struct cli *c, const struct assess_vuln *v)
{
	char score[16] = "-", jvn[32];

	if (v->score >= 0)
		snprintf(score, sizeof(score), "%.1f", v->score);
	snprintf(jvn, sizeof(jvn), "%.*s", (int)strcspn(v->jvndb ? v->jvndb : "-", ","),
	         v->jvndb ? v->jvndb : "-");
	fputs("    ", stdout);
	cli_pad(stdout, v->score >= 0 ? cli_severity(c, v->severity) : "-", 9);
	cli_pad(stdout, score, 5);
	cli_pad(stdout, v->cve ? v->cve : "-", 17);
	cli_pad(stdout, jvn, 18);
	cli_pad(stdout, v->kev ? (v->ransomware ? "KEV+R" : "KEV") : "", 6);
	cli_pad(stdout, cli_confidence(c, v->confidence), 9);
	printf("%s\n", v->title ? v->title : "");
}

static void target_print(const struct cli *c, const struct assess_target *t)
{
	printf(L(C_LINE_FIRMWARE), t->line_no, t->maker ? t->maker : "-", t->model ? t->model : "-",
	       model_value_known(t->version) ? t->version : (L(C_UNKNOWN_NOT_CHECKED)));
	if (t->latest)
		printf(L(C_LATEST_FIRMWARE), t->latest, t->latest_date, t->latest_source);
	else
		printf(L(C_LATEST_FIRMWARE_NOT_IN_THE_INDEX));
	if (t->status == CHECK_NO_MAPPING)
		printf(L(C_NOT_CHECKED_NO_CPE_NAME_KNOWN));
	if (t->status != CHECK_DONE)
		return;
	printf(L(C_CRITICAL_HIGH_MEDIUM_LOW_WITHOUT_A), t->counts[SEV_CRITICAL],
	       t->counts[SEV_HIGH], t->counts[SEV_MEDIUM], t->counts[SEV_LOW], t->counts[SEV_NONE]);
	if (t->fixed_in)
		printf(L(C_THE_KNOWN_VULNERABILITIES_ARE_FIXED_FROM), t->fixed_in);
	for (size_t i = 0; i < t->n; i++)
		vuln_row(c, &t->v[i]);
	for (size_t i = 0; i < t->n_to_confirm; i++)
		vuln_row(c, &t->to_confirm[i]);
}

int cmd_firmware(struct cli *c, int argc, char **argv)
{
	const char *index = NULL;
	struct survey_config cfg;
	struct survey_session s;
	struct survey_firmware f;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc = cli_parse(c, argc, argv, &firmware_cmd, firmware_option, &index);

	if (rc != CLI_GO)
		return rc;
	if (optind != argc)
		return cli_usage(c, "medsec firmware [--index PATH] [--json]");
	if ((rc = cli_open_session(c, index, &cfg, &s)))
		return rc;
	if ((rc = survey_firmware(&s, &f, &d, &err))) {
		rc = cli_fail(c, &d, &err);
	} else if (c->json) {
		json_t *devices = json_array(), *root;
		char *out;

		for (size_t i = 0; i < f.a->n_targets; i++)
			json_array_append_new(devices,
			                      target_json(&f.a->targets[i], &f.doc->devices[i]));
		root = json_pack("{s:s, s:i, s:o, s:s}", "hospital", s.hospital, "revision",
		                 f.revision, "devices", devices, "notice", VDB_NVD_NOTICE);
		out = json_dumps(root,
		                 JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		puts(out);
		free(out);
		json_decref(root);
	} else {
		for (size_t i = 0; i < f.a->n_targets; i++)
			target_print(c, &f.a->targets[i]);
		printf("%s\n", VDB_NVD_NOTICE);
	}
	survey_firmware_free(&f);
	ms_diags_dispose(&d);
	survey_close(&s);
	return rc;
}
