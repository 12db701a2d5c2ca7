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
	            "medsec terminal show [--json]\n"
	            "medsec terminal lifecycle ファイル",
	.usage_en = "medsec terminal import FILE|FOLDER... [--json]\n"
	            "medsec terminal show [--json]\n"
	            "medsec terminal lifecycle FILE",
	.about_ja =
	        "端末調査: 各 PC で medsec-collector.exe (USB メモリから実行、管理者権限不要) が\n"
	        "書き出した JSON を取り込み (フォルダはその中の .json すべて)、記入依頼書の調査端末と\n"
	        "ホスト名 (なければ IP アドレス) で対応づけて現在の調査回に保存します。1 つでも誤りが\n"
	        "あれば何も保存しません。show は各端末の OS とバージョン、OS の状態 (サポート中・終了。\n"
	        "本日の日本の日付で判定)、ウイルス対策製品とパターンファイル、最終更新日、USB 記憶装置の\n"
	        "制限、リモートデスクトップ、SMBv1、ファイアウォール、パスワードポリシーと指摘を表示します。\n"
	        "lifecycle は新しい Windows のサポート期限一覧 (data/windows-lifecycle.json と同じ形式) を\n"
	        "検査して取り込みます。同じ版・エディションの期限は置き換え、ほかは追加します。",
	.about_en =
	        "The terminal survey: imports the JSON files medsec-collector.exe wrote on each PC (run from\n"
	        "a USB stick, no administrator rights needed; a folder stands for its .json files),\n"
	        "matches them to the declared terminals by host name (else by IP address) and stores them\n"
	        "in the current round; one bad file and nothing is stored. `show` lists each PC's OS and\n"
	        "version, whether it is still supported (today in Japan), its antivirus and definitions,\n"
	        "last update, USB storage restriction, Remote Desktop, SMBv1, firewall, password policy\n"
	        "and findings. `lifecycle` checks and imports a newer Windows lifecycle list (the form of\n"
	        "data/windows-lifecycle.json): its dates replace those of the same release and edition,\n"
	        "the rest are added.",
	.opts = NULL,
};

static const char *usb_text(enum usb_storage u, enum ms_lang lang)
{
	switch (u) {
	case USB_BLOCKED: return TXT(lang, C_BLOCKED);
	case USB_READ_ONLY: return TXT(lang, C_READ_ONLY);
	case USB_ALLOWED: return TXT(lang, C_NONE_IN_THE_REGISTRY_TO_CONFIRM);
	default: return TXT(lang, R_UNKNOWN);
	}
}

/* "サポート中 (2032-01-13 まで)", "サポート終了 (2025-10-14)", "不明 (要確認)". */
static const char *support_text(const struct survey_terminal *t, enum ms_lang lang)
{
	static char buf[96];
	const char *ends = t->life ? t->life->ends : "?";

	if (t->support == OS_SUPPORTED)
		snprintf(buf, sizeof(buf), TXT(lang, R_SUPPORTED_UNTIL), ends);
	else if (t->support == OS_SUPPORT_ENDED)
		snprintf(buf, sizeof(buf), TXT(lang, R_ENDED), ends);
	else
		snprintf(buf, sizeof(buf), "%s", TXT(lang, R_UNKNOWN_TO_CONFIRM));
	return buf;
}

/* "Trend Micro Apex One (有効・パターンファイル最新)": the products in use and what they amount to. */
static void print_protection(const struct cli *c, const struct survey_terminal *t)
{
	struct terminal_result r;
	const char *ids[16];
	char av[512] = "", fw[32], len[16], lock[16], upd[32], found[512] = "";
	const char *status = t->av_status == AV_PROTECTED ? L(C_AV_STATUS_PROTECTED)
	                     : t->av_status == AV_STALE   ? L(C_AV_STATUS_STALE)
	                     : t->av_status == AV_OFF     ? L(C_AV_STATUS_OFF)
	                     : t->av_status == AV_NONE    ? L(C_AV_STATUS_NONE)
	                                                  : L(C_AV_STATUS_UNKNOWN);
	size_t n;

	for (size_t i = 0; i < t->n_av; i++)
		snprintf(av + strlen(av), sizeof(av) - strlen(av), "%s%s", i ? ", " : "",
		         t->av[i].name);
	snprintf(av + strlen(av), sizeof(av) - strlen(av), "%s(%s)", t->n_av ? " " : "", status);
	printf(L(C_AV_LINE), av);
	snprintf(upd, sizeof(upd), "%s", t->last_update[0] ? t->last_update : "-");
	snprintf(fw, sizeof(fw), "%s",
	         t->weaknesses & WEAK_FIREWALL_OFF                                ? L(C_OFF)
	         : t->firewall[0] < 0 && t->firewall[1] < 0 && t->firewall[2] < 0 ? "-"
	                                                                          : L(C_ON));
	snprintf(len, sizeof(len), "%d", t->policy.min_length);
	snprintf(lock, sizeof(lock), "%d", t->policy.lockout_threshold);
	printf(L(C_SETTINGS_LINE), upd, fw, t->policy.min_length >= 0 ? len : "-",
	       t->policy.lockout_threshold >= 0 ? lock : "-");
	survey_terminal_result(t, &r);
	n = terminal_finding_ids(&r, ids, 16);
	for (size_t i = 0; i < n; i++)
		snprintf(found + strlen(found), sizeof(found) - strlen(found), "%s%s", i ? " " : "",
		         ids[i]);
	if (n)
		printf(L(C_FINDINGS_LINE), found);
}

/* A PC as report.json has it ("findings": the ids of the rules; their texts are in the report). */
static json_t *terminal_json(const struct survey_terminal *t)
{
	struct terminal_result r;

	survey_terminal_result(t, &r);
	return report_terminal_json(&r);
}

static int show(struct cli *c, struct survey_session *s)
{
	struct survey_terminals ts;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc = survey_terminals(s, &ts, &d, &err);

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
		printf(L(C_TERMINALS_SUPPORT_STATUS_AS_OF), ts.today);
		if (ts.lifecycle_import.source[0])
			printf(L(C_LIFECYCLE_FROM), ts.lifecycle_import.source,
			       ts.lifecycle_import.imported_at);
		for (size_t i = 0; i < ts.n; i++) {
			const struct survey_terminal *t = &ts.v[i];
			if (!t->c)
				continue;
			if (t->declared)
				printf(L(C_TERMINAL), t->declared->no, t->row->host);
			else
				printf(L(C_UNDECLARED), t->row->host);
			struct terminal_result r;
			char os[160];

			survey_terminal_result(t, &r);
			terminal_os_name(r.product, r.family, r.display_version, os, sizeof(os));
			printf(L(C_OS_BUILD), os, t->os.build, t->os.ubr, support_text(t, c->lang));
			printf(L(C_USB_STORAGE_REMOTE_DESKTOP_SMBV1), usb_text(t->usb, c->lang),
			       t->rdp_allowed ? (L(C_ALLOWED)) : (L(C_OFF)),
			       t->rdp_allowed && t->rdp_nla == 0 ? (L(C_WITHOUT_NLA)) : "",
			       t->smb1 == 1   ? (L(C_ON))
			       : t->smb1 == 0 ? (L(C_OFF))
			                      : "-");
			print_protection(c, t);
		}
	}
	ms_diags_dispose(&d);
	survey_terminals_free(&ts);
	return rc;
}

static int lifecycle(struct cli *c, struct survey_session *s, const char *path)
{
	struct ms_diags d = { 0 };
	struct ms_error err;
	size_t added, replaced;
	int rc = survey_lifecycle_import(s, path, &added, &replaced, &d, &err);

	if (rc)
		rc = cli_fail(c, &d, &err);
	else if (c->json)
		printf("{\"added\": %zu, \"replaced\": %zu}\n", added, replaced);
	else
		printf(L(C_LIFECYCLE_IMPORTED), added, replaced, path);
	ms_diags_dispose(&d);
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
		snprintf(what, sizeof(what), L(C_FILES_OF_UNDECLARED_PCS), imported, undeclared);
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
	if (!sub || (strcmp(sub, "import") && strcmp(sub, "show") && strcmp(sub, "lifecycle")) ||
	    (!strcmp(sub, "import") && optind + 1 >= argc) ||
	    (!strcmp(sub, "show") && optind + 1 != argc) ||
	    (!strcmp(sub, "lifecycle") && optind + 2 != argc))
		return cli_bad_usage(c, &terminal_cmd);
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (!strcmp(sub, "show"))
		rc = show(c, &s);
	else if (!strcmp(sub, "lifecycle"))
		rc = lifecycle(c, &s, argv[optind + 1]);
	else
		rc = import(c, &s, argc - optind - 1, argv + optind + 1);
	survey_close(&s);
	return rc;
}
