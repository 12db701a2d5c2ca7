/*
 * cmd_terminal.c - `medsec terminal import FILE|DIR...` and `medsec terminal show`:
 * the terminal survey (端末調査) from the files medsec-collector.exe writes on each PC.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/report.h"

static const struct cli_cmd terminal_cmd = {
	.usage_ja = "medsec terminal import ファイルまたはフォルダ... [--json]\n"
	            "medsec terminal show [--json]",
	.usage_en = "medsec terminal import FILE|FOLDER... [--json]\n"
	            "medsec terminal show [--json]",
	.about_ja =
	        "端末調査: 各 PC で medsec-collector.exe (USB メモリから実行、管理者権限不要) が\n"
	        "書き出した JSON を取り込み (フォルダはその中の .json すべて)、記入依頼書の調査端末と\n"
	        "ホスト名で対応づけて現在の調査回に保存します。1 つでも誤りがあれば何も保存しません。\n"
	        "show は各端末の OS とバージョン、OS の状態 (サポート中・終了。本日の日本の日付で判定、\n"
	        "data/windows-lifecycle.json)、USB 記憶装置の制限、リモートデスクトップ、SMBv1 を表示します。",
	.about_en =
	        "The terminal survey: imports the JSON files medsec-collector.exe wrote on each PC (run from\n"
	        "a USB stick, no administrator rights needed; a folder stands for its .json files),\n"
	        "matches them to the declared terminals by host name and stores them in the current round;\n"
	        "one bad file and nothing is stored. `show` lists each PC's OS and version, whether it is\n"
	        "still supported (today in Japan, data/windows-lifecycle.json), USB storage restriction,\n"
	        "Remote Desktop and SMBv1.",
	.opts = NULL,
};

static const char *usb_text(enum usb_storage u, int en)
{
	switch (u) {
	case USB_BLOCKED: return en ? "blocked" : "制限あり (使用不可)";
	case USB_READ_ONLY: return en ? "read-only" : "制限あり (読み取りのみ)";
	case USB_ALLOWED:
		return en ? "none in the registry (to confirm)" : "なし (要確認: 制御ソフトの有無)";
	default: return en ? "unknown" : "不明";
	}
}

/* "サポート中 (2032-01-13 まで)", "サポート終了 (2025-10-14)", "不明 (要確認)". */
static const char *support_text(const struct survey_terminal *t, int en)
{
	static char buf[96];
	const char *ends = t->life ? t->life->ends : "?";

	if (t->support == OS_SUPPORTED)
		snprintf(buf, sizeof(buf), en ? "supported (until %s)" : "サポート中 (%s まで)",
		         ends);
	else if (t->support == OS_SUPPORT_ENDED)
		snprintf(buf, sizeof(buf), en ? "ended (%s)" : "サポート終了 (%s)", ends);
	else
		snprintf(buf, sizeof(buf), "%s", en ? "unknown (to confirm)" : "不明 (要確認)");
	return buf;
}

/* A PC as report.json has it, with what the collector does not read yet (antivirus) and the
 * findings, which `medsec assess` ranks. */
static json_t *terminal_json(const struct survey_terminal *t)
{
	struct terminal_result r;
	json_t *o;

	survey_terminal_result(t, &r);
	o = report_terminal_json(&r);
	json_object_set_new(o, "av", json_array());
	json_object_set_new(o, "findings", json_array());
	return o;
}

static int show(struct cli *c, struct survey_session *s)
{
	struct survey_terminals ts;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int en = c->lang == MS_LANG_EN, rc = survey_terminals(s, &ts, &d, &err);

	if (rc) {
		rc = cli_fail(c, &d, &err);
	} else if (c->json) {
		json_t *arr = json_array();
		char *out;

		for (size_t i = 0; i < ts.n; i++)
			if (ts.v[i].c)
				json_array_append_new(arr, terminal_json(&ts.v[i]));
		json_t *root = json_pack("{s:s, s:o}", "as_of", ts.today, "terminals", arr);

		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(root);
		puts(out);
		free(out);
	} else {
		printf(en ? "Terminals (support status as of %s)\n"
		          : "調査端末 (OS の状態は %s 時点)\n",
		       ts.today);
		for (size_t i = 0; i < ts.n; i++) {
			const struct survey_terminal *t = &ts.v[i];
			if (!t->c)
				continue;
			if (t->declared)
				printf(en ? "  terminal %d  %s\n" : "  端末%d  %s\n",
				       t->declared->no, t->row->host);
			else
				printf(en ? "  (undeclared)  %s\n" : "  (記入依頼書になし)  %s\n",
				       t->row->host);
			printf(en ? "    OS: %s %s (build %u.%u)  %s\n"
			          : "    OS: %s %s (ビルド %u.%u)  %s\n",
			       t->os.product_name ? t->os.product_name : "?",
			       t->os.edition_id ? t->os.edition_id : "", t->os.build, t->os.ubr,
			       support_text(t, en));
			printf(en ? "    USB storage: %s; Remote Desktop: %s%s; SMBv1: %s\n"
			          : "    USB使用制限: %s / リモートデスクトップ: %s%s / SMBv1: %s\n",
			       usb_text(t->usb, en),
			       t->rdp_allowed ? (en ? "allowed" : "許可") : (en ? "off" : "無効"),
			       t->rdp_allowed && t->rdp_nla == 0
			               ? (en ? " without NLA" : " (NLA なし)")
			               : "",
			       t->smb1 == 1   ? (en ? "on" : "有効")
			       : t->smb1 == 0 ? (en ? "off" : "無効")
			                      : "-");
		}
	}
	ms_diags_dispose(&d);
	survey_terminals_free(&ts);
	return rc;
}

static int import(struct cli *c, struct survey_session *s, int n, char **paths)
{
	struct ms_diags d = { 0 };
	struct ms_error err;
	size_t imported, undeclared;
	int rc = survey_terminal_import(s, (const char *const *)paths, (size_t)n, &imported,
	                                &undeclared, &d, &err);
	char what[64];

	if (rc) {
		rc = cli_fail(c, &d, &err);
	} else if (c->json) {
		printf("{\"imported\": %zu, \"undeclared\": %zu}\n", imported, undeclared);
	} else {
		snprintf(what, sizeof(what),
		         c->lang == MS_LANG_EN ? "%zu files (%zu of undeclared PCs)"
		                               : "%zu 件 (うち記入依頼書にない端末 %zu 件)",
		         imported, undeclared);
		cli_say(c, MSG_TERMINALS_IMPORTED, what);
	}
	ms_diags_dispose(&d);
	return rc;
}

int cmd_terminal(struct cli *c, int argc, char **argv)
{
	struct survey_config cfg;
	struct survey_session s;
	int rc = cli_parse(c, argc, argv, &terminal_cmd, NULL, NULL);
	const char *sub;

	if (rc != CLI_GO)
		return rc;
	sub = optind < argc ? argv[optind] : NULL;
	if (!sub || (strcmp(sub, "import") && strcmp(sub, "show")) ||
	    (!strcmp(sub, "import") && optind + 1 >= argc) ||
	    (!strcmp(sub, "show") && optind + 1 != argc))
		return cli_bad_usage(c, &terminal_cmd);
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	rc = !strcmp(sub, "show") ? show(c, &s)
	                          : import(c, &s, argc - optind - 1, argv + optind + 1);
	survey_close(&s);
	return rc;
}
