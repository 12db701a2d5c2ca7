/* cmd_intake.c - `medsec template` and `medsec intake`. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/intake.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Loads the latest stored declarations of the chosen hospital. */
static int load_stored(struct cli *c, struct intake_doc **doc, int *revision)
{
	struct survey_config cfg;
	struct survey_session s;
	struct intake_revision rev;
	struct ms_error err;
	int rc;

	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	rc = survey_declarations(&s, doc, &rev, &err);
	survey_close(&s);
	if (rc)
		return cli_error(c, &err);
	*revision = rev.revision;
	return 0;
}

enum {
	OPT_FILLED = OPT__FIRST_LOCAL,
	OPT_FORCE,
	OPT_CHECK,
	OPT_ALLOW_TEST,
	OPT_ONSITE,
	OPT_BACKUP
};

static const struct cli_opt intake_opts[] = {
	{ "check", no_argument, OPT_CHECK, NULL, NULL, "検査のみ行い、取り込まない",
	  "check only, store nothing" },
	{ "allow-test-addresses", no_argument, OPT_ALLOW_TEST, NULL, NULL,
	  "検証用アドレス(198.18.0.0/15 等)をグローバルIPとして認める\n"
	  "(テスト環境・デモ用)",
	  "admit test ranges (198.18.0.0/15 ...) as global addresses" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd intake_cmd = {
	.usage_ja = "medsec intake ファイル [--check] [--allow-test-addresses] [--json]",
	.usage_en = "medsec intake FILE [--check] [--allow-test-addresses] [--json]",
	.about_ja =
	        "記入済みの医療機関記入依頼書(.xlsx)またはその JSON 版を読み、すべての項目を\n"
	        "検査してから1つのトランザクションで取り込みます。問題があれば全件を\n"
	        "「medsec: ファイル:シート:行:列: 値: 内容」の形で表示し、終了コード 2 で終わり、\n"
	        "データベースは変更しません。同じ医療機関を再度取り込むと新しい版になります。\n"
	        "アカウント・パスワードリストのシートは保存しません(記入があれば警告します)。",
	.about_en =
	        "Reads a filled intake workbook (.xlsx) or its JSON twin, checks everything,\n"
	        "and stores it in one transaction. Every problem is printed as\n"
	        "\"medsec: FILE:SHEET:ROW:COLUMN: value: what\"; then the exit status is 2 and the\n"
	        "store is untouched. Importing the same hospital again makes a new revision.\n"
	        "The account/password sheet is never stored (a filled one is warned about).",
	.opts = intake_opts,
};

static const struct cli_opt template_opts[] = {
	{ "filled", no_argument, OPT_FILLED, NULL, NULL,
	  "登録済みの最新の申告内容を記入した状態で書き出す(再調査用)。\n"
	  "ファイル名が .json なら JSON 形式で書き出す",
	  "fill it with the latest stored declarations (for a re-survey);\n"
	  "a FILE ending in .json gets the JSON twin instead" },
	{ "force", no_argument, OPT_FORCE, NULL, NULL, "既存のファイルを上書きする",
	  "overwrite an existing file" },
	{ "onsite", no_argument, OPT_ONSITE, NULL, NULL,
	  "現地調査の記入シート (現地調査) を書き出す (計画の回線を記入済み)",
	  "write the onsite survey sheet (現地調査) instead, with the plan's lines" },
	{ "backup", no_argument, OPT_BACKUP, NULL, NULL,
	  "オフラインバックアップ支援のアンケート (バックアップ・支援の意向) を書き出す",
	  "write the offline-backup questionnaire (backups, intent) instead" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd template_cmd = {
	.usage_ja = "medsec template ファイル.xlsx [--filled] [--hospital 名前]",
	.usage_en = "medsec template FILE.xlsx [--filled] [--hospital NAME]",
	.about_ja = "記入用ブック(医療機関記入依頼書)を書き出します。シートは 基本情報記入シート、\n"
	            "回線・機器情報記入シート、調査端末情報記入シート、設置場所記入シート、\n"
	            "アカウント・パスワードリスト(提出不要)です。(*) の列は必須、選択式の列は\n"
	            "ドロップダウンで選べます。",
	.about_en =
	        "Writes the intake workbook (医療機関記入依頼書) with its five sheets, required\n"
	        "columns marked (*), drop-downs for every closed set and one example row each.",
	.opts = template_opts,
};

/* The flags of template and intake, set by their options. */
struct intake_flags {
	int filled, force, check, allow_test, onsite, backup;
};

static int intake_option(int opt, const char *arg, void *ctx)
{
	struct intake_flags *f = ctx;

	switch (opt) {
	case OPT_FILLED: f->filled = 1; return 0;
	case OPT_FORCE: f->force = 1; return 0;
	case OPT_CHECK: f->check = 1; return 0;
	case OPT_ALLOW_TEST: f->allow_test = 1; return 0;
	case OPT_ONSITE: f->onsite = 1; return 0;
	case OPT_BACKUP: f->backup = 1; return 0;
	default: return -1;
	}
}

int cmd_template(struct cli *c, int argc, char **argv)
{
	struct intake_doc *doc = NULL;
	struct ms_error err;
	struct intake_flags fl = { 0 };
	int rev = 0, rc;

	rc = cli_parse(c, argc, argv, &template_cmd, intake_option, &fl);
	if (rc != CLI_GO)
		return rc;
	if (optind + 1 != argc)
		return cli_usage(c, "medsec template FILE.xlsx [--filled | --onsite | --backup]");
	if (fl.onsite)
		return cli_onsite_template(c, argv[optind], fl.force);
	/* A blank template written over a filled-in workbook would lose a hospital's work. */
	if (!fl.force && access(argv[optind], F_OK) == 0) {
		ms_fail(&err, MS_ERR_INPUT, MSG_FILE_EXISTS, argv[optind], NULL);
		return cli_error(c, &err);
	}
	if (fl.backup) {
		if (backup_template_write(argv[optind], &err))
			return cli_error(c, &err);
		cli_say(c, MSG_TEMPLATE_WRITTEN, argv[optind]);
		return 0;
	}
	if (fl.filled && (rc = load_stored(c, &doc, &rev)))
		return rc;
	if (fl.filled && ends_with(argv[optind], ".json")) {
		char *json = intake_json_dump(doc);
		FILE *f = fopen(argv[optind], "w");

		rc = !f || fputs(json, f) < 0 || fputc('\n', f) < 0;
		rc |= f && fclose(f) != 0;
		free(json);
		intake_doc_free(doc);
		if (rc) {
			ms_fail(&err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, argv[optind], argv[optind]);
			return cli_error(c, &err);
		}
		cli_say(c, MSG_TEMPLATE_WRITTEN, argv[optind]);
		return 0;
	}
	rc = intake_template_write(argv[optind], doc, &err);
	intake_doc_free(doc);
	if (rc)
		return cli_error(c, &err);
	if (!c->json)
		cli_say(c, MSG_TEMPLATE_WRITTEN, argv[optind]);
	return 0;
}

static void print_json_result(const struct intake_doc *doc, const struct intake_revision *rev,
                              const struct ms_diags *d, int stored)
{
	json_t *warnings = json_array(), *root;
	char *s;

	for (size_t i = 0; i < d->n; i++)
		json_array_append_new(warnings,
		                      json_pack("{s:s, s:s?, s:s}", "where", d->v[i].where, "value",
		                                d->v[i].value, "message",
		                                msg_text(d->v[i].msg, MS_LANG_EN)));
	root = json_pack("{s:s, s:b, s:i, s:b, s:i, s:i, s:i, s:o}", "hospital",
	                 doc->hospital.name ? doc->hospital.name : "", "stored", stored, "revision",
	                 rev ? rev->revision : 0, "unchanged", rev ? rev->unchanged : 0, "lines",
	                 (int)doc->n_lines, "devices", (int)doc->n_devices, "terminals",
	                 (int)doc->n_terminals, "warnings", warnings);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	puts(s);
	free(s);
	json_decref(root);
}

int cmd_intake(struct cli *c, int argc, char **argv)
{
	struct intake_options io = { 0 };
	struct intake_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct intake_revision rev;
	struct survey_config cfg;
	struct intake_flags fl = { 0 };
	int rc;
	char count[24];

	rc = cli_parse(c, argc, argv, &intake_cmd, intake_option, &fl);
	if (rc != CLI_GO)
		return rc;
	io.allow_test_addresses = fl.allow_test;
	if (optind + 1 != argc)
		return cli_usage(c, "medsec intake FILE");
	if (intake_load(argv[optind], &doc, &d, &err) != MS_OK) {
		ms_diags_dispose(&d);
		return cli_error(c, &err);
	}
	intake_validate(doc, &io, &d);
	cli_diags(c, &d);
	if (d.errors) {
		snprintf(count, sizeof(count), "%zu", d.errors);
		ms_fail(&err, MS_ERR_INPUT, MSG_INTAKE_REJECTED, argv[optind], count);
		intake_doc_free(doc);
		ms_diags_dispose(&d);
		return cli_error(c, &err);
	}
	if (fl.check) {
		if (c->json)
			print_json_result(doc, NULL, &d, 0);
		else
			cli_say(c, MSG_INTAKE_CHECKED, argv[optind]);
		intake_doc_free(doc);
		ms_diags_dispose(&d);
		return 0;
	}
	cli_config(c, NULL, &cfg);
	rc = survey_intake_save(&cfg, doc, argv[optind], io.allow_test_addresses, &rev, &err);
	if (rc) {
		rc = cli_error(c, &err);
	} else if (c->json) {
		print_json_result(doc, &rev, &d, 1);
	} else {
		char what[512];

		snprintf(what, sizeof(what), L(C_REVISION_LINES_DEVICES_TERMINALS),
		         doc->hospital.name, rev.revision, rev.unchanged ? (L(C_UNCHANGED)) : "",
		         doc->n_lines, doc->n_devices, doc->n_terminals);
		cli_say(c, MSG_INTAKE_STORED, what);
	}
	intake_doc_free(doc);
	ms_diags_dispose(&d);
	return rc;
}
