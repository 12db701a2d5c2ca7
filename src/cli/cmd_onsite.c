/* cmd_onsite.c - `medsec onsite`: record, show or write the blank onsite survey sheet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "medsec/clock.h"
#include "medsec/onsite.h"

enum { OPT_CHECK = OPT__FIRST_LOCAL, OPT_SHOW, OPT_TEMPLATE, OPT_FORCE };

static const struct cli_opt onsite_opts[] = {
	{ "check", no_argument, OPT_CHECK, NULL, NULL, "検査だけ行い保存しない",
	  "check only, save nothing" },
	{ "show", no_argument, OPT_SHOW, NULL, NULL, "記録済みの内容を表示する",
	  "show the recorded survey" },
	{ "template", required_argument, OPT_TEMPLATE, "ファイル", "FILE",
	  "記入用の「現地調査」シートを書き出す (計画の回線を記入済み)",
	  "write the blank 現地調査 sheet (with the plan's lines)" },
	{ "force", no_argument, OPT_FORCE, NULL, NULL, "既存のファイルを上書きする",
	  "overwrite an existing file" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd onsite_cmd = {
	.usage_ja = "medsec onsite ファイル [--check]\n"
	            "medsec onsite --show [--json]\n"
	            "medsec onsite --template ファイル.xlsx [--force]",
	.usage_en = "medsec onsite FILE [--check]\n"
	            "medsec onsite --show [--json]\n"
	            "medsec onsite --template FILE.xlsx [--force]",
	.about_ja =
	        "現地調査の結果を記録します: 計画の回線ごとに現地で確認できたか (できなければ理由)、\n"
	        "申告のない回線終端装置 (対象外回線) の種類と場所、確認した機器とログインの有無・\n"
	        "ログインして確認したファームウェア、設置場所 (建物・階・部屋)。\n"
	        "入力は JSON (docs/json/onsite.schema.json) または「現地調査」シートのある .xlsx です。\n"
	        "回線番号は調査実施計画一覧の番号です。誤りがあれば全件を表示して終了コード 2 で\n"
	        "終わり、何も保存しません。同じ調査回で再度記録すると置き換えます。",
	.about_en =
	        "Records the onsite survey: per planned line whether its termination was traced on\n"
	        "site (else why not), terminations nobody declared (unregistered lines) with their\n"
	        "type and place, devices seen with whether the team logged in and the firmware read,\n"
	        "and where each stands. Input is JSON (docs/json/onsite.schema.json) or a workbook\n"
	        "with the 現地調査 sheet; line numbers are the plan's. Any error is listed with its\n"
	        "place and nothing is saved (exit 2). Recording again in the same round replaces it.",
	.opts = onsite_opts,
};

struct onsite_flags {
	int check, show, force;
	const char *template;
};

static int onsite_option(int opt, const char *arg, void *ctx)
{
	struct onsite_flags *f = ctx;

	switch (opt) {
	case OPT_CHECK: f->check = 1; return 0;
	case OPT_SHOW: f->show = 1; return 0;
	case OPT_TEMPLATE: f->template = arg; return 0;
	case OPT_FORCE: f->force = 1; return 0;
	default: return -1;
	}
}

int cli_onsite_template(struct cli *c, const char *path, int force)
{
	struct survey_config cfg;
	struct survey_session s;
	struct plan *plan = NULL;
	struct ms_error err;
	int rc;

	if (!force && access(path, F_OK) == 0) {
		ms_fail(&err, MS_ERR_INPUT, MSG_FILE_EXISTS, path, NULL);
		return cli_error(c, &err);
	}
	/* With no store or no plan yet the sheet is simply blank. */
	cli_config(c, NULL, &cfg);
	if (access(c->db, F_OK) == 0 && survey_open(&s, &cfg, &err) == MS_OK) {
		survey_stored_plan(&s, &plan, &err);
		survey_close(&s);
	}
	rc = onsite_template_write(path, plan, &err);
	plan_free(plan);
	if (rc)
		return cli_error(c, &err);
	cli_say(c, MSG_TEMPLATE_WRITTEN, path);
	return 0;
}

static void print_place(const struct place *p)
{
	printf("%s %s %s", p->building ? p->building : "", p->floor ? p->floor : "",
	       p->room ? p->room : "");
}

static void show(const struct cli *c, const struct onsite_doc *doc)
{
	printf(L(C_ONSITE_SURVEY_OF), doc->surveyed_on, doc->surveyors ? " / " : "",
	       doc->surveyors ? doc->surveyors : "");
	for (size_t i = 0; i < doc->n_lines; i++) {
		const struct onsite_line *l = &doc->lines[i];
		printf(L(C_LINE), l->line_no,
		       l->confirmed == TRI_YES ? (L(R_CONFIRMED)) : (L(C_NOT_CONFIRMED)));
		print_place(&l->place);
		if (l->confirmed == TRI_NO)
			printf(L(C_WHY), l->reason ? l->reason : "-");
		putchar('\n');
	}
	for (size_t i = 0; i < doc->n_unregistered; i++) {
		const struct onsite_unregistered *u = &doc->unregistered[i];
		printf(L(C_UNREGISTERED_LINE),
		       model_enum_label(model_termination_kinds, (int)u->termination, c->lang));
		print_place(&u->place);
		putchar('\n');
	}
	for (size_t i = 0; i < doc->n_devices; i++) {
		const struct onsite_device *v = &doc->devices[i];
		printf(L(C_LINE_DEVICE_FIRMWARE), v->line_no, v->maker, v->model,
		       v->login == TRI_YES ? v->firmware : (L(R_NOT_CHECKED)));
	}
}

int cmd_onsite(struct cli *c, int argc, char **argv)
{
	struct onsite_flags fl = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct onsite_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;
	char *json = NULL;
	int rc = cli_parse(c, argc, argv, &onsite_cmd, onsite_option, &fl);

	if (rc != CLI_GO)
		return rc;
	if (fl.template)
		return optind == argc ? cli_onsite_template(c, fl.template, fl.force)
		                      : cli_usage(c, "medsec onsite --template FILE.xlsx");
	if (fl.show ? optind != argc : optind + 1 != argc)
		return cli_usage(c, "medsec onsite FILE | --show");
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (fl.show) {
		if ((rc = survey_onsite_stored(&s, &json, &doc, &err)))
			rc = cli_error(c, &err);
		else if (!json)
			cli_say(c, MSG_ONSITE_NONE, NULL);
		else if (c->json)
			puts(json);
		else
			show(c, doc);
	} else if ((rc = onsite_load(argv[optind], &doc, &d, &err)) ||
	           (rc = survey_onsite_record(&s, doc, fl.check ? NULL : argv[optind], &d, &err))) {
		rc = cli_fail(c, &d, &err);
	} else {
		if (d.n)
			cli_diags(c, &d); /* warnings */
		if (!fl.check)
			cli_say(c, MSG_ONSITE_SAVED, argv[optind]);
	}
	ms_diags_dispose(&d);
	onsite_doc_free(doc);
	free(json);
	survey_close(&s);
	return rc;
}
